// 3x3 matrices in heap scratch buffers handed to helpers that only read and
// write through them.
// RUN: %difftest --expect-promoted=3 %s
#include <stdio.h>
#include <stdlib.h>

static void matmul(const double *a, const double *b, double *c) {
  for (int i = 0; i < 3; i++)
    for (int j = 0; j < 3; j++) {
      double s = 0;
      for (int k = 0; k < 3; k++)
        s += a[i * 3 + k] * b[k * 3 + j];
      c[i * 3 + j] = s;
    }
}

static double trace(const double *m) { return m[0] + m[4] + m[8]; }

int main(void) {
  double *a = malloc(9 * sizeof(double));
  double *b = malloc(9 * sizeof(double));
  double *c = malloc(9 * sizeof(double));
  if (!a || !b || !c) {
    free(a);
    free(b);
    free(c);
    return 1;
  }
  for (int i = 0; i < 9; i++) {
    a[i] = i + 1;
    b[i] = (i % 4) - 1.5;
  }
  matmul(a, b, c);
  for (int i = 0; i < 3; i++)
    printf("%8.2f %8.2f %8.2f\n", c[i * 3], c[i * 3 + 1], c[i * 3 + 2]);
  printf("trace %.3f\n", trace(c));
  free(c);
  free(b);
  free(a);
  return 0;
}
