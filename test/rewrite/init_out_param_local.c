// The block goes into a local context through an init function defined in
// the same file (`ctx_init(&ctx, ...)`): caller memory of ctx_init is this
// function's local, so the block does not escape.
// RUN: %difftest --expect-promoted=1 %s
#include <stdio.h>
#include <stdlib.h>

struct ctx {
  unsigned *acc;
  int n;
};

static void ctx_init(struct ctx *c, unsigned *storage, int n) {
  c->acc = storage;
  c->n = n;
  for (int i = 0; i < n; i++)
    c->acc[i] = 0;
}

static void ctx_feed(struct ctx *c, unsigned x) {
  for (int i = 0; i < c->n; i++)
    c->acc[i] = c->acc[i] * 33u + (x >> i);
}

int main(void) {
  struct ctx c;
  ctx_init(&c, malloc(8 * sizeof(unsigned)), 8);
  if (!c.acc)
    return 1;
  for (unsigned x = 1; x < 100; x += 3)
    ctx_feed(&c, x);
  for (int i = 0; i < c.n; i++)
    printf("%u ", c.acc[i]);
  printf("\n");
  free(c.acc);
  return 0;
}
