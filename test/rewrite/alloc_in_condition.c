// The allocation is the assignment inside the if condition.
// RUN: %difftest --expect-promoted=1 %s
#include <stdio.h>
#include <stdlib.h>

static int triangle(int n) {
  int *t;
  if ((t = malloc(12 * sizeof *t)) == NULL)
    return -1;
  t[0] = 0;
  for (int i = 1; i < 12; i++)
    t[i] = t[i - 1] + i;
  int r = t[n % 12];
  free(t);
  return r;
}

int main(void) {
  for (int n = 0; n < 30; n += 4)
    printf("T(%d) = %d\n", n % 12, triangle(n));
  return 0;
}
