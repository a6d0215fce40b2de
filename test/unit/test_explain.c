/* test_explain.c — -m=2 flows: root first, one step per edge, derived
 * load/store edges keep their notes, the record sits at the root-adjacent
 * step, and the hash does not depend on -m or on line numbers. */
#include "helpers.h"

/* int *g; void f(void) { int x; int *p = &x; int *q = p; g = q; } */
static esc_module *chain(int level, unsigned shift) {
  esc_module *m = mod(level);
  esc_fn *f = fn(m, "f", 0);
  esc_node x = local(f, "x", 2 + shift), p = local(f, "p", 3 + shift);
  esc_node q = local(f, "q", 4 + shift), g = esc_global(f, "g", P(1));
  esc_note n1 = N(3 + shift, ESC_R_ADDRESS_OF, "&x");
  esc_note n2 = N(4 + shift, ESC_R_INIT, "p");
  esc_note n3 = N(5 + shift, ESC_R_ASSIGN, "q");
  esc_addr(f, p, x, &n1);
  esc_copy(f, q, p, &n2);
  esc_copy(f, g, q, &n3);
  esc_module_solve(m);
  return m;
}

static void steps_root_first(void **state) {
  (void)state;
  esc_module *m = chain(2, 0);
  const esc_record *r = rec(m, ESC_KIND_DANGLING, "moved to heap: x");
  assert_non_null(r);
  assert_int_equal(r->nflow, 3);
  assert_string_equal(r->flow[0].message, "g ← q (assign)");
  assert_string_equal(r->flow[1].message, "q ← p (init)");
  assert_string_equal(r->flow[2].message, "p ← &x (address-of)");
  assert_int_equal(r->flow[0].pos.line, 5);
  assert_int_equal(r->flow[2].pos.line, 3);
  assert_int_equal(r->pos.line, 5); /* where it escapes */
  esc_module_free(m);
}

static void hash_ignores_level_and_lines(void **state) {
  (void)state;
  esc_module *a = chain(0, 0), *b = chain(2, 0), *c = chain(0, 40);
  const esc_record *ra = rec(a, ESC_KIND_DANGLING, NULL);
  const esc_record *rb = rec(b, ESC_KIND_DANGLING, NULL);
  const esc_record *rc = rec(c, ESC_KIND_DANGLING, NULL);
  assert_int_equal(ra->nflow, 0); /* flows only at -m=2 */
  assert_int_equal(strlen(ra->hash), 16);
  assert_string_equal(ra->hash, rb->hash);
  assert_string_equal(ra->hash, rc->hash);
  assert_int_not_equal(ra->pos.line, rc->pos.line);
  esc_module_free(a), esc_module_free(b), esc_module_free(c);
}

/* void f(int **out) { int x; int **h = malloc(8); *h = &x; *out = *h; } */
static void derived_edges_keep_notes(void **state) {
  (void)state;
  esc_module *m = mod(2);
  esc_fn *f = fn(m, "f", 1);
  esc_node out = param(f, 0, "out"), x = local(f, "x", 2), h = local(f, "h", 3);
  esc_node t = esc_temp(f, 0), t2 = esc_temp(f, 0);
  alloc(f, h, 8, 3);
  esc_note a = N(4, ESC_R_ADDRESS_OF, "&x"), s = N(4, ESC_R_STORE, "&x");
  esc_addr(f, t, x, &a);
  esc_store(f, h, t, &s);
  esc_note l = N(5, ESC_R_DEREF, "*h"), s2 = N(5, ESC_R_STORE, "*h");
  esc_load(f, t2, h, &l);
  esc_store(f, out, t2, &s2);
  esc_module_solve(m);
  const esc_record *r = rec(m, ESC_KIND_DANGLING, "moved to heap: x");
  assert_non_null(r);
  assert_int_equal(r->nflow, 4);
  assert_string_equal(r->flow[0].message, "*out ← *h (store through pointer)");
  assert_string_equal(r->flow[1].message, "*h (indirection)");
  assert_string_equal(r->flow[2].message,
                      "{heap} ← &x (store through pointer)");
  assert_string_equal(r->flow[3].message, "&x (address-of)");
  assert_int_equal(r->pos.line, 5);
  assert_string_equal(
      r->detail, "address of stack variable 'x' escapes to caller memory *out");
  esc_module_free(m);
}

/* Escaping heap sites explain themselves at -m=2 too, but stay at the
 * allocation. */
static void heap_escape_flow(void **state) {
  (void)state;
  esc_module *m = mod(2);
  esc_fn *f = fn(m, "f", 0);
  esc_node p = local(f, "p", 2);
  alloc(f, p, 16, 3);
  esc_note n = N(4, ESC_R_RETURN, "p");
  esc_copy(f, esc_result(f), p, &n);
  esc_module_solve(m);
  const esc_record *r = rec(m, ESC_KIND_INFO, "malloc(16) escapes to heap");
  assert_non_null(r);
  assert_int_equal(r->pos.line, 3);
  assert_int_equal(r->nflow, 2);
  assert_string_equal(r->flow[0].message, "~r0 ← p (return)");
  assert_string_equal(r->flow[1].message, "p ← malloc(16) (call result)");
  esc_module_free(m);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(steps_root_first),
      cmocka_unit_test(hash_ignores_level_and_lines),
      cmocka_unit_test(derived_edges_keep_notes),
      cmocka_unit_test(heap_escape_flow),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
