/* test_classes.c — escape classes and the decisions made from them:
 * dangling (return, global, caller memory), the unknown polarity, leaks,
 * heap-to-stack, free-nonheap and guards. Grouped by verdict. */
#include "helpers.h"

/* ---- escapes_*: dangling ------------------------------------------------- */

/* int *f(void) { int x; return &x; } */
static void escapes_return_of_local(void **state) {
  (void)state;
  esc_module *m = mod(0);
  esc_fn *f = fn(m, "f", 0);
  esc_node x = local(f, "x", 2), t = esc_temp(f, 0);
  take(f, t, x, 3);
  ret(f, t, 3);
  esc_module_solve(m);
  const esc_record *r = rec(m, ESC_KIND_DANGLING, "moved to heap: x");
  assert_non_null(r);
  assert_int_equal(r->severity, ESC_SEV_ERROR);
  assert_string_equal(
      r->detail,
      "address of stack variable 'x' escapes through the return value");
  assert_string_equal(r->written, "stack");
  assert_string_equal(r->decided, "heap");
  assert_int_equal(r->pos.line, 3);
  assert_int_equal(count(m, ESC_KIND_DANGLING), 1);
  esc_module_free(m);
}

/* g = &x */
static void escapes_global(void **state) {
  (void)state;
  esc_module *m = mod(0);
  esc_fn *f = fn(m, "f", 0);
  esc_node x = local(f, "x", 2), g = esc_global(f, "g", P(1));
  take(f, g, x, 4);
  esc_module_solve(m);
  const esc_record *r = rec(m, ESC_KIND_DANGLING, "moved to heap: x");
  assert_non_null(r);
  assert_string_equal(r->detail,
                      "address of stack variable 'x' escapes to global 'g'");
  assert_int_equal(r->pos.line, 4);
  esc_module_free(m);
}

/* void f(int **out) { int x; *out = &x; } */
static void escapes_caller_memory(void **state) {
  (void)state;
  esc_module *m = mod(0);
  esc_fn *f = fn(m, "f", 1);
  esc_node out = param(f, 0, "out"), x = local(f, "x", 2), t = esc_temp(f, 0);
  take(f, t, x, 5);
  store(f, out, t, 5);
  esc_module_solve(m);
  const esc_record *r = rec(m, ESC_KIND_DANGLING, "moved to heap: x");
  assert_non_null(r);
  assert_string_equal(
      r->detail, "address of stack variable 'x' escapes to caller memory *out");
  esc_module_free(m);
}

/* struct S *f(void) { return &(struct S){0}; } */
static void escapes_compound_literal_message(void **state) {
  (void)state;
  esc_module *m = mod(0);
  esc_fn *f = fn(m, "f", 0);
  esc_node c = obj(f, ESC_OBJ_COMPOUND, "(struct S){...}", 2, 0);
  esc_node t = esc_temp(f, 0);
  take(f, t, c, 2);
  ret(f, t, 2);
  esc_module_solve(m);
  assert_non_null(rec(m, ESC_KIND_DANGLING, "(struct S){...} escapes to heap"));
  esc_module_free(m);
}

/* s = malloc(..); s->p = &x; g = s;  — through a heap object */
static void escapes_through_escaping_heap(void **state) {
  (void)state;
  esc_module *m = mod(0);
  esc_fn *f = fn(m, "f", 0);
  esc_node s = local(f, "s", 2), x = local(f, "x", 2), t = esc_temp(f, 0);
  esc_node g = esc_global(f, "g", P(1));
  alloc(f, s, 16, 3);
  take(f, t, x, 4);
  store(f, s, t, 4);
  assign(f, g, s, 5);
  esc_module_solve(m);
  assert_non_null(rec(m, ESC_KIND_DANGLING, "moved to heap: x"));
  esc_module_free(m);
}

/* ---- stays_*: no dangling ------------------------------------------------ */

/* s = malloc(..); s->p = &x; free(s);  — stays local, heap is local too */
static void stays_stored_into_local_heap(void **state) {
  (void)state;
  esc_module *m = mod(0);
  esc_fn *f = fn(m, "f", 0);
  esc_node s = local(f, "s", 2), x = local(f, "x", 2), t = esc_temp(f, 0);
  alloc(f, s, 16, 3);
  take(f, t, x, 4);
  store(f, s, t, 4);
  release(f, s, 5);
  esc_module_solve(m);
  assert_int_equal(count(m, ESC_KIND_DANGLING), 0);
  const esc_record *r =
      rec(m, ESC_KIND_HEAP_TO_STACK, "malloc(16) does not escape");
  assert_non_null(r);
  assert_string_equal(r->detail, "can be stack storage");
  esc_module_free(m);
}

/* read(fd, buf, n) with an unknown callee: no error; -m=2 says "may". */
static void stays_unknown_callee_for_stack(void **state) {
  (void)state;
  esc_module *m = mod(2);
  esc_fn *f = fn(m, "f", 0);
  esc_node buf = local(f, "buf", 2), t = esc_temp(f, 0);
  take(f, t, buf, 3);
  esc_node args[2] = {ESC_NONE, t};
  call(f, "mystery", args, 2, ESC_NONE, 3);
  esc_module_solve(m);
  assert_int_equal(count(m, ESC_KIND_DANGLING), 0);
  const esc_record *r =
      rec(m, ESC_KIND_INFO, "buf may escape: passed to unknown code");
  assert_non_null(r);
  assert_int_equal(r->pos.line, 3);
  esc_module_free(m);
}

/* init(&ctx) of a local by a defined callee that only writes into it */
static void stays_out_param_of_local(void **state) {
  (void)state;
  esc_module *m = mod(0);
  esc_fn *init = fn(m, "init", 1);
  esc_node c = param(init, 0, "c"), t = esc_temp(init, 0);
  alloc(init, t, 16, 2); /* c->buf = malloc(16) */
  store(init, c, t, 2);
  esc_fn_end(init);
  esc_fn *f = fn(m, "f", 0);
  esc_node ctx = local(f, "ctx", 2), a = esc_temp(f, 0);
  take(f, a, ctx, 3);
  call(f, "init", &a, 1, ESC_NONE, 3);
  esc_module_solve(m);
  assert_int_equal(count(m, ESC_KIND_DANGLING), 0);
  /* the buffer init allocates is a fresh site of f, never freed there */
  assert_non_null(
      rec(m, ESC_KIND_LEAK, "init(...) does not escape and is never freed"));
  esc_module_free(m);
}

/* g = mystery(); u = mystery(); *u = &x;  — global memory may point into
 * what unknown code hands out, but that does not make x dangle */
static void stays_behind_unknown_barrier(void **state) {
  (void)state;
  esc_module *m = mod(2);
  esc_fn *f = fn(m, "f", 0);
  esc_node x = local(f, "x", 2), g = esc_global(f, "g", P(1));
  esc_node t = esc_temp(f, 0), u = local(f, "u", 2), a = esc_temp(f, 0);
  call(f, "mystery", NULL, 0, t, 3);
  assign(f, g, t, 3);
  call(f, "mystery", NULL, 0, u, 4);
  take(f, a, x, 5);
  store(f, u, a, 5);
  esc_module_solve(m);
  assert_int_equal(count(m, ESC_KIND_DANGLING), 0);
  assert_non_null(
      rec(m, ESC_KIND_INFO, "x may escape: passed to unknown code"));
  esc_module_free(m);
}

/* stat(path, &st); p = *r (r from unknown code); *g = p;  — what unknown
 * code received does not come back out of it */
static void stays_given_to_unknown_code(void **state) {
  (void)state;
  esc_module *m = mod(0);
  esc_fn *f = fn(m, "f", 0);
  esc_node st = local(f, "st", 2), a = esc_temp(f, 0), r = local(f, "r", 2);
  esc_node p = local(f, "p", 2), g = esc_global(f, "g", P(1));
  take(f, a, st, 3);
  esc_node args[2] = {ESC_NONE, a};
  call(f, "stat", args, 2, ESC_NONE, 3);
  call(f, "mystery", NULL, 0, r, 4);
  deref(f, p, r, 5);
  store(f, g, p, 6);
  esc_module_solve(m);
  assert_int_equal(count(m, ESC_KIND_DANGLING), 0);
  esc_module_free(m);
}

/* db->p = &x; use(db); db->p = NULL;  and  g = &y; g = NULL;  — the
 * adapter found both overwritten before return: no dangling, but a heap
 * block stored the same way still escapes. */
static void stays_undone_stores(void **state) {
  (void)state;
  esc_module *m = mod(1);
  esc_fn *f = fn(m, "f", 1);
  esc_node db = param(f, 0, "db"), x = local(f, "x", 2), y = local(f, "y", 2);
  esc_node g = esc_global(f, "g", P(1)), t = esc_temp(f, 0);
  esc_node u = esc_temp(f, 0), h = local(f, "h", 2);
  esc_note n = N(3, ESC_R_STORE, "&x");
  take(f, t, x, 3);
  esc_store_undone(f, db, t, &n);
  take(f, u, y, 4);
  esc_note c = N(4, ESC_R_ASSIGN, "&y");
  esc_copy_undone(f, g, u, &c);
  alloc(f, h, 16, 5);
  esc_note c2 = N(6, ESC_R_ASSIGN, "h");
  esc_copy_undone(f, g, h, &c2);
  release(f, h, 7);
  esc_module_solve(m);
  assert_int_equal(count(m, ESC_KIND_DANGLING), 0);
  assert_non_null(rec(m, ESC_KIND_INFO, "malloc(16) escapes to heap"));
  assert_int_equal(count(m, ESC_KIND_HEAP_TO_STACK), 0);
  /* a plain store of the same kind still dangles */
  esc_module *m2 = mod(0);
  esc_fn *f2 = fn(m2, "f", 1);
  esc_node db2 = param(f2, 0, "db"), x2 = local(f2, "x", 2);
  esc_node t2 = esc_temp(f2, 0);
  take(f2, t2, x2, 3);
  store(f2, db2, t2, 3);
  esc_module_solve(m2);
  assert_int_equal(count(m2, ESC_KIND_DANGLING), 1);
  esc_module_free(m);
  esc_module_free(m2);
}

/* ---- heap polarity ----------------------------------------------------------
 */

/* p = malloc(16); mystery(p); free(p);  — unknown counts as escaping */
static void heap_passed_to_unknown_escapes(void **state) {
  (void)state;
  esc_module *m = mod(1);
  esc_fn *f = fn(m, "f", 0);
  esc_node p = local(f, "p", 2);
  alloc(f, p, 16, 3);
  call(f, "mystery", &p, 1, ESC_NONE, 4);
  release(f, p, 5);
  esc_module_solve(m);
  assert_non_null(rec(m, ESC_KIND_INFO, "malloc(16) escapes to heap"));
  assert_int_equal(count(m, ESC_KIND_HEAP_TO_STACK), 0);
  assert_int_equal(count(m, ESC_KIND_LEAK), 0);
  esc_module_free(m);
}

static void heap_never_freed_is_leak(void **state) {
  (void)state;
  esc_module *m = mod(0);
  esc_fn *f = fn(m, "f", 0);
  esc_node p = local(f, "p", 2);
  alloc(f, p, 16, 3);
  esc_module_solve(m);
  const esc_record *r =
      rec(m, ESC_KIND_LEAK, "malloc(16) does not escape and is never freed");
  assert_non_null(r);
  assert_int_equal(r->severity, ESC_SEV_WARNING);
  assert_int_equal(r->nfixes, 2); /* declaration + call; no free to drop */
  assert_string_equal(r->written, "heap");
  assert_string_equal(r->decided, "stack");
  esc_module_free(m);
}

static void heap_returned_is_not_a_leak(void **state) {
  (void)state;
  esc_module *m = mod(1);
  esc_fn *f = fn(m, "f", 0);
  esc_node p = local(f, "p", 2);
  alloc(f, p, 16, 3);
  ret(f, p, 4);
  esc_module_solve(m);
  assert_int_equal(count(m, ESC_KIND_LEAK), 0);
  assert_non_null(rec(m, ESC_KIND_INFO, "malloc(16) escapes to heap"));
  assert_true(pline(m, "f", "allocator: f returns new heap memory"));
  esc_module_free(m);
}

static void info_records_only_with_m(void **state) {
  (void)state;
  for (int level = 0; level <= 1; level++) {
    esc_module *m = mod(level);
    esc_fn *f = fn(m, "f", 1);
    esc_node p = local(f, "p", 2);
    param(f, 0, "q");
    alloc(f, p, 16, 3);
    ret(f, p, 4);
    esc_module_solve(m);
    assert_int_equal(count(m, ESC_KIND_INFO), level ? 1 : 0);
    assert_int_equal(esc_param_line_count(m), level ? 2 : 0);
    esc_module_free(m);
  }
}

/* ---- free-nonheap
 * --------------------------------------------------------------- */

static void free_of_local(void **state) {
  (void)state;
  esc_module *m = mod(0);
  esc_fn *f = fn(m, "f", 0);
  esc_node x = local(f, "x", 2), p = local(f, "p", 2);
  take(f, p, x, 3);
  release(f, p, 4);
  esc_module_solve(m);
  const esc_record *r =
      rec(m, ESC_KIND_FREE_NONHEAP, "free of non-heap memory: x");
  assert_non_null(r);
  assert_string_equal(r->detail, "x is a local variable");
  assert_string_equal(r->written, "stack");
  assert_int_equal(r->pos.line, 4);
  esc_module_free(m);
}

static void free_of_global_and_string(void **state) {
  (void)state;
  esc_module *m = mod(0);
  esc_fn *f = fn(m, "f", 0);
  esc_node g = esc_global(f, "g", P(1)), p = local(f, "p", 2);
  esc_node s = obj(f, ESC_OBJ_STRING, "\"abc\"", 3, 0);
  take(f, p, g, 3);
  take(f, p, s, 3);
  release(f, p, 4);
  esc_module_solve(m);
  const esc_record *r =
      rec(m, ESC_KIND_FREE_NONHEAP, "free of non-heap memory: g");
  assert_non_null(r);
  assert_string_equal(r->written, "static");
  assert_string_equal(r->detail, "g is a global");
  r = rec(m, ESC_KIND_FREE_NONHEAP, "free of non-heap memory: \"abc\"");
  assert_non_null(r);
  assert_string_equal(r->detail, "string literal");
  esc_module_free(m);
}

/* if (p != buf) free(p); */
static void free_guarded_by_comparison(void **state) {
  (void)state;
  esc_module *m = mod(0);
  esc_fn *f = fn(m, "f", 0);
  esc_node buf = local(f, "buf", 2), p = local(f, "p", 2);
  take(f, p, buf, 3);
  alloc(f, p, 16, 4);
  esc_call_desc d = {.callee = "free",
                     .args = &p,
                     .nargs = 1,
                     .result = ESC_NONE,
                     .pos = P(5),
                     .text = "free(p)",
                     .size = -1,
                     .guard_excludes = &buf,
                     .nguard_excludes = 1};
  esc_call(f, &d);
  esc_module_solve(m);
  assert_int_equal(count(m, ESC_KIND_FREE_NONHEAP), 0);
  esc_module_free(m);
}

static void checks_filter_findings(void **state) {
  (void)state;
  esc_options o;
  esc_options_default(&o);
  o.checks = ESC_CHECK_ALL & ~ESC_CHECK_DANGLING;
  esc_module *m = esc_module_new("t.c", &o);
  esc_fn *f = fn(m, "f", 0);
  esc_node x = local(f, "x", 2), g = esc_global(f, "g", P(1));
  take(f, g, x, 4);
  esc_module_solve(m);
  assert_int_equal(esc_record_count(m), 0);
  esc_module_free(m);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(escapes_return_of_local),
      cmocka_unit_test(escapes_global),
      cmocka_unit_test(escapes_caller_memory),
      cmocka_unit_test(escapes_compound_literal_message),
      cmocka_unit_test(escapes_through_escaping_heap),
      cmocka_unit_test(stays_stored_into_local_heap),
      cmocka_unit_test(stays_unknown_callee_for_stack),
      cmocka_unit_test(stays_out_param_of_local),
      cmocka_unit_test(stays_behind_unknown_barrier),
      cmocka_unit_test(stays_given_to_unknown_code),
      cmocka_unit_test(stays_undone_stores),
      cmocka_unit_test(heap_passed_to_unknown_escapes),
      cmocka_unit_test(heap_never_freed_is_leak),
      cmocka_unit_test(heap_returned_is_not_a_leak),
      cmocka_unit_test(info_records_only_with_m),
      cmocka_unit_test(free_of_local),
      cmocka_unit_test(free_of_global_and_string),
      cmocka_unit_test(free_guarded_by_comparison),
      cmocka_unit_test(checks_filter_findings),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
