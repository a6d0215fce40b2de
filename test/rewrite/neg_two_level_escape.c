// The inner block is stored in an outer block that is returned: the inner
// block escapes through the outer one (class inherited).
// RUN: %difftest --expect-promoted=0 %s
// RUN: %escan -m=2 --fail-on=none %s -- -std=c11 2>&1 | FileCheck %s
#include <stdio.h>
#include <stdlib.h>

struct vec {
  int len;
  int *items;
};

static struct vec *vec_new(int len) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: {{.*}}escapes to heap
  struct vec *v = malloc(sizeof *v);
  if (!v)
    return NULL;
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: {{.*}}escapes to heap
  int *items = malloc(16 * sizeof(int));
  if (!items) {
    free(v);
    return NULL;
  }
  v->len = len;
  v->items = items;
  for (int i = 0; i < len; i++)
    items[i] = len - i;
  return v;
}

int main(void) {
  struct vec *v = vec_new(12);
  if (!v)
    return 1;
  int s = 0;
  for (int i = 0; i < v->len; i++)
    s += v->items[i] * i;
  printf("s=%d\n", s);
  free(v->items);
  free(v);
  return 0;
}
