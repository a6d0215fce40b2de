// Allocated inside an inner block, used after it: the storage must be
// declared in the outer block (ASan's use-after-scope check watches this).
// RUN: %difftest --expect-promoted=1 %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
  (void)argv;
  char *msg = NULL;
  if (argc > 0) {
    msg = malloc(32);
    if (msg)
      strcpy(msg, "allocated in the inner block");
  }
  if (msg) {
    printf("%s (%zu)\n", msg, strlen(msg));
    free(msg);
  }
  return 0;
}
