// do/while loop with a per-iteration block.
// RUN: %difftest --expect-promoted=1 %s
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  unsigned x = 12345, steps = 0;
  do {
    unsigned char *digits = malloc(12);
    if (!digits)
      return 1;
    int n = 0;
    unsigned y = x;
    do {
      digits[n++] = (unsigned char)(y % 10);
      y /= 10;
    } while (y);
    unsigned s = 0;
    for (int i = 0; i < n; i++)
      s += (unsigned)digits[i] * digits[i];
    free(digits);
    printf("%u -> %u\n", x, s);
    x = s;
    steps++;
  } while (x != 1 && x != 4 && steps < 50);
  printf("steps %u\n", steps);
  return 0;
}
