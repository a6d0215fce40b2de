// A setup function registers the address of its local handler table with a
// registry that outlives it, the classic dangling registration; a local
// buffer without an initializer is published too. --fix-dangling=static
// makes both static (the table is re-initialized on each call, from a
// compound literal).
// RUN: %difftest --dangling=static --expect-fixed=2 --original-fails %s
// OUTPUT: double(21) = 42
// OUTPUT: negate(21) = -21
// OUTPUT: scratch: ready
#include <stdio.h>
#include <string.h>

struct handler {
  const char *name;
  int (*fn)(int);
};

static const struct handler *registry[4];
static int nregistered;
static char *scratch;

static int twice(int v) { return 2 * v; }
static int negate(int v) { return -v; }

static void add(const struct handler *h) { registry[nregistered++] = h; }

__attribute__((noinline)) static void setup(int which) {
  struct handler h = {which ? "negate" : "double", which ? negate : twice};
  char buf[32];
  strcpy(buf, "ready");
  add(&h);
  scratch = buf;
}

int main(void) {
  setup(0);
  printf("%s(21) = %d\n", registry[0]->name, registry[0]->fn(21));
  setup(1);
  printf("%s(21) = %d\n", registry[1]->name, registry[1]->fn(21));
  printf("scratch: %s\n", scratch);
  return 0;
}
