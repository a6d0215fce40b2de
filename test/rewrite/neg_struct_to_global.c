// A local struct holding the block is assigned by value to a global struct.
// RUN: %difftest --expect-promoted=0 %s
// RUN: %escan -m=2 --fail-on=none %s -- -std=c11 2>&1 | FileCheck %s
#include <stdio.h>
#include <stdlib.h>

struct state {
  int n;
  double *samples;
};

static struct state g_state;

static int start(int n) {
  struct state s;
  s.n = n;
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: {{.*}}escapes to heap
  s.samples = malloc(8 * sizeof(double));
  if (!s.samples)
    return -1;
  for (int i = 0; i < n; i++)
    s.samples[i] = i * 0.25;
  g_state = s;
  return 0;
}

int main(void) {
  if (start(8))
    return 1;
  double t = 0;
  for (int i = 0; i < g_state.n; i++)
    t += g_state.samples[i];
  printf("t=%.2f\n", t);
  free(g_state.samples);
  return 0;
}
