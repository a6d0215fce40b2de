// The variable holding the block dies with the inner block, but an alias
// declared outside keeps using the block afterwards.
// RUN: %difftest --expect-promoted=1 %s
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  int *keep;
  {
    int *squares = malloc(10 * sizeof(int));
    if (!squares)
      return 1;
    for (int i = 0; i < 10; i++)
      squares[i] = i * i;
    keep = squares;
  }
  int s = 0;
  for (int i = 0; i < 10; i++)
    s += keep[i];
  printf("sum of squares %d\n", s);
  free(keep);
  return 0;
}
