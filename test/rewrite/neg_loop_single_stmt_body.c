// Loop bodies that are single statements (no braces): the allocation runs
// once per iteration and all blocks stay live together.
// RUN: %difftest --expect-promoted=0 %s
// RUN: %escan -m=2 --fail-on=none %s -- -std=c11 2>&1 | FileCheck %s
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  int *cells[4];
  int i;
  for (i = 0; i < 4; i++)
    // CHECK: :[[@LINE+1]]:{{[0-9]+}}: {{.*}}not promoted: in a loop while the previous block may be live
    cells[i] = calloc(4, sizeof(int));
  for (i = 0; i < 4; i++)
    if (!cells[i])
      return 1;
  for (i = 0; i < 16; i++)
    cells[i / 4][i % 4] = i * (i % 3);
  int s = 0;
  i = 0;
  while (i < 4)
    s += cells[i][3] - cells[i][1], i++;
  printf("s=%d\n", s);
  for (i = 0; i < 4; i++)
    free(cells[i]);
  return 0;
}
