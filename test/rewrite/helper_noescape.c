// The block is passed to helpers defined in the same file whose summaries
// say the parameter does not escape.
// RUN: %difftest --expect-promoted=1 %s
#include <stdio.h>
#include <stdlib.h>

static void fill(int *v, int n, int seed) {
  for (int i = 0; i < n; i++)
    v[i] = (seed * (i + 3)) % 101;
}

static int max_of(const int *v, int n) {
  int m = v[0];
  for (int i = 1; i < n; i++)
    if (v[i] > m)
      m = v[i];
  return m;
}

static long dot(const int *a, const int *b, int n) {
  long s = 0;
  for (int i = 0; i < n; i++)
    s += (long)a[i] * b[i];
  return s;
}

int main(void) {
  int *v = malloc(20 * sizeof(int));
  if (!v)
    return 1;
  fill(v, 20, 17);
  printf("max %d dot %ld\n", max_of(v, 20), dot(v, v, 20));
  free(v);
  return 0;
}
