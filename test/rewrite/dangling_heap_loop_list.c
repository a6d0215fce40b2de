// Nodes declared in a loop body are linked into a list that the function
// returns: every iteration reuses one stack slot, and the list dangles.
// The static rewrite is refused (iterations would share one node); the heap
// rewrite gives each iteration its own node.
// RUN: %difftest --dangling=heap --expect-fixed=1 --original-fails %s
// OUTPUT: 2 1 0
#include <stdio.h>
#include <stdlib.h>

struct node {
  int value;
  struct node *next;
};

__attribute__((noinline)) static struct node *build(int n) {
  struct node *head = NULL;
  for (int i = 0; i < n; i++) {
    struct node cell;
    cell.value = i;
    cell.next = head;
    head = &cell;
  }
  return head;
}

int main(void) {
  struct node *l = build(3);
  for (int k = 0; l && k < 3; l = l->next, k++)
    printf(k ? " %d" : "%d", l->value);
  printf("\n");
  return 0;
}
