// Stores of stack addresses into globals or caller slots that are undone on
// every path before return (a flow-sensitive check over Clang's CFG). The
// adapter lowers those edges with esc_*_undone; the engine decides.
// RUN: %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-m=1 %s 2>&1 | FileCheck %s --implicit-check-not='[escan-'
#include <stddef.h>

int *g;
struct node { struct node *next; int *v; };
struct list { struct node *head; };
extern void use(void);

// ---- transient (undone on every path): silent -----------------------------
void transient_reset(void) {
  int x = 0;
  g = &x;
  use();
  g = NULL;
}

void transient_both_branches(int c) {
  int x = 0;
  g = &x;
  if (c)
    g = NULL;
  else
    g = 0;
}

void transient_list_push_pop(struct list *l) { // CHECK: [[@LINE]]:43: remark: l does not escape [escan-info]
  struct node n;
  n.next = l->head;
  l->head = &n;
  use();
  l->head = n.next;
}

void transient_out_param(int **out) { // CHECK: [[@LINE]]:32: remark: out does not escape [escan-info]
  int x = 0;
  *out = &x;
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
