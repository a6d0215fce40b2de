// Computed goto and labels as values: labels are not objects; a computed
// goto makes every address-taken label a loop head.
// RUN: %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-m=1 %s 2>&1 | FileCheck %s --implicit-check-not='[escan-'
#include <stdlib.h>

int *g;

int dispatch(int op) {
  static void *table[] = {&&add, &&done};
  int acc = 0;
  goto *table[op & 1];
add:
  acc++;
  goto *table[1];
done:
  return acc;
}

void escapes_after_computed_label(int op) {
  int x = 0;
  void *next = &&out;
  goto *next;
out:
  g = &x; // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes to global 'g') [escan-dangling]
}

void heap_with_computed_goto(int op) {
  void *next = op ? &&a : &&b;
  goto *next;
a:;
  char *p = malloc(8); // CHECK: [[@LINE]]:13: remark: malloc(8) does not escape [escan-info]
  p[0] = 0;
  free(p);
b:;
}
