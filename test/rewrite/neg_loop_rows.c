// rows[i] = malloc(...) in a loop: all rows are live together.
// RUN: %difftest --expect-promoted=0 %s
// RUN: %escan -m=2 --fail-on=none %s -- -std=c11 2>&1 | FileCheck %s
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  char *rows[5];
  for (int i = 0; i < 5; i++) {
    // CHECK: :[[@LINE+1]]:{{[0-9]+}}: {{.*}}not promoted: in a loop while the previous block may be live
    rows[i] = malloc(6);
    if (!rows[i])
      return 1;
    for (int j = 0; j < 5; j++)
      rows[i][j] = (char)((i + j) % 2 ? '#' : '.');
    rows[i][5] = '\0';
  }
  for (int i = 0; i < 5; i++)
    puts(rows[i]);
  for (int i = 0; i < 5; i++)
    free(rows[i]);
  return 0;
}
