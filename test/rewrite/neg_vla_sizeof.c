// sizeof of a variably modified type is computed at run time.
// RUN: %difftest --expect-promoted=0 %s
// RUN: %escan -m=2 --fail-on=none %s -- -std=c11 2>&1 | FileCheck %s
#include <stdio.h>
#include <stdlib.h>

static long trace(int n) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: {{.*}}not promoted: size not constant
  int (*m)[n] = malloc(sizeof(int[n][n]));
  if (!m)
    return -1;
  for (int i = 0; i < n; i++)
    for (int j = 0; j < n; j++)
      m[i][j] = i * n + j;
  long t = 0;
  for (int i = 0; i < n; i++)
    t += m[i][i];
  free(m);
  return t;
}

static long row_sum(int n) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: {{.*}}not promoted: size not constant
  long (*row)[n] = malloc(sizeof *row);
  if (!row)
    return -1;
  long s = 0;
  for (int i = 0; i < n; i++)
    s += (*row)[i] = (long)i * i;
  free(row);
  return s;
}

int main(int argc, char **argv) {
  (void)argv;
  int n = argc + 9; /* 10, known only at run time */
  printf("trace %ld rows %ld\n", trace(n), row_sum(n + 20));
  return 0;
}
