// Structs returned and passed by value carry every pointer they hold.
// RUN: %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-m=1 %s 2>&1 | FileCheck %s --implicit-check-not='[escan-'
#include <stddef.h>

struct S { int *p; int n; };
struct Outer { struct S in; int tag; };
struct S *gs;

// ---- escapes -------------------------------------------------------------
struct S escapes_field_address(void) {
  int x = 0;
  struct S s;
  s.p = &x;
  s.n = 1;
  return s; // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes through the return value) [escan-dangling]
}

struct S escapes_init_list(void) {
  int x = 0;
  struct S s = {&x, 1};
  return s; // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes through the return value) [escan-dangling]
}

struct S escapes_designated(void) {
  int x = 0;
  struct S s = {.n = 2, .p = &x};
  return s; // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes through the return value) [escan-dangling]
}

struct Outer escapes_nested(void) {
  int x = 0;
  struct Outer o = {.in = {.p = &x}, .tag = 1};
  return o; // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes through the return value) [escan-dangling]
}

struct S escapes_copy_assign(void) {
  int x = 0;
  struct S a = {&x, 0};
  struct S b;
  b = a;
  return b; // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes through the return value) [escan-dangling]
}

struct S make(int *p) { // CHECK: [[@LINE]]:20: remark: leaking param: p to result ~r0 level=0 [escan-info]
  struct S s = {p, 0};
  return s;
}

struct S escapes_through_callee(void) {
  int x = 0;
  return make(&x); // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes through the return value) [escan-dangling]
}

void escapes_struct_to_global(void) {
  int x = 0;
  static struct S keep;
  keep.p = &x; // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes to global 'escapes_struct_to_global.keep') [escan-dangling]
}

// ---- stays ---------------------------------------------------------------
struct S stays_no_pointer_taken(void) {
  struct S s = {NULL, 3};
  return s;
}

struct S stays_param_pointer(int *p) { // CHECK: [[@LINE]]:35: remark: leaking param: p to result ~r0 level=0 [escan-info]
  struct S s;
  s.p = p;
  return s;
}

int stays_struct_arg(void) {
  int x = 4;
  struct S s = make(&x);
  return *s.p;
}

int use_struct(struct S s) { return s.n; } // CHECK: [[@LINE]]:25: remark: s does not escape [escan-info]

int stays_passed_by_value(void) {
  int x = 0;
  struct S s = {&x, 1};
  return use_struct(s);
}
