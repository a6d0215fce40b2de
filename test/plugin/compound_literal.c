// Compound literals are stack objects of their block.
// RUN: %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-m=1 %s 2>&1 | FileCheck %s --implicit-check-not='[escan-'
#include <stddef.h>

struct P { int *p; int n; };
int *g;

// ---- escapes -------------------------------------------------------------
int *escapes_return_array(void) {
  return (int[]){1, 2, 3}; // CHECK: [[@LINE]]:3: warning: (int[]){...} escapes to heap (address of compound literal '(int[]){...}' escapes through the return value) [escan-dangling]
}

void escapes_global_scalar(void) {
  g = &(int){5}; // CHECK: [[@LINE]]:3: warning: (int){...} escapes to heap (address of compound literal '(int){...}' escapes to global 'g') [escan-dangling]
}

int *escapes_through_local(void) {
  int *p = (int[4]){0};
  return p; // CHECK: [[@LINE]]:3: warning: (int[4]){...} escapes to heap (address of compound literal '(int[4]){...}' escapes through the return value) [escan-dangling]
}

struct P escapes_field_of_literal(void) {
  int x = 0;
  return (struct P){.p = &x}; // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes through the return value) [escan-dangling]
}

int *escapes_inner_block(void) {
  int *p;
  {
    p = (int[2]){7, 8};
  }
  return p; // CHECK: [[@LINE]]:3: warning: (int[2]){...} escapes to heap (address of compound literal '(int[2]){...}' escapes through the return value) [escan-dangling]
}

// ---- stays ---------------------------------------------------------------
int stays_local_use(void) {
  int *p = (int[]){1, 2};
  return p[0] + p[1];
}

int stays_struct_literal_value(void) {
  struct P s = (struct P){NULL, 3};
  return s.n;
}

extern int sum(const int *a, int n);
int stays_passed_to_unknown(void) {
  return sum((int[]){1, 2, 3}, 3);
}
