// Per-iteration block with two frees: one on the `break` path, one at the
// end of the body. Both receive only this block.
// RUN: %difftest --expect-promoted=1 %s
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  int found = -1;
  for (int n = 2; n < 200; n++) {
    int *divs = malloc(16 * sizeof(int));
    if (!divs)
      return 1;
    int k = 0;
    for (int d = 1; d <= n && k < 16; d++)
      if (n % d == 0)
        divs[k++] = d;
    if (k >= 12) {
      found = n;
      printf("%d has %d divisors, last %d\n", n, k, divs[k - 1]);
      free(divs);
      break;
    }
    if (k == 2 && n > 190)
      printf("prime %d\n", divs[1]);
    free(divs);
  }
  printf("found %d\n", found);
  return 0;
}
