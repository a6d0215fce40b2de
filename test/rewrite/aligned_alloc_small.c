// aligned_alloc with an alignment max_align_t already provides (16 on
// x86-64) can be promoted like malloc.
// RUN: %difftest --expect-promoted=1 %s
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  double *v = aligned_alloc(16, 8 * sizeof(double));
  if (!v)
    return 1;
  for (int i = 0; i < 8; i++)
    v[i] = 1.0 / (1 << i);
  double s = 0;
  for (int i = 0; i < 8; i++)
    s += v[i];
  printf("s=%.6f\n", s);
  free(v);
  return 0;
}
