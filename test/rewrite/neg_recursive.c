// A recursive function with a scratch block at each level: by default no
// promotion in recursive functions (stack depth is unbounded).
// RUN: %difftest --expect-promoted=0 %s
// RUN: %escan -m=2 --fail-on=none %s -- -std=c11 2>&1 | FileCheck %s
#include <stdio.h>
#include <stdlib.h>

static unsigned long count_partitions(int n, int max) {
  if (n == 0)
    return 1;
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: {{.*}}not promoted: function is recursive
  unsigned long *parts = malloc(8 * sizeof(unsigned long));
  if (!parts)
    return 0;
  int k = 0;
  for (int first = max < n ? max : n; first >= 1 && k < 8; first--)
    parts[k++] = count_partitions(n - first, first);
  unsigned long total = 0;
  for (int i = 0; i < k; i++)
    total += parts[i];
  free(parts);
  return total;
}

int main(void) {
  for (int n = 1; n <= 8; n++)
    printf("p(%d) = %lu\n", n, count_partitions(n, n));
  return 0;
}
