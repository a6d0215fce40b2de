// Unions are one object, like structs.
// RUN: %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-m=1 %s 2>&1 | FileCheck %s --implicit-check-not='[escan-'
#include <stdint.h>

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

// ---- stays ---------------------------------------------------------------
uintptr_t stays_union_local(void) {
  int x = 0;
  union U u;
  u.p = &x;
  return u.bits;
}

// BAD: the address is exposed through the integer member (type punning);
// not reported because reading an integer member carries no pointer.
uintptr_t stays_pun_to_global(void) {
  int x = 0;
  union U u;
  u.p = &x;
  gu.bits = u.bits;
  return 0;
}
