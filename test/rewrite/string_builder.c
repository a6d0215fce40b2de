// A string built in a temporary buffer with snprintf/strcat, then printed.
// RUN: %difftest --expect-promoted=1 %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void print_range(int lo, int hi) {
  char *line = malloc(128);
  if (!line)
    return;
  int n = snprintf(line, 128, "[%d..%d]:", lo, hi);
  for (int i = lo; i <= hi && n < 110; i++) {
    char num[16];
    snprintf(num, sizeof num, " %d", i * i);
    strcat(line, num);
    n = (int)strlen(line);
  }
  puts(line);
  free(line);
}

int main(void) {
  print_range(1, 5);
  print_range(10, 14);
  print_range(-3, 3);
  print_range(90, 120);
  return 0;
}
