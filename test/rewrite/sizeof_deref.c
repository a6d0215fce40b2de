// `p = malloc(sizeof *p)`: the size is the pointee type's.
// RUN: %difftest --expect-promoted=1 %s
#include <stdio.h>
#include <stdlib.h>

struct stats {
  long count;
  double sum;
  double min, max;
};

static void add(struct stats *s, double x) {
  if (s->count == 0 || x < s->min)
    s->min = x;
  if (s->count == 0 || x > s->max)
    s->max = x;
  s->count++;
  s->sum += x;
}

int main(void) {
  struct stats *s = malloc(sizeof *s);
  if (!s)
    return 1;
  s->count = 0;
  s->sum = 0;
  for (int i = 1; i <= 20; i++)
    add(s, (double)((i * 37) % 23) / 4.0);
  printf("n=%ld sum=%.2f min=%.2f max=%.2f mean=%.4f\n", s->count, s->sum,
         s->min, s->max, s->sum / (double)s->count);
  free(s);
  return 0;
}
