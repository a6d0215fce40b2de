// Out-parameters: pointing the caller's pointer at the caller's own memory
// is fine; pointing it at the callee's locals is dangling.
// RUN: %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-m=1 %s 2>&1 | FileCheck %s --implicit-check-not='[escan-'
#include <stddef.h>

struct ctx { char *cur; char storage[32]; };

void get(int **out, int *buf) { *out = buf; } // CHECK: [[@LINE]]:16: remark: out does not escape [escan-info]
// CHECK: [[@LINE-1]]:26: remark: leaking param: buf to content of out level=0 [escan-info]

void init(struct ctx *c) { c->cur = c->storage; } // CHECK: [[@LINE]]:23: remark: c does not escape [escan-info]

int *gp;
void store(int *p) { gp = p; } // CHECK: [[@LINE]]:17: remark: leaking param: p [escan-info]

void set_local(int **out) { // CHECK: [[@LINE]]:22: remark: out does not escape [escan-info]
  int x = 0;
  *out = &x; // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes to caller memory *out) [escan-dangling]
}

// ---- stays ---------------------------------------------------------------
int stays_out_points_to_caller(void) {
  int x = 1;
  int *p = NULL;
  get(&p, &x);
  return *p;
}

int stays_init_ctx(void) {
  struct ctx c;
  init(&c);
  return c.cur == c.storage;
}

void stays_fill_array(int *out[2], int *a, int *b) { // CHECK: [[@LINE]]:28: remark: out does not escape [escan-info]
// CHECK: [[@LINE-1]]:41: remark: leaking param: a to content of out level=0 [escan-info]
// CHECK: [[@LINE-2]]:49: remark: leaking param: b to content of out level=0 [escan-info]
  out[0] = a;
  out[1] = b;
}

// ---- escapes -------------------------------------------------------------
void escapes_callee_stores_global(void) {
  int x = 0;
  store(&x); // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes to global 'gp') [escan-dangling]
}

void escapes_out_of_callee_local(int **out) { // CHECK: [[@LINE]]:40: remark: out does not escape [escan-info]
  int y = 0;
  get(out, &y); // CHECK: [[@LINE]]:3: warning: moved to heap: y (address of stack variable 'y' escapes to caller memory *out) [escan-dangling]
}
