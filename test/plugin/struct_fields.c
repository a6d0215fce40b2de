// Field stores: into other locals (stays), into globals, caller memory or a
// heap object that is returned (escapes). Structs are field-insensitive.
// RUN: %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-m=1 %s 2>&1 | FileCheck %s --implicit-check-not='[escan-'
#include <stdlib.h>

struct Node { struct Node *next; int *val; };
struct Node gnode;

// ---- escapes -------------------------------------------------------------
void escapes_global_field(void) {
  int x = 0;
  gnode.val = &x; // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes to global 'gnode') [escan-dangling]
}

void escapes_arrow_into_param(struct Node *n) { // CHECK: [[@LINE]]:44: remark: n does not escape [escan-info]
  int x = 0;
  n->val = &x; // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes to caller memory *n) [escan-dangling]
}

struct Node *escapes_heap_returned(void) { // CHECK: [[@LINE]]:14: remark: allocator: escapes_heap_returned returns new heap memory [escan-info]
  int x = 0;
  struct Node *n = malloc(sizeof *n); // CHECK: [[@LINE]]:20: remark: malloc(sizeof *n) escapes to heap [escan-info]
  n->val = &x;
  return n; // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes through the return value) [escan-dangling]
}

void escapes_nested_arrow(struct Node *n) { // CHECK: [[@LINE]]:40: remark: n does not escape [escan-info]
  struct Node local;
  n->next->next = &local; // CHECK: [[@LINE]]:3: warning: moved to heap: local (address of stack variable 'local' escapes to caller memory **n) [escan-dangling]
}

// ---- stays ---------------------------------------------------------------
int stays_field_into_local(void) {
  int x = 1;
  struct Node n;
  n.val = &x;
  return *n.val;
}

int stays_arrow_into_local(void) {
  int x = 1;
  struct Node n;
  struct Node *pn = &n;
  pn->val = &x;
  return *n.val;
}

void stays_heap_freed(void) {
  int x = 0;
  struct Node *n = malloc(sizeof *n); // CHECK: [[@LINE]]:20: remark: malloc(sizeof *n) does not escape (can be stack storage) [escan-heap-to-stack]
  n->val = &x;
  free(n);
}

int stays_linked_locals(void) {
  struct Node a, b;
  a.next = &b;
  b.next = &a;
  return a.next == &b;
}

// ---- known imprecision ----------------------------------------------------
struct Args { const char *msg; int **slot; };
static void copy_msg(const struct Args *a, const char **dst) { *dst = a->msg; } // CHECK: [[@LINE]]:41: remark: leaking param: a to content of dst level=1 [escan-info]
// CHECK: [[@LINE-1]]:57: remark: dst does not escape [escan-info]

// BAD: should be silent: only a.msg (a string literal) reaches *dst, but the
// struct is one object (field-insensitive), so a.slot's &p goes along.
void field_insensitive(const char **dst) { // CHECK: [[@LINE]]:37: remark: dst does not escape [escan-info]
  int *p = NULL;
  struct Args a = {"m", &p};
  copy_msg(&a, dst); // CHECK: [[@LINE]]:3: warning: moved to heap: p (address of stack variable 'p' escapes to caller memory *dst) [escan-dangling]
}
