// Sizes held in locals assigned once at their declaration fold to
// constants (`size_t n = 16; malloc(n)`), as do const globals.
// RUN: %difftest --expect-promoted=2 %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const size_t kLabelMax = 24;

int main(void) {
  size_t count = 12;
  size_t bytes = count * sizeof(int);
  int *v = malloc(bytes);
  char *label = malloc(kLabelMax);
  if (!v || !label) {
    free(v);
    free(label);
    return 1;
  }
  for (size_t i = 0; i < count; i++)
    v[i] = (int)(i * i) - 20;
  int mn = v[0];
  for (size_t i = 1; i < count; i++)
    if (v[i] < mn)
      mn = v[i];
  snprintf(label, kLabelMax, "min of %zu is %d", count, mn);
  puts(label);
  free(label);
  free(v);
  return 0;
}
