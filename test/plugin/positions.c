// Records keep their exact line and column in the JSON output whatever the
// order functions are lowered in (callees first: here `late` before
// `early`, so positions go back up the file) and with CRLF line ends.
// RUN: rm -f %t.json %t.crlf.json
// RUN: %escan-cc -fplugin-arg-escan-m=1 -fplugin-arg-escan-output=%t.json %s 2>/dev/null
// RUN: FileCheck %s --input-file=%t.json
// RUN: sed 's/$/\r/' %s > %t.crlf.c
// RUN: %escan-cc -fplugin-arg-escan-m=1 -fplugin-arg-escan-output=%t.crlf.json %t.crlf.c 2>/dev/null
// RUN: FileCheck %s --input-file=%t.crlf.json
#include <stdlib.h>

int *g;
static void late(int n);

void early(void) {
  int a = 0;
  late(1);
    g = &a;
}

static void late(int n) {
  int b = n;
      g = &b;
}

// CHECK:      "line": 18,
// CHECK-NEXT: "column": 5,
// CHECK-NEXT: "function": "early",
// CHECK:      "line": 23,
// CHECK-NEXT: "column": 7,
// CHECK-NEXT: "function": "late",
