// Allocator and deallocator wrappers: each call of a wrapper is an
// allocation site of its caller.
// RUN: %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-m=1 %s 2>&1 | FileCheck %s --implicit-check-not='[escan-'
#include <stdlib.h>
#include <string.h>

void *xmalloc(size_t n) { // CHECK: [[@LINE]]:7: remark: allocator: xmalloc returns new heap memory [escan-info]
  void *p = malloc(n); // CHECK: [[@LINE]]:13: remark: malloc(n) escapes to heap [escan-info]
  if (!p)
    abort();
  return p;
}

void xfree(void *p) { free(p); } // CHECK: [[@LINE]]:18: remark: frees param: p [escan-info]

char *dupstr(const char *s) { // CHECK: [[@LINE]]:7: remark: allocator: dupstr returns new heap memory [escan-info]
// CHECK: [[@LINE-1]]:26: remark: leaking param: s to result ~r0 level=0 [escan-info]
  size_t n = strlen(s) + 1;
  char *p = xmalloc(n); // CHECK: [[@LINE]]:13: remark: xmalloc(n) escapes to heap [escan-info]
  memcpy(p, s, n);
  return p;
}

void *g;

// ---- escapes -------------------------------------------------------------
void escapes_wrapper_result_global(void) {
  g = xmalloc(32); // CHECK: [[@LINE]]:7: remark: xmalloc(32) escapes to heap [escan-info]
}

char *escapes_dup_returned(const char *s) { // CHECK: [[@LINE]]:7: remark: allocator: escapes_dup_returned returns new heap memory [escan-info]
// CHECK: [[@LINE-1]]:40: remark: leaking param: s to result ~r0 level=0 [escan-info]
  return dupstr(s); // CHECK: [[@LINE]]:10: remark: dupstr(s) escapes to heap [escan-info]
}

// ---- stays / not promoted ------------------------------------------------
int stays_wrapper_freed(void) {
  int *p = xmalloc(16); // CHECK: [[@LINE]]:12: remark: xmalloc(16) does not escape [escan-info]
  *p = 1;
  int r = *p;
  xfree(p);
  return r;
}

void leak_through_wrapper(void) {
  int *p = xmalloc(16); // CHECK: [[@LINE]]:12: warning: xmalloc(16) does not escape and is never freed [escan-leak]
  *p = 1;
}
