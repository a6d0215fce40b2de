// The pointer itself is copied into a global with memcpy (memcpy copies
// contents: *dst ⊇ *src), and used after the allocating function returns.
// RUN: %difftest --expect-promoted=0 %s
// RUN: %escan -m=2 --fail-on=none %s -- -std=c11 2>&1 | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *g_banner;

static void setup(void) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: {{.*}}escapes to heap
  char *b = malloc(24);
  if (!b)
    return;
  strcpy(b, "== escan banner ==");
  memcpy(&g_banner, &b, sizeof b);
}

int main(void) {
  setup();
  if (!g_banner)
    return 1;
  printf("%s\n", g_banner);
  free(g_banner);
  return 0;
}
