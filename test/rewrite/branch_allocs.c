// One allocation in each arm of an if/else, each freed in its own arm.
// RUN: %difftest --expect-promoted=2 %s
#include <stdio.h>
#include <stdlib.h>

static long work(int n) {
  long r = 0;
  if (n % 2 == 0) {
    long *evens = malloc(8 * sizeof(long));
    if (!evens)
      return -1;
    for (int i = 0; i < 8; i++)
      evens[i] = (long)n * i;
    for (int i = 0; i < 8; i++)
      r += evens[i];
    free(evens);
  } else {
    char *odds = malloc(8);
    if (!odds)
      return -1;
    for (int i = 0; i < 8; i++)
      odds[i] = (char)(n + i);
    for (int i = 0; i < 8; i++)
      r -= odds[i];
    free(odds);
  }
  return r;
}

int main(void) {
  long t = 0;
  for (int n = 0; n < 20; n++)
    t = t * 3 + work(n);
  printf("t=%ld\n", t);
  return 0;
}
