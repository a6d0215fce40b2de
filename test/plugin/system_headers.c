// Functions defined in system headers are not analysed; their declarations'
// attributes (__attribute__((malloc))) still count.
// RUN: %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-m=1 %s 2>&1 | FileCheck %s --implicit-check-not='[escan-'
#include <sys_inline.h>
#include <stdlib.h>

void calls_system_inline(void) { __sys_remember(); }

void system_allocator(void) {
  int *p = sys_alloc(8); // CHECK: [[@LINE]]:12: warning: sys_alloc(8) does not escape and is never freed [escan-leak]
  *p = 0;
}
