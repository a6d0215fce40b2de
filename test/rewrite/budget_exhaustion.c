// Per-function budget: five 1000-byte blocks, each under the per-allocation
// cap (1024) but together over the per-function cap (4096): four promoted,
// the fifth stays on the heap. A 2000-byte block is over the cap alone.
// RUN: %difftest --expect-promoted=4 %s
// RUN: %escan -m=2 --fail-on=none %s -- -std=c11 2>&1 | FileCheck %s
// CHECK-DAG: not promoted: function stack budget exceeded
// CHECK-DAG: not promoted: size {{[0-9]+}} exceeds max-stack 1024
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned mix(const unsigned char *p, size_t n, unsigned h) {
  for (size_t i = 0; i < n; i++)
    h = (h ^ p[i]) * 16777619u;
  return h;
}

int main(void) {
  unsigned char *a = malloc(1000);
  unsigned char *b = malloc(1000);
  unsigned char *c = malloc(1000);
  unsigned char *d = malloc(1000);
  unsigned char *e = malloc(1000);
  unsigned char *big = malloc(2000);
  if (!a || !b || !c || !d || !e || !big)
    return 1;
  memset(a, 1, 1000);
  memset(b, 2, 1000);
  memset(c, 3, 1000);
  memset(d, 4, 1000);
  memset(e, 5, 1000);
  memset(big, 6, 2000);
  unsigned h = 2166136261u;
  h = mix(a, 1000, h);
  h = mix(b, 1000, h);
  h = mix(c, 1000, h);
  h = mix(d, 1000, h);
  h = mix(e, 1000, h);
  h = mix(big, 2000, h);
  printf("hash %08x\n", h);
  free(big);
  free(e);
  free(d);
  free(c);
  free(b);
  free(a);
  return 0;
}
