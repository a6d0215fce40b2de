// The pointer is either the block or NULL (a conditional allocation); the
// one free receives only this block (free(NULL) is a no-op either way).
// RUN: %difftest --expect-promoted=1 %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static size_t describe(int with_detail) {
  char *detail = with_detail ? malloc(40) : NULL;
  if (detail)
    snprintf(detail, 40, "detail level %d", with_detail);
  size_t n = detail ? strlen(detail) : 0;
  printf("%s\n", detail ? detail : "no detail");
  free(detail);
  return n;
}

int main(void) {
  size_t t = 0;
  for (int i = 0; i < 4; i++)
    t += describe(i % 3);
  printf("t=%zu\n", t);
  return 0;
}
