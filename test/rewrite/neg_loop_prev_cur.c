// Each iteration allocates `cur` and frees the previous iteration's block:
// the previous block is live when the allocation runs again, so a
// per-iteration slot would overwrite it. (Every free receives only this
// site's blocks: the loop condition alone must refuse.)
// RUN: %difftest --expect-promoted=0 %s
// RUN: %escan -m=2 --fail-on=none %s -- -std=c11 2>&1 | FileCheck %s
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  int *prev = NULL;
  unsigned h = 0;
  for (int row = 0; row < 8; row++) {
    // CHECK: :[[@LINE+1]]:{{[0-9]+}}: {{.*}}not promoted: in a loop while the previous block may be live
    int *cur = malloc(8 * sizeof(int));
    if (!cur) {
      free(prev);
      return 1;
    }
    for (int i = 0; i < 8; i++)
      cur[i] = prev ? prev[i] + (i ? prev[i - 1] : 0) : (i == 0);
    for (int i = 0; i < 8; i++)
      h = h * 7u + (unsigned)cur[i];
    free(prev);
    prev = cur;
  }
  printf("last row %d %d %d, h=%u\n", prev[0], prev[3], prev[7], h);
  free(prev);
  return 0;
}
