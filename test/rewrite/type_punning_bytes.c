// A byte buffer used to serialise integers with memcpy (no aliasing UB).
// RUN: %difftest --expect-promoted=1 %s
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
  unsigned char *wire = malloc(4 * sizeof(uint32_t));
  if (!wire)
    return 1;
  uint32_t in[4] = {0xdeadbeefu, 42u, 0u, 0x01020304u};
  for (int i = 0; i < 4; i++)
    memcpy(wire + 4 * i, &in[i], sizeof in[i]);
  unsigned sum = 0;
  for (int i = 0; i < 16; i++)
    sum = sum * 31u + wire[i];
  uint32_t out[4];
  memcpy(out, wire, sizeof out);
  printf("sum %u roundtrip %s\n", sum, memcmp(in, out, sizeof in) ? "bad" : "ok");
  free(wire);
  return 0;
}
