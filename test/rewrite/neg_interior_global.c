// Only an interior pointer (p + 8) is stored in a global; that still makes
// the whole block escape.
// RUN: %difftest --expect-promoted=0 %s
// RUN: %escan -m=2 --fail-on=none %s -- -std=c11 2>&1 | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *g_tail;

static char *make(void) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: {{.*}}escapes to heap
  char *p = malloc(32);
  if (!p)
    return NULL;
  strcpy(p, "header: payload-data");
  g_tail = p + 8;
  return NULL;
}

int main(void) {
  (void)make();
  if (!g_tail)
    return 1;
  printf("tail '%s'\n", g_tail);
  free(g_tail - 8);
  return 0;
}
