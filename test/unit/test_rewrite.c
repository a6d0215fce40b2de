/* test_rewrite.c — heap → stack planning: the fixes of a promotion, and
 * each refusal reason (escape-model §6.1, docs/rewrite.md). */
#include "helpers.h"

static esc_block_id block(esc_fn *f, esc_block_id parent, unsigned loop,
                          unsigned line) {
  return esc_block(f, parent, loop, P(line));
}

/* p = ALLOC(size) on line 3 in block b; the text is "malloc(<size>)". The
 * k-th call of a function starts 20*k bytes further, so that the texts of
 * two sites never overlap (their fixes would: refused). */
static void site(esc_fn *f, const char *callee, esc_node p, int64_t size,
                 esc_block_id b) {
  char text[64];
  snprintf(text, sizeof text, "%s(%lld)", callee, (long long)size);
  uint32_t shift = 20 * f->ncalls;
  esc_call_desc d = {.callee = callee,
                     .nargs = 0,
                     .result = p,
                     .pos = P(3),
                     .text = text,
                     .block = b,
                     .size = size,
                     .range = {.begin = P(3),
                               .end_offset = P(3).offset + shift +
                                             (uint32_t)strlen(text)}};
  d.range.begin.offset += shift;
  esc_call(f, &d);
}

static const char *refusal(const esc_module *m) {
  for (unsigned i = 0; i < esc_record_count(m); i++) {
    const char *msg = esc_record_at(m, i)->message;
    if (strncmp(msg, "not promoted: ", 14) == 0)
      return msg + 14;
  }
  return NULL;
}

static void malloc_promoted_with_fixes(void **state) {
  (void)state;
  esc_module *m = mod(2);
  esc_fn *f = fn(m, "f", 0);
  esc_node p = local(f, "p", 2);
  site(f, "malloc", p, 16, 0);
  release(f, p, 5);
  esc_module_solve(m);
  const esc_record *r = rec(m, ESC_KIND_HEAP_TO_STACK, NULL);
  assert_non_null(r);
  assert_int_equal(r->nfixes, 3);
  assert_int_equal(r->fixes[0].offset, P(1).offset);
  assert_int_equal(r->fixes[0].length, 0);
  assert_string_equal(r->fixes[0].replacement,
                      " _Alignas(16) unsigned char escan_heap_0[16];");
  assert_int_equal(r->fixes[1].offset, P(3).offset);
  assert_int_equal(r->fixes[1].length, strlen("malloc(16)"));
  assert_string_equal(r->fixes[1].replacement, "((void *)escan_heap_0)");
  assert_int_equal(r->fixes[2].offset, P(5).offset);
  assert_int_equal(r->fixes[2].length, strlen("free(p)"));
  assert_string_equal(r->fixes[2].replacement, "((void)(p))");
  assert_null(refusal(m));
  esc_module_free(m);
}

static void calloc_zeroes_and_pre_c11_attribute(void **state) {
  (void)state;
  esc_module *m = mod(0);
  esc_fn_desc d = {.name = "f",
                   .pos = P(1),
                   .lang_c11 = false,
                   .max_align = 8,
                   .body_lbrace = P(1)};
  esc_fn *f = esc_fn_begin(m, &d);
  esc_node p = local(f, "p", 2), q = local(f, "q", 2);
  site(f, "calloc", p, 32, 0);
  site(f, "malloc", q, 8, 0);
  release(f, p, 5);
  release(f, q, 6);
  esc_module_solve(m);
  assert_int_equal(count(m, ESC_KIND_HEAP_TO_STACK), 2);
  const esc_record *r =
      rec(m, ESC_KIND_HEAP_TO_STACK, "calloc(32) does not escape");
  assert_non_null(r);
  /* one declaration for the block, carried by the first record only */
  const char *decl =
      " unsigned char escan_heap_0[32] __attribute__((aligned(8)));"
      " unsigned char escan_heap_1[8] __attribute__((aligned(8)));";
  assert_string_equal(r->fixes[0].replacement, decl);
  assert_string_equal(r->fixes[1].replacement,
                      "__builtin_memset(escan_heap_0, 0, sizeof escan_heap_0)");
  r = rec(m, ESC_KIND_HEAP_TO_STACK, "malloc(8) does not escape");
  assert_int_equal(r->nfixes, 2);
  assert_string_equal(r->fixes[0].replacement, "((void *)escan_heap_1)");
  esc_module_free(m);
}

/* One allocation with the given size in a fresh module; returns the
 * refusal (module-owned strings are copied) or "" when promoted. */
static char *refusal_for_size(int64_t size, const char *callee, int64_t align) {
  static char out[128];
  esc_module *m = mod(2);
  esc_fn *f = fn(m, "f", 0);
  esc_node p = local(f, "p", 2);
  char text[64];
  snprintf(text, sizeof text, "%s(%lld)", callee, (long long)size);
  esc_call_desc d = {.callee = callee,
                     .result = p,
                     .pos = P(3),
                     .text = text,
                     .size = size,
                     .align = align,
                     .range = {.begin = P(3), .end_offset = P(3).offset + 9}};
  esc_call(f, &d);
  release(f, p, 5);
  esc_module_solve(m);
  const char *r = refusal(m);
  snprintf(out, sizeof out, "%s", r ? r : "");
  esc_module_free(m);
  return out;
}

static void size_and_alignment_refusals(void **state) {
  (void)state;
  assert_string_equal(refusal_for_size(-1, "malloc", 0), "size not constant");
  assert_string_equal(refusal_for_size(0, "malloc", 0), "size 0");
  assert_string_equal(refusal_for_size(2048, "malloc", 0),
                      "size 2048 exceeds max-stack 1024");
  assert_string_equal(refusal_for_size(64, "aligned_alloc", 64),
                      "alignment exceeds max_align_t");
  assert_string_equal(refusal_for_size(64, "aligned_alloc", 16), "");
  assert_string_equal(refusal_for_size(64, "strdup", 0),
                      "allocator is not malloc, calloc or aligned_alloc");
}

static void function_budget(void **state) {
  (void)state;
  esc_module *m = mod(2);
  esc_fn *f = fn(m, "f", 0);
  for (unsigned i = 0; i < 5; i++) {
    esc_node p = local(f, "p", 2);
    site(f, "malloc", p, 1000, 0);
    release(f, p, 5 + i); /* one line each: the frees' edits stay apart */
  }
  esc_module_solve(m);
  assert_int_equal(count(m, ESC_KIND_HEAP_TO_STACK), 4);
  assert_string_equal(refusal(m), "function stack budget exceeded");
  esc_module_free(m);
}

/* p = malloc(16); if (c) p = malloc(16); free(p); */
static void free_of_two_blocks(void **state) {
  (void)state;
  esc_module *m = mod(2);
  esc_fn *f = fn(m, "f", 0);
  esc_node p = local(f, "p", 2);
  site(f, "malloc", p, 16, 0);
  site(f, "malloc", p, 16, 0);
  release(f, p, 5);
  esc_module_solve(m);
  assert_int_equal(count(m, ESC_KIND_HEAP_TO_STACK), 0);
  assert_string_equal(refusal(m), "a free may receive another block");
  esc_module_free(m);
}

/* char *p; for (...) { p = malloc(16); ... } free(p);  — p outlives the
 * iteration: refused. for (...) { char *q = malloc(16); free(q); } — the
 * storage goes into the loop body. */
static void loops(void **state) {
  (void)state;
  esc_module *m = mod(2);
  esc_fn *f = fn(m, "f", 0);
  esc_block_id body = block(f, 0, 1, 7);
  esc_node p = local(f, "p", 2);
  site(f, "malloc", p, 16, body);
  release(f, p, 5);
  esc_module_solve(m);
  assert_string_equal(refusal(m),
                      "in a loop while the previous block may be live");
  esc_module_free(m);

  m = mod(2);
  f = fn(m, "f", 0);
  body = block(f, 0, 1, 7);
  esc_node q = obj(f, ESC_OBJ_LOCAL, "q", 8, body);
  site(f, "malloc", q, 16, body);
  release(f, q, 9);
  esc_module_solve(m);
  const esc_record *r = rec(m, ESC_KIND_HEAP_TO_STACK, NULL);
  assert_non_null(r);
  assert_int_equal(r->fixes[0].offset, P(7).offset);
  esc_module_free(m);
}

/* { char *p; { p = malloc(16); } free(p); } — storage in the outer block */
static void storage_block_encloses_holders(void **state) {
  (void)state;
  esc_module *m = mod(0);
  esc_fn *f = fn(m, "f", 0);
  esc_block_id outer = block(f, 0, 0, 10), inner = block(f, outer, 0, 20);
  esc_node p = obj(f, ESC_OBJ_LOCAL, "p", 11, outer);
  esc_node t = esc_temp(f, inner);
  site(f, "malloc", t, 16, inner);
  assign(f, p, t, 21);
  release(f, p, 30);
  esc_module_solve(m);
  const esc_record *r = rec(m, ESC_KIND_HEAP_TO_STACK, NULL);
  assert_non_null(r);
  assert_int_equal(r->fixes[0].offset, P(10).offset);
  esc_module_free(m);
}

static const char *refusal_with(esc_fn_desc d, bool recursive_call, bool macro,
                                bool promote_recursive) {
  static char out[128];
  esc_options o;
  esc_options_default(&o);
  o.m_level = 2;
  o.promote_recursive = promote_recursive;
  esc_module *m = esc_module_new("t.c", &o);
  d.name = "f";
  d.pos = P(1);
  d.body_lbrace = P(1);
  d.max_align = 16;
  d.lang_c11 = true;
  esc_fn *f = esc_fn_begin(m, &d);
  esc_node p = local(f, "p", 2);
  esc_call_desc c = {.callee = "malloc",
                     .result = p,
                     .pos = P(3),
                     .text = "malloc(16)",
                     .size = 16,
                     .range = {.begin = P(3), .end_offset = P(3).offset + 10}};
  c.range.begin.in_macro = macro;
  esc_call(f, &c);
  release(f, p, 5);
  if (recursive_call)
    call(f, "f", NULL, 0, ESC_NONE, 6);
  esc_module_solve(m);
  const char *r = refusal(m);
  snprintf(out, sizeof out, "%s", r ? r : "");
  esc_module_free(m);
  return out;
}

static void function_refusals(void **state) {
  (void)state;
  esc_fn_desc d = {0};
  assert_string_equal(refusal_with(d, true, false, false),
                      "function is recursive");
  assert_string_equal(refusal_with(d, true, false, true), "");
  assert_string_equal(refusal_with(d, false, true, false),
                      "inside macro expansion");
  d.has_backward_goto = true;
  assert_string_equal(refusal_with(d, false, false, false),
                      "function has a backward goto");
  d.has_backward_goto = false;
  d.uses_setjmp = true;
  assert_string_equal(refusal_with(d, false, false, false),
                      "function calls setjmp");
}

/* free(ctx.buf): the argument text comes from args_text when given, and a
 * shortened call text without it refuses. */
static void free_argument_text(void **state) {
  (void)state;
  for (int given = 0; given <= 1; given++) {
    esc_module *m = mod(2);
    esc_fn *f = fn(m, "f", 0);
    esc_node p = local(f, "p", 2);
    site(f, "malloc", p, 16, 0);
    esc_call_desc d = {
        .callee = "free",
        .args = &p,
        .nargs = 1,
        .result = ESC_NONE,
        .pos = P(5),
        .text = "free(...)",
        .size = -1,
        .args_text = given ? "ctx.buf" : NULL,
        .range = {.begin = P(5), .end_offset = P(5).offset + 12}};
    esc_call(f, &d);
    esc_module_solve(m);
    const esc_record *r = rec(m, ESC_KIND_HEAP_TO_STACK, NULL);
    if (given) {
      assert_non_null(r);
      assert_string_equal(r->fixes[2].replacement, "((void)(ctx.buf))");
      assert_int_equal(r->fixes[2].length, 12);
    } else {
      assert_null(r);
      assert_string_equal(refusal(m), "free argument text unavailable");
    }
    esc_module_free(m);
  }
}

/* q's allocation lies inside the text of p's free (free(g(p, malloc(8))),
 * say): the fixes of the two promotions would overlap, so neither is
 * promoted. */
static void overlapping_edits_refused(void **state) {
  (void)state;
  esc_module *m = mod(2);
  esc_fn *f = fn(m, "f", 0);
  esc_node p = local(f, "p", 2), q = local(f, "q", 2);
  site(f, "malloc", p, 16, 0);
  esc_node none = ESC_NONE;
  esc_call_desc a = {.callee = "malloc",
                     .args = &none,
                     .nargs = 1,
                     .result = q,
                     .pos = P(5),
                     .text = "malloc(8)",
                     .size = 8,
                     .range = {.begin = P(5), .end_offset = P(5).offset + 9}};
  a.range.begin.offset += 10;
  a.range.end_offset += 10;
  esc_call(f, &a);
  esc_call_desc fr = {.callee = "free",
                      .args = &p,
                      .nargs = 1,
                      .result = ESC_NONE,
                      .pos = P(5),
                      .text = "free(g(p, malloc(8)))",
                      .size = -1,
                      .args_text = "g(p, malloc(8))",
                      .range = {.begin = P(5), .end_offset = P(5).offset + 21}};
  esc_call(f, &fr);
  release(f, q, 7);
  esc_module_solve(m);
  assert_int_equal(count(m, ESC_KIND_HEAP_TO_STACK), 0);
  unsigned n = 0;
  for (unsigned i = 0; i < esc_record_count(m); i++)
    if (strcmp(esc_record_at(m, i)->message,
               "not promoted: rewrite edits would overlap") == 0)
      n++;
  assert_int_equal(n, 2);
  esc_module_free(m);
}

/* free(memcpy(malloc(16), ...)): the allocation inside its own free. */
static void allocation_inside_its_free(void **state) {
  (void)state;
  esc_module *m = mod(2);
  esc_fn *f = fn(m, "f", 0);
  esc_node p = esc_temp(f, 0), r = esc_temp(f, 0);
  esc_node none = ESC_NONE;
  esc_call_desc a = {.callee = "malloc",
                     .args = &none,
                     .nargs = 1,
                     .result = p,
                     .pos = P(3),
                     .text = "malloc(16)",
                     .size = 16,
                     .range = {.begin = P(3), .end_offset = P(3).offset + 22}};
  a.range.begin.offset += 12;
  esc_call(f, &a);
  esc_node args[3] = {p, ESC_NONE, ESC_NONE};
  call(f, "memcpy", args, 3, r, 3);
  esc_call_desc fr = {.callee = "free",
                      .args = &r,
                      .nargs = 1,
                      .result = ESC_NONE,
                      .pos = P(3),
                      .text = "free(memcpy(malloc(16), t, 16))",
                      .size = -1,
                      .range = {.begin = P(3), .end_offset = P(3).offset + 31}};
  esc_call(f, &fr);
  esc_module_solve(m);
  assert_int_equal(count(m, ESC_KIND_HEAP_TO_STACK), 0);
  assert_string_equal(refusal(m), "rewrite edits would overlap");
  esc_module_free(m);
}

/* Re-running --fix: storage escan_heap_0..2 (4000 bytes) already declared. */
static void existing_storage(void **state) {
  (void)state;
  for (int full = 0; full <= 1; full++) {
    esc_module *m = mod(2);
    esc_fn_desc d = {.name = "f",
                     .pos = P(1),
                     .lang_c11 = true,
                     .max_align = 16,
                     .body_lbrace = P(1),
                     .first_storage_id = 3,
                     .existing_storage_bytes = full ? 4090 : 3000};
    esc_fn *f = esc_fn_begin(m, &d);
    esc_node p = local(f, "p", 2);
    site(f, "malloc", p, 16, 0);
    release(f, p, 5);
    esc_module_solve(m);
    const esc_record *r = rec(m, ESC_KIND_HEAP_TO_STACK, NULL);
    if (full) {
      assert_null(r);
      assert_string_equal(refusal(m), "function stack budget exceeded");
    } else {
      assert_non_null(r);
      assert_string_equal(r->fixes[0].replacement,
                          " _Alignas(16) unsigned char escan_heap_3[16];");
      assert_string_equal(r->fixes[1].replacement, "((void *)escan_heap_3)");
    }
    esc_module_free(m);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(malloc_promoted_with_fixes),
      cmocka_unit_test(calloc_zeroes_and_pre_c11_attribute),
      cmocka_unit_test(size_and_alignment_refusals),
      cmocka_unit_test(function_budget),
      cmocka_unit_test(free_of_two_blocks),
      cmocka_unit_test(loops),
      cmocka_unit_test(storage_block_encloses_holders),
      cmocka_unit_test(function_refusals),
      cmocka_unit_test(free_argument_text),
      cmocka_unit_test(overlapping_edits_refused),
      cmocka_unit_test(allocation_inside_its_free),
      cmocka_unit_test(existing_storage),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
