// Heap blocks that never escape, have a constant size within max-stack and
// are freed only as themselves: remark with a rewrite to stack storage.
// RUN: %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-m=1 %s 2>&1 | FileCheck %s --implicit-check-not='[escan-'
#include <stdlib.h>
#include <setjmp.h>

struct S { int a, b; };
enum { NBYTES = 48 };

// ---- promotable ----------------------------------------------------------
int promote_malloc(void) {
  int *p = malloc(16); // CHECK: [[@LINE]]:12: remark: malloc(16) does not escape (can be stack storage) [escan-heap-to-stack]
  *p = 1;
  int r = *p;
  free(p);
  return r;
}

int promote_calloc(void) {
  int *p = calloc(4, sizeof(int)); // CHECK: [[@LINE]]:12: remark: calloc(4, sizeof(int)) does not escape (can be stack storage) [escan-heap-to-stack]
  int r = p[3];
  free(p);
  return r;
}

int promote_sizeof_struct(void) {
  struct S *s = malloc(sizeof(struct S)); // CHECK: [[@LINE]]:17: remark: malloc(sizeof(struct S)) does not escape (can be stack storage) [escan-heap-to-stack]
  s->a = 1;
  int r = s->a;
  free(s);
  return r;
}

void promote_enum_size(void) {
  char *p = malloc(NBYTES); // CHECK: [[@LINE]]:13: remark: malloc(NBYTES) does not escape (can be stack storage) [escan-heap-to-stack]
  p[0] = 0;
  free(p);
}

void promote_single_assignment(void) {
  size_t n = 24;
  char *p = malloc(n); // CHECK: [[@LINE]]:13: remark: malloc(n) does not escape (can be stack storage) [escan-heap-to-stack]
  p[0] = 0;
  free(p);
}

void promote_aligned_alloc(void) {
  char *p = aligned_alloc(16, 64); // CHECK: [[@LINE]]:13: remark: aligned_alloc(16, 64) does not escape (can be stack storage) [escan-heap-to-stack]
  p[0] = 0;
  free(p);
}

// ---- not promoted --------------------------------------------------------
void not_promoted_too_big(void) {
  char *p = malloc(100000); // CHECK: [[@LINE]]:13: remark: malloc(100000) does not escape [escan-info]
  p[0] = 0;
  free(p);
}

void not_promoted_variable_size(size_t n) {
  char *p = malloc(n); // CHECK: [[@LINE]]:13: remark: malloc(n) does not escape [escan-info]
  p[0] = 0;
  free(p);
}

void not_promoted_reassigned_size(size_t k) {
  size_t n = 16;
  n += k;
  char *p = malloc(n); // CHECK: [[@LINE]]:13: remark: malloc(n) does not escape [escan-info]
  p[0] = 0;
  free(p);
}

void not_promoted_realloc(void) {
  char *p = malloc(16); // CHECK: [[@LINE]]:13: remark: malloc(16) does not escape [escan-info]
  p = realloc(p, 32); // CHECK: [[@LINE]]:7: remark: realloc(p, 32) does not escape [escan-info]
  free(p);
}

jmp_buf env;
void not_promoted_setjmp(void) {
  char *p = malloc(16); // CHECK: [[@LINE]]:13: remark: malloc(16) does not escape [escan-info]
  if (setjmp(env))
    return;
  p[0] = 0;
  free(p);
}

#define NEW(T) malloc(sizeof(T))
void not_promoted_macro(void) {
  struct S *s = NEW(struct S); // CHECK: [[@LINE]]:17: remark: NEW(struct S) does not escape [escan-info]
// CHECK: [[@LINE-3]]:16: note: expanded from macro 'NEW'
  s->a = 0;
  free(s);
}
