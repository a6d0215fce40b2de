// A function publishes the address of a local table in a global, and the
// caller reads it after the function returned. --fix-dangling=static: the
// initialized table is refilled on every call (memcpy from a compound
// literal, <string.h> added); the const table with a constant initializer
// simply becomes `static const`.
// RUN: %difftest --dangling=static --expect-fixed=2 --original-fails %s
// OUTPUT: table 1 2 3 4
// OUTPUT: limits 10 20
// OUTPUT: table 1 2 3 4
#include <stdio.h>

static int *g_table;
static const int *g_limits;

__attribute__((noinline)) static void publish(void) {
  int table[4] = {1, 2, 3, 4};
  const int limits[2] = {10, 20};
  g_table = table;
  g_limits = limits;
}

int main(void) {
  publish();
  printf("table %d %d %d %d\n", g_table[0], g_table[1], g_table[2], g_table[3]);
  printf("limits %d %d\n", g_limits[0], g_limits[1]);
  g_table[0] = 99; /* the next call starts from the initializer again */
  publish();
  printf("table %d %d %d %d\n", g_table[0], g_table[1], g_table[2], g_table[3]);
  return 0;
}
