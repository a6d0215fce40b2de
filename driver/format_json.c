/*
 * format_json.c — the merged results as the JSON of interfaces.md section
 * 4: the same shape the plugin writes for one translation unit, with the
 * findings of every unit deduplicated and sorted, paths relative to the
 * current directory, and the units that failed under "errors". With
 * --baseline each finding also says whether it is "new".
 */
#define _GNU_SOURCE
#include "driver.h"

#include <jansson.h>

static void set_position(json_t *obj, const char *file, long line,
                         long column) {
  json_object_set_new(obj, "file", json_string(file));
  json_object_set_new(obj, "line", json_integer(line));
  json_object_set_new(obj, "column", json_integer(column));
}

static void set_optional(json_t *obj, const char *key, const char *value) {
  if (value)
    json_object_set_new(obj, key, json_string(value));
}

static json_t *flow_json(const finding *f) {
  json_t *arr = json_array();
  for (size_t i = 0; i < f->nflow; i++) {
    json_t *s = json_object();
    set_position(s, f->flow[i].file, f->flow[i].line, f->flow[i].column);
    json_object_set_new(s, "message", json_string(f->flow[i].message));
    json_array_append_new(arr, s);
  }
  return arr;
}

static json_t *fixes_json(const fix_edit *v, size_t n) {
  json_t *arr = json_array();
  for (size_t i = 0; i < n; i++)
    json_array_append_new(
        arr, json_pack("{s:s, s:I, s:I, s:s}", "file", v[i].display, "offset",
                       (json_int_t)v[i].offset, "length",
                       (json_int_t)v[i].length, "replacement",
                       v[i].replacement));
  return arr;
}

static json_t *suggestions_json(const finding *f) {
  json_t *arr = json_array();
  for (size_t i = 0; i < f->nsuggestions; i++) {
    const suggestion *s = &f->suggestions[i];
    json_t *o = json_pack("{s:s, s:s}", "rewrite", s->rewrite, "message",
                          s->message);
    set_position(o, s->file, s->line, s->column);
    set_optional(o, "refused", s->refused);
    json_object_set_new(o, "fixes", fixes_json(s->fixes, s->nfixes));
    json_array_append_new(arr, o);
  }
  return arr;
}

static json_t *finding_json(const finding *f, bool with_baseline) {
  json_t *o = json_pack("{s:s, s:s, s:s}", "kind", f->kind, "severity",
                        severity_name(f->sev), "message", f->message);
  set_optional(o, "detail", f->detail);
  set_position(o, f->file, f->line, f->column);
  set_optional(o, "function", f->function);
  set_optional(o, "object", f->object);
  if (f->written || f->decided) {
    json_t *p = json_object();
    set_optional(p, "written", f->written);
    set_optional(p, "decided", f->decided);
    json_object_set_new(o, "placement", p);
  }
  json_object_set_new(o, "flow", flow_json(f));
  json_object_set_new(o, "fixes", fixes_json(f->fixes, f->nfixes));
  if (f->nsuggestions)
    json_object_set_new(o, "suggestions", suggestions_json(f));
  json_object_set_new(o, "hash", json_string(f->hash));
  json_object_set_new(o, "suppressed", json_boolean(f->suppressed));
  if (with_baseline)
    json_object_set_new(o, "new", json_boolean(f->is_new));
  return o;
}

static json_t *param_json(const param_line *p) {
  json_t *o = json_object();
  set_optional(o, "function", p->function);
  set_optional(o, "param", p->param);
  json_object_set_new(o, "message", json_string(p->message));
  set_position(o, p->file, p->line, p->column);
  return o;
}

void format_json(FILE *out, const results *r, bool with_baseline) {
  json_t *findings = json_array(), *params = json_array(),
         *errors = json_array();
  for (size_t i = 0; i < r->nfindings; i++)
    json_array_append_new(findings,
                          finding_json(&r->findings[i], with_baseline));
  for (size_t i = 0; i < r->nparams; i++)
    json_array_append_new(params, param_json(&r->params[i]));
  for (size_t i = 0; i < r->nerrors; i++)
    json_array_append_new(errors,
                          json_pack("{s:s, s:s}", "file", r->errors[i].file,
                                    "message", r->errors[i].message));
  json_t *root =
      json_pack("{s:i, s:{s:s, s:s}, s:o, s:o, s:o}", "version", 1, "tool",
                "name", "escan", "version", ESCAN_VERSION_STRING, "findings",
                findings, "params", params, "errors", errors);
  json_dumpf(root, out, JSON_INDENT(2));
  fputc('\n', out);
  json_decref(root);
}
