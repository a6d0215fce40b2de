// Two locals returned by address: a struct and a string buffer (an array
// with a string initializer, filled by memcpy after the rewrite). The file
// includes neither <stdlib.h> nor <string.h>: the rewrite adds them.
// --fix-dangling=heap moves both to the heap; nothing frees them (leak
// detection is off for heap rewrites, see difftest).
// RUN: %difftest --dangling=heap --expect-fixed=2 --original-fails %s
// OUTPUT: pair 7 8 sum 15
// OUTPUT: greeting hello, size 16
#include <stdio.h>

struct pair {
  int a, b;
};

__attribute__((noinline)) static struct pair *make_pair(int a) {
  struct pair p = {a, a + 1};
  return &p;
}

__attribute__((noinline)) static char *greeting(void) {
  char buf[16] = "hello";
  printf("greeting %s, size %zu\n", buf, sizeof buf);
  return buf;
}

int main(void) {
  struct pair *p = make_pair(7);
  printf("pair %d %d sum %d\n", p->a, p->b, p->a + p->b);
  char *g = greeting();
  return g[0] == 'h' ? 0 : 1;
}
