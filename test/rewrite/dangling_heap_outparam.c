// A local struct without an initializer leaves through an out-parameter;
// every mention of it (member access, sizeof, address-of) is rewritten to
// go through the heap pointer.
// RUN: %difftest --dangling=heap --expect-fixed=1 --original-fails %s
// OUTPUT: config 3 verbose size 16
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct config {
  int level;
  int pad;
  const char *mode;
};

__attribute__((noinline)) static void load(struct config **out) {
  struct config c;
  memset(&c, 0, sizeof c);
  c.level = 3;
  c.mode = "verbose";
  *out = &c;
}

int main(void) {
  struct config *c = NULL;
  load(&c);
  printf("config %d %s size %zu\n", c->level, c->mode, sizeof *c);
  return 0;
}
