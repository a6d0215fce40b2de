// The only pointer that survives the inner block is a field of an outer
// local struct: the block is used (and freed) through it after the block.
// RUN: %difftest --expect-promoted=1 %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct holder {
  int id;
  char *text;
};

int main(void) {
  struct holder h = {7, NULL};
  if (h.id > 0) {
    char *t = malloc(24);
    if (!t)
      return 1;
    strcpy(t, "held by the struct");
    h.text = t;
  }
  printf("%d: %s\n", h.id, h.text);
  free(h.text);
  return 0;
}
