// With the real plugin: -m prints Go's lines, parameter tags included, in
// position order; --format=json carries the same parameter lines.
// RUN: rm -rf %t && mkdir -p %t && cp %s %t/m.c && cd %t && echo > .escan.yaml
// RUN: %escan -m --fail-on=none m.c -- -nostdinc -isystem %inputs | FileCheck %s
// RUN: %escan -m --format=json --fail-on=none m.c -- -nostdinc -isystem %inputs | FileCheck %s --check-prefix=JSON

int *id(int *p) { return p; }
// CHECK: m.c:[[@LINE-1]]:{{[0-9]+}}: leaking param: p to result ~r0 level=0
void use(int *q) { (void)q; }
// CHECK: m.c:[[@LINE-1]]:{{[0-9]+}}: q does not escape

// JSON: "params": [
// JSON: "function": "id",
// JSON-NEXT: "param": "p",
// JSON-NEXT: "message": "leaking param: p to result ~r0 level=0",
// JSON-NEXT: "file": "m.c",
