// strtok keeps a pointer to its first argument in hidden static state: here
// the first call happens in start(), which frees its copy only when the
// caller does not want the rest of the tokens, and the following calls
// (strtok(NULL, ...)) read the block from main() after start() returned. The block escapes through libc's static state; stack
// storage in start() would be read after its frame is gone.
// RUN: %difftest --expect-promoted=0 %s
// RUN: %escan -m=2 --fail-on=none %s -- -std=c11 2>&1 | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *start(const char *text, int more) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: {{.*}}escapes to heap
  char *copy = malloc(64);
  if (!copy)
    return NULL;
  strncpy(copy, text, 63);
  copy[63] = '\0';
  const char *first = strtok(copy, " ,");
  printf("first: %s\n", first ? first : "(none)");
  if (!more)
    free(copy);
  return "started";
}

int main(void) {
  if (!start("only the first, please", 0))
    return 1;
  if (!start("heap, stack, escape analysis , rewrite", 1))
    return 1;
  int n = 0;
  for (char *t = strtok(NULL, " ,"); t; t = strtok(NULL, " ,"))
    printf("token %d: %s\n", ++n, t);
  return 0;
}
