// In-source suppression: `escan:ignore` (optionally with a kind) on the
// finding's line or the line above, and NOLINT(escan...).
// RUN: %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-m=1 %s 2>&1 | FileCheck %s --implicit-check-not='[escan-'
#include <stdlib.h>

int *g;

// ---- suppressed -------------------------------------------------------------
void suppressed_same_line(void) {
  int x = 0;
  g = &x; // escan:ignore
}

void suppressed_line_above(void) {
  int x = 0;
  // escan:ignore
  g = &x;
}

void suppressed_with_kind(void) {
  int x = 0;
  g = &x; // escan:ignore[dangling]
}

void suppressed_nolint(void) {
  int x = 0;
  g = &x; // NOLINT(escan)
}

void suppressed_leak(void) {
  int *p = malloc(16); // escan:ignore[leak]
  *p = 1;
}

// ---- reported ------------------------------------------------------------
void reported_other_kind(void) {
  int x = 0;
  g = &x; // escan:ignore[leak]
// CHECK: [[@LINE-1]]:3: warning: moved to heap: x (address of stack variable 'x' escapes to global 'g') [escan-dangling]
}

void reported_two_lines_above(void) {
  int x = 0;
  // escan:ignore

  g = &x; // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes to global 'g') [escan-dangling]
}
