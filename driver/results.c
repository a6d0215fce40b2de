/*
 * results.c — the plugin's JSON files (interfaces.md section 4), one per
 * translation unit, read with jansson and merged into one result set.
 *
 * Paths in a plugin file are as clang saw them, relative to the directory
 * clang ran in; they are made absolute (for --fix) and then reported
 * relative to the current directory when they lie under it.
 *
 * A header included by several translation units yields the same finding
 * several times; results_finish() sorts everything by position and keeps
 * one finding per (hash, file, line, column, message), so the report does
 * not depend on -j or on the order children finish in.
 */
#define _GNU_SOURCE
#include "driver.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static const char *severity_names[] = {"note", "remark", "warning", "error",
                                       "none"};

const char *severity_name(severity s) { return severity_names[s]; }

bool severity_parse(const char *s, severity *out) {
  for (int i = SEV_NOTE; i <= SEV_ERROR; i++)
    if (!strcmp(s, severity_names[i])) {
      *out = (severity)i;
      return true;
    }
  return false;
}

bool finding_is_shown(const finding *f) { return !f->suppressed; }

/* What the human-readable reports list: a baseline accepts old findings. */
bool finding_is_listed(const finding *f) { return !f->suppressed && f->is_new; }

/* info records and notes describe decisions; they never fail a run. */
bool finding_gates(const finding *f, severity fail_on) {
  return fail_on != SEV_NONE && f->is_new && !f->suppressed &&
         strcmp(f->kind, "info") != 0 && f->sev != SEV_NOTE &&
         f->sev >= fail_on;
}

/* ---- reading one plugin file -------------------------------------------- */

typedef struct reader {
  const tu *t;
  char *err; /* first problem found, or NULL */
} reader;

static void bad(reader *rd, const char *what, size_t index, const char *field) {
  if (!rd->err)
    rd->err = xasprintf("malformed plugin results: %s %zu has no valid '%s'",
                        what, index, field);
}

static char *opt_string(json_t *obj, const char *key) {
  json_t *v = json_object_get(obj, key);
  return json_is_string(v) ? xstrdup(json_string_value(v)) : NULL;
}

static char *req_string(reader *rd, json_t *obj, const char *key,
                        const char *what, size_t i) {
  char *s = opt_string(obj, key);
  if (!s) {
    bad(rd, what, i, key);
    return xstrdup("");
  }
  return s;
}

static long req_int(reader *rd, json_t *obj, const char *key, const char *what,
                    size_t i) {
  json_t *v = json_object_get(obj, key);
  if (!json_is_integer(v)) {
    bad(rd, what, i, key);
    return 0;
  }
  return (long)json_integer_value(v);
}

/* Absolute path of a file named in the plugin's output. */
static char *abs_path(reader *rd, const char *file) {
  return path_absolute(rd->t->directory, file);
}

static char *shown_path(reader *rd, const char *file) {
  char *abs = abs_path(rd, file);
  char *shown = path_display(abs);
  free(abs);
  return shown;
}

/* file (as shown), line and column of item i, a `what`. */
static void read_position(reader *rd, json_t *obj, const char *what, size_t i,
                          char **file, long *line, long *column) {
  char *raw = req_string(rd, obj, "file", what, i);
  *file = shown_path(rd, raw);
  free(raw);
  *line = req_int(rd, obj, "line", what, i);
  *column = req_int(rd, obj, "column", what, i);
}

static void read_flow(reader *rd, finding *f, json_t *arr) {
  f->nflow = json_array_size(arr);
  f->flow = xcalloc(f->nflow, sizeof *f->flow);
  for (size_t i = 0; i < f->nflow; i++) {
    json_t *s = json_array_get(arr, i);
    flow_step *st = &f->flow[i];
    read_position(rd, s, "flow step", i, &st->file, &st->line, &st->column);
    st->message = req_string(rd, s, "message", "flow step", i);
  }
}

static fix_edit *read_fixes(reader *rd, json_t *arr, size_t *n) {
  *n = json_array_size(arr);
  fix_edit *v = xcalloc(*n, sizeof *v);
  for (size_t i = 0; i < *n; i++) {
    json_t *x = json_array_get(arr, i);
    char *file = req_string(rd, x, "file", "fix", i);
    v[i].file = abs_path(rd, file);
    v[i].display = path_display(v[i].file);
    v[i].offset = req_int(rd, x, "offset", "fix", i);
    v[i].length = req_int(rd, x, "length", "fix", i);
    v[i].replacement = req_string(rd, x, "replacement", "fix", i);
    if (v[i].offset < 0 || v[i].length < 0)
      bad(rd, "fix", i, "offset");
    free(file);
  }
  return v;
}

static void read_suggestions(reader *rd, finding *f, json_t *arr) {
  f->nsuggestions = json_array_size(arr);
  f->suggestions = xcalloc(f->nsuggestions, sizeof *f->suggestions);
  for (size_t i = 0; i < f->nsuggestions; i++) {
    json_t *x = json_array_get(arr, i);
    suggestion *s = &f->suggestions[i];
    s->rewrite = req_string(rd, x, "rewrite", "suggestion", i);
    s->message = req_string(rd, x, "message", "suggestion", i);
    s->refused = opt_string(x, "refused");
    read_position(rd, x, "suggestion", i, &s->file, &s->line, &s->column);
    s->fixes = read_fixes(rd, json_object_get(x, "fixes"), &s->nfixes);
  }
}

static void read_placement(finding *f, json_t *obj) {
  json_t *p = json_object_get(obj, "placement");
  f->written = opt_string(p, "written");
  f->decided = opt_string(p, "decided");
}

static finding read_finding(reader *rd, json_t *obj, size_t i) {
  finding f = {.is_new = true};
  f.kind = req_string(rd, obj, "kind", "finding", i);
  char *sev = req_string(rd, obj, "severity", "finding", i);
  if (!severity_parse(sev, &f.sev))
    bad(rd, "finding", i, "severity");
  free(sev);
  f.message = req_string(rd, obj, "message", "finding", i);
  f.detail = opt_string(obj, "detail");
  char *file = req_string(rd, obj, "file", "finding", i);
  f.abs = abs_path(rd, file);
  f.file = path_display(f.abs);
  free(file);
  f.line = req_int(rd, obj, "line", "finding", i);
  f.column = req_int(rd, obj, "column", "finding", i);
  f.function = opt_string(obj, "function");
  f.object = opt_string(obj, "object");
  f.hash = opt_string(obj, "hash");
  if (!f.hash)
    f.hash = xstrdup("");
  f.suppressed = json_is_true(json_object_get(obj, "suppressed"));
  read_placement(&f, obj);
  read_flow(rd, &f, json_object_get(obj, "flow"));
  f.fixes = read_fixes(rd, json_object_get(obj, "fixes"), &f.nfixes);
  read_suggestions(rd, &f, json_object_get(obj, "suggestions"));
  return f;
}

static param_line read_param(reader *rd, json_t *obj, size_t i) {
  param_line p = {0};
  p.function = opt_string(obj, "function");
  p.param = opt_string(obj, "param");
  p.message = req_string(rd, obj, "message", "param", i);
  char *file = opt_string(obj, "file");
  p.file = file ? shown_path(rd, file) : xstrdup(rd->t->display);
  free(file);
  json_t *line = json_object_get(obj, "line"),
         *col = json_object_get(obj, "column");
  p.line = json_is_integer(line) ? (long)json_integer_value(line) : 0;
  p.column = json_is_integer(col) ? (long)json_integer_value(col) : 0;
  return p;
}

#define PUSH(arr, n, cap, item)                                                \
  do {                                                                         \
    if ((n) == (cap)) {                                                        \
      (cap) = (cap) ? (cap)*2 : 32;                                            \
      (arr) = xrealloc((arr), (cap) * sizeof *(arr));                          \
    }                                                                          \
    (arr)[(n)++] = (item);                                                     \
  } while (0)

void results_add_error(results *r, const char *file, const char *message) {
  run_error e = {xstrdup(file), xstrdup(message)};
  PUSH(r->errors, r->nerrors, r->caperrors, e);
}

static void read_errors(reader *rd, results *r, json_t *arr) {
  for (size_t i = 0; i < json_array_size(arr); i++) {
    json_t *e = json_array_get(arr, i);
    const char *msg = json_is_string(e)
                          ? json_string_value(e)
                          : json_string_value(json_object_get(e, "message"));
    const char *file = json_string_value(json_object_get(e, "file"));
    char *shown = file ? shown_path(rd, file) : xstrdup(rd->t->display);
    results_add_error(r, shown, msg ? msg : "analysis error");
    free(shown);
  }
}

static bool valid_shape(json_t *root) {
  json_t *f = json_object_get(root, "findings"),
         *p = json_object_get(root, "params"),
         *e = json_object_get(root, "errors");
  return json_is_object(root) && json_is_array(f) && (!p || json_is_array(p)) &&
         (!e || json_is_array(e));
}

bool results_read_plugin_file(results *r, const char *json_path, const tu *t,
                              char **err) {
  json_error_t jerr;
  if (!is_regular_file(json_path)) {
    *err = xstrdup("the plugin wrote no results (is the plugin loaded?)");
    return false;
  }
  json_t *root = json_load_file(json_path, 0, &jerr);
  if (!root || !valid_shape(root)) {
    *err = root ? xstrdup("malformed plugin results: expected an object with a "
                          "'findings' array")
                : xasprintf("unreadable plugin results: %s at line %d",
                            jerr.text, jerr.line);
    json_decref(root);
    return false;
  }
  reader rd = {t, NULL};
  results staged = {0};
  json_t *arr = json_object_get(root, "findings");
  for (size_t i = 0; i < json_array_size(arr); i++)
    PUSH(staged.findings, staged.nfindings, staged.capfindings,
         read_finding(&rd, json_array_get(arr, i), i));
  arr = json_object_get(root, "params");
  for (size_t i = 0; i < json_array_size(arr); i++)
    PUSH(staged.params, staged.nparams, staged.capparams,
         read_param(&rd, json_array_get(arr, i), i));
  if (rd.err) {
    json_decref(root);
    *err = rd.err;
    return false; /* the staged records leak: this TU is reported as failed */
  }
  for (size_t i = 0; i < staged.nfindings; i++)
    PUSH(r->findings, r->nfindings, r->capfindings, staged.findings[i]);
  for (size_t i = 0; i < staged.nparams; i++)
    PUSH(r->params, r->nparams, r->capparams, staged.params[i]);
  free(staged.findings);
  free(staged.params);
  read_errors(&rd, r, json_object_get(root, "errors"));
  if (json_array_size(json_object_get(root, "errors")))
    r->tus_failed++;
  json_decref(root);
  return true;
}

/* ---- merging --------------------------------------------------------------
 */

static int cmp_str(const char *a, const char *b) {
  return strcmp(a ? a : "", b ? b : "");
}

static int cmp_pos(const char *fa, long la, long ca, const char *fb, long lb,
                   long cb) {
  int c = strcmp(fa, fb);
  if (c)
    return c;
  if (la != lb)
    return la < lb ? -1 : 1;
  return ca < cb ? -1 : ca > cb;
}

/* Position first; then the fields that make a finding distinct. */
static int cmp_finding(const void *pa, const void *pb) {
  const finding *a = pa, *b = pb;
  int c = cmp_pos(a->file, a->line, a->column, b->file, b->line, b->column);
  if (!c)
    c = cmp_str(a->message, b->message);
  if (!c)
    c = cmp_str(a->hash, b->hash);
  if (!c)
    c = cmp_str(a->kind, b->kind);
  return c;
}

static bool same_finding(const finding *a, const finding *b) {
  return !cmp_finding(a, b);
}

static int cmp_param(const void *pa, const void *pb) {
  const param_line *a = pa, *b = pb;
  int c = cmp_pos(a->file, a->line, a->column, b->file, b->line, b->column);
  if (!c)
    c = cmp_str(a->message, b->message);
  if (!c)
    c = cmp_str(a->function, b->function);
  return c;
}

bool param_comes_first(const param_line *p, const finding *f) {
  return cmp_pos(p->file, p->line, p->column, f->file, f->line, f->column) < 0;
}

static int cmp_error(const void *pa, const void *pb) {
  const run_error *a = pa, *b = pb;
  int c = strcmp(a->file, b->file);
  return c ? c : strcmp(a->message, b->message);
}

/* Sorts ARR and drops adjacent duplicates; returns the new count. */
static size_t sort_unique(void *arr, size_t n, size_t size,
                          int (*cmp)(const void *, const void *)) {
  if (n == 0)
    return 0;
  qsort(arr, n, size, cmp);
  char *base = arr;
  size_t kept = 1;
  for (size_t i = 1; i < n; i++)
    if (cmp(base + (kept - 1) * size, base + i * size) != 0)
      memmove(base + kept++ * size, base + i * size, size);
  return kept;
}

void results_finish(results *r) {
  /* A finding suppressed in one TU is the same finding in another: keep
   * the suppression if any copy carries it. */
  if (r->nfindings > 1)
    qsort(r->findings, r->nfindings, sizeof *r->findings, cmp_finding);
  for (size_t i = r->nfindings; i-- > 1;)
    if (same_finding(&r->findings[i - 1], &r->findings[i]) &&
        r->findings[i].suppressed)
      r->findings[i - 1].suppressed = true;
  r->nfindings =
      sort_unique(r->findings, r->nfindings, sizeof *r->findings, cmp_finding);
  r->nparams = sort_unique(r->params, r->nparams, sizeof *r->params, cmp_param);
  r->nerrors = sort_unique(r->errors, r->nerrors, sizeof *r->errors, cmp_error);
}
