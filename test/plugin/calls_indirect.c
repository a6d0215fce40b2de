// Calls through function pointers: resolved when the callee expression names
// a function statically, unknown (optimistic for stack objects) otherwise.
// RUN: %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-m=1 %s 2>&1 | FileCheck %s --implicit-check-not='[escan-'
#include <stddef.h>

int *g;
void keep(int *p) { g = p; } // CHECK: [[@LINE]]:16: remark: leaking param: p [escan-info]
void look(int *p) { (void)p; } // CHECK: [[@LINE]]:16: remark: p does not escape [escan-info]
typedef void (*fn_t)(int *);
struct ops { fn_t run; };

// ---- escapes -------------------------------------------------------------
void escapes_deref_call(void) {
  int x = 0;
  (*keep)(&x); // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes to global 'g') [escan-dangling]
}

void escapes_address_call(void) {
  int x = 0;
  (&keep)(&x); // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes to global 'g') [escan-dangling]
}

void escapes_parenthesised(void) {
  int x = 0;
  (keep)(&x); // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes to global 'g') [escan-dangling]
}

// ---- stays ---------------------------------------------------------------
void stays_pointer_param(fn_t f) { // CHECK: [[@LINE]]:31: remark: f does not escape [escan-info]
  int x = 0;
  f(&x);
}

void stays_struct_of_ops(struct ops *o) { // CHECK: [[@LINE]]:38: remark: o does not escape [escan-info]
  int x = 0;
  o->run(&x);
}

void stays_resolved_noescape(void) {
  int x = 0;
  (*look)(&x);
}

fn_t stays_function_designator(void) {
  return keep;
}

void stays_function_pointer_global(void) {
  static fn_t f;
  f = look;
}
