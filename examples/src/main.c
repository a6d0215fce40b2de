#include <stdio.h>
#include <stdlib.h>

#include "config.h"

char *label_for(int peak);
int histogram_peak(const unsigned char *data, size_t len);
void print_report(const double *xs, int n);

int main(void) {
  struct config cfg;
  double xs[4] = {1, 2, 3, 4};
  if (config_parse(&cfg, "name=escan\nmode=demo\n") != 0)
    return 1;
  printf("name: %s\n", config_get(&cfg, "name"));
  char *label = label_for(histogram_peak((const unsigned char *)"aab", 3));
  puts(label);
  free(label);
  print_report(xs, 4);
  return 0;
}
