/* test_libc.c — the standard-library table, declarations' attributes and
 * configured allocator names. */
#include "helpers.h"

static void table_lookup(void **state) {
  (void)state;
  static const char *names[] = {
      "malloc", "free",   "memcpy",      "strchr",  "pthread_create",
      "setjmp", "strtol", "__sigsetjmp", "_setjmp", "write"};
  for (unsigned i = 0; i < sizeof names / sizeof *names; i++) {
    const esc_libc *e = esc_libc_find(names[i]);
    assert_non_null(e);
    assert_string_equal(e->name, names[i]);
  }
  assert_null(esc_libc_find("xmalloc"));
  unsigned n = 0;
  const esc_libc *t = esc_libc_table(&n);
  assert_true(n > 50);
  for (unsigned i = 0; i < n; i++) { /* sorted, so bsearch finds each */
    assert_ptr_equal(esc_libc_find(t[i].name), &t[i]);
    if (i)
      assert_true(strcmp(t[i - 1].name, t[i].name) < 0);
  }
  assert_int_equal(esc_libc_find("calloc")->site, ESC_SITE_CALLOC);
  assert_int_equal(esc_libc_find("pthread_create")->arg, 3);
}

/* memcpy(&dst, &src, n) where src holds a malloc'd pointer and dst is a
 * global: the block escapes through the copy. */
static void memcpy_copies_contents(void **state) {
  (void)state;
  esc_module *m = mod(1);
  esc_fn *f = fn(m, "f", 0);
  esc_node src = local(f, "src", 2), g = esc_global(f, "g", P(1));
  esc_node a0 = esc_temp(f, 0), a1 = esc_temp(f, 0);
  alloc(f, src, 16, 3);
  take(f, a0, g, 4);
  take(f, a1, src, 4);
  esc_node args[3] = {a0, a1, ESC_NONE};
  call(f, "memcpy", args, 3, ESC_NONE, 4);
  esc_module_solve(m);
  assert_non_null(rec(m, ESC_KIND_INFO, "malloc(16) escapes to heap"));
  esc_module_free(m);
}

/* char buf[8]; return CALLEE(..., buf, ...); — with buf as argument `at`
 * of n: the result points into buf, so buf is moved to the heap. */
static void returns_into_argument(const char *callee, unsigned n,
                                  unsigned at) {
  esc_module *m = mod(0);
  esc_fn *f = fn(m, "f", 0);
  esc_node buf = local(f, "buf", 2), a = esc_temp(f, 0), r = esc_temp(f, 0);
  esc_note note = N(3, ESC_R_ARRAY_DECAY, "buf");
  esc_addr(f, a, buf, &note);
  esc_node args[5] = {ESC_NONE, ESC_NONE, ESC_NONE, ESC_NONE, ESC_NONE};
  args[at] = a;
  call(f, callee, args, n, r, 3);
  ret(f, r, 3);
  esc_module_solve(m);
  assert_non_null(rec(m, ESC_KIND_DANGLING, "moved to heap: buf"));
  esc_module_free(m);
}

/* char *f(void) { char buf[8]; return strchr(buf, 'a'); } */
static void strchr_returns_into_argument(void **state) {
  (void)state;
  returns_into_argument("strchr", 2, 0);
}

/* strlen and printf capture nothing: the block stays promotable. */
static void capture_nothing(void **state) {
  (void)state;
  esc_module *m = mod(0);
  esc_fn *f = fn(m, "f", 0);
  esc_node p = local(f, "p", 2);
  alloc(f, p, 16, 3);
  call(f, "strlen", &p, 1, ESC_NONE, 4);
  esc_node pa[2] = {ESC_NONE, p};
  call(f, "printf", pa, 2, ESC_NONE, 5);
  release(f, p, 7);
  esc_module_solve(m);
  assert_non_null(rec(m, ESC_KIND_HEAP_TO_STACK, "malloc(16) does not escape"));
  esc_module_free(m);
}

/* p = malloc(16); <call with p as argument `at` of n>; free(p); — the
 * library keeps the argument (hidden state) or hands it to a callback: the
 * block escapes and is not promoted. */
static void escapes_through(const char *callee, unsigned n, unsigned at,
                            bool result) {
  esc_module *m = mod(1);
  esc_fn *f = fn(m, "f", 0);
  esc_node p = local(f, "p", 2), r = result ? local(f, "r", 2) : ESC_NONE;
  alloc(f, p, 16, 3);
  esc_node args[5] = {ESC_NONE, ESC_NONE, ESC_NONE, ESC_NONE, ESC_NONE};
  args[at] = p;
  call(f, callee, args, n, r, 4);
  release(f, p, 5);
  esc_module_solve(m);
  if (!rec(m, ESC_KIND_INFO, "malloc(16) escapes to heap"))
    dump(m);
  assert_non_null(rec(m, ESC_KIND_INFO, "malloc(16) escapes to heap"));
  assert_int_equal(count(m, ESC_KIND_HEAP_TO_STACK), 0);
  esc_module_free(m);
}

/* strtok(p, " "): strtok's static state keeps p for strtok(NULL, ...). */
static void strtok_keeps_argument(void **state) {
  (void)state;
  escapes_through("strtok", 2, 0, true);
}

/* setbuf/setvbuf keep the buffer, putenv the string, pthread_setspecific
 * the value. */
static void hidden_state_keeps_argument(void **state) {
  (void)state;
  escapes_through("setbuf", 2, 1, false);
  escapes_through("setvbuf", 4, 1, false);
  escapes_through("putenv", 1, 0, false);
  escapes_through("pthread_setspecific", 2, 1, false);
}

/* qsort(p, n, size, cmp) and bsearch(key, p, n, size, cmp): the comparator
 * gets pointers into the array (and the key) and may keep them. */
static void comparator_may_keep_array(void **state) {
  (void)state;
  escapes_through("qsort", 4, 0, false);
  escapes_through("bsearch", 5, 1, true);
  escapes_through("bsearch", 5, 0, true);
}

/* r = bsearch(key, buf, ...); return r; — the result still points into the
 * array (arg 1): a stack array is moved to the heap. */
static void bsearch_result_into_array(void **state) {
  (void)state;
  returns_into_argument("bsearch", 5, 1);
}

/* pthread_create(&t, 0, fn, &x): the argument outlives the frame, but as
 * for any unknown use a stack address only "may" escape. */
static void pthread_create_escapes(void **state) {
  (void)state;
  esc_module *m = mod(1);
  esc_fn *f = fn(m, "f", 0);
  esc_node p = local(f, "p", 2);
  alloc(f, p, 16, 3);
  esc_node args[4] = {ESC_NONE, ESC_NONE, ESC_NONE, p};
  call(f, "pthread_create", args, 4, ESC_NONE, 4);
  esc_module_solve(m);
  assert_non_null(rec(m, ESC_KIND_INFO, "malloc(16) escapes to heap"));
  esc_module_free(m);
}

/* q = realloc(p, 32); free(q); — p's block is freed through realloc */
static void realloc_frees_and_allocates(void **state) {
  (void)state;
  esc_module *m = mod(2);
  esc_fn *f = fn(m, "f", 0);
  esc_node p = local(f, "p", 2), q = local(f, "q", 2);
  alloc(f, p, 16, 3);
  esc_node args[2] = {p, ESC_NONE};
  call_full(f, "realloc", "realloc(p, 32)", args, 2, q, 4, 32, 0);
  release(f, q, 5);
  esc_module_solve(m);
  assert_non_null(rec(m, ESC_KIND_INFO, "not promoted: freed through realloc"));
  assert_int_equal(count(m, ESC_KIND_LEAK), 0);
  assert_non_null(rec(m, ESC_KIND_INFO, "realloc(p, 32) does not escape"));
  esc_module_free(m);
}

/* __attribute__((malloc)) and __attribute__((noescape)) */
static void declared_attributes(void **state) {
  (void)state;
  esc_module *m = mod(2);
  esc_declare(m, "my_alloc", true, 0);
  esc_declare(m, "inspect", false, 1u << 0);
  esc_fn *f = fn(m, "f", 0);
  esc_node p = local(f, "p", 2), q = local(f, "q", 2);
  call_full(f, "my_alloc", "my_alloc(8)", NULL, 0, q, 3, 8, 0);
  alloc(f, p, 16, 4);
  esc_node args[2] = {p, ESC_NONE};
  call(f, "inspect", args, 2, ESC_NONE, 5);
  release(f, p, 6);
  esc_module_solve(m);
  assert_non_null(
      rec(m, ESC_KIND_LEAK, "my_alloc(8) does not escape and is never freed"));
  assert_non_null(rec(m, ESC_KIND_HEAP_TO_STACK, "malloc(16) does not escape"));
  esc_module_free(m);
}

/* configured names: pool_get allocates, pool_put deallocates */
static void configured_allocators(void **state) {
  (void)state;
  esc_module *m = mod(2);
  esc_add_allocator(m, "pool_get");
  esc_add_deallocator(m, "pool_put");
  esc_fn *f = fn(m, "f", 0);
  esc_node p = local(f, "p", 2);
  call_full(f, "pool_get", "pool_get(pool)", NULL, 0, p, 3, -1, 0);
  call(f, "pool_put", &p, 1, ESC_NONE, 4);
  esc_module_solve(m);
  assert_int_equal(count(m, ESC_KIND_LEAK), 0);
  assert_non_null(rec(m, ESC_KIND_INFO, "pool_get(pool) does not escape"));
  assert_non_null(
      rec(m, ESC_KIND_INFO, "not promoted: allocator is a wrapper"));
  esc_module_free(m);
}

/* setjmp anywhere in the function: no promotion */
static void setjmp_blocks_promotion(void **state) {
  (void)state;
  esc_module *m = mod(2);
  esc_fn *f = fn(m, "f", 0);
  esc_node p = local(f, "p", 2);
  alloc(f, p, 16, 3);
  call(f, "setjmp", NULL, 0, ESC_NONE, 4);
  release(f, p, 5);
  esc_module_solve(m);
  assert_int_equal(count(m, ESC_KIND_HEAP_TO_STACK), 0);
  assert_non_null(rec(m, ESC_KIND_INFO, "not promoted: function calls setjmp"));
  esc_module_free(m);
}

/* strtol(s, &end, 10): *endptr = s */
static void strtol_stores_into_endptr(void **state) {
  (void)state;
  esc_module *m = mod(0);
  esc_fn *f = fn(m, "f", 1);
  esc_node endp = param(f, 0, "endp"), buf = local(f, "buf", 2);
  esc_node a = esc_temp(f, 0);
  take(f, a, buf, 3);
  esc_node args[3] = {a, endp, ESC_NONE};
  call(f, "strtol", args, 3, ESC_NONE, 3);
  esc_module_solve(m);
  const esc_record *r = rec(m, ESC_KIND_DANGLING, "moved to heap: buf");
  assert_non_null(r);
  assert_non_null(strstr(r->detail, "caller memory *endp"));
  esc_module_free(m);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(table_lookup),
      cmocka_unit_test(memcpy_copies_contents),
      cmocka_unit_test(strchr_returns_into_argument),
      cmocka_unit_test(capture_nothing),
      cmocka_unit_test(pthread_create_escapes),
      cmocka_unit_test(strtok_keeps_argument),
      cmocka_unit_test(hidden_state_keeps_argument),
      cmocka_unit_test(comparator_may_keep_array),
      cmocka_unit_test(bsearch_result_into_array),
      cmocka_unit_test(realloc_frees_and_allocates),
      cmocka_unit_test(declared_attributes),
      cmocka_unit_test(configured_allocators),
      cmocka_unit_test(setjmp_blocks_promotion),
      cmocka_unit_test(strtol_stores_into_endptr),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
