// Plugin options: a bad option or value is a clang error and a failed
// compile, never a silent no-op. Both spellings of plugin arguments work.
// RUN: not %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-foo=1 %s 2>&1 | FileCheck %s --check-prefix=UNKNOWN
// UNKNOWN: error: escan: unknown plugin option 'foo'
// RUN: not %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-verbose %s 2>&1 | FileCheck %s --check-prefix=UNKNOWN-FLAG
// UNKNOWN-FLAG: error: escan: unknown plugin option 'verbose'
// RUN: not %escan-cc -fno-caret-diagnostics -Xclang -plugin-arg-escan -Xclang bogus=2 %s 2>&1 | FileCheck %s --check-prefix=XCLANG-BAD
// XCLANG-BAD: error: escan: unknown plugin option 'bogus'
// RUN: not %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-m=3 %s 2>&1 | FileCheck %s --check-prefix=BAD-M
// BAD-M: error: escan: bad value '3' for option 'm' (expected 0, 1 or 2)
// RUN: not %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-m %s 2>&1 | FileCheck %s --check-prefix=NO-VALUE
// NO-VALUE: error: escan: option 'm' needs a value (m=...)
// RUN: not %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-checks=dangling,bogus %s 2>&1 | FileCheck %s --check-prefix=BAD-CHECKS
// BAD-CHECKS: error: escan: bad value for option 'checks': unknown check 'bogus'
// RUN: not %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-max-stack=lots %s 2>&1 | FileCheck %s --check-prefix=BAD-STACK
// BAD-STACK: error: escan: bad value 'lots' for option 'max-stack' (expected a number of bytes)
// RUN: not %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-max-stack-fn=-1 %s 2>&1 | FileCheck %s --check-prefix=BAD-STACK-FN
// BAD-STACK-FN: error: escan: bad value '-1' for option 'max-stack-fn' (expected a number of bytes)
// RUN: not %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-werror=1 %s 2>&1 | FileCheck %s --check-prefix=WERROR-VALUE
// WERROR-VALUE: error: escan: option 'werror' takes no value
// RUN: not %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-output= %s 2>&1 | FileCheck %s --check-prefix=NO-PATH
// NO-PATH: error: escan: option 'output' needs a path
// RUN: not %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-summaries=%t.missing.escsum %s 2>&1 | FileCheck %s --check-prefix=MISSING
// MISSING: error: escan: cannot read summaries '{{.*}}missing.escsum'
// RUN: %escan-cc -fno-caret-diagnostics -Xclang -plugin-arg-escan -Xclang m=1 %s 2>&1 | FileCheck %s --check-prefix=XCLANG
// XCLANG: remark: p does not escape [escan-info]
// RUN: %escan-cc -fno-caret-diagnostics -fplugin-arg-escan-werror -fplugin-arg-escan-max-stack=64 -fplugin-arg-escan-max-stack-fn=128 -fplugin-arg-escan-allocators=a,b -fplugin-arg-escan-deallocators=c %s 2>&1 | count 0

int use(int *p) { return *p; }
