// An array of structs, sorted and summed, freed before return.
// RUN: %difftest --expect-promoted=1 %s
#include <stdio.h>
#include <stdlib.h>

struct item {
  int key;
  unsigned weight;
};

static void insertion_sort(struct item *a, int n) {
  for (int i = 1; i < n; i++) {
    struct item t = a[i];
    int j = i - 1;
    while (j >= 0 && a[j].key > t.key) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = t;
  }
}

int main(void) {
  enum { N = 12 };
  struct item *items = malloc(N * sizeof *items);
  if (!items)
    return 1;
  for (int i = 0; i < N; i++) {
    items[i].key = (i * 5 + 7) % N;
    items[i].weight = (unsigned)(i * i + 1);
  }
  insertion_sort(items, N);
  unsigned h = 0;
  for (int i = 0; i < N; i++) {
    printf("%d:%u ", items[i].key, items[i].weight);
    h = h * 131u + items[i].weight;
  }
  printf("\nhash %u\n", h);
  free(items);
  return 0;
}
