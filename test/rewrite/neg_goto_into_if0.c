// The `if (0) { fail: ... }` idiom: the block under if (0) is reachable
// through its label. Here the error path publishes the message buffer in a
// global that main() prints (and frees) after parse() returned, so the
// block escapes even though the store sits under a constant-false `if`.
// The same with a case label inside `if (0)` in a switch.
// RUN: %difftest --expect-promoted=0 %s
// RUN: %escan -m=2 --fail-on=none %s -- -std=c11 2>&1 | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *g_error;

static int parse(const char *s) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: {{.*}}escapes to heap
  char *msg = malloc(48);
  if (!msg)
    return -1;
  int v = 0;
  for (const char *c = s; *c; c++) {
    if (*c < '0' || *c > '9') {
      snprintf(msg, 48, "bad digit '%c' in \"%s\"", *c, s);
      goto fail;
    }
    v = v * 10 + (*c - '0');
  }
  free(msg);
  return v;
  if (0) {
  fail:
    g_error = msg;
  }
  return -1;
}

static char *g_note;

static void classify(int kind) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: {{.*}}escapes to heap
  char *note = malloc(16);
  if (!note)
    return;
  strcpy(note, kind == 1 ? "one" : "other");
  switch (kind) {
  case 0:
    free(note);
    break;
    if (0) {
    case 1:
      free(g_note);
      g_note = note;
    }
    break;
  default:
    free(note);
  }
}

int main(void) {
  printf("%d\n", parse("1234"));
  printf("%d\n", parse("12x4"));
  printf("error: %s\n", g_error ? g_error : "(none)");
  free(g_error);
  classify(0);
  classify(1);
  classify(2);
  printf("note: %s\n", g_note ? g_note : "(none)");
  free(g_note);
  return 0;
}
