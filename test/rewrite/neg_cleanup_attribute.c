// GNU C scope-exit cleanup (systemd's _cleanup_free_, glib's g_autofree):
// __attribute__((cleanup(f))) makes the compiler call f(&p) when p goes
// out of scope, and f frees the block. That implicit call is a
// deallocator: stack storage would be passed to free() at scope exit
// (deleting only the explicit free on the early-exit path is not enough).
// RUN: %difftest --expect-promoted=0 %s
// RUN: %escan -m=2 --fail-on=none %s -- -std=c11 2>&1 | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int released;

static void free_charp(char **p) {
  if (*p)
    released++;
  free(*p);
}

#define _cleanup_free_ __attribute__((cleanup(free_charp)))

static size_t greet(const char *who) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: {{.*}}not promoted: {{.*}}
  _cleanup_free_ char *msg = malloc(40);
  if (!msg)
    return 0;
  if (strlen(who) > 20) {
    free(msg); /* give up early; the cleanup then sees NULL */
    msg = NULL;
    return 0;
  }
  snprintf(msg, 40, "hello, %s", who);
  puts(msg);
  return strlen(msg);
}

int main(void) {
  size_t n = greet("world") + greet("a name far too long to greet") + greet("cleanup");
  printf("n=%zu released=%d\n", n, released);
  return 0;
}
