// Arrays are one object; arrays of pointers hold what their elements do.
// RUN: %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-m=1 %s 2>&1 | FileCheck %s --implicit-check-not='[escan-'
#include <stddef.h>

int *garr[8];
int gmat[4][4];

// ---- escapes -------------------------------------------------------------
void escapes_element_to_global_array(void) {
  int x = 0;
  garr[3] = &x; // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes to global 'garr') [escan-dangling]
}

int **escapes_array_of_pointers(void) {
  int *ptrs[2] = {NULL, NULL};
  return ptrs; // CHECK: [[@LINE]]:3: warning: moved to heap: ptrs (address of stack variable 'ptrs' escapes through the return value) [escan-dangling]
}

int (*escapes_row(void))[4] {
  int m[4][4] = {{0}};
  return &m[1]; // CHECK: [[@LINE]]:3: warning: moved to heap: m (address of stack variable 'm' escapes through the return value) [escan-dangling]
}

void escapes_local_array_element(void) {
  int x = 0;
  int *local[2];
  local[0] = &x;
  garr[0] = local[0]; // CHECK: [[@LINE]]:3: warning: moved to heap: x (address of stack variable 'x' escapes to global 'garr') [escan-dangling]
}

// ---- stays ---------------------------------------------------------------
int stays_array_of_local_pointers(void) {
  int x = 1, y = 2;
  int *ptrs[2] = {&x, &y};
  return *ptrs[0] + *ptrs[1];
}

int *stays_global_matrix_row(void) {
  return gmat[2];
}

int stays_index_both_orders(void) {
  int a[4] = {1, 2, 3, 4};
  return a[1] + 2[a];
}
