// The block is allocated and freed inside one case of a switch; its storage
// may be declared in the switch body (jumps to case labels skip it, legal
// for a fixed-size array) or further out.
// RUN: %difftest --expect-promoted=1 %s
#include <stdio.h>
#include <stdlib.h>

static unsigned eval(int op, unsigned x) {
  unsigned *digits;
  switch (op) {
  case 0:
    return x + 1;
  case 1:
    digits = malloc(10 * sizeof *digits);
    if (!digits)
      return 0;
    for (int i = 0; i < 10; i++) {
      digits[i] = x % 10;
      x /= 10;
    }
    x = 0;
    for (int i = 0; i < 10; i++)
      x = x * 10 + digits[i];
    free(digits);
    return x;
  default:
    return x * 2;
  }
}

int main(void) {
  unsigned acc = 0;
  for (unsigned v = 100; v < 140; v += 7)
    for (int op = 0; op < 3; op++)
      acc = acc * 13u + eval(op, v);
  printf("acc %u\n", acc);
  return 0;
}
