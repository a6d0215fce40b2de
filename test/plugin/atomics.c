// Atomic stores and exchanges of pointers are stores.
// RUN: %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-m=1 %s 2>&1 | FileCheck %s --implicit-check-not='[escan-'
#include <stdatomic.h>
#include <stddef.h>

int *g;
_Atomic(int *) ag;

// ---- escapes -------------------------------------------------------------
void escapes_atomic_store_n(void) {
  int x = 0;
  __atomic_store_n(&g, &x, __ATOMIC_SEQ_CST); // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes to global 'g') [escan-dangling]
}

void escapes_c11_store(void) {
  int x = 0;
  atomic_store(&ag, &x); // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes to global 'ag') [escan-dangling]
}

void escapes_c11_init(void) {
  int x = 0;
  atomic_init(&ag, &x); // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes to global 'ag') [escan-dangling]
}

void escapes_exchange_n(void) {
  int x = 0;
  int *old = __atomic_exchange_n(&g, &x, __ATOMIC_SEQ_CST); // CHECK: [[@LINE]]:14: warning: moved to heap: x (address of stack variable 'x' escapes to global 'g') [escan-dangling]
  (void)old;
}

void escapes_generic_store(void) {
  int x = 0;
  int *p = &x;
  __atomic_store(&g, &p, __ATOMIC_SEQ_CST); // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes to global 'g') [escan-dangling]
}

void escapes_compare_exchange(void) {
  int x = 0;
  int *expected = NULL;
  atomic_compare_exchange_strong(&ag, &expected, &x); // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes to global 'ag') [escan-dangling]
}

void escapes_sync_swap(void) {
  int x = 0;
  __sync_lock_test_and_set(&g, &x); // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes to global 'g') [escan-dangling]
}

void escapes_plain_atomic_assign(void) {
  int x = 0;
  ag = &x; // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes to global 'ag') [escan-dangling]
}

// ---- stays ---------------------------------------------------------------
int stays_atomic_local(void) {
  int x = 1;
  _Atomic(int *) a;
  atomic_store(&a, &x);
  return *atomic_load(&a);
}

int stays_atomic_load_global(void) {
  int *p = __atomic_load_n(&g, __ATOMIC_ACQUIRE);
  return p ? *p : 0;
}
