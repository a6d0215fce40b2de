// calloc in a loop body: every iteration must see zeroed storage again, even
// though the previous iteration wrote into the same slot.
// RUN: %difftest --expect-promoted=1 %s
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  unsigned sig = 0;
  for (int k = 1; k <= 6; k++) {
    unsigned char *seen = calloc(64, 1);
    if (!seen)
      return 1;
    int distinct = 0;
    for (int i = 0; i < 40; i++) {
      int v = (i * k * 7 + k) % 64;
      if (!seen[v]) {
        seen[v] = 1;
        distinct++;
      }
    }
    printf("k=%d distinct=%d\n", k, distinct);
    sig = sig * 97u + (unsigned)distinct;
    free(seen);
  }
  printf("sig %u\n", sig);
  return 0;
}
