// _Generic, __builtin_choose_expr and pass-through builtins only lower the
// expression they select or pass.
// RUN: %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-m=1 %s 2>&1 | FileCheck %s --implicit-check-not='[escan-'
#include <stddef.h>

int *g;

// ---- escapes -------------------------------------------------------------
int *escapes_generic_selected(void) {
  int x = 0;
  return _Generic(x, int: &x, default: NULL); // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes through the return value) [escan-dangling]
}

int *escapes_choose_expr(void) {
  int x = 0;
  return __builtin_choose_expr(1, &x, NULL); // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes through the return value) [escan-dangling]
}

void escapes_builtin_expect(void) {
  int x = 0;
  g = __builtin_expect(&x != NULL, 1) ? &x : NULL; // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes to global 'g') [escan-dangling]
}

int *escapes_assume_aligned(void) {
  int x = 0;
  return __builtin_assume_aligned(&x, 4); // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes through the return value) [escan-dangling]
}

// ---- stays ---------------------------------------------------------------
int *stays_generic_other_arm(void) {
  int x = 0;
  return _Generic(x, double: &x, default: NULL);
}

int *stays_choose_other(void) {
  int x = 0;
  return __builtin_choose_expr(0, &x, NULL);
}

size_t stays_object_size(void) {
  char buf[8];
  return __builtin_object_size(buf, 0);
}

int stays_intrinsic_operand(int a, int b) {
  int r;
  return __builtin_add_overflow(a, b, &r) ? 0 : r;
}

void *stays_frame_address(void) {
  return __builtin_frame_address(0);
}

size_t stays_sizeof_expression(void) {
  int x = 0;
  return sizeof(g = &x);
}
