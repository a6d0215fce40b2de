// `prev` lives in the for statement's own scope (its init clause), outside
// the body: the previous iteration's block is still live through it when
// the allocation runs again.
// BAD: the refusal is right but its reason is not: the for statement's own
// scope has no `{` and escan says "inside macro expansion" (there is no
// macro); it should say "in a loop while the previous block may be live".
// RUN: %difftest --expect-promoted=0 %s
// RUN: %escan -m=2 --fail-on=none %s -- -std=c11 2>&1 | FileCheck %s
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  unsigned h = 0;
  for (unsigned *prev = NULL, round = 0; round < 6; round++) {
    // CHECK: :[[@LINE+1]]:{{[0-9]+}}: {{.*}}not promoted: inside macro expansion
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
