// free() of memory that may be on the stack or static.
// RUN: %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-m=1 %s 2>&1 | FileCheck %s --implicit-check-not='[escan-'
#include <stdlib.h>

int gx;
static char gbuf[16];

// ---- escapes (free-nonheap) -------------------------------------------------
void frees_local(void) {
  int x = 0;
  free(&x); // CHECK: [[@LINE]]:3: warning: free of non-heap memory: x (x is a local variable) [escan-free-nonheap]
}

void frees_local_array(void) {
  char buf[16];
  free(buf); // CHECK: [[@LINE]]:3: warning: free of non-heap memory: buf (buf is a local variable) [escan-free-nonheap]
}

void frees_global(void) {
  free(&gx); // CHECK: [[@LINE]]:3: warning: free of non-heap memory: gx (gx is a global) [escan-free-nonheap]
}

void frees_string_literal(void) {
  char *s = "abc";
  free(s); // CHECK: [[@LINE]]:3: warning: free of non-heap memory: "abc" (string literal) [escan-free-nonheap]
}

void frees_maybe_stack(int big) {
  char buf[64];
  char *p = big ? malloc(1024) : buf; // CHECK: [[@LINE]]:19: remark: malloc(1024) does not escape [escan-info]
  p[0] = 0;
  free(p); // CHECK: [[@LINE]]:3: warning: free of non-heap memory: buf (buf is a local variable) [escan-free-nonheap]
}

void frees_static_array(void) {
  free(gbuf); // CHECK: [[@LINE]]:3: warning: free of non-heap memory: gbuf (gbuf is a global) [escan-free-nonheap]
}

// ---- stays ---------------------------------------------------------------
void stays_guarded_ne(int big) {
  char buf[64];
  char *p = big ? malloc(1024) : buf; // CHECK: [[@LINE]]:19: remark: malloc(1024) does not escape [escan-info]
  p[0] = 0;
  if (p != buf)
    free(p);
}

void stays_guarded_eq_else(int big) {
  char buf[64];
  char *p = big ? malloc(1024) : buf; // CHECK: [[@LINE]]:19: remark: malloc(1024) does not escape [escan-info]
  p[0] = 0;
  if (p == buf) {
  } else {
    free(p);
  }
}

void stays_guarded_reversed(int big) {
  int x;
  int *p = big ? malloc(sizeof(int)) : &x; // CHECK: [[@LINE]]:18: remark: malloc(sizeof(int)) does not escape [escan-info]
  *p = 0;
  if (&x != p)
    free(p);
}

void stays_guarded_array_reversed(int big) {
  char buf[64];
  char *p = big ? malloc(1024) : buf; // CHECK: [[@LINE]]:19: remark: malloc(1024) does not escape [escan-info]
  p[0] = 0;
  if (buf != p) {
    p[1] = 0;
    free(p);
  }
}

// Only a call directly in the guarded branch is guarded.
void frees_guard_not_direct(int big, int more) {
  char buf[64];
  char *p = big ? malloc(1024) : buf; // CHECK: [[@LINE]]:19: remark: malloc(1024) does not escape [escan-info]
  p[0] = 0;
  if (p != buf) {
    if (more)
      free(p); // CHECK: [[@LINE]]:7: warning: free of non-heap memory: buf (buf is a local variable) [escan-free-nonheap]
  }
}

void stays_free_param(void *p) { free(p); } // CHECK: [[@LINE]]:29: remark: frees param: p [escan-info]

void stays_free_null(void) { free(NULL); }
