// --max-stack lowers the per-allocation cap: with 64, the 32-byte block is
// promoted and the 128-byte one is not.
// RUN: %difftest --expect-promoted=1 --escan-flag=--max-stack=64 %s
// RUN: %difftest --expect-promoted=2 %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
  char *small = malloc(32);
  char *medium = malloc(128);
  if (!small || !medium)
    return 1;
  strcpy(small, "small");
  memset(medium, 'm', 127);
  medium[127] = '\0';
  printf("%s %zu\n", small, strlen(medium));
  free(medium);
  free(small);
  return 0;
}
