// Stores of stack addresses into globals or caller slots that are undone on
// every path before return (a flow-sensitive check over Clang's CFG). The
// adapter marks those edges esc_note.transient; the engine decides.
// RUN: %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-m=1 %s 2>&1 | FileCheck %s --implicit-check-not='[escan-'
#include <stddef.h>

int *g;
struct node { struct node *next; int *v; };
struct list { struct node *head; };
extern void use(void);

// ---- transient (undone on every path) --------------------------------------
// BAD: transient: silent once the engine honours esc_note.transient.
void transient_reset(void) {
  int x = 0;
  g = &x; // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes to global 'g') [escan-dangling]
  use();
  g = NULL;
}

// BAD: transient: silent once the engine honours esc_note.transient.
void transient_both_branches(int c) {
  int x = 0;
  g = &x; // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes to global 'g') [escan-dangling]
  if (c)
    g = NULL;
  else
    g = 0;
}

// BAD: transient: silent once the engine honours esc_note.transient.
void transient_list_push_pop(struct list *l) { // CHECK: [[@LINE]]:43: remark: l does not escape [escan-info]
  struct node n;
  n.next = l->head;
  l->head = &n; // CHECK: [[@LINE]]:3: warning: moved to heap: n (address of stack variable 'n' escapes to caller memory *l) [escan-dangling]
  use();
  l->head = n.next;
}

// BAD: transient: silent once the engine honours esc_note.transient.
void transient_out_param(int **out) { // CHECK: [[@LINE]]:32: remark: out does not escape [escan-info]
  int x = 0;
  *out = &x; // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes to caller memory *out) [escan-dangling]
  *out = NULL;
}

// ---- not transient (some path keeps the address) ---------------------------
void escapes_reset_on_one_path(int c) {
  int x = 0;
  g = &x; // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes to global 'g') [escan-dangling]
  if (c)
    g = NULL;
}

void escapes_loop_break(int n) {
  int x = 0;
  for (;;) {
    g = &x; // CHECK: [[@LINE]]:5: warning: moved to heap: x (address of stack variable 'x' escapes to global 'g') [escan-dangling]
    if (n)
      break;
    g = NULL;
  }
}
