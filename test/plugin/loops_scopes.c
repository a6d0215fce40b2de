// Loop conditions with assignments, declarations in for, and blocks nested
// in loops.
// RUN: %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-m=1 %s 2>&1 | FileCheck %s --implicit-check-not='[escan-'
#include <stdlib.h>

extern int *next_item(void);
int *g;

// ---- escapes -------------------------------------------------------------
void escapes_in_for_declaration(int n) {
  for (int i = 0, *p = &i; i < n; i++)
    g = p; // CHECK: [[@LINE]]:5: warning: moved to heap: i (address of stack variable 'i' escapes to global 'g') [escan-dangling]
}

void escapes_in_nested_block(int n) {
  while (n--) {
    {
      int y = n;
      g = &y; // CHECK: [[@LINE]]:7: warning: moved to heap: y (address of stack variable 'y' escapes to global 'g') [escan-dangling]
    }
  }
}

// ---- stays ---------------------------------------------------------------
int stays_condition_assignment(void) {
  int *p, sum = 0;
  while ((p = next_item()) != NULL)
    sum += *p;
  return sum;
}

int stays_loop_local_pointer(int n) {
  int total = 0;
  for (int i = 0; i < n; i++) {
    int v = i;
    int *p = &v;
    total += *p;
  }
  return total;
}

// ---- heap in loops -----------------------------------------------------------
void promote_in_while(int n) {
  while (n-- > 0) {
    char *p = malloc(32); // CHECK: [[@LINE]]:15: remark: malloc(32) does not escape (can be stack storage) [escan-heap-to-stack]
    p[0] = 0;
    free(p);
  }
}

void not_promoted_kept_across_iterations(int n) {
  char *prev = NULL;
  for (int i = 0; i < n; i++) {
    char *p = malloc(32); // CHECK: [[@LINE]]:15: remark: malloc(32) does not escape [escan-info]
    free(prev);
    prev = p;
  }
  free(prev);
}
