// A scratch array sorted with qsort to find a median. qsort hands pointers
// into the array to the comparator, which could keep them, so escan treats
// the array as escaping and does not promote it (docs/design.md, deviation
// from escape-model §5.2); the program must still behave the same.
// RUN: %difftest --expect-promoted=0 %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp_int(const void *a, const void *b) {
  int x = *(const int *)a, y = *(const int *)b;
  return (x > y) - (x < y);
}

static int median(const int *data, int n) {
  int *copy = malloc(16 * sizeof(int));
  if (!copy || n > 16) {
    free(copy);
    return -1;
  }
  memcpy(copy, data, (size_t)n * sizeof(int));
  qsort(copy, (size_t)n, sizeof(int), cmp_int);
  int m = copy[n / 2];
  free(copy);
  return m;
}

int main(void) {
  int data[15];
  for (int i = 0; i < 15; i++)
    data[i] = (i * 53 + 11) % 97;
  printf("median %d\n", median(data, 15));
  printf("median %d\n", median(data + 3, 9));
  return 0;
}
