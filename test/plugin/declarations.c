// Declarations: initializers of every shape, statics in functions, extern
// block-scope declarations, VLA typedef sizes, several declarators.
// RUN: %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-m=1 %s 2>&1 | FileCheck %s --implicit-check-not='[escan-'
#include <stddef.h>

struct Pair { int *a, *b; };
struct Deep { struct Pair pairs[2]; int n; };
extern int *gext;

// ---- escapes -------------------------------------------------------------
void escapes_block_extern(void) {
  extern int *gext;
  int x = 0;
  gext = &x; // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes to global 'gext') [escan-dangling]
}

struct Deep escapes_deep_designated(void) {
  int x = 0;
  struct Deep d = {.pairs[1].b = &x, .n = 1};
  return d; // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes through the return value) [escan-dangling]
}

struct Pair escapes_second_declarator(void) {
  int x = 0, *p = &x;
  struct Pair q = {NULL, p};
  return q; // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes through the return value) [escan-dangling]
}

int **escapes_static_local_init(void) {
  static int s;
  static int *ps = &s;
  int x = 0;
  ps = &x; // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes to global 'escapes_static_local_init.ps') [escan-dangling]
  return &ps;
}

// ---- stays ---------------------------------------------------------------
int stays_zero_init(void) {
  struct Deep d = {0};
  return d.n;
}

int stays_array_of_structs(void) {
  int x = 1;
  struct Pair ps[2] = {{&x, &x}, {NULL, NULL}};
  return *ps[0].a;
}

int stays_string_init(void) {
  char buf[] = "hello";
  return buf[0];
}

int stays_vla_typedef(int n) {
  typedef int row[n];
  row r;
  r[0] = 1;
  return r[0];
}
