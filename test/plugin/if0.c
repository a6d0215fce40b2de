// Constant-false branches create no flows: `if (0)`, `while (0)` bodies,
// `0 && e`, `1 || e`, and the dead arm of a constant `?:`.
// RUN: %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-m=1 %s 2>&1 | FileCheck %s --implicit-check-not='[escan-'
#include <stddef.h>

int *g;
#define DEBUG 0

// ---- stays ---------------------------------------------------------------
void stays_if0(void) {
  int x = 0;
  if (0)
    g = &x;
}

void stays_if_macro_false(void) {
  int x = 0;
  if (DEBUG) {
    g = &x;
  }
}

void stays_while0(void) {
  int x = 0;
  while (0)
    g = &x;
}

void stays_for0(void) {
  int x = 0;
  for (; 0;)
    g = &x;
}

int stays_and0(void) {
  int x = 0;
  return 0 && (g = &x);
}

int stays_or1(void) {
  int x = 0;
  return 1 || (g = &x);
}

void stays_ternary_dead_arm(void) {
  int x = 0;
  g = 1 ? NULL : &x;
}

void stays_if1_else(void) {
  int x = 0;
  if (1)
    x = 1;
  else
    g = &x;
}

// ---- escapes -------------------------------------------------------------
void escapes_else_of_if0(void) {
  int x = 0;
  if (0)
    ;
  else
    g = &x; // CHECK: [[@LINE]]:5: warning: moved to heap: x (address of stack variable 'x' escapes to global 'g') [escan-dangling]
}

void escapes_if1(void) {
  int x = 0;
  if (1)
    g = &x; // CHECK: [[@LINE]]:5: warning: moved to heap: x (address of stack variable 'x' escapes to global 'g') [escan-dangling]
}

void escapes_do_while0(void) {
  int x = 0;
  do {
    g = &x; // CHECK: [[@LINE]]:5: warning: moved to heap: x (address of stack variable 'x' escapes to global 'g') [escan-dangling]
  } while (0);
}

void escapes_runtime_condition(int c) {
  int x = 0;
  if (c)
    g = &x; // CHECK: [[@LINE]]:5: warning: moved to heap: x (address of stack variable 'x' escapes to global 'g') [escan-dangling]
}

void escapes_ternary_live_arm(void) {
  int x = 0;
  g = 0 ? NULL : &x; // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes to global 'g') [escan-dangling]
}
