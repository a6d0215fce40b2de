// A pointer written into a union and read back through its integer member:
// the integer (a handle) is kept in a global and turned back into a pointer
// by main() after make() returned (make() frees the block only when it does
// not publish it). No pointer-typed value ever reaches the global, but the
// block's address does: it escapes.
// RUN: %difftest --expect-promoted=0 %s
// RUN: %escan -m=2 --fail-on=none %s -- -std=c11 2>&1 | FileCheck %s
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

union slot {
  char *ptr;
  uintptr_t bits;
};

static uintptr_t g_handle;

static void make(const char *text, int publish) {
  union slot s;
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: {{.*}}escapes to heap
  s.ptr = malloc(32);
  if (!s.ptr)
    return;
  strncpy(s.ptr, text, 31);
  s.ptr[31] = '\0';
  printf("made '%s'\n", s.ptr);
  if (publish)
    g_handle = s.bits;
  else
    free(s.ptr);
}

int main(void) {
  make("dropped", 0);
  make("kept as integer bits", 1);
  if (!g_handle)
    return 1;
  char *p = (char *)g_handle;
  printf("%s (%zu)\n", p, strlen(p));
  free(p);
  return 0;
}
