// Double buffering: two blocks swapped each step, so each final free may
// receive either block.
// RUN: %difftest --expect-promoted=0 %s
// RUN: %escan -m=2 --fail-on=none %s -- -std=c11 2>&1 | FileCheck %s
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: {{.*}}not promoted: a free may receive another block
  int *front = malloc(16 * sizeof(int));
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: {{.*}}not promoted: a free may receive another block
  int *back = malloc(16 * sizeof(int));
  if (!front || !back) {
    free(front);
    free(back);
    return 1;
  }
  for (int i = 0; i < 16; i++)
    front[i] = i == 8;
  for (int step = 0; step < 6; step++) {
    for (int i = 0; i < 16; i++)
      back[i] = front[(i + 15) % 16] ^ front[(i + 1) % 16];
    int *t = front;
    front = back;
    back = t;
  }
  for (int i = 0; i < 16; i++)
    putchar(front[i] ? '#' : '.');
  putchar('\n');
  free(back);
  free(front);
  return 0;
}
