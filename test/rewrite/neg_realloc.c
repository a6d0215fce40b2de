// A buffer that grows with realloc: realloc frees the old block, so it can
// never be stack storage.
// RUN: %difftest --expect-promoted=0 %s
// RUN: %escan -m=2 --fail-on=none %s -- -std=c11 2>&1 | FileCheck %s
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  size_t cap = 4, n = 0;
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: {{.*}}not promoted: freed through realloc
  int *v = malloc(4 * sizeof(int));
  if (!v)
    return 1;
  for (int i = 0; i < 37; i++) {
    if (n == cap) {
      int *bigger = realloc(v, cap * 2 * sizeof(int));
      if (!bigger) {
        free(v);
        return 1;
      }
      v = bigger;
      cap *= 2;
    }
    v[n++] = i * i % 17;
  }
  long s = 0;
  for (size_t i = 0; i < n; i++)
    s += v[i];
  printf("n=%zu cap=%zu sum=%ld\n", n, cap, s);
  free(v);
  return 0;
}
