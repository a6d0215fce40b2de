/* test_json.c — the JSON writer and in-source suppression. */
#include <jansson.h>
#include <unistd.h>

#include "helpers.h"

/* Source lines for suppression: lines[i] is line i + 1. */
static const char *lines[8];

static const char *line_of(void *ctx, uint32_t file, uint32_t line,
                           size_t *len) {
  (void)ctx;
  (void)file;
  if (line == 0 || line > 8 || !lines[line - 1])
    return NULL;
  *len = strlen(lines[line - 1]);
  return lines[line - 1];
}

/* A leak on line 3 (no free) and a dangling g = &x on line 5. */
static esc_module *sample(int level) {
  esc_options o;
  esc_options_default(&o);
  o.m_level = level;
  o.source_line = line_of;
  esc_module *m = esc_module_new("src/a.c", &o);
  esc_fn *f = fn(m, "f", 1);
  param(f, 0, "q");
  esc_node p = local(f, "p", 2), x = local(f, "x", 2);
  alloc(f, p, 16, 3);
  esc_note n = N(5, ESC_R_ADDRESS_OF, "&x");
  esc_addr(f, esc_global(f, "g", P(1)), x, &n);
  esc_module_solve(m);
  return m;
}

static json_t *written(esc_module *m) {
  char path[] = "/tmp/escan-json-XXXXXX", err[256];
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  close(fd);
  assert_true(esc_write_json(m, path, err, sizeof err));
  json_error_t je;
  json_t *root = json_load_file(path, 0, &je);
  unlink(path);
  assert_non_null(root);
  return root;
}

static void document_shape(void **state) {
  (void)state;
  memset(lines, 0, sizeof lines);
  esc_module *m = sample(2);
  json_t *root = written(m);
  assert_int_equal(json_integer_value(json_object_get(root, "version")), 1);
  json_t *tool = json_object_get(root, "tool");
  assert_string_equal(json_string_value(json_object_get(tool, "name")),
                      "escan");
  assert_string_equal(json_string_value(json_object_get(tool, "version")),
                      ESCAN_VERSION);
  assert_int_equal(json_array_size(json_object_get(root, "errors")), 0);
  json_t *fs = json_object_get(root, "findings");
  assert_true(json_array_size(fs) >= 2);
  /* sorted by line: the leak (3) before the dangling pointer (5) */
  json_t *leak = json_array_get(fs, 0), *dang = NULL;
  for (size_t i = 0; i < json_array_size(fs); i++)
    if (strcmp(
            json_string_value(json_object_get(json_array_get(fs, i), "kind")),
            "dangling") == 0)
      dang = json_array_get(fs, i);
  assert_string_equal(json_string_value(json_object_get(leak, "kind")), "leak");
  assert_string_equal(json_string_value(json_object_get(leak, "file")),
                      "src/a.c");
  assert_int_equal(json_integer_value(json_object_get(leak, "line")), 3);
  assert_int_equal(json_array_size(json_object_get(leak, "fixes")), 2);
  json_t *fix = json_array_get(json_object_get(leak, "fixes"), 1);
  assert_string_equal(json_string_value(json_object_get(fix, "replacement")),
                      "((void *)escan_heap_0)");
  assert_non_null(dang);
  assert_string_equal(json_string_value(json_object_get(dang, "severity")),
                      "error");
  assert_string_equal(json_string_value(json_object_get(dang, "message")),
                      "moved to heap: x");
  json_t *pl = json_object_get(dang, "placement");
  assert_string_equal(json_string_value(json_object_get(pl, "written")),
                      "stack");
  assert_string_equal(json_string_value(json_object_get(pl, "decided")),
                      "heap");
  json_t *step = json_array_get(json_object_get(dang, "flow"), 0);
  assert_string_equal(json_string_value(json_object_get(step, "message")),
                      "g ← &x (address-of)");
  assert_int_equal(strlen(json_string_value(json_object_get(dang, "hash"))),
                   16);
  assert_true(json_is_false(json_object_get(dang, "suppressed")));
  json_t *ps = json_object_get(root, "params");
  assert_int_equal(json_array_size(ps), 1);
  assert_string_equal(
      json_string_value(json_object_get(json_array_get(ps, 0), "message")),
      "q does not escape");
  json_decref(root);
  esc_module_free(m);
}

static bool is_suppressed(const esc_module *m, esc_kind k) {
  const esc_record *r = rec(m, k, NULL);
  assert_non_null(r);
  return r->suppressed;
}

static void suppression_comments(void **state) {
  (void)state;
  struct {
    const char *l2, *l3, *l4, *l5;
    bool leak, dangling;
  } cases[] = {
      {NULL, "p = malloc(16); // escan:ignore", NULL, NULL, true, false},
      {"// escan:ignore[leak]", NULL, NULL, NULL, true, false},
      {"// escan:ignore[dangling]", NULL, NULL, NULL, false, false},
      {NULL, NULL, "// escan:ignore[leak,dangling]", NULL, false, true},
      {"// NOLINTNEXTLINE(escan-leak)", NULL, NULL, NULL, true, false},
      {NULL, NULL, NULL, "g = &x; // NOLINT(escan)", false, true},
      {NULL, NULL, NULL, "g = &x; // NOLINT(bugprone-foo)", false, false},
      {NULL, NULL, "// NOLINT(escan-*)", NULL, false, true},
  };
  for (unsigned i = 0; i < sizeof cases / sizeof *cases; i++) {
    memset(lines, 0, sizeof lines);
    lines[1] = cases[i].l2, lines[2] = cases[i].l3;
    lines[3] = cases[i].l4, lines[4] = cases[i].l5;
    esc_module *m = sample(0);
    assert_int_equal(is_suppressed(m, ESC_KIND_LEAK), cases[i].leak);
    assert_int_equal(is_suppressed(m, ESC_KIND_DANGLING), cases[i].dangling);
    assert_int_equal(esc_record_count(m), 2); /* suppressed records stay */
    esc_module_free(m);
  }
}

static void unwritable_path(void **state) {
  (void)state;
  char err[256] = "";
  esc_module *m = mod(0);
  esc_module_solve(m);
  assert_false(esc_write_json(m, "/nonexistent/dir/x.json", err, sizeof err));
  assert_non_null(strstr(err, "cannot write"));
  esc_module_free(m);
}

static void parse_checks(void **state) {
  (void)state;
  unsigned c = ESC_CHECK_ALL;
  char err[128];
  assert_true(esc_parse_checks("-leak", &c, err, sizeof err));
  assert_int_equal(c, ESC_CHECK_ALL & ~ESC_CHECK_LEAK);
  assert_true(esc_parse_checks("dangling,free-nonheap", &c, err, sizeof err));
  assert_int_equal(c, ESC_CHECK_DANGLING | ESC_CHECK_FREE_NONHEAP);
  assert_false(esc_parse_checks("dangle", &c, err, sizeof err));
  assert_non_null(strstr(err, "dangle"));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(document_shape),
      cmocka_unit_test(suppression_comments),
      cmocka_unit_test(unwritable_path),
      cmocka_unit_test(parse_checks),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
