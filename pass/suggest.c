/*
 * suggest.c — rewrites offered for a dangling local (escape-model §6.2).
 *
 * A local whose address outlives its block is a bug whose fix is the
 * programmer's call, so these rewrites are suggestions: records carry them,
 * and only `escan --fix-dangling=static|heap` applies one. Each is planned
 * from the text of the declaration, which the frontend describes lazily
 * (esc_options.describe_local) for dangling locals only:
 *
 *   static  `T x = e;`  →  `static T x; x = e;`
 *           The object outlives every call; every call shares it, so the
 *           rewrite is refused in recursive functions and in loops, and
 *           is only right in single-threaded, non-reentrant code (said in
 *           the message). A const object with a constant initializer keeps
 *           it (`static const T x = e;`): it cannot change between calls.
 *   heap    `T x = e;`  →  `T (*escan_x) = malloc(sizeof *escan_x);
 *           if (!escan_x) abort(); *escan_x = e;`; then `&x` becomes
 *           `escan_x`, `x.f` `escan_x->f`, any other mention `(*escan_x)`. The block is never freed: whoever holds
 *           the last pointer must free it (said in the message).
 *   value   `T *f(...) { T x; ... return &x; }` → `T f(...) { ... return x; }`
 *           with every caller's `*f(...)` → `f(...)`, `f(...)->m` →
 *           `f(...).m`. Offered only when x escapes through the return
 *           value alone and the frontend found every caller rewritable
 *           (adapter/by_value.cpp).
 *
 * Initializers keep their text: a braced list becomes a compound literal
 * `(T){...}`, and an array is filled by memcpy from `(T[N]){...}` since C
 * cannot assign arrays. When the translation unit lacks malloc, abort or
 * memcpy, a rewrite that needs one includes at the top of the file every
 * header of the two (<stdlib.h>, <string.h>) that is missing.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

typedef struct edits {
  esc_fix *v;
  unsigned n, cap;
} edits;

static void edit(edits *e, esc_range r, const char *text) {
  ESC_PUSH(e->v, e->n, e->cap, esc_fix_of(r, text));
}

static esc_range at(esc_pos p, uint32_t offset) {
  p.offset = offset;
  return (esc_range){.begin = p, .end_offset = offset};
}

/* Every rewrite of the file that needs a header inserts the same text, so
 * that the edits of several rewrites are one edit, not a conflict. */
static void include_headers(esc_module *m, edits *e, const esc_local_decl *d) {
  esc_pos top = {.file = d->head.begin.file, .line = 1, .col = 1};
  edit(e, at(top, 0),
       esc_strf(m, "%s%s", d->has_malloc ? "" : "#include <stdlib.h>\n",
                d->has_memcpy ? "" : "#include <string.h>\n"));
}

/* `(T)` before a braced list, `(T){` ... `}` around a string. */
static const char *literal_open(esc_module *m, const esc_local_decl *d) {
  return d->init == ESC_INIT_STRING ? esc_strf(m, "(%s){", d->type_text)
         : d->init == ESC_INIT_LIST ? esc_strf(m, "(%s)", d->type_text)
                                    : "";
}
static const char *literal_close(const esc_local_decl *d) {
  return d->init == ESC_INIT_STRING ? "}" : "";
}

/* The declaration's head becomes `decl; target`, so that the initializer
 * that follows (` = e;`) assigns to target; arrays are memcpy'd instead. */
static void reinit(esc_module *m, edits *e, const esc_local_decl *d,
                   const char *decl, const char *target) {
  if (d->init == ESC_INIT_NONE) {
    edit(e, d->head, decl);
    return;
  }
  if (!d->is_array) {
    edit(e, d->head, esc_strf(m, "%s; %s", decl, target));
    if (d->init == ESC_INIT_LIST)
      edit(e, at(d->init_range.begin, d->init_range.begin.offset),
           literal_open(m, d));
    return;
  }
  esc_range to_init = {.begin = d->head.begin,
                       .end_offset = d->init_range.begin.offset};
  edit(e, to_init,
       esc_strf(m, "%s; memcpy(%s, %s", decl, target, literal_open(m, d)));
  esc_pos end = d->init_range.begin;
  edit(e, at(end, d->init_range.end_offset),
       esc_strf(m, "%s, sizeof %s)", literal_close(d), target));
}

static bool copies_array(const esc_local_decl *d) {
  return d->is_array && d->init != ESC_INIT_NONE;
}

/* ---- static ------------------------------------------------------------ */

static const char *refuse_static(const esc_fn *f, const esc_obj *o,
                                 const esc_local_decl *d) {
  if (f->recursive)
    return esc_msg(f->m, ESC_MSG_NO_STATIC_RECURSIVE, f->d.name, o->name);
  if (f->blk[o->block].loop_depth > 0)
    return esc_msg(f->m, ESC_MSG_NO_STATIC_LOOP, o->name);
  if (d->is_const && d->init != ESC_INIT_NONE && !d->const_init)
    return ESC_NS_CONST;
  return NULL;
}

static void plan_static(esc_fn *f, const esc_obj *o, const esc_local_decl *d,
                        edits *e) {
  const char *decl = esc_strf(f->m, "static %s", d->head_text);
  if (d->is_const) { /* it cannot change, so one initialisation serves all */
    edit(e, d->head, decl);
    return;
  }
  reinit(f->m, e, d, decl, o->name);
  if (copies_array(d) && !d->has_memcpy)
    include_headers(f->m, e, d);
}

/* ---- heap ---------------------------------------------------------------- */

static void plan_heap(esc_fn *f, const esc_obj *o, const esc_local_decl *d,
                      edits *e) {
  esc_module *m = f->m;
  const char *p = esc_strf(m, "escan_%s", o->name);
  const char *decl =
      esc_strf(m, "%s%s%s = malloc(sizeof *%s); if (!%s) abort()",
               d->ptr_prefix, p, d->ptr_suffix, p, p);
  reinit(m, e, d, decl, esc_strf(m, "*%s", p));
  const char *use = esc_strf(m, "(*%s)", p);
  for (unsigned i = 0; i < d->nuses; i++)
    edit(e, d->uses[i], use);
  for (unsigned i = 0; i < d->naddr_uses; i++) /* &x is the pointer itself */
    edit(e, d->addr_uses[i], p);
  const char *arrow = esc_strf(m, "%s->", p);
  for (unsigned i = 0; i < d->nmember_uses; i++)
    edit(e, d->member_uses[i], arrow);
  if (!d->has_malloc || (copies_array(d) && !d->has_memcpy))
    include_headers(m, e, d);
}

/* ---- value ------------------------------------------------------------- */

static void plan_value(esc_fn *f, const esc_obj *o, const esc_local_decl *d,
                       edits *e) {
  edit(e, d->ret_type, esc_strf(f->m, "%s ", d->type_text));
  for (unsigned i = 0; i < d->nreturns; i++)
    edit(e, d->returns[i], o->name);
  for (unsigned i = 0; i < d->nderefs; i++)
    edit(e, d->derefs[i], "");
  for (unsigned i = 0; i < d->narrows; i++)
    edit(e, d->arrows[i], ".");
}

/* ---- offering -------------------------------------------------------------- */

static esc_suggestion offer(const char *rewrite, const char *message,
                            const char *refusal, edits *e) {
  esc_suggestion s = {.rewrite = rewrite, .message = message};
  if (refusal) {
    s.refusal = refusal;
    esc_mem_free(e->v);
  } else {
    s.fixes = e->v;
    s.nfixes = e->n;
  }
  return s;
}

static bool describe(esc_fn *f, esc_node local, esc_local_decl *d) {
  const esc_options *o = &f->m->opts;
  const void *decl = NULL;
  for (unsigned i = 0; i < f->nldecls && !decl; i++)
    if (f->ldecls[i].node == local)
      decl = f->ldecls[i].decl;
  memset(d, 0, sizeof *d);
  return decl && o->describe_local &&
         o->describe_local(o->describe_local_ctx, decl, d);
}

esc_suggestion *esc_suggest(esc_fn *f, esc_node local, uint8_t cls,
                            unsigned *n) {
  esc_module *m = f->m;
  const esc_obj *o = &f->obj[local];
  esc_local_decl d;
  *n = 0;
  if (o->kind != ESC_OBJ_LOCAL || !describe(f, local, &d))
    return NULL;
  esc_suggestion *v = esc_mem_alloc(3 * sizeof *v);
  if (!v)
    esc_fatal("out of memory");
  edits st = {0}, hp = {0};
  /* the frontend's strings live until its next call: keep copies */
  if (d.refusal)
    d.refusal = esc_intern(m, d.refusal);
  if (d.heap_refusal)
    d.heap_refusal = esc_intern(m, d.heap_refusal);
  if (d.value_refusal)
    d.value_refusal = esc_intern(m, d.value_refusal);
  const char *why = d.refusal ? d.refusal : refuse_static(f, o, &d);
  if (!why)
    plan_static(f, o, &d, &st);
  v[(*n)++] = offer("static",
                    esc_msg(m, ESC_MSG_SUGGEST_STATIC, o->name, o->name), why,
                    &st);
  why = d.refusal ? d.refusal : d.heap_refusal;
  if (!why)
    plan_heap(f, o, &d, &hp);
  v[(*n)++] = offer("heap", esc_msg(m, ESC_MSG_SUGGEST_HEAP, o->name), why,
                    &hp);
  edits val = {0};
  why = d.refusal              ? d.refusal
        : cls != ESC_CLS_RETURN ? ESC_NS_NOT_ONLY_RETURN
                                : d.value_refusal;
  if (!why)
    plan_value(f, o, &d, &val);
  v[(*n)++] = offer("value",
                    esc_msg(m, ESC_MSG_SUGGEST_VALUE, o->name, f->d.name,
                            d.type_text),
                    why, &val);
  return v;
}

void esc_suggestions_free(const esc_suggestion *v, unsigned n) {
  for (unsigned i = 0; i < n; i++)
    esc_mem_free((void *)v[i].fixes);
  esc_mem_free((void *)v);
}
