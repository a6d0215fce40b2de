// A pointer printed with %p and read back with sscanf's %p (C11 7.21.6.2
// guarantees the round trip): the block's address reaches main() as text,
// after stash() returned. printf and sscanf do capture addresses here.
// RUN: %difftest --expect-promoted=0 %s
// RUN: %escan -m=2 --fail-on=none %s -- -std=c11 2>&1 | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char g_ticket[64];

static void stash(const char *text, int keep) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: {{.*}}escapes to heap
  char *p = malloc(32);
  if (!p)
    return;
  strncpy(p, text, 31);
  p[31] = '\0';
  if (keep)
    snprintf(g_ticket, sizeof g_ticket, "%p", (void *)p);
  else
    free(p);
}

int main(void) {
  stash("thrown away", 0);
  stash("claimed by ticket", 1);
  void *v = NULL;
  if (sscanf(g_ticket, "%p", &v) != 1 || !v)
    return 1;
  char *p = v;
  printf("%s (%zu)\n", p, strlen(p));
  free(p);
  return 0;
}
