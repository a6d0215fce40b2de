// A block allocated before a switch and used in several cases; one free.
// RUN: %difftest --expect-promoted=1 %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int run(int op) {
  char *scratch = malloc(40);
  if (!scratch)
    return -1;
  int r;
  switch (op) {
  case 0:
    strcpy(scratch, "zero");
    r = (int)strlen(scratch);
    break;
  case 1:
  case 2:
    memset(scratch, 'x', 10);
    scratch[10] = '\0';
    r = (int)strlen(scratch) * op;
    break;
  default:
    snprintf(scratch, 40, "op-%d-default", op);
    r = scratch[3] + (int)strlen(scratch);
    break;
  }
  printf("op %d: %s -> %d\n", op, scratch, r);
  free(scratch);
  return r;
}

int main(void) {
  int total = 0;
  for (int op = 0; op < 5; op++)
    total += run(op);
  printf("total %d\n", total);
  return 0;
}
