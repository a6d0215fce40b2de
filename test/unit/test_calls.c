/* test_calls.c — summaries across calls: parameter tags, wrappers,
 * deallocators, recursion, and summaries across translation units. */
#include <unistd.h>

#include "helpers.h"

/* void keep(int *p) { g = p; } */
static void def_keep(esc_module *m) {
  esc_fn *k = fn(m, "keep", 1);
  esc_node p = param(k, 0, "p"), g = esc_global(k, "g", P(1));
  assign(k, g, p, 2);
  esc_fn_end(k);
}

/* q = malloc(16); callee(q); free(q); */
static void def_user(esc_module *m, const char *callee) {
  esc_fn *f = fn(m, "user", 0);
  esc_node q = local(f, "q", 2);
  alloc(f, q, 16, 3);
  call(f, callee, &q, 1, ESC_NONE, 4);
  release(f, q, 5);
  esc_fn_end(f);
}

static void callee_storing_to_global_makes_heap_escape(void **state) {
  (void)state;
  esc_module *m = mod(1);
  def_user(m, "keep"); /* defined after its caller: order must not matter */
  def_keep(m);
  esc_module_solve(m);
  assert_true(pline(m, "keep", "leaking param: p"));
  assert_non_null(rec(m, ESC_KIND_INFO, "malloc(16) escapes to heap"));
  assert_int_equal(count(m, ESC_KIND_HEAP_TO_STACK), 0);
  esc_module_free(m);
}

/* void look(int *p) { } — does not escape, so the caller's block can move */
/* int x; keep(&x);  — the callee's summary names the global */
static void callee_storing_stack_address_to_global(void **state) {
  (void)state;
  esc_module *m = mod(0);
  def_keep(m);
  esc_fn *f = fn(m, "f", 0);
  esc_node x = local(f, "x", 2), a = esc_temp(f, 0);
  take(f, a, x, 3);
  call(f, "keep", &a, 1, ESC_NONE, 4);
  esc_fn_end(f);
  esc_module_solve(m);
  const esc_record *r = rec(m, ESC_KIND_DANGLING, "moved to heap: x");
  assert_non_null(r);
  assert_string_equal(r->detail,
                      "address of stack variable 'x' escapes to global 'g'");
  assert_int_equal(r->pos.line, 4); /* at the call */
  esc_module_free(m);
}

/* A callee storing into more than ESC_NAMED_STATICS globals: its summary
 * folds them into global memory, and the caller still sees the escape. */
static void many_statics_fold_into_global_memory(void **state) {
  (void)state;
  esc_module *m = mod(0);
  esc_fn *k = fn(m, "spread", 1);
  esc_node p = param(k, 0, "p");
  char name[16];
  for (unsigned i = 0; i < 12; i++) {
    snprintf(name, sizeof name, "g%u", i);
    assign(k, esc_global(k, name, P(1)), p, 2);
  }
  esc_fn_end(k);
  esc_fn *f = fn(m, "f", 0);
  esc_node x = local(f, "x", 2), a = esc_temp(f, 0);
  take(f, a, x, 3);
  call(f, "spread", &a, 1, ESC_NONE, 4);
  esc_fn_end(f);
  esc_module_solve(m);
  const esc_record *r = rec(m, ESC_KIND_DANGLING, "moved to heap: x");
  assert_non_null(r);
  assert_string_equal(r->detail,
                      "address of stack variable 'x' escapes to global memory");
  esc_module_free(m);
}

static void harmless_callee_keeps_promotion(void **state) {
  (void)state;
  esc_module *m = mod(1);
  esc_fn *k = fn(m, "look", 1);
  param(k, 0, "p");
  esc_fn_end(k);
  def_user(m, "look");
  esc_module_solve(m);
  assert_true(pline(m, "look", "p does not escape"));
  assert_non_null(rec(m, ESC_KIND_HEAP_TO_STACK, "malloc(16) does not escape"));
  esc_module_free(m);
}

/* int *id(int *p) { return p; }  int *f(void) { int x; return id(&x); } */
static void identity_summary_carries_dangling(void **state) {
  (void)state;
  esc_module *m = mod(1);
  esc_fn *id = fn(m, "id", 1);
  ret(id, param(id, 0, "p"), 2);
  esc_fn_end(id);
  esc_fn *f = fn(m, "f", 0);
  esc_node x = local(f, "x", 2), a = esc_temp(f, 0), r = esc_temp(f, 0);
  take(f, a, x, 3);
  call(f, "id", &a, 1, r, 3);
  ret(f, r, 3);
  esc_fn_end(f);
  esc_module_solve(m);
  assert_true(pline(m, "id", "leaking param: p to result ~r0 level=0"));
  assert_non_null(rec(m, ESC_KIND_DANGLING, "moved to heap: x"));
  esc_module_free(m);
}

/* int *get(int **pp) { return *pp; } */
static void result_level_one(void **state) {
  (void)state;
  esc_module *m = mod(1);
  esc_fn *g = fn(m, "get", 1);
  esc_node pp = param(g, 0, "pp"), t = esc_temp(g, 0);
  deref(g, t, pp, 2);
  ret(g, t, 2);
  esc_fn_end(g);
  esc_module_solve(m);
  assert_true(pline(m, "get", "leaking param: pp to result ~r0 level=1"));
  assert_false(pline(m, "get", "pp does not escape"));
  esc_module_free(m);
}

/* void set(int **pp, int *v) { *pp = v; }  and  g = *pp (content leak) */
static void content_of_other_param(void **state) {
  (void)state;
  esc_module *m = mod(1);
  esc_fn *s = fn(m, "set", 2);
  esc_node pp = param(s, 0, "pp"), v = param(s, 1, "v");
  store(s, pp, v, 2);
  esc_fn_end(s);
  esc_fn *c = fn(m, "peek", 1);
  esc_node q = param(c, 0, "q"), t = esc_temp(c, 0);
  deref(c, t, q, 2);
  assign(c, esc_global(c, "g", P(1)), t, 2);
  esc_fn_end(c);
  esc_module_solve(m);
  assert_true(pline(m, "set", "leaking param: v to content of pp level=0"));
  assert_true(pline(m, "set", "pp does not escape"));
  assert_true(pline(m, "peek", "leaking param content: q"));
  esc_module_free(m);
}

/* void *xmalloc(size_t n) { void *p = malloc(n); return p; } */
static void def_xmalloc(esc_module *m) {
  esc_fn *x = fn(m, "xmalloc", 1);
  esc_param(x, 0, "n", P(1), false);
  esc_node p = local(x, "p", 2);
  call_full(x, "malloc", "malloc(n)", NULL, 0, p, 2, -1, 0);
  ret(x, p, 3);
  esc_fn_end(x);
}

static void wrapper_sites_are_allocations_of_the_caller(void **state) {
  (void)state;
  esc_module *m = mod(2);
  def_xmalloc(m);
  esc_fn *f = fn(m, "f", 0);
  esc_node q = local(f, "q", 2);
  call_full(f, "xmalloc", "xmalloc(16)", NULL, 0, q, 3, 16, 0);
  esc_fn_end(f);
  esc_module_solve(m);
  assert_true(
      pline(m, "xmalloc", "allocator: xmalloc returns new heap memory"));
  const esc_record *r =
      rec(m, ESC_KIND_LEAK, "xmalloc(16) does not escape and is never freed");
  assert_non_null(r);
  assert_int_equal(r->nfixes, 0);
  assert_string_equal(r->function, "f");
  assert_non_null(
      rec(m, ESC_KIND_INFO, "not promoted: allocator is a wrapper"));
  /* inside the wrapper the block escapes through the result */
  assert_non_null(rec(m, ESC_KIND_INFO, "malloc(n) escapes to heap"));
  esc_module_free(m);
}

/* void xfree(void *p) { free(p); } */
static void deallocator_wrapper(void **state) {
  (void)state;
  esc_module *m = mod(2);
  esc_fn *x = fn(m, "xfree", 1);
  release(x, param(x, 0, "p"), 2);
  esc_fn_end(x);
  esc_fn *f = fn(m, "f", 0);
  esc_node q = local(f, "q", 2), y = local(f, "y", 2), t = esc_temp(f, 0);
  alloc(f, q, 16, 3);
  call(f, "xfree", &q, 1, ESC_NONE, 4);
  take(f, t, y, 5);
  call(f, "xfree", &t, 1, ESC_NONE, 5);
  esc_fn_end(f);
  esc_module_solve(m);
  assert_true(pline(m, "xfree", "frees param: p"));
  assert_int_equal(count(m, ESC_KIND_LEAK), 0);
  assert_int_equal(count(m, ESC_KIND_HEAP_TO_STACK), 0);
  assert_non_null(
      rec(m, ESC_KIND_INFO, "not promoted: freed through unknown deallocator"));
  const esc_record *r =
      rec(m, ESC_KIND_FREE_NONHEAP, "free of non-heap memory: y");
  assert_non_null(r);
  assert_int_equal(r->pos.line, 5);
  esc_module_free(m);
}

/* void rec(int *p, int *q) { g = q; rec(q, p); } — p leaks only through
 * the recursive call: the fixed point must find it. */
static void recursion_reaches_fixed_point(void **state) {
  (void)state;
  esc_module *m = mod(1);
  esc_fn *r = fn(m, "rec", 2);
  esc_node p = param(r, 0, "p"), q = param(r, 1, "q");
  assign(r, esc_global(r, "g", P(1)), q, 2);
  esc_node args[2] = {q, p};
  call(r, "rec", args, 2, ESC_NONE, 3);
  esc_fn_end(r);
  esc_module_solve(m);
  assert_true(pline(m, "rec", "leaking param: q"));
  assert_true(pline(m, "rec", "leaking param: p"));
  esc_module_free(m);
}

/* a(p) { b(p); }  b(p) { a(p); h = p; }  c() { x = malloc; a(x); free(x) } */
static void mutual_recursion(void **state) {
  (void)state;
  esc_module *m = mod(1);
  esc_fn *a = fn(m, "a", 1);
  esc_node pa = param(a, 0, "p");
  call(a, "b", &pa, 1, ESC_NONE, 2);
  esc_fn_end(a);
  esc_fn *b = fn(m, "b", 1);
  esc_node pb = param(b, 0, "p");
  call(b, "a", &pb, 1, ESC_NONE, 3);
  assign(b, esc_global(b, "h", P(1)), pb, 4);
  esc_fn_end(b);
  def_user(m, "a");
  esc_module_solve(m);
  assert_true(pline(m, "a", "leaking param: p"));
  assert_true(pline(m, "b", "leaking param: p"));
  assert_non_null(rec(m, ESC_KIND_INFO, "malloc(16) escapes to heap"));
  esc_module_free(m);
}

/* A module whose declared functions `lower` builds. */
static esc_module *
declaring_module(int m_level, void (*lower)(void *, const void *), void *ctx) {
  esc_options o;
  esc_options_default(&o);
  o.m_level = m_level;
  o.lower = lower;
  o.lower_ctx = ctx;
  return esc_module_new("t.c", &o);
}

/* The same three functions as mutual_recursion, declared with what they
 * mention and built only when the engine asks (esc_fn_declare). */
typedef struct lazy {
  esc_module *m;
  char order[16]; /* the functions in the order they were built */
} lazy;

static void build_declared(void *ctx, const void *handle) {
  lazy *l = ctx;
  const char *name = handle;
  strncat(l->order, name, sizeof l->order - strlen(l->order) - 1);
  if (!strcmp(name, "user")) {
    def_user(l->m, "a");
    return;
  }
  esc_fn *f = fn(l->m, name, 1);
  esc_node p = param(f, 0, "p");
  call(f, name[0] == 'a' ? "b" : "a", &p, 1, ESC_NONE, 2);
  if (name[0] == 'b')
    assign(f, esc_global(f, "h", P(1)), p, 4);
  esc_fn_end(f);
}

static void declared_functions_are_built_callees_first(void **state) {
  (void)state;
  lazy l = {0};
  l.m = declaring_module(1, build_declared, &l);
  const char *user_mentions[] = {"a", "free", "malloc"};
  const char *a_mentions[] = {"b"}, *b_mentions[] = {"a", "b", "nowhere"};
  esc_fn_declare(l.m, "user", user_mentions, 3, "user");
  esc_fn_declare(l.m, "a", a_mentions, 1, "a");
  esc_fn_declare(l.m, "b", b_mentions, 3, "b");
  assert_string_equal(l.order, ""); /* nothing is built before solving */
  esc_module_solve(l.m);
  /* each once, user's callees first; within the batch {a, b} in the
   * order the walk of their calls reaches them */
  assert_string_equal(l.order, "abuser");
  assert_true(pline(l.m, "a", "leaking param: p"));
  assert_true(pline(l.m, "b", "leaking param: p"));
  assert_non_null(rec(l.m, ESC_KIND_INFO, "malloc(16) escapes to heap"));
  for (unsigned i = 0; i < l.m->nfns; i++) /* graphs freed once finished */
    assert_true(l.m->fns[i]->obj == NULL && l.m->fns[i]->summary != NULL);
  esc_module_free(l.m);
}

/* g(q)'s summary says C(0,1) ∋ C(0,2) (`*q = **q`, say); f(p) calls g(p)
 * twice. Instantiated, both calls load *p into one temporary and store it
 * back the same way: two constraints, not four, each with the note of the
 * first call. */
static void calls_through_one_pointer_share_its_load(void **state) {
  (void)state;
  esc_module *m = mod(1);
  esc_fn *g = fn(m, "g", 1);
  param(g, 0, "q");
  esc_fn_end(g);
  g->summary = calloc(1, sizeof *g->summary);
  g->summary->fn = g->d.name;
  g->summary->nparams = 1;
  esc_iobj c1 = {.kind = ESC_I_CALLER, .a = 0, .b = 1},
           c2 = {.kind = ESC_I_CALLER, .a = 0, .b = 2};
  esc_summary_add_edge(g->summary, c1, c2);
  esc_summary_normalize(g->summary);
  g->scc = 0;
  esc_fn *f = fn(m, "f", 1);
  esc_node p = param(f, 0, "p");
  call(f, "g", &p, 1, ESC_NONE, 2);
  call(f, "g", &p, 1, ESC_NONE, 3);
  esc_fn_end(f);
  f->scc = 1;
  unsigned base = f->ncon;
  esc_calls_instantiate(f);
  assert_int_equal(f->ncon, base + 2);
  const esc_con *load = &f->con[base], *st = &f->con[base + 1];
  assert_int_equal(load->op, ESC_LOAD);
  assert_int_equal(load->src, p);
  assert_int_equal(st->op, ESC_STORE);
  assert_int_equal(st->dst, p);
  assert_int_equal(st->src, load->dst);
  assert_int_equal(f->wheres[st->where].pos.line, 2);
  esc_module_free(m);
}

/* Normalizing sorts by kind, parameter, level and then static name (not
 * the names' addresses), and drops repeats of edges and frees. */
static void summaries_normalize_to_one_order(void **state) {
  (void)state;
  esc_module *m = mod(1);
  const char *zed = esc_intern(m, "zed"), *abe = esc_intern(m, "abe");
  esc_iobj c12 = {.kind = ESC_I_CALLER, .a = 1, .b = 2},
           c01 = {.kind = ESC_I_CALLER, .a = 0, .b = 1},
           r = {.kind = ESC_I_RESULT}, u = {.kind = ESC_I_UNKNOWN},
           sz = {.kind = ESC_I_STATIC, .name = zed},
           sa = {.kind = ESC_I_STATIC, .name = abe};
  esc_summary s = {.fn = "f", .nparams = 2};
  esc_iedge in[] = {{sz, c01}, {r, c12}, {sa, u},   {c12, c01},
                    {r, c12},  {c01, u}, {sz, c01}, {c01, sz}};
  for (unsigned i = 0; i < sizeof in / sizeof *in; i++)
    esc_summary_add_edge(&s, in[i].x, in[i].y);
  esc_summary_add_free(&s, c12);
  esc_summary_add_free(&s, c01);
  esc_summary_add_free(&s, c12);
  esc_summary_normalize(&s);
  esc_iedge want[] = {{c01, sz}, {c01, u}, {c12, c01},
                      {r, c12},  {sa, u},  {sz, c01}};
  assert_int_equal(s.nedges, sizeof want / sizeof *want);
  for (unsigned i = 0; i < s.nedges; i++) {
    esc_iedge e = esc_summary_edge(&s, i);
    assert_true(e.x.kind == want[i].x.kind && e.x.a == want[i].x.a &&
                e.x.b == want[i].x.b && e.x.name == want[i].x.name);
    assert_true(e.y.kind == want[i].y.kind && e.y.a == want[i].y.a &&
                e.y.b == want[i].y.b && e.y.name == want[i].y.name);
  }
  assert_int_equal(s.nfrees_, 2);
  assert_int_equal(s.frees[0].a, 0);
  assert_int_equal(s.frees[1].a, 1);
  esc_mem_free(s.objs);
  esc_mem_free(s.pairs);
  esc_mem_free(s.frees);
  esc_module_free(m);
}

/* r calls x, y and z; each of them mentions r (takes its address, say), so
 * all four are one batch, but their calls make four components. */
typedef struct batch_walk {
  esc_module *m;
  unsigned most_alive; /* graphs alive when one more is built, at most */
} batch_walk;

static void build_leaf_or_root(void *ctx, const void *handle) {
  batch_walk *w = ctx;
  unsigned alive = 0;
  for (unsigned i = 0; i < w->m->nfns; i++)
    alive += w->m->fns[i]->blk != NULL; /* from esc_fn_begin to the free */
  if (alive > w->most_alive)
    w->most_alive = alive;
  const char *name = handle;
  esc_fn *f = fn(w->m, name, 0);
  for (const char *c = "xyz"; *name == 'r' && *c; c++)
    call(f, (char[2]){*c, 0}, NULL, 0, ESC_NONE, 2);
  esc_fn_end(f);
}

static void a_batch_keeps_only_the_open_path_built(void **state) {
  (void)state;
  batch_walk w = {0};
  w.m = declaring_module(0, build_leaf_or_root, &w);
  const char *r_mentions[] = {"x", "y", "z"}, *leaf_mentions[] = {"r"};
  esc_fn_declare(w.m, "r", r_mentions, 3, "r");
  esc_fn_declare(w.m, "x", leaf_mentions, 1, "x");
  esc_fn_declare(w.m, "y", leaf_mentions, 1, "y");
  esc_fn_declare(w.m, "z", leaf_mentions, 1, "z");
  esc_module_solve(w.m);
  assert_int_equal(w.most_alive, 1); /* r, while each leaf is built */
  for (unsigned i = 0; i < w.m->nfns; i++)
    assert_true(w.m->fns[i]->blk == NULL && w.m->fns[i]->summary != NULL);
  esc_module_free(w.m);
}

/* node *mk(int d) { n = malloc; n->next = mk(d - 1); return n; } — a
 * recursive allocator: each call's fresh block is a new site, bounded. */
static void recursive_allocator_terminates(void **state) {
  (void)state;
  esc_module *m = mod(1);
  esc_fn *f = fn(m, "mk", 0);
  esc_node n = local(f, "n", 2), t = esc_temp(f, 0);
  alloc(f, n, 16, 2);
  call(f, "mk", NULL, 0, t, 3);
  store(f, n, t, 3);
  ret(f, n, 4);
  esc_fn_end(f);
  esc_module_solve(m);
  assert_true(pline(m, "mk", "allocator: mk returns new heap memory"));
  assert_non_null(rec(m, ESC_KIND_INFO, "malloc(16) escapes to heap"));
  esc_module_free(m);
}

/* ---- across translation units ---------------------------------------------
 */

static void sidecar_round_trip(void **state) {
  (void)state;
  char path[] = "/tmp/escan-summaries-XXXXXX", err[256];
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  close(fd);
  esc_module *a = mod(1);
  def_keep(a);
  def_xmalloc(a);
  esc_fn *s = fn_full(a, "hidden", 1, true); /* static: not exported */
  param(s, 0, "p");
  esc_fn_end(s);
  esc_module_solve(a);
  assert_true(esc_write_summaries(a, path, err, sizeof err));
  esc_module_free(a);

  esc_module *b = mod(1);
  assert_true(esc_read_summaries(b, path, err, sizeof err));
  def_user(b, "keep");
  esc_fn *f = fn(b, "f", 0);
  esc_node q = local(f, "q", 2);
  call_full(f, "xmalloc", "xmalloc(16)", NULL, 0, q, 3, 16, 0);
  esc_fn_end(f);
  esc_module_solve(b);
  assert_non_null(rec(b, ESC_KIND_INFO, "malloc(16) escapes to heap"));
  assert_non_null(
      rec(b, ESC_KIND_LEAK, "xmalloc(16) does not escape and is never freed"));
  esc_module_free(b);
  unlink(path);
}

static void sidecar_errors(void **state) {
  (void)state;
  char path[] = "/tmp/escan-bad-XXXXXX", err[256] = "";
  esc_module *m = mod(0);
  assert_false(
      esc_read_summaries(m, "/nonexistent/escan.sum", err, sizeof err));
  assert_non_null(strstr(err, "cannot read summaries"));
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  const char *bad = "escan-summaries 1\nfn f 1 0 0 0\ne c:3:1 r\nend\n";
  assert_int_equal(write(fd, bad, strlen(bad)), (ssize_t)strlen(bad));
  close(fd);
  assert_false(esc_read_summaries(m, path, err, sizeof err));
  assert_non_null(strstr(err, "caller memory out of range"));
  unlink(path);
  esc_module_free(m);
}

/* A callee found nowhere is unknown: the block escapes. */
static void missing_summary_means_escape(void **state) {
  (void)state;
  esc_module *m = mod(1);
  def_user(m, "elsewhere");
  esc_module_solve(m);
  assert_non_null(rec(m, ESC_KIND_INFO, "malloc(16) escapes to heap"));
  esc_module_free(m);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(callee_storing_to_global_makes_heap_escape),
      cmocka_unit_test(callee_storing_stack_address_to_global),
      cmocka_unit_test(many_statics_fold_into_global_memory),
      cmocka_unit_test(harmless_callee_keeps_promotion),
      cmocka_unit_test(identity_summary_carries_dangling),
      cmocka_unit_test(result_level_one),
      cmocka_unit_test(content_of_other_param),
      cmocka_unit_test(wrapper_sites_are_allocations_of_the_caller),
      cmocka_unit_test(deallocator_wrapper),
      cmocka_unit_test(recursion_reaches_fixed_point),
      cmocka_unit_test(mutual_recursion),
      cmocka_unit_test(declared_functions_are_built_callees_first),
      cmocka_unit_test(a_batch_keeps_only_the_open_path_built),
      cmocka_unit_test(calls_through_one_pointer_share_its_load),
      cmocka_unit_test(summaries_normalize_to_one_order),
      cmocka_unit_test(recursive_allocator_terminates),
      cmocka_unit_test(sidecar_round_trip),
      cmocka_unit_test(sidecar_errors),
      cmocka_unit_test(missing_summary_means_escape),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
