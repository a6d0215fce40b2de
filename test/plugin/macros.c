// Findings inside macro expansions are reported at the expansion with
// clang's macro backtrace; rewrites never touch macro text.
// RUN: %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-m=1 %s 2>&1 | FileCheck %s --implicit-check-not='[escan-'
#include <stdlib.h>

int *g;
#define KEEP(p) (g = (p))
#define SWAP_IN(v) do { g = &(v); } while (0)
#define ALLOC(n) malloc(n)
#define RELEASE(p) free(p)

// ---- escapes -------------------------------------------------------------
void escapes_macro_argument(void) {
  int x = 0;
  KEEP(&x); // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes to global 'g') [escan-dangling]
// CHECK: [[@LINE-9]]:18: note: expanded from macro 'KEEP'
}

void escapes_do_while_macro(void) {
  int y = 0;
  SWAP_IN(y); // CHECK: [[@LINE]]:3: warning: moved to heap: y (address of stack variable 'y' escapes to global 'g') [escan-dangling]
// CHECK: [[@LINE-14]]:25: note: expanded from macro 'SWAP_IN'
}

// ---- heap in macros ----------------------------------------------------------
void not_promoted_macro_alloc(void) {
  char *p = ALLOC(16); // CHECK: [[@LINE]]:13: remark: ALLOC(16) does not escape [escan-info]
// CHECK: [[@LINE-19]]:18: note: expanded from macro 'ALLOC'
  p[0] = 0;
  RELEASE(p);
}

void promote_macro_free_only(void) {
  char *p = malloc(16); // CHECK: [[@LINE]]:13: remark: malloc(16) does not escape [escan-info]
  p[0] = 0;
  RELEASE(p);
}
