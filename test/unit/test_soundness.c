/* test_soundness.c — adversarial cases: each tries to make a heap block
 * that escapes come out as "does not escape" (which would make --fix
 * miscompile). Every case must report the block as escaping and offer no
 * promotion and no leak. */
#include "helpers.h"

/* The block allocated as "malloc(16)" escapes and nothing promotes it. */
static void assert_escapes(esc_module *m) {
  esc_module_solve(m);
  if (!rec(m, ESC_KIND_INFO, "malloc(16) escapes to heap"))
    dump(m);
  assert_non_null(rec(m, ESC_KIND_INFO, "malloc(16) escapes to heap"));
  assert_null(rec(m, ESC_KIND_INFO, "malloc(16) does not escape"));
  assert_int_equal(count(m, ESC_KIND_HEAP_TO_STACK), 0);
  assert_int_equal(count(m, ESC_KIND_LEAK), 0);
  esc_module_free(m);
}

/* void f(int **out) { int *p = malloc(16); *out = p; free(p); } */
static void store_into_caller_memory(void **state) {
  (void)state;
  esc_module *m = mod(1);
  esc_fn *f = fn(m, "f", 1);
  esc_node out = param(f, 0, "out"), p = local(f, "p", 2);
  alloc(f, p, 16, 2);
  store(f, out, p, 3);
  release(f, p, 4);
  assert_escapes(m);
}

/* void f(int ****o) { p = malloc(16); ****o = p; } — deeper than K */
static void store_deeper_than_caller_depth(void **state) {
  (void)state;
  esc_module *m = mod(1);
  esc_fn *f = fn(m, "f", 1);
  esc_node o = param(f, 0, "o"), p = local(f, "p", 2), cur = o;
  alloc(f, p, 16, 2);
  for (unsigned i = 0; i < 6; i++) {
    esc_node t = esc_temp(f, 0);
    deref(f, t, cur, 3);
    cur = t;
  }
  store(f, cur, p, 3);
  release(f, p, 4);
  assert_escapes(m);
}

/* struct S f(void) { struct S s; s.p = malloc(16); return s; } */
static void returned_struct_by_value(void **state) {
  (void)state;
  esc_module *m = mod(1);
  esc_fn *f = fn(m, "f", 0);
  esc_node s = local(f, "s", 2);
  alloc(f, s, 16, 3); /* s.p = malloc: s's node holds the pointer */
  ret(f, s, 4);       /* return s: copies every pointer s holds */
  assert_escapes(m);
}

/* struct S s; s.p = malloc(16); memcpy(out, &s, sizeof s); */
static void memcpy_into_caller_memory(void **state) {
  (void)state;
  esc_module *m = mod(1);
  esc_fn *f = fn(m, "f", 1);
  esc_node out = param(f, 0, "out"), s = local(f, "s", 2), a = esc_temp(f, 0);
  alloc(f, s, 16, 3);
  take(f, a, s, 4);
  esc_node args[3] = {out, a, ESC_NONE};
  call(f, "memcpy", args, 3, ESC_NONE, 4);
  assert_escapes(m);
}

/* p = malloc(16); pp = &p; mystery(pp); — unknown reads through pp */
static void unknown_reads_through_pointer(void **state) {
  (void)state;
  esc_module *m = mod(1);
  esc_fn *f = fn(m, "f", 0);
  esc_node p = local(f, "p", 2), pp = local(f, "pp", 2);
  alloc(f, p, 16, 3);
  take(f, pp, p, 4);
  call(f, "mystery", &pp, 1, ESC_NONE, 5);
  release(f, p, 6);
  assert_escapes(m);
}

/* intptr_t i = (intptr_t)p; — the adapter copies p into UNKNOWN */
static void integer_cast_exposes(void **state) {
  (void)state;
  esc_module *m = mod(1);
  esc_fn *f = fn(m, "f", 0);
  esc_node p = local(f, "p", 2);
  alloc(f, p, 16, 3);
  esc_note n = N(4, ESC_R_INT_CAST, "(intptr_t)p");
  esc_copy(f, esc_unknown(f), p, &n);
  release(f, p, 5);
  assert_escapes(m);
}

/* u = mystery(); *u = p; — storing into what unknown code returned */
static void store_into_unknown_result(void **state) {
  (void)state;
  esc_module *m = mod(1);
  esc_fn *f = fn(m, "f", 0);
  esc_node p = local(f, "p", 2), u = local(f, "u", 2);
  alloc(f, p, 16, 3);
  call(f, "mystery", NULL, 0, u, 4);
  store(f, u, p, 5);
  release(f, p, 6);
  assert_escapes(m);
}

/* a = p; b = a; p = b; ... g = b — through a copy cycle */
static void copy_cycle_then_global(void **state) {
  (void)state;
  esc_module *m = mod(1);
  esc_fn *f = fn(m, "f", 0);
  esc_node p = local(f, "p", 2), a = local(f, "a", 2), b = local(f, "b", 2);
  alloc(f, p, 16, 3);
  assign(f, a, p, 4);
  assign(f, b, a, 4);
  assign(f, p, b, 4);
  store(f, esc_global(f, "gp", P(1)), b, 5); /* *gp = b */
  release(f, p, 6);
  assert_escapes(m);
}

/* list building in a loop: n = malloc; n->next = head; head = n; return head */
static void linked_list_in_loop(void **state) {
  (void)state;
  esc_module *m = mod(1);
  esc_fn *f = fn(m, "f", 0);
  esc_block_id body = esc_block(f, 0, 1, P(3));
  esc_node head = local(f, "head", 2), n = obj(f, ESC_OBJ_LOCAL, "n", 3, body);
  call_full(f, "malloc", "malloc(16)", NULL, 0, n, 4, 16, body);
  store(f, n, head, 5);
  assign(f, head, n, 6);
  ret(f, head, 8);
  assert_escapes(m);
}

/* h1 = malloc(32); h1->p = malloc(16); return h1; — the inner block
 * escapes through the outer one */
static void nested_heap_returned(void **state) {
  (void)state;
  esc_module *m = mod(1);
  esc_fn *f = fn(m, "f", 0);
  esc_node h1 = local(f, "h1", 2), t = esc_temp(f, 0);
  call_full(f, "malloc", "malloc(32)", NULL, 0, h1, 3, 32, 0);
  alloc(f, t, 16, 4);
  store(f, h1, t, 4);
  ret(f, h1, 5);
  assert_escapes(m);
}

/* a(p) calls b(p), b stores into a global: two levels of summaries */
static void two_level_summary_to_global(void **state) {
  (void)state;
  esc_module *m = mod(1);
  esc_fn *b = fn(m, "b", 1);
  assign(b, esc_global(b, "g", P(1)), param(b, 0, "p"), 2);
  esc_fn_end(b);
  esc_fn *a = fn(m, "a", 1);
  esc_node pa = param(a, 0, "p");
  call(a, "b", &pa, 1, ESC_NONE, 2);
  esc_fn_end(a);
  esc_fn *f = fn(m, "f", 0);
  esc_node p = local(f, "p", 2);
  alloc(f, p, 16, 3);
  call(f, "a", &p, 1, ESC_NONE, 4);
  release(f, p, 5);
  assert_escapes(m);
}

/* void put(struct box *bx, int *v) { bx->v = v; }  with bx = &global_box */
static void summary_into_content_of_global(void **state) {
  (void)state;
  esc_module *m = mod(1);
  esc_fn *put = fn(m, "put", 2);
  store(put, param(put, 0, "bx"), param(put, 1, "v"), 2);
  esc_fn_end(put);
  esc_fn *f = fn(m, "f", 0);
  esc_node p = local(f, "p", 2), a = esc_temp(f, 0);
  alloc(f, p, 16, 3);
  take(f, a, esc_global(f, "box", P(1)), 4);
  esc_node args[2] = {a, p};
  call(f, "put", args, 2, ESC_NONE, 4);
  release(f, p, 5);
  assert_escapes(m);
}

/* recursive: void r(int *p, int d) { if (d) r(p, d - 1); else g = p; } */
static void recursion_to_global(void **state) {
  (void)state;
  esc_module *m = mod(1);
  esc_fn *r = fn(m, "r", 2);
  esc_node p = param(r, 0, "p");
  esc_param(r, 1, "d", P(1), false);
  esc_node args[2] = {p, ESC_NONE};
  call(r, "r", args, 2, ESC_NONE, 2);
  assign(r, esc_global(r, "g", P(1)), p, 3);
  esc_fn_end(r);
  esc_fn *f = fn(m, "f", 0);
  esc_node q = local(f, "q", 2);
  alloc(f, q, 16, 3);
  esc_node a2[2] = {q, ESC_NONE};
  call(f, "r", a2, 2, ESC_NONE, 4);
  release(f, q, 5);
  assert_escapes(m);
}

/* a wrapper that keeps a copy: void *keep_alloc(void) { p = malloc(16);
 * last = p; return p; } — the caller's result is no fresh block */
static void wrapper_keeping_a_copy(void **state) {
  (void)state;
  esc_module *m = mod(1);
  esc_fn *w = fn(m, "keep_alloc", 0);
  esc_node p = local(w, "p", 2);
  alloc(w, p, 16, 2);
  assign(w, esc_global(w, "last", P(1)), p, 3);
  ret(w, p, 4);
  esc_fn_end(w);
  esc_fn *f = fn(m, "f", 0);
  esc_node q = local(f, "q", 2);
  call_full(f, "keep_alloc", "keep_alloc()", NULL, 0, q, 3, 16, 0);
  release(f, q, 4);
  esc_fn_end(f);
  esc_module_solve(m);
  assert_null(rec(m, ESC_KIND_INFO, "keep_alloc() does not escape"));
  assert_int_equal(count(m, ESC_KIND_HEAP_TO_STACK), 0);
  assert_int_equal(count(m, ESC_KIND_LEAK), 0);
  assert_non_null(rec(m, ESC_KIND_INFO, "malloc(16) escapes to heap"));
  esc_module_free(m);
}

/* int **a = &b; *a = p; g = b; — three objects between the block and g */
static void three_level_indirection(void **state) {
  (void)state;
  esc_module *m = mod(1);
  esc_fn *f = fn(m, "f", 0);
  esc_node p = local(f, "p", 2), a = local(f, "a", 2), b = local(f, "b", 2);
  esc_node c = local(f, "c", 2), t = esc_temp(f, 0), t2 = esc_temp(f, 0);
  alloc(f, p, 16, 3);
  take(f, a, b, 4);  /* a = &b */
  take(f, c, a, 4);  /* c = &a */
  deref(f, t, c, 5); /* t = *c  (= a) */
  store(f, t, p, 5); /* *t = p  => b = p */
  deref(f, t2, a, 6);
  assign(f, esc_global(f, "g", P(1)), t2, 6); /* g = *a */
  release(f, p, 7);
  assert_escapes(m);
}

/* (*fp)(p): an indirect call the adapter could not resolve */
static void indirect_call(void **state) {
  (void)state;
  esc_module *m = mod(1);
  esc_fn *f = fn(m, "f", 0);
  esc_node p = local(f, "p", 2);
  alloc(f, p, 16, 3);
  call(f, NULL, &p, 1, ESC_NONE, 4);
  release(f, p, 5);
  assert_escapes(m);
}

/* a defined variadic function: arguments past its parameters are unknown */
static void variadic_extra_arguments(void **state) {
  (void)state;
  esc_module *m = mod(1);
  esc_fn_desc d = {.name = "logf",
                   .pos = P(1),
                   .nparams = 1,
                   .is_variadic = true,
                   .body_lbrace = P(1)};
  esc_fn *v = esc_fn_begin(m, &d);
  param(v, 0, "fmt");
  esc_fn_end(v);
  esc_fn *f = fn(m, "f", 0);
  esc_node p = local(f, "p", 2);
  alloc(f, p, 16, 3);
  esc_node args[2] = {ESC_NONE, p};
  call(f, "logf", args, 2, ESC_NONE, 4);
  release(f, p, 5);
  assert_escapes(m);
}

/* static int *keep; keep = p; */
static void static_local(void **state) {
  (void)state;
  esc_module *m = mod(1);
  esc_fn *f = fn(m, "f", 0);
  esc_node p = local(f, "p", 2), keep = obj(f, ESC_OBJ_STATIC, "keep", 2, 0);
  alloc(f, p, 16, 3);
  assign(f, keep, p, 4);
  assert_escapes(m);
}

/* struct S s = {p}; mystery(s) — a struct by value to unknown code */
static void struct_by_value_to_unknown(void **state) {
  (void)state;
  esc_module *m = mod(1);
  esc_fn *f = fn(m, "f", 0);
  esc_node s = local(f, "s", 2);
  alloc(f, s, 16, 3);
  call(f, "mystery", &s, 1, ESC_NONE, 4);
  release(f, s, 5);
  assert_escapes(m);
}

/* a callee stores its parameter into a local struct whose address it
 * hands to unknown code: the caller's block must escape */
static void callee_stack_object_to_unknown(void **state) {
  (void)state;
  esc_module *m = mod(1);
  esc_fn *c = fn(m, "c", 1);
  esc_node pc = param(c, 0, "p"), box = local(c, "box", 2), t = esc_temp(c, 0);
  take(c, t, box, 3);
  store(c, t, pc, 3); /* box.p = p */
  call(c, "mystery", &t, 1, ESC_NONE, 4);
  esc_fn_end(c);
  esc_fn *f = fn(m, "f", 0);
  esc_node p = local(f, "p", 2);
  alloc(f, p, 16, 3);
  call(f, "c", &p, 1, ESC_NONE, 4);
  release(f, p, 5);
  assert_escapes(m);
}

/* __attribute__((weak)) void hook(char *p) {}  — another TU may replace it */
static void weak_definition_is_unknown(void **state) {
  (void)state;
  esc_module *m = mod(1);
  esc_fn_desc d = {.name = "hook",
                   .pos = P(1),
                   .nparams = 1,
                   .is_weak = true,
                   .body_lbrace = P(1)};
  esc_fn *h = esc_fn_begin(m, &d);
  param(h, 0, "p");
  esc_fn_end(h);
  esc_fn *f = fn(m, "f", 0);
  esc_node p = local(f, "p", 2);
  alloc(f, p, 16, 3);
  call(f, "hook", &p, 1, ESC_NONE, 4);
  release(f, p, 5);
  assert_escapes(m);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(store_into_caller_memory),
      cmocka_unit_test(store_deeper_than_caller_depth),
      cmocka_unit_test(returned_struct_by_value),
      cmocka_unit_test(memcpy_into_caller_memory),
      cmocka_unit_test(unknown_reads_through_pointer),
      cmocka_unit_test(integer_cast_exposes),
      cmocka_unit_test(store_into_unknown_result),
      cmocka_unit_test(copy_cycle_then_global),
      cmocka_unit_test(linked_list_in_loop),
      cmocka_unit_test(nested_heap_returned),
      cmocka_unit_test(two_level_summary_to_global),
      cmocka_unit_test(summary_into_content_of_global),
      cmocka_unit_test(recursion_to_global),
      cmocka_unit_test(wrapper_keeping_a_copy),
      cmocka_unit_test(three_level_indirection),
      cmocka_unit_test(indirect_call),
      cmocka_unit_test(variadic_extra_arguments),
      cmocka_unit_test(static_local),
      cmocka_unit_test(struct_by_value_to_unknown),
      cmocka_unit_test(callee_stack_object_to_unknown),
      cmocka_unit_test(weak_definition_is_unknown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
