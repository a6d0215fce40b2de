/*
 * heap.c — the engine's memory: a heap of its own, faulted in 2 MB at once.
 *
 * Why. Besides its own work, what the plugin adds to a compile is memory:
 * graphs, the solver's sets, summaries, about 25 MB on SQLite's
 * amalgamation. From the C library's heap every fresh 4 KB page costs a
 * page fault the first time it is written, one at a time. So the engine
 * reserves one range of addresses and extends it 2 MB at a time, asking
 * for the whole step to be faulted in by one call (MADV_POPULATE_WRITE,
 * Linux 5.14; when refused, the pages fault one by one as before). It
 * does not ask for transparent huge pages: on the virtual machines CI
 * runs on, a huge page is usually cheaper to fault in than 512 small
 * ones, but one that the host has to back with fresh memory costs up to
 * 5 ms, and on SQLite that made the engine's faults cost 4 ms in one
 * compile and 100 ms in the next, against a steady 9 ms for small pages.
 * docs/benchmarks.md has the numbers.
 *
 * Blocks. A block is a 16-byte header (its size class) and the caller's
 * bytes. Classes are 16, 32, 48, 64 bytes and then four per doubling (80,
 * 96, 112, 128, 160, ...), so rounding wastes under a quarter. A freed
 * block goes onto its class's list and is the next one of that class
 * handed out: the engine frees a function's graph before it builds the
 * next, of much the same sizes. Nothing goes back to the system before
 * the process ends; a compile is short, and its peak is what counts.
 *
 * Fallbacks. The C library's heap serves every request when the
 * reservation fails or runs out, when the environment says ESCAN_HEAP=libc
 * (for comparisons), and in sanitizer builds, so that AddressSanitizer
 * keeps checking every engine block. esc_mem_free and esc_mem_realloc tell
 * the two apart by address, so they also take blocks from the C library
 * (vasprintf's strings).
 *
 * One thread: the engine runs on the thread of clang's AST consumer, or of
 * a test.
 */
#define _GNU_SOURCE /* MAP_NORESERVE, madvise */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "internal.h"

#if defined(__SANITIZE_ADDRESS__)
#define ESC_HEAP_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ESC_HEAP_SANITIZED 1
#endif
#endif

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23 /* older headers; the kernel says EINVAL */
#endif

#define ESC_HEAP_RESERVE (64ull << 30) /* address space, not memory */
#define ESC_HEAP_STEP ((size_t)2 << 20)
#define ESC_HEAP_CLASSES 160

typedef struct header {
  uint32_t cls;
  uint32_t pad[3]; /* keeps the caller's bytes 16-byte aligned */
} header;

static struct {
  bool tried;        /* the reservation was attempted */
  char *base, *end;  /* the reserved range; NULL: the C library's heap */
  char *top, *ready; /* bytes handed out / made writable and populated */
  header *free[ESC_HEAP_CLASSES];
} heap;

/* The size of class c, header included. */
static size_t class_size(unsigned c) {
  if (c < 4)
    return 16 * (size_t)(c + 1);
  unsigned g = (c - 4) / 4, j = (c - 4) % 4;
  return ((size_t)64 << g) + (j + 1) * ((size_t)16 << g);
}

/* The smallest class of at least n bytes, header included. */
static unsigned class_of(size_t n) {
  if (n <= 64)
    return n ? (unsigned)(n - 1) / 16 : 0;
  unsigned g = (unsigned)(63 - __builtin_clzll((unsigned long long)(n - 1))) - 6;
  size_t step = (size_t)16 << g, over = n - ((size_t)64 << g);
  return 4 + 4 * g + (unsigned)((over + step - 1) / step) - 1;
}

static void reserve(void) {
  heap.tried = true;
#ifndef ESC_HEAP_SANITIZED
  const char *mode = getenv("ESCAN_HEAP");
  if (mode && strcmp(mode, "libc") == 0)
    return;
  char *p = mmap(NULL, ESC_HEAP_RESERVE + ESC_HEAP_STEP, PROT_NONE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED)
    return;
  uintptr_t at = ((uintptr_t)p + ESC_HEAP_STEP - 1) & ~(ESC_HEAP_STEP - 1);
  heap.base = heap.top = heap.ready = (char *)at;
  heap.end = heap.base + ESC_HEAP_RESERVE;
#endif
}

/* Makes [ready, ready + n) writable and faults it in; false when the
 * system refuses (the caller then falls back to the C library). */
static bool extend(size_t n) {
  n = (n + ESC_HEAP_STEP - 1) & ~(ESC_HEAP_STEP - 1);
  if ((size_t)(heap.end - heap.ready) < n ||
      mprotect(heap.ready, n, PROT_READ | PROT_WRITE) != 0)
    return false;
  (void)madvise(heap.ready, n, MADV_POPULATE_WRITE);
  heap.ready += n;
  return true;
}

/* A block of class c from the unused part of the range, or NULL. */
static header *carve(unsigned c) {
  size_t size = class_size(c);
  if ((size_t)(heap.ready - heap.top) < size &&
      !extend(size - (size_t)(heap.ready - heap.top)))
    return NULL;
  header *h = (header *)heap.top;
  heap.top += size;
  return h;
}

static bool ours(const void *p) {
  return heap.base && (const char *)p >= heap.base &&
         (const char *)p < heap.end;
}

/* A block of n bytes; *fresh tells whether it was never handed out
 * before (the range's pages start zeroed), NULL when the C library's heap
 * must serve. */
static void *block(size_t n, bool *fresh) {
  if (!heap.tried)
    reserve();
  if (!heap.base || n > ESC_HEAP_RESERVE)
    return NULL;
  unsigned c = class_of(n + sizeof(header));
  header *h = heap.free[c];
  *fresh = !h;
  if (h)
    heap.free[c] = *(header **)(h + 1);
  else if (!(h = carve(c)))
    return NULL;
  h->cls = c;
  return h + 1;
}

void *esc_mem_alloc(size_t n) {
  bool fresh;
  void *p = block(n, &fresh);
  return p ? p : malloc(n);
}

void *esc_mem_calloc(size_t count, size_t size) {
  if (size && count > SIZE_MAX / size)
    return NULL;
  bool fresh = false;
  void *p = block(count * size, &fresh);
  if (!p)
    return calloc(count, size);
  return fresh ? p : memset(p, 0, count * size);
}

void esc_mem_free(void *p) {
  if (!p)
    return;
  if (!ours(p)) {
    free(p);
    return;
  }
  header *h = (header *)p - 1;
  *(header **)p = heap.free[h->cls];
  heap.free[h->cls] = h;
}

void *esc_mem_realloc(void *p, size_t n) {
  if (!p)
    return esc_mem_alloc(n);
  if (!ours(p))
    return realloc(p, n);
  unsigned c = ((header *)p - 1)->cls;
  size_t room = class_size(c) - sizeof(header);
  if (n <= room && class_of(n + sizeof(header)) + 4 > c)
    return p; /* fits, and moving would not halve it */
  void *q = esc_mem_alloc(n);
  if (q) {
    memcpy(q, p, n < room ? n : room);
    esc_mem_free(p);
  }
  return q;
}
