// A linked list built across loop iterations: every iteration's node is
// still live in the next one, so one slot per iteration is wrong; the nodes
// are freed by a walk whose free receives every node.
// RUN: %difftest --expect-promoted=0 %s
// RUN: %escan -m=2 --fail-on=none %s -- -std=c11 2>&1 | FileCheck %s
#include <stdio.h>
#include <stdlib.h>

struct node {
  int v;
  struct node *next;
};

int main(void) {
  struct node *head = NULL;
  for (int i = 0; i < 10; i++) {
    // CHECK: :[[@LINE+1]]:{{[0-9]+}}: {{.*}}not promoted: in a loop while the previous block may be live
    struct node *n = malloc(sizeof *n);
    if (!n)
      return 1;
    n->v = i * i;
    n->next = head;
    head = n;
  }
  int s = 0, k = 0;
  for (struct node *n = head; n; n = n->next)
    s += n->v * ++k;
  printf("weighted %d\n", s);
  while (head) {
    struct node *next = head->next;
    free(head);
    head = next;
  }
  return 0;
}
