// A file that an earlier `escan --fix` already rewrote (escan_heap_0 is
// taken in main) gets a new allocation in the same function: the new
// storage needs a fresh name, not a second escan_heap_0 in the same block.
// RUN: %difftest --expect-promoted=1 %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) { _Alignas(16) unsigned char escan_heap_0[32];
  char *old = ((void *)escan_heap_0);
  if (!old)
    return 1;
  strcpy(old, "rewritten earlier");
  char *added = malloc(32);
  if (!added)
    return 1;
  strcpy(added, "added since");
  printf("%s / %s\n", old, added);
  free(added);
  ((void)(old));
  return 0;
}
