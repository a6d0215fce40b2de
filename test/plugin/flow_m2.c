// -m=2 explains every finding and decision with its flow, one note per edge,
// root first.
// RUN: %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-m=2 %s 2>&1 | FileCheck %s --implicit-check-not='[escan-'
// Below m=2 there are no flow notes at all (the notes that suggest rewrites
// for dangling locals are shown at every level):
// RUN: %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-m=1 %s 2>&1 | FileCheck %s --check-prefix=M1 --implicit-check-not='←'
// M1: warning: moved to heap: x
// A step into an intermediate value reads as Go's "from" lines: the
// expression and the reason, with no name of its own.
#include <stdlib.h>

int *g;
extern void sink(int *p);

void dangling_chain(void) {
  int x = 0;
  int *p = &x;
  int *q = p;
  g = q; // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes to global 'g') [escan-dangling]
// CHECK: [[@LINE-1]]:3: note: g ← q (assign)
// CHECK: [[@LINE-3]]:12: note: q ← p (init)
// CHECK: [[@LINE-5]]:12: note: p ← &x (init)
// CHECK: [[@LINE-6]]:12: note: &x (address-of)
}

int *dangling_return(void) {
  int y = 0;
  return &y; // CHECK: [[@LINE]]:3: warning: moved to heap: y (address of stack variable 'y' escapes through the return value) [escan-dangling]
// CHECK: [[@LINE-1]]:3: note: ~r0 ← &y (return)
// CHECK: [[@LINE-2]]:10: note: &y (address-of)
}

void store_through(int **out) { // CHECK: [[@LINE]]:26: remark: out does not escape [escan-info]
  int z = 0;
  *out = &z; // CHECK: [[@LINE]]:3: warning: moved to heap: z (address of stack variable 'z' escapes to caller memory *out) [escan-dangling]
// CHECK: [[@LINE-1]]:3: note: *out ← &z (store through pointer)
// CHECK: [[@LINE-2]]:10: note: &z (address-of)
}

void unknown_only(void) {
  int w = 0;
  sink(&w); // CHECK: [[@LINE]]:3: remark: w may escape: passed to unknown code [escan-info]
// CHECK: [[@LINE-1]]:3: note: {unknown} ← sink(&w) (passed to unknown code)
// CHECK: [[@LINE-2]]:8: note: &w (address-of)
}

void heap_escapes(void) {
  g = malloc(4); // CHECK: [[@LINE]]:7: remark: malloc(4) escapes to heap [escan-info]
// CHECK: [[@LINE-1]]:3: note: g ← malloc(4) (assign)
// CHECK: [[@LINE-2]]:7: note: malloc(4) (call result)
}
