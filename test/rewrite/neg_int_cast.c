// The pointer is turned into an integer handle stored in a global table and
// turned back into a pointer elsewhere: the block is address-exposed.
// RUN: %difftest --expect-promoted=0 %s
// RUN: %escan -m=2 --fail-on=none %s -- -std=c11 2>&1 | FileCheck %s
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static uintptr_t handles[2];

static int open_counter(int slot, int start) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: {{.*}}escapes to heap
  int *c = malloc(sizeof *c);
  if (!c)
    return -1;
  *c = start;
  handles[slot] = (uintptr_t)c;
  return slot;
}

static int bump(int h) { return ++*(int *)handles[h]; }

int main(void) {
  int a = open_counter(0, 10), b = open_counter(1, 100);
  if (a < 0 || b < 0)
    return 1;
  for (int i = 0; i < 5; i++) {
    bump(a);
    if (i % 2)
      bump(b);
  }
  printf("a=%d b=%d\n", bump(a), bump(b));
  free((int *)handles[0]);
  free((int *)handles[1]);
  return 0;
}
