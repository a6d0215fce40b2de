// The only pointer to the block that survives the inner block is kept in
// alloca'd memory, which lives until the function returns (not until the
// end of the block where alloca was called): the storage must be declared
// in the function body.
// RUN: %difftest --expect-promoted=1 %s
#include <alloca.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
  (void)argv;
  char **slot = NULL;
  if (argc > 0) {
    slot = alloca(sizeof *slot);
    char *p = malloc(24);
    if (!p)
      return 1;
    strcpy(p, "kept in alloca memory");
    *slot = p;
  }
  if (!slot)
    return 1;
  printf("%s %zu\n", *slot, strlen(*slot));
  free(*slot);
  return 0;
}
