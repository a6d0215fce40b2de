// A translation unit with errors is not analysed: only clang's own errors.
// RUN: not %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-m=1 %s 2>&1 | FileCheck %s --implicit-check-not='[escan-'
int *g;

void dangling(void) {
  int x = 0;
  g = &x;
}

int broken(void) {
  return undeclared_name; // CHECK: [[@LINE]]:10: error: use of undeclared identifier 'undeclared_name'
}
