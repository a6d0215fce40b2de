// A NULL check right after malloc; the check stays (it becomes dead).
// RUN: %difftest --expect-promoted=1 %s
#include <stdio.h>
#include <stdlib.h>

static unsigned checksum(const unsigned char *p, size_t n) {
  unsigned h = 2166136261u;
  for (size_t i = 0; i < n; i++)
    h = (h ^ p[i]) * 16777619u;
  return h;
}

int main(void) {
  unsigned char *buf = malloc(32);
  if (buf == NULL) {
    fprintf(stderr, "out of memory\n");
    return 1;
  }
  for (int i = 0; i < 32; i++)
    buf[i] = (unsigned char)(i * 7 + 3);
  printf("checksum %08x\n", checksum(buf, 32));
  free(buf);
  return 0;
}
