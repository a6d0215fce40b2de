// A function returns the address of its local struct and the caller reads
// through it: use after return (ASan reports it). --fix-dangling=static
// makes the struct static and the program correct.
// RUN: %difftest --dangling=static --expect-fixed=1 --original-fails %s
// OUTPUT: origin 3 4
// OUTPUT: again 3 4
#include <stdio.h>

struct point {
  int x, y;
};

__attribute__((noinline)) static struct point *origin(int x) {
  struct point p = {x, x + 1};
  return &p;
}

int main(void) {
  struct point *o = origin(3);
  printf("origin %d %d\n", o->x, o->y);
  o = origin(3);
  printf("again %d %d\n", o->x, o->y);
  return 0;
}
