// pthread_create: the argument outlives the frame (unknown code).
// RUN: %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-m=1 %s 2>&1 | FileCheck %s --implicit-check-not='[escan-'
#include <pthread.h>
#include <stdlib.h>

void *worker(void *arg) { return arg; } // CHECK: [[@LINE]]:20: remark: leaking param: arg to result ~r0 level=0 [escan-info]

// ---- stays (stack, unknown only) -----------------------------------------
void stays_thread_local_arg(void) {
  int x = 0;
  pthread_t t;
  pthread_create(&t, NULL, worker, &x);
  pthread_join(t, NULL);
}

// ---- heap escapes ----------------------------------------------------------
void escapes_heap_thread_arg(void) {
  int *p = malloc(sizeof *p); // CHECK: [[@LINE]]:12: remark: malloc(sizeof *p) escapes to heap [escan-info]
  pthread_t t;
  pthread_create(&t, NULL, worker, p);
  pthread_join(t, NULL);
  free(p);
}
