/*
 * params.c — Go's parameter tags, derived from a function's classes and
 * summary (printed at -m >= 1, one group of lines per pointer parameter):
 *
 *   leaking param: p                       C(p,1) reached by a global or
 *                                          unknown root
 *   leaking param content: p               only C(p,k>=2) reached so
 *   leaking param: p to result ~r0 level=k ~r0 ∋ C(p,k+1), minus one level
 *                                          per fresh object on the way
 *   leaking param: p to content of q level=k   C(q,·) ∋ C(p,k+1) likewise
 *   frees param: p                         the function frees *p
 *   p does not escape                      none of the above
 *   allocator: f returns new heap memory   ~r0 holds a fresh object
 *
 * Like Go, a parameter that leaks to the heap gets that one line only: the
 * result and content lines would add nothing a caller can use.
 */
#include <stdlib.h>

#include "internal.h"

#define HEAPISH (ESC_CLS_GLOBAL | ESC_CLS_UNKNOWN)

static bool from_caller(const esc_iobj *o, int32_t q) {
  return o->kind == ESC_I_CALLER && (q < 0 || o->a == q);
}

/* Is edge e's source among the start objects (~r0 when q < 0, else
 * C(q,·)) at hop 0, or one of the fresh objects of the frontier later? */
static bool starts(const esc_iedge *e, int hop, int32_t q,
                   const uint8_t *front) {
  if (hop == 0)
    return q < 0 ? e->x.kind == ESC_I_RESULT : from_caller(&e->x, q);
  return e->x.kind == ESC_I_FRESH && front[e->x.a];
}

/* Smallest level at which C(p,·) is reached from the start objects
 * through fresh objects only; -1 if never. Breadth-first by hops. */
static int reach_level(const esc_summary *s, int32_t p, int32_t q) {
  unsigned nf = s->nfresh + 1;
  uint8_t *seen = esc_mem_calloc(nf, 1), *front = esc_mem_calloc(nf, 1), *next = esc_mem_calloc(nf, 1);
  if (!seen || !front || !next)
    esc_fatal("out of memory");
  int best = -1;
  bool more = true;
  for (int hop = 0; more; hop++) {
    more = false;
    for (unsigned i = 0; i < s->nedges; i++) {
      const esc_iedge e = esc_summary_edge(s, i);
      if (!starts(&e, hop, q, front))
        continue;
      if (from_caller(&e.y, p)) {
        int lvl = e.y.b - 1 - hop < 0 ? 0 : e.y.b - 1 - hop;
        best = best < 0 || lvl < best ? lvl : best;
      } else if (e.y.kind == ESC_I_FRESH && !seen[e.y.a]) {
        seen[e.y.a] = next[e.y.a] = 1;
        more = true;
      }
    }
    uint8_t *t = front;
    front = next, next = t;
    for (unsigned j = 0; j < nf; j++)
      next[j] = 0;
  }
  esc_mem_free(seen), esc_mem_free(front), esc_mem_free(next);
  return best;
}

static bool frees_param(const esc_summary *s, int32_t p) {
  for (unsigned i = 0; i < s->nfrees_; i++)
    if (from_caller(&s->frees[i], p) && s->frees[i].b == 1)
      return true;
  return false;
}

static void lines_for(esc_fn *f, unsigned i) {
  esc_module *m = f->m;
  const esc_paraminfo *pi = &f->params[i];
  const char *p = pi->name ? pi->name : "?";
  bool any = false, content = false;
  for (unsigned k = 1; k < ESC_DEPTH; k++)
    content |= (f->cls[pi->mem[k]] & HEAPISH) != 0;
  if (f->cls[pi->mem[0]] & HEAPISH) {
    esc_report_param(m, f, i, esc_msg(m, ESC_MSG_LEAKING_PARAM, p));
    any = true;
  } else {
    if (content)
      esc_report_param(m, f, i, esc_msg(m, ESC_MSG_LEAKING_CONTENT, p));
    int lvl = reach_level(f->summary, (int32_t)i, -1);
    if (lvl >= 0)
      esc_report_param(m, f, i, esc_msg(m, ESC_MSG_LEAKING_RESULT, p, lvl));
    any = content || lvl >= 0;
    for (unsigned q = 0; q < f->d.nparams; q++) {
      if (q == i || f->params[q].mem[0] == ESC_NONE)
        continue;
      int l = reach_level(f->summary, (int32_t)i, (int32_t)q);
      if (l >= 0)
        esc_report_param(
            m, f, i,
            esc_msg(m, ESC_MSG_LEAKING_TO_PARAM, p, f->params[q].name, l));
      any |= l >= 0;
    }
  }
  if (frees_param(f->summary, (int32_t)i)) {
    esc_report_param(m, f, i, esc_msg(m, ESC_MSG_FREES_PARAM, p));
    any = true;
  }
  if (!any)
    esc_report_param(m, f, i, esc_msg(m, ESC_MSG_PARAM_NO_ESCAPE, p));
}

static bool allocator(const esc_summary *s) {
  for (unsigned i = 0; i < s->nedges; i++) {
    esc_iedge e = esc_summary_edge(s, i);
    if (e.x.kind == ESC_I_RESULT && e.y.kind == ESC_I_FRESH)
      return true;
  }
  return false;
}

void esc_param_lines(esc_fn *f) {
  if (f->m->opts.m_level < 1)
    return;
  for (unsigned i = 0; i < f->d.nparams; i++)
    if (f->params[i].mem[0] != ESC_NONE)
      lines_for(f, i);
  if (!f->summary->unknown && allocator(f->summary))
    esc_report_param(f->m, f, f->d.nparams,
                     esc_msg(f->m, ESC_MSG_ALLOCATOR, f->d.name));
}
