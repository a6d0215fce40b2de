// Stores undone in ways the adapter's prefilter (transient.cpp, worthACfg)
// must still send to the CFG: a loop after the store that never exits, a
// backward goto, a second store that comes first in the source but follows
// through a loop or within one statement. And stores it may skip, whose verdict must not change.
// RUN: %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-m=1 %s 2>&1 | FileCheck %s --implicit-check-not='[escan-'
#include <stddef.h>

int *g;
extern void use(void);
extern int more(void);

// ---- transient (no path from the store reaches the exit kept): silent ------
void transient_for_ever_after(void) {
  int x = 0;
  g = &x;
  for (;;)
    use();
}

void transient_while_1_after(void) {
  int x = 0;
  g = &x;
  while (1)
    use();
}

void transient_do_while_1_after(void) {
  int x = 0;
  g = &x;
  do
    use();
  while (1);
}

void transient_goto_back_after(void) {
  int x = 0;
  g = &x;
again:
  use();
  goto again;
}

void transient_reset_in_for_increment(int n) {
  int x = 0;
  for (int i = 0; i < n; i++, g = NULL) {
    g = &x;
    use();
  }
}

void transient_reset_in_while_condition(void) {
  int x = 0;
  while ((g = NULL, more())) {
    g = &x;
    use();
  }
}

// C leaves the order of the two stores open; Clang's CFG evaluates the
// right side first, so the null undoes &x.
#pragma clang diagnostic ignored "-Wunsequenced"
void transient_reset_in_left_side(int **p) { // CHECK: [[@LINE]]:41: remark: p does not escape [escan-info]
  int x = 0;
  *(g = NULL, p) = (g = &x, NULL);
}

// ---- not transient (the exit is reachable with the address stored) ---------
void escapes_loop_after_can_exit(int n) {
  int x = 0;
  g = &x; // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes to global 'g') [escan-dangling]
  while (n--)
    use();
}

void escapes_while_1_with_break(void) {
  int x = 0;
  g = &x; // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes to global 'g') [escan-dangling]
  while (1)
    if (more())
      break;
}

void escapes_reset_before(void) {
  int x = 0;
  g = NULL;
  g = &x; // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes to global 'g') [escan-dangling]
  use();
}

void escapes_forever_loop_before(int c) {
  int x = 0;
  if (c)
    for (;;)
      use();
  g = &x; // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes to global 'g') [escan-dangling]
}
