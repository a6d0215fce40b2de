// malloc/free in every iteration: the block is dead before the next one, so
// one slot declared inside the loop body serves every iteration.
// RUN: %difftest --expect-promoted=1 %s
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  unsigned total = 0;
  for (int round = 0; round < 10; round++) {
    int *tmp = malloc(10 * sizeof(int));
    if (!tmp)
      return 1;
    for (int i = 0; i < 10; i++)
      tmp[i] = round * 10 + i;
    for (int i = 0; i < 10; i++)
      total = total * 3u + (unsigned)tmp[9 - i];
    free(tmp);
  }
  printf("total %u\n", total);
  return 0;
}
