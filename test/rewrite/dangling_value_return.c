// A constructor-like function returns the address of its local struct;
// every caller only reads through the result. --fix-dangling=value makes
// it return the struct by value and rewrites the callers: `*f()` loses its
// `*`, `f()->m` becomes `f().m`, a discarded call stays.
// RUN: %difftest --dangling=value --expect-fixed=1 --original-fails %s
// OUTPUT: copy 1 2
// OUTPUT: member 3
// OUTPUT: sum 11
#include <stdio.h>

struct pair {
  int a, b;
};

__attribute__((noinline)) static struct pair *make(int a) {
  struct pair p = {a, a + 1};
  if (a < 0)
    return (&p);
  return &p;
}

int main(void) {
  struct pair c = *make(1);
  printf("copy %d %d\n", c.a, c.b);
  printf("member %d\n", make(2)->b);
  make(9);
  printf("sum %d\n", make(5)->a + (*make(5)).b);
  return 0;
}
