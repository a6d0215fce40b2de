// max-stack caps one promoted allocation, max-stack-fn all promotions of a
// function.
// RUN: %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-m=1 -fplugin-arg-escan-max-stack=32 -fplugin-arg-escan-max-stack-fn=48 %s 2>&1 | FileCheck %s --implicit-check-not='[escan-'
#include <stdlib.h>

void at_cap(void) {
  char *p = malloc(32); // CHECK: [[@LINE]]:13: remark: malloc(32) does not escape (can be stack storage) [escan-heap-to-stack]
  p[0] = 0;
  free(p);
}

void over_cap(void) {
  char *p = malloc(33); // CHECK: [[@LINE]]:13: remark: malloc(33) does not escape [escan-info]
  p[0] = 0;
  free(p);
}

void function_budget(void) {
  char *a = malloc(24); // CHECK: [[@LINE]]:13: remark: malloc(24) does not escape (can be stack storage) [escan-heap-to-stack]
  char *b = malloc(24); // CHECK: [[@LINE]]:13: remark: malloc(24) does not escape (can be stack storage) [escan-heap-to-stack]
  char *c = malloc(24); // CHECK: [[@LINE]]:13: remark: malloc(24) does not escape [escan-info]
  a[0] = b[0] = c[0] = 0;
  free(a);
  free(b);
  free(c);
}
