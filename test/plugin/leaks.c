// Heap blocks that never escape and are never freed: a leak the stack would
// have fixed.
// RUN: %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-m=1 %s 2>&1 | FileCheck %s --implicit-check-not='[escan-'
#include <stdlib.h>
#include <string.h>

int *g;

// ---- leaks ---------------------------------------------------------------
void leaks_malloc(void) {
  int *p = malloc(16); // CHECK: [[@LINE]]:12: warning: malloc(16) does not escape and is never freed (can be stack storage) [escan-leak]
  *p = 1;
}

void leaks_calloc(void) {
  char *p = calloc(4, 8); // CHECK: [[@LINE]]:13: warning: calloc(4, 8) does not escape and is never freed (can be stack storage) [escan-leak]
  p[0] = 'a';
}

int leaks_strdup(const char *s) { // CHECK: [[@LINE]]:30: remark: s does not escape [escan-info]
  char *d = strdup(s); // CHECK: [[@LINE]]:13: warning: strdup(s) does not escape and is never freed [escan-leak]
  return d[0];
}

void leaks_in_loop(int n) {
  for (int i = 0; i < n; i++) {
    int *p = malloc(sizeof(int)); // CHECK: [[@LINE]]:14: warning: malloc(sizeof(int)) does not escape and is never freed (can be stack storage) [escan-leak]
    *p = i;
  }
}

// ---- stays (no leak) -------------------------------------------------------
void stays_freed(void) {
  int *p = malloc(16); // CHECK: [[@LINE]]:12: remark: malloc(16) does not escape (can be stack storage) [escan-heap-to-stack]
  *p = 1;
  free(p);
}

int *stays_returned(void) { // CHECK: [[@LINE]]:6: remark: allocator: stays_returned returns new heap memory [escan-info]
  return malloc(16); // CHECK: [[@LINE]]:10: remark: malloc(16) escapes to heap [escan-info]
}

void stays_stored_global(void) {
  g = malloc(16); // CHECK: [[@LINE]]:7: remark: malloc(16) escapes to heap [escan-info]
}

void stays_out_param(int **out) { // CHECK: [[@LINE]]:28: remark: out does not escape [escan-info]
  *out = malloc(16); // CHECK: [[@LINE]]:10: remark: malloc(16) escapes to heap [escan-info]
}

void stays_freed_conditionally(int c) {
  int *p = malloc(16); // CHECK: [[@LINE]]:12: remark: malloc(16) does not escape (can be stack storage) [escan-heap-to-stack]
  *p = c;
  if (c)
    free(p);
}
