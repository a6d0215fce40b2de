/*
 * escape.c — escape analysis for C, after Go's cmd/compile/internal/escape.
 *
 * Goal. Go decides for every allocation whether it may live in the stack
 * frame or must live on the heap, and prints its decisions with -m. C has
 * already decided: the programmer wrote `int x;` or `malloc(16)`. escan
 * compares the placement written with the placement the data flow needs:
 *
 *   written  needs   finding
 *   stack    heap    dangling       the address outlives the frame (error)
 *   heap     stack   heap-to-stack  never escapes, constant small size
 *   heap     stack   leak           ... and never freed either
 *   free(p) where p may be stack or static memory: free-nonheap
 *
 * Guarantees. The two decisions lean in opposite directions on purpose.
 * A heap block is said not to escape only if no root can reach it, unknown
 * code included: a promotion is a rewrite and must never miscompile. A
 * stack address is said to dangle only when a global, the return value or
 * the caller's memory reaches it; unknown callees (read, qsort, callbacks)
 * are trusted to keep nothing, because C passes stack addresses to them all
 * the time. -m=2 says when a stack object only "may escape".
 *
 * The graph. One per function. Every node is an abstract object (locals,
 * parameters, compound literals, alloca, VLAs, heap sites, statics, string
 * literals, caller memory C(i,k) = *p, **p, ..., UNKNOWN, EXTERN = global
 * memory, ~r0, temporaries); a variable's node holds its contents, so
 * pts(p) is the set of objects p may point to. Constraints are Andersen's:
 *
 *   C source   constraint                          example effect
 *   p = &x     pts(p) ⊇ {x}                        pts(p) = {x}
 *   p = q      pts(p) ⊇ pts(q)                     p points where q does
 *   p = *q     pts(p) ⊇ pts(o) for o ∈ pts(q)      loads through q
 *   *p = q     pts(o) ⊇ pts(q) for o ∈ pts(p)      stores into p's targets
 *
 * Unlike Go, a store goes into the objects the pointer may point to, not
 * straight to "the heap": `init(&ctx)`, `s = malloc(..); s->p = &x` and
 * out-parameters of locals stay precise.
 *
 * Escape. Roots: statics and EXTERN (class global), ~r0 (return), C(i,k)
 * (caller), UNKNOWN and the sink of unknown calls' arguments (unknown). An
 * object's classes are those of the roots that reach it along points-to
 * edges (classes.c; walks of the other classes stop at UNKNOWN); decisions
 * follow from them (place.c). Stores the adapter proved temporary
 * (esc_store_undone) count for everything but dangling pointers.
 *
 * Coarse on purpose. Flow-insensitive (a store anywhere counts everywhere),
 * field-insensitive (a struct or array is one object), caller memory cut at
 * depth K = 4 (C(i,4) stands for every deeper level), one heap object per
 * allocating call. Each coarsening only adds flows: it can make a heap
 * block escape that does not, never the other way round.
 *
 * Across calls. Functions are solved callees first, one strongly connected
 * component of the call graph at a time; recursive components start from
 * empty summaries, and a member is re-solved whenever the summary of a
 * member it calls changes, until none does (after ESC_MAX_ROUNDS solves
 * per member on average they give up and become unknown). A summary is the
 * solved graph restricted to the interface (summary.c); a call applies it
 * in the caller (call.c). Summaries also cross translation units through a
 * text sidecar (sidecar.c), and they yield Go's parameter tags (params.c).
 *
 * This file drives the pipeline: call graph, components, then per function
 * solve → classify → summarize, and once a component is final: parameter
 * lines, decisions, rewrite plans and records.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define ESC_MAX_ROUNDS 32

/* Replaces f's solution (and classes) by a fresh solve. */
static void resolve(esc_fn *f, bool without_undone) {
  esc_explain_done(f);
  esc_solution_free(f->sol);
  f->sol = esc_solve(f, without_undone);
  esc_classify(f);
}

static void solve_fn(esc_fn *f) {
  esc_graph_reset(f);
  esc_calls_instantiate(f);
  resolve(f, false);
}

/* Decisions of one kind (esc_place's `what`) with the current solution. */
static void decide(esc_fn *f, unsigned what) {
  esc_decisions ds = {0};
  esc_place(f, what, &ds);
  esc_plan_rewrites(f, &ds);
  esc_report(f, &ds);
  esc_decisions_free(&ds);
}

/* Decisions and records of a function whose summary is final. Stack
 * objects are judged without undone stores, which takes a second solve
 * when there are any. */
static void finish_fn(esc_fn *f) {
  esc_param_lines(f);
  if (f->has_undone) {
    decide(f, ESC_PLACE_HEAP);
    resolve(f, true);
    decide(f, ESC_PLACE_STACK);
  } else {
    decide(f, ESC_PLACE_HEAP | ESC_PLACE_STACK);
  }
  esc_explain_done(f);
  esc_solution_free(f->sol);
  f->sol = NULL;
  free(f->cls);
  f->cls = NULL;
  esc_graph_release(f);
}

/* Solves f once more and reports whether its summary changed. */
static bool resummarize(esc_fn *f) {
  solve_fn(f);
  esc_summary *s = esc_summarize(f);
  bool changed = !f->summary || !esc_summary_equal(s, f->summary);
  esc_summary_free(f->summary);
  f->summary = s;
  return changed;
}

static void give_up(esc_fn **c, unsigned n) {
  for (unsigned i = 0; i < n; i++) {
    esc_summary_free(c[i]->summary);
    c[i]->summary = calloc(1, sizeof *c[i]->summary);
    if (!c[i]->summary)
      esc_fatal("out of memory");
    c[i]->summary->fn = c[i]->d.name;
    c[i]->summary->unknown = true;
  }
  for (unsigned i = 0; i < n; i++)
    solve_fn(c[i]);
}

/* callers[k]: the members of component c that call member k. */
static esc_ivec *callers_within(esc_module *m, esc_fn **c, unsigned n) {
  esc_ivec *callers = calloc(n, sizeof *callers);
  int32_t *member = malloc(m->nfns * sizeof *member);
  if (!callers || !member)
    esc_fatal("out of memory");
  for (unsigned i = 0; i < m->nfns; i++)
    member[i] = -1;
  for (unsigned i = 0; i < n; i++)
    member[c[i]->index] = (int32_t)i;
  for (unsigned j = 0; j < n; j++)
    for (unsigned k = 0; k < c[j]->ncalls; k++) {
      const char *name = c[j]->calls[k].d.callee;
      int32_t g = name ? esc_pmap_get(&m->fn_by_name, name) : -1;
      if (g >= 0 && member[g] >= 0)
        esc_ivec_push(&callers[member[g]], (int32_t)j);
    }
  free(member);
  return callers;
}

/* A recursive component: start from empty summaries and re-solve a member
 * only when the summary of a member it calls has changed. */
static bool iterate_component(esc_fn **c, unsigned n) {
  esc_ivec *callers = callers_within(c[0]->m, c, n);
  uint8_t *dirty = malloc(n);
  if (!dirty)
    esc_fatal("out of memory");
  memset(dirty, 1, n);
  unsigned solves = 0, budget = ESC_MAX_ROUNDS * n;
  bool pending = true;
  while (pending && solves < budget) {
    pending = false;
    for (unsigned i = 0; i < n && solves < budget; i++) {
      if (!dirty[i])
        continue;
      dirty[i] = 0;
      solves++;
      if (resummarize(c[i]))
        for (unsigned j = 0; j < callers[i].n; j++)
          pending |= dirty[callers[i].v[j]] = 1;
    }
    for (unsigned i = 0; i < n; i++)
      pending |= dirty[i];
  }
  for (unsigned i = 0; i < n; i++)
    free(callers[i].v);
  free(callers);
  free(dirty);
  return !pending;
}

static void solve_component(esc_fn **c, unsigned n) {
  if (!c[0]->recursive) {
    resummarize(c[0]);
  } else {
    for (unsigned i = 0; i < n; i++) { /* recursion starts from nothing */
      if (!(c[i]->summary = calloc(1, sizeof(esc_summary))))
        esc_fatal("out of memory");
      c[i]->summary->fn = c[i]->d.name;
      c[i]->summary->nparams = c[i]->d.nparams;
    }
    if (!iterate_component(c, n))
      give_up(c, n);
  }
  for (unsigned i = 0; i < n; i++)
    finish_fn(c[i]);
}

/* ---- call graph components (Tarjan, callees first) ----------------------- */

typedef struct cg {
  esc_module *m;
  int32_t *idx, *low, *stack;
  uint8_t *on;
  unsigned sp;
  int32_t counter, ncomp;
} cg;

static int32_t callee_of(esc_module *m, const esc_callrec *c) {
  return c->d.callee ? esc_pmap_get(&m->fn_by_name, c->d.callee) : -1;
}

static void component(cg *g, int32_t v) {
  esc_fn **c = malloc(g->m->nfns * sizeof *c);
  unsigned n = 0;
  int32_t w;
  if (!c)
    esc_fatal("out of memory");
  do {
    w = g->stack[--g->sp];
    g->on[w] = 0;
    c[n++] = g->m->fns[w];
    g->m->fns[w]->scc = g->ncomp;
  } while (w != v);
  g->ncomp++;
  for (unsigned i = 0; i < n; i++) {
    c[i]->recursive = n > 1;
    for (unsigned j = 0; j < c[i]->ncalls; j++)
      c[i]->recursive |=
          callee_of(g->m, &c[i]->calls[j]) == (int32_t)c[i]->index;
  }
  solve_component(c, n);
  free(c);
}

static void strongconnect(cg *g, int32_t v) {
  g->idx[v] = g->low[v] = g->counter++;
  g->stack[g->sp++] = v;
  g->on[v] = 1;
  const esc_fn *f = g->m->fns[v];
  for (unsigned j = 0; j < f->ncalls; j++) {
    int32_t w = callee_of(g->m, &f->calls[j]);
    if (w < 0)
      continue;
    if (g->idx[w] < 0) {
      strongconnect(g, w);
      if (g->low[w] < g->low[v])
        g->low[v] = g->low[w];
    } else if (g->on[w] && g->idx[w] < g->low[v]) {
      g->low[v] = g->idx[w];
    }
  }
  if (g->low[v] == g->idx[v])
    component(g, v);
}

void esc_module_solve(esc_module *m) {
  unsigned n = m->nfns ? m->nfns : 1;
  cg g = {.m = m,
          .idx = malloc(n * sizeof(int32_t)),
          .low = malloc(n * sizeof(int32_t)),
          .stack = malloc(n * sizeof(int32_t)),
          .on = calloc(n, 1)};
  if (!g.idx || !g.low || !g.stack || !g.on)
    esc_fatal("out of memory");
  for (unsigned i = 0; i < m->nfns; i++) {
    g.idx[i] = -1;
    esc_summary_free(m->fns[i]->summary); /* solving twice starts over */
    m->fns[i]->summary = NULL;
    if (!m->fns[i]->ended)
      esc_fn_end(m->fns[i]);
  }
  esc_records_free(m);
  for (unsigned i = 0; i < m->nfns; i++)
    if (g.idx[i] < 0)
      strongconnect(&g, (int32_t)i);
  free(g.idx), free(g.low), free(g.stack), free(g.on);
  esc_report_sort(m);
}
