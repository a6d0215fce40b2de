// The default level (m=0) shows findings only: no parameter tags, no
// "escapes"/"does not escape" decisions, no flows for heap-to-stack.
// RUN: %escan-cc -fno-caret-diagnostics %s 2>&1 | FileCheck %s --implicit-check-not='[escan-'
#include <stdlib.h>

int *g;

void keep(int *p) { g = p; }

void dangling(void) {
  int x = 0;
  keep(&x); // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes to global 'g') [escan-dangling]
}

void heap_escapes(void) {
  g = malloc(8);
}

void promote(void) {
  char *p = malloc(8); // CHECK: [[@LINE]]:13: remark: malloc(8) does not escape (can be stack storage) [escan-heap-to-stack]
  p[0] = 0;
  free(p);
}

void leak(void) {
  char *p = calloc(1, 8); // CHECK: [[@LINE]]:13: warning: calloc(1, 8) does not escape and is never freed (can be stack storage) [escan-leak]
  p[0] = 0;
}
