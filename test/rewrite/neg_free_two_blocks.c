// Each free may receive either of two blocks (which one depends on run-time
// data), so neither block's frees can be deleted.
// RUN: %difftest --expect-promoted=0 %s
// RUN: %escan -m=2 --fail-on=none %s -- -std=c11 2>&1 | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int pick(int swap) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: {{.*}}not promoted: a free may receive another block
  char *a = malloc(16);
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: {{.*}}not promoted: a free may receive another block
  char *b = malloc(16);
  if (!a || !b) {
    free(a);
    free(b);
    return -1;
  }
  strcpy(a, "first");
  strcpy(b, "second!");
  char *keep = swap ? b : a;
  char *drop = swap ? a : b;
  int r = (int)strlen(keep) * 10 + (int)strlen(drop);
  free(drop);
  printf("kept %s\n", keep);
  free(keep);
  return r;
}

int main(void) {
  printf("%d %d\n", pick(0), pick(1));
  return 0;
}
