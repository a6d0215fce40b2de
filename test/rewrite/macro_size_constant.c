// The size is a macro, the call itself is written out: the rewrite range
// (malloc ... ')') lies in the file, not in a macro expansion.
// RUN: %difftest --expect-promoted=1 %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LINE_MAX_LEN 80

int main(void) {
  char *line = malloc(LINE_MAX_LEN);
  if (line == NULL)
    return 1;
  strcpy(line, "macro-sized buffers are still constant");
  size_t words = 1;
  for (char *c = line; *c; c++)
    if (*c == ' ' || *c == '-')
      words++;
  printf("%zu words in \"%s\"\n", words, line);
  free(line);
  return 0;
}
