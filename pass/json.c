/*
 * json.c — the module's records as JSON (interfaces.md section 4, plus
 * detail, flow, fixes, suggestions and suppressed), the format the driver merges.
 * Records and parameter lines are already sorted by file, line, column
 * and message (report.c), so the output is deterministic.
 */
#include <jansson.h>
#include <string.h>

#include "internal.h"

static void set(json_t *o, const char *k, json_t *v) {
  if (!v || json_object_set_new(o, k, v) != 0)
    esc_fatal("cannot build JSON field '%s'", k);
}

static void position(json_t *o, const esc_module *m, esc_pos p) {
  set(o, "file", json_string(esc_file_path(m, p.file)));
  set(o, "line", json_integer(p.line));
  set(o, "column", json_integer(p.col));
}

static json_t *flow(const esc_module *m, const esc_record *r) {
  json_t *a = json_array();
  for (unsigned i = 0; i < r->nflow; i++) {
    json_t *s = json_object();
    position(s, m, r->flow[i].pos);
    set(s, "message", json_string(r->flow[i].message));
    json_array_append_new(a, s);
  }
  return a;
}

static json_t *fixes(const esc_module *m, const esc_fix *v, unsigned n) {
  json_t *a = json_array();
  for (unsigned i = 0; i < n; i++) {
    const esc_fix *x = &v[i];
    json_t *s = json_object();
    set(s, "file", json_string(esc_file_path(m, x->file)));
    set(s, "offset", json_integer(x->offset));
    set(s, "length", json_integer(x->length));
    set(s, "replacement", json_string(x->replacement));
    json_array_append_new(a, s);
  }
  return a;
}

/* Rewrites offered for a dangling local, applied only on request
 * (docs/json.md): each at the local's declaration, refused ones with why. */
static json_t *suggestions(const esc_module *m, const esc_record *r) {
  json_t *a = json_array();
  for (unsigned i = 0; i < r->nsuggestions; i++) {
    const esc_suggestion *s = &r->suggestions[i];
    json_t *o = json_object();
    set(o, "rewrite", json_string(s->rewrite));
    set(o, "message", json_string(s->message));
    position(o, m, r->decl_pos);
    if (s->refusal)
      set(o, "refused", json_string(s->refusal));
    set(o, "fixes", fixes(m, s->fixes, s->nfixes));
    json_array_append_new(a, o);
  }
  return a;
}

static json_t *finding(const esc_module *m, const esc_record *r) {
  json_t *o = json_object();
  set(o, "kind", json_string(esc_kind_name(r->kind)));
  set(o, "severity", json_string(esc_severity_name(r->severity)));
  set(o, "message", json_string(r->message));
  if (r->detail)
    set(o, "detail", json_string(r->detail));
  position(o, m, r->pos);
  set(o, "function", json_string(r->function));
  set(o, "object", json_string(r->object ? r->object : ""));
  json_t *pl = json_object();
  set(pl, "written", json_string(r->written));
  set(pl, "decided", json_string(r->decided));
  set(o, "placement", pl);
  set(o, "flow", flow(m, r));
  set(o, "fixes", fixes(m, r->fixes, r->nfixes));
  if (r->nsuggestions)
    set(o, "suggestions", suggestions(m, r));
  set(o, "hash", json_string(r->hash));
  set(o, "suppressed", json_boolean(r->suppressed));
  return o;
}

static json_t *param(const esc_module *m, const esc_param_line *l) {
  json_t *o = json_object();
  set(o, "function", json_string(l->function));
  set(o, "param", json_string(l->param ? l->param : ""));
  set(o, "message", json_string(l->message));
  position(o, m, l->pos);
  return o;
}

static json_t *document(const esc_module *m) {
  json_t *root = json_object(), *tool = json_object();
  json_t *fs = json_array(), *ps = json_array();
  set(root, "version", json_integer(1));
  set(tool, "name", json_string("escan"));
  set(tool, "version", json_string(ESCAN_VERSION));
  set(root, "tool", tool);
  for (unsigned i = 0; i < m->nrecords; i++)
    json_array_append_new(fs, finding(m, &m->records[i]));
  for (unsigned i = 0; i < m->nplines; i++)
    json_array_append_new(ps, param(m, &m->plines[i]));
  set(root, "findings", fs);
  set(root, "params", ps);
  set(root, "errors", json_array());
  return root;
}

bool esc_write_json(const esc_module *m, const char *path, char *err,
                    size_t errlen) {
  json_t *root = document(m);
  size_t flags = JSON_INDENT(2) | JSON_PRESERVE_ORDER;
  int rc = strcmp(path, "-") == 0 ? json_dumpf(root, stdout, flags)
                                  : json_dump_file(root, path, flags);
  json_decref(root);
  if (rc != 0)
    snprintf(err, errlen, "cannot write JSON results to '%s'", path);
  return rc == 0;
}
