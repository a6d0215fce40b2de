/*
 * helpers.h — building engine graphs by hand for the unit tests, the way
 * the adapter does: one line number per statement, positions on file 0,
 * byte offsets 100 * line + column so rewrite fixes are easy to check.
 */
#ifndef ESCAN_TEST_HELPERS_H
#define ESCAN_TEST_HELPERS_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "escan/escan.h"
#include "internal.h"

static inline esc_pos P(unsigned line) {
  return (esc_pos){.file = 0, .line = line, .col = 3, .offset = line * 100 + 3};
}

static inline esc_note N(unsigned line, esc_reason why, const char *expr) {
  return (esc_note){.pos = P(line), .why = why, .expr = expr};
}

static inline esc_module *mod(int m_level) {
  esc_options o;
  esc_options_default(&o);
  o.m_level = m_level;
  return esc_module_new("t.c", &o);
}

static inline esc_fn *fn_full(esc_module *m, const char *name, unsigned nparams,
                              bool is_static) {
  esc_fn_desc d = {.name = name,
                   .pos = P(1),
                   .nparams = nparams,
                   .is_static = is_static,
                   .lang_c11 = true,
                   .max_align = 16,
                   .body_lbrace = P(1)};
  return esc_fn_begin(m, &d);
}

static inline esc_fn *fn(esc_module *m, const char *name, unsigned nparams) {
  return fn_full(m, name, nparams, false);
}

static inline esc_node obj(esc_fn *f, esc_obj_kind k, const char *name,
                           unsigned line, esc_block_id b) {
  esc_obj_desc d = {
      .kind = k, .name = name, .pos = P(line), .block = b, .size = 8};
  return esc_object(f, &d);
}

static inline esc_node local(esc_fn *f, const char *name, unsigned line) {
  return obj(f, ESC_OBJ_LOCAL, name, line, 0);
}

static inline esc_node param(esc_fn *f, unsigned i, const char *name) {
  return esc_param(f, i, name, P(1), true);
}

/* p = &x */
static inline void take(esc_fn *f, esc_node p, esc_node x, unsigned line) {
  esc_note n = N(line, ESC_R_ADDRESS_OF, NULL);
  esc_addr(f, p, x, &n);
}
/* p = q */
static inline void assign(esc_fn *f, esc_node p, esc_node q, unsigned line) {
  esc_note n = N(line, ESC_R_ASSIGN, NULL);
  esc_copy(f, p, q, &n);
}
/* p = *q */
static inline void deref(esc_fn *f, esc_node p, esc_node q, unsigned line) {
  esc_note n = N(line, ESC_R_DEREF, NULL);
  esc_load(f, p, q, &n);
}
/* *p = q */
static inline void store(esc_fn *f, esc_node p, esc_node q, unsigned line) {
  esc_note n = N(line, ESC_R_STORE, NULL);
  esc_store(f, p, q, &n);
}
/* return q */
static inline void ret(esc_fn *f, esc_node q, unsigned line) {
  esc_note n = N(line, ESC_R_RETURN, NULL);
  esc_copy(f, esc_result(f), q, &n);
}

/* A call on `line`; text "callee(...)" unless given. args may be NULL. */
static inline void call_full(esc_fn *f, const char *callee, const char *text,
                             const esc_node *args, unsigned nargs,
                             esc_node result, unsigned line, int64_t size,
                             esc_block_id block) {
  esc_call_desc d = {.callee = callee,
                     .args = args,
                     .nargs = nargs,
                     .result = result,
                     .pos = P(line),
                     .text = text,
                     .block = block,
                     .size = size,
                     .align = 0};
  d.range = (esc_range){.begin = P(line),
                        .end_offset = P(line).offset + (uint32_t)strlen(text)};
  esc_call(f, &d);
}

static inline void call(esc_fn *f, const char *callee, const esc_node *args,
                        unsigned nargs, esc_node result, unsigned line) {
  char text[128];
  snprintf(text, sizeof text, "%s(...)", callee ? callee : "(*fp)");
  call_full(f, callee, text, args, nargs, result, line, -1, 0);
}

/* p = malloc(size) */
static inline void alloc(esc_fn *f, esc_node p, int64_t size, unsigned line) {
  char text[64];
  snprintf(text, sizeof text, "malloc(%lld)", (long long)size);
  esc_node args[1] = {ESC_NONE};
  call_full(f, "malloc", text, args, 1, p, line, size, 0);
}

/* free(p) */
static inline void release(esc_fn *f, esc_node p, unsigned line) {
  call_full(f, "free", "free(p)", &p, 1, ESC_NONE, line, -1, 0);
}

/* The first record of kind k whose message is msg (NULL: any), or NULL. */
static inline const esc_record *rec(const esc_module *m, esc_kind k,
                                    const char *msg) {
  for (unsigned i = 0; i < esc_record_count(m); i++) {
    const esc_record *r = esc_record_at(m, i);
    if (r->kind == k && (!msg || strcmp(r->message, msg) == 0))
      return r;
  }
  return NULL;
}

static inline unsigned count(const esc_module *m, esc_kind k) {
  unsigned n = 0;
  for (unsigned i = 0; i < esc_record_count(m); i++)
    n += esc_record_at(m, i)->kind == k;
  return n;
}

/* Is there a parameter line with this message for function fname? */
static inline bool pline(const esc_module *m, const char *fname,
                         const char *msg) {
  for (unsigned i = 0; i < esc_param_line_count(m); i++) {
    const esc_param_line *l = esc_param_line_at(m, i);
    if (strcmp(l->function, fname) == 0 && strcmp(l->message, msg) == 0)
      return true;
  }
  return false;
}

/* Prints every record and parameter line (for debugging failing tests). */
static inline void dump(const esc_module *m) {
  for (unsigned i = 0; i < esc_record_count(m); i++) {
    const esc_record *r = esc_record_at(m, i);
    fprintf(stderr, "%u:%u: %s: %s [%s]%s%s\n", r->pos.line, r->pos.col,
            esc_kind_name(r->kind), r->message, r->function,
            r->detail ? " -- " : "", r->detail ? r->detail : "");
    for (unsigned j = 0; j < r->nflow; j++)
      fprintf(stderr, "    %u: %s\n", r->flow[j].pos.line, r->flow[j].message);
  }
  for (unsigned i = 0; i < esc_param_line_count(m); i++)
    fprintf(stderr, "param %s: %s\n", esc_param_line_at(m, i)->function,
            esc_param_line_at(m, i)->message);
}

#endif
