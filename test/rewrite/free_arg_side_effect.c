// The free's argument has a side effect (k++): the rewrite keeps the
// argument expression, so k still advances.
// RUN: %difftest --expect-promoted=1 %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
  char *slots[1];
  int k = 0;
  slots[0] = malloc(16);
  if (!slots[0])
    return 1;
  strcpy(slots[0], "side effects");
  printf("%s\n", slots[0]);
  free(slots[k++]);
  printf("k=%d\n", k);
  return 0;
}
