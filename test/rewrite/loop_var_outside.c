// The pointer variable is declared before the loop but the block is
// allocated and freed within each iteration (dead before the next one).
// BAD: should be 1 (the block is dead before the next allocation; one slot
// in the function body would do). The storage block comes from where `cur`
// is declared (outside the loop), so escan refuses: "in a loop while the
// previous block may be live". Safe, a missed promotion.
// RUN: %difftest --expect-promoted=0 %s
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  unsigned *cur;
  unsigned h = 0;
  int i = 0;
  while (i < 8) {
    cur = malloc(4 * sizeof *cur);
    if (!cur)
      return 1;
    for (int j = 0; j < 4; j++)
      cur[j] = (unsigned)(i * 4 + j) * 2654435761u;
    h ^= cur[0] + cur[1] + cur[2] + cur[3];
    free(cur);
    i++;
  }
  printf("h=%u\n", h);
  return 0;
}
