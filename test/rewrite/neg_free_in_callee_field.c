// The block is stored in a field of a local struct and freed by a destroy
// function defined in this file (free(c->buf) there): the free that
// receives it is in another function and cannot be deleted from here.
// RUN: %difftest --expect-promoted=0 %s
// RUN: %escan -m=2 --fail-on=none %s -- -std=c11 2>&1 | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct ctx {
  char *buf;
  size_t used;
};

static void ctx_destroy(struct ctx *c) {
  free(c->buf);
  c->buf = NULL;
}

static void ctx_put(struct ctx *c, const char *s) {
  size_t n = strlen(s);
  if (c->used + n < 32) {
    memcpy(c->buf + c->used, s, n + 1);
    c->used += n;
  }
}

int main(void) {
  struct ctx c = {NULL, 0};
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: {{.*}}not promoted: freed through unknown deallocator
  c.buf = malloc(32);
  if (!c.buf)
    return 1;
  c.buf[0] = '\0';
  ctx_put(&c, "destroy ");
  ctx_put(&c, "frees it");
  printf("%s (%zu)\n", c.buf, c.used);
  ctx_destroy(&c);
  printf("after destroy: %s\n", c.buf ? "still set" : "cleared");
  return 0;
}
