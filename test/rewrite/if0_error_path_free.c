// The error path lives under `if (0) { fail: ... }` and frees the block:
// that free is reachable through the label. If it were ignored, the block
// would look freed only on the success path, get promoted, and the error
// path would call free() on stack storage. Promoting is sound only if
// *both* frees are deleted (expected: 1); refusing would be a safe miss.
// RUN: %difftest --expect-promoted=1 %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int checksum_word(const char *w) {
  char *copy = malloc(32);
  if (!copy)
    return -1;
  if (strlen(w) >= 32)
    goto fail;
  strcpy(copy, w);
  int s = 0;
  for (char *c = copy; *c; c++) {
    if (*c == '?')
      goto fail;
    s = s * 31 + *c;
  }
  free(copy);
  return s & 0xffff;
  if (0) {
  fail:
    free(copy);
  }
  return -1;
}

int main(void) {
  const char *words[] = {"alpha", "be?ta", "gamma", "this word is far too long to fit in"};
  for (int i = 0; i < 4; i++)
    printf("%s: %d\n", words[i], checksum_word(words[i]));
  return 0;
}
