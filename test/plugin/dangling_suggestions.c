// Rewrites offered for dangling locals (escape-model §6.2): notes at the
// declaration with fix-its, offered only; at -m=2 the rewrites that are not
// offered say why. Each function shows one refusal.
// RUN: %escan-cc -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s --check-prefix=M0
// RUN: %escan-cc -fplugin-arg-escan-m=2 %s 2>&1 | FileCheck %s --check-prefix=M2
#include <stdlib.h>

int *g;
#define DECLARE(name) int name = 1

int *both(int a) {
  int v = a;
  return &v;
}
// M0: dangling_suggestions.c:13:3: warning: moved to heap: v {{.*}}[escan-dangling]
// M0: dangling_suggestions.c:12:7: note: suggested rewrite (escan --fix-dangling=static): make 'v' static: every call shares one 'v' (single-threaded, non-reentrant code only)
// M0: fix-it:"{{.*}}dangling_suggestions.c":{12:3-12:8}:"static int v; v"
// M0: dangling_suggestions.c:12:7: note: suggested rewrite (escan --fix-dangling=heap): allocate 'v' on the heap: nothing frees it; whoever drops the last pointer to it must
// M0: fix-it:"{{.*}}dangling_suggestions.c":{12:3-12:8}:"int *escan_v = malloc(sizeof *escan_v); if (!escan_v) abort(); *escan_v"
// M0: fix-it:"{{.*}}dangling_suggestions.c":{13:10-13:12}:"escan_v"

int *recursive(int n) {
  int depth = n;
  if (n > 0)
    return recursive(n - 1);
  return &depth;
}
// M0: dangling_suggestions.c:26:3: warning: moved to heap: depth
// M0-NOT: fix-dangling=static
// M0: suggested rewrite (escan --fix-dangling=heap): allocate 'depth'
// M2: dangling_suggestions.c:23:7: note: no 'static' rewrite: 'recursive' is recursive: calls would share one 'depth'

void in_loop(int n) {
  for (int i = 0; i < n; i++) {
    int slot = i;
    g = &slot;
  }
}
// M2: dangling_suggestions.c:35:9: note: no 'static' rewrite: declared in a loop: iterations would share one 'slot'
// M2: dangling_suggestions.c:35:9: note: suggested rewrite (escan --fix-dangling=heap)

void two_declarators(void) {
  int a = 1, b = 2;
  g = &a;
  (void)b;
}
// M2: dangling_suggestions.c:43:7: note: no 'static' rewrite: the declaration declares more than this variable
// M2: dangling_suggestions.c:43:7: note: no 'heap' rewrite: the declaration declares more than this variable

int *const_computed(int a) {
  const int c = a * 2;
  return (int *)&c;
}
// M2: dangling_suggestions.c:51:13: note: no 'static' rewrite: a const object with a non-constant initializer
// M2: dangling_suggestions.c:51:13: note: suggested rewrite (escan --fix-dangling=heap)

int *const_constant(void) {
  const int k = 42;
  return (int *)&k;
}
// M0: dangling_suggestions.c:58:13: note: suggested rewrite (escan --fix-dangling=static)
// M0: fix-it:"{{.*}}dangling_suggestions.c":{58:3-58:14}:"static const int k"

void jumps(int c) {
  int x = c;
  if (c)
    goto out;
  g = &x;
out:
  return;
}
// M2: dangling_suggestions.c:65:7: note: suggested rewrite (escan --fix-dangling=static)
// M2: dangling_suggestions.c:65:7: note: no 'heap' rewrite: a jump may bypass the allocation

void from_macro(void) {
  DECLARE(m);
  g = &m;
}
// M2: note: no 'static' rewrite: declared inside a macro expansion

struct { int *p; } anon_global;
void anonymous(void) {
  __auto_type s = anon_global;
  g = (int *)&s;
}
// M2: dangling_suggestions.c:83:15: note: no 'static' rewrite: its type has no name to write

int *attributed(void) {
  int __attribute__((aligned(64))) al = 0;
  return &al;
}
// M2: dangling_suggestions.c:89:36: note: no 'heap' rewrite: the declaration has attributes

// Returning by value: offered when every caller only reads the result.
struct pt { int x, y; };
static struct pt *by_value(int a) {
  struct pt p = {a, a};
  return &p;
}
int read_only(void) { return by_value(1)->x + (*by_value(2)).y; }
// M0: dangling_suggestions.c:97:13: note: suggested rewrite (escan --fix-dangling=value): return 'p' by value: 'by_value' returns 'struct pt' and its callers use the value
// M0: fix-it:"{{.*}}dangling_suggestions.c":{96:8-96:19}:"struct pt "
// M0: fix-it:"{{.*}}dangling_suggestions.c":{98:10-98:12}:"p"
// M0: fix-it:"{{.*}}dangling_suggestions.c":{100:41-100:43}:"."
// M0: fix-it:"{{.*}}dangling_suggestions.c":{100:48-100:49}:""

static struct pt *kept(int a) {
  struct pt q = {a, a};
  return &q;
}
struct pt *keeper(void) { return kept(1); }
// M2: dangling_suggestions.c:108:13: note: no 'value' rewrite: a caller keeps or writes through the pointer it returns

static struct pt *written(void) {
  struct pt w = {0, 0};
  return &w;
}
void writer(void) { written()->x = 1; }
// M2: dangling_suggestions.c:115:13: note: no 'value' rewrite: a caller keeps or writes through the pointer it returns

static struct pt *maybe_null(int c) {
  struct pt n = {c, c};
  if (!c)
    return 0;
  return &n;
}
int use_maybe(void) { return maybe_null(1)->x; }
// M2: dangling_suggestions.c:122:13: note: no 'value' rewrite: the function returns something other than its address

static struct pt *also_global(void) {
  struct pt s2 = {0, 0};
  g = &s2.x;
  return &s2;
}
int use_global(void) { return also_global()->y; }
// M2: dangling_suggestions.c:131:13: note: no 'value' rewrite: it escapes other than through the return value
// RUN: %escan-cc -fplugin-arg-escan-m=2 %s 2>&1 | FileCheck %s --check-prefix=EXT
// EXT: dangling_suggestions.c:12:7: note: no 'value' rewrite: the function has external linkage: other callers expect a pointer
