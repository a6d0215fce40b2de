// `prev` lives in the for statement's own scope (its init clause), outside
// the body: the previous iteration's block is still live through it when
// the allocation runs again.
// The for statement's own scope has no `{` of its own: the storage has
// nowhere to be declared (and it would also be at the wrong loop depth).
// RUN: %difftest --expect-promoted=0 %s
// RUN: %escan -m=2 --fail-on=none %s -- -std=c11 2>&1 | FileCheck %s
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  unsigned h = 0;
  for (unsigned *prev = NULL, round = 0; round < 6; round++) {
    // CHECK: :[[@LINE+1]]:{{[0-9]+}}: {{.*}}not promoted: no block braces to declare storage in
    unsigned *cur = malloc(4 * sizeof *cur);
    if (!cur) {
      free(prev);
      return 1;
    }
    for (int i = 0; i < 4; i++)
      cur[i] = prev ? prev[i] * 3u + prev[(i + 1) % 4] : (unsigned)i + 1u;
    h = h * 31u + cur[0] + cur[3];
    free(prev);
    prev = cur;
    if (round == 5)
      free(cur);
  }
  printf("h=%u\n", h);
  return 0;
}
