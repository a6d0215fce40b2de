// Conditional operators (both arms), GNU `?:`, comma and statement
// expressions.
// RUN: %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-m=1 %s 2>&1 | FileCheck %s --implicit-check-not='[escan-'
#include <stddef.h>

int *g;

// ---- escapes -------------------------------------------------------------
int *escapes_either_arm(int c) {
  int x = 0, y = 0;
  return c ? &x : &y; // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes through the return value) [escan-dangling]
// CHECK: [[@LINE-1]]:3: warning: moved to heap: y (address of stack variable 'y' escapes through the return value) [escan-dangling]
}

void escapes_false_arm(int c, int *p) { // CHECK: [[@LINE]]:36: remark: leaking param: p [escan-info]
  int y = 0;
  g = c ? p : &y; // CHECK: [[@LINE]]:3: warning: moved to heap: y (address of stack variable 'y' escapes to global 'g') [escan-dangling]
}

int *escapes_gnu_elvis(int *p) { // CHECK: [[@LINE]]:29: remark: leaking param: p to result ~r0 level=0 [escan-info]
  int x = 0;
  return p ?: &x; // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes through the return value) [escan-dangling]
}

int *escapes_comma(void) {
  int x = 0, y = 0;
  return (x++, &y); // CHECK: [[@LINE]]:3: warning: moved to heap: y (address of stack variable 'y' escapes through the return value) [escan-dangling]
}

int *escapes_statement_expression(void) {
  int x = 0;
  return ({ int *t = &x; t; }); // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes through the return value) [escan-dangling]
}

void escapes_nested_conditional(int a, int b) {
  int x, y, z;
  g = a ? &x : b ? &y : &z; // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes to global 'g') [escan-dangling]
// CHECK: [[@LINE-1]]:3: warning: moved to heap: y (address of stack variable 'y' escapes to global 'g') [escan-dangling]
// CHECK: [[@LINE-2]]:3: warning: moved to heap: z (address of stack variable 'z' escapes to global 'g') [escan-dangling]
}

// ---- stays ---------------------------------------------------------------
int stays_conditional_local(int c) {
  int x = 1, y = 2;
  int *p = c ? &x : &y;
  return *p;
}

int *stays_param_arms(int c, int *a, int *b) { // CHECK: [[@LINE]]:35: remark: leaking param: a to result ~r0 level=0 [escan-info]
// CHECK: [[@LINE-1]]:43: remark: leaking param: b to result ~r0 level=0 [escan-info]
  return c ? a : b;
}

int stays_statement_expression_value(void) {
  int x = 3;
  return ({ int *t = &x; *t; });
}
