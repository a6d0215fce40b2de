// Several early returns, each freeing the block on its own path.
// RUN: %difftest --expect-promoted=1 %s
#include <stdio.h>
#include <stdlib.h>

static int classify(int x) {
  int *window = malloc(8 * sizeof(int));
  if (window == NULL)
    return -1;
  for (int i = 0; i < 8; i++)
    window[i] = (x >> i) & 1;
  if (window[0] && window[1]) {
    free(window);
    return 3;
  }
  int ones = 0;
  for (int i = 0; i < 8; i++)
    ones += window[i];
  if (ones == 0) {
    free(window);
    return 0;
  }
  if (ones > 4) {
    free(window);
    return 2;
  }
  free(window);
  return 1;
}

int main(void) {
  unsigned acc = 0;
  for (int x = 0; x < 256; x++)
    acc = acc * 31u + (unsigned)classify(x);
  printf("acc %u\n", acc);
  return 0;
}
