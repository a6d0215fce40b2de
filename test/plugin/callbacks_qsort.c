// Stack addresses given to code that does not keep them: the libc table
// (qsort, bsearch, read) and unknown callees are optimistic for stack
// objects, so no dangling report.
// RUN: %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-m=1 %s 2>&1 | FileCheck %s --implicit-check-not='[escan-'
#include <stdlib.h>
#include <unistd.h>
#include <stdio.h>

int cmp(const void *a, const void *b) { return *(const int *)a - *(const int *)b; } // CHECK: [[@LINE]]:21: remark: a does not escape [escan-info]
// CHECK: [[@LINE-1]]:36: remark: b does not escape [escan-info]
extern void visit(void (*fn)(int *), int *p);
extern void consume(int *p);
void bump(int *p) { (*p)++; } // CHECK: [[@LINE]]:16: remark: p does not escape [escan-info]

// ---- stays ---------------------------------------------------------------
int stays_qsort(void) {
  int a[4] = {3, 1, 2, 0};
  qsort(a, 4, sizeof a[0], cmp);
  return a[0];
}

int stays_bsearch(void) {
  int a[3] = {1, 2, 3};
  int key = 2;
  int *hit = bsearch(&key, a, 3, sizeof a[0], cmp);
  return hit != NULL;
}

long stays_read(int fd) {
  char buf[64];
  return read(fd, buf, sizeof buf);
}

size_t stays_fread(FILE *f) { // CHECK: [[@LINE]]:26: remark: f does not escape [escan-info]
  char buf[16];
  return fread(buf, 1, sizeof buf, f);
}

int stays_callback(void) {
  int x = 0;
  visit(bump, &x);
  return x;
}

int stays_unknown_callee(void) {
  int x = 0;
  consume(&x);
  return x;
}

int stays_printf(void) {
  int x = 0;
  printf("%p\n", (void *)&x);
  return x;
}

extern int *source(void);
int *gsrc;
// gsrc may point to unknown memory and unknown memory may hold &x, but an
// escape is never traced through the unknown object.
int stays_unknown_result_in_global(void) {
  int x = 0;
  gsrc = source();
  consume(&x);
  return x;
}

// ---- heap objects passed to unknown code escape -----------------------------
void escapes_heap_to_unknown(void) {
  int *p = malloc(16); // CHECK: [[@LINE]]:12: remark: malloc(16) escapes to heap [escan-info]
  consume(p);
  free(p);
}
