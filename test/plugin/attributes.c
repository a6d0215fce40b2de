// __attribute__((malloc)) makes an unknown function an allocator;
// __attribute__((noescape)) parameters do not let heap blocks escape.
// RUN: %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-m=1 %s 2>&1 | FileCheck %s --implicit-check-not='[escan-'
#include <stdlib.h>

void *pool_get(size_t n) __attribute__((malloc));
void pool_put(void *p);
void fill(__attribute__((noescape)) int *p, int n);
void sink(int *p);

// ---- escapes -------------------------------------------------------------
void escapes_heap_to_sink(void) {
  int *p = malloc(16); // CHECK: [[@LINE]]:12: remark: malloc(16) escapes to heap [escan-info]
  sink(p);
  free(p);
}

// ---- stays ---------------------------------------------------------------
void stays_heap_noescape(void) {
  int *p = malloc(16); // CHECK: [[@LINE]]:12: remark: malloc(16) does not escape (can be stack storage) [escan-heap-to-stack]
  fill(p, 4);
  free(p);
}

int stays_attribute_allocator(void) {
  int *p = pool_get(16); // CHECK: [[@LINE]]:12: remark: pool_get(16) escapes to heap [escan-info]
  *p = 1;
  int r = *p;
  pool_put(p);
  return r;
}

void stays_stack_noescape(void) {
  int a[4];
  fill(a, 4);
}
