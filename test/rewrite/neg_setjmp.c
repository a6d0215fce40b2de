// A function that uses setjmp: no promotion (longjmp would skip
// re-initialisation and the frame layout matters).
// RUN: %difftest --expect-promoted=0 %s
// RUN: %escan -m=2 --fail-on=none %s -- -std=c11 2>&1 | FileCheck %s
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>

static jmp_buf on_error;

static int checked_div(int a, int b) {
  if (b == 0)
    longjmp(on_error, 1);
  return a / b;
}

static int run(int divisor) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: {{.*}}not promoted: function calls setjmp
  int *volatile results = malloc(4 * sizeof(int));
  if (!results)
    return -1;
  if (setjmp(on_error)) {
    free(results);
    return -2;
  }
  for (int i = 0; i < 4; i++)
    results[i] = checked_div(100 * (i + 1), divisor - i);
  int s = results[0] + results[1] + results[2] + results[3];
  free(results);
  return s;
}

int main(void) {
  for (int d = 1; d < 8; d++)
    printf("run(%d) = %d\n", d, run(d));
  return 0;
}
