/*
 * rewrite.c — heap → stack planning (escape-model §6.1, docs/rewrite.md).
 *
 * Consumes decisions, never takes part in them. For each heap site that
 * does not escape (local or leak) it either plans the fixes or records why
 * not, checking in this order: the allocator (only malloc, calloc and
 * aligned_alloc called directly), the function (setjmp, recursion,
 * backward goto), the size and alignment, the frees that may receive the
 * block (only plain free calls that receive nothing else), macros, the
 * storage block, and the per-function budget.
 *
 * The storage block B is the innermost block enclosing the allocation and
 * the declaring blocks of every object whose contents may reach the site
 * (temporaries at their block): the block outlives every pointer to it.
 * When B is at a different loop depth than the allocation, one slot would
 * serve iterations whose blocks may still be live: refused.
 *
 * Fixes: declare ` _Alignas(A) unsigned char escan_heap_N[SIZE];` after B's
 * '{' (one insertion per block, carried by one of its records, for all its
 * promotions), replace the call by
 * `((void *)escan_heap_N)` (calloc: a memset of the storage, which also
 * yields its address), and each free(p) of the block by `((void)(p))`,
 * keeping the argument's side effects.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static const char NP_NO_BRACE[] = "no block braces to declare storage in";
static const char NP_NO_ARG_TEXT[] = "free argument text unavailable";
static const char NP_OVERLAP[] = "rewrite edits would overlap";

static bool overlaps(const esc_range *a, const esc_range *b) {
  return a->begin.file == b->begin.file && a->begin.offset < b->end_offset &&
         b->begin.offset < a->end_offset;
}

static bool candidate(const esc_decision *d) {
  return d->kind == ESC_D_HEAP_LOCAL || d->kind == ESC_D_LEAK;
}

typedef struct planner {
  esc_fn *f;
  esc_ivec *rev;    /* rev[o]: nodes whose pts hold o */
  int64_t used;     /* bytes promoted so far in f */
  unsigned counter; /* N of escan_heap_N */
  esc_ivec frees;   /* the free events of the site being planned */
} planner;

static const esc_callrec *site_call(const esc_fn *f, esc_node h) {
  return &f->calls[f->sites[f->obj[h].site].call];
}

/* ---- refusals that need no graph
 * --------------------------------------------- */

static const char *refuse_allocator(const esc_fn *f, esc_node h) {
  uint8_t k = f->sites[f->obj[h].site].kind;
  if (k == ESC_SITE_WRAPPER)
    return ESC_NP_WRAPPER;
  return k == ESC_SITE_OTHER ? ESC_NP_OTHER_ALLOC : NULL;
}

static const char *refuse_function(const esc_fn *f) {
  if (f->d.uses_setjmp || f->calls_setjmp)
    return ESC_NP_SETJMP;
  if (f->recursive && !f->m->opts.promote_recursive)
    return ESC_NP_RECURSIVE;
  return f->d.has_backward_goto ? ESC_NP_GOTO : NULL;
}

static const char *refuse_size(const esc_fn *f, esc_node h) {
  const esc_callrec *c = site_call(f, h);
  int64_t max = f->m->opts.max_stack;
  if (c->d.size < 0)
    return ESC_NP_SIZE;
  if (c->d.size == 0) /* no zero-length arrays in C */
    return ESC_NP_ZERO;
  if (c->d.size > max)
    return esc_np_too_big(f->m, c->d.size, max);
  uint32_t a = f->d.max_align ? f->d.max_align : 16;
  bool aligned = f->sites[f->obj[h].site].kind == ESC_SITE_ALIGNED;
  if (aligned && (c->d.align <= 0 || c->d.align > (int64_t)a))
    return ESC_NP_ALIGN;
  return NULL;
}

/* ---- frees
 * ---------------------------------------------------------------------- */

static bool receives(const esc_fn *f, const esc_free *fr, esc_node h) {
  int32_t i = esc_pointee_index(f->sol, h);
  return i >= 0 && esc_set_has(esc_pts(f->sol, fr->ptr), (uint32_t)i);
}

/* Collects the frees of h into p->frees, or says why they cannot go. */
static const char *refuse_frees(planner *p, esc_node h) {
  const esc_fn *f = p->f;
  p->frees.n = 0;
  for (unsigned i = 0; i < f->nfrees; i++) {
    const esc_free *fr = &f->frees[i];
    if (!receives(f, fr, h))
      continue;
    if (fr->kind == ESC_FREE_REALLOC)
      return ESC_NP_REALLOC;
    if (fr->kind == ESC_FREE_OTHER)
      return ESC_NP_UNKNOWN_FREE;
    if (esc_pts(f->sol, fr->ptr)->n != 1 ||
        __builtin_popcountll(esc_pts(f->sol, fr->ptr)->c[0].bits) != 1)
      return ESC_NP_OTHER_BLOCK;
    if (f->calls[fr->call].d.range.begin.in_macro)
      return ESC_NP_MACRO;
    if (overlaps(&f->calls[fr->call].d.range, &site_call(f, h)->d.range))
      return NP_OVERLAP; /* free(malloc(n)): the two fixes would overlap */
    esc_ivec_push(&p->frees, (int32_t)i);
  }
  return NULL;
}

/* ---- the storage block
 * ------------------------------------------------------------ */

static esc_ivec *reverse_pts(const esc_fn *f) {
  esc_ivec *rev = esc_mem_calloc(f->nobj + 1, sizeof *rev);
  if (!rev)
    esc_fatal("out of memory");
  for (unsigned n = 0; n < f->nobj; n++) {
    uint32_t e;
    const esc_set *s = esc_pts(f->sol, (esc_node)n);
    ESC_SET_EACH(s, e)
    esc_ivec_push(&rev[esc_pointee_node(f->sol, e)], (int32_t)n);
  }
  return rev;
}

/* The innermost block enclosing the site and every holder of it. */
static esc_block_id storage_block(planner *p, esc_node h) {
  const esc_fn *f = p->f;
  uint8_t *seen = esc_mem_calloc(f->nobj + 1, 1);
  esc_ivec q = {0};
  if (!seen)
    esc_fatal("out of memory");
  esc_block_id b = site_call(f, h)->d.block;
  seen[h] = 1;
  esc_ivec_push(&q, h);
  for (unsigned i = 0; i < q.n; i++) {
    b = esc_block_common(f, b, f->obj[q.v[i]].block);
    const esc_ivec *r = &p->rev[q.v[i]];
    for (unsigned j = 0; j < r->n; j++)
      if (!seen[r->v[j]]) {
        seen[r->v[j]] = 1;
        esc_ivec_push(&q, r->v[j]);
      }
  }
  esc_mem_free(seen);
  esc_mem_free(q.v);
  return b;
}

static const char *refuse_block(planner *p, esc_node h, esc_block_id *out) {
  const esc_fn *f = p->f;
  const esc_callrec *c = site_call(f, h);
  *out = storage_block(p, h);
  const esc_blk *b = &f->blk[*out];
  if (c->d.range.begin.in_macro)
    return ESC_NP_MACRO;
  if (b->lbrace.line == 0) /* a scope without its own '{' (adapter) */
    return NP_NO_BRACE;
  if (b->lbrace.in_macro)
    return ESC_NP_MACRO;
  if (b->loop_depth != f->blk[c->d.block].loop_depth)
    return ESC_NP_LOOP;
  return NULL;
}

/* ---- fixes
 * ------------------------------------------------------------------------- */

/* The text between the parentheses of a call. */
static const char *args_text(esc_module *m, const esc_callrec *c) {
  if (c->d.args_text)
    return c->d.args_text;
  const char *t = c->d.text, *open = strchr(t, '('), *close = strrchr(t, ')');
  if (!open || !close || close < open || strstr(t, "..."))
    return NULL;
  return esc_strf(m, "%.*s", (int)(close - open - 1), open + 1);
}

static const char *refuse_arg_text(planner *p) {
  for (unsigned i = 0; i < p->frees.n; i++)
    if (!args_text(p->f->m, &p->f->calls[p->f->frees[p->frees.v[i]].call]))
      return NP_NO_ARG_TEXT;
  return NULL;
}

esc_fix esc_fix_of(esc_range r, const char *text) {
  return (esc_fix){.file = r.begin.file,
                   .offset = r.begin.offset,
                   .length = r.end_offset - r.begin.offset,
                   .replacement = text};
}

static void fix(esc_plan *pl, esc_range r, const char *text) {
  ESC_PUSH(pl->fixes, pl->nfixes, pl->capfixes, esc_fix_of(r, text));
}

/* The storage of promotion n: ` _Alignas(A) unsigned char escan_heap_N[S];` */
static const char *storage(const esc_fn *f, unsigned n, int64_t size) {
  unsigned a = f->d.max_align ? f->d.max_align : 16;
  long long s = size;
  if (f->d.lang_c11)
    return esc_strf(f->m, " _Alignas(%u) unsigned char escan_heap_%u[%lld];", a,
                    n, s);
  return esc_strf(f->m,
                  " unsigned char escan_heap_%u[%lld] "
                  "__attribute__((aligned(%u)));",
                  n, s, a);
}

/* All storage of the promotions in block b, as one declaration text. */
static const char *declarations(const esc_fn *f, const esc_decisions *ds,
                                esc_block_id b) {
  const char *text = "";
  for (unsigned i = 0; i < ds->n; i++) {
    const esc_plan *pl = &ds->v[i].plan;
    if (pl->promoted && pl->block == b)
      text = esc_strf(f->m, "%s%s", text,
                      storage(f, pl->slot, site_call(f, ds->v[i].obj)->d.size));
  }
  return text;
}

/* How good an owner of block b's declaration d would be: a heap-to-stack
 * record that stays visible (3) beats a suppressed one (2), which beats a
 * leak (1), whose fixes the driver never applies. */
static int owner_rank(const esc_fn *f, const esc_decision *d) {
  esc_pos at = f->obj[d->obj].pos;
  if (d->kind == ESC_D_LEAK && (f->m->opts.checks & ESC_CHECK_LEAK))
    return 1;
  return esc_suppressed(f->m, ESC_KIND_HEAP_TO_STACK, at) ? 2 : 3;
}

/* The one decision of each block that carries the declaration: every fix
 * tool (the driver, clang-apply-replacements, clang's -fixit) treats two
 * insertions at one offset differently, so only one record may insert
 * there; the others rely on it being applied with them. owners[b] is the
 * index in ds of block b's owner (-1: none); one rank (one suppression
 * look-up) per promoted decision. */
static int32_t *owners(const esc_fn *f, const esc_decisions *ds) {
  int32_t *best = esc_mem_alloc((f->nblk ? f->nblk : 1) * sizeof *best);
  int *rank = esc_mem_calloc(f->nblk ? f->nblk : 1, sizeof *rank);
  if (!best || !rank)
    esc_fatal("out of memory");
  for (unsigned b = 0; b < f->nblk; b++)
    best[b] = -1;
  for (unsigned i = 0; i < ds->n; i++) {
    const esc_decision *d = &ds->v[i];
    if (!d->plan.promoted)
      continue;
    int r = owner_rank(f, d);
    if (r > rank[d->plan.block])
      best[d->plan.block] = (int32_t)i, rank[d->plan.block] = r;
  }
  esc_mem_free(rank);
  return best;
}

static void plan_fixes(planner *p, const esc_decisions *ds, esc_decision *d,
                       bool declares) {
  esc_fn *f = p->f;
  esc_module *m = f->m;
  esc_plan *pl = &d->plan;
  const esc_callrec *c = site_call(f, d->obj);
  unsigned n = pl->slot;
  esc_range at = {.begin = f->blk[pl->block].lbrace,
                  .end_offset = f->blk[pl->block].lbrace.offset};
  if (declares)
    fix(pl, at, declarations(f, ds, pl->block));
  bool zero = f->sites[f->obj[d->obj].site].kind == ESC_SITE_CALLOC;
  fix(pl, c->d.range,
      zero ? esc_strf(
                 m, "__builtin_memset(escan_heap_%u, 0, sizeof escan_heap_%u)",
                 n, n)
           : esc_strf(m, "((void *)escan_heap_%u)", n));
  refuse_frees(p, d->obj); /* collects the frees again */
  for (unsigned i = 0; i < p->frees.n; i++) {
    const esc_callrec *fc = &f->calls[f->frees[p->frees.v[i]].call];
    fix(pl, fc->d.range, esc_strf(m, "((void)(%s))", args_text(m, fc)));
  }
}

/* Decides whether d is promoted; fixes come once every decision is made. */
static void plan_one(planner *p, esc_decision *d) {
  esc_node h = d->obj;
  esc_block_id b = 0;
  const char *why = refuse_allocator(p->f, h);
  why = why ? why : refuse_function(p->f);
  why = why ? why : refuse_size(p->f, h);
  why = why ? why : refuse_frees(p, h);
  why = why ? why : refuse_block(p, h, &b);
  why = why ? why : refuse_arg_text(p);
  int64_t size = site_call(p->f, h)->d.size;
  if (!why && p->used + size > p->f->m->opts.max_stack_fn)
    why = ESC_NP_BUDGET;
  d->plan.refusal = why;
  if (why)
    return;
  p->used += size;
  d->plan.promoted = true;
  d->plan.block = b;
}

/* The text ranges promotion d would edit: the allocation call, its frees
 * and (empty) the declaration point after its block's '{'. */
static void edit_ranges(planner *p, const esc_decision *d, esc_range **v,
                        unsigned *n, unsigned *cap) {
  const esc_fn *f = p->f;
  *n = 0;
  esc_range at = {.begin = f->blk[d->plan.block].lbrace,
                  .end_offset = f->blk[d->plan.block].lbrace.offset};
  ESC_PUSH(*v, *n, *cap, at);
  ESC_PUSH(*v, *n, *cap, site_call(f, d->obj)->d.range);
  refuse_frees(p, d->obj); /* collects the frees again */
  for (unsigned i = 0; i < p->frees.n; i++)
    ESC_PUSH(*v, *n, *cap, f->calls[f->frees[p->frees.v[i]].call].d.range);
}

static bool ranges_overlap(const esc_range *a, unsigned na, const esc_range *b,
                           unsigned nb, bool same) {
  for (unsigned i = 0; i < na; i++)
    for (unsigned j = same ? i + 1 : 0; j < nb; j++)
      if (overlaps(&a[i], &b[j]))
        return true;
  return false;
}

static void unpromote(planner *p, esc_decision *d, const char *why) {
  d->plan.promoted = false;
  d->plan.refusal = why;
  p->used -= site_call(p->f, d->obj)->d.size;
}

/* Any two edits of the promotions of f that overlap (free(memcpy(malloc(n),
 * ...)), an allocation inside another block's free, a declaration point
 * inside a call) cannot both be applied: refuse every promotion involved.
 * Refusing only removes edits, so one pass over the pairs suffices. */
static void refuse_overlaps(planner *p, esc_decisions *ds) {
  esc_range *a = NULL, *b = NULL;
  unsigned na = 0, capa = 0, nb = 0, capb = 0;
  for (unsigned i = 0; i < ds->n; i++) {
    esc_decision *di = &ds->v[i];
    if (!candidate(di) || !di->plan.promoted)
      continue;
    edit_ranges(p, di, &a, &na, &capa);
    if (ranges_overlap(a, na, a, na, true)) {
      unpromote(p, di, NP_OVERLAP);
      continue;
    }
    for (unsigned j = i + 1; j < ds->n && di->plan.promoted; j++) {
      esc_decision *dj = &ds->v[j];
      if (!candidate(dj) || !dj->plan.promoted)
        continue;
      edit_ranges(p, dj, &b, &nb, &capb);
      if (ranges_overlap(a, na, b, nb, false)) {
        unpromote(p, di, NP_OVERLAP);
        unpromote(p, dj, NP_OVERLAP);
      }
    }
  }
  esc_mem_free(a);
  esc_mem_free(b);
}


void esc_plan_rewrites(esc_fn *f, esc_decisions *ds) {
  /* Storage that earlier --fix runs declared in f counts against the
   * budget, and new names continue after theirs (escan.h). */
  planner p = {.f = f,
               .used = f->d.existing_storage_bytes > 0
                           ? f->d.existing_storage_bytes
                           : 0,
               .counter = f->d.first_storage_id};
  for (unsigned i = 0; i < ds->n; i++) {
    esc_decision *d = &ds->v[i];
    if (!candidate(d))
      continue;
    if (!p.rev)
      p.rev = reverse_pts(f);
    plan_one(&p, d);
  }
  refuse_overlaps(&p, ds);
  for (unsigned i = 0; i < ds->n; i++) /* numbered once the set is final */
    if (candidate(&ds->v[i]) && ds->v[i].plan.promoted)
      ds->v[i].plan.slot = p.counter++;
  int32_t *own = owners(f, ds);
  for (unsigned i = 0; i < ds->n; i++)
    if (candidate(&ds->v[i]) && ds->v[i].plan.promoted)
      plan_fixes(&p, ds, &ds->v[i], own[ds->v[i].plan.block] == (int32_t)i);
  esc_mem_free(own);
  if (p.rev)
    for (unsigned n = 0; n < f->nobj; n++)
      esc_mem_free(p.rev[n].v);
  esc_mem_free(p.rev);
  esc_mem_free(p.frees.v);
}
