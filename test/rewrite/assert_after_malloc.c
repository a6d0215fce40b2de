// assert() on the pointer: the macro only reads p, it is not part of the
// rewrite (malloc and free are outside any macro).
// RUN: %difftest --expect-promoted=1 %s
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  long *fib = malloc(20 * sizeof(long));
  assert(fib != NULL);
  fib[0] = 0;
  fib[1] = 1;
  for (int i = 2; i < 20; i++)
    fib[i] = fib[i - 1] + fib[i - 2];
  assert(fib[19] == 4181);
  printf("fib(19) = %ld\n", fib[19]);
  free(fib);
  return 0;
}
