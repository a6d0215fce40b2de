/*
 * baseline.c — accepting today's findings so that only new ones fail CI.
 *
 * A baseline is a JSON file listing findings by their stable hash (the
 * plugin's hash has no line numbers in it, so moving code or adding lines
 * elsewhere keeps it); kind, message and file are recorded too, for the
 * humans who review the file:
 *
 *   {"version": 1, "tool": "escan",
 *    "findings": [{"hash": "…", "kind": "dangling",
 *                  "message": "moved to heap: x", "file": "src/a.c"}]}
 *
 * Suppressed findings are not recorded (they never gate), nor are info
 * records (they only describe decisions).
 */
#define _GNU_SOURCE
#include "driver.h"

#include <jansson.h>
#include <string.h>

static bool recorded(const finding *f) {
  return !f->suppressed && strcmp(f->kind, "info") != 0;
}

/* The baseline's hashes as the keys of a JSON object: a hash set. */
static json_t *hash_set(json_t *list) {
  json_t *set = json_object(), *entry;
  size_t i;
  json_array_foreach(list, i, entry) {
    const char *h = json_string_value(json_object_get(entry, "hash"));
    if (h)
      json_object_set_new(set, h, json_true());
  }
  return set;
}

void baseline_mark_new(results *r, const char *path) {
  json_error_t err;
  json_t *root = json_load_file(path, 0, &err);
  if (!root)
    fail(EXIT_USAGE, "cannot read baseline %s: %s (line %d)", path, err.text,
         err.line);
  json_t *list = json_object_get(root, "findings");
  if (!json_is_array(list))
    fail(EXIT_USAGE, "%s is not an escan baseline: no 'findings' list", path);
  json_t *known = hash_set(list);
  for (size_t i = 0; i < r->nfindings; i++)
    r->findings[i].is_new = !json_object_get(known, r->findings[i].hash);
  json_decref(known);
  json_decref(root);
}

void baseline_write(const results *r, const char *path) {
  json_t *list = json_array(), *seen = json_object();
  for (size_t i = 0; i < r->nfindings; i++) {
    const finding *f = &r->findings[i];
    if (!recorded(f) || json_object_get(seen, f->hash))
      continue;
    json_object_set_new(seen, f->hash, json_true());
    json_array_append_new(list, json_pack("{s:s, s:s, s:s, s:s}", "hash",
                                          f->hash, "kind", f->kind, "message",
                                          f->message, "file", f->file));
  }
  json_t *root = json_pack("{s:i, s:s, s:o}", "version", 1, "tool", "escan",
                           "findings", list);
  if (json_dump_file(root, path, JSON_INDENT(2)) != 0)
    fail(EXIT_USAGE, "cannot write baseline %s", path);
  json_decref(root);
  json_decref(seen);
}
