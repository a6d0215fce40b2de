// A small linked list of three heap nodes, walked and freed node by node
// before return (each free receives exactly one block).
// RUN: %difftest --expect-promoted=3 %s
#include <stdio.h>
#include <stdlib.h>

struct node {
  int value;
  struct node *next;
};

static int sum_list(const struct node *n) {
  int s = 0;
  for (; n; n = n->next)
    s += n->value;
  return s;
}

int main(void) {
  struct node *first = malloc(sizeof *first);
  struct node *second = malloc(sizeof *second);
  struct node *third = malloc(sizeof *third);
  if (!first || !second || !third) {
    free(first);
    free(second);
    free(third);
    return 1;
  }
  first->value = 10;
  first->next = second;
  second->value = 20;
  second->next = third;
  third->value = 12;
  third->next = NULL;
  printf("sum %d\n", sum_list(first));
  free(third);
  free(second);
  free(first);
  return 0;
}
