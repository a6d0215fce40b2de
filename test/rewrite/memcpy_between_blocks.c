// Two scratch blocks; data is copied between them with memcpy/memmove.
// RUN: %difftest --expect-promoted=2 %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
  char *src = malloc(64);
  char *dst = malloc(64);
  if (!src || !dst) {
    free(src);
    free(dst);
    return 1;
  }
  for (int i = 0; i < 63; i++)
    src[i] = (char)('a' + i % 26);
  src[63] = '\0';
  memcpy(dst, src, 64);
  memmove(dst + 4, dst, 20);
  dst[30] = '\0';
  printf("%s\n%s\n", src, dst);
  free(dst);
  free(src);
  return 0;
}
