/*
 * solve.c — the inclusion-constraint solver (Andersen's analysis).
 *
 * Worklist with difference propagation: each node keeps pts and prev, the
 * part of pts it has already pushed. Popping a node computes the delta
 * pts \ prev, pushes only the delta along its copy edges, and turns each
 * new pointee o of the delta into copy edges for its loads (o → dst) and
 * stores (src → o). Every (node, pointee) pair therefore travels each edge
 * once, so long chains cost linear time.
 *
 * Copy cycles make every node of the cycle hold the same set. They are
 * collapsed into one representative (union-find) by Tarjan's algorithm over
 * the copy edges whenever their number has grown past twice the number at
 * the last pass plus ESC_COLLAPSE_MIN, which bounds the total cost of
 * collapsing by a constant factor of the final graph. The first pass waits
 * for ESC_COLLAPSE_MIN edges: on SQLite, a pass before solving each of its
 * thousands of small functions cost more than the cycles it found saved
 * (60 M instructions, 3 % of the plugin's).
 *
 * Pointee indices: only nodes that are the object of some ADDR constraint
 * can ever be pointees (loads and stores move existing pointees), so they
 * are numbered before solving and the sets stay dense in index space.
 *
 * Collectors. A node p stored through many times (`*p = a; *p = b; ...`,
 * typical of summaries applied at every call that passes p) would turn
 * each new pointee o into one edge per store. Instead the stores copy into
 * a collector node S(p), and each pointee costs the one edge S(p) → o;
 * loads through q likewise go o → L(q) → dst. The collectors are extra
 * nodes of the solver only: the sets of the function's nodes are the same
 * as with direct edges.
 *
 * Points-to sets. Most functions have few pointees: on SQLite, all but a
 * thousandth of the solving time goes to functions with at most 128. Their
 * sets are dense, W words per node in one array, so that a union or a
 * difference is a few word operations in place. Functions with more than
 * ESC_DENSE_WORDS * 64 keep sparse bitsets (bitset.c), whose size follows
 * the set and not the number of pointees, lest a function with thousands
 * of pointees cost memory quadratic in its size.
 *
 * Representation. A node's copy successors are a bitset over nodes, so a
 * derived edge that already exists costs one lookup. Loads and stores are
 * grouped by node once per solve and never change; the nodes merged into a
 * representative form a ring, and the representative walks the loads and
 * stores of every node on it. All of this working state comes from the
 * module's scratch arena, rewound after each solve so that its memory
 * serves every function in turn. The solution keeps only the
 * representatives and their final sets, compacted into one allocation.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define ESC_DENSE_WORDS 4
#define ESC_COLLAPSE_MIN 1024

struct esc_solution {
  unsigned n;     /* nodes */
  int32_t *rep;   /* representative per node, fully compressed */
  esc_set *pts;   /* per representative (a collector's index, too) */
  int32_t *pidx;  /* node -> pointee index, -1 if never a pointee */
  int32_t *pnode; /* pointee index -> node */
};                /* one allocation, sets and arrays after the header */

/* The working state of one solve, all in the module's scratch arena. */
typedef struct work {
  esc_arena *a;
  unsigned n;     /* the function's nodes; collectors are numbered after */
  unsigned total; /* nodes and collectors */
  unsigned npointees;
  int32_t *rep;  /* union-find; rep[i] == i for representatives */
  int32_t *pidx; /* as in esc_solution */
  int32_t *pnode;
  unsigned W;     /* words of a dense set; 0: the sets are sparse */
  uint64_t *dpts; /* dense: W words per representative */
  uint64_t *dprev;
  esc_set *pts;   /* sparse: per representative */
  esc_set *prev;  /* the part of pts already propagated */
  esc_set *succ;  /* copy successors (src -> dst), bitsets over nodes */
  int32_t *ring;  /* next node merged into the same representative */
  unsigned *lbeg; /* per node + 1: its slice of ldst (loads through it) */
  unsigned *sbeg; /* per node + 1: its slice of ssrc (stores through it) */
  int32_t *ldst;  /* dst of every dst = *q, grouped by q */
  int32_t *ssrc;  /* src of every *p = src, grouped by p */
  int32_t *lcol;  /* per node: L(q) when it has several loads, else -1 */
  int32_t *scol;  /* per node: S(p) when it has several stores, else -1 */
  int32_t *queue; /* ring buffer; a node is queued at most once */
  unsigned qhead, qlen;
  uint8_t *inq;
  esc_set delta;    /* in both modes, chunks of the pointees new to a node */
  int32_t *copy_in; /* per node: its one copy source (feed), for */
  int32_t *addr_in; /* its one pointee taken, and whether it gets */
  uint8_t *dynamic; /* edges while solving: substitute */
  unsigned *seen;   /* per node: the last visit that dereferenced it */
  unsigned visits;
  unsigned edges, edges_at_collapse;
} work;

static void *scratch(work *w, size_t n, size_t size) {
  return esc_arena_alloc(w->a, n * size);
}

/* Path compression keeps almost every node within one step of its
 * representative: that case is inline, the walk is not. */
static int32_t find_compress(work *w, int32_t x) {
  int32_t r = x;
  while (w->rep[r] != r)
    r = w->rep[r];
  while (w->rep[x] != r) {
    int32_t next = w->rep[x];
    w->rep[x] = r;
    x = next;
  }
  return r;
}

static inline int32_t find(work *w, int32_t x) {
  int32_t r = w->rep[x];
  return w->rep[r] == r ? r : find_compress(w, x);
}

/* The queue is a ring of `total` slots; wrapping by comparison, not by a
 * division, on every push and pop. */
static void push(work *w, int32_t x) {
  if (w->inq[x])
    return;
  w->inq[x] = 1;
  unsigned tail = w->qhead + w->qlen++;
  w->queue[tail >= w->total ? tail - w->total : tail] = x;
}

static int32_t pop(work *w) {
  int32_t x = w->queue[w->qhead];
  if (++w->qhead == w->total)
    w->qhead = 0;
  w->qlen--;
  w->inq[x] = 0;
  return x;
}

/* Adds the copy edge a → b between representatives a and b; false if it
 * is a loop or present. */
static bool add_rep_edge(work *w, int32_t a, int32_t b) {
  if (a == b || !esc_set_add(w->a, &w->succ[a], (uint32_t)b))
    return false;
  w->edges++;
  return true;
}

/* ---- points-to sets, dense or sparse ------------------------------------ */

static uint64_t *words(const work *w, uint64_t *base, int32_t n) {
  return base + (size_t)n * w->W;
}

/* pts(n) ∪= {i}; true if it grew. */
static bool pts_add(work *w, int32_t n, uint32_t i) {
  if (!w->W)
    return esc_set_add(w->a, &w->pts[n], i);
  uint64_t *s = words(w, w->dpts, n) + i / 64, bit = 1ull << (i % 64);
  bool grew = !(*s & bit);
  *s |= bit;
  return grew;
}

/* pts(dst) ∪= pts(src); true if it grew. */
static inline bool pts_union(work *w, int32_t dst, int32_t src) {
  if (!w->W)
    return esc_set_union(w->a, &w->pts[dst], &w->pts[src]);
  uint64_t *d = words(w, w->dpts, dst), *s = words(w, w->dpts, src), grew = 0;
  for (unsigned k = 0; k < w->W; k++) {
    grew |= s[k] & ~d[k];
    d[k] |= s[k];
  }
  return grew != 0;
}

/* pts(dst) ∪= delta; true if it grew. */
static bool pts_union_delta(work *w, int32_t dst) {
  if (!w->W)
    return esc_set_union(w->a, &w->pts[dst], &w->delta);
  uint64_t *d = words(w, w->dpts, dst), grew = 0;
  for (unsigned k = 0; k < w->delta.n; k++) {
    esc_chunk c = w->delta.c[k];
    grew |= c.bits & ~d[c.idx];
    d[c.idx] |= c.bits;
  }
  return grew != 0;
}

/* Forgets what n has propagated: it starts over. */
static void prev_clear(work *w, int32_t n) {
  if (!w->W)
    w->prev[n].n = 0;
  else
    memset(words(w, w->dprev, n), 0, w->W * sizeof(uint64_t));
}

/* delta = pts(n) \ prev(n), then prev(n) = pts(n); false if delta is empty. */
static bool take_delta(work *w, int32_t n) {
  if (!w->W) {
    esc_set_diff(w->a, &w->delta, &w->pts[n], &w->prev[n]);
    if (w->delta.n)
      esc_set_assign(w->a, &w->prev[n], &w->pts[n]);
    return w->delta.n > 0;
  }
  uint64_t *p = words(w, w->dpts, n), *q = words(w, w->dprev, n);
  w->delta.n = 0;
  for (unsigned k = 0; k < w->W; k++) {
    uint64_t bits = p[k] & ~q[k];
    q[k] = p[k];
    if (bits)
      w->delta.c[w->delta.n++] = (esc_chunk){k, bits};
  }
  return w->delta.n > 0;
}

/* The chunks of pts(n): how many, and copied to out unless it is NULL. */
static unsigned pts_chunks(const work *w, int32_t n, esc_chunk *out) {
  if (!w->W) {
    if (out && w->pts[n].n)
      memcpy(out, w->pts[n].c, w->pts[n].n * sizeof *out);
    return w->pts[n].n;
  }
  const uint64_t *p = words(w, w->dpts, n);
  unsigned k = 0;
  for (unsigned i = 0; i < w->W; i++) {
    if (!p[i])
      continue;
    if (out)
      out[k] = (esc_chunk){i, p[i]};
    k++;
  }
  return k;
}

/* ---- cycle collapsing --------------------------------------------------- */

/* Merges o into representative r. r re-propagates everything (its old prev
 * does not cover o's successors). */
static void merge(work *w, int32_t r, int32_t o) {
  w->rep[o] = r;
  pts_union(w, r, o);
  prev_clear(w, r);
  esc_set_union(w->a, &w->succ[r], &w->succ[o]);
  int32_t t = w->ring[r]; /* splice o's ring into r's */
  w->ring[r] = w->ring[o];
  w->ring[o] = t;
  push(w, r);
}

/* Iterative Tarjan: the call stack holds each node with its position in
 * its successor bitset (chunk and the bits of it still to visit). */
typedef struct tarjan {
  int32_t *idx, *low, *stack, *cs_node;
  unsigned *cs_chunk;
  uint64_t *cs_bits;
  uint8_t *on;
  unsigned sp, csp;
  int32_t counter;
} tarjan;

/* Pops the component rooted at v and merges it into v. */
static void tarjan_pop(work *w, tarjan *t, int32_t v) {
  int32_t x;
  do {
    x = t->stack[--t->sp];
    t->on[x] = 0;
    if (x != v)
      merge(w, v, x);
  } while (x != v);
}

static void tarjan_enter(work *w, tarjan *t, int32_t v) {
  t->idx[v] = t->low[v] = t->counter++;
  t->stack[t->sp++] = v;
  t->on[v] = 1;
  t->cs_node[t->csp] = v;
  t->cs_chunk[t->csp] = 0;
  t->cs_bits[t->csp++] = w->succ[v].n ? w->succ[v].c[0].bits : 0;
}

/* The next successor of the frame on top of the call stack, else -1. */
static int32_t next_succ(work *w, tarjan *t) {
  const esc_set *s = &w->succ[t->cs_node[t->csp - 1]];
  unsigned *ci = &t->cs_chunk[t->csp - 1];
  uint64_t *b = &t->cs_bits[t->csp - 1];
  while (!*b) {
    if (++*ci >= s->n)
      return -1;
    *b = s->c[*ci].bits;
  }
  int32_t x = (int32_t)(s->c[*ci].idx * 64u + (uint32_t)__builtin_ctzll(*b));
  *b &= *b - 1;
  return x;
}

/* Tarjan from root over representatives' copy edges. */
static void tarjan_from(work *w, tarjan *t, int32_t root) {
  tarjan_enter(w, t, root);
  while (t->csp) {
    int32_t v = t->cs_node[t->csp - 1], x = next_succ(w, t);
    if (x >= 0) {
      x = find(w, x);
      if (t->idx[x] < 0)
        tarjan_enter(w, t, x);
      else if (t->on[x] && t->idx[x] < t->low[v])
        t->low[v] = t->idx[x];
      continue;
    }
    t->csp--;
    if (t->csp) {
      int32_t u = t->cs_node[t->csp - 1];
      if (t->low[v] < t->low[u])
        t->low[u] = t->low[v];
    }
    if (t->low[v] == t->idx[v])
      tarjan_pop(w, t, v);
  }
}

static void collapse(work *w) {
  unsigned n = w->total;
  tarjan t = {.idx = scratch(w, n, sizeof *t.idx),
              .low = scratch(w, n, sizeof *t.low),
              .stack = scratch(w, n, sizeof *t.stack),
              .cs_node = scratch(w, n, sizeof *t.cs_node),
              .cs_chunk = scratch(w, n, sizeof *t.cs_chunk),
              .cs_bits = scratch(w, n, sizeof *t.cs_bits),
              .on = esc_arena_zalloc(w->a, n)};
  for (unsigned i = 0; i < n; i++)
    t.idx[i] = -1;
  for (unsigned i = 0; i < n; i++)
    if (find(w, (int32_t)i) == (int32_t)i && t.idx[i] < 0)
      tarjan_from(w, &t, (int32_t)i);
  w->edges_at_collapse = w->edges;
}

/* ---- loading the constraints -------------------------------------------- */

static bool skipped(const esc_con *c, bool without_undone) {
  return without_undone && c->undone;
}

/* Gives a collector to every node with several loads (or stores), from
 * the counts in lbeg and sbeg. */
static void number_collectors(work *w) {
  w->lcol = scratch(w, w->n, sizeof *w->lcol);
  w->scol = scratch(w, w->n, sizeof *w->scol);
  w->total = w->n;
  for (unsigned i = 0; i < w->n; i++) {
    w->lcol[i] = w->lbeg[i] > 1 ? (int32_t)w->total++ : -1;
    w->scol[i] = w->sbeg[i] > 1 ? (int32_t)w->total++ : -1;
  }
}

/* One pass over the constraints: numbers the pointees (only nodes whose
 * address is taken can be pointees, so the sets stay dense in index space)
 * and counts each node's loads and stores into lbeg and sbeg. */
static void count(work *w, const esc_fn *f, bool without_undone) {
  unsigned n = w->n;
  w->pidx = scratch(w, n, sizeof *w->pidx);
  w->pnode = scratch(w, n, sizeof *w->pnode);
  memset(w->pidx, 0xff, n * sizeof *w->pidx);
  w->lbeg = esc_arena_zalloc(w->a, (n + 1) * sizeof *w->lbeg);
  w->sbeg = esc_arena_zalloc(w->a, (n + 1) * sizeof *w->sbeg);
  for (unsigned i = 0; i < f->ncon; i++) {
    const esc_con *c = &f->con[i];
    if (c->op == ESC_ADDR && w->pidx[c->src] < 0) {
      w->pidx[c->src] = (int32_t)w->npointees;
      w->pnode[w->npointees++] = c->src;
    }
    if (skipped(c, without_undone))
      continue;
    if (c->op == ESC_LOAD)
      w->lbeg[c->src]++;
    else if (c->op == ESC_STORE)
      w->sbeg[c->dst]++;
  }
}

/* Groups loads by the node loaded through and stores by the node stored
 * through: from the counts, prefix sums, then a backward fill that keeps
 * the constraints' order within each group. */
static void group_derefs(work *w, const esc_fn *f, bool without_undone) {
  unsigned n = w->n;
  number_collectors(w);
  for (unsigned i = 1; i <= n; i++) {
    w->lbeg[i] += w->lbeg[i - 1];
    w->sbeg[i] += w->sbeg[i - 1];
  }
  w->ldst = scratch(w, w->lbeg[n], sizeof *w->ldst);
  w->ssrc = scratch(w, w->sbeg[n], sizeof *w->ssrc);
  for (unsigned i = f->ncon; i-- > 0;) {
    const esc_con *c = &f->con[i];
    if (skipped(c, without_undone))
      continue;
    if (c->op == ESC_LOAD)
      w->ldst[--w->lbeg[c->src]] = c->dst;
    else if (c->op == ESC_STORE)
      w->ssrc[--w->sbeg[c->dst]] = c->src;
  }
}

/* Feeding one node: the one source seen (or pointee taken), -1 for none
 * yet, -2 once there are several. */
static void feed(int32_t *one, int32_t n, int32_t x) {
  one[n] = one[n] == -1 || one[n] == x ? x : -2;
}

/* Copy sources count with repeats: two copies from p are two edges. */
static void feed_copy(int32_t *one, int32_t n, int32_t x) {
  one[n] = one[n] == -1 ? x : -2;
}

/* Loads addresses and copies, noting what feeds each node (substitute). */
static void load_constraints(work *w, const esc_fn *f, bool without_undone) {
  for (unsigned i = 0; i < f->ncon; i++) {
    const esc_con *c = &f->con[i];
    if (skipped(c, without_undone))
      continue;
    switch (c->op) {
    case ESC_ADDR:
      pts_add(w, c->dst, (uint32_t)w->pidx[c->src]);
      push(w, c->dst);
      feed(w->addr_in, c->dst, w->pidx[c->src]);
      w->dynamic[c->src] = 1;
      break;
    case ESC_COPY:
      add_rep_edge(w, c->src, c->dst); /* no merges yet: all are reps */
      if (c->src != c->dst)
        feed_copy(w->copy_in, c->dst, c->src);
      break;
    case ESC_LOAD:
    case ESC_STORE:
      break; /* group_derefs */
    default:
      esc_fatal("bad constraint op %d", c->op);
    }
  }
}

/* The fixed edges of the collectors: L(q) → dst and src → S(p) (before
 * any merge, so every node is its own representative). */
static void wire_collectors(work *w) {
  for (unsigned m = 0; m < w->n; m++) {
    for (unsigned i = w->lbeg[m]; w->lcol[m] >= 0 && i < w->lbeg[m + 1]; i++)
      add_rep_edge(w, w->lcol[m], w->ldst[i]);
    for (unsigned i = w->sbeg[m]; w->scol[m] >= 0 && i < w->sbeg[m + 1]; i++)
      add_rep_edge(w, w->ssrc[i], w->scol[m]);
  }
}

/* ---- offline equivalences ------------------------------------------------ */

/* Before solving, two kinds of node are known to hold the same set as
 * another (the two cheapest cases of Hardekopf and Lin's offline variable
 * substitution), and are merged so that a call's many temporaries cost one
 * node:
 *   - a node whose only incoming edge is one copy holds its source's set
 *     (`t = p`, and every load through q once L(q) collects them);
 *   - nodes whose only incoming constraint is the address of one same
 *     object hold just that object (`t = &UNKNOWN` at every call).
 * Neither may be a node the solver adds edges into: not a pointee (stores
 * reach those) and not the destination of a lone load. */

/* What the grouped loads and stores feed: through a collector L(q), each
 * load is a copy; without one, the load's destination gets edges while
 * solving. A store collector has several sources. */
static void feed_derefs(work *w) {
  for (unsigned m = 0; m < w->n; m++) {
    for (unsigned i = w->lbeg[m]; i < w->lbeg[m + 1]; i++)
      if (w->lcol[m] >= 0)
        feed_copy(w->copy_in, w->ldst[i], w->lcol[m]);
      else
        w->dynamic[w->ldst[i]] = 1;
    if (w->lcol[m] >= 0)
      w->dynamic[w->lcol[m]] = 1;
    if (w->scol[m] >= 0)
      w->copy_in[w->scol[m]] = -2;
  }
}

static void substitute(work *w) {
  feed_derefs(w);
  int32_t *holder = scratch(w, w->npointees, sizeof *holder);
  memset(holder, 0xff, w->npointees * sizeof *holder);
  for (unsigned t = 0; t < w->total; t++) {
    int32_t copy = w->copy_in[t], addr = w->addr_in[t], r = -1;
    if (w->dynamic[t])
      continue;
    if (copy >= 0 && addr == -1)
      r = find(w, copy);
    else if (copy == -1 && addr >= 0 && holder[addr] >= 0)
      r = find(w, holder[addr]);
    else if (copy == -1 && addr >= 0)
      holder[addr] = (int32_t)t;
    if (r >= 0 && r != find(w, (int32_t)t))
      merge(w, r, find(w, (int32_t)t));
  }
}

/* ---- solving ------------------------------------------------------------ */

/* A copy edge a → b added while solving, seeded with a's whole set. */
static void seeded_edge(work *w, int32_t a, int32_t b) {
  a = find(w, a);
  b = find(w, b);
  if (add_rep_edge(w, a, b) && pts_union(w, b, a))
    push(w, b);
}

/* New pointee o of representative n: the loads and stores through every
 * node merged into n (or their collectors) become copy edges. */
static void deref(work *w, int32_t n, int32_t o) {
  int32_t m = n;
  do {
    if ((unsigned)m >= w->n) {
      m = w->ring[m]; /* a collector: no loads or stores of its own */
      continue;
    }
    if (w->lcol[m] >= 0)
      seeded_edge(w, o, w->lcol[m]);
    else
      for (unsigned i = w->lbeg[m]; i < w->lbeg[m + 1]; i++)
        seeded_edge(w, o, w->ldst[i]);
    if (w->scol[m] >= 0)
      seeded_edge(w, w->scol[m], o);
    else
      for (unsigned i = w->sbeg[m]; i < w->sbeg[m + 1]; i++)
        seeded_edge(w, w->ssrc[i], o);
    m = w->ring[m];
  } while (m != n);
}

static void visit(work *w, int32_t n) {
  if (!take_delta(w, n))
    return;
  uint32_t e;
  w->visits++;
  ESC_SET_EACH(&w->delta, e) {
    int32_t o = find(w, w->pnode[e]); /* pointees merged into one: once */
    if (w->seen[o] != w->visits) {
      w->seen[o] = w->visits;
      deref(w, n, o);
    }
  }
  ESC_SET_EACH(&w->succ[n], e) {
    int32_t d = find(w, (int32_t)e);
    if (d != n && pts_union_delta(w, d))
      push(w, d);
  }
}

static void run(work *w) {
  while (w->qlen) {
    if (w->edges >= 2 * w->edges_at_collapse + ESC_COLLAPSE_MIN)
      collapse(w);
    int32_t n = pop(w);
    if (find(w, n) == n)
      visit(w, n);
  }
}

/* Per-node state for the function's nodes and the collectors. */
static void start(work *w) {
  unsigned n = w->total;
  w->rep = scratch(w, n, sizeof *w->rep);
  w->ring = scratch(w, n, sizeof *w->ring);
  for (unsigned i = 0; i < n; i++)
    w->rep[i] = w->ring[i] = (int32_t)i;
  w->W = (w->npointees + 63) / 64;
  if (w->W > ESC_DENSE_WORDS) {
    w->W = 0;
    w->pts = esc_arena_zalloc(w->a, n * sizeof *w->pts);
    w->prev = esc_arena_zalloc(w->a, n * sizeof *w->prev);
  } else {
    w->dpts = esc_arena_zalloc(w->a, n * w->W * sizeof *w->dpts);
    w->dprev = esc_arena_zalloc(w->a, n * w->W * sizeof *w->dprev);
    w->delta.c = scratch(w, ESC_DENSE_WORDS, sizeof *w->delta.c);
    w->delta.cap = ESC_DENSE_WORDS;
  }
  w->succ = esc_arena_zalloc(w->a, n * sizeof *w->succ);
  w->queue = scratch(w, n, sizeof *w->queue);
  w->inq = esc_arena_zalloc(w->a, n);
  w->seen = esc_arena_zalloc(w->a, n * sizeof *w->seen);
  w->copy_in = scratch(w, n, sizeof *w->copy_in);
  w->addr_in = scratch(w, n, sizeof *w->addr_in);
  memset(w->copy_in, 0xff, n * sizeof *w->copy_in);
  memset(w->addr_in, 0xff, n * sizeof *w->addr_in);
  w->dynamic = esc_arena_zalloc(w->a, n);
}

/* The solution: the function's nodes' representatives (fully compressed,
 * so that esc_pts stays const), the pointee numbering and the
 * representatives' sets, in one block. */
static esc_solution *keep(work *w) {
  unsigned n = w->n, chunks = 0;
  uint8_t *kept = esc_arena_zalloc(w->a, w->total);
  for (unsigned i = 0; i < n; i++) {
    int32_t r = find(w, (int32_t)i);
    if (!kept[r]) {
      kept[r] = 1;
      chunks += pts_chunks(w, r, NULL);
    }
  }
  size_t size = sizeof(esc_solution) + w->total * sizeof(esc_set) +
                chunks * sizeof(esc_chunk) + 3 * n * sizeof(int32_t);
  esc_solution *s = esc_mem_calloc(1, size);
  if (!s)
    esc_fatal("out of memory");
  s->n = n;
  s->pts = (esc_set *)(s + 1);
  esc_chunk *pool = (esc_chunk *)(s->pts + w->total);
  s->rep = (int32_t *)(pool + chunks);
  s->pidx = s->rep + n;
  s->pnode = s->pidx + n;
  memcpy(s->rep, w->rep, n * sizeof *s->rep);
  memcpy(s->pidx, w->pidx, n * sizeof *s->pidx);
  memcpy(s->pnode, w->pnode, w->npointees * sizeof *s->pnode);
  for (unsigned r = 0; r < w->total; r++) {
    unsigned k = kept[r] ? pts_chunks(w, (int32_t)r, pool) : 0;
    if (!k)
      continue;
    s->pts[r] = (esc_set){.c = pool, .n = k, .cap = k};
    pool += k;
  }
  return s;
}

esc_solution *esc_solve(esc_fn *f, bool without_undone) {
  work w = {.a = &f->m->scratch, .n = f->nobj};
  count(&w, f, without_undone);
  group_derefs(&w, f, without_undone);
  start(&w);
  wire_collectors(&w);
  load_constraints(&w, f, without_undone);
  substitute(&w);
  run(&w);
  esc_solution *s = keep(&w);
  esc_arena_rewind(w.a);
  return s;
}

const esc_set *esc_pts(const esc_solution *s, esc_node n) {
  return &s->pts[s->rep[n]];
}

esc_node esc_pointee_node(const esc_solution *s, uint32_t i) {
  return s->pnode[i];
}

int32_t esc_pointee_index(const esc_solution *s, esc_node n) {
  return s->pidx[n];
}

void esc_solution_free(esc_solution *s) { esc_mem_free(s); }
