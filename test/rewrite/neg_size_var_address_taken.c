// The size variable is initialised with a constant but changed through its
// address before the allocation: it must not fold to its initial value
// (storage of 16 bytes would overflow when 64 are written).
// RUN: %difftest --expect-promoted=0 %s
// RUN: %escan -m=2 --fail-on=none %s -- -std=c11 2>&1 | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void grow(size_t *n) { *n *= 4; }

int main(void) {
  size_t n = 16;
  size_t *alias = &n;
  grow(alias);
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: {{.*}}not promoted: size not constant
  unsigned char *p = malloc(n);
  if (!p)
    return 1;
  memset(p, 0x5a, n);
  unsigned s = 0;
  for (size_t i = 0; i < n; i++)
    s += p[i] ^ (unsigned)i;
  printf("n=%zu s=%u\n", n, s);
  free(p);
  return 0;
}
