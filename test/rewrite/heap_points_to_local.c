// A heap struct that points at locals (and another heap block): neither
// block escapes.
// BAD: should be 2 promoted and no finding. Objects are field-insensitive,
// so v's one object holds both `label` (a local array) and the values
// block: free(v->values) "may receive" label, which gives a false
// free-nonheap *error* (escan exits 1 without --fail-on=none) and refuses
// the values block ("a free may receive another block").
// RUN: %difftest --expect-promoted=1 --escan-flag=--fail-on=none %s
#include <stdio.h>
#include <stdlib.h>

struct view {
  const char *label;
  int *values;
  int n;
};

static int view_sum(const struct view *v) {
  int s = 0;
  for (int i = 0; i < v->n; i++)
    s += v->values[i];
  return s;
}

int main(void) {
  char label[] = "primes";
  struct view *v = malloc(sizeof *v);
  if (!v)
    return 1;
  v->values = malloc(6 * sizeof(int));
  if (!v->values) {
    free(v);
    return 1;
  }
  v->label = label;
  v->n = 6;
  int primes[] = {2, 3, 5, 7, 11, 13};
  for (int i = 0; i < 6; i++)
    v->values[i] = primes[i];
  printf("%s: %d\n", v->label, view_sum(v));
  free(v->values);
  free(v);
  return 0;
}
