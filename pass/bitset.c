/*
 * bitset.c — points-to sets as sparse bitsets over pointee indices.
 *
 * A set is a sorted array of 64-bit chunks; absent chunks are zero. Only
 * objects that ever become pointees get an index (solve.c), and most sets
 * name a few objects, so a set costs a chunk or two while a dense bitset
 * over a 50,000-node function would cost kilobytes per node.
 */
#include <stdlib.h>
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

bool esc_set_add(esc_set *s, uint32_t i) {
  uint32_t idx = i / 64;
  uint64_t bit = 1ULL << (i % 64);
  unsigned k = chunk_find(s, idx);
  if (k < s->n && s->c[k].idx == idx) {
    if (s->c[k].bits & bit)
      return false;
    s->c[k].bits |= bit;
    return true;
  }
  esc_grow(&s->c, &s->cap, sizeof *s->c, s->n + 1);
  memmove(s->c + k + 1, s->c + k, (s->n - k) * sizeof *s->c);
  s->c[k] = (esc_chunk){idx, bit};
  s->n++;
  return true;
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

bool esc_set_union(esc_set *dst, const esc_set *src) {
  if (dst == src || !src->n)
    return false;
  unsigned miss = missing_chunks(dst, src);
  esc_grow(&dst->c, &dst->cap, sizeof *dst->c, dst->n + miss);
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

void esc_set_diff(esc_set *out, const esc_set *a, const esc_set *b) {
  out->n = 0;
  unsigned j = 0;
  for (unsigned i = 0; i < a->n; i++) {
    while (j < b->n && b->c[j].idx < a->c[i].idx)
      j++;
    uint64_t bits = a->c[i].bits;
    if (j < b->n && b->c[j].idx == a->c[i].idx)
      bits &= ~b->c[j].bits;
    if (bits) {
      esc_grow(&out->c, &out->cap, sizeof *out->c, out->n + 1);
      out->c[out->n++] = (esc_chunk){a->c[i].idx, bits};
    }
  }
}

void esc_set_assign(esc_set *dst, const esc_set *src) {
  if (dst == src)
    return;
  esc_grow(&dst->c, &dst->cap, sizeof *dst->c, src->n);
  if (src->n)
    memcpy(dst->c, src->c, src->n * sizeof *src->c);
  dst->n = src->n;
}

void esc_set_free(esc_set *s) {
  free(s->c);
  memset(s, 0, sizeof *s);
}
