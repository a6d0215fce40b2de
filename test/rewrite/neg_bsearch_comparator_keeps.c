// bsearch calls back into the program with pointers into the array: this
// comparator remembers the last element it probed in a global, which main()
// reads after lookup() returned. lookup() frees its table only when asked
// to (otherwise it stays reachable through the global), so stack storage
// there would be read after the frame is gone: the block escapes through
// the callback's parameter.
// RUN: %difftest --expect-promoted=0 %s
// RUN: %escan -m=2 --fail-on=none %s -- -std=c11 2>&1 | FileCheck %s
#include <stdio.h>
#include <stdlib.h>

static const int *g_last_probe;

static int by_value(const void *key, const void *elem) {
  const int *k = key, *e = elem;
  g_last_probe = e;
  return (*k > *e) - (*k < *e);
}

static int lookup(int wanted, int keep) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: {{.*}}escapes to heap
  int *table = malloc(16 * sizeof(int));
  if (!table)
    return -1;
  for (int i = 0; i < 16; i++)
    table[i] = i * i + 3;
  const int *hit = bsearch(&wanted, table, 16, sizeof(int), by_value);
  int at = hit ? (int)(hit - table) : -1;
  if (!keep) {
    free(table);
    g_last_probe = NULL;
  }
  return at;
}

int main(void) {
  printf("found at %d\n", lookup(39, 0));
  int at = lookup(84, 1);
  printf("found at %d, last probe %d\n", at, g_last_probe ? *g_last_probe : -1);
  return 0;
}
