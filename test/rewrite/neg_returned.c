// The block is returned to the caller: directly, through ?:, and as the
// result of memcpy (which returns its destination). None may be promoted.
// RUN: %difftest --expect-promoted=0 %s
// RUN: %escan -m=2 --fail-on=none %s -- -std=c11 2>&1 | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *make_greeting(const char *who) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: {{.*}}escapes to heap
  char *g = malloc(32);
  if (!g)
    return NULL;
  snprintf(g, 32, "hello, %s", who);
  return g;
}

static int *maybe_table(int want) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: {{.*}}escapes to heap
  int *t = malloc(4 * sizeof(int));
  if (t)
    for (int i = 0; i < 4; i++)
      t[i] = i * want;
  if (!want) {
    free(t);
    t = NULL;
  }
  return want ? t : NULL;
}

static void *memdup16(const void *src) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: {{.*}}escapes to heap
  return memcpy(malloc(16), src, 16);
}

int main(void) {
  char *g = make_greeting("escan");
  int *t = maybe_table(3);
  char raw[16] = "sixteen bytes!!";
  char *d = memdup16(raw);
  if (!g || !t || !d)
    return 1;
  printf("%s %d %s\n", g, t[3], d);
  free(d);
  free(t);
  free(g);
  return 0;
}
