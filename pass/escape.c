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
  esc_graph_free(f);
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
    c[i]->summary = esc_mem_calloc(1, sizeof *c[i]->summary);
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
  esc_ivec *callers = esc_mem_calloc(n, sizeof *callers);
  int32_t *member = esc_mem_alloc(m->nfns * sizeof *member);
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
  esc_mem_free(member);
  return callers;
}

/* The member with the most constraints (lowered, not yet instantiated). */
static unsigned largest(esc_fn **c, unsigned n) {
  unsigned big = 0;
  for (unsigned i = 1; i < n; i++)
    if (c[i]->ncon > c[big]->ncon)
      big = i;
  return big;
}

/* The members in post-order of a depth-first walk of their calls:
 * callees before callers, but for the calls that close a cycle. Sweeps in
 * this order re-solve an eighth fewer members on SQLite than in Tarjan's
 * order. The walk starts from the largest member, which post-order puts
 * last, after every other member has a first summary: the constraints
 * that SQLite's recursive components solve drop by 5 % (from Tarjan's
 * root, its parser's yy_reduce and its VDBE's sqlite3VdbeExec were solved
 * six times between them, now four). */
static unsigned *callees_first(esc_fn **c, unsigned n,
                               const esc_ivec *callers) {
  esc_ivec *callees = esc_mem_calloc(n, sizeof *callees);
  unsigned *order = esc_mem_alloc(n * sizeof *order);
  unsigned *stack = esc_mem_alloc(n * sizeof *stack), *next = esc_mem_calloc(n, sizeof *next);
  uint8_t *seen = esc_mem_calloc(n, 1);
  if (!callees || !order || !stack || !next || !seen)
    esc_fatal("out of memory");
  for (unsigned i = 0; i < n; i++)
    for (unsigned j = 0; j < callers[i].n; j++)
      esc_ivec_push(&callees[callers[i].v[j]], (int32_t)i);
  unsigned sp = 0, k = 0, root = largest(c, n);
  stack[sp++] = root;
  seen[root] = 1;
  while (sp) {
    unsigned v = stack[sp - 1];
    if (next[v] == callees[v].n) {
      order[k++] = v;
      sp--;
      continue;
    }
    unsigned w = (unsigned)callees[v].v[next[v]++];
    if (!seen[w]) {
      seen[w] = 1;
      stack[sp++] = w;
    }
  }
  for (unsigned i = 0; i < n; i++)
    esc_mem_free(callees[i].v);
  esc_mem_free(callees), esc_mem_free(stack), esc_mem_free(next), esc_mem_free(seen);
  return order;
}

/* A recursive component: start from empty summaries and re-solve a member
 * only when the summary of a member it calls has changed. */
static bool iterate_component(esc_fn **c, unsigned n) {
  esc_ivec *callers = callers_within(c[0]->m, c, n);
  unsigned *order = callees_first(c, n, callers);
  uint8_t *dirty = esc_mem_alloc(n);
  if (!dirty)
    esc_fatal("out of memory");
  memset(dirty, 1, n);
  unsigned solves = 0, budget = ESC_MAX_ROUNDS * n;
  bool pending = true;
  while (pending && solves < budget) {
    pending = false;
    for (unsigned k = 0; k < n && solves < budget; k++) {
      unsigned i = order[k];
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
    esc_mem_free(callers[i].v);
  esc_mem_free(callers);
  esc_mem_free(order);
  esc_mem_free(dirty);
  return !pending;
}

static void solve_component(esc_fn **c, unsigned n) {
  if (!c[0]->recursive) {
    resummarize(c[0]);
  } else {
    for (unsigned i = 0; i < n; i++) { /* recursion starts from nothing */
      if (!(c[i]->summary = esc_mem_calloc(1, sizeof(esc_summary))))
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

/* ---- call graph components (Tarjan, callees first) ----------------------- *
 *
 * Two levels. Declared functions (esc_fn_declare) have no graph yet, only
 * the names their bodies mention, a superset of their calls. Components of
 * that graph come callees first like any other; each is a batch: the
 * components of its members' actual calls are solved, callees first, each
 * declared member built (options.lower) when that walk first reaches it
 * and freed once finished. Every actual callee outside the batch belongs to
 * an earlier batch, so it is solved already. Without declared functions
 * both levels see the same edges and a batch is one component. */

typedef struct cg {
  esc_module *m;
  bool by_calls;         /* edges: actual calls, else mentions */
  const uint8_t *member; /* by_calls: the batch (other nodes are done) */
  int32_t *idx, *low, *stack;
  uint8_t *on;
  unsigned sp;
  int32_t counter;
  int32_t *ncomp; /* components numbered across batches */
  esc_fn **comp;  /* the component being popped */
} cg;

static int32_t callee_of(esc_module *m, const esc_callrec *c) {
  return c->d.callee ? esc_pmap_get(&m->fn_by_name, c->d.callee) : -1;
}

/* The j-th edge of v (a function index, or -1 for none), j < degree. */
static unsigned degree(const cg *g, const esc_fn *f) {
  return f->declared && !g->by_calls ? f->nmentions : f->ncalls;
}

static int32_t edge(const cg *g, const esc_fn *f, unsigned j) {
  if (f->declared && !g->by_calls)
    return esc_pmap_get(&g->m->fn_by_name, f->mentions[j]);
  int32_t w = callee_of(g->m, &f->calls[j]);
  if (w < 0 || !g->by_calls || g->member[w])
    return w;
  if (!g->m->fns[w]->summary)
    esc_fatal("'%s' calls '%s', which its declaration did not mention",
              f->d.name, g->m->fns[w]->d.name);
  return -1; /* solved in an earlier batch */
}

/* Builds the graph of a declared function. */
static void lower(esc_fn *f) {
  esc_module *m = f->m;
  if (!m->opts.lower)
    esc_fatal("'%s' is declared, but there is no options.lower", f->d.name);
  m->lowering = f;
  m->opts.lower(m->opts.lower_ctx, f->handle);
  if (m->lowering == f) /* the frontend gave up on it: an empty body */
    esc_fn_begin(m, &(esc_fn_desc){.name = f->d.name});
  if (!f->ended)
    esc_fn_end(f);
  f->declared = false;
}

static void popped(cg *g, esc_fn **c, unsigned n);

static void strongconnect(cg *g, int32_t v) {
  g->idx[v] = g->low[v] = g->counter++;
  g->stack[g->sp++] = v;
  g->on[v] = 1;
  esc_fn *f = g->m->fns[v];
  if (g->by_calls && f->declared)
    lower(f); /* its calls are the edges of this level */
  for (unsigned j = 0; j < degree(g, f); j++) {
    int32_t w = edge(g, f, j);
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
  if (g->low[v] != g->idx[v])
    return;
  unsigned n = 0;
  int32_t w;
  do {
    w = g->stack[--g->sp];
    g->on[w] = 0;
    g->comp[n++] = g->m->fns[w];
  } while (w != v);
  popped(g, g->comp, n); /* this level pops nothing else meanwhile */
}

/* A component of actual calls: solve it. */
static void component(cg *g, esc_fn **c, unsigned n) {
  for (unsigned i = 0; i < n; i++)
    c[i]->scc = *g->ncomp;
  ++*g->ncomp;
  for (unsigned i = 0; i < n; i++) {
    c[i]->recursive = n > 1;
    for (unsigned j = 0; j < c[i]->ncalls; j++)
      c[i]->recursive |=
          callee_of(g->m, &c[i]->calls[j]) == (int32_t)c[i]->index;
  }
  solve_component(c, n);
}

/* A batch: solve the components of its members' actual calls. A declared
 * member is built when that walk first reaches it, so only the graphs of
 * the walk's open path are alive at once (a batch of SQLite holds a third
 * of its 3,758 functions). Tarjan starts from the batch's root (c[n-1]) so
 * that a batch of eager functions is solved exactly as one component. */
static void batch(cg *outer, esc_fn **c, unsigned n) {
  esc_module *m = outer->m;
  uint8_t *member = esc_mem_calloc(m->nfns, 1);
  cg g = {.m = m,
          .by_calls = true,
          .member = member,
          .idx = outer->idx + m->nfns,
          .low = outer->low + m->nfns,
          .stack = outer->stack + m->nfns,
          .on = outer->on + m->nfns,
          .ncomp = outer->ncomp,
          .comp = outer->comp + m->nfns};
  if (!member)
    esc_fatal("out of memory");
  for (unsigned i = 0; i < n; i++) {
    if (!c[i]->declared && !c[i]->ended)
      esc_fn_end(c[i]);
    member[c[i]->index] = 1;
    g.idx[c[i]->index] = -1;
  }
  for (unsigned i = n; i-- > 0;)
    if (g.idx[c[i]->index] < 0)
      strongconnect(&g, (int32_t)c[i]->index);
  esc_mem_free(member);
}

static void popped(cg *g, esc_fn **c, unsigned n) {
  if (g->by_calls)
    component(g, c, n);
  else
    batch(g, c, n);
}

/* The arrays hold both levels: the batch's half starts at m->nfns. */
void esc_module_solve(esc_module *m) {
  if (m->solved)
    esc_fatal("esc_module_solve: the module is solved already");
  m->solved = true;
  unsigned n = 2 * (m->nfns ? m->nfns : 1);
  int32_t ncomp = 0;
  cg g = {.m = m,
          .idx = esc_mem_alloc(n * sizeof(int32_t)),
          .low = esc_mem_alloc(n * sizeof(int32_t)),
          .stack = esc_mem_alloc(n * sizeof(int32_t)),
          .on = esc_mem_calloc(n, 1),
          .ncomp = &ncomp,
          .comp = esc_mem_alloc(n * sizeof(esc_fn *))};
  if (!g.idx || !g.low || !g.stack || !g.on || !g.comp)
    esc_fatal("out of memory");
  for (unsigned i = 0; i < m->nfns; i++)
    g.idx[i] = -1;
  for (unsigned i = 0; i < m->nfns; i++)
    if (g.idx[i] < 0)
      strongconnect(&g, (int32_t)i);
  esc_mem_free(g.idx), esc_mem_free(g.low), esc_mem_free(g.stack), esc_mem_free(g.on), esc_mem_free(g.comp);
  esc_report_sort(m);
}
