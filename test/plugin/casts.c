// Casts between pointer types are copies; qualifiers, void * and struct
// pointer casts change nothing.
// RUN: %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-m=1 %s 2>&1 | FileCheck %s --implicit-check-not='[escan-'
#include <stddef.h>

struct A { int *p; };
struct B { int *q; };
void *gv;
const char *gc;

// ---- escapes -------------------------------------------------------------
char *escapes_char_cast(void) {
  int x = 0;
  return (char *)&x; // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes through the return value) [escan-dangling]
}

void escapes_void_cast(void) {
  double d = 0;
  gv = (void *)&d; // CHECK: [[@LINE]]:3: warning: moved to heap: d (address of stack variable 'd' escapes to global 'gv') [escan-dangling]
}

void escapes_implicit_void(void) {
  long l = 0;
  gv = &l; // CHECK: [[@LINE]]:3: warning: moved to heap: l (address of stack variable 'l' escapes to global 'gv') [escan-dangling]
}

void escapes_const_cast(void) {
  char buf[4] = "abc";
  gc = (const char *)buf; // CHECK: [[@LINE]]:3: warning: moved to heap: buf (address of stack variable 'buf' escapes to global 'gc') [escan-dangling]
}

struct B *escapes_struct_pun(void) {
  struct A a = {NULL};
  return (struct B *)&a; // CHECK: [[@LINE]]:3: warning: moved to heap: a (address of stack variable 'a' escapes through the return value) [escan-dangling]
}

void escapes_double_cast(void) {
  int x = 0;
  gv = (void *)(char *)(void *)&x; // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes to global 'gv') [escan-dangling]
}

// ---- stays ---------------------------------------------------------------
int stays_cast_local(void) {
  int x = 7;
  char *c = (char *)&x;
  return c[0];
}

int stays_cast_param(void *p) { // CHECK: [[@LINE]]:28: remark: p does not escape [escan-info]
  return *(int *)p;
}

void stays_cast_to_void(void) {
  int x = 0;
  (void)&x;
}

int stays_bool(void) {
  int x = 0;
  int *p = &x;
  return (_Bool)p;
}
