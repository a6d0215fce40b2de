// init() stores the block in a global that main() uses after init()
// returned: stack storage in init() would be dead by then.
// RUN: %difftest --expect-promoted=0 %s
// RUN: %escan -m=2 --fail-on=none %s -- -std=c11 2>&1 | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *g_table;

static int init(void) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: {{.*}}escapes to heap
  char *t = malloc(26);
  if (!t)
    return -1;
  for (int i = 0; i < 26; i++)
    t[i] = (char)('z' - i);
  g_table = t;
  return 0;
}

int main(void) {
  if (init() != 0)
    return 1;
  const char *word = "escape";
  for (const char *c = word; *c; c++)
    putchar(g_table[*c - 'a']);
  putchar('\n');
  free(g_table);
  return 0;
}
