// heap-to-stack remarks carry the engine's rewrite as fix-it hints: storage
// declared after the block's '{', the call replaced by its address, the free
// turned into a no-op that still evaluates its argument.
// RUN: %escan-cc -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s --implicit-check-not='[escan-'
#include <stdlib.h>

int promote(void) {
  int *p = malloc(16);
  *p = 1;
  int r = *p;
  free(p);
  return r;
}
// CHECK: fixits.c:8:12: remark: malloc(16) does not escape (can be stack storage) [escan-heap-to-stack]
// CHECK: fix-it:"{{.*}}fixits.c":{7:20-7:20}:" _Alignas(16) unsigned char escan_heap_0[16];"
// CHECK: fix-it:"{{.*}}fixits.c":{8:12-8:22}:"((void *)escan_heap_0)"
// CHECK: fix-it:"{{.*}}fixits.c":{11:3-11:10}:"((void)(p))"

void in_block(int c) {
  if (c) {
    char *s = calloc(1, 8);
    s[0] = 'x';
    free(s);
  }
}
// CHECK: fixits.c:21:15: remark: calloc(1, 8) does not escape (can be stack storage) [escan-heap-to-stack]
// CHECK: fix-it:"{{.*}}fixits.c":{20:11-20:11}:
// CHECK: fix-it:"{{.*}}fixits.c":{21:15-21:27}:
// CHECK: fix-it:"{{.*}}fixits.c":{23:5-23:12}:"((void)(s))"
