// The size depends on run-time data (strlen of the input).
// RUN: %difftest --expect-promoted=0 %s
// RUN: %escan -m=2 --fail-on=none %s -- -std=c11 2>&1 | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void reverse_print(const char *s) {
  size_t n = strlen(s);
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: {{.*}}not promoted: size not constant
  char *r = malloc(n + 1);
  if (!r)
    return;
  for (size_t i = 0; i < n; i++)
    r[i] = s[n - 1 - i];
  r[n] = '\0';
  puts(r);
  free(r);
}

int main(int argc, char **argv) {
  (void)argv;
  reverse_print("stressed");
  reverse_print("a man a plan");
  int k = argc * 8;
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: {{.*}}not promoted: size not constant
  int *v = calloc((size_t)k, sizeof(int));
  if (!v)
    return 1;
  v[k - 1] = 5;
  printf("%d\n", v[0] + v[k - 1]);
  free(v);
  return 0;
}
