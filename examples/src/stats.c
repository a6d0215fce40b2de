/* Small numeric helpers: scratch buffers that never leave their function. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

double mean_of_squares(const double *xs, int n) {
  double *sq = malloc(8 * sizeof(double));
  double sum = 0;
  if (!sq)
    return 0;
  for (int i = 0; i < n && i < 8; i++)
    sq[i] = xs[i] * xs[i];
  for (int i = 0; i < n && i < 8; i++)
    sum += sq[i];
  free(sq);
  return n ? sum / n : 0;
}

int histogram_peak(const unsigned char *data, size_t len) {
  unsigned *bins = calloc(256, sizeof(unsigned));
  int peak = 0;
  if (!bins)
    return -1;
  for (size_t i = 0; i < len; i++)
    bins[data[i]]++;
  for (int b = 1; b < 256; b++)
    if (bins[b] > bins[peak])
      peak = b;
  free(bins);
  return peak;
}

/* The copy is handed to the caller: it must stay on the heap. */
char *label_for(int peak) {
  char tmp[32];
  snprintf(tmp, sizeof tmp, "peak=%d", peak);
  return strdup(tmp);
}

void print_report(const double *xs, int n) {
  char *line = malloc(64);
  snprintf(line, 64, "mean of squares: %.2f", mean_of_squares(xs, n));
  puts(line);
  /* forgot free(line) */
}
