// output=FILE writes the translation unit's results as JSON (what the driver
// reads); the diagnostics are printed as usual.
// RUN: rm -f %t.json
// RUN: %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-m=1 -fplugin-arg-escan-output=%t.json %s 2>&1 | FileCheck %s --implicit-check-not='[escan-'
// RUN: FileCheck %s --check-prefix=JSON --input-file=%t.json
#include <stdlib.h>

int *g;

void dangling(void) {
  int x = 0;
  g = &x; // CHECK: [[@LINE]]:3: warning: moved to heap: x {{.*}}[escan-dangling]
}

int promote(void) {
  int *p = malloc(16); // CHECK: [[@LINE]]:12: remark: malloc(16) does not escape (can be stack storage) [escan-heap-to-stack]
  *p = 1;
  int r = *p;
  free(p);
  return r;
}

void keep(int *p) { g = p; } // CHECK: [[@LINE]]:16: remark: leaking param: p [escan-info]

void suppressed(void) {
  int y = 0;
  g = &y; // escan:ignore
}

// JSON: "version": 1,
// JSON: "kind": "dangling",
// JSON: "message": "moved to heap: x",
// JSON: "line": 12,
// JSON: "column": 3,
// JSON: "function": "dangling",
// JSON: "object": "x",
// JSON: "kind": "heap-to-stack",
// JSON: "severity": "remark",
// JSON: "line": 16,
// JSON: "column": 12,
// JSON: "object": "malloc(16)",
// JSON: "fixes": [
// JSON: "replacement": " _Alignas(16) unsigned char escan_heap_0[16];"
// JSON: "replacement": "((void *)escan_heap_0)"
// JSON: "replacement": "((void)(p))"
// JSON: "object": "y",
// JSON: "suppressed": true
// JSON: "params": [
// JSON: "message": "leaking param: p"
