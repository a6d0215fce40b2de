// The allocation sits three blocks deep; the storage belongs in the
// innermost block that holds every use.
// RUN: %difftest --expect-promoted=1 %s
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
  (void)argv;
  unsigned result = 0;
  if (argc > 0) {
    for (int pass = 0; pass < 2; pass++) {
      {
        short *pairs = malloc(16 * sizeof(short));
        if (pairs) {
          for (int i = 0; i < 16; i++)
            pairs[i] = (short)((i - 8) * (pass + 2));
          for (int i = 0; i < 16; i += 2)
            result = result * 7u + (unsigned)(pairs[i] * pairs[i + 1] + 1000);
          free(pairs);
        }
      }
    }
  }
  printf("result %u\n", result);
  return 0;
}
