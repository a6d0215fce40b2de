/* test_heap.c — the engine's heap: alignment, contents kept across
 * realloc, reuse of freed blocks, zeroing, blocks from the C library, and
 * requests that cross the 2 MB steps. The sanitizer copy of this test runs
 * against the C library's heap (heap.c forwards there under ASan), so the
 * properties that hold of both are checked in both. */
#include "helpers.h"

#if defined(__SANITIZE_ADDRESS__)
#define HEAP_IS_LIBC 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define HEAP_IS_LIBC 1
#endif
#endif

static void fill(unsigned char *p, size_t n, unsigned seed) {
  for (size_t i = 0; i < n; i++)
    p[i] = (unsigned char)(i * 31 + seed);
}

static bool filled(const unsigned char *p, size_t n, unsigned seed) {
  for (size_t i = 0; i < n; i++)
    if (p[i] != (unsigned char)(i * 31 + seed))
      return false;
  return true;
}

/* Every size from 1 byte to 1 MB (class edges included) gives a 16-byte
 * aligned block that holds all its bytes, while the others stay intact. */
static void aligned_and_disjoint(void **state) {
  (void)state;
  enum { N = 200 };
  unsigned char *blocks[N];
  size_t sizes[N];
  for (unsigned i = 0; i < N; i++) {
    sizes[i] = i < 130 ? i + 1 : (size_t)1 << (i % 21);
    blocks[i] = esc_mem_alloc(sizes[i]);
    assert_non_null(blocks[i]);
    assert_int_equal((uintptr_t)blocks[i] % 16, 0);
    fill(blocks[i], sizes[i], i);
  }
  for (unsigned i = 0; i < N; i++) {
    assert_true(filled(blocks[i], sizes[i], i));
    esc_mem_free(blocks[i]);
  }
}

/* Growing keeps the old bytes; shrinking keeps the bytes that remain. */
static void realloc_keeps_contents(void **state) {
  (void)state;
  unsigned char *p = esc_mem_alloc(24);
  fill(p, 24, 7);
  size_t n = 24;
  for (size_t want = 40; want < (8u << 20); want = want * 3 + 1) {
    p = esc_mem_realloc(p, want);
    assert_non_null(p);
    assert_true(filled(p, n, 7));
    fill(p, want, 7);
    n = want;
  }
  p = esc_mem_realloc(p, 100);
  assert_true(filled(p, 100, 7));
  p = esc_mem_realloc(p, 1);
  assert_true(filled(p, 1, 7));
  esc_mem_free(p);
  unsigned char *q = esc_mem_realloc(NULL, 33); /* realloc(NULL) allocates */
  assert_non_null(q);
  fill(q, 33, 1);
  esc_mem_free(q);
}

/* A reused block comes back zeroed from calloc, and calloc refuses a size
 * that overflows. */
static void calloc_zeroes_reused_blocks(void **state) {
  (void)state;
  unsigned char *p = esc_mem_alloc(1000);
  memset(p, 0xab, 1000);
  esc_mem_free(p);
  unsigned char *z = esc_mem_calloc(10, 100);
  assert_non_null(z);
  for (unsigned i = 0; i < 1000; i++)
    assert_int_equal(z[i], 0);
  esc_mem_free(z);
  assert_null(esc_mem_calloc(SIZE_MAX / 2, 4));
}

/* calloc skips the memset for blocks carved from the range for the first
 * time: they must be zero even right after dirty neighbours, across a 2 MB
 * step, and in a class never used before. */
static void calloc_zeroes_fresh_blocks(void **state) {
  (void)state;
  unsigned char *dirty[64], *z[64];
  for (unsigned i = 0; i < 64; i++) {
    dirty[i] = esc_mem_alloc(2000);
    memset(dirty[i], 0xcd, 2000);
    z[i] = esc_mem_calloc(1, 3000);
    assert_non_null(z[i]);
    for (unsigned j = 0; j < 3000; j++)
      assert_int_equal(z[i][j], 0);
  }
  size_t big = (3u << 20) + 7;
  unsigned char *b = esc_mem_calloc(big, 1);
  assert_non_null(b);
  for (size_t j = 0; j < big; j += 4093)
    assert_int_equal(b[j], 0);
  assert_int_equal(b[big - 1], 0);
  esc_mem_free(b);
  for (unsigned i = 0; i < 64; i++)
    esc_mem_free(dirty[i]), esc_mem_free(z[i]);
}

/* The engine frees one function's graph before it builds the next, of
 * much the same sizes: a freed block is the next one of its class. */
static void freed_block_is_reused(void **state) {
  (void)state;
#ifdef HEAP_IS_LIBC
  skip(); /* the C library's heap decides */
#else
  void *a = esc_mem_alloc(300), *b = esc_mem_alloc(300);
  esc_mem_free(a);
  assert_ptr_equal(esc_mem_alloc(290), a); /* same class: 320 bytes */
  esc_mem_free(b);
  void *c = esc_mem_alloc(100);
  assert_ptr_not_equal(c, b); /* another class */
  esc_mem_free(c);
  esc_mem_free(a);
#endif
}

/* vasprintf's strings and other blocks of the C library may be handed to
 * esc_mem_free and esc_mem_realloc. */
static void takes_libc_blocks(void **state) {
  (void)state;
  char *s = malloc(16);
  assert_non_null(s);
  strcpy(s, "from libc");
  s = esc_mem_realloc(s, 4096);
  assert_non_null(s);
  assert_string_equal(s, "from libc");
  esc_mem_free(s);
  esc_mem_free(malloc(8));
  esc_mem_free(NULL);
}

/* Blocks larger than a 2 MB step, and many small ones after them. */
static void crosses_steps(void **state) {
  (void)state;
  size_t big = (5u << 20) + 123;
  unsigned char *p = esc_mem_alloc(big);
  assert_non_null(p);
  fill(p, big, 3);
  unsigned char *small[5000];
  for (unsigned i = 0; i < 5000; i++) {
    small[i] = esc_mem_alloc(1000);
    fill(small[i], 1000, i);
  }
  assert_true(filled(p, big, 3));
  for (unsigned i = 0; i < 5000; i++) {
    assert_true(filled(small[i], 1000, i));
    esc_mem_free(small[i]);
  }
  esc_mem_free(p);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(aligned_and_disjoint),
      cmocka_unit_test(realloc_keeps_contents),
      cmocka_unit_test(calloc_zeroes_reused_blocks),
      cmocka_unit_test(calloc_zeroes_fresh_blocks),
      cmocka_unit_test(freed_block_is_reused),
      cmocka_unit_test(takes_libc_blocks),
      cmocka_unit_test(crosses_steps),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
