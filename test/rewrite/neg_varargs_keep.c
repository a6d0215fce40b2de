// A variadic function defined in this file keeps one of its variadic
// arguments (va_arg) in a global; the block passed there escapes.
// RUN: %difftest --expect-promoted=0 %s
// RUN: %escan -m=2 --fail-on=none %s -- -std=c11 2>&1 | FileCheck %s
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *g_last;

static int log_keep(int n, ...) {
  va_list ap;
  va_start(ap, n);
  int total = 0;
  for (int i = 0; i < n; i++) {
    char *s = va_arg(ap, char *);
    total += (int)strlen(s);
    if (i == n - 1)
      g_last = s;
  }
  va_end(ap);
  return total;
}

static int note(const char *a, int keep) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: {{.*}}escapes to heap
  char *copy = malloc(24);
  if (!copy)
    return -1;
  strncpy(copy, a, 23);
  copy[23] = '\0';
  int t = log_keep(2, "prefix", copy);
  if (!keep) {
    g_last = NULL;
    free(copy);
  }
  return t;
}

int main(void) {
  printf("%d\n", note("first", 0));
  printf("%d\n", note("second", 1));
  printf("last: %s\n", g_last ? g_last : "(none)");
  free(g_last);
  return 0;
}
