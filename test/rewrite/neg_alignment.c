// aligned_alloc(64, ...) asks for more than max_align_t: not promoted.
// RUN: %difftest --expect-promoted=0 %s
// RUN: %escan -m=2 --fail-on=none %s -- -std=c11 2>&1 | FileCheck %s
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: {{.*}}not promoted: alignment exceeds max_align_t
  float *lane = aligned_alloc(64, 16 * sizeof(float));
  if (!lane)
    return 1;
  for (int i = 0; i < 16; i++)
    lane[i] = (float)i * 0.5f;
  float s = 0;
  for (int i = 0; i < 16; i++)
    s += lane[i];
  printf("s=%.1f\n", (double)s);
  free(lane);
  return 0;
}
