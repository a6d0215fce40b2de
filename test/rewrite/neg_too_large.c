// 4 KiB and 64 KiB blocks: over the per-allocation cap, stay on the heap.
// RUN: %difftest --expect-promoted=0 %s
// RUN: %escan -m=2 --fail-on=none %s -- -std=c11 2>&1 | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: {{.*}}not promoted: size {{[0-9]+}} exceeds max-stack 1024
  unsigned char *page = malloc(4096);
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: {{.*}}not promoted: size {{[0-9]+}} exceeds max-stack 1024
  unsigned *big = calloc(16384, sizeof(unsigned));
  if (!page || !big) {
    free(page);
    free(big);
    return 1;
  }
  memset(page, 0xa5, 4096);
  for (unsigned i = 0; i < 16384; i += 3)
    big[i] = i ^ page[i % 4096];
  unsigned long s = 0;
  for (unsigned i = 0; i < 16384; i++)
    s += big[i];
  printf("s=%lu\n", s);
  free(big);
  free(page);
  return 0;
}
