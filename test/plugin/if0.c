// Constant-false branches create no flows: `if (0)`, `while (0)` bodies,
// `0 && e`, `1 || e`, and the dead arm of a constant `?:`. A constant-false
// branch that holds a label, `case` or `default` is lowered: a jump enters it.
// RUN: %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-m=1 %s 2>&1 | FileCheck %s --implicit-check-not='[escan-'
#include <stddef.h>
#include <stdlib.h>

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

// A switch of its own inside the dead branch: its cases are no way in.
void stays_if0_inner_switch(int c) {
  int x = 0;
  if (0) {
    switch (c) {
    case 1:
      g = &x;
    }
  }
}

void stays_if1_else(void) {
  int x = 0;
  if (1)
    x = 1;
  else
    g = &x;
}

// The error-path idiom: the free under `if (0) { fail: ... }` is seen, so the
// block is freed on every path and both frees go with the promotion.
int stays_if0_error_path(int c) {
  int *p = malloc(16); // CHECK: [[@LINE]]:12: remark: malloc(16) does not escape (can be stack storage) [escan-heap-to-stack]
  if (!p)
    return -1;
  if (c)
    goto fail;
  *p = c;
  free(p);
  return 0;
  if (0) {
  fail:
    free(p);
  }
  return -1;
}

// ---- escapes -------------------------------------------------------------
void escapes_goto_into_if0(int c) {
  int x = 0;
  if (c)
    goto publish;
  if (0) {
  publish:
    g = &x; // CHECK: [[@LINE]]:5: warning: moved to heap: x (address of stack variable 'x' escapes to global 'g') [escan-dangling]
  }
}

void escapes_case_into_if0(int c) {
  int x = 0;
  switch (c) {
  case 0:
    if (0) {
    case 1:
      g = &x; // CHECK: [[@LINE]]:7: warning: moved to heap: x (address of stack variable 'x' escapes to global 'g') [escan-dangling]
    }
  }
}

void escapes_default_into_while0(int c) {
  int x = 0;
  switch (c) {
  case 0:
    while (0) {
    default:
      g = &x; // CHECK: [[@LINE]]:7: warning: moved to heap: x (address of stack variable 'x' escapes to global 'g') [escan-dangling]
    }
  }
}

void escapes_goto_into_if1_else(int c) {
  int x = 0;
  if (c)
    goto publish;
  if (1)
    x = 1;
  else {
  publish:
    g = &x; // CHECK: [[@LINE]]:5: warning: moved to heap: x (address of stack variable 'x' escapes to global 'g') [escan-dangling]
  }
}

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
