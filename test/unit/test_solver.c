/* test_solver.c — the constraint solver on hand-built graphs: the four
 * constraints, cycles, dense and sparse sets, and a 50,000-node function. */
#include "helpers.h"

static bool points_to(esc_fn *f, esc_node p, esc_node x) {
  int32_t i = esc_pointee_index(f->sol, x);
  return i >= 0 && esc_set_has(esc_pts(f->sol, p), (uint32_t)i);
}

static void solve_only(esc_fn *f) {
  esc_fn_end(f);
  f->sol = esc_solve(f, false);
}

static void four_constraints(void **state) {
  (void)state;
  esc_module *m = mod(0);
  esc_fn *f = fn(m, "f", 0);
  esc_node x = local(f, "x", 2), y = local(f, "y", 2), p = local(f, "p", 2),
           q = local(f, "q", 2), pp = local(f, "pp", 2), r = local(f, "r", 2);
  take(f, p, x, 3);   /* p = &x */
  assign(f, q, p, 4); /* q = p */
  take(f, pp, q, 5);  /* pp = &q */
  deref(f, r, pp, 6); /* r = *pp  => r -> x */
  esc_node t = esc_temp(f, 0);
  take(f, t, y, 7);
  store(f, pp, t, 7); /* *pp = &y => q -> y, r -> y */
  solve_only(f);
  assert_true(points_to(f, p, x));
  assert_false(points_to(f, p, y));
  assert_true(points_to(f, q, x));
  assert_true(points_to(f, q, y));
  assert_true(points_to(f, r, x));
  assert_true(points_to(f, r, y));
  assert_true(points_to(f, pp, q));
  assert_false(points_to(f, x, y));
  esc_module_free(m);
}

static void copy_cycle_collapses_to_equal_sets(void **state) {
  (void)state;
  esc_module *m = mod(0);
  esc_fn *f = fn(m, "f", 0);
  esc_node a = local(f, "a", 2), b = local(f, "b", 2), c = local(f, "c", 2);
  esc_node x = local(f, "x", 2), y = local(f, "y", 2);
  assign(f, a, b, 3);
  assign(f, b, c, 3);
  assign(f, c, a, 3);
  take(f, a, x, 4);
  take(f, c, y, 4);
  solve_only(f);
  assert_true(points_to(f, b, x) && points_to(f, b, y));
  assert_true(points_to(f, a, y) && points_to(f, c, x));
  esc_module_free(m);
}

/* A cycle that exists only through a store: p -> s, *p = s, s = p. */
static void cycle_through_store(void **state) {
  (void)state;
  esc_module *m = mod(0);
  esc_fn *f = fn(m, "f", 0);
  esc_node s = local(f, "s", 2), p = local(f, "p", 2), x = local(f, "x", 2);
  take(f, p, s, 3);
  store(f, p, p, 4); /* s ⊇ pts(p) = {s} */
  take(f, s, x, 5);
  deref(f, p, p, 6); /* p ⊇ pts(s) */
  solve_only(f);
  assert_true(points_to(f, s, s));
  assert_true(points_to(f, p, x));
  assert_true(points_to(f, s, x));
  esc_module_free(m);
}

/* 50,000 nodes: a long copy chain, a store chain through 12,500 objects
 * and big copy cycles; everything must arrive at the end. */
static void fifty_thousand_nodes(void **state) {
  (void)state;
  enum { N = 12500 };
  esc_module *m = mod(0);
  esc_fn *f = fn(m, "big", 0);
  esc_node *v = malloc(4 * N * sizeof *v);
  char name[32];
  for (unsigned i = 0; i < 4 * N; i++) {
    snprintf(name, sizeof name, "v%u", i);
    v[i] = local(f, name, 2);
  }
  esc_node x = local(f, "x", 2);
  take(f, v[0], x, 3);
  for (unsigned i = 1; i < 2 * N; i++) /* copy chain v0 -> ... */
    assign(f, v[i], v[i - 1], 4);
  for (unsigned i = 0; i < N; i++) { /* v[2N+i] = &v[3N+i] */
    take(f, v[2 * N + i], v[3 * N + i], 5);
    if (i) /* *v[2N+i] = v[3N+i-1] */
      store(f, v[2 * N + i], v[3 * N + i - 1], 6);
  }
  store(f, v[2 * N], v[2 * N - 1], 7);            /* head of the store chain */
  for (unsigned i = 0; i + 100 < 2 * N; i += 100) /* back edges: cycles */
    assign(f, v[i], v[i + 100], 8);
  solve_only(f);
  assert_true(points_to(f, v[2 * N - 1], x));
  assert_true(points_to(f, v[4 * N - 1], x));
  assert_true(points_to(f, v[0], x));
  free(v);
  esc_module_free(m);
}

/* k objects x_i, each taken into p_i; q collects every p_i through a copy
 * cycle, a store through q gives every x_i y, and r loads them back. Sets
 * are dense up to 256 pointees and sparse beyond: both sides of each word
 * boundary and of the switch must solve alike. */
static void pointee_counts_across_the_dense_limit(void **state) {
  (void)state;
  static const unsigned ks[] = {1, 63, 64, 65, 255, 256, 257, 300};
  for (unsigned t = 0; t < sizeof ks / sizeof *ks; t++) {
    unsigned k = ks[t];
    esc_module *m = mod(0);
    esc_fn *f = fn(m, "f", 0);
    esc_node q = local(f, "q", 2), q2 = local(f, "q2", 2), r = local(f, "r", 2),
             y = local(f, "y", 2), ty = esc_temp(f, 0);
    esc_node *x = malloc(k * sizeof *x);
    char name[32];
    for (unsigned i = 0; i < k; i++) {
      snprintf(name, sizeof name, "x%u", i);
      x[i] = local(f, name, 3);
      snprintf(name, sizeof name, "p%u", i);
      esc_node p = local(f, name, 3);
      take(f, p, x[i], 3);
      assign(f, q, p, 4);
    }
    assign(f, q2, q, 5); /* q <-> q2: merged by the cycle pass */
    assign(f, q, q2, 5);
    take(f, ty, y, 6);
    store(f, q, ty, 6); /* *q = &y */
    deref(f, r, q2, 7); /* r = *q2 */
    solve_only(f);
    for (unsigned i = 0; i < k; i++) {
      assert_true(points_to(f, q, x[i]) && points_to(f, q2, x[i]));
      assert_true(points_to(f, x[i], y));
    }
    assert_true(points_to(f, r, y));
    assert_false(points_to(f, r, x[0]));
    assert_false(points_to(f, y, y));
    free(x);
    esc_module_free(m);
  }
}

/* Andersen's analysis by plain iteration over f's constraints: pts is a
 * nobj x nobj matrix, row = node, column = object. */
static bool include_row(uint8_t *to, const uint8_t *from, unsigned n) {
  bool grew = false;
  for (unsigned e = 0; e < n; e++)
    if (from[e] && !to[e])
      to[e] = 1, grew = true;
  return grew;
}

static uint8_t *naive_solve(const esc_fn *f) {
  unsigned n = f->nobj;
  uint8_t *pts = calloc((size_t)n * n, 1);
  bool changed = true;
  while (changed) {
    changed = false;
    for (unsigned i = 0; i < f->ncon; i++) {
      const esc_con *c = &f->con[i];
      uint8_t *dst = &pts[(size_t)c->dst * n], *src = &pts[(size_t)c->src * n];
      if (c->op == ESC_ADDR && !dst[c->src])
        dst[c->src] = 1, changed = true;
      else if (c->op == ESC_COPY)
        changed |= include_row(dst, src, n);
      for (unsigned o = 0; o < n; o++)
        if (c->op == ESC_LOAD && src[o])
          changed |= include_row(dst, &pts[(size_t)o * n], n);
        else if (c->op == ESC_STORE && dst[o])
          changed |= include_row(&pts[(size_t)o * n], src, n);
    }
  }
  return pts;
}

/* Random graphs, dense (up to 256 pointees) and sparse, with enough loads
 * and stores that cycles form while solving and are collapsed mid-run;
 * every set must equal the plain iteration's. */
static void random_graphs_match_plain_iteration(void **state) {
  (void)state;
  static const unsigned objects[] = {40, 200, 300};
  uint32_t seed = 12345;
  for (unsigned t = 0; t < 6; t++) {
    unsigned n = objects[t % 3], taken = n * 3 / 4;
    esc_module *m = mod(0);
    esc_fn *f = fn(m, "f", 0);
    esc_node *v = malloc(n * sizeof *v);
    char name[32];
    for (unsigned i = 0; i < n; i++) {
      snprintf(name, sizeof name, "v%u", i);
      v[i] = local(f, name, 2);
    }
    for (unsigned i = 0; i < 8 * n; i++) {
      seed = seed * 1103515245u + 12345u;
      unsigned a = (seed >> 8) % n, b = (seed >> 4) % n, op = (seed >> 20) % 8;
      if (op == 0)
        take(f, v[a], v[b % taken], 3);
      else if (op < 4)
        assign(f, v[a], v[b], 4);
      else if (op < 6)
        deref(f, v[a], v[b], 5);
      else
        store(f, v[a], v[b], 6);
    }
    solve_only(f);
    uint8_t *want = naive_solve(f);
    for (unsigned p = 0; p < f->nobj; p++)
      for (unsigned x = 0; x < f->nobj; x++)
        assert_int_equal(points_to(f, p, x), want[(size_t)p * f->nobj + x]);
    free(want);
    free(v);
    esc_module_free(m);
  }
}

/* The whole pipeline on a large function: no crash, a real decision. */
static void fifty_thousand_nodes_solved_module(void **state) {
  (void)state;
  enum { N = 25000 };
  esc_module *m = mod(1);
  esc_fn *f = fn(m, "big", 0);
  esc_node prev = local(f, "p0", 2), g = esc_global(f, "g", P(1));
  alloc(f, prev, 16, 3);
  char name[32];
  for (unsigned i = 1; i < N; i++) {
    snprintf(name, sizeof name, "p%u", i);
    esc_node n = local(f, name, 4);
    assign(f, n, prev, 4);
    esc_node cell = local(f, "cell", 4);
    esc_node t = esc_temp(f, 0);
    take(f, t, cell, 4);
    store(f, t, n, 4);
    prev = n;
  }
  assign(f, g, prev, 5);
  esc_fn_end(f);
  esc_module_solve(m);
  assert_non_null(rec(m, ESC_KIND_INFO, "malloc(16) escapes to heap"));
  esc_module_free(m);
}

static void sets_union_and_diff(void **state) {
  (void)state;
  esc_arena ar = {0};
  esc_set a = {0}, b = {0}, d = {0};
  assert_true(esc_set_add(&ar, &a, 3));
  assert_false(esc_set_add(&ar, &a, 3));
  esc_set_add(&ar, &a, 700);
  esc_set_add(&ar, &b, 64);
  esc_set_add(&ar, &b, 700);
  esc_set_add(&ar, &b, 100000);
  esc_set_diff(&ar, &d, &b, &a);
  assert_true(esc_set_has(&d, 64) && esc_set_has(&d, 100000));
  assert_false(esc_set_has(&d, 700));
  assert_true(esc_set_union(&ar, &a, &b));
  assert_false(esc_set_union(&ar, &a, &b));
  assert_true(esc_set_has(&a, 3) && esc_set_has(&a, 64) &&
              esc_set_has(&a, 100000));
  assert_false(esc_set_has(&a, 65));
  esc_set_assign(&ar, &d, &a);
  assert_true(esc_set_has(&d, 3) && esc_set_has(&d, 100000));
  assert_false(esc_set_union(&ar, &d, &a));
  esc_arena_free(&ar);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(four_constraints),
      cmocka_unit_test(copy_cycle_collapses_to_equal_sets),
      cmocka_unit_test(cycle_through_store),
      cmocka_unit_test(fifty_thousand_nodes),
      cmocka_unit_test(fifty_thousand_nodes_solved_module),
      cmocka_unit_test(pointee_counts_across_the_dense_limit),
      cmocka_unit_test(random_graphs_match_plain_iteration),
      cmocka_unit_test(sets_union_and_diff),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
