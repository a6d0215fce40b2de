// The free sits in a SAFE_FREE macro: deleting it would edit a macro
// expansion, so the block is not promoted.
// RUN: %difftest --expect-promoted=0 %s
// RUN: %escan -m=2 --fail-on=none %s -- -std=c11 2>&1 | FileCheck %s
#include <stdio.h>
#include <stdlib.h>

#define SAFE_FREE(p)                                                          \
  do {                                                                        \
    free(p);                                                                  \
    (p) = NULL;                                                               \
  } while (0)

int main(void) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: {{.*}}not promoted: inside macro expansion
  int *odd = malloc(10 * sizeof(int));
  if (!odd)
    return 1;
  for (int i = 0; i < 10; i++)
    odd[i] = 2 * i + 1;
  int s = 0;
  for (int i = 0; i < 10; i++)
    s += odd[i];
  SAFE_FREE(odd);
  printf("sum %d, freed %s\n", s, odd == NULL ? "yes" : "no");
  return 0;
}
