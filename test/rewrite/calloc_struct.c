// calloc of one struct: every field (pointers included) reads as zero/NULL.
// RUN: %difftest --expect-promoted=1 %s
#include <stdio.h>
#include <stdlib.h>

struct config {
  int verbose;
  const char *name;
  double ratio;
  unsigned flags[4];
};

static void show(const struct config *c) {
  printf("verbose=%d name=%s ratio=%.1f flags=%u%u%u%u\n", c->verbose,
         c->name ? c->name : "(none)", c->ratio, c->flags[0], c->flags[1],
         c->flags[2], c->flags[3]);
}

int main(void) {
  struct config *c = calloc(1, sizeof *c);
  if (!c)
    return 1;
  show(c);
  c->verbose = 2;
  c->flags[2] = 1;
  show(c);
  free(c);
  return 0;
}
