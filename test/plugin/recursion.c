// Recursive functions: summaries are iterated to a fixed point; promotion
// is refused in recursive functions by default.
// RUN: %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-m=1 %s 2>&1 | FileCheck %s --implicit-check-not='[escan-'
#include <stdlib.h>

struct List { struct List *next; int *v; };
int *g;

void walk(struct List *l) { // CHECK: [[@LINE]]:24: remark: leaking param content: l [escan-info]
  if (!l)
    return;
  g = l->v;
  walk(l->next);
}

int *find(struct List *l, int k) { // CHECK: [[@LINE]]:24: remark: leaking param: l to result ~r0 level=1 [escan-info]
  if (!l)
    return NULL;
  if (*l->v == k)
    return l->v;
  return find(l->next, k);
}

void ping(int *p, int n);
void pong(int *p, int n) { // CHECK: [[@LINE]]:16: remark: leaking param: p [escan-info]
  if (n)
    ping(p, n - 1);
}
void ping(int *p, int n) { // CHECK: [[@LINE]]:16: remark: leaking param: p [escan-info]
  if (n)
    pong(p, n - 1);
  else
    g = p;
}

// ---- escapes -------------------------------------------------------------
void escapes_through_recursion(void) {
  int x = 0;
  struct List l = {NULL, &x};
  walk(&l); // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes to global 'g') [escan-dangling]
}

void escapes_mutual_recursion(void) {
  int x = 0;
  ping(&x, 3); // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes to global 'g') [escan-dangling]
}

// ---- stays ---------------------------------------------------------------
int stays_find(void) {
  int x = 3;
  struct List l = {NULL, &x};
  int *p = find(&l, 3);
  return p ? *p : 0;
}

int not_promoted_recursive(int n) {
  if (n <= 0)
    return 0;
  int *p = malloc(16); // CHECK: [[@LINE]]:12: remark: malloc(16) does not escape [escan-info]
  *p = n;
  int r = *p + not_promoted_recursive(n - 1);
  free(p);
  return r;
}
