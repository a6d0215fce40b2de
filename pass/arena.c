/*
 * arena.c — bump allocation for memory that dies all at once.
 *
 * The solver allocates thousands of small sets and arrays per function and
 * frees them together. Taking them from an arena turns each into a pointer
 * bump, frees them with one call, and, because the module keeps one arena
 * for the solver's working state and only rewinds it between solves,
 * reuses the same pages for every function instead of faulting in fresh
 * ones. A solution copies its results out into one allocation.
 *
 * Memory from an arena is 16-byte aligned (strings excepted: they pack
 * tight) and never moves; growing an object means allocating a bigger one
 * and copying (bitset.c does that). The module keeps its strings, names
 * and source texts, in an arena of their own.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define ESC_ARENA_MIN_BLOCK (64u * 1024)

struct esc_ablock {
  struct esc_ablock *prev;
  size_t size; /* bytes of data after this header (16-byte aligned) */
};

static char *block_data(esc_ablock *b) { return (char *)(b + 1); }

/* A new block of at least n bytes: as big as all earlier blocks together,
 * so that the number of blocks stays logarithmic. */
static void new_block(esc_arena *a, size_t n) {
  size_t size = a->total > ESC_ARENA_MIN_BLOCK ? a->total : ESC_ARENA_MIN_BLOCK;
  if (size < n)
    size = n;
  esc_ablock *b = esc_mem_alloc(sizeof *b + size);
  if (!b)
    esc_fatal("out of memory");
  b->prev = a->top;
  b->size = size;
  a->top = b;
  a->next = block_data(b);
  a->end = a->next + size;
  a->total += size;
}

/* n bytes at the next multiple of 16 (strings may have left next odd). */
void *esc_arena_alloc(esc_arena *a, size_t n) {
  size_t skip = (size_t)-(uintptr_t)a->next & 15;
  if (!a->next || (size_t)(a->end - a->next) < skip + n) { /* never NULL */
    new_block(a, n);
    skip = 0;
  }
  void *p = a->next + skip;
  a->next += skip + n;
  return p;
}

char *esc_arena_strdup(esc_arena *a, const char *s, size_t len) {
  if ((size_t)(a->end - a->next) < len + 1)
    new_block(a, len + 1);
  char *p = memcpy(a->next, s, len);
  p[len] = 0;
  a->next += len + 1;
  return p;
}

void *esc_arena_zalloc(esc_arena *a, size_t n) {
  return memset(esc_arena_alloc(a, n), 0, n);
}

void esc_arena_free(esc_arena *a) {
  for (esc_ablock *b = a->top, *prev; b; b = prev) {
    prev = b->prev;
    esc_mem_free(b);
  }
  memset(a, 0, sizeof *a);
}

/* Everything allocated so far is dead. The blocks become one block as big
 * as all of them, so the next use of the same size allocates nothing. */
void esc_arena_rewind(esc_arena *a) {
  if (!a->top)
    return;
  if (a->top->prev) {
    size_t total = a->total;
    esc_arena_free(a);
    new_block(a, total);
  }
  a->next = block_data(a->top);
}
