// The block leaves the function inside a struct returned by value.
// RUN: %difftest --expect-promoted=0 %s
// RUN: %escan -m=2 --fail-on=none %s -- -std=c11 2>&1 | FileCheck %s
#include <stdio.h>
#include <stdlib.h>

struct span {
  int *data;
  int len;
};

static struct span make_span(int len) {
  struct span s;
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: {{.*}}escapes to heap
  s.data = malloc(8 * sizeof(int));
  s.len = s.data ? len : 0;
  for (int i = 0; i < s.len; i++)
    s.data[i] = i * 11;
  return s;
}

int main(void) {
  struct span a = make_span(8);
  struct span b = make_span(5);
  int sum = 0;
  for (int i = 0; i < a.len; i++)
    sum += a.data[i];
  for (int i = 0; i < b.len; i++)
    sum -= b.data[i];
  printf("sum %d\n", sum);
  free(b.data);
  free(a.data);
  return 0;
}
