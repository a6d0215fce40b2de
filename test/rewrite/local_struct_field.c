// The block lives in a field of a local struct, never leaves the function.
// RUN: %difftest --expect-promoted=1 %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct buffer {
  char *data;
  size_t len, cap;
};

static void append(struct buffer *b, const char *s) {
  size_t n = strlen(s);
  if (b->len + n + 1 > b->cap)
    n = b->cap - b->len - 1;
  memcpy(b->data + b->len, s, n);
  b->len += n;
  b->data[b->len] = '\0';
}

int main(void) {
  struct buffer b;
  b.data = malloc(48);
  if (b.data == NULL)
    return 1;
  b.cap = 48;
  b.len = 0;
  b.data[0] = '\0';
  append(&b, "escape ");
  append(&b, "analysis ");
  append(&b, "for C, ");
  append(&b, "with rewrites that never change behaviour");
  printf("[%s] len=%zu\n", b.data, b.len);
  free(b.data);
  return 0;
}
