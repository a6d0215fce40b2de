// Pointer arithmetic, subscripts in both orders and member addresses keep
// pointing into the same object.
// RUN: %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-m=1 %s 2>&1 | FileCheck %s --implicit-check-not='[escan-'
#include <stddef.h>

struct S { int a; int b[4]; };
int *g;

// ---- escapes -------------------------------------------------------------
int *escapes_plus(void) {
  int a[4] = {0};
  return a + 1; // CHECK: [[@LINE]]:3: warning: moved to heap: a (address of stack variable 'a' escapes through the return value) [escan-dangling]
}

int *escapes_element_address(void) {
  int a[4] = {0};
  return &a[2]; // CHECK: [[@LINE]]:3: warning: moved to heap: a (address of stack variable 'a' escapes through the return value) [escan-dangling]
}

int *escapes_reversed_subscript(void) {
  int a[4] = {0};
  return &2[a]; // CHECK: [[@LINE]]:3: warning: moved to heap: a (address of stack variable 'a' escapes through the return value) [escan-dangling]
}

int *escapes_member_address(void) {
  struct S s = {0};
  return &s.b[1]; // CHECK: [[@LINE]]:3: warning: moved to heap: s (address of stack variable 's' escapes through the return value) [escan-dangling]
}

void escapes_increment(void) {
  int a[4] = {0};
  int *p = a;
  p++;
  p += 2;
  g = p; // CHECK: [[@LINE]]:3: warning: moved to heap: a (address of stack variable 'a' escapes to global 'g') [escan-dangling]
}

// ---- stays ---------------------------------------------------------------
int *stays_param_arith(int *p, int i) { // CHECK: [[@LINE]]:29: remark: leaking param: p to result ~r0 level=0 [escan-info]
  return p + i;
}

int *stays_member_of_param(struct S *s) { // CHECK: [[@LINE]]:38: remark: leaking param: s to result ~r0 level=0 [escan-info]
  return &s->b[3];
}

ptrdiff_t stays_difference(void) {
  int a[8];
  return &a[5] - &a[1];
}

int stays_local_walk(void) {
  int a[4] = {1, 2, 3, 4}, sum = 0;
  for (int *p = a; p < a + 4; p++)
    sum += *p;
  return sum;
}
