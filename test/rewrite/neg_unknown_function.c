// The block is passed to functions escan cannot see (defined in
// Inputs/sink.c, linked in but not analysed). remember()'s blocks are read
// by sink_report() after remember() returned and freed by the sink, so
// stack storage there would be a use after return; keep_and_free() frees
// its own block, but an unknown callee may keep it, so it is not promoted
// either.
// RUN: %difftest --expect-promoted=0 --cflag=%S/Inputs/sink.c %s
// RUN: %escan -m=2 --fail-on=none %s -- -std=c11 2>&1 | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void sink_keep(char *p);
void sink_adopt(char *p);
unsigned sink_report(void);
void sink_free_all(void);

static int remember(const char *what, int n) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: {{.*}}escapes to heap
  char *msg = malloc(32);
  if (!msg)
    return -1;
  snprintf(msg, 32, "%s #%d", what, n);
  sink_adopt(msg);
  return 0;
}

static void keep_and_free(void) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: {{.*}}escapes to heap
  char *tmp = malloc(16);
  if (!tmp)
    return;
  strcpy(tmp, "temporary");
  sink_keep(tmp);
  printf("report %u\n", sink_report());
  sink_free_all();
  free(tmp);
}

int main(void) {
  if (remember("first", 1) || remember("second", 2))
    return 1;
  printf("report %u\n", sink_report());
  sink_free_all();
  keep_and_free();
  return 0;
}
