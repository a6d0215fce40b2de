// on_record() has a weak default definition here that ignores its argument,
// but a strong definition elsewhere (Inputs/strong_hook.c, linked in, not
// analysed) replaces it at link time and keeps the pointer (record() frees
// the block only when it does not hand it to the hook). The weak body says
// nothing about what the final program calls: the block escapes.
// RUN: %difftest --expect-promoted=0 --cflag=%S/Inputs/strong_hook.c %s
// RUN: %escan -m=2 --fail-on=none %s -- -std=c11 2>&1 | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

__attribute__((weak)) void on_record(char *p) { (void)p; }
void hook_report(void);
void hook_release(void);

static void record(const char *what, int hook) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: {{.*}}escapes to heap
  char *line = malloc(32);
  if (!line)
    return;
  snprintf(line, 32, "record %s", what);
  if (hook)
    on_record(line);
  else
    free(line);
}

int main(void) {
  record("alpha", 1);
  record("skipped", 0);
  record("beta", 1);
  hook_report();
  hook_release();
  return 0;
}
