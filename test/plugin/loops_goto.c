// Loops, goto and switch: loop bodies are one level deeper; a label that a
// later goto jumps back to starts a loop too.
// RUN: %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-m=1 %s 2>&1 | FileCheck %s --implicit-check-not='[escan-'
#include <stdlib.h>

int *g;

// ---- escapes -------------------------------------------------------------
void escapes_in_loop(int n) {
  for (int i = 0; i < n; i++) {
    int x = i;
    g = &x; // CHECK: [[@LINE]]:5: warning: moved to heap: x (address of stack variable 'x' escapes to global 'g') [escan-dangling]
  }
}

void escapes_in_while(int n) {
  int x = 0;
  while (n--)
    g = &x; // CHECK: [[@LINE]]:5: warning: moved to heap: x (address of stack variable 'x' escapes to global 'g') [escan-dangling]
}

void escapes_in_switch(int k) {
  int x = 0, y = 0;
  switch (k) {
  case 0:
    g = &x; // CHECK: [[@LINE]]:5: warning: moved to heap: x (address of stack variable 'x' escapes to global 'g') [escan-dangling]
    break;
  default:
    g = &y; // CHECK: [[@LINE]]:5: warning: moved to heap: y (address of stack variable 'y' escapes to global 'g') [escan-dangling]
  }
}

void escapes_after_label(int n) {
  int x = 0;
again:
  if (n-- > 0)
    goto again;
  g = &x; // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes to global 'g') [escan-dangling]
}

// ---- heap in loops -----------------------------------------------------------
void promote_in_loop(int n) {
  for (int i = 0; i < n; i++) {
    int *p = malloc(16); // CHECK: [[@LINE]]:14: remark: malloc(16) does not escape (can be stack storage) [escan-heap-to-stack]
    *p = i;
    free(p);
  }
}

void heap_backward_goto(int n) {
  int *p;
again:
  p = malloc(16); // CHECK: [[@LINE]]:7: remark: malloc(16) does not escape [escan-info]
  *p = n;
  free(p);
  if (n-- > 0)
    goto again;
}

int stays_do_while(int n) {
  int x = 0;
  int *p = &x;
  do {
    *p += n;
  } while (--n > 0);
  return x;
}
