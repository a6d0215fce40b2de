// Struct values copied through pointers, arrays of structs, nested struct
// members: every copy carries the pointers the value holds.
// RUN: %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-m=1 %s 2>&1 | FileCheck %s --implicit-check-not='[escan-'
#include <stddef.h>

struct S { int *p; };
struct W { struct S s[2]; };

// ---- escapes -------------------------------------------------------------
void escapes_struct_store_through_out(struct S *out) { // CHECK: [[@LINE]]:49: remark: out does not escape [escan-info]
  int x = 0;
  struct S s = {&x};
  *out = s; // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes to caller memory *out) [escan-dangling]
}

void escapes_member_struct_store(struct W *w) { // CHECK: [[@LINE]]:44: remark: w does not escape [escan-info]
  int x = 0;
  struct S s = {&x};
  w->s[1] = s; // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes to caller memory *w) [escan-dangling]
}

struct S escapes_struct_from_array(void) {
  int x = 0;
  struct S arr[2] = {{&x}, {NULL}};
  return arr[1]; // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes through the return value) [escan-dangling]
}

// ---- stays ---------------------------------------------------------------
void stays_struct_copy_from_caller(struct S *out, const struct S *in) { // CHECK: [[@LINE]]:46: remark: out does not escape [escan-info]
// CHECK: [[@LINE-1]]:67: remark: leaking param: in to content of out level=1 [escan-info]
  *out = *in;
}

int stays_local_struct_copies(void) {
  int x = 1;
  struct S a = {&x}, b = a, c;
  c = b;
  return *c.p;
}

struct S stays_return_param_struct(struct S s) { // CHECK: [[@LINE]]:45: remark: leaking param: s to result ~r0 level=0 [escan-info]
  return s;
}
