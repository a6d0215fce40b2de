// memcpy-family calls copy pointers between the objects' contents.
// RUN: %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-m=1 %s 2>&1 | FileCheck %s --implicit-check-not='[escan-'
#include <string.h>
#include <stdlib.h>

int *g;
struct H { int *p; };

// ---- escapes -------------------------------------------------------------
void escapes_memcpy_to_global(void) {
  int x = 0;
  int *p = &x;
  memcpy(&g, &p, sizeof p); // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes to global 'g') [escan-dangling]
}

void escapes_memmove_to_global(void) {
  int x = 0;
  int *p = &x;
  memmove(&g, &p, sizeof p); // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes to global 'g') [escan-dangling]
}

void escapes_builtin_memcpy(void) {
  int x = 0;
  int *p = &x;
  __builtin_memcpy(&g, &p, sizeof p); // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes to global 'g') [escan-dangling]
}

void escapes_memcpy_inline(void) {
  int x = 0;
  int *p = &x;
  __builtin_memcpy_inline(&g, &p, sizeof p); // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes to global 'g') [escan-dangling]
}

void escapes_memcpy_chk(void) {
  int x = 0;
  int *p = &x;
  __builtin___memcpy_chk(&g, &p, sizeof p, sizeof g); // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes to global 'g') [escan-dangling]
}

void escapes_memcpy_to_out(struct H *out) { // CHECK: [[@LINE]]:38: remark: out does not escape [escan-info]
  int x = 0;
  struct H h = {&x};
  memcpy(out, &h, sizeof h); // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes to caller memory *out) [escan-dangling]
}

// ---- stays ---------------------------------------------------------------
int stays_memcpy_local(void) {
  int x = 0;
  int *p = &x, *q;
  memcpy(&q, &p, sizeof p);
  return *q;
}

void stays_memset(void) {
  char buf[16];
  memset(buf, 0, sizeof buf);
}

int stays_copy_ints(void) {
  int a[4] = {1, 2, 3, 4}, b[4];
  memcpy(b, a, sizeof a);
  return b[0];
}

size_t stays_strcpy_heap(void) {
  char *p = malloc(8); // CHECK: [[@LINE]]:13: remark: malloc(8) does not escape (can be stack storage) [escan-heap-to-stack]
  strcpy(p, "abc");
  size_t n = strlen(p);
  free(p);
  return n;
}
