/*
 * explain.c — why an object escapes, as Go's -m=2 prints it.
 *
 * Two searches over the solved graph. First the content chain
 * R ∋ o1 ∋ … ∋ o from a root R of the wanted class to the object, by
 * breadth-first search over points-to edges (shortest chain). Then, for
 * each hop X ∋ Y, the edges that put Y into pts(X): a backward search from
 * X over copy edges — the adapter's copies plus the copies the solver
 * derived from loads (o → dst for o ∈ pts(q) of dst = *q) and stores
 * (src → o for o ∈ pts(p) of *p = src), each keeping its constraint's note
 * — restricted to nodes whose pts hold Y, until a node that took Y's
 * address. Each edge prints as one step `dst ← src (reason)`, root first,
 * or `src (reason)` when dst is an intermediate value; the first step is
 * the store, return or call that makes o escape.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Incoming copy edges per node (CSR) and incoming ADDR constraints. */
typedef struct esc_rindex {
  unsigned *start;    /* per node + 1 */
  int32_t *src, *con; /* edge source node and constraint index */
} esc_rindex;

/* One edge dst ← src of constraint ci: counted into start on the first
 * pass, stored on the second (fill, the next free place per node). */
static void edge(esc_rindex *r, unsigned *fill, esc_node dst, esc_node src,
                 unsigned ci) {
  if (!fill) {
    r->start[dst + 1]++;
    return;
  }
  unsigned at = r->start[dst] + fill[dst]++;
  r->src[at] = src;
  r->con[at] = (int32_t)ci;
}

/* Every copy edge of the solved graph: the constraints' and those the
 * solver derived from loads and stores; ADDR constraints are kept as edges
 * too (src = the object) and told apart by their op. */
static void edges(const esc_fn *f, esc_rindex *r, unsigned *fill) {
  for (unsigned ci = 0; ci < f->ncon; ci++) {
    const esc_con *c = &f->con[ci];
    if (c->op != ESC_LOAD && c->op != ESC_STORE) {
      edge(r, fill, c->dst, c->src, ci);
      continue;
    }
    uint32_t e;
    const esc_set *p = esc_pts(f->sol, c->op == ESC_LOAD ? c->src : c->dst);
    ESC_SET_EACH(p, e) {
      esc_node o = esc_pointee_node(f->sol, e);
      if (c->op == ESC_LOAD)
        edge(r, fill, c->dst, o, ci);
      else
        edge(r, fill, o, c->src, ci);
    }
  }
}

/* The edges by destination (CSR), in two passes: count, then fill. */
static esc_rindex *build(const esc_fn *f) {
  esc_rindex *r = esc_mem_calloc(1, sizeof *r);
  unsigned *fill = esc_mem_calloc(f->nobj + 1, sizeof *fill);
  if (!r || !fill || !(r->start = esc_mem_calloc(f->nobj + 1, sizeof *r->start)))
    esc_fatal("out of memory");
  edges(f, r, NULL);
  for (unsigned n = 0; n < f->nobj; n++)
    r->start[n + 1] += r->start[n];
  unsigned ne = r->start[f->nobj];
  if (!(r->src = esc_mem_alloc((ne + 1) * sizeof *r->src)) ||
      !(r->con = esc_mem_alloc((ne + 1) * sizeof *r->con)))
    esc_fatal("out of memory");
  edges(f, r, fill);
  esc_mem_free(fill);
  return r;
}

void esc_explain_done(esc_fn *f) {
  if (!f->rix)
    return;
  esc_mem_free(f->rix->start);
  esc_mem_free(f->rix->src);
  esc_mem_free(f->rix->con);
  esc_mem_free(f->rix);
  f->rix = NULL;
}

const char *esc_node_label(const esc_fn *f, esc_node n) {
  const esc_obj *o = &f->obj[n];
  if (o->kind == ESC_OBJ_HEAP)
    return "{heap}";
  if (o->kind == ESC_OBJ_TEMP || !o->name)
    return "{temp}";
  return o->name;
}

static bool holds(const esc_fn *f, esc_node n, esc_node y) {
  int32_t i = esc_pointee_index(f->sol, y);
  return i >= 0 && esc_set_has(esc_pts(f->sol, n), (uint32_t)i);
}

/* ---- steps -------------------------------------------------------------- */

static void step(esc_fn *f, esc_flow *out, esc_node dst, esc_node src,
                 int32_t ci) {
  const esc_con *c = &f->con[ci];
  const esc_where *at = &f->wheres[c->where];
  const char *what = at->expr;
  if (!what && c->op == ESC_ADDR)
    what = esc_strf(f->m, "&%s", esc_node_label(f, src));
  else if (!what)
    what = esc_node_label(f, src);
  /* An intermediate value has no name of its own: its step reads as Go's
   * "from EXPR (reason)", the expression being what the next step uses. */
  const char *why = esc_reason_name(c->why);
  bool temp = f->obj[dst].kind == ESC_OBJ_TEMP;
  esc_step s = {.pos = at->pos,
                .why = c->why,
                .message = temp ? esc_msg(f->m, ESC_MSG_FLOW_FROM, what, why)
                                : esc_msg(f->m, ESC_MSG_FLOW,
                                          esc_node_label(f, dst), what, why)};
  ESC_PUSH(out->v, out->n, out->cap, s);
}

typedef struct hop_search {
  int32_t *via, *via_con; /* per node: next node toward X and its edge */
  esc_ivec q;
} hop_search;

/* The ADDR constraint that gives n the object y, or -1. */
static int32_t addr_of(const esc_fn *f, esc_node n, esc_node y) {
  const esc_rindex *r = f->rix;
  for (unsigned i = r->start[n]; i < r->start[n + 1]; i++)
    if (f->con[r->con[i]].op == ESC_ADDR && r->src[i] == y)
      return r->con[i];
  return -1;
}

/* Steps that put y into pts(x): x ← ... ← &y. */
static void hop(esc_fn *f, esc_node x, esc_node y, hop_search *h,
                esc_flow *out) {
  const esc_rindex *r = f->rix;
  h->q.n = 0;
  for (unsigned i = 0; i < f->nobj; i++)
    h->via[i] = -2;
  h->via[x] = -1;
  esc_ivec_push(&h->q, x);
  for (unsigned qi = 0; qi < h->q.n; qi++) {
    esc_node v = h->q.v[qi];
    int32_t a = addr_of(f, v, y);
    if (a >= 0) {
      unsigned first = out->n;
      for (esc_node w = v; h->via[w] >= 0; w = h->via[w])
        step(f, out, h->via[w], w, h->via_con[w]);
      /* collected from the address end: put the root end first */
      for (unsigned i = first, j = out->n; i + 1 < j; i++, j--) {
        esc_step t = out->v[i];
        out->v[i] = out->v[j - 1], out->v[j - 1] = t;
      }
      step(f, out, v, y, a);
      return;
    }
    for (unsigned i = r->start[v]; i < r->start[v + 1]; i++) {
      esc_node u = r->src[i];
      if (f->con[r->con[i]].op != ESC_ADDR && h->via[u] == -2 &&
          holds(f, u, y)) {
        h->via[u] = v;
        h->via_con[u] = r->con[i];
        esc_ivec_push(&h->q, u);
      }
    }
  }
  esc_fatal("no derivation of %s ∋ %s in '%s'", esc_node_label(f, x),
            esc_node_label(f, y), f->d.name);
}

/* ---- the content chain ----------------------------------------------------
 */

/* parent[o] = the object whose pts first gave o in a BFS from the roots. */
static esc_node chain(const esc_fn *f, esc_node obj, uint8_t cls,
                      int32_t *parent, esc_ivec *q) {
  for (unsigned i = 0; i < f->nobj; i++)
    parent[i] = -2;
  q->n = 0;
  for (unsigned i = 0; i < f->nobj; i++)
    if (esc_root_class(f, (esc_node)i) & cls) {
      parent[i] = -1;
      esc_ivec_push(q, (int32_t)i);
    }
  for (unsigned qi = 0; qi < q->n; qi++) {
    esc_node v = q->v[qi];
    if (!(cls & ESC_CLS_UNKNOWN) && esc_is_barrier(f, v) && parent[v] != -1)
      continue; /* as in classes.c */
    uint32_t e;
    const esc_set *p = esc_pts(f->sol, v);
    ESC_SET_EACH(p, e) {
      esc_node o = esc_pointee_node(f->sol, e);
      if (o == obj) {
        parent[o] = v; /* the object may itself be a root: override */
        return v;
      }
      if (parent[o] == -2) {
        parent[o] = v;
        esc_ivec_push(q, o);
      }
    }
  }
  return ESC_NONE;
}

bool esc_explain(esc_fn *f, esc_node obj, uint8_t cls, esc_flow *out) {
  if (!f->rix)
    f->rix = build(f);
  int32_t *parent = esc_mem_alloc((f->nobj + 1) * sizeof *parent);
  hop_search h = {.via = esc_mem_alloc((f->nobj + 1) * sizeof(int32_t)),
                  .via_con = esc_mem_alloc((f->nobj + 1) * sizeof(int32_t))};
  esc_ivec q = {0};
  if (!parent || !h.via || !h.via_con)
    esc_fatal("out of memory");
  out->n = 0;
  bool found = chain(f, obj, cls, parent, &q) != ESC_NONE;
  if (found) {
    esc_ivec path = {0}; /* obj, ..., root */
    for (esc_node v = obj;; v = parent[v]) {
      esc_ivec_push(&path, v);
      if (parent[v] < 0)
        break;
    }
    out->root = path.v[path.n - 1];
    for (unsigned i = path.n - 1; i > 0; i--)
      hop(f, path.v[i], path.v[i - 1], &h, out);
    esc_mem_free(path.v);
  }
  esc_mem_free(parent), esc_mem_free(h.via), esc_mem_free(h.via_con), esc_mem_free(q.v), esc_mem_free(h.q.v);
  return found;
}

void esc_flow_free(esc_flow *fl) {
  esc_mem_free(fl->v);
  memset(fl, 0, sizeof *fl);
}
