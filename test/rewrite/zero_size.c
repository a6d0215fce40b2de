// malloc(0): a zero-length array is not valid C, so a rewrite must either
// leave it alone or give it at least one byte. The program never touches
// the block's contents.
// RUN: %difftest --expect-promoted=0 %s
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  char *none = malloc(0);
  int n = 0;
  for (int i = 0; i < 5; i++)
    n += i;
  printf("n=%d\n", n);
  free(none);
  return 0;
}
