// The block is the argument of pthread_create: it is handed to another
// thread and escapes (even though main joins before freeing).
// RUN: %difftest --expect-promoted=0 --cflag=-pthread %s
// RUN: %escan -m=2 --fail-on=none %s -- -std=c11 -pthread 2>&1 | FileCheck %s
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct job {
  int from, to;
  long result;
};

static void *worker(void *arg) {
  struct job *j = arg;
  j->result = 0;
  for (int i = j->from; i < j->to; i++)
    j->result += (long)i * i;
  return NULL;
}

int main(void) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: {{.*}}escapes to heap
  struct job *j = malloc(sizeof *j);
  if (!j)
    return 1;
  j->from = 1;
  j->to = 100;
  pthread_t t;
  if (pthread_create(&t, NULL, worker, j) != 0) {
    free(j);
    return 1;
  }
  pthread_join(t, NULL);
  printf("sum of squares %ld\n", j->result);
  free(j);
  return 0;
}
