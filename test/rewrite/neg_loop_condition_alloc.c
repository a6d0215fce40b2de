// The allocation is in the loop condition, not in the body: it still runs
// once per iteration and every node stays live in the list, so one slot
// (wherever declared) would be reused by all nodes.
// RUN: %difftest --expect-promoted=0 %s
// RUN: %escan -m=2 --fail-on=none %s -- -std=c11 2>&1 | FileCheck %s
#include <stdio.h>
#include <stdlib.h>

struct node {
  int v;
  struct node *next;
};

int main(void) {
  struct node *head = NULL, *n;
  int i = 0;
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: {{.*}}not promoted: in a loop while the previous block may be live
  while (i < 6 && (n = malloc(sizeof *n)) != NULL) {
    n->v = i * i + 1;
    n->next = head;
    head = n;
    i++;
  }
  int s = 0;
  for (struct node *p = head; p; p = p->next)
    s = s * 3 + p->v;
  printf("s=%d\n", s);
  while (head) {
    n = head->next;
    free(head);
    head = n;
  }
  return 0;
}
