// The allocation is in a loop and the block is used after the loop through
// a variable declared outside it. It only runs once, but escan cannot know
// that: refusing is the safe answer (a slot inside the loop body would be
// out of scope after the loop).
// RUN: %difftest --expect-promoted=0 %s
// RUN: %escan -m=2 --fail-on=none %s -- -std=c11 2>&1 | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
  char *winner = NULL;
  const char *names[] = {"ada", "brian", "cleo", "dennis"};
  for (int i = 0; i < 4; i++) {
    if (strlen(names[i]) == 5 && !winner) {
      // CHECK: :[[@LINE+1]]:{{[0-9]+}}: {{.*}}not promoted: in a loop while the previous block may be live
      winner = malloc(16);
      if (!winner)
        return 1;
      snprintf(winner, 16, "<%s>", names[i]);
    }
  }
  printf("winner %s\n", winner ? winner : "none");
  free(winner);
  return 0;
}
