// The block is published in a global for the duration of a call and the
// global is cleared before the free. Flow-insensitively it reaches a
// global, so it is not promoted (safe; promoting would need flow
// sensitivity).
// RUN: %difftest --expect-promoted=0 %s
// RUN: %escan -m=2 --fail-on=none %s -- -std=c11 2>&1 | FileCheck %s
#include <stdio.h>
#include <stdlib.h>

static int *g_current;

static int current_sum(void) {
  int s = 0;
  for (int i = 0; i < 5; i++)
    s += g_current[i];
  return s;
}

int main(void) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: {{.*}}escapes to heap
  int *v = malloc(5 * sizeof(int));
  if (!v)
    return 1;
  for (int i = 0; i < 5; i++)
    v[i] = 3 * i + 1;
  g_current = v;
  printf("sum %d\n", current_sum());
  g_current = NULL;
  free(v);
  return 0;
}
