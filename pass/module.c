/*
 * module.c — the module (one translation unit) and the small containers
 * every other file uses: growable arrays, a pointer-keyed map, interned
 * strings, owned formatted strings, and the one fatal helper.
 *
 * Every string the adapter hands in is copied here (escan.h promises that),
 * and every string the engine produces for records lives here too, so
 * esc_module_free releases all of it at once.
 */
#define _GNU_SOURCE /* vasprintf */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

void esc_fatal(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("escan: internal error: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
  abort();
}

void esc_grow(void *v, unsigned *cap, size_t elem, unsigned need) {
  if (need <= *cap)
    return;
  unsigned c = *cap ? *cap : 8;
  while (c < need)
    c *= 2;
  void *p = esc_mem_realloc(*(void **)v, c * elem);
  if (!p)
    esc_fatal("out of memory");
  *(void **)v = p;
  *cap = c;
}

void esc_shrink(void *v, unsigned *cap, size_t elem, unsigned n) {
  if (!n) {
    esc_mem_free(*(void **)v);
    *(void **)v = NULL;
  } else if (!(*(void **)v = esc_mem_realloc(*(void **)v, n * elem))) {
    esc_fatal("out of memory");
  }
  *cap = n;
}

void esc_ivec_push(esc_ivec *iv, int32_t x) {
  ESC_PUSH(iv->v, iv->n, iv->cap, x);
}

/* ---- pointer map ------------------------------------------------------ */

static size_t ptr_hash(const void *p) {
  uintptr_t x = (uintptr_t)p;
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  return (size_t)x;
}

/* The slot of key, or the empty slot where it would go. */
static unsigned pmap_slot(const esc_pmap *mp, const void *key) {
  unsigned mask = mp->cap - 1, i = (unsigned)ptr_hash(key) & mask;
  while (mp->keys[i] && mp->keys[i] != key)
    i = (i + 1) & mask;
  return i;
}

int32_t esc_pmap_get(const esc_pmap *mp, const void *key) {
  if (!mp->cap)
    return -1;
  unsigned i = pmap_slot(mp, key);
  return mp->keys[i] ? mp->vals[i] : -1;
}

static void pmap_rehash(esc_pmap *mp, unsigned cap) {
  esc_pmap old = *mp;
  mp->keys = esc_mem_calloc(cap, sizeof *mp->keys);
  mp->vals = esc_mem_calloc(cap, sizeof *mp->vals);
  if (!mp->keys || !mp->vals)
    esc_fatal("out of memory");
  mp->cap = cap;
  mp->n = 0;
  for (unsigned i = 0; i < old.cap; i++)
    if (old.keys[i])
      esc_pmap_put(mp, old.keys[i], old.vals[i]);
  esc_mem_free(old.keys);
  esc_mem_free(old.vals);
}

void esc_pmap_put(esc_pmap *mp, const void *key, int32_t val) {
  if (!key)
    esc_fatal("null map key");
  if (2 * (mp->n + 1) > mp->cap)
    pmap_rehash(mp, mp->cap ? 2 * mp->cap : 16);
  unsigned i = pmap_slot(mp, key);
  if (!mp->keys[i]) {
    mp->keys[i] = key;
    mp->n++;
  }
  mp->vals[i] = val;
}

void esc_pmap_clear(esc_pmap *mp) {
  if (mp->cap)
    memset(mp->keys, 0, mp->cap * sizeof *mp->keys);
  mp->n = 0;
}

void esc_pmap_free(esc_pmap *mp) {
  esc_mem_free(mp->keys);
  esc_mem_free(mp->vals);
  memset(mp, 0, sizeof *mp);
}

/* ---- strings ---------------------------------------------------------- */

/* A word at a time: interning hashes every name and call text the adapter
 * hands in. */
static uint64_t text_hash(const char *s, size_t len) {
  uint64_t h = len * 0x9e3779b97f4a7c15ULL, w;
  size_t i = 0;
  for (; i + 8 <= len; i += 8) {
    memcpy(&w, s + i, 8);
    h = (h ^ w) * 0xff51afd7ed558ccdULL;
    h ^= h >> 32;
  }
  w = 0;
  memcpy(&w, s + i, len - i);
  h = (h ^ w) * 0xc4ceb9fe1a85ec53ULL;
  return h ^ (h >> 29);
}

static char *own(esc_module *m, char *s) {
  if (!s)
    esc_fatal("out of memory");
  ESC_PUSH(m->strings, m->nstrings, m->capstrings, s);
  return s;
}

/* The slot of s (with hash h), or the empty slot where it would go. The
 * stored hashes spare most string comparisons. */
static unsigned intern_slot(const esc_module *m, const char *s, uint64_t h) {
  unsigned mask = m->capitab - 1, i = (unsigned)h & mask;
  while (m->itab[i].s && (m->itab[i].hash != h || strcmp(m->itab[i].s, s)))
    i = (i + 1) & mask;
  return i;
}

static void intern_rehash(esc_module *m) {
  esc_istr *old = m->itab;
  unsigned oldcap = m->capitab;
  m->capitab = oldcap ? 2 * oldcap : 64;
  m->itab = esc_mem_calloc(m->capitab, sizeof *m->itab);
  if (!m->itab)
    esc_fatal("out of memory");
  for (unsigned i = 0; i < oldcap; i++)
    if (old[i].s)
      m->itab[intern_slot(m, old[i].s, old[i].hash)] = old[i];
  esc_mem_free(old);
}

const char *esc_intern(esc_module *m, const char *s) {
  if (!s)
    return NULL;
  if (2 * (m->nitab + 1) > m->capitab)
    intern_rehash(m);
  size_t len = strlen(s);
  uint64_t h = text_hash(s, len);
  esc_istr *e = &m->itab[intern_slot(m, s, h)];
  if (!e->s) {
    *e = (esc_istr){.hash = h, .s = esc_arena_strdup(&m->text, s, len)};
    m->nitab++;
  }
  return e->s;
}

/* Source texts are mostly unique and never compared by address: a copy is
 * cheaper than an interned string (no hashing, no table slot). */
const char *esc_keep(esc_module *m, const char *s) {
  return s ? esc_arena_strdup(&m->text, s, strlen(s)) : NULL;
}

const char *esc_strf(esc_module *m, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char *s = NULL;
  if (vasprintf(&s, fmt, ap) < 0)
    esc_fatal("out of memory");
  va_end(ap);
  return own(m, s);
}

/* ---- module ----------------------------------------------------------- */

esc_module *esc_module_new(const char *main_file, const esc_options *o) {
  esc_module *m = esc_mem_calloc(1, sizeof *m);
  if (!m)
    esc_fatal("out of memory");
  if (o)
    m->opts = *o;
  else
    esc_options_default(&m->opts);
  m->main_file = esc_intern(m, main_file ? main_file : "");
  esc_file(m, m->main_file);
  return m;
}

uint32_t esc_file(esc_module *m, const char *path) {
  const char *p = esc_intern(m, path ? path : "");
  int32_t id = esc_pmap_get(&m->file_ids, p);
  if (id >= 0)
    return (uint32_t)id;
  ESC_PUSH(m->files, m->nfiles, m->capfiles, p);
  esc_pmap_put(&m->file_ids, p, (int32_t)(m->nfiles - 1));
  return m->nfiles - 1;
}

const char *esc_file_path(const esc_module *m, uint32_t file) {
  return file < m->nfiles ? m->files[file] : "";
}

void esc_add_allocator(esc_module *m, const char *name) {
  esc_pmap_put(&m->allocators, esc_intern(m, name), 1);
}

void esc_add_deallocator(esc_module *m, const char *name) {
  esc_pmap_put(&m->deallocators, esc_intern(m, name), 1);
}

void esc_declare(esc_module *m, const char *name, bool is_malloc,
                 uint64_t noescape_mask) {
  const char *n = esc_intern(m, name);
  int32_t i = esc_pmap_get(&m->decl_by_name, n);
  if (i < 0) {
    esc_decl d = {0};
    ESC_PUSH(m->decls, m->ndecls, m->capdecls, d);
    i = (int32_t)m->ndecls - 1;
    esc_pmap_put(&m->decl_by_name, n, i);
  }
  /* Redeclarations accumulate attributes, as in C. */
  m->decls[i].is_malloc |= is_malloc;
  m->decls[i].noescape |= noescape_mask;
}

void esc_module_free(esc_module *m) {
  if (!m)
    return;
  for (unsigned i = 0; i < m->nfns; i++)
    esc_fn_free(m->fns[i]);
  esc_mem_free(m->fns);
  for (unsigned i = 0; i < m->next; i++)
    esc_summary_free(m->ext[i]);
  esc_mem_free(m->ext);
  esc_records_free(m);
  for (unsigned i = 0; i < m->nstrings; i++)
    free(m->strings[i]); /* vasprintf's */
  esc_mem_free(m->strings);
  esc_mem_free(m->itab);
  esc_mem_free(m->files);
  esc_mem_free(m->decls);
  esc_pmap_free(&m->file_ids);
  esc_pmap_free(&m->fn_by_name);
  esc_pmap_free(&m->allocators);
  esc_pmap_free(&m->deallocators);
  esc_pmap_free(&m->decl_by_name);
  esc_pmap_free(&m->ext_by_name);
  esc_pmap_free(&m->caller_groups);
  esc_mem_free(m->caller_names);
  esc_arena_free(&m->scratch);
  esc_arena_free(&m->text);
  esc_mem_free(m);
}
