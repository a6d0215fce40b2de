/*
 * report.c — records: the one output type of the engine (esc_record),
 * made once from decisions and rewrite plans, then turned into clang
 * diagnostics by the adapter and into JSON by json.c.
 *
 * Placement of a record: a dangling object is reported at the store,
 * return or call that makes it escape (the first step of its flow); heap
 * sites at their allocating call; free-nonheap at the free. Findings obey
 * opts.checks; info records exist only at m >= 1 (some at m >= 2). Flows
 * are attached at m >= 2, but a finding's stable hash always covers the
 * reasons of its flow, so the hash of a finding does not depend on -m.
 */
#define _GNU_SOURCE /* qsort_r */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static const char *const kind_names[] = {"dangling", "free-nonheap", "leak",
                                         "heap-to-stack", "info"};
static const char *const severity_names[] = {"error", "warning", "remark",
                                             "note"};

const char *esc_kind_name(esc_kind k) {
  return (unsigned)k < 5 ? kind_names[k] : "?";
}
const char *esc_severity_name(esc_severity s) {
  return (unsigned)s < 4 ? severity_names[s] : "?";
}

unsigned esc_record_count(const esc_module *m) { return m->nrecords; }
const esc_record *esc_record_at(const esc_module *m, unsigned i) {
  return i < m->nrecords ? &m->records[i] : NULL;
}
unsigned esc_param_line_count(const esc_module *m) { return m->nplines; }
const esc_param_line *esc_param_line_at(const esc_module *m, unsigned i) {
  return i < m->nplines ? &m->plines[i] : NULL;
}

/* ---- suppression -----------------------------------------------------------
 */

/* Does the bracketed or parenthesized list starting at s name kind? Items
 * are separated by commas; `prefix` is stripped from each ("escan-"). */
static bool list_names(const char *s, char close, const char *prefix,
                       const char *kind) {
  size_t pl = strlen(prefix), kl = strlen(kind);
  while (*s && *s != close) {
    size_t len = strcspn(s, ",)]");
    const char *item = s;
    while (len && *item == ' ')
      item++, len--;
    if (len >= pl && strncmp(item, prefix, pl) == 0) {
      const char *rest = item + pl;
      size_t rl = len - pl;
      if (rl == 0 || (rl == 1 && *rest == '*') ||
          (rl == kl && strncmp(rest, kind, kl) == 0))
        return true;
    }
    s += strcspn(s, ",)]");
    if (*s == ',')
      s++;
  }
  return false;
}

static bool ignore_comment(const char *line, const char *kind) {
  for (const char *p = strstr(line, "escan:ignore"); p;
       p = strstr(p + 1, "escan:ignore")) {
    const char *after = p + strlen("escan:ignore");
    if (*after != '[' || list_names(after + 1, ']', "", kind))
      return true;
  }
  return false;
}

/* NOLINT(escan), NOLINT(escan-leak), NOLINT(escan-*) and the same for
 * NOLINTNEXTLINE; a bare NOLINT is clang-tidy's and not ours. */
static bool nolint(const char *line, const char *tag, const char *kind) {
  for (const char *p = strstr(line, tag); p; p = strstr(p + 1, tag))
    if (list_names(p + strlen(tag), ')', "escan-", kind) ||
        list_names(p + strlen(tag), ')', "escan", ""))
      return true;
  return false;
}

/* The text of line n of file (NUL-terminated copy) or NULL. */
static char *line_text(const esc_module *m, uint32_t file, uint32_t n) {
  size_t len = 0;
  if (!m->opts.source_line || n == 0)
    return NULL;
  const char *s = m->opts.source_line(m->opts.source_line_ctx, file, n, &len);
  if (!s)
    return NULL;
  char *c = esc_mem_alloc(len + 1);
  if (!c)
    esc_fatal("out of memory");
  memcpy(c, s, len);
  c[len] = 0;
  return c;
}

bool esc_suppressed(const esc_module *m, esc_kind k, esc_pos pos) {
  const char *kind = esc_kind_name(k);
  char *here = line_text(m, pos.file, pos.line);
  char *above = line_text(m, pos.file, pos.line - 1);
  bool s =
      (here && (ignore_comment(here, kind) || nolint(here, "NOLINT(", kind))) ||
      (above &&
       (ignore_comment(above, kind) || nolint(above, "NOLINTNEXTLINE(", kind) ||
        nolint(above, "NOLINT(", kind)));
  esc_mem_free(here);
  esc_mem_free(above);
  return s;
}

/* ---- records ----------------------------------------------------------------
 */

typedef struct rec_args {
  esc_kind kind;
  esc_severity sev;
  const char *message, *detail, *object, *written, *decided;
  esc_pos pos;
  const esc_flow *flow; /* may be NULL */
  const esc_plan *plan; /* fixes, may be NULL */
} rec_args;

static void fnv(uint64_t *h, const char *s) {
  for (; s && *s; s++)
    *h = (*h ^ (unsigned char)*s) * 0x100000001b3ULL;
  *h = (*h ^ 0xff) * 0x100000001b3ULL; /* field separator */
}

/* FNV-1a 64 of kind, function, object, file path and the flow's reasons
 * (each followed by a 0xff separator): no line numbers, so unrelated edits
 * keep it. */
static void hash(esc_module *m, const esc_fn *f, const rec_args *a,
                 char out[17]) {
  uint64_t h = 0xcbf29ce484222325ULL;
  fnv(&h, esc_kind_name(a->kind));
  fnv(&h, f->d.name);
  fnv(&h, a->object);
  fnv(&h, esc_file_path(m, a->pos.file));
  for (unsigned i = 0; a->flow && i < a->flow->n; i++)
    fnv(&h, esc_reason_name(a->flow->v[i].why));
  snprintf(out, 17, "%016llx", (unsigned long long)h);
}

static esc_flow_step *copy_flow(const esc_flow *fl) {
  esc_flow_step *v = esc_mem_alloc((fl->n ? fl->n : 1) * sizeof *v);
  if (!v)
    esc_fatal("out of memory");
  for (unsigned i = 0; i < fl->n; i++)
    v[i] = (esc_flow_step){.pos = fl->v[i].pos, .message = fl->v[i].message};
  return v;
}

static void add(esc_fn *f, const rec_args *a) {
  esc_module *m = f->m;
  esc_record r = {.kind = a->kind,
                  .severity = a->sev,
                  .message = a->message,
                  .detail = a->detail,
                  .pos = a->pos,
                  .function = f->d.name,
                  .object = a->object,
                  .written = a->written,
                  .decided = a->decided};
  hash(m, f, a, r.hash);
  if (a->flow && a->flow->n && m->opts.m_level >= 2) {
    r.flow = copy_flow(a->flow);
    r.nflow = a->flow->n;
  }
  if (a->plan && a->plan->nfixes) {
    esc_fix *fx = esc_mem_alloc(a->plan->nfixes * sizeof *fx);
    if (!fx)
      esc_fatal("out of memory");
    memcpy(fx, a->plan->fixes, a->plan->nfixes * sizeof *fx);
    r.fixes = fx;
    r.nfixes = a->plan->nfixes;
  }
  r.suppressed = a->kind != ESC_KIND_INFO && esc_suppressed(m, a->kind, a->pos);
  ESC_PUSH(m->records, m->nrecords, m->caprecords, r);
}

static void info(esc_fn *f, const char *message, esc_node obj, esc_pos pos,
                 const char *written, const char *decided,
                 const esc_flow *flow) {
  rec_args a = {.kind = ESC_KIND_INFO,
                .sev = ESC_SEV_NOTE,
                .message = message,
                .object = f->obj[obj].name,
                .pos = pos,
                .written = written,
                .decided = decided,
                .flow = flow};
  add(f, &a);
}

/* ---- per decision
 * ------------------------------------------------------------ */

static const char *describe(esc_module *m, const esc_obj *o) {
  switch (o->kind) {
  case ESC_OBJ_LOCAL:
    return esc_strf(m, "stack variable '%s'", o->name);
  case ESC_OBJ_PARAM:
    return esc_strf(m, "parameter '%s'", o->name);
  case ESC_OBJ_COMPOUND:
    return esc_strf(m, "compound literal '%s'", o->name);
  case ESC_OBJ_VLA:
    return esc_strf(m, "variable-length array '%s'", o->name);
  default:
    return esc_strf(m, "stack memory '%s'", o->name);
  }
}

static const char *dangling_detail(esc_fn *f, const esc_obj *o, esc_node root) {
  esc_module *m = f->m;
  const char *what = describe(m, o);
  const esc_obj *r = &f->obj[root];
  if (r->kind == ESC_OBJ_RESULT)
    return esc_msg(m, ESC_MSG_DETAIL_RETURN, what);
  if (r->kind == ESC_OBJ_STATIC)
    return esc_msg(m, ESC_MSG_DETAIL_GLOBAL, what, r->name);
  if (r->kind == ESC_OBJ_CALLER)
    return esc_msg(m, ESC_MSG_DETAIL_CALLER, what, r->name);
  return esc_msg(m, ESC_MSG_DETAIL_EXTERN, what);
}

static void dangling(esc_fn *f, const esc_decision *d) {
  const esc_obj *o = &f->obj[d->obj];
  esc_flow fl = {0};
  if (!esc_explain(f, d->obj, d->cls, &fl))
    esc_fatal("dangling '%s' without a root in '%s'", o->name, f->d.name);
  bool named = o->kind == ESC_OBJ_LOCAL || o->kind == ESC_OBJ_PARAM;
  rec_args a = {
      .kind = ESC_KIND_DANGLING,
      .sev = ESC_SEV_ERROR,
      .message =
          esc_msg(f->m, named ? ESC_MSG_MOVED_TO_HEAP : ESC_MSG_ESCAPES_TO_HEAP,
                  o->name),
      .detail = dangling_detail(f, o, fl.root),
      .object = o->name,
      .pos = fl.n ? fl.v[0].pos : o->pos,
      .written = "stack",
      .decided = "heap",
      .flow = &fl};
  add(f, &a);
  esc_flow_free(&fl);
  esc_record *r = &f->m->records[f->m->nrecords - 1];
  r->suggestions = esc_suggest(f, d->obj, d->cls, &r->nsuggestions);
  r->decl_pos = o->pos;
}

/* Info records that carry a flow at m >= 2, placed at pos (or, for stack
 * objects, at the root-adjacent step). */
static void explained_info(esc_fn *f, const esc_decision *d,
                           const char *message, bool at_step,
                           const char *written, const char *decided) {
  esc_flow fl = {0};
  esc_pos pos = f->obj[d->obj].pos;
  if (f->m->opts.m_level >= 2 && esc_explain(f, d->obj, d->cls, &fl) &&
      at_step && fl.n)
    pos = fl.v[0].pos;
  info(f, message, d->obj, pos, written, decided, &fl);
  esc_flow_free(&fl);
}

static void free_nonheap(esc_fn *f, const esc_decision *d) {
  const esc_obj *o = &f->obj[d->obj];
  const esc_callrec *c = &f->calls[f->frees[d->free_ev].call];
  rec_args a = {.kind = ESC_KIND_FREE_NONHEAP,
                .sev = ESC_SEV_ERROR,
                .message = esc_msg(f->m, ESC_MSG_FREE_NONHEAP, o->name),
                .detail = esc_storage_detail(f->m, o->kind, o->name),
                .object = o->name,
                .pos = c->d.pos,
                .written = esc_is_stack(o->kind) ? "stack" : "static",
                .decided = "heap"};
  add(f, &a);
}

static void not_promoted(esc_fn *f, const esc_decision *d) {
  if (f->m->opts.m_level >= 2 && d->plan.refusal)
    info(f, esc_msg(f->m, ESC_MSG_NOT_PROMOTED, d->plan.refusal), d->obj,
         f->obj[d->obj].pos, "heap", "stack", NULL);
}

static void local_heap(esc_fn *f, const esc_decision *d) {
  esc_module *m = f->m;
  const esc_obj *o = &f->obj[d->obj];
  bool leak = d->kind == ESC_D_LEAK && (m->opts.checks & ESC_CHECK_LEAK);
  bool promoted = d->plan.promoted;
  bool h2s = !leak && promoted && (m->opts.checks & ESC_CHECK_HEAP_TO_STACK);
  if (leak || h2s) {
    rec_args a = {
        .kind = leak ? ESC_KIND_LEAK : ESC_KIND_HEAP_TO_STACK,
        .sev = leak ? ESC_SEV_WARNING : ESC_SEV_REMARK,
        .message = esc_msg(
            m, leak ? ESC_MSG_NEVER_FREED : ESC_MSG_DOES_NOT_ESCAPE, o->name),
        .detail = promoted ? esc_msg_fmt(ESC_MSG_CAN_BE_STACK) : NULL,
        .object = o->name,
        .pos = o->pos,
        .written = "heap",
        .decided = "stack",
        .plan = promoted ? &d->plan : NULL};
    add(f, &a);
  } else if (m->opts.m_level >= 1) {
    info(f, esc_msg(m, ESC_MSG_DOES_NOT_ESCAPE, o->name), d->obj, o->pos,
         "heap", "stack", NULL);
  }
  if (m->opts.m_level >= 1)
    not_promoted(f, d);
}

static void report_one(esc_fn *f, const esc_decision *d) {
  esc_module *m = f->m;
  const char *name = f->obj[d->obj].name;
  switch ((esc_dkind)d->kind) {
  case ESC_D_DANGLING:
    if (m->opts.checks & ESC_CHECK_DANGLING)
      dangling(f, d);
    break;
  case ESC_D_MAY_ESCAPE:
    if (m->opts.m_level >= 2)
      explained_info(f, d, esc_msg(m, ESC_MSG_MAY_ESCAPE, name), true, "stack",
                     "stack");
    break;
  case ESC_D_FREE_NONHEAP:
    if (m->opts.checks & ESC_CHECK_FREE_NONHEAP)
      free_nonheap(f, d);
    break;
  case ESC_D_HEAP_ESCAPES:
    if (m->opts.m_level >= 1)
      explained_info(f, d, esc_msg(m, ESC_MSG_ESCAPES_TO_HEAP, name), false,
                     "heap", "heap");
    break;
  case ESC_D_HEAP_LOCAL:
  case ESC_D_LEAK:
    local_heap(f, d);
    break;
  default:
    esc_fatal("bad decision kind %d", d->kind);
  }
}

void esc_report(esc_fn *f, esc_decisions *ds) {
  for (unsigned i = 0; i < ds->n; i++)
    report_one(f, &ds->v[i]);
}

void esc_report_param(esc_module *m, const esc_fn *f, unsigned param,
                      const char *message) {
  esc_param_line l = {
      .function = f->d.name,
      .param = param < f->d.nparams ? f->params[param].name : "~r0",
      .message = message,
      .pos = param < f->d.nparams ? f->params[param].pos : f->d.pos};
  ESC_PUSH(m->plines, m->nplines, m->capplines, l);
}

/* ---- order and cleanup
 * ---------------------------------------------------------- */

static int cmp_pos(const esc_module *m, esc_pos a, esc_pos b, const char *ma,
                   const char *mb) {
  int c = strcmp(esc_file_path(m, a.file), esc_file_path(m, b.file));
  if (c)
    return c;
  if (a.line != b.line)
    return a.line < b.line ? -1 : 1;
  if (a.col != b.col)
    return a.col < b.col ? -1 : 1;
  return strcmp(ma ? ma : "", mb ? mb : "");
}

static int cmp_record(const void *pa, const void *pb, void *m) {
  const esc_record *a = pa, *b = pb;
  int c = cmp_pos(m, a->pos, b->pos, a->message, b->message);
  if (c)
    return c;
  c = strcmp(a->hash, b->hash); /* total order: deterministic output */
  return c ? c : (a->kind > b->kind) - (a->kind < b->kind);
}

static int cmp_pline(const void *pa, const void *pb, void *m) {
  const esc_param_line *a = pa, *b = pb;
  int c = cmp_pos(m, a->pos, b->pos, a->message, b->message);
  return c ? c : strcmp(a->function, b->function);
}

void esc_report_sort(esc_module *m) {
  if (m->nrecords)
    qsort_r(m->records, m->nrecords, sizeof *m->records, cmp_record, m);
  if (m->nplines)
    qsort_r(m->plines, m->nplines, sizeof *m->plines, cmp_pline, m);
}

void esc_records_free(esc_module *m) {
  for (unsigned i = 0; i < m->nrecords; i++) {
    esc_mem_free((void *)m->records[i].flow);
    esc_mem_free((void *)m->records[i].fixes);
    esc_suggestions_free(m->records[i].suggestions,
                         m->records[i].nsuggestions);
  }
  esc_mem_free(m->records);
  esc_mem_free(m->plines);
  m->records = NULL;
  m->plines = NULL;
  m->nrecords = m->caprecords = m->nplines = m->capplines = 0;
}
