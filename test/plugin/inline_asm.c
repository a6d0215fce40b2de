// Inline asm operands escape to unknown code: optimistic for stack objects,
// pessimistic for heap blocks.
// RUN: %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-m=1 %s 2>&1 | FileCheck %s --implicit-check-not='[escan-'
#include <stdlib.h>

// ---- stays (stack, unknown only) -----------------------------------------
void stays_asm_input(void) {
  int x = 0;
  __asm__ volatile("" : : "r"(&x) : "memory");
}

int stays_asm_memory_operand(void) {
  int x = 0;
  __asm__ volatile("" : "+m"(x));
  return x;
}

void *stays_asm_output(void) {
  void *p;
  __asm__("" : "=r"(p));
  return p;
}

// ---- heap escapes ----------------------------------------------------------
void escapes_heap_asm_input(void) {
  char *p = malloc(16); // CHECK: [[@LINE]]:13: remark: malloc(16) escapes to heap [escan-info]
  __asm__ volatile("" : : "r"(p) : "memory");
  free(p);
}
