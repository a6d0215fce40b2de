// The allocation is nested inside the free's argument
// (free(memset(malloc(16), ...))): the two edits overlap. Either refuse,
// or produce a program without the allocation; never keep the malloc
// inside a deleted free (a leak) or garble the text.
// RUN: %difftest --expect-promoted=0 %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned scratch_round(unsigned seed) {
  unsigned char tmp[16];
  memset(tmp, (int)(seed & 0xff), sizeof tmp);
  free(memcpy(malloc(16), tmp, sizeof tmp));
  return seed * 2654435761u;
}

int main(void) {
  unsigned h = 1;
  for (int i = 0; i < 5; i++)
    h = scratch_round(h);
  printf("h=%u\n", h);
  return 0;
}
