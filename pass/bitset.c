/*
 * bitset.c — points-to sets as sparse bitsets over pointee indices.
 *
 * A set is a sorted array of 64-bit chunks; absent chunks are zero. Only
 * objects that ever become pointees get an index (solve.c), and most sets
 * name a few objects, so a set costs a chunk or two while a dense bitset
 * over a 50,000-node function would cost kilobytes per node. A set's
 * chunks live in an arena (arena.c): growing one copies it to a bigger
 * place, and the sets of one solve are freed together.
 */
#include <string.h>

#include "internal.h"

/* Position of chunk idx in s, or where it would be inserted. */
static unsigned chunk_find(const esc_set *s, uint32_t idx) {
  unsigned lo = 0, hi = s->n;
  while (lo < hi) {
    unsigned mid = (lo + hi) / 2;
    if (s->c[mid].idx < idx)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

bool esc_set_has(const esc_set *s, uint32_t i) {
  unsigned k = chunk_find(s, i / 64);
  return k < s->n && s->c[k].idx == i / 64 && (s->c[k].bits >> (i % 64) & 1);
}

/* Makes room for `need` chunks (doubling, so copies stay linear). */
static void reserve(esc_arena *a, esc_set *s, unsigned need) {
  if (need <= s->cap)
    return;
  unsigned cap = s->cap ? 2 * s->cap : 2;
  while (cap < need)
    cap *= 2;
  esc_chunk *c = esc_arena_alloc(a, cap * sizeof *c);
  if (s->n)
    memcpy(c, s->c, s->n * sizeof *c);
  s->c = c;
  s->cap = cap;
}

/* s ∪= {x}, one chunk; true if s grew. */
static bool add_chunk(esc_arena *a, esc_set *s, esc_chunk x) {
  unsigned k = chunk_find(s, x.idx);
  if (k < s->n && s->c[k].idx == x.idx) {
    uint64_t bits = s->c[k].bits | x.bits;
    bool grew = bits != s->c[k].bits;
    s->c[k].bits = bits;
    return grew;
  }
  reserve(a, s, s->n + 1);
  memmove(s->c + k + 1, s->c + k, (s->n - k) * sizeof *s->c);
  s->c[k] = x;
  s->n++;
  return true;
}

bool esc_set_add(esc_arena *a, esc_set *s, uint32_t i) {
  return add_chunk(a, s, (esc_chunk){i / 64, 1ULL << (i % 64)});
}

/* Number of chunks of src whose index dst lacks. */
static unsigned missing_chunks(const esc_set *dst, const esc_set *src) {
  unsigned i = 0, j = 0, miss = 0;
  while (j < src->n) {
    if (i < dst->n && dst->c[i].idx < src->c[j].idx)
      i++;
    else if (i < dst->n && dst->c[i].idx == src->c[j].idx)
      i++, j++;
    else
      miss++, j++;
  }
  return miss;
}

bool esc_set_union(esc_arena *a, esc_set *dst, const esc_set *src) {
  if (dst == src || !src->n)
    return false;
  if (src->n == 1) /* most sets name a few objects, all in one chunk */
    return add_chunk(a, dst, src->c[0]);
  unsigned miss = missing_chunks(dst, src);
  reserve(a, dst, dst->n + miss);
  /* Merge from the back so that dst can be extended in place. */
  int i = (int)dst->n - 1, j = (int)src->n - 1, k = (int)(dst->n + miss) - 1;
  bool changed = miss > 0;
  while (j >= 0) {
    if (i >= 0 && dst->c[i].idx > src->c[j].idx) {
      dst->c[k--] = dst->c[i--];
    } else if (i >= 0 && dst->c[i].idx == src->c[j].idx) {
      uint64_t b = dst->c[i].bits | src->c[j].bits;
      changed |= b != dst->c[i].bits;
      dst->c[k--] = (esc_chunk){dst->c[i].idx, b};
      i--, j--;
    } else {
      dst->c[k--] = src->c[j--];
    }
  }
  dst->n += miss;
  return changed;
}

void esc_set_diff(esc_arena *a, esc_set *out, const esc_set *x,
                  const esc_set *y) {
  out->n = 0;
  reserve(a, out, x->n);
  unsigned j = 0;
  for (unsigned i = 0; i < x->n; i++) {
    while (j < y->n && y->c[j].idx < x->c[i].idx)
      j++;
    uint64_t bits = x->c[i].bits;
    if (j < y->n && y->c[j].idx == x->c[i].idx)
      bits &= ~y->c[j].bits;
    if (bits)
      out->c[out->n++] = (esc_chunk){x->c[i].idx, bits};
  }
}

void esc_set_assign(esc_arena *a, esc_set *dst, const esc_set *src) {
  if (dst == src)
    return;
  reserve(a, dst, src->n);
  if (src->n)
    memcpy(dst->c, src->c, src->n * sizeof *src->c);
  dst->n = src->n;
}
