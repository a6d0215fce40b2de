/*
 * call.c — calls, instantiated in the caller's graph at solve time.
 *
 * The adapter records each call as it is (esc_call); here it becomes
 * constraints, heap sites and free events, from the first source that
 * knows the callee:
 *   1. a function defined in this module: its summary (summary.c), the
 *      current iterate for callees in the caller's own recursive component
 *      (a weak definition is unknown: another body may replace it);
 *   2. a configured allocator or deallocator name (esc_add_allocator);
 *   3. a summary read from another translation unit (sidecar.c);
 *   4. the standard-library table (libc.c);
 *   5. a declaration's attributes: malloc makes a heap site, noescape
 *      keeps an argument home;
 *   6. otherwise unknown (escape-model §5.3): every pointer argument is
 *      copied into the sink of unknown code and the result points to
 *      UNKNOWN (graph.c says why these are two objects).
 *
 * Applying a summary maps each interface object X to a node whose pts are
 * the caller's objects for X: C(i,1) is argument i, C(i,k+1) a load of
 * C(i,k) (one per node loaded through, shared by all the function's calls),
 * a static its address, a fresh object a new heap site named after the
 * call. An edge X ∋ Y becomes store(node(X), node(Y)), or a copy into the
 * result, the static, UNKNOWN or EXTERN when X is one of those. Constraints
 * that repeat one added before are dropped.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* The constraints a call adds share its where (esc_call registered it). */
static esc_tag call_note(const esc_callrec *c, esc_reason why) {
  return (esc_tag){.where = c->where, .why = (uint8_t)why};
}

static esc_node arg(const esc_callrec *c, int i) {
  return i >= 0 && (unsigned)i < c->d.nargs ? c->d.args[i] : ESC_NONE;
}

static esc_node temp(esc_fn *f, const esc_callrec *c) {
  return esc_temp(f, c->d.block);
}

/* A new heap site for call ci; its name is the call's text. */
static esc_node new_site(esc_fn *f, int32_t ci, esc_site_kind kind) {
  const esc_callrec *c = &f->calls[ci];
  esc_node h = esc_new_obj(f, ESC_OBJ_HEAP, c->d.text, c->d.pos, c->d.block);
  f->obj[h].size = c->d.size;
  f->obj[h].site = (int32_t)f->nsites;
  esc_site s = {.node = h, .call = ci, .kind = (uint8_t)kind};
  ESC_PUSH(f->sites, f->nsites, f->capsites, s);
  return h;
}

static void add_free(esc_fn *f, int32_t ci, esc_node ptr, esc_free_kind k) {
  if (ptr == ESC_NONE)
    return;
  esc_free e = {.call = ci, .ptr = ptr, .kind = (uint8_t)k};
  ESC_PUSH(f->frees, f->nfrees, f->capfrees, e);
}

/* r = <new heap site> */
static void allocate(esc_fn *f, int32_t ci, esc_site_kind kind) {
  esc_node h = new_site(f, ci, kind);
  esc_tag n = call_note(&f->calls[ci], ESC_R_CALL_RESULT);
  esc_con_add(f, ESC_ADDR, f->calls[ci].d.result, h, n);
}

/* Pointer arguments escape to unknown code (the sink), except noescape ones
 * and those below `from`; the result points to UNKNOWN when `result` is
 * set. */
static void unknown_call(esc_fn *f, int32_t ci, unsigned from,
                         uint64_t noescape, bool result) {
  const esc_callrec *c = &f->calls[ci];
  esc_tag n = call_note(c, ESC_R_UNKNOWN_CALL);
  for (unsigned i = from; i < c->d.nargs; i++)
    if (c->d.args[i] != ESC_NONE && !(i < 64 && (noescape >> i & 1)))
      esc_con_add(f, ESC_COPY, esc_sink(f), c->d.args[i], n);
  if (result && c->d.result != ESC_NONE)
    esc_con_add(f, ESC_ADDR, c->d.result, esc_unknown(f), n);
}

/* ---- the standard library ---------------------------------------------- */

static void libc_alloc(esc_fn *f, int32_t ci, const esc_libc *e) {
  const esc_callrec *c = &f->calls[ci];
  esc_tag n = call_note(c, ESC_R_CALL_RESULT);
  esc_node a0 = arg(c, 0);
  if (e->kind == ESC_LIBC_ALLOC) {
    allocate(f, ci, (esc_site_kind)e->site);
  } else if (e->kind == ESC_LIBC_REALLOC) {
    add_free(f, ci, a0, ESC_FREE_REALLOC);
    esc_node h = new_site(f, ci, ESC_SITE_OTHER), t = temp(f, c);
    esc_con_add(f, ESC_ADDR, c->d.result, h, n);
    esc_tag mc = call_note(c, ESC_R_MEMCPY);
    esc_con_add(f, ESC_LOAD, t, a0,
                mc); /* the new block keeps the old contents */
    esc_con_add(f, ESC_COPY, h, t, mc);
  } else { /* posix_memalign(&p, ...): *arg0 = new site */
    esc_node h = new_site(f, ci, ESC_SITE_OTHER), t = temp(f, c);
    esc_con_add(f, ESC_ADDR, t, h, n);
    esc_tag st = call_note(c, ESC_R_STORE);
    esc_con_add(f, ESC_STORE, a0, t, st);
  }
}

static void libc_call(esc_fn *f, int32_t ci, const esc_libc *e) {
  const esc_callrec *c = &f->calls[ci];
  esc_node r = c->d.result, t;
  esc_tag mc = call_note(c, ESC_R_MEMCPY), cr = call_note(c, ESC_R_CALL_RESULT);
  esc_tag st = call_note(c, ESC_R_STORE);
  switch ((esc_libc_kind)e->kind) {
  case ESC_LIBC_ALLOC:
  case ESC_LIBC_REALLOC:
  case ESC_LIBC_MEMALIGN:
    libc_alloc(f, ci, e);
    break;
  case ESC_LIBC_FREE:
    add_free(f, ci, arg(c, 0), ESC_FREE_LIBC);
    break;
  case ESC_LIBC_COPY: /* *d ⊇ *s, result = d */
    t = temp(f, c);
    esc_con_add(f, ESC_LOAD, t, arg(c, 1), mc);
    esc_con_add(f, ESC_STORE, arg(c, 0), t, mc);
    esc_con_add(f, ESC_COPY, r, arg(c, 0), cr);
    break;
  case ESC_LIBC_KEEP_ARG: /* strtok's hidden state outlives the frame */
    mc = call_note(c, ESC_R_UNKNOWN_CALL);
    esc_con_add(f, ESC_COPY, esc_sink(f), arg(c, e->arg), mc);
    esc_con_add(f, ESC_COPY, r, arg(c, e->arg), cr);
    break;
  case ESC_LIBC_RET_ARG:
    esc_con_add(f, ESC_COPY, r, arg(c, e->arg), cr);
    break;
  case ESC_LIBC_ESCAPE:
    t = esc_sink(f);
    mc = call_note(c, ESC_R_UNKNOWN_CALL);
    esc_con_add(f, ESC_COPY, t, arg(c, e->arg), mc);
    break;
  case ESC_LIBC_CALLBACK: /* the comparator may keep what it is given */
    mc = call_note(c, ESC_R_UNKNOWN_CALL);
    for (unsigned i = 0; i < c->d.nargs; i++)
      if (c->d.args[i] != ESC_NONE)
        esc_con_add(f, ESC_COPY, esc_sink(f), c->d.args[i], mc);
    if (e->arg >= 0)
      esc_con_add(f, ESC_COPY, r, arg(c, e->arg), cr);
    break;
  case ESC_LIBC_ENDPTR: /* *endptr = nptr */
    esc_con_add(f, ESC_STORE, arg(c, 1), arg(c, 0), st);
    break;
  case ESC_LIBC_STRTOK_R: /* *saveptr = s; result = *saveptr */
    esc_con_add(f, ESC_STORE, arg(c, 2), arg(c, 0), st);
    t = temp(f, c);
    esc_con_add(f, ESC_LOAD, t, arg(c, 2), cr);
    esc_con_add(f, ESC_COPY, r, t, cr);
    break;
  case ESC_LIBC_SETJMP:
    f->calls_setjmp = true;
    break;
  case ESC_LIBC_NOTHING:
    break;
  default:
    esc_fatal("bad libc kind %d for '%s'", e->kind, e->name);
  }
}

/* ---- summaries ---------------------------------------------------------- */

/* What the calls of one function share while they are instantiated. */
typedef struct calls_pass {
  esc_node *load; /* node p -> the temporary holding *p, or ESC_NONE */
  unsigned capload;
} calls_pass;

typedef struct inst {
  esc_fn *f;
  calls_pass *pass;
  int32_t ci;
  const esc_summary *s;
  bool one_fresh; /* recursive call: all fresh objects share one site */
  esc_node *mem;  /* C(i,k) -> node, [i * ESC_DEPTH + k - 1] */
  esc_node *fresh;
  esc_node *memo; /* apply_edge's nodes per object rank */
  esc_node shared_fresh;
  esc_node unknown_t, extern_t; /* temps holding &UNKNOWN, &EXTERN */
  esc_pmap statics;             /* name -> temp holding &static */
} inst;

static esc_node addr_temp(inst *in, esc_node obj) {
  const esc_callrec *c = &in->f->calls[in->ci];
  esc_node t = temp(in->f, c);
  esc_tag n = call_note(c, ESC_R_SUMMARY);
  esc_con_add(in->f, ESC_ADDR, t, obj, n);
  return t;
}

/* The temporary holding *p. Every call of the pass that reads caller
 * memory through p shares it: a load is flow-insensitive, so its set is
 * the same at each call, and the summary edges over it then repeat
 * exactly (esc_con_dedupe drops them). SQLite's parser passes pParse to
 * hundreds of calls: a quarter of the constraints that calls added were
 * such repeats. The temporary's block is the innermost one enclosing every
 * call that uses it, as rewrite.c's storage blocks need. */
static esc_node load_of(inst *in, esc_node p) {
  calls_pass *ps = in->pass;
  const esc_callrec *c = &in->f->calls[in->ci];
  if ((unsigned)p < ps->capload && ps->load[p] != ESC_NONE) {
    esc_obj *t = &in->f->obj[ps->load[p]];
    t->block = esc_block_common(in->f, t->block, c->d.block);
    return ps->load[p];
  }
  esc_node t = temp(in->f, c);
  esc_con_add(in->f, ESC_LOAD, t, p, call_note(c, ESC_R_SUMMARY));
  if ((unsigned)p >= ps->capload) {
    unsigned had = ps->capload;
    esc_grow(&ps->load, &ps->capload, sizeof *ps->load, (unsigned)p + 1);
    for (unsigned i = had; i < ps->capload; i++)
      ps->load[i] = ESC_NONE;
  }
  return ps->load[p] = t;
}

static esc_node caller_mem(inst *in, int32_t i, int32_t k) {
  if (i < 0 || (unsigned)i >= in->s->nparams || k < 1 || k > ESC_DEPTH)
    esc_fatal("bad caller memory C(%d,%d) in summary of '%s'", i, k, in->s->fn);
  esc_node *slot = &in->mem[i * ESC_DEPTH + k - 1];
  if (k == 1)
    return arg(&in->f->calls[in->ci], i);
  if (*slot != ESC_NONE)
    return *slot;
  esc_node below = caller_mem(in, i, k - 1);
  if (below == ESC_NONE)
    return ESC_NONE;
  return *slot = load_of(in, below);
}

static esc_node *node_array(unsigned n, esc_node fill) {
  esc_node *v = esc_mem_alloc((n ? n : 1) * sizeof *v);
  if (!v)
    esc_fatal("out of memory");
  for (unsigned i = 0; i < n; i++)
    v[i] = fill;
  return v;
}

static esc_node fresh(inst *in, int32_t j) {
  if (j < 0 || (unsigned)j >= in->s->nfresh)
    esc_fatal("bad fresh object %d in summary of '%s'", j, in->s->fn);
  esc_node *slot = in->one_fresh ? &in->shared_fresh : &in->fresh[j];
  if (*slot == ESC_NONE)
    *slot = addr_temp(in, new_site(in->f, in->ci, ESC_SITE_WRAPPER));
  return *slot;
}

static esc_node static_temp(inst *in, const char *name) {
  int32_t t = esc_pmap_get(&in->statics, name);
  if (t < 0) {
    esc_pos at = in->f->calls[in->ci].d.pos;
    t = addr_temp(in, esc_global_interned(in->f, name, at));
    esc_pmap_put(&in->statics, name, t);
  }
  return t;
}

/* The node whose pts are the caller's objects for interface object x;
 * one per object and call. */
static esc_node node_of(inst *in, const esc_iobj *x) {
  switch ((esc_ikind)x->kind) {
  case ESC_I_CALLER:
    return caller_mem(in, x->a, x->b);
  case ESC_I_STATIC:
    return static_temp(in, x->name);
  case ESC_I_UNKNOWN:
    if (in->unknown_t == ESC_NONE)
      in->unknown_t = addr_temp(in, esc_unknown(in->f));
    return in->unknown_t;
  case ESC_I_EXTERN:
    if (in->extern_t == ESC_NONE)
      in->extern_t = addr_temp(in, esc_extern_mem(in->f));
    return in->extern_t;
  case ESC_I_FRESH:
    return fresh(in, x->a);
  default:
    esc_fatal("bad interface object kind %d", x->kind);
  }
}

/* An edge X ∋ Y copies Y into X when X is the result, a static, UNKNOWN or
 * EXTERN; otherwise it stores Y into the pointees of X's node. */
static bool copies_into(const esc_iobj *x) {
  return x->kind == ESC_I_RESULT || x->kind == ESC_I_STATIC ||
         x->kind == ESC_I_UNKNOWN || x->kind == ESC_I_EXTERN;
}

/* The node that edge X ∋ Y writes (copies_into says how). */
static esc_node target_of(inst *in, const esc_iobj *x) {
  const esc_callrec *c = &in->f->calls[in->ci];
  if (!copies_into(x))
    return node_of(in, x);
  switch ((esc_ikind)x->kind) {
  case ESC_I_RESULT:
    return c->d.result;
  case ESC_I_STATIC:
    return esc_global_interned(in->f, x->name, c->d.pos);
  case ESC_I_UNKNOWN:
    return esc_sink(in->f); /* the callee gave Y to unknown code */
  default:
    return esc_extern_mem(in->f);
  }
}

/* Node of the object ranked r, looked up once per call: as Y in memo[r],
 * as X in memo[nobjs + r]. ESC_UNSET: not yet (ESC_NONE is an answer). */
#define ESC_UNSET ((esc_node)-2)

static esc_node first_lookup(inst *in, uint32_t r, bool as_x) {
  esc_node n =
      as_x ? target_of(in, &in->s->objs[r]) : node_of(in, &in->s->objs[r]);
  return in->memo[as_x * in->s->nobjs + r] = n;
}

static inline esc_node memo_node(inst *in, uint32_t r, bool as_x) {
  esc_node n = in->memo[as_x * in->s->nobjs + r];
  return n != ESC_UNSET ? n : first_lookup(in, r, as_x);
}

/* Edge i: Y's node first, then X's, as their objects first appear. */
static void apply_edge(inst *in, unsigned i) {
  const esc_callrec *c = &in->f->calls[in->ci];
  uint32_t xr = (uint32_t)(in->s->pairs[i] >> 32),
           yr = (uint32_t)in->s->pairs[i];
  esc_node y = memo_node(in, yr, false), x = memo_node(in, xr, true);
  esc_op op = copies_into(&in->s->objs[xr]) ? ESC_COPY : ESC_STORE;
  esc_con_add(in->f, op, x, y, call_note(c, ESC_R_SUMMARY));
}

static void apply_summary(esc_fn *f, calls_pass *pass, int32_t ci,
                          const esc_summary *s, bool one_fresh) {
  if (s->unknown) {
    unknown_call(f, ci, 0, 0, true);
    return;
  }
  inst in = {.f = f,
             .pass = pass,
             .ci = ci,
             .s = s,
             .one_fresh = one_fresh,
             .mem = node_array(s->nparams * ESC_DEPTH, ESC_NONE),
             .fresh = node_array(s->nfresh, ESC_NONE),
             .memo = node_array(2 * s->nobjs, ESC_UNSET),
             .shared_fresh = ESC_NONE,
             .unknown_t = ESC_NONE,
             .extern_t = ESC_NONE};
  for (unsigned i = 0; i < s->nedges; i++)
    apply_edge(&in, i);
  for (unsigned i = 0; i < s->nfrees_; i++)
    add_free(f, ci, node_of(&in, &s->frees[i]), ESC_FREE_OTHER);
  /* Arguments the summary does not describe (variadic) are unknown. */
  unknown_call(f, ci, s->nparams, 0, false);
  esc_mem_free(in.mem);
  esc_mem_free(in.fresh);
  esc_mem_free(in.memo);
  esc_pmap_free(&in.statics);
}

/* ---- dispatch ----------------------------------------------------------- */

static bool configured(esc_fn *f, int32_t ci) {
  esc_module *m = f->m;
  const char *name = f->calls[ci].d.callee;
  if (esc_pmap_get(&m->allocators, name) >= 0) {
    allocate(f, ci, ESC_SITE_WRAPPER);
    unknown_call(f, ci, 0, 0, false);
    return true;
  }
  if (esc_pmap_get(&m->deallocators, name) >= 0) {
    add_free(f, ci, arg(&f->calls[ci], 0), ESC_FREE_OTHER);
    unknown_call(f, ci, 1, 0, false);
    return true;
  }
  return false;
}

static void declared(esc_fn *f, int32_t ci) {
  esc_module *m = f->m;
  int32_t di = esc_pmap_get(&m->decl_by_name, f->calls[ci].d.callee);
  esc_decl d = di >= 0 ? m->decls[di] : (esc_decl){0};
  if (d.is_malloc)
    allocate(f, ci, ESC_SITE_WRAPPER);
  unknown_call(f, ci, 0, d.noescape, !d.is_malloc);
}

static void instantiate(esc_fn *f, calls_pass *pass, int32_t ci) {
  esc_module *m = f->m;
  const char *name = f->calls[ci].d.callee;
  if (!name) {
    unknown_call(f, ci, 0, 0, true);
    return;
  }
  int32_t fi = esc_pmap_get(&m->fn_by_name, name);
  if (fi >= 0 && m->fns[fi]->d.is_weak) {
    unknown_call(f, ci, 0, 0, true); /* the linker may pick another body */
    return;
  }
  if (fi >= 0) {
    const esc_fn *g = m->fns[fi];
    if (!g->summary)
      esc_fatal("callee '%s' of '%s' has no summary yet", name, f->d.name);
    apply_summary(f, pass, ci, g->summary, g->scc == f->scc);
    return;
  }
  if (configured(f, ci))
    return;
  int32_t xi = esc_pmap_get(&m->ext_by_name, name);
  const esc_libc *e = esc_libc_find(name);
  if (xi >= 0)
    apply_summary(f, pass, ci, m->ext[xi], false);
  else if (e)
    libc_call(f, ci, e);
  else
    declared(f, ci);
}

void esc_calls_instantiate(esc_fn *f) {
  calls_pass pass = {0};
  unsigned from = f->ncon;
  for (unsigned i = 0; i < f->ncalls; i++)
    instantiate(f, &pass, (int32_t)i);
  esc_mem_free(pass.load);
  esc_con_dedupe(f, from);
}
