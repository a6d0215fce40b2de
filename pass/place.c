/*
 * place.c — placement decisions from escape classes (escape-model §4).
 *
 *   stack object, class global/return/caller  → dangling
 *   stack object, class unknown only          → may escape (info, -m=2)
 *   heap site with any class (unknown too)    → escapes to heap (info)
 *   heap site with no class, freed somewhere  → local: promotion candidate
 *   heap site with no class, freed nowhere    → leak (and still a candidate)
 *   free(p) with a stack or static object in pts(p), minus the objects an
 *   enclosing guard (`if (p != buf)`) rules out → free-nonheap
 *
 * Note the two polarities: unknown makes a heap site escape but leaves a
 * stack object on the stack.
 */
#include <stdlib.h>

#include "internal.h"

#define DANGLING_CLASSES (ESC_CLS_GLOBAL | ESC_CLS_RETURN | ESC_CLS_CALLER)

static void decide(esc_decisions *out, esc_dkind k, esc_node obj,
                   int32_t free_ev, uint8_t cls) {
  esc_decision d = {
      .kind = (uint8_t)k, .obj = obj, .free_ev = free_ev, .cls = cls};
  ESC_PUSH(out->v, out->n, out->cap, d);
}

/* freed[n]: some free event may receive node n. */
static uint8_t *freed_nodes(const esc_fn *f) {
  uint8_t *freed = esc_mem_calloc(f->nobj ? f->nobj : 1, 1);
  if (!freed)
    esc_fatal("out of memory");
  for (unsigned i = 0; i < f->nfrees; i++) {
    uint32_t e;
    const esc_set *p = esc_pts(f->sol, f->frees[i].ptr);
    ESC_SET_EACH(p, e)
    freed[esc_pointee_node(f->sol, e)] = 1;
  }
  return freed;
}

static void place_object(const esc_fn *f, esc_node n, unsigned what,
                         const uint8_t *freed, esc_decisions *out) {
  uint8_t k = f->obj[n].kind, c = f->cls[n];
  if (!(what & (esc_is_stack(k) ? ESC_PLACE_STACK : ESC_PLACE_HEAP)))
    return;
  if (esc_is_stack(k) && (c & DANGLING_CLASSES))
    decide(out, ESC_D_DANGLING, n, -1, c & DANGLING_CLASSES);
  else if (esc_is_stack(k) && c)
    decide(out, ESC_D_MAY_ESCAPE, n, -1, c);
  else if (k == ESC_OBJ_HEAP && c)
    decide(out, ESC_D_HEAP_ESCAPES, n, -1, c);
  else if (k == ESC_OBJ_HEAP)
    decide(out, freed[n] ? ESC_D_HEAP_LOCAL : ESC_D_LEAK, n, -1, 0);
}

static bool guarded(const esc_callrec *c, esc_node ptr, esc_node o) {
  if (!c->d.nargs || c->d.args[0] != ptr)
    return false; /* guards speak about argument 0 only */
  for (unsigned i = 0; i < c->d.nguard_excludes; i++)
    if (c->d.guard_excludes[i] == o)
      return true;
  return false;
}

static void place_free(const esc_fn *f, int32_t i, esc_decisions *out) {
  const esc_free *fr = &f->frees[i];
  const esc_callrec *c = &f->calls[fr->call];
  uint32_t e;
  const esc_set *p = esc_pts(f->sol, fr->ptr);
  ESC_SET_EACH(p, e) {
    esc_node o = esc_pointee_node(f->sol, e);
    uint8_t k = f->obj[o].kind;
    if ((esc_is_stack(k) || esc_is_static(k)) && !guarded(c, fr->ptr, o))
      decide(out, ESC_D_FREE_NONHEAP, o, i, 0);
  }
}

void esc_place(esc_fn *f, unsigned what, esc_decisions *out) {
  uint8_t *freed = freed_nodes(f);
  for (unsigned n = 0; n < f->nobj; n++)
    place_object(f, (esc_node)n, what, freed, out);
  for (unsigned i = 0; (what & ESC_PLACE_HEAP) && i < f->nfrees; i++)
    place_free(f, (int32_t)i, out);
  esc_mem_free(freed);
}

void esc_decisions_free(esc_decisions *ds) {
  for (unsigned i = 0; i < ds->n; i++)
    esc_mem_free(ds->v[i].plan.fixes);
  esc_mem_free(ds->v);
  ds->v = NULL;
  ds->n = ds->cap = 0;
}
