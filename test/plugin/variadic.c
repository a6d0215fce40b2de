// Variadic functions and va_arg: the variadic arguments are not tracked,
// pointers read with va_arg point to unknown memory.
// RUN: %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-m=1 %s 2>&1 | FileCheck %s --implicit-check-not='[escan-'
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

int *g;

void keep_first(int n, ...) {
  va_list ap;
  va_start(ap, n);
  g = va_arg(ap, int *);
  va_end(ap);
}

int sum_ptrs(int n, ...) {
  va_list ap, copy;
  va_start(ap, n);
  va_copy(copy, ap);
  int s = 0;
  for (int i = 0; i < n; i++)
    s += *va_arg(copy, int *);
  va_end(copy);
  va_end(ap);
  return s;
}

int forward(const char *fmt, va_list ap) { // CHECK: [[@LINE]]:25: remark: fmt does not escape [escan-info]
// CHECK: [[@LINE-1]]:38: remark: ap does not escape [escan-info]
  char buf[64];
  return vsnprintf(buf, sizeof buf, fmt, ap);
}

// ---- stays ---------------------------------------------------------------
int stays_printf_local(void) {
  int x = 1;
  return printf("%d %p\n", x, (void *)&x);
}

int stays_own_variadic(void) {
  int a = 1, b = 2;
  return sum_ptrs(2, &a, &b);
}

// BAD: should be dangling: keep_first stores its variadic argument into g,
// but variadic arguments are not tracked (va_arg yields unknown memory).
void stays_untracked_vararg(void) {
  int x = 0;
  keep_first(1, &x);
}

// printf without %p reads the pointed-to text only.
void stays_heap_printed_as_string(void) {
  char *p = malloc(8); // CHECK: [[@LINE]]:13: remark: malloc(8) does not escape (can be stack storage) [escan-heap-to-stack]
  p[0] = '\0';
  printf("%s %%p %5.2s\n", p, p);
  free(p);
}

// ---- heap arguments of variadic calls escape -------------------------------
void escapes_heap_vararg(void) {
  int *p = malloc(4); // CHECK: [[@LINE]]:12: remark: malloc(4) escapes to heap [escan-info]
  keep_first(1, p);
  free(p);
}

// %p text can be read back with sscanf: a pointer printed with %p, or with a
// format that is not a string literal, is exposed like a cast to an integer.
void escapes_heap_printed_with_p(char *out) { // CHECK: [[@LINE]]:40: remark: out does not escape [escan-info]
  char *p = malloc(8); // CHECK: [[@LINE]]:13: remark: malloc(8) escapes to heap [escan-info]
  sprintf(out, "%s at %-16p", "block", (void *)p);
  free(p);
}

void escapes_heap_printed_fprintf(void) {
  char *p = malloc(8); // CHECK: [[@LINE]]:13: remark: malloc(8) escapes to heap [escan-info]
  fprintf(stderr, "%p\n", (void *)p);
  free(p);
}

void escapes_heap_printed_snprintf(char *out) { // CHECK: [[@LINE]]:42: remark: out does not escape [escan-info]
  char *p = malloc(8); // CHECK: [[@LINE]]:13: remark: malloc(8) escapes to heap [escan-info]
  snprintf(out, 32, "%p", (void *)p);
  free(p);
}

void escapes_heap_printed_nonliteral_format(const char *fmt) { // CHECK: [[@LINE]]:57: remark: fmt does not escape [escan-info]
  char *p = malloc(8); // CHECK: [[@LINE]]:13: remark: malloc(8) escapes to heap [escan-info]
  p[0] = '\0';
  printf(fmt, p);
  free(p);
}
