// Lazily initialised cache in a file-scope static, freed by an atexit hook.
// RUN: %difftest --expect-promoted=0 %s
// RUN: %escan -m=2 --fail-on=none %s -- -std=c11 2>&1 | FileCheck %s
#include <stdio.h>
#include <stdlib.h>

static unsigned *cache;

static void cleanup(void) { free(cache); }

static unsigned square(unsigned x) {
  if (!cache) {
    // CHECK: :[[@LINE+1]]:{{[0-9]+}}: {{.*}}escapes to heap
    cache = calloc(16, sizeof *cache);
    if (!cache)
      return x * x;
    atexit(cleanup);
  }
  if (x < 16) {
    if (!cache[x])
      cache[x] = x * x;
    return cache[x];
  }
  return x * x;
}

int main(void) {
  unsigned s = 0;
  for (unsigned i = 0; i < 40; i++)
    s += square(i % 20);
  printf("s=%u\n", s);
  return 0;
}
