// The block is published with a C11 atomic store into a global (the usual
// way to hand data to another thread); main() reads it afterwards.
// RUN: %difftest --expect-promoted=0 %s
// RUN: %escan -m=2 --fail-on=none %s -- -std=c11 2>&1 | FileCheck %s
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static _Atomic(char *) g_msg;

static void publish(const char *text, int really) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: {{.*}}escapes to heap
  char *m = malloc(32);
  if (!m)
    return;
  strncpy(m, text, 31);
  m[31] = '\0';
  if (really)
    atomic_store(&g_msg, m);
  else
    free(m);
}

int main(void) {
  publish("draft", 0);
  publish("final message", 1);
  char *m = atomic_load(&g_msg);
  printf("%s\n", m ? m : "(none)");
  free(m);
  return 0;
}
