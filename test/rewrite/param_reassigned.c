// A parameter is reused to hold a fresh scratch block: the only holder is
// the parameter, so the storage could go in the function body.
// BAD: should be 1. Points-to is flow-insensitive, so free(scratch) may
// also receive the caller's memory (*scratch on entry), although the free
// only runs where scratch was NULL on entry: refused as "a free may
// receive another block" (safe, a missed promotion).
// RUN: %difftest --expect-promoted=0 %s
// RUN: %escan -m=2 --fail-on=none %s -- -std=c11 2>&1 | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static size_t shout(const char *word, char *scratch) {
  if (scratch == NULL) {
    // CHECK: :[[@LINE+1]]:{{[0-9]+}}: {{.*}}not promoted: a free may receive another block
    scratch = malloc(32);
    if (!scratch)
      return 0;
    size_t n = strlen(word);
    if (n > 30)
      n = 30;
    for (size_t i = 0; i < n; i++)
      scratch[i] = (char)(word[i] >= 'a' && word[i] <= 'z' ? word[i] - 32 : word[i]);
    scratch[n] = '!';
    scratch[n + 1] = '\0';
    puts(scratch);
    n = strlen(scratch);
    free(scratch);
    return n;
  }
  return 0;
}

int main(void) {
  size_t t = shout("hello", NULL) + shout("escape analysis", NULL);
  printf("t=%zu\n", t);
  return 0;
}
