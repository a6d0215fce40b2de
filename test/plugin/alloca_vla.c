// alloca memory lives until return; VLAs until the end of their block.
// RUN: %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-m=1 %s 2>&1 | FileCheck %s --implicit-check-not='[escan-'
#include <alloca.h>
#include <string.h>

char *g;

// ---- escapes -------------------------------------------------------------
char *escapes_return_alloca(void) {
  char *p = alloca(32);
  return p; // CHECK: [[@LINE]]:3: warning: alloca(32) escapes to heap (address of stack memory 'alloca(32)' escapes through the return value) [escan-dangling]
}

void escapes_alloca_to_global(unsigned n) {
  g = __builtin_alloca(n); // CHECK: [[@LINE]]:3: warning: __builtin_alloca(n) escapes to heap (address of stack memory '__builtin_alloca(n)' escapes to global 'g') [escan-dangling]
}

char *escapes_return_vla(int n) {
  char buf[n];
  buf[0] = 0;
  return buf; // CHECK: [[@LINE]]:3: warning: buf escapes to heap (address of variable-length array 'buf' escapes through the return value) [escan-dangling]
}

void escapes_vla_to_out(int n, char **out) { // CHECK: [[@LINE]]:39: remark: out does not escape [escan-info]
  char buf[n];
  *out = buf; // CHECK: [[@LINE]]:3: warning: buf escapes to heap (address of variable-length array 'buf' escapes to caller memory *out) [escan-dangling]
}

// ---- stays ---------------------------------------------------------------
size_t stays_alloca_local(const char *s) { // CHECK: [[@LINE]]:39: remark: s does not escape [escan-info]
  char *copy = alloca(strlen(s) + 1);
  strcpy(copy, s);
  return strlen(copy);
}

int stays_vla_local(int n) {
  int a[n];
  for (int i = 0; i < n; i++)
    a[i] = i;
  return a[n - 1];
}

int stays_vla_pointer_inside(int n) {
  int a[n];
  int *p = &a[0];
  *p = 1;
  return a[0];
}
