// werror: warnings of escan become errors and fail the compile; remarks
// stay remarks.
// RUN: not %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-werror %s 2>&1 | FileCheck %s --implicit-check-not='[escan-'
#include <stdlib.h>

int *g;

void dangling(void) {
  int x = 0;
  g = &x; // CHECK: [[@LINE]]:3: error: moved to heap: x {{.*}} [escan-dangling]
}

void free_local(void) {
  int x = 0;
  free(&x); // CHECK: [[@LINE]]:3: error: free of non-heap memory: x (x is a local variable) [escan-free-nonheap]
}

void leak(void) {
  int *p = malloc(16); // CHECK: [[@LINE]]:12: error: malloc(16) does not escape and is never freed {{.*}}[escan-leak]
  *p = 1;
}

void promote(void) {
  int *p = malloc(16); // CHECK: [[@LINE]]:12: remark: malloc(16) does not escape (can be stack storage) [escan-heap-to-stack]
  *p = 1;
  free(p);
}
