// The only reference that outlives the inner block is an integer
// (uintptr_t) turned back into a pointer later: the block is
// address-exposed and must not be promoted (and certainly not scoped to
// the inner block).
// RUN: %difftest --expect-promoted=0 %s
// RUN: %escan -m=2 --fail-on=none %s -- -std=c11 2>&1 | FileCheck %s
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
  uintptr_t handle = 0;
  {
    // CHECK: :[[@LINE+1]]:{{[0-9]+}}: {{.*}}escapes to heap
    char *p = malloc(24);
    if (!p)
      return 1;
    strcpy(p, "held as an integer");
    handle = (uintptr_t)p;
  }
  char *back = (char *)handle;
  printf("%s %zu\n", back, strlen(back));
  free(back);
  return 0;
}
