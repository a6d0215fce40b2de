/* test_suggest.c — rewrites offered for dangling locals (escape-model §6.2,
 * pass/suggest.c): the exact edits of `static` and `heap` for each form of
 * initializer, the headers they add, and each refusal the engine decides
 * itself (recursion, loops, const objects). The declaration is described by
 * a fake frontend callback, as the adapter would. */
#include "helpers.h"

/* `HEAD = INIT;` on line 2: head at offset 203, initializer at 220. */
static esc_local_decl decl(const char *head, esc_init_form init) {
  esc_local_decl d = {.head = {.begin = P(2), .end_offset = 203 + 10},
                      .head_text = head,
                      .init = init,
                      .init_range = {.begin = P(2), .end_offset = 230},
                      .type_text = "struct pt",
                      .ptr_prefix = "struct pt *",
                      .ptr_suffix = "",
                      .has_malloc = true,
                      .has_memcpy = true};
  d.init_range.begin.offset = 220;
  return d;
}

static bool describe(void *ctx, const void *handle, esc_local_decl *out) {
  (void)handle;
  *out = *(const esc_local_decl *)ctx;
  return true;
}

/* A function whose local `p` (declared in block b) is returned by address;
 * solves and returns the dangling record. */
static const esc_record *dangling(esc_module *m, esc_local_decl *d,
                                  bool recursive, unsigned loop) {
  m->opts.describe_local = describe;
  m->opts.describe_local_ctx = d;
  esc_fn *f = fn(m, "f", 0);
  esc_block_id b = loop ? esc_block(f, 0, loop, P(1)) : 0;
  esc_obj_desc od = {.kind = ESC_OBJ_LOCAL,
                     .name = "p",
                     .pos = P(2),
                     .block = b,
                     .size = 8,
                     .decl = d};
  esc_node p = esc_object(f, &od), t = esc_temp(f, b);
  take(f, t, p, 3);
  ret(f, t, 3);
  if (recursive)
    call(f, "f", NULL, 0, ESC_NONE, 4);
  esc_fn_end(f);
  esc_module_solve(m);
  return rec(m, ESC_KIND_DANGLING, NULL);
}

static const esc_suggestion *offered(const esc_record *r, const char *how) {
  for (unsigned i = 0; r && i < r->nsuggestions; i++)
    if (!strcmp(r->suggestions[i].rewrite, how))
      return &r->suggestions[i];
  return NULL;
}

static void assert_fix(const esc_fix *x, uint32_t offset, uint32_t length,
                       const char *text) {
  assert_int_equal(x->offset, offset);
  assert_int_equal(x->length, length);
  assert_string_equal(x->replacement, text);
}

static void static_reassigns_an_expression(void **state) {
  (void)state;
  esc_module *m = mod(0);
  esc_local_decl d = decl("struct pt p", ESC_INIT_EXPR);
  const esc_suggestion *s = offered(dangling(m, &d, false, 0), "static");
  assert_non_null(s);
  assert_null(s->refusal);
  assert_int_equal(s->nfixes, 1);
  assert_fix(&s->fixes[0], 203, 10, "static struct pt p; p");
  esc_module_free(m);
}

static void static_list_becomes_compound_literal(void **state) {
  (void)state;
  esc_module *m = mod(0);
  esc_local_decl d = decl("struct pt p", ESC_INIT_LIST);
  const esc_suggestion *s = offered(dangling(m, &d, false, 0), "static");
  assert_int_equal(s->nfixes, 2);
  assert_fix(&s->fixes[0], 203, 10, "static struct pt p; p");
  assert_fix(&s->fixes[1], 220, 0, "(struct pt)");
  esc_module_free(m);
}

static void static_const_keeps_constant_initializer(void **state) {
  (void)state;
  esc_module *m = mod(0);
  esc_local_decl d = decl("const int p", ESC_INIT_EXPR);
  d.is_const = d.const_init = true;
  const esc_suggestion *s = offered(dangling(m, &d, false, 0), "static");
  assert_int_equal(s->nfixes, 1);
  assert_fix(&s->fixes[0], 203, 10, "static const int p");
  d.const_init = false; /* const int p = f(); cannot be static */
  esc_module *m2 = mod(0);
  s = offered(dangling(m2, &d, false, 0), "static");
  assert_string_equal(s->refusal,
                      "a const object with a non-constant initializer");
  assert_int_equal(s->nfixes, 0);
  esc_module_free(m);
  esc_module_free(m2);
}

static void static_array_string_is_copied_with_header(void **state) {
  (void)state;
  esc_module *m = mod(0);
  esc_local_decl d = decl("char p[8]", ESC_INIT_STRING);
  d.is_array = true;
  d.type_text = "char[8]";
  d.has_memcpy = false;
  const esc_suggestion *s = offered(dangling(m, &d, false, 0), "static");
  assert_int_equal(s->nfixes, 3);
  assert_fix(&s->fixes[0], 203, 220 - 203,
             "static char p[8]; memcpy(p, (char[8]){");
  assert_fix(&s->fixes[1], 230, 0, "}, sizeof p)");
  assert_fix(&s->fixes[2], 0, 0, "#include <string.h>\n");
  esc_module_free(m);
}

static void static_refused_when_recursive_or_in_loop(void **state) {
  (void)state;
  esc_module *m = mod(0), *m2 = mod(0);
  esc_local_decl d = decl("int p", ESC_INIT_NONE);
  const esc_record *r = dangling(m, &d, true, 0);
  assert_string_equal(offered(r, "static")->refusal,
                      "'f' is recursive: calls would share one 'p'");
  assert_null(offered(r, "heap")->refusal); /* the heap has no such limit */
  r = dangling(m2, &d, false, 1);
  assert_string_equal(offered(r, "static")->refusal,
                      "declared in a loop: iterations would share one 'p'");
  esc_module_free(m);
  esc_module_free(m2);
}

static void heap_rewrites_declaration_and_every_use(void **state) {
  (void)state;
  esc_module *m = mod(0);
  esc_local_decl d = decl("struct pt p", ESC_INIT_LIST);
  esc_range use = {.begin = P(4), .end_offset = 404};
  esc_range addr = {.begin = P(5), .end_offset = 505};   /* &p */
  esc_range member = {.begin = P(6), .end_offset = 605}; /* p. */
  d.uses = &use, d.nuses = 1;
  d.addr_uses = &addr, d.naddr_uses = 1;
  d.member_uses = &member, d.nmember_uses = 1;
  d.has_malloc = false;
  const esc_suggestion *s = offered(dangling(m, &d, false, 0), "heap");
  assert_non_null(s);
  assert_null(s->refusal);
  assert_int_equal(s->nfixes, 6);
  assert_fix(&s->fixes[0], 203, 10,
             "struct pt *escan_p = malloc(sizeof *escan_p); "
             "if (!escan_p) abort(); *escan_p");
  assert_fix(&s->fixes[1], 220, 0, "(struct pt)");
  assert_fix(&s->fixes[2], 403, 1, "(*escan_p)");
  assert_fix(&s->fixes[3], 503, 2, "escan_p");
  assert_fix(&s->fixes[4], 603, 2, "escan_p->");
  assert_fix(&s->fixes[5], 0, 0, "#include <stdlib.h>\n");
  esc_module_free(m);
}

static void frontend_refusals_refuse_both(void **state) {
  (void)state;
  esc_module *m = mod(0);
  esc_local_decl d = decl("int p", ESC_INIT_NONE);
  d.refusal = "declared inside a macro expansion";
  const esc_record *r = dangling(m, &d, false, 0);
  assert_string_equal(offered(r, "static")->refusal, d.refusal);
  assert_string_equal(offered(r, "heap")->refusal, d.refusal);
  esc_module_free(m);
}

static void nothing_offered_without_a_frontend(void **state) {
  (void)state;
  esc_module *m = mod(0);
  esc_local_decl d = decl("int p", ESC_INIT_NONE);
  const esc_record *r = dangling(m, &d, false, 0);
  assert_int_equal(r->nsuggestions, 3);
  esc_module *m2 = mod(0);
  esc_fn *f = fn(m2, "f", 0);
  esc_node p = local(f, "p", 2), t = esc_temp(f, 0); /* no decl handle */
  take(f, t, p, 3);
  ret(f, t, 3);
  esc_fn_end(f);
  esc_module_solve(m2);
  r = rec(m2, ESC_KIND_DANGLING, NULL);
  assert_non_null(r);
  assert_int_equal(r->nsuggestions, 0);
  esc_module_free(m);
  esc_module_free(m2);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(static_reassigns_an_expression),
      cmocka_unit_test(static_list_becomes_compound_literal),
      cmocka_unit_test(static_const_keeps_constant_initializer),
      cmocka_unit_test(static_array_string_is_copied_with_header),
      cmocka_unit_test(static_refused_when_recursive_or_in_loop),
      cmocka_unit_test(heap_rewrites_declaration_and_every_use),
      cmocka_unit_test(frontend_refusals_refuse_both),
      cmocka_unit_test(nothing_offered_without_a_frontend),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
