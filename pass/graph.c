/*
 * graph.c — one function's graph as the adapter builds it: objects (every
 * node is an object; a variable's node holds its contents), the block tree,
 * the four constraints with their notes, and the calls, recorded as they
 * are and instantiated only at solve time (call.c).
 *
 * Initial facts are constraints like any other, so the solver needs no
 * special cases:  pts(param i) ∋ C(i,1),  pts(C(i,k)) ∋ C(i,k+1),
 * pts(C(i,K)) ∋ C(i,K),  pts(static) ∋ EXTERN,  pts(EXTERN) ∋ EXTERN,
 * pts(UNKNOWN) ∋ UNKNOWN, EXTERN.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

bool esc_is_stack(uint8_t kind) {
  return kind == ESC_OBJ_LOCAL || kind == ESC_OBJ_PARAM ||
         kind == ESC_OBJ_COMPOUND || kind == ESC_OBJ_ALLOCA ||
         kind == ESC_OBJ_VLA;
}

bool esc_is_static(uint8_t kind) {
  return kind == ESC_OBJ_STATIC || kind == ESC_OBJ_STRING ||
         kind == ESC_OBJ_FUNCTION;
}

void esc_check_node(const esc_fn *f, esc_node n) {
  if (n < 0 || (unsigned)n >= f->nobj)
    esc_fatal("node %d out of range in function '%s'", n, f->d.name);
}

/* A new object whose name is interned already (no second hashing). */
static esc_node obj_named(esc_fn *f, uint8_t kind, const char *name,
                          esc_pos pos, esc_block_id block) {
  esc_obj o = {.kind = kind,
               .name = name,
               .pos = pos,
               .block = block,
               .size = -1,
               .param = -1,
               .site = -1};
  if (block >= f->nblk)
    esc_fatal("block %u out of range in function '%s'", block, f->d.name);
  ESC_PUSH(f->obj, f->nobj, f->capobj, o);
  return (esc_node)f->nobj - 1;
}

esc_node esc_new_obj(esc_fn *f, uint8_t kind, const char *name, esc_pos pos,
                     esc_block_id block) {
  return obj_named(f, kind, esc_intern(f->m, name), pos, block);
}

static bool same_where(const esc_where *w, const esc_note *n) {
  return w->expr == n->expr && w->pos.file == n->pos.file &&
         w->pos.line == n->pos.line && w->pos.col == n->pos.col &&
         w->pos.offset == n->pos.offset && w->pos.cookie == n->pos.cookie &&
         w->pos.in_macro == n->pos.in_macro;
}

esc_tag esc_tag_of(esc_fn *f, const esc_note *n) {
  if (!f->nwheres || !same_where(&f->wheres[f->nwheres - 1], n)) {
    esc_where w = {.pos = n->pos, .expr = n->expr};
    ESC_PUSH(f->wheres, f->nwheres, f->capwheres, w);
  }
  return (esc_tag){.where = f->nwheres - 1, .why = (uint8_t)n->why};
}

static bool same_con(const esc_con *a, const esc_con *b) {
  return a->op == b->op && a->undone == b->undone && a->dst == b->dst &&
         a->src == b->src;
}

static size_t con_hash(const esc_con *c) {
  uint64_t h = ((uint64_t)(uint32_t)c->dst << 32 | (uint32_t)c->src) ^
               (uint64_t)(c->op * 2u + c->undone) << 29;
  return (size_t)(h * 0x9e3779b97f4a7c15ull >> 32);
}

/* Open addressing over the kept constraints' indices + 1 (0 marks a free
 * slot), in the scratch arena, which is free between solves. Keeps the
 * first of equal constraints, so each note stays the earliest one. */
void esc_con_dedupe(esc_fn *f, unsigned from) {
  if (f->ncon - from < 2)
    return;
  size_t cap = 2;
  while (cap < 2 * (size_t)(f->ncon - from))
    cap *= 2;
  uint32_t *slot = esc_arena_zalloc(&f->m->scratch, cap * sizeof *slot);
  unsigned kept = from;
  for (unsigned i = from; i < f->ncon; i++) {
    const esc_con *c = &f->con[i];
    size_t j = con_hash(c) & (cap - 1);
    while (slot[j] && !same_con(&f->con[slot[j] - 1], c))
      j = (j + 1) & (cap - 1);
    if (!slot[j]) {
      f->con[kept] = *c;
      slot[j] = ++kept;
    }
  }
  f->ncon = kept;
  esc_arena_rewind(&f->m->scratch);
}

/* A note for an initial fact, printed as "dst ← <expr> (init)". */
static esc_tag fact(esc_fn *f, esc_pos pos, const char *expr) {
  return esc_tag_of(f,
                    &(esc_note){.pos = pos, .why = ESC_R_INIT, .expr = expr});
}

/* ---- functions and blocks ---------------------------------------------- */

/* A new function of m, found by name from now on (the first definition
 * of a name wins). */
static esc_fn *new_fn(esc_module *m, const char *name) {
  esc_fn *f = esc_mem_calloc(1, sizeof *f);
  if (!f)
    esc_fatal("out of memory");
  f->m = m;
  f->d.name = esc_intern(m, name ? name : "");
  f->index = m->nfns;
  ESC_PUSH(m->fns, m->nfns, m->capfns, f);
  if (esc_pmap_get(&m->fn_by_name, f->d.name) < 0)
    esc_pmap_put(&m->fn_by_name, f->d.name, (int32_t)f->index);
  return f;
}

void esc_fn_declare(esc_module *m, const char *name,
                    const char *const *mentions, unsigned nmentions,
                    const void *handle) {
  esc_fn *f = new_fn(m, name);
  f->declared = true;
  f->handle = handle;
  f->mentions = esc_mem_alloc((nmentions ? nmentions : 1) * sizeof *f->mentions);
  if (!f->mentions)
    esc_fatal("out of memory");
  for (unsigned i = 0; i < nmentions; i++)
    f->mentions[i] = esc_intern(m, mentions[i]);
  f->nmentions = nmentions;
}

/* Within options.lower, the declared function being built. */
esc_fn *esc_fn_begin(esc_module *m, const esc_fn_desc *d) {
  esc_fn *f = m->lowering ? m->lowering : new_fn(m, d->name);
  m->lowering = NULL;
  f->d = *d;
  f->d.name = esc_intern(m, d->name ? d->name : "");
  f->result = f->unknown = f->sink = f->extern_mem = ESC_NONE;
  f->params = esc_mem_calloc(d->nparams ? d->nparams : 1, sizeof *f->params);
  if (!f->params)
    esc_fatal("out of memory");
  for (unsigned i = 0; i < d->nparams; i++) {
    f->params[i].node = ESC_NONE;
    for (unsigned k = 0; k < ESC_DEPTH; k++)
      f->params[i].mem[k] = ESC_NONE;
  }
  esc_blk body = {.parent = 0, .loop_depth = 0, .lbrace = d->body_lbrace};
  ESC_PUSH(f->blk, f->nblk, f->capblk, body);
  return f;
}

/* The adapter's graph is kept until the function is finished: no slack,
 * but for the objects and constraints that calls append to when the
 * function is solved, usually soon after. */
void esc_fn_end(esc_fn *f) {
  f->ended = true;
  f->nbase_obj = f->nobj;
  f->nbase_con = f->ncon;
  f->nbase_wheres = f->nwheres;
  esc_shrink(&f->wheres, &f->capwheres, sizeof *f->wheres, f->nwheres);
  esc_shrink(&f->blk, &f->capblk, sizeof *f->blk, f->nblk);
  esc_shrink(&f->calls, &f->capcalls, sizeof *f->calls, f->ncalls);
}

esc_block_id esc_block(esc_fn *f, esc_block_id parent, unsigned loop_depth,
                       esc_pos lbrace) {
  if (parent >= f->nblk)
    esc_fatal("parent block %u out of range in '%s'", parent, f->d.name);
  esc_blk b = {.parent = parent, .loop_depth = loop_depth, .lbrace = lbrace};
  ESC_PUSH(f->blk, f->nblk, f->capblk, b);
  return f->nblk - 1;
}

static unsigned depth(const esc_fn *f, esc_block_id b) {
  unsigned d = 0;
  for (; b != 0; b = f->blk[b].parent)
    d++;
  return d;
}

esc_block_id esc_block_common(const esc_fn *f, esc_block_id a, esc_block_id b) {
  unsigned da = depth(f, a), db = depth(f, b);
  for (; da > db; da--)
    a = f->blk[a].parent;
  for (; db > da; db--)
    b = f->blk[b].parent;
  while (a != b)
    a = f->blk[a].parent, b = f->blk[b].parent;
  return a;
}

/* ---- objects ------------------------------------------------------------ */

esc_node esc_extern_mem(esc_fn *f) {
  if (f->extern_mem == ESC_NONE) {
    esc_pos none = {0};
    f->extern_mem = esc_new_obj(f, ESC_OBJ_EXTERN, "{global}", none, 0);
    esc_tag n = fact(f, none, "{global}");
    esc_con_add(f, ESC_ADDR, f->extern_mem, f->extern_mem, n);
  }
  return f->extern_mem;
}

/* Statics start out pointing into global memory: other functions may have
 * stored anything there. */
static void static_facts(esc_fn *f, esc_node g) {
  esc_node e = esc_extern_mem(f);
  esc_tag n = fact(f, f->obj[g].pos, "{global}");
  esc_con_add(f, ESC_ADDR, g, e, n);
}

esc_node esc_object(esc_fn *f, const esc_obj_desc *d) {
  if (d->kind > ESC_OBJ_TEMP)
    esc_fatal("bad object kind %d", (int)d->kind);
  esc_node n = esc_new_obj(f, (uint8_t)d->kind, d->name, d->pos, d->block);
  f->obj[n].size = d->size;
  if (d->decl) {
    struct esc_ldecl l = {.node = n, .decl = d->decl};
    ESC_PUSH(f->ldecls, f->nldecls, f->capldecls, l);
  }
  if (d->kind == ESC_OBJ_STATIC)
    static_facts(f, n);
  return n;
}

esc_node esc_temp(esc_fn *f, esc_block_id block) {
  esc_pos none = {0};
  return esc_new_obj(f, ESC_OBJ_TEMP, NULL, none, block);
}

/* "*p", "**p", ...: the name of C(i,k). */
static const char *caller_name(esc_module *m, const char *p, unsigned k) {
  char buf[256];
  size_t n = strlen(p);
  if (n > sizeof buf - 1 - k)
    n = sizeof buf - 1 - k;
  memset(buf, '*', k);
  memcpy(buf + k, p, n);
  buf[k + n] = 0;
  return esc_intern(m, buf);
}

/* The names of C(i,1) .. C(i,ESC_DEPTH) for a parameter named p (interned),
 * made once per name: SQLite's 7,000 pointer parameters have 940 names. */
static const char *const *caller_names(esc_module *m, const char *p) {
  int32_t g = esc_pmap_get(&m->caller_groups, p);
  if (g < 0) {
    g = (int32_t)m->ncaller_names;
    for (unsigned k = 1; k <= ESC_DEPTH; k++) {
      const char *cn = caller_name(m, p, k);
      ESC_PUSH(m->caller_names, m->ncaller_names, m->capcaller_names, cn);
    }
    esc_pmap_put(&m->caller_groups, p, g);
  }
  return &m->caller_names[g];
}

esc_node esc_param(esc_fn *f, unsigned index, const char *name, esc_pos pos,
                   bool carries_pointers) {
  if (index >= f->d.nparams)
    esc_fatal("parameter %u of '%s' out of range", index, f->d.name);
  esc_paraminfo *pi = &f->params[index];
  pi->node = esc_new_obj(f, ESC_OBJ_PARAM, name, pos, 0);
  pi->name = f->obj[pi->node].name;
  pi->pos = pos;
  f->obj[pi->node].param = (int32_t)index;
  if (!carries_pointers)
    return pi->node;
  esc_node prev = pi->node;
  const char *const *names = caller_names(f->m, pi->name ? pi->name : "?");
  for (unsigned k = 0; k < ESC_DEPTH; k++) {
    const char *cn = names[k];
    pi->mem[k] = obj_named(f, ESC_OBJ_CALLER, cn, pos, 0);
    f->obj[pi->mem[k]].param = (int32_t)index;
    f->obj[pi->mem[k]].level = (int16_t)(k + 1);
    esc_con_add(f, ESC_ADDR, prev, pi->mem[k], fact(f, pos, cn));
    prev = pi->mem[k];
  }
  esc_tag n = fact(f, pos, f->obj[prev].name);
  esc_con_add(f, ESC_ADDR, prev, prev, n); /* C(i,K) stands for all deeper */
  return pi->node;
}

esc_node esc_result(esc_fn *f) {
  if (f->result == ESC_NONE)
    f->result = esc_new_obj(f, ESC_OBJ_RESULT, "~r0", f->d.pos, 0);
  return f->result;
}

esc_node esc_global(esc_fn *f, const char *name, esc_pos pos) {
  return esc_global_interned(f, esc_intern(f->m, name), pos);
}

esc_node esc_global_interned(esc_fn *f, const char *n, esc_pos pos) {
  int32_t g = esc_pmap_get(&f->globals, n);
  if (g >= 0)
    return g;
  g = obj_named(f, ESC_OBJ_STATIC, n, pos, 0);
  f->obj[g].by_name = true;
  esc_pmap_put(&f->globals, n, g);
  static_facts(f, g);
  return g;
}

esc_node esc_unknown(esc_fn *f) {
  if (f->unknown == ESC_NONE) {
    esc_pos none = {0};
    esc_node e = esc_extern_mem(f);
    f->unknown = esc_new_obj(f, ESC_OBJ_UNKNOWN, "{unknown}", none, 0);
    esc_tag n = fact(f, none, "{unknown}");
    esc_con_add(f, ESC_ADDR, f->unknown, f->unknown, n);
    esc_con_add(f, ESC_ADDR, f->unknown, e, n);
  }
  return f->unknown;
}

/* What unknown code receives: a root of class unknown that nothing reads
 * back. Arguments of unknown calls go here rather than into UNKNOWN, so
 * that `stat(path, &st); ... p = unknown_result->field; g->q = p;` does not
 * make &st reachable from a global: anything given to unknown code already
 * escapes (to unknown), and giving it back would only feed false dangling
 * reports. */
esc_node esc_sink(esc_fn *f) {
  if (f->sink == ESC_NONE) {
    esc_pos none = {0};
    f->sink = esc_new_obj(f, ESC_OBJ_UNKNOWN, "{unknown}", none, 0);
  }
  return f->sink;
}

/* ---- constraints and calls ---------------------------------------------- */

/* The public constraints copy the note's text (escan.h promises that). */
static void constrain(esc_fn *f, esc_op op, esc_node dst, esc_node src,
                      const esc_note *n) {
  if (dst == ESC_NONE || src == ESC_NONE)
    return; /* esc_con_add would drop it */
  esc_note copy = n ? *n : (esc_note){0};
  copy.expr = esc_intern(f->m, copy.expr);
  esc_con_add(f, op, dst, src, esc_tag_of(f, &copy));
}

void esc_addr(esc_fn *f, esc_node dst, esc_node obj, const esc_note *n) {
  constrain(f, ESC_ADDR, dst, obj, n);
}
void esc_copy(esc_fn *f, esc_node dst, esc_node src, const esc_note *n) {
  constrain(f, ESC_COPY, dst, src, n);
}
void esc_load(esc_fn *f, esc_node dst, esc_node src, const esc_note *n) {
  constrain(f, ESC_LOAD, dst, src, n);
}
void esc_store(esc_fn *f, esc_node dst, esc_node src, const esc_note *n) {
  constrain(f, ESC_STORE, dst, src, n);
}

/* Marks the constraint just added (if any) as undone. */
static void undone(esc_fn *f, unsigned before) {
  if (f->ncon > before) {
    f->con[f->ncon - 1].undone = true;
    f->has_undone = true;
  }
}

void esc_copy_undone(esc_fn *f, esc_node dst, esc_node src, const esc_note *n) {
  unsigned before = f->ncon;
  constrain(f, ESC_COPY, dst, src, n);
  undone(f, before);
}

void esc_store_undone(esc_fn *f, esc_node dst, esc_node src,
                      const esc_note *n) {
  unsigned before = f->ncon;
  constrain(f, ESC_STORE, dst, src, n);
  undone(f, before);
}

static void *dup_nodes(const esc_node *v, unsigned n) {
  if (!n)
    return NULL;
  esc_node *c = esc_mem_alloc(n * sizeof *c);
  if (!c)
    esc_fatal("out of memory");
  memcpy(c, v, n * sizeof *c);
  return c;
}

void esc_call(esc_fn *f, const esc_call_desc *d) {
  esc_callrec c = {.d = *d};
  c.d.callee = esc_intern(f->m, d->callee);
  c.d.text = esc_keep(f->m, d->text ? d->text : "");
  c.d.args_text = esc_keep(f->m, d->args_text);
  c.d.args = dup_nodes(d->args, d->nargs);
  c.d.guard_excludes = dup_nodes(d->guard_excludes, d->nguard_excludes);
  c.where = esc_tag_of(f, &(esc_note){.pos = d->pos, .expr = c.d.text}).where;
  for (unsigned i = 0; i < d->nargs; i++)
    if (d->args[i] != ESC_NONE)
      esc_check_node(f, d->args[i]);
  if (d->result != ESC_NONE)
    esc_check_node(f, d->result);
  if (d->block >= f->nblk)
    esc_fatal("call block %u out of range in '%s'", d->block, f->d.name);
  ESC_PUSH(f->calls, f->ncalls, f->capcalls, c);
}

/* ---- reset and free ----------------------------------------------------- */

/* Rebuilds the by-name statics map from the adapter's part of the graph. */
static void rebuild_globals(esc_fn *f) {
  esc_pmap_clear(&f->globals);
  for (unsigned i = 0; i < f->nobj; i++)
    if (f->obj[i].by_name)
      esc_pmap_put(&f->globals, f->obj[i].name, (int32_t)i);
}

void esc_graph_reset(esc_fn *f) {
  bool grew = f->nobj > f->nbase_obj;
  f->nobj = f->nbase_obj;
  f->ncon = f->nbase_con;
  f->nwheres = f->nbase_wheres;
  f->nsites = f->nfrees = 0;
  f->calls_setjmp = false;
  if (f->unknown >= (esc_node)f->nobj)
    f->unknown = ESC_NONE;
  if (f->sink >= (esc_node)f->nobj)
    f->sink = ESC_NONE;
  if (f->extern_mem >= (esc_node)f->nobj)
    f->extern_mem = ESC_NONE;
  if (grew)
    rebuild_globals(f);
}

/* Callers need only f's description and summary (call.c): the graph goes,
 * and its memory serves the functions solved after f. */
void esc_graph_free(esc_fn *f) {
  for (unsigned i = 0; i < f->ncalls; i++) {
    esc_mem_free((void *)f->calls[i].d.args);
    esc_mem_free((void *)f->calls[i].d.guard_excludes);
  }
  esc_mem_free(f->calls), esc_mem_free(f->obj), esc_mem_free(f->con), esc_mem_free(f->wheres), esc_mem_free(f->blk);
  esc_mem_free(f->params), esc_mem_free(f->sites), esc_mem_free(f->frees), esc_mem_free(f->ldecls);
  esc_mem_free(f->mentions);
  esc_mem_free(f->cls);
  esc_explain_done(f);
  esc_solution_free(f->sol);
  esc_pmap_free(&f->globals);
  esc_summary *s = f->summary;
  esc_fn_desc d = f->d;
  unsigned index = f->index;
  int32_t scc = f->scc;
  esc_module *m = f->m;
  *f = (esc_fn){.m = m, .d = d, .index = index, .scc = scc, .summary = s,
                .ended = true};
}

void esc_fn_free(esc_fn *f) {
  esc_graph_free(f);
  esc_summary_free(f->summary);
  esc_mem_free(f);
}
