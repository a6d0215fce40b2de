// Go's parameter tags at -m=1: what each function does with its pointer
// parameters, and how callers apply it.
// RUN: %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-m=1 %s 2>&1 | FileCheck %s --implicit-check-not='[escan-'
#include <stdlib.h>

int *g;
struct Box { int *p; };

// ---- leaking ----------------------------------------------------------------
void leaks_to_global(int *p) { g = p; } // CHECK: [[@LINE]]:27: remark: leaking param: p [escan-info]

void leaks_content(int **pp) { g = *pp; } // CHECK: [[@LINE]]:26: remark: leaking param content: pp [escan-info]

int *leaks_to_result(int *p) { return p; } // CHECK: [[@LINE]]:27: remark: leaking param: p to result ~r0 level=0 [escan-info]

int *leaks_to_result_level1(int **pp) { return *pp; } // CHECK: [[@LINE]]:35: remark: leaking param: pp to result ~r0 level=1 [escan-info]

void leaks_to_other_param(int **dst, int *src) { *dst = src; } // CHECK: [[@LINE]]:33: remark: dst does not escape [escan-info]
// CHECK: [[@LINE-1]]:43: remark: leaking param: src to content of dst level=0 [escan-info]

void leaks_into_box(struct Box *b, int *p) { b->p = p; } // CHECK: [[@LINE]]:33: remark: b does not escape [escan-info]
// CHECK: [[@LINE-1]]:41: remark: leaking param: p to content of b level=0 [escan-info]

extern void unknown_sink(void *p);
void leaks_to_unknown(int *p) { unknown_sink(p); } // CHECK: [[@LINE]]:28: remark: leaking param: p [escan-info]

void frees_param(int *p) { free(p); } // CHECK: [[@LINE]]:23: remark: frees param: p [escan-info]

int *allocates(void) { return malloc(8); } // CHECK: [[@LINE]]:6: remark: allocator: allocates returns new heap memory [escan-info]
// CHECK: [[@LINE-1]]:31: remark: malloc(8) escapes to heap [escan-info]

// ---- does not escape ------------------------------------------------------
int no_escape_read(const int *p) { return *p; } // CHECK: [[@LINE]]:31: remark: p does not escape [escan-info]

void no_escape_write(int *p) { *p = 1; } // CHECK: [[@LINE]]:27: remark: p does not escape [escan-info]

int no_escape_struct(const struct Box *b) { return b->p != NULL; } // CHECK: [[@LINE]]:40: remark: b does not escape [escan-info]

// ---- callers apply the summaries -------------------------------------------
void escapes_via_leaks_content(void) {
  int x = 0;
  int *p = &x;
  leaks_content(&p); // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes to global 'g') [escan-dangling]
}

int stays_via_result(void) {
  int x = 0;
  int *p = leaks_to_result(&x);
  return *p;
}

int *escapes_via_result(void) {
  int x = 0;
  return leaks_to_result(&x); // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes through the return value) [escan-dangling]
}

void escapes_via_other_param(int **out) { // CHECK: [[@LINE]]:36: remark: out does not escape [escan-info]
  int x = 0;
  leaks_to_other_param(out, &x); // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes to caller memory *out) [escan-dangling]
}

void stays_via_other_param_local(void) {
  int x = 0;
  int *p;
  leaks_to_other_param(&p, &x);
  *p = 2;
}

void stays_heap_through_no_escape(void) {
  int *p = malloc(4); // CHECK: [[@LINE]]:12: remark: malloc(4) does not escape (can be stack storage) [escan-heap-to-stack]
  no_escape_write(p);
  free(p);
}

void not_promoted_freed_by_wrapper(void) {
  int *p = malloc(4); // CHECK: [[@LINE]]:12: remark: malloc(4) does not escape [escan-info]
  *p = 0;
  frees_param(p);
}
