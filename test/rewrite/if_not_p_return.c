// `if (!p) return -1;` in a helper that returns a status, not the block.
// RUN: %difftest --expect-promoted=1 %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int count_vowels(const char *word) {
  char *lower = malloc(64);
  if (!lower)
    return -1;
  size_t n = strlen(word);
  if (n >= 64)
    n = 63;
  for (size_t i = 0; i < n; i++)
    lower[i] = (char)(word[i] | 0x20);
  lower[n] = '\0';
  int vowels = 0;
  for (const char *c = lower; *c; c++)
    if (strchr("aeiou", *c))
      vowels++;
  free(lower);
  return vowels;
}

int main(void) {
  const char *words[] = {"Escape", "ANALYSIS", "Stack", "heap", "Promotion"};
  int total = 0;
  for (int i = 0; i < 5; i++) {
    int v = count_vowels(words[i]);
    if (v < 0)
      return 1;
    printf("%s: %d\n", words[i], v);
    total += v;
  }
  printf("total %d\n", total);
  return 0;
}
