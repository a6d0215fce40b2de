// The block is stored through an out-parameter into the caller's memory.
// RUN: %difftest --expect-promoted=0 %s
// RUN: %escan -m=2 --fail-on=none %s -- -std=c11 2>&1 | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct record {
  int id;
  char *name;
};

static int load(struct record *r, int id) {
  r->id = id;
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: {{.*}}escapes to heap
  r->name = malloc(16);
  if (!r->name)
    return -1;
  snprintf(r->name, 16, "rec-%03d", id);
  return 0;
}

static int open_buf(char **out) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: {{.*}}escapes to heap
  *out = malloc(8);
  if (!*out)
    return -1;
  strcpy(*out, "buffer");
  return 0;
}

int main(void) {
  struct record r;
  char *b;
  if (load(&r, 42) || open_buf(&b))
    return 1;
  printf("%d %s %s\n", r.id, r.name, b);
  free(b);
  free(r.name);
  return 0;
}
