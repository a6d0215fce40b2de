// Four independent blocks in one function, all small and all freed.
// RUN: %difftest --expect-promoted=4 %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
  char *name = malloc(32);
  int *ages = malloc(4 * sizeof(int));
  double *scores = calloc(4, sizeof(double));
  unsigned char *flags = malloc(4);
  if (!name || !ages || !scores || !flags) {
    free(name);
    free(ages);
    free(scores);
    free(flags);
    return 1;
  }
  strcpy(name, "team-escan");
  for (int i = 0; i < 4; i++) {
    ages[i] = 20 + i * 3;
    scores[i] += ages[i] / 2.0;
    flags[i] = (unsigned char)(ages[i] % 2);
  }
  double total = 0;
  int odd = 0;
  for (int i = 0; i < 4; i++) {
    total += scores[i];
    odd += flags[i];
  }
  printf("%s: total %.1f, odd %d\n", name, total, odd);
  free(flags);
  free(scores);
  free(ages);
  free(name);
  return 0;
}
