// The allocation family: realloc frees and allocates, posix_memalign stores
// a fresh block through its first argument, builtins are the library
// functions, strndup allocates.
// RUN: %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-m=1 %s 2>&1 | FileCheck %s --implicit-check-not='[escan-'
#include <stdlib.h>
#include <string.h>

// ---- not promoted / escapes ------------------------------------------------
char *escapes_realloc_returned(char *p) { // CHECK: [[@LINE]]:7: remark: allocator: escapes_realloc_returned returns new heap memory [escan-info]
// CHECK: [[@LINE-1]]:38: remark: frees param: p [escan-info]
// CHECK: [[@LINE-2]]:38: remark: leaking param: p to result ~r0 level=0 [escan-info]
  return realloc(p, 64); // CHECK: [[@LINE]]:10: remark: realloc(p, 64) escapes to heap [escan-info]
}

int posix_memalign_block(void) {
  void *p;
  if (posix_memalign(&p, 64, 128)) // CHECK: [[@LINE]]:7: remark: posix_memalign(&p, 64, 128) does not escape [escan-info]
    return -1;
  ((char *)p)[0] = 1;
  free(p);
  return 0;
}

void reallocarray_block(void) {
  int *p = reallocarray(NULL, 4, sizeof(int)); // CHECK: [[@LINE]]:12: remark: reallocarray(NULL, 4, sizeof(int)) does not escape [escan-info]
  p[0] = 0;
  free(p);
}

size_t strndup_block(const char *s) { // CHECK: [[@LINE]]:34: remark: s does not escape [escan-info]
  char *d = strndup(s, 4); // CHECK: [[@LINE]]:13: remark: strndup(s, 4) does not escape [escan-info]
  size_t n = strlen(d);
  free(d);
  return n;
}

// ---- promotable ----------------------------------------------------------
int builtin_malloc_free(void) {
  int *p = __builtin_malloc(8); // CHECK: [[@LINE]]:12: remark: __builtin_malloc(8) does not escape (can be stack storage) [escan-heap-to-stack]
  *p = 2;
  int r = *p;
  __builtin_free(p);
  return r;
}

int ternary_null_check(int c) {
  char *p = c ? malloc(4) : NULL; // CHECK: [[@LINE]]:17: remark: malloc(4) does not escape (can be stack storage) [escan-heap-to-stack]
  if (p) {
    p[0] = 0;
    free(p);
  }
  return c;
}
