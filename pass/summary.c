/*
 * summary.c — a function's summary: its solved points-to graph restricted
 * to its interface (docs/design.md "Calls and summaries").
 *
 * Interface objects: caller memory C(i,k), ~r0, statics by name, UNKNOWN,
 * EXTERN, and fresh objects — heap sites reachable from ~r0 or caller
 * memory but from no global or unknown root; each becomes a new heap site
 * per call site in the caller. Everything else the interface reaches is
 * folded conservatively: a heap site that globals reach is EXTERN, and any
 * other object (a stack object of the callee, a heap site unknown code
 * reaches) is UNKNOWN, its contents included — the callee reports its own
 * dangling pointers, callers only need to know what may escape.
 *
 * Example:  int *id(int *p) { return p; }   gives the single edge
 * ~r0 ∋ C(0,1), printed as "leaking param: p to result ~r0 level=0".
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* At most this many statics keep their names in a summary; beyond it they
 * fold into EXTERN (one global memory). Names give callers "escapes to
 * global 'g'", but a large function whose statics all hold each other's
 * contents would otherwise export thousands of edges per call. */
#define ESC_NAMED_STATICS 8

static int cmp_iobj(const esc_iobj *a, const esc_iobj *b) {
  if (a->kind != b->kind)
    return a->kind < b->kind ? -1 : 1;
  if (a->a != b->a)
    return a->a < b->a ? -1 : 1;
  if (a->b != b->b)
    return a->b < b->b ? -1 : 1;
  if (a->name == b->name)
    return 0;
  return strcmp(a->name ? a->name : "", b->name ? b->name : "");
}

/* ---- normalizing ----------------------------------------------------------
 *
 * Summaries are sorted so that they compare with one walk and apply in the
 * same order every time. A run of SQLite sorts 230,000 edges over few
 * distinct objects (caller memory, a handful of statics), so the objects
 * are ranked once and the edges sort as pairs of ranks. */

typedef struct ranking {
  esc_iobj *objs; /* distinct objects, sorted once ranked */
  unsigned n, cap;
  int32_t *slot;     /* hash of objects: index into objs + 1, 0 if free */
  unsigned nslots;   /* a power of two, over twice n */
  uint32_t *rank_of; /* index into objs (as first seen) -> rank */
} ranking;

/* Statics are interned, so a name is equal exactly when its pointer is. */
static bool same_iobj(const esc_iobj *a, const esc_iobj *b) {
  return a->kind == b->kind && a->a == b->a && a->b == b->b &&
         a->name == b->name;
}

static size_t iobj_hash(const esc_iobj *o) {
  uint64_t h = (uint64_t)(uintptr_t)o->name ^ (uint64_t)o->kind << 56 ^
               (uint64_t)(uint32_t)o->a << 16 ^ (uint16_t)o->b;
  return (size_t)(h * 0x9e3779b97f4a7c15ull >> 32);
}

static int32_t *find_slot(ranking *r, const esc_iobj *o) {
  size_t j = iobj_hash(o) & (r->nslots - 1);
  while (r->slot[j] && !same_iobj(&r->objs[r->slot[j] - 1], o))
    j = (j + 1) & (r->nslots - 1);
  return &r->slot[j];
}

static void rehash(ranking *r) {
  esc_mem_free(r->slot);
  r->nslots = r->nslots ? 2 * r->nslots : 64;
  if (!(r->slot = esc_mem_calloc(r->nslots, sizeof *r->slot)))
    esc_fatal("out of memory");
  for (unsigned i = 0; i < r->n; i++)
    *find_slot(r, &r->objs[i]) = (int32_t)i + 1;
}

/* The index of o among the distinct objects, added when new. */
static uint32_t index_of(ranking *r, const esc_iobj *o) {
  if (2 * (r->n + 1) > r->nslots)
    rehash(r);
  int32_t *slot = find_slot(r, o);
  if (!*slot) {
    ESC_PUSH(r->objs, r->n, r->cap, *o);
    *slot = (int32_t)r->n;
  }
  return (uint32_t)*slot - 1;
}

typedef struct ranked {
  esc_iobj o;
  uint32_t first; /* its index as first seen */
} ranked;

static int cmp_ranked(const void *a, const void *b) {
  return cmp_iobj(&((const ranked *)a)->o, &((const ranked *)b)->o);
}

/* Sorts the distinct objects and fills rank_of. */
static void rank(ranking *r) {
  ranked *v = esc_mem_alloc((r->n + 1) * sizeof *v);
  r->rank_of = esc_mem_alloc((r->n + 1) * sizeof *r->rank_of);
  if (!v || !r->rank_of)
    esc_fatal("out of memory");
  for (unsigned i = 0; i < r->n; i++)
    v[i] = (ranked){r->objs[i], i};
  qsort(v, r->n, sizeof *v, cmp_ranked);
  for (unsigned k = 0; k < r->n; k++) {
    r->rank_of[v[k].first] = k;
    r->objs[k] = v[k].o;
  }
  esc_mem_free(v);
}

/* One stable counting sort of keys by their rank at shift. */
static void counting_pass(const uint64_t *in, uint64_t *out, unsigned n,
                          unsigned *count, unsigned nranks, unsigned shift) {
  memset(count, 0, (nranks + 1) * sizeof *count);
  for (unsigned i = 0; i < n; i++)
    count[(uint32_t)(in[i] >> shift) + 1]++;
  for (unsigned r = 0; r < nranks; r++)
    count[r + 1] += count[r];
  for (unsigned i = 0; i < n; i++)
    out[count[(uint32_t)(in[i] >> shift)]++] = in[i];
}

/* Keys (pairs of ranks below nranks) sorted, repeats dropped; returns how
 * many remain. The ranks are few, so two counting sorts, by the low rank
 * and then by the high one, beat a comparison sort (a third of the time
 * summaries took on SQLite was qsort's). */
static unsigned sort_unique(uint64_t *keys, unsigned n, unsigned nranks) {
  uint64_t *tmp = esc_mem_alloc((n + 1) * sizeof *tmp);
  unsigned *count = esc_mem_alloc((nranks + 1) * sizeof *count);
  if (!tmp || !count)
    esc_fatal("out of memory");
  counting_pass(keys, tmp, n, count, nranks, 0);
  counting_pass(tmp, keys, n, count, nranks, 32);
  esc_mem_free(tmp), esc_mem_free(count);
  unsigned k = 0;
  for (unsigned i = 0; i < n; i++)
    if (!k || keys[k - 1] != keys[i])
      keys[k++] = keys[i];
  return k;
}

/* Makes keys s's edges and frees: keys[0, ne) pairs of indices in r,
 * keys[ne, ne + nf) indices of freed objects. Ranks r's objects (every one
 * used by a key), sorts and drops repeats; s owns keys and r's objects. */
static void take_keys(esc_summary *s, ranking *r, uint64_t *keys, unsigned ne,
                      unsigned nf) {
  rank(r);
  for (unsigned i = 0; i < ne; i++)
    keys[i] = (uint64_t)r->rank_of[keys[i] >> 32] << 32 |
              r->rank_of[(uint32_t)keys[i]];
  for (unsigned i = ne; i < ne + nf; i++)
    keys[i] = r->rank_of[keys[i]];
  uint64_t *frees = keys + ne;
  nf = sort_unique(frees, nf, r->n);
  esc_iobj *fr = esc_mem_alloc((nf + 1) * sizeof *fr);
  if (!fr)
    esc_fatal("out of memory");
  for (unsigned i = 0; i < nf; i++)
    fr[i] = r->objs[frees[i]];
  esc_mem_free(s->frees);
  s->frees = fr, s->nfrees_ = s->capfrees_ = nf;
  s->nedges = sort_unique(keys, ne, r->n);
  esc_mem_free(s->pairs), esc_mem_free(s->objs), esc_mem_free(s->added);
  s->pairs = keys, s->objs = r->objs, s->nobjs = r->n;
  s->added = NULL, s->nadded = s->capadded = 0;
  esc_mem_free(r->slot), esc_mem_free(r->rank_of);
  /* Summaries live until the module is freed. */
  unsigned cap; /* set by esc_shrink: pairs never grow again */
  esc_shrink(&s->pairs, &cap, sizeof *s->pairs, s->nedges);
  esc_shrink(&s->objs, &r->cap, sizeof *s->objs, s->nobjs);
  esc_shrink(&s->frees, &s->capfrees_, sizeof *s->frees, s->nfrees_);
}

/* ---- extracting --------------------------------------------------------- *
 *
 * Each node is mapped to its interface object once, and the edges collect
 * as pairs of the objects' indices: a smeared function's summary repeats a
 * few objects over thousands of edges. */

typedef struct extract {
  esc_fn *f;
  esc_summary *s;
  int32_t *fresh;     /* node -> fresh index, -1 */
  bool named_statics; /* statics keep their names */
  ranking r;          /* the interface objects, as first mapped */
  int32_t *index;     /* node -> its object's index in r, -1 */
  uint64_t *keys;     /* edges as index pairs, then freed objects' indices */
  unsigned nkeys, capkeys, nedges;
} extract;

static esc_iobj iobj(esc_ikind k, int32_t a, int32_t b, const char *name) {
  return (esc_iobj){.kind = (uint8_t)k, .a = a, .b = (int16_t)b, .name = name};
}

static esc_iobj heap_iobj(extract *x, esc_node n) {
  uint8_t c = x->f->cls[n];
  if (c & ESC_CLS_GLOBAL)
    return iobj(ESC_I_EXTERN, 0, 0, NULL);
  if (c & ESC_CLS_UNKNOWN)
    return iobj(ESC_I_UNKNOWN, 0, 0, NULL);
  if (x->fresh[n] < 0)
    x->fresh[n] = (int32_t)x->s->nfresh++;
  return iobj(ESC_I_FRESH, x->fresh[n], 0, NULL);
}

/* The interface object that node n stands for in the caller. */
static esc_iobj map(extract *x, esc_node n) {
  const esc_obj *o = &x->f->obj[n];
  switch (o->kind) {
  case ESC_OBJ_CALLER:
    return iobj(ESC_I_CALLER, o->param, o->level, NULL);
  case ESC_OBJ_STATIC:
    if (x->named_statics)
      return iobj(ESC_I_STATIC, 0, 0, o->name);
    return iobj(ESC_I_EXTERN, 0, 0, NULL);
  case ESC_OBJ_STRING:
  case ESC_OBJ_FUNCTION:
  case ESC_OBJ_EXTERN:
    return iobj(ESC_I_EXTERN, 0, 0, NULL);
  case ESC_OBJ_RESULT:
    return iobj(ESC_I_RESULT, 0, 0, NULL);
  case ESC_OBJ_HEAP:
    return heap_iobj(x, n);
  default:
    return iobj(ESC_I_UNKNOWN, 0, 0, NULL);
  }
}

/* Edges every caller already has: UNKNOWN ∋ UNKNOWN, EXTERN; statics and
 * EXTERN ∋ EXTERN; C(i,k) ∋ C(i,k+1) and C(i,K) ∋ C(i,K). */
static bool implicit(const esc_iobj *a, const esc_iobj *b) {
  if (b->kind == ESC_I_EXTERN)
    return a->kind == ESC_I_UNKNOWN || a->kind == ESC_I_EXTERN ||
           a->kind == ESC_I_STATIC;
  if (a->kind == ESC_I_UNKNOWN && b->kind == ESC_I_UNKNOWN)
    return true;
  return a->kind == ESC_I_CALLER && b->kind == ESC_I_CALLER && a->a == b->a &&
         (b->b == a->b + 1 || (a->b == ESC_DEPTH && b->b == ESC_DEPTH));
}

/* Nodes whose contents the caller can observe: roots and every object
 * reachable from one. */
static bool observable(const esc_fn *f, esc_node n) {
  return esc_root_class(f, n) || f->cls[n];
}

static uint32_t index_of_node(extract *x, esc_node n) {
  if (x->index[n] < 0) {
    esc_iobj o = map(x, n);
    x->index[n] = (int32_t)index_of(&x->r, &o);
  }
  return (uint32_t)x->index[n];
}

static void add_key(extract *x, uint64_t k) {
  ESC_PUSH(x->keys, x->nkeys, x->capkeys, k);
}

static void edges_of(extract *x, esc_node n) {
  uint32_t a = index_of_node(x, n), e;
  const esc_set *p = esc_pts(x->f->sol, n);
  ESC_SET_EACH(p, e) {
    uint32_t b = index_of_node(x, esc_pointee_node(x->f->sol, e));
    if (!implicit(&x->r.objs[a], &x->r.objs[b]))
      add_key(x, (uint64_t)a << 32 | b);
  }
}

static void frees_of(extract *x, const esc_free *fr) {
  uint32_t e;
  const esc_set *p = esc_pts(x->f->sol, fr->ptr);
  ESC_SET_EACH(p, e) {
    uint32_t o = index_of_node(x, esc_pointee_node(x->f->sol, e));
    if (x->r.objs[o].kind == ESC_I_CALLER) /* statics: the callee's finding */
      add_key(x, o);
  }
}

/* Objects no key uses go (mapped only for edges every caller has, or
 * for frees of what is not caller memory): r keeps those the keys use,
 * and the keys their new indices. */
static void drop_unused(extract *x) {
  ranking *r = &x->r;
  uint32_t *to = esc_mem_alloc((r->n + 1) * sizeof *to);
  if (!to)
    esc_fatal("out of memory");
  for (unsigned i = 0; i < r->n; i++)
    to[i] = UINT32_MAX;
  for (unsigned i = 0; i < x->nedges; i++)
    to[x->keys[i] >> 32] = to[(uint32_t)x->keys[i]] = 0;
  for (unsigned i = x->nedges; i < x->nkeys; i++)
    to[x->keys[i]] = 0;
  unsigned n = 0;
  for (unsigned i = 0; i < r->n; i++)
    if (to[i] == 0) {
      r->objs[n] = r->objs[i];
      to[i] = n++;
    }
  r->n = n;
  for (unsigned i = 0; i < x->nedges; i++)
    x->keys[i] =
        (uint64_t)to[x->keys[i] >> 32] << 32 | to[(uint32_t)x->keys[i]];
  for (unsigned i = x->nedges; i < x->nkeys; i++)
    x->keys[i] = to[x->keys[i]];
  esc_mem_free(to);
}

/* Does static g hold anything but global memory? */
static bool holds_more(const esc_fn *f, esc_node g) {
  const esc_set *p = esc_pts(f->sol, g);
  uint32_t e;
  ESC_SET_EACH(p, e) {
    if (f->obj[esc_pointee_node(f->sol, e)].kind != ESC_OBJ_EXTERN)
      return true;
  }
  return false;
}

static bool few_statics(const esc_fn *f) {
  unsigned n = 0;
  for (unsigned i = 0; i < f->nobj; i++)
    n += f->obj[i].kind == ESC_OBJ_STATIC && holds_more(f, (esc_node)i);
  return n <= ESC_NAMED_STATICS;
}

esc_summary *esc_summarize(esc_fn *f) {
  esc_summary *s = esc_mem_calloc(1, sizeof *s);
  extract x = {.f = f,
               .s = s,
               .fresh = esc_mem_alloc((f->nobj + 1) * sizeof(int32_t)),
               .index = esc_mem_alloc((f->nobj + 1) * sizeof(int32_t))};
  if (!s || !x.fresh || !x.index)
    esc_fatal("out of memory");
  s->fn = f->d.name;
  s->nparams = f->d.nparams;
  s->is_variadic = f->d.is_variadic;
  for (unsigned i = 0; i < f->nobj; i++)
    x.fresh[i] = x.index[i] = -1;
  x.named_statics = few_statics(f);
  esc_grow(&x.keys, &x.capkeys, sizeof *x.keys, 1); /* never NULL */
  for (unsigned i = 0; i < f->nobj; i++)
    if (observable(f, (esc_node)i))
      edges_of(&x, (esc_node)i);
  x.nedges = x.nkeys;
  for (unsigned i = 0; i < f->nfrees; i++)
    frees_of(&x, &f->frees[i]);
  drop_unused(&x);
  take_keys(s, &x.r, x.keys, x.nedges, x.nkeys - x.nedges);
  esc_mem_free(x.fresh), esc_mem_free(x.index);
  return s;
}

/* ---- the summary type --------------------------------------------------- */

void esc_summary_add_edge(esc_summary *s, esc_iobj x, esc_iobj y) {
  esc_iedge e = {x, y};
  ESC_PUSH(s->added, s->nadded, s->capadded, e);
}

void esc_summary_add_free(esc_summary *s, esc_iobj x) {
  ESC_PUSH(s->frees, s->nfrees_, s->capfrees_, x);
}

static uint64_t pair_key(ranking *r, const esc_iedge *e) {
  return (uint64_t)index_of(r, &e->x) << 32 | index_of(r, &e->y);
}

void esc_summary_normalize(esc_summary *s) {
  ranking r = {0};
  unsigned ne = s->nedges + s->nadded, nf = s->nfrees_;
  uint64_t *keys = esc_mem_alloc((ne + nf + 1) * sizeof *keys);
  if (!keys)
    esc_fatal("out of memory");
  for (unsigned i = 0; i < s->nedges; i++) {
    esc_iedge e = esc_summary_edge(s, i);
    keys[i] = pair_key(&r, &e);
  }
  for (unsigned i = 0; i < s->nadded; i++)
    keys[s->nedges + i] = pair_key(&r, &s->added[i]);
  for (unsigned i = 0; i < nf; i++)
    keys[ne + i] = index_of(&r, &s->frees[i]);
  take_keys(s, &r, keys, ne, nf);
}

/* Normalized summaries: equal edges are equal objects and equal pairs. */
bool esc_summary_equal(const esc_summary *a, const esc_summary *b) {
  if (a->unknown != b->unknown || a->nfresh != b->nfresh ||
      a->nedges != b->nedges || a->nobjs != b->nobjs ||
      a->nfrees_ != b->nfrees_)
    return false;
  for (unsigned i = 0; i < a->nobjs; i++)
    if (cmp_iobj(&a->objs[i], &b->objs[i]))
      return false;
  if (a->nedges && memcmp(a->pairs, b->pairs, a->nedges * sizeof *a->pairs))
    return false;
  for (unsigned i = 0; i < a->nfrees_; i++)
    if (cmp_iobj(&a->frees[i], &b->frees[i]))
      return false;
  return true;
}

void esc_summary_free(esc_summary *s) {
  if (!s)
    return;
  esc_mem_free(s->objs);
  esc_mem_free(s->pairs);
  esc_mem_free(s->added);
  esc_mem_free(s->frees);
  esc_mem_free(s);
}
