// End to end with the real plugin: a dangling pointer fails the run (exit 1)
// and is reported clang-style; -m prints Go's lines; json carries the hash.
// RUN: rm -rf %t && mkdir -p %t && cp %s %t/report.c && cd %t && echo > .escan.yaml
// RUN: %exit 1 %escan report.c -- -nostdinc -isystem %inputs > text.txt
// RUN: FileCheck %s --input-file=text.txt --check-prefix=TEXT
// RUN: %exit 1 %escan -m report.c -- -nostdinc -isystem %inputs | FileCheck %s --check-prefix=GO
// RUN: %exit 0 %escan --fail-on=none --format=json report.c -- -nostdinc -isystem %inputs | FileCheck %s --check-prefix=JSON
#include <stdlib.h>

int *keep;

int *ret_local(void) {
  int x = 1;
  return &x;
  // TEXT: report.c:[[@LINE-1]]:{{[0-9]+}}: error: moved to heap: x ({{.*}}) [escan-dangling]
  // TEXT-NEXT: {{^}}  return &x;
  // GO: report.c:[[@LINE-3]]:{{[0-9]+}}: moved to heap: x
}

void store_global(void) {
  int y = 2;
  keep = &y;
  // TEXT: report.c:[[@LINE-1]]:{{[0-9]+}}: error: moved to heap: y ({{.*}}) [escan-dangling]
  // GO: report.c:[[@LINE-2]]:{{[0-9]+}}: moved to heap: y
}

int small_heap(void) {
  char *p = malloc(16);
  // TEXT: report.c:[[@LINE-1]]:{{[0-9]+}}: remark: malloc(16) does not escape {{.*}}[escan-heap-to-stack]
  // GO: report.c:[[@LINE-2]]:{{[0-9]+}}: malloc(16) does not escape
  p[0] = 1;
  int r = p[0];
  free(p);
  return r;
}

// JSON: "findings": [
// JSON: "kind": "dangling",
// JSON: "message": "moved to heap: x",
// JSON: "file": "report.c",
// JSON: "hash": "{{[0-9a-f]+}}",
// JSON: "errors": []
