// __attribute__((cleanup(f))) calls f(&v) at the end of v's scope: a block
// freed that way is neither leaked nor promoted.
// RUN: %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-m=1 %s 2>&1 | FileCheck %s --implicit-check-not='[escan-'
#include <stdlib.h>

static void free_ptr(char **p) { free(*p); } // CHECK: [[@LINE]]:29: remark: p does not escape [escan-info]
static void ignore_ptr(char **p) { (void)p; } // CHECK: [[@LINE]]:31: remark: p does not escape [escan-info]
#define _cleanup_free_ __attribute__((cleanup(free_ptr)))

void stays_freed_by_cleanup(void) {
  _cleanup_free_ char *s = malloc(16); // CHECK: [[@LINE]]:28: remark: malloc(16) does not escape [escan-info]
  s[0] = 0;
}

void leak_cleanup_does_not_free(void) {
  __attribute__((cleanup(ignore_ptr))) char *s = malloc(16); // CHECK: [[@LINE]]:50: warning: malloc(16) does not escape and is never freed (can be stack storage) [escan-leak]
  s[0] = 0;
}
