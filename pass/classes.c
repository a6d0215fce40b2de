/*
 * classes.c — escape classes by root reachability (escape-model §4).
 *
 * An object escapes through a root when it is reachable from the root by
 * following points-to edges transitively. Roots: statics and EXTERN
 * (global), ~r0 (return), caller memory C(i,k) (caller), UNKNOWN (unknown).
 * A heap object that escapes passes its classes on simply by being on the
 * path. One worklist walk over the solved graph carries all four classes
 * as bits; a root itself gets its class only when it is reached again.
 *
 * UNKNOWN is a barrier for the other classes: when a global (or the result,
 * or caller memory) may point to "whatever unknown code holds", the objects
 * unknown code holds are still only of class unknown. Otherwise one
 * `global = unknown_fn()` anywhere would make every stack address passed to
 * any unknown function dangle. Heap decisions lose nothing: UNKNOWN is a
 * root itself, so everything behind it has class unknown, which escapes.
 */
#include <stdlib.h>

#include "internal.h"

bool esc_is_barrier(const esc_fn *f, esc_node n) {
  return f->obj[n].kind == ESC_OBJ_UNKNOWN;
}

uint8_t esc_root_class(const esc_fn *f, esc_node n) {
  uint8_t k = f->obj[n].kind;
  if (esc_is_static(k) || k == ESC_OBJ_EXTERN)
    return ESC_CLS_GLOBAL;
  if (k == ESC_OBJ_RESULT)
    return ESC_CLS_RETURN;
  if (k == ESC_OBJ_CALLER)
    return ESC_CLS_CALLER;
  if (k == ESC_OBJ_UNKNOWN)
    return ESC_CLS_UNKNOWN;
  return 0;
}

/* Marks every pointee of n with the classes in c and queues those that
 * gain one (a node waits in the queue at most once at a time). */
static void spread(esc_fn *f, esc_node n, uint8_t c, esc_ivec *q,
                   uint8_t *queued) {
  uint32_t e;
  const esc_set *p = esc_pts(f->sol, n);
  ESC_SET_EACH(p, e) {
    esc_node o = esc_pointee_node(f->sol, e);
    if ((f->cls[o] | c) == f->cls[o])
      continue;
    f->cls[o] |= c;
    if (!queued[o]) {
      queued[o] = 1;
      esc_ivec_push(q, o);
    }
  }
}

/* All four classes in one walk: each root spreads its class, and a node
 * passes on every class it has, but a barrier only unknown. */
void esc_classify(esc_fn *f) {
  esc_mem_free(f->cls);
  unsigned n = f->nobj ? f->nobj : 1;
  f->cls = esc_mem_calloc(n, 1);
  uint8_t *queued = esc_mem_calloc(n, 1);
  if (!f->cls || !queued)
    esc_fatal("out of memory");
  esc_ivec q = {0};
  for (unsigned i = 0; i < f->nobj; i++) {
    uint8_t c = esc_root_class(f, (esc_node)i);
    if (c)
      spread(f, (esc_node)i, c, &q, queued);
  }
  for (unsigned h = 0; h < q.n; h++) {
    esc_node v = q.v[h];
    queued[v] = 0;
    uint8_t c = f->cls[v];
    spread(f, v, esc_is_barrier(f, v) ? c & ESC_CLS_UNKNOWN : c, &q, queued);
  }
  esc_mem_free(q.v);
  esc_mem_free(queued);
}
