// Types and forms that carry no pointer or wrap one: vectors, complex,
// bit-fields, flexible array members, K&R definitions, __auto_type, typeof,
// nested statement expressions.
// RUN: %escan-cc -fno-caret-diagnostics -Wno-deprecated-non-prototype -fplugin-arg-escan-m=1 %s 2>&1 | FileCheck %s --implicit-check-not='[escan-'
#include <stddef.h>

struct Flex { int n; int *tail[]; };
struct Bits { unsigned a : 3; int *p; };
typedef int v4 __attribute__((vector_size(16)));
int *g;

int knr(a, b) int a; int *b; { return a + *b; } // CHECK: [[@LINE]]:27: remark: b does not escape [escan-info]

_Complex double complex_square(_Complex double z) { return z * z; }

int vector_sum(v4 a) {
  v4 b = a + a;
  return b[0];
}

int bitfield_struct(void) {
  int x = 0;
  struct Bits b = {1, &x};
  b.a = 2;
  return *b.p;
}

void escapes_auto_type(void) {
  int x = 0;
  __auto_type p = &x;
  typeof(p) q = p;
  g = q; // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes to global 'g') [escan-dangling]
}

int nested_statement_expressions(void) {
  int x = 1;
  return ({ int *p = ({ &x; }); *p; });
}

int flexible_member(struct Flex *f) { return *f->tail[0]; } // CHECK: [[@LINE]]:34: remark: f does not escape [escan-info]

size_t offset_of(void) { return offsetof(struct Bits, p); }

void compound_literal_in_condition(int c) {
  while (*(int *)(int[]){c})
    c--;
}
