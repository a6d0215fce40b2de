/*
 * config.c — .escan.yaml, the per-project configuration, read with libyaml.
 *
 * The nearest .escan.yaml in the directory of a source file or above it
 * applies to that file (like .clang-tidy). Keys:
 *
 *   checks: "-leak"            string, the plugin's checks list
 *   max-stack: 512             integer >= 0, bytes
 *   max-stack-fn: 2048         integer >= 0, bytes
 *   allocators: [xmalloc]      list of function names
 *   deallocators: [xfree]
 *   skip: [third_party, "gen/x*.c"]  path globs relative to the config's
 *                              directory; a glob that matches a directory
 *                              skips everything under it
 *
 * Anything else — an unknown key, a value of the wrong type, a bad checks
 * list — is a configuration error: `escan: PATH:LINE: message`, exit 2,
 * because a silently ignored setting is worse than a refused one. Options
 * on the command line override the file field by field.
 */
#define _GNU_SOURCE
#include "driver.h"

#include <escan/escan.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

typedef struct config {
  char *path; /* absolute path of the .escan.yaml, or NULL: none found */
  char *dir;
  plugin_settings settings;
  strvec skip;
} config;

typedef struct config_source {
  const char *display; /* for messages */
  yaml_document_t *doc;
} config_source;

static noreturn void config_error(const config_source *src,
                                  const yaml_node_t *node, const char *fmt,
                                  const char *arg) {
  fprintf(stderr, "escan: %s:%zu: ", src->display, node->start_mark.line + 1);
  fprintf(stderr, fmt, arg);
  fputc('\n', stderr);
  exit(EXIT_USAGE);
}

static const char *scalar(const yaml_node_t *n) {
  return (const char *)n->data.scalar.value;
}

static const char *expect_string(const config_source *src, yaml_node_t *n,
                                 const char *key) {
  if (n->type != YAML_SCALAR_NODE)
    config_error(src, n, "'%s' must be a string", key);
  return scalar(n);
}

static long expect_size(const config_source *src, yaml_node_t *n,
                        const char *key) {
  long v;
  if (n->type != YAML_SCALAR_NODE || !parse_long(scalar(n), &v))
    config_error(src, n, "'%s' must be an integer (bytes)", key);
  if (v < 0)
    config_error(src, n, "'%s' must not be negative", key);
  return v;
}

static void expect_list(const config_source *src, yaml_node_t *n,
                        const char *key, strvec *out) {
  if (n->type != YAML_SEQUENCE_NODE)
    config_error(src, n, "'%s' must be a list", key);
  for (yaml_node_item_t *it = n->data.sequence.items.start;
       it < n->data.sequence.items.top; it++) {
    yaml_node_t *item = yaml_document_get_node(src->doc, *it);
    if (item->type != YAML_SCALAR_NODE || !*scalar(item))
      config_error(src, item, "every item of '%s' must be a non-empty string",
                   key);
    strvec_push(out, scalar(item));
  }
}

static void check_checks_list(const config_source *src, yaml_node_t *n,
                              const char *list) {
  unsigned bits = ESC_CHECK_ALL;
  char err[256];
  if (!esc_parse_checks(list, &bits, err, sizeof err))
    config_error(src, n, "%s", err);
}

static void read_key(const config_source *src, config *c, yaml_node_t *k,
                     yaml_node_t *v) {
  const char *key = k->type == YAML_SCALAR_NODE ? scalar(k) : "";
  if (!strcmp(key, "checks")) {
    c->settings.checks = xstrdup(expect_string(src, v, key));
    check_checks_list(src, v, c->settings.checks);
  } else if (!strcmp(key, "max-stack")) {
    c->settings.max_stack = expect_size(src, v, key);
  } else if (!strcmp(key, "max-stack-fn")) {
    c->settings.max_stack_fn = expect_size(src, v, key);
  } else if (!strcmp(key, "allocators")) {
    expect_list(src, v, key, &c->settings.allocators);
    c->settings.allocators_set = true;
  } else if (!strcmp(key, "deallocators")) {
    expect_list(src, v, key, &c->settings.deallocators);
    c->settings.deallocators_set = true;
  } else if (!strcmp(key, "skip")) {
    expect_list(src, v, key, &c->skip);
  } else {
    config_error(
        src, k,
        "unknown key '%s' (known: checks, max-stack, max-stack-fn, allocators, "
        "deallocators, skip)",
        key);
  }
}

static void read_document(const config_source *src, config *c) {
  yaml_node_t *root = yaml_document_get_root_node(src->doc);
  if (!root || (root->type == YAML_SCALAR_NODE && !*scalar(root)))
    return; /* an empty file configures nothing */
  if (root->type != YAML_MAPPING_NODE)
    config_error(src, root, "%s",
                 "the file must be a mapping of keys to values");
  for (yaml_node_pair_t *p = root->data.mapping.pairs.start;
       p < root->data.mapping.pairs.top; p++)
    read_key(src, c, yaml_document_get_node(src->doc, p->key),
             yaml_document_get_node(src->doc, p->value));
}

static void parse_config(config *c) {
  char *display = path_display(c->path);
  FILE *f = fopen(c->path, "rb");
  if (!f)
    fail(EXIT_USAGE, "cannot read %s", display);
  yaml_parser_t parser;
  yaml_document_t doc;
  yaml_parser_initialize(&parser);
  yaml_parser_set_input_file(&parser, f);
  if (!yaml_parser_load(&parser, &doc))
    fail(EXIT_USAGE, "%s:%zu: %s", display, parser.problem_mark.line + 1,
         parser.problem ? parser.problem : "malformed YAML");
  config_source src = {display, &doc};
  read_document(&src, c);
  yaml_document_delete(&doc);
  yaml_parser_delete(&parser);
  fclose(f);
  free(display);
}

/* ---- lookup, cached per configuration file ------------------------------ */

static config *cache;
static size_t ncache;

static config *config_for_path(char *path) {
  for (size_t i = 0; i < ncache; i++)
    if ((!path && !cache[i].path) ||
        (path && cache[i].path && !strcmp(cache[i].path, path))) {
      free(path);
      return &cache[i];
    }
  cache = xrealloc(cache, (ncache + 1) * sizeof *cache);
  config *c = &cache[ncache++];
  *c =
      (config){.path = path, .settings = {.max_stack = -1, .max_stack_fn = -1}};
  if (path) {
    c->dir = path_dirname(path);
    parse_config(c);
  }
  return c;
}

static char *config_in(const char *dir) {
  char *candidate = path_join(dir, ".escan.yaml");
  if (is_regular_file(candidate))
    return candidate;
  free(candidate);
  return NULL;
}

static config *find_config(const char *file) {
  char *dir = path_dirname(file);
  char *found = search_upward(dir, config_in);
  free(dir);
  return config_for_path(found);
}

/* True when REL (relative to the config) or one of its leading directories
 * matches GLOB. */
static bool glob_matches(const char *glob, const char *rel) {
  char *prefix = xstrdup(rel);
  bool hit = fnmatch(glob, prefix, 0) == 0;
  for (char *slash; !hit && (slash = strrchr(prefix, '/'));) {
    *slash = '\0';
    hit = fnmatch(glob, prefix, 0) == 0;
  }
  free(prefix);
  return hit;
}

static bool is_skipped(const config *c, const char *file) {
  if (!c->path || !path_is_under(file, c->dir))
    return false;
  const char *rel = file + strlen(c->dir) + (strcmp(c->dir, "/") ? 1 : 0);
  for (size_t i = 0; i < c->skip.n; i++) {
    const char *glob = c->skip.v[i];
    if (!strncmp(glob, "./", 2))
      glob += 2;
    if (glob_matches(glob, rel))
      return true;
  }
  return false;
}

static void merge_settings(plugin_settings *out, const plugin_settings *file,
                           const plugin_settings *cli) {
  out->checks = cli->checks ? cli->checks : file->checks;
  out->max_stack = cli->max_stack >= 0 ? cli->max_stack : file->max_stack;
  out->max_stack_fn =
      cli->max_stack_fn >= 0 ? cli->max_stack_fn : file->max_stack_fn;
  const plugin_settings *a = cli->allocators_set ? cli : file;
  const plugin_settings *d = cli->deallocators_set ? cli : file;
  strvec_append(&out->allocators, &a->allocators);
  out->allocators_set = a->allocators_set;
  strvec_append(&out->deallocators, &d->deallocators);
  out->deallocators_set = d->deallocators_set;
}

bool apply_config(tu *t, const plugin_settings *cli) {
  config *c = find_config(t->file);
  if (is_skipped(c, t->file))
    return false;
  merge_settings(&t->settings, &c->settings, cli);
  return true;
}
