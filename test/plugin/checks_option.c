// checks=LIST selects finding kinds: a plain list is the whole set, a list
// of '-kind' items removes kinds from the default (all). With the leak check
// off, a never-freed block that could live on the stack is a heap-to-stack
// remark instead.
// RUN: %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-checks=-leak %s 2>&1 | FileCheck %s --check-prefix=NO-LEAK --implicit-check-not='[escan-'
// RUN: %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-checks=dangling %s 2>&1 | FileCheck %s --check-prefix=DANGLING --implicit-check-not='[escan-'
// RUN: %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-checks=heap-to-stack,free-nonheap %s 2>&1 | FileCheck %s --check-prefix=H2S --implicit-check-not='[escan-'
// RUN: %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-checks=all %s 2>&1 | FileCheck %s --check-prefix=ALL --implicit-check-not='[escan-'
#include <stdlib.h>

int *g;

void dangling(void) {
  int x = 0;
  g = &x;
  // NO-LEAK: [[@LINE-1]]:3: warning: moved to heap: x {{.*}}[escan-dangling]
  // DANGLING: [[@LINE-2]]:3: warning: moved to heap: x {{.*}}[escan-dangling]
  // ALL: [[@LINE-3]]:3: warning: moved to heap: x {{.*}}[escan-dangling]
}

void free_local(void) {
  int x = 0;
  free(&x);
  // NO-LEAK: [[@LINE-1]]:3: warning: free of non-heap memory: x (x is a local variable) [escan-free-nonheap]
  // H2S: [[@LINE-2]]:3: warning: free of non-heap memory: x (x is a local variable) [escan-free-nonheap]
  // ALL: [[@LINE-3]]:3: warning: free of non-heap memory: x (x is a local variable) [escan-free-nonheap]
}

void leak(void) {
  int *p = malloc(16);
  // NO-LEAK: [[@LINE-1]]:12: remark: malloc(16) does not escape (can be stack storage) [escan-heap-to-stack]
  // H2S: [[@LINE-2]]:12: remark: malloc(16) does not escape (can be stack storage) [escan-heap-to-stack]
  // ALL: [[@LINE-3]]:12: warning: malloc(16) does not escape and is never freed (can be stack storage) [escan-leak]
  *p = 1;
}

void promote(void) {
  int *p = malloc(16);
  // NO-LEAK: [[@LINE-1]]:12: remark: malloc(16) does not escape (can be stack storage) [escan-heap-to-stack]
  // H2S: [[@LINE-2]]:12: remark: malloc(16) does not escape (can be stack storage) [escan-heap-to-stack]
  // ALL: [[@LINE-3]]:12: remark: malloc(16) does not escape (can be stack storage) [escan-heap-to-stack]
  *p = 1;
  free(p);
}
