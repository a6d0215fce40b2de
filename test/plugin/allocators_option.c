// allocators= and deallocators= name project allocators that have no body
// in the translation unit.
// RUN: %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-m=1 -fplugin-arg-escan-allocators=arena_alloc,pool_new -fplugin-arg-escan-deallocators=arena_free %s 2>&1 | FileCheck %s --implicit-check-not='[escan-'
// RUN: %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-m=1 %s 2>&1 | FileCheck %s --allow-empty --check-prefix=PLAIN --implicit-check-not='[escan-'
// Without the options the three functions are unknown code: nothing to say.
// PLAIN-NOT: [escan-
#include <stddef.h>

void *arena_alloc(size_t n);
void *pool_new(size_t n);
void arena_free(void *p);

int freed(void) {
  int *p = arena_alloc(16); // CHECK: [[@LINE]]:12: remark: arena_alloc(16) does not escape [escan-info]
  *p = 1;
  int r = *p;
  arena_free(p);
  return r;
}

void leaked(void) {
  int *p = pool_new(8); // CHECK: [[@LINE]]:12: warning: pool_new(8) does not escape and is never freed [escan-leak]
  *p = 1;
}

void frees_stack(void) {
  int x;
  arena_free(&x); // CHECK: [[@LINE]]:3: warning: free of non-heap memory: x (x is a local variable) [escan-free-nonheap]
}
