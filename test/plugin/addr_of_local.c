// Taking the address of a local: dangling when the address outlives the
// frame (return, global, caller memory), silent while it stays inside.
// RUN: %escan-cc -fno-caret-diagnostics -Wno-return-stack-address -fplugin-arg-escan-m=1 %s 2>&1 | FileCheck %s --implicit-check-not='[escan-'
#include <stddef.h>

int *g;

// ---- escapes -------------------------------------------------------------
int *escapes_return(void) {
  int x = 0;
  return &x; // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes through the return value) [escan-dangling]
}

void escapes_global(void) {
  int x = 0;
  g = &x; // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes to global 'g') [escan-dangling]
}

int *escapes_through_copy(void) {
  int x = 0;
  int *p = &x;
  int *q = p;
  return q; // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes through the return value) [escan-dangling]
}

void escapes_out_param(int **out) { // CHECK: [[@LINE]]:30: remark: out does not escape [escan-info]
  int x = 0;
  *out = &x; // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes to caller memory *out) [escan-dangling]
}

int *escapes_param_address(int n) {
  return &n; // CHECK: [[@LINE]]:3: warning: moved to heap: n (address of parameter 'n' escapes through the return value) [escan-dangling]
}

int *escapes_array_decay(void) {
  int a[4] = {0};
  return a; // CHECK: [[@LINE]]:3: warning: moved to heap: a (address of stack variable 'a' escapes through the return value) [escan-dangling]
}

// ---- stays ---------------------------------------------------------------
int stays_local_pointer(void) {
  int x = 1;
  int *p = &x;
  return *p;
}

int stays_compare(int *q) { // CHECK: [[@LINE]]:24: remark: q does not escape [escan-info]
  int x = 0;
  return &x == q;
}

int stays_pointer_to_pointer(void) {
  int x = 1;
  int *p = &x;
  int **pp = &p;
  return **pp;
}

void stays_overwritten_param(int *p) { // CHECK: [[@LINE]]:35: remark: p does not escape [escan-info]
  int x = 0;
  p = &x;
  *p = 1;
}
