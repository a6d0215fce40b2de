// long double needs 16-byte alignment on x86-64: still within max_align_t,
// so the promoted storage must be at least that aligned (UBSan checks).
// RUN: %difftest --expect-promoted=1 %s
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  long double *acc = malloc(6 * sizeof(long double));
  if (!acc)
    return 1;
  for (int i = 0; i < 6; i++)
    acc[i] = (long double)1 / (i + 1);
  long double s = 0;
  for (int i = 0; i < 6; i++)
    s += acc[i];
  printf("harmonic(6) = %.10Lf\n", s);
  free(acc);
  return 0;
}
