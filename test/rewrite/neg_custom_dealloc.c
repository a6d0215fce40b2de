// The block is released through a project deallocator (which counts frees
// and then calls free): the call cannot simply be deleted.
// RUN: %difftest --expect-promoted=0 %s
// RUN: %escan -m=2 --fail-on=none %s -- -std=c11 2>&1 | FileCheck %s
#include <stdio.h>
#include <stdlib.h>

static int live_blocks;

static void pool_release(void *p) {
  if (p)
    live_blocks--;
  free(p);
}

static int checksum(int seed) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: {{.*}}not promoted: freed through unknown deallocator
  unsigned char *scratch = malloc(32);
  if (!scratch)
    return -1;
  live_blocks++;
  int s = 0;
  for (int i = 0; i < 32; i++) {
    scratch[i] = (unsigned char)(seed * i);
    s += scratch[i];
  }
  pool_release(scratch);
  return s;
}

int main(void) {
  int t = 0;
  for (int seed = 1; seed < 10; seed++)
    t += checksum(seed);
  printf("t=%d live=%d\n", t, live_blocks);
  return 0;
}
