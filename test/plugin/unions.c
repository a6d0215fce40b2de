// Unions are one object, like structs.
// RUN: %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-m=1 %s 2>&1 | FileCheck %s --implicit-check-not='[escan-'
#include <stdint.h>
#include <stdlib.h>

union U { int *p; uintptr_t bits; };
union U gu;

// ---- escapes -------------------------------------------------------------
union U escapes_returned_union(void) {
  int x = 0;
  union U u;
  u.p = &x;
  return u; // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes through the return value) [escan-dangling]
}

void escapes_global_union(void) {
  int x = 0;
  gu.p = &x; // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes to global 'gu') [escan-dangling]
}

void escapes_union_init(void) {
  int x = 0;
  union U u = {.p = &x};
  gu = u; // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes to global 'gu') [escan-dangling]
}

void escapes_heap_pun_to_global(void) {
  union U u;
  u.p = malloc(16); // CHECK: [[@LINE]]:9: remark: malloc(16) escapes to heap [escan-info]
  gu.bits = u.bits;
  free(u.p);
}

struct Holder { int tag; union U u; };

void escapes_heap_pun_through_pointer(void) {
  struct Holder h, *hp = &h;
  hp->u.p = malloc(16); // CHECK: [[@LINE]]:13: remark: malloc(16) escapes to heap [escan-info]
  gu.bits = hp->u.bits + 1;
  free(hp->u.p);
}

// ---- stays ---------------------------------------------------------------
// u.bits reads the pointer's bits: exposed to unknown, optimistic for x.
uintptr_t stays_union_local(void) {
  int x = 0;
  union U u;
  u.p = &x;
  return u.bits;
}

// Reading an integer member of a union that has a pointer member exposes
// the pointers in the union to unknown code, like a cast to an integer:
// optimistic (no report) for stack objects, like int_cast.c.
uintptr_t stays_pun_to_global(void) {
  int x = 0;
  union U u;
  u.p = &x;
  gu.bits = u.bits;
  return 0;
}

int stays_heap_pointer_member(void) {
  union U u;
  u.p = malloc(16); // CHECK: [[@LINE]]:9: remark: malloc(16) does not escape (can be stack storage) [escan-heap-to-stack]
  *u.p = 1;
  int r = *u.p;
  free(u.p);
  return r;
}
