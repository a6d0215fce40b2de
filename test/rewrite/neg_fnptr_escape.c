// The block is handed to a callback chosen at run time from a table; one
// of the possible targets stores it in a global that is read after the
// allocating function returned.
// RUN: %difftest --expect-promoted=0 %s
// RUN: %escan -m=2 --fail-on=none %s -- -std=c11 2>&1 | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *g_saved;

static void print_it(char *s) { printf("print: %s\n", s); }
static void save_it(char *s) {
  free(g_saved);
  g_saved = s;
}

static void (*const handlers[2])(char *) = {print_it, save_it};

static void emit(int which, const char *text) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: {{.*}}escapes to heap
  char *copy = malloc(32);
  if (!copy)
    return;
  strncpy(copy, text, 31);
  copy[31] = '\0';
  handlers[which](copy);
  if (which == 0)
    free(copy);
}

int main(void) {
  emit(0, "first");
  emit(1, "second");
  emit(0, "third");
  printf("saved: %s\n", g_saved ? g_saved : "(none)");
  free(g_saved);
  return 0;
}
