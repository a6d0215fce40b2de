// calloc's zero fill is observable: a letter histogram counts from zero.
// RUN: %difftest --expect-promoted=1 %s
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  const char *text = "the quick brown fox jumps over the lazy dog again and again";
  int *counts = calloc(26, sizeof(int));
  if (!counts)
    return 1;
  for (const char *c = text; *c; c++)
    if (*c >= 'a' && *c <= 'z')
      counts[*c - 'a']++;
  for (int i = 0; i < 26; i++)
    if (counts[i])
      printf("%c%d ", 'a' + i, counts[i]);
  printf("\n");
  free(counts);
  return 0;
}
