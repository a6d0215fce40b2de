// Summaries across translation units: export-summaries writes the defined
// functions' summaries, summaries= reads a file or every *.escsum file of a
// directory. Without them a callee from another TU is unknown code.
// RUN: rm -rf %t && split-file %s %t && mkdir %t/dir
// RUN: %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-export-summaries=%t/dir/lib.escsum %t/lib.c 2>&1 | count 0
// RUN: %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-m=1 -fplugin-arg-escan-summaries=%t/dir/lib.escsum %t/main.c 2>&1 | FileCheck %s --implicit-check-not='[escan-'
// RUN: %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-m=1 -fplugin-arg-escan-summaries=%t/dir %t/main.c 2>&1 | FileCheck %s --implicit-check-not='[escan-'
// RUN: %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-m=1 %t/main.c 2>&1 | FileCheck %s --allow-empty --check-prefix=ALONE --implicit-check-not='[escan-'

//--- lib.c
#include <stdlib.h>
int *g;
void keep(int *p) { g = p; }
void *make(size_t n) { return malloc(n); }
void release(void *p) { free(p); }
int peek(const int *p) { return *p; }

//--- main.c
#include <stddef.h>
void keep(int *p);
void *make(size_t n);
void release(void *p);
int peek(const int *p);

void escapes_kept(void) {
  int x = 0;
  keep(&x);
}

int stays_peeked(void) {
  int x = 1;
  return peek(&x);
}

int wrapper_site(void) {
  int *p = make(16);
  *p = 1;
  int r = peek(p);
  release(p);
  return r;
}

void frees_stack(void) {
  int x;
  release(&x);
}

// CHECK: main.c:9:3: warning: moved to heap: x {{.*}}[escan-dangling]
// CHECK: main.c:18:12: remark: make(16) does not escape [escan-info]
// CHECK: main.c:27:3: warning: free of non-heap memory: x (x is a local variable) [escan-free-nonheap]
// ALONE-NOT: [escan-
