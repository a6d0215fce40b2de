// xmalloc() is an allocator wrapper: its malloc escapes through the
// result (not promoted), and the call sites of xmalloc are not rewritten.
// RUN: %difftest --expect-promoted=0 %s
// RUN: %escan -m=2 --fail-on=none %s -- -std=c11 2>&1 | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *xmalloc(size_t n) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: {{.*}}escapes to heap
  void *p = malloc(n);
  if (!p) {
    fprintf(stderr, "out of memory\n");
    exit(1);
  }
  return p;
}

int main(void) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: {{.*}}not promoted: allocator is a wrapper
  char *msg = xmalloc(32);
  strcpy(msg, "wrapped allocation");
  printf("%s %zu\n", msg, strlen(msg));
  free(msg);
  return 0;
}
