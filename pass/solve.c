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
 * the copy edges: once before solving and again whenever the number of
 * copy edges has doubled since the last pass, which bounds the total cost
 * of collapsing by a constant factor of the final graph.
 *
 * Pointee indices: only nodes that are the object of some ADDR constraint
 * can ever be pointees (loads and stores move existing pointees), so they
 * are numbered before solving and the sets stay dense in index space.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

struct esc_solution {
  unsigned n;       /* nodes */
  int32_t *rep;     /* union-find; rep[i] == i for representatives */
  esc_set *pts;     /* per representative */
  esc_set *prev;    /* the part of pts already propagated */
  int32_t *pidx;    /* node -> pointee index, -1 if never a pointee */
  esc_ivec pnode;   /* pointee index -> node */
  esc_ivec *copy;   /* copy successors (src -> dst) */
  esc_ivec *loads;  /* loads[q]: dst of every dst = *q */
  esc_ivec *stores; /* stores[p]: src of every *p = src */
  uint64_t *eset;   /* hash set of copy edges (a << 32 | b), 0 = empty */
  unsigned en, ecap;
  int32_t *queue; /* ring buffer; a node is queued at most once */
  unsigned qhead, qlen;
  uint8_t *inq;
  unsigned edges, edges_at_collapse;
};

static void *xcalloc(size_t n, size_t size) {
  void *p = calloc(n ? n : 1, size);
  if (!p)
    esc_fatal("out of memory");
  return p;
}

static int32_t find(esc_solution *s, int32_t x) {
  int32_t r = x;
  while (s->rep[r] != r)
    r = s->rep[r];
  while (s->rep[x] != r) {
    int32_t next = s->rep[x];
    s->rep[x] = r;
    x = next;
  }
  return r;
}

static void push(esc_solution *s, int32_t x) {
  if (s->inq[x])
    return;
  s->inq[x] = 1;
  s->queue[(s->qhead + s->qlen++) % s->n] = x;
}

static int32_t pop(esc_solution *s) {
  int32_t x = s->queue[s->qhead];
  s->qhead = (s->qhead + 1) % s->n;
  s->qlen--;
  s->inq[x] = 0;
  return x;
}

/* ---- copy edges --------------------------------------------------------- */

static uint64_t edge_hash(uint64_t k) { /* murmur3's fmix64 */
  k ^= k >> 33;
  k *= 0xff51afd7ed558ccdULL;
  k ^= k >> 33;
  k *= 0xc4ceb9fe1a85ec53ULL;
  return k ^ (k >> 33);
}

static bool eset_insert(esc_solution *s, uint64_t key);

static void eset_grow(esc_solution *s) {
  uint64_t *old = s->eset;
  unsigned oldcap = s->ecap;
  s->ecap = oldcap ? oldcap * 2 : 1024;
  s->eset = xcalloc(s->ecap, sizeof *s->eset);
  s->en = 0;
  for (unsigned i = 0; i < oldcap; i++)
    if (old[i])
      eset_insert(s, old[i]);
  free(old);
}

/* Keys are never 0: a == b edges are not stored. */
static bool eset_insert(esc_solution *s, uint64_t key) {
  if (2 * (s->en + 1) > s->ecap)
    eset_grow(s);
  unsigned mask = s->ecap - 1, i = (unsigned)edge_hash(key) & mask;
  while (s->eset[i]) {
    if (s->eset[i] == key)
      return false;
    i = (i + 1) & mask;
  }
  s->eset[i] = key;
  s->en++;
  return true;
}

/* Adds the copy edge a → b between representatives; false if present. */
static bool add_edge(esc_solution *s, int32_t a, int32_t b) {
  a = find(s, a);
  b = find(s, b);
  if (a == b || !eset_insert(s, (uint64_t)(uint32_t)a << 32 | (uint32_t)b))
    return false;
  esc_ivec_push(&s->copy[a], b);
  s->edges++;
  return true;
}

/* ---- cycle collapsing --------------------------------------------------- */

static void append(esc_ivec *dst, esc_ivec *src) {
  for (unsigned i = 0; i < src->n; i++)
    esc_ivec_push(dst, src->v[i]);
  free(src->v);
  memset(src, 0, sizeof *src);
}

/* Merges o into representative r. r re-propagates everything (its old prev
 * does not cover o's successors). */
static void merge(esc_solution *s, int32_t r, int32_t o) {
  s->rep[o] = r;
  esc_set_union(&s->pts[r], &s->pts[o]);
  esc_set_free(&s->pts[o]);
  esc_set_free(&s->prev[o]);
  s->prev[r].n = 0;
  append(&s->copy[r], &s->copy[o]);
  append(&s->loads[r], &s->loads[o]);
  append(&s->stores[r], &s->stores[o]);
  push(s, r);
}

typedef struct tarjan {
  int32_t *idx, *low, *stack, *cs_node;
  unsigned *cs_edge;
  uint8_t *on;
  unsigned sp, csp;
  int32_t counter;
} tarjan;

/* Pops the component rooted at v and merges it into v. */
static void tarjan_pop(esc_solution *s, tarjan *t, int32_t v) {
  int32_t w;
  do {
    w = t->stack[--t->sp];
    t->on[w] = 0;
    if (w != v)
      merge(s, v, w);
  } while (w != v);
}

static void tarjan_enter(tarjan *t, int32_t v) {
  t->idx[v] = t->low[v] = t->counter++;
  t->stack[t->sp++] = v;
  t->on[v] = 1;
  t->cs_node[t->csp] = v;
  t->cs_edge[t->csp++] = 0;
}

/* Iterative Tarjan from root over representatives' copy edges. */
static void tarjan_from(esc_solution *s, tarjan *t, int32_t root) {
  tarjan_enter(t, root);
  while (t->csp) {
    int32_t v = t->cs_node[t->csp - 1];
    unsigned *ei = &t->cs_edge[t->csp - 1];
    if (*ei < s->copy[v].n) {
      int32_t w = find(s, s->copy[v].v[(*ei)++]);
      if (t->idx[w] < 0)
        tarjan_enter(t, w);
      else if (t->on[w] && t->idx[w] < t->low[v])
        t->low[v] = t->idx[w];
      continue;
    }
    t->csp--;
    if (t->csp) {
      int32_t u = t->cs_node[t->csp - 1];
      if (t->low[v] < t->low[u])
        t->low[u] = t->low[v];
    }
    if (t->low[v] == t->idx[v])
      tarjan_pop(s, t, v);
  }
}

static void collapse(esc_solution *s) {
  tarjan t = {.idx = xcalloc(s->n, sizeof *t.idx),
              .low = xcalloc(s->n, sizeof *t.low),
              .stack = xcalloc(s->n, sizeof *t.stack),
              .cs_node = xcalloc(s->n, sizeof *t.cs_node),
              .cs_edge = xcalloc(s->n, sizeof *t.cs_edge),
              .on = xcalloc(s->n, 1)};
  for (unsigned i = 0; i < s->n; i++)
    t.idx[i] = -1;
  for (unsigned i = 0; i < s->n; i++)
    if (find(s, (int32_t)i) == (int32_t)i && t.idx[i] < 0)
      tarjan_from(s, &t, (int32_t)i);
  free(t.idx), free(t.low), free(t.stack), free(t.cs_node), free(t.cs_edge);
  free(t.on);
  s->edges_at_collapse = s->edges;
}

/* ---- solving ------------------------------------------------------------ */

static void number_pointees(esc_solution *s, const esc_fn *f) {
  for (unsigned i = 0; i < s->n; i++)
    s->pidx[i] = -1;
  for (unsigned i = 0; i < f->ncon; i++) {
    const esc_con *c = &f->con[i];
    if (c->op == ESC_ADDR && s->pidx[c->src] < 0) {
      s->pidx[c->src] = (int32_t)s->pnode.n;
      esc_ivec_push(&s->pnode, c->src);
    }
  }
}

static void load_constraints(esc_solution *s, const esc_fn *f,
                             bool without_undone) {
  for (unsigned i = 0; i < f->ncon; i++) {
    const esc_con *c = &f->con[i];
    if (without_undone && c->undone)
      continue;
    switch (c->op) {
    case ESC_ADDR:
      esc_set_add(&s->pts[c->dst], (uint32_t)s->pidx[c->src]);
      push(s, c->dst);
      break;
    case ESC_COPY:
      add_edge(s, c->src, c->dst);
      break;
    case ESC_LOAD:
      esc_ivec_push(&s->loads[c->src], c->dst);
      break;
    case ESC_STORE:
      esc_ivec_push(&s->stores[c->dst], c->src);
      break;
    default:
      esc_fatal("bad constraint op %d", c->op);
    }
  }
}

/* New pointee o (a representative) of node n: its loads and stores become
 * copy edges, each seeded with o's (or the source's) whole set. */
static void deref(esc_solution *s, int32_t n, int32_t o) {
  for (unsigned i = 0; i < s->loads[n].n; i++) {
    int32_t d = find(s, s->loads[n].v[i]);
    o = find(s, o);
    if (add_edge(s, o, d) && esc_set_union(&s->pts[d], &s->pts[o]))
      push(s, d);
  }
  for (unsigned i = 0; i < s->stores[n].n; i++) {
    int32_t src = find(s, s->stores[n].v[i]);
    o = find(s, o);
    if (add_edge(s, src, o) && esc_set_union(&s->pts[o], &s->pts[src]))
      push(s, o);
  }
}

static void visit(esc_solution *s, int32_t n, esc_set *delta) {
  esc_set_diff(delta, &s->pts[n], &s->prev[n]);
  if (!delta->n)
    return;
  esc_set_assign(&s->prev[n], &s->pts[n]);
  uint32_t e;
  ESC_SET_EACH(delta, e)
  deref(s, n, s->pnode.v[e]);
  for (unsigned i = 0; i < s->copy[n].n; i++) {
    int32_t d = find(s, s->copy[n].v[i]);
    if (d != n && esc_set_union(&s->pts[d], delta))
      push(s, d);
  }
}

static void run(esc_solution *s) {
  esc_set delta = {0};
  while (s->qlen) {
    if (s->edges >= 2 * s->edges_at_collapse + 1024)
      collapse(s);
    int32_t n = pop(s);
    if (find(s, n) == n)
      visit(s, n, &delta);
  }
  esc_set_free(&delta);
}

esc_solution *esc_solve(esc_fn *f, bool without_undone) {
  esc_solution *s = xcalloc(1, sizeof *s);
  s->n = f->nobj;
  s->rep = xcalloc(s->n, sizeof *s->rep);
  s->pts = xcalloc(s->n, sizeof *s->pts);
  s->prev = xcalloc(s->n, sizeof *s->prev);
  s->pidx = xcalloc(s->n, sizeof *s->pidx);
  s->copy = xcalloc(s->n, sizeof *s->copy);
  s->loads = xcalloc(s->n, sizeof *s->loads);
  s->stores = xcalloc(s->n, sizeof *s->stores);
  s->queue = xcalloc(s->n, sizeof *s->queue);
  s->inq = xcalloc(s->n, 1);
  for (unsigned i = 0; i < s->n; i++)
    s->rep[i] = (int32_t)i;
  number_pointees(s, f);
  load_constraints(s, f, without_undone);
  collapse(s);
  run(s);
  for (unsigned i = 0; i < s->n; i++)
    find(s, (int32_t)i); /* full compression: esc_pts stays const */
  return s;
}

const esc_set *esc_pts(const esc_solution *s, esc_node n) {
  return &s->pts[s->rep[s->rep[n]]];
}

esc_node esc_pointee_node(const esc_solution *s, uint32_t i) {
  return s->pnode.v[i];
}

int32_t esc_pointee_index(const esc_solution *s, esc_node n) {
  return s->pidx[n];
}

void esc_solution_free(esc_solution *s) {
  if (!s)
    return;
  for (unsigned i = 0; i < s->n; i++) {
    esc_set_free(&s->pts[i]);
    esc_set_free(&s->prev[i]);
    free(s->copy[i].v);
    free(s->loads[i].v);
    free(s->stores[i].v);
  }
  free(s->rep), free(s->pts), free(s->prev), free(s->pidx), free(s->copy);
  free(s->loads), free(s->stores), free(s->queue), free(s->inq);
  free(s->eset), free(s->pnode.v);
  free(s);
}
