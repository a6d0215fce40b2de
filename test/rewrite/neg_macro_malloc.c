// The allocation is written inside a macro (NEW(T)), so the rewrite would
// fall in a macro expansion: not rewritten.
// RUN: %difftest --expect-promoted=0 %s
// RUN: %escan -m=2 --fail-on=none %s -- -std=c11 2>&1 | FileCheck %s
#include <stdio.h>
#include <stdlib.h>

#define NEW(T) ((T *)malloc(sizeof(T)))
#define SCRATCH malloc(24)

struct pair {
  int a, b;
};

int main(void) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: {{.*}}not promoted: inside macro expansion
  struct pair *p = NEW(struct pair);
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: {{.*}}not promoted: inside macro expansion
  char *s = SCRATCH;
  if (!p || !s) {
    free(p);
    free(s);
    return 1;
  }
  p->a = 6;
  p->b = 7;
  snprintf(s, 24, "%d*%d=%d", p->a, p->b, p->a * p->b);
  puts(s);
  free(s);
  free(p);
  return 0;
}
