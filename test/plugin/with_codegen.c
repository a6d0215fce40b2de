// The plugin runs after the main action: with -c (code generation) as well
// as with -fsyntax-only.
// RUN: %clang -c -nostdinc -isystem %inputs -fplugin=%plugin -fno-caret-diagnostics -fplugin-arg-escan-m=1 -o %t.o %s 2>&1 | FileCheck %s --implicit-check-not='[escan-'
// RUN: test -f %t.o
int *g;

void dangling(void) {
  int x = 0;
  g = &x; // CHECK: [[@LINE]]:3: warning: moved to heap: x {{.*}}[escan-dangling]
}

int reads(const int *p) { return *p; } // CHECK: [[@LINE]]:22: remark: p does not escape [escan-info]
