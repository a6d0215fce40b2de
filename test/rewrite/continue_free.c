// Per-iteration block freed before `continue` and at the end of the body.
// RUN: %difftest --expect-promoted=1 %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
  const char *words[] = {"alpha", "", "gamma", "delta", "", "zeta"};
  int shown = 0;
  for (int i = 0; i < 6; i++) {
    char *up = malloc(16);
    if (!up)
      return 1;
    if (words[i][0] == '\0') {
      free(up);
      continue;
    }
    size_t n = strlen(words[i]);
    for (size_t j = 0; j <= n; j++)
      up[j] = (char)(words[i][j] >= 'a' && words[i][j] <= 'z' ? words[i][j] - 32 : words[i][j]);
    printf("%s\n", up);
    shown++;
    free(up);
  }
  printf("shown %d\n", shown);
  return 0;
}
