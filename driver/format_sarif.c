/*
 * format_sarif.c — SARIF 2.1.0, the format GitHub code scanning, GitLab and
 * most IDE viewers import. One run; one rule per finding kind
 * (escan-dangling, ...); per result: level, message, location, the finding's
 * stable hash as partialFingerprints["escanHash/v1"] (so code scanning
 * tracks findings across commits the way --baseline does), the flow as a
 * codeFlow, the rewrites as fixes, baselineState under --baseline, and an
 * inSource suppression for `// escan:ignore`. Translation units that could
 * not be analysed become toolExecutionNotifications.
 *
 * Paths under the current directory are relative URIs against the
 * %SRCROOT% base, which is what code scanning expects from a run at the
 * repository root; other paths are absolute file:// URIs.
 */
#define _GNU_SOURCE
#include "driver.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

typedef struct rule {
  const char *kind, *short_text, *full_text, *help;
} rule;

static const rule rules[] = {
    {"dangling", "Address of stack memory outlives it",
     "The address of a local variable, compound literal, alloca block or VLA "
     "is stored in a "
     "global, returned, or stored into the caller's memory, so it is used "
     "after the object's "
     "lifetime ends (undefined behaviour). Go would move such an object to the "
     "heap.",
     "Allocate the object on the heap (and decide who frees it), make it "
     "static if the code is "
     "single-threaded and not reentrant, or return it by value. The flow shows "
     "how the "
     "address escapes."},
    {"free-nonheap", "free() of memory that is not on the heap",
     "A pointer that may point to stack or static storage reaches free() or a "
     "deallocator.",
     "Free only what malloc and its family returned; check which path brings "
     "the non-heap "
     "pointer to the call."},
    {"leak", "Heap block that never escapes and is never freed",
     "A heap allocation is used only inside its function and is never freed: a "
     "leak that "
     "stack storage would fix.",
     "Use stack storage (escan --fix does so when the size is small and "
     "constant) or free the "
     "block before the function returns."},
    {"heap-to-stack", "Heap allocation that could live on the stack",
     "A malloc-family allocation of constant, small size never escapes its "
     "function, so it "
     "could be a local array: faster, and it cannot leak.",
     "Apply the suggested rewrite with escan --fix (or --diff to review it "
     "first)."},
    {"info", "Escape analysis decision",
     "A decision of the analysis printed at -m, as `go build -gcflags=-m` "
     "does.",
     "Informational; nothing to fix."},
};
#define NRULES (sizeof rules / sizeof rules[0])

static size_t rule_index(const char *kind) {
  for (size_t i = 0; i < NRULES; i++)
    if (!strcmp(rules[i].kind, kind))
      return i;
  return NRULES - 1; /* an unknown kind from a newer plugin: informational */
}

static json_t *rule_json(const rule *r) {
  char *id = xasprintf("escan-%s", r->kind);
  json_t *o = json_pack("{s:s, s:s, s:{s:s}, s:{s:s}, s:{s:s}}", "id", id,
                        "name", r->kind, "shortDescription", "text",
                        r->short_text, "fullDescription", "text", r->full_text,
                        "help", "text", r->help);
  free(id);
  return o;
}

static const char *sarif_level(severity s) {
  return s == SEV_ERROR ? "error" : s == SEV_WARNING ? "warning" : "note";
}

/* Percent-encodes everything but RFC 3986 unreserved characters and '/'. */
static char *uri_escape(const char *path) {
  char *out = xmalloc(strlen(path) * 3 + 1), *o = out;
  for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
    if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
        (*p >= '0' && *p <= '9') || strchr("-._~/", *p))
      *o++ = (char)*p;
    else
      o += sprintf(o, "%%%02X", *p);
  }
  *o = '\0';
  return out;
}

static json_t *artifact(const char *file) {
  char *escaped = uri_escape(file);
  json_t *a;
  if (file[0] == '/') {
    char *uri = xasprintf("file://%s", escaped);
    a = json_pack("{s:s}", "uri", uri);
    free(uri);
  } else {
    a = json_pack("{s:s, s:s}", "uri", escaped, "uriBaseId", "%SRCROOT%");
  }
  free(escaped);
  return a;
}

static json_t *location(const char *file, long line, long column) {
  return json_pack("{s:{s:o, s:{s:I, s:I}}}", "physicalLocation",
                   "artifactLocation", artifact(file), "region", "startLine",
                   (json_int_t)line, "startColumn", (json_int_t)column);
}

static json_t *code_flows(const finding *f) {
  json_t *locs = json_array();
  for (size_t i = 0; i < f->nflow; i++) {
    json_t *loc = location(f->flow[i].file, f->flow[i].line, f->flow[i].column);
    json_object_set_new(loc, "message",
                        json_pack("{s:s}", "text", f->flow[i].message));
    json_array_append_new(locs, json_pack("{s:o}", "location", loc));
  }
  return json_pack("[{s:[{s:o}]}]", "threadFlows", "locations", locs);
}

/* One SARIF fix: its description and the edits, grouped by file. */
static json_t *fix(const char *description, const fix_edit *v, size_t n) {
  json_t *changes = json_array();
  for (size_t i = 0; i < n; i++) {
    const fix_edit *e = &v[i];
    json_t *repl =
        json_pack("{s:{s:I, s:I}, s:{s:s}}", "deletedRegion", "byteOffset",
                  (json_int_t)e->offset, "byteLength", (json_int_t)e->length,
                  "insertedContent", "text", e->replacement);
    json_array_append_new(changes, json_pack("{s:o, s:[o]}", "artifactLocation",
                                             artifact(e->display),
                                             "replacements", repl));
  }
  return json_pack("{s:{s:s}, s:o}", "description", "text", description,
                   "artifactChanges", changes);
}

/* The promotion of a heap-to-stack finding, or the rewrites offered for a
 * dangling local: SARIF's fixes are alternatives a viewer may apply. */
static json_t *fixes(const finding *f) {
  json_t *arr = json_array();
  if (f->nfixes)
    json_array_append_new(
        arr, fix("Move the allocation to the stack", f->fixes, f->nfixes));
  for (size_t i = 0; i < f->nsuggestions; i++) {
    const suggestion *s = &f->suggestions[i];
    if (!s->refused && s->nfixes)
      json_array_append_new(arr, fix(s->message, s->fixes, s->nfixes));
  }
  return arr;
}

static json_t *result_json(const finding *f, bool with_baseline) {
  size_t ri = rule_index(f->kind);
  char *rule_id = xasprintf("escan-%s", rules[ri].kind);
  char *text = f->detail ? xasprintf("%s (%s)", f->message, f->detail)
                         : xstrdup(f->message);
  json_t *loc = location(f->file, f->line, f->column);
  if (f->function)
    json_object_set_new(
        loc, "logicalLocations",
        json_pack("[{s:s, s:s}]", "name", f->function, "kind", "function"));
  json_t *r =
      json_pack("{s:s, s:I, s:s, s:{s:s}, s:[o], s:{s:s}}", "ruleId", rule_id,
                "ruleIndex", (json_int_t)ri, "level", sarif_level(f->sev),
                "message", "text", text, "locations", loc,
                "partialFingerprints", "escanHash/v1", f->hash);
  if (f->nflow)
    json_object_set_new(r, "codeFlows", code_flows(f));
  json_t *fx = fixes(f);
  if (json_array_size(fx))
    json_object_set_new(r, "fixes", fx);
  else
    json_decref(fx);
  if (with_baseline)
    json_object_set_new(r, "baselineState",
                        json_string(f->is_new ? "new" : "unchanged"));
  if (f->suppressed)
    json_object_set_new(r, "suppressions",
                        json_pack("[{s:s}]", "kind", "inSource"));
  free(rule_id);
  free(text);
  return r;
}

static json_t *invocation(const results *r) {
  json_t *notes = json_array();
  for (size_t i = 0; i < r->nerrors; i++) {
    json_t *loc = json_pack("{s:{s:o}}", "physicalLocation", "artifactLocation",
                            artifact(r->errors[i].file));
    json_array_append_new(
        notes, json_pack("{s:s, s:{s:s}, s:[o]}", "level", "error", "message",
                         "text", r->errors[i].message, "locations", loc));
  }
  return json_pack("{s:b, s:o}", "executionSuccessful", r->nerrors == 0,
                   "toolExecutionNotifications", notes);
}

static json_t *driver_json(void) {
  json_t *rule_arr = json_array();
  for (size_t i = 0; i < NRULES; i++)
    json_array_append_new(rule_arr, rule_json(&rules[i]));
  return json_pack("{s:s, s:s, s:s, s:o}", "name", "escan", "version",
                   ESCAN_VERSION_STRING, "informationUri", ESCAN_HOMEPAGE,
                   "rules", rule_arr);
}

void format_sarif(FILE *out, const results *r, bool with_baseline) {
  json_t *res = json_array();
  for (size_t i = 0; i < r->nfindings; i++)
    json_array_append_new(res, result_json(&r->findings[i], with_baseline));
  char *root = uri_escape(current_dir());
  char *root_uri = xasprintf("file://%s%s", root, strcmp(root, "/") ? "/" : "");
  free(root);
  json_t *run =
      json_pack("{s:{s:o}, s:{s:{s:s}}, s:o, s:[o]}", "tool", "driver",
                driver_json(), "originalUriBaseIds", "%SRCROOT%", "uri",
                root_uri, "results", res, "invocations", invocation(r));
  json_t *doc = json_pack("{s:s, s:s, s:[o]}", "$schema",
                          "https://json.schemastore.org/sarif-2.1.0.json",
                          "version", "2.1.0", "runs", run);
  json_dumpf(doc, out, JSON_INDENT(2));
  fputc('\n', out);
  json_decref(doc);
  free(root_uri);
}
