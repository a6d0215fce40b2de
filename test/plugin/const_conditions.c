// Conditions that clang's constant evaluator folds although they hold an
// unknown part: an unknown side of `&&` or `||` that the other side decides,
// an unevaluated operand (sizeof, the left of a comma), a const variable, a
// builtin, an address. Their dead branches create no flows. Next to them,
// look-alikes the evaluator cannot fold (every operand of `*` is needed, and
// so is the condition of `?:`): their branches are lowered.
// RUN: %escan-cc -fno-caret-diagnostics -Wno-pointer-bool-conversion -fplugin-arg-escan-m=1 %s 2>&1 | FileCheck %s --implicit-check-not='[escan-'
#include <stddef.h>

int *g;
struct s {
  int f;
} *gs;
static const int off_global = 0;
int h(void);

// ---- stays ---------------------------------------------------------------
void stays_and0_unknown_left(int c) {
  int x = 0;
  if (c && 0)
    g = &x;
}

void stays_call_and0(void) {
  int x = 0;
  if (h() && 0)
    g = &x;
}

void stays_while_or1_unknown_left(void) {
  int x = 0;
  while (!(gs->f || 1))
    g = &x;
}

void stays_else_of_or1(void) {
  int x = 0;
  if (gs || 1)
    x = 1;
  else
    g = &x;
}

void stays_not_address(void) {
  int x = 0, local = 0;
  if (!&local)
    g = &x;
}

void stays_sizeof_variable(long v) {
  int x = 0;
  if (sizeof(v) != sizeof(long))
    g = &x;
}

void stays_const_global(void) {
  int x = 0;
  if (off_global)
    g = &x;
}

void stays_const_local(void) {
  const int off = 0;
  int x = 0;
  if (off)
    g = &x;
}

void stays_builtin_expect(void) {
  int x = 0;
  if (__builtin_expect(0, 0))
    g = &x;
}

void stays_comma_unknown_left(int c) {
  int x = 0;
  if (((void)c, 0))
    g = &x;
}

void stays_ternary_and0(int c) {
  int x = 0;
  g = (c && 0) ? &x : NULL;
}

// ---- escapes -------------------------------------------------------------
// BAD: `&local` is never null, so the else is dead; the evaluator does not
// fold the address of a local (not a constant expression).
void escapes_else_of_address(void) {
  int x = 0, local = 0;
  if (&local)
    x = 1;
  else
    g = &x; // CHECK: [[@LINE]]:5: warning: moved to heap: x (address of stack variable 'x' escapes to global 'g') [escan-dangling]
}

// Outside a constant context the evaluator leaves __builtin_constant_p of a
// variable to the optimizer.
void escapes_builtin_constant_p(int c) {
  int x = 0;
  if (__builtin_constant_p(c))
    g = &x; // CHECK: [[@LINE]]:5: warning: moved to heap: x (address of stack variable 'x' escapes to global 'g') [escan-dangling]
}

void escapes_ternary_unknown_condition(int c) {
  int x = 0;
  if (c ? 0 : 0)
    g = &x; // CHECK: [[@LINE]]:5: warning: moved to heap: x (address of stack variable 'x' escapes to global 'g') [escan-dangling]
}

void escapes_mul0(int c) {
  int x = 0;
  if (c * 0)
    g = &x; // CHECK: [[@LINE]]:5: warning: moved to heap: x (address of stack variable 'x' escapes to global 'g') [escan-dangling]
}

void escapes_and1(int c) {
  int x = 0;
  if (c && 1)
    g = &x; // CHECK: [[@LINE]]:5: warning: moved to heap: x (address of stack variable 'x' escapes to global 'g') [escan-dangling]
}

void escapes_or0(void) {
  int x = 0;
  if (gs->f || 0)
    g = &x; // CHECK: [[@LINE]]:5: warning: moved to heap: x (address of stack variable 'x' escapes to global 'g') [escan-dangling]
}
