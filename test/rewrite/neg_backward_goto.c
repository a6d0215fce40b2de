// A retry loop written with a backward goto around the allocation.
// RUN: %difftest --expect-promoted=0 %s
// RUN: %escan -m=2 --fail-on=none %s -- -std=c11 2>&1 | FileCheck %s
#include <stdio.h>
#include <stdlib.h>

static int attempt(int seed) {
  int tries = 0;
  int *buf;
retry:
  tries++;
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: {{.*}}not promoted: function has a backward goto
  buf = malloc(4 * sizeof(int));
  if (!buf)
    return -1;
  for (int i = 0; i < 4; i++)
    buf[i] = (seed * tries + i) % 7;
  if (buf[0] != 0 && tries < 5) {
    free(buf);
    goto retry;
  }
  int r = tries * 100 + buf[1] + buf[2] + buf[3];
  free(buf);
  return r;
}

int main(void) {
  for (int s = 0; s < 6; s++)
    printf("attempt(%d) = %d\n", s, attempt(s));
  return 0;
}
