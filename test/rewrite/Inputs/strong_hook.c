/* Linked into neg_weak_hook.c's program, never shown to escan: the strong
 * definition of on_record() replaces the weak default there and keeps the
 * pointer it is given; hook_report() and hook_release() use it later. */
#include <stdio.h>
#include <stdlib.h>

static char *saved[4];
static int nsaved;

void on_record(char *p) {
  if (nsaved < 4)
    saved[nsaved++] = p;
}

void hook_report(void) {
  for (int i = 0; i < nsaved; i++)
    printf("hooked: %s\n", saved[i]);
}

void hook_release(void) {
  for (int i = 0; i < nsaved; i++)
    free(saved[i]);
  nsaved = 0;
}
