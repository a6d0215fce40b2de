// Pointers hidden in integers: a cast to an integer that is not cast
// straight back exposes the pointee to unknown code; a round trip is a copy.
// RUN: %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-m=1 %s 2>&1 | FileCheck %s --implicit-check-not='[escan-'
#include <stdint.h>
#include <stdlib.h>

uintptr_t gi;

// ---- escapes -------------------------------------------------------------
void escapes_heap_hidden_in_int(void) {
  int *p = malloc(16); // CHECK: [[@LINE]]:12: remark: malloc(16) escapes to heap [escan-info]
  gi = (uintptr_t)p;
  free(p);
}

int *escapes_round_trip_return(void) {
  int x = 0;
  return (int *)(uintptr_t)&x; // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes through the return value) [escan-dangling]
}

int *escapes_aligned_round_trip(void) {
  char buf[32];
  return (int *)(((uintptr_t)buf + 7) & ~(uintptr_t)7); // CHECK: [[@LINE]]:3: warning: moved to heap: buf (address of stack variable 'buf' escapes through the return value) [escan-dangling]
}

void escapes_heap_int_arith(void) {
  char *p = malloc(32); // CHECK: [[@LINE]]:13: remark: malloc(32) escapes to heap [escan-info]
  intptr_t off = (intptr_t)p - 4;
  gi = (uintptr_t)off;
  free(p);
}

// ---- stays ---------------------------------------------------------------
void stays_stack_hidden_in_int(void) {
  int x = 0;
  gi = (uintptr_t)&x; // unknown only: optimistic for stack objects
}

int stays_round_trip_heap(void) {
  int *p = malloc(16); // CHECK: [[@LINE]]:12: remark: malloc(16) does not escape (can be stack storage) [escan-heap-to-stack]
  int *q = (int *)(uintptr_t)p;
  *q = 1;
  int r = *p;
  free(p);
  return r;
}

int stays_int_to_pointer(void) {
  int x = 0;
  *(int **)0x1000 = &x; // unknown memory, not a global
  return x;
}

long stays_pointer_difference(void) {
  int a[4];
  int *p = &a[3];
  return p - a;
}
