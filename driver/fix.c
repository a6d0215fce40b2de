/*
 * fix.c — the heap-to-stack rewrites the plugin proposes, consumed three
 * ways: --fix writes them into the files, --diff prints them as a unified
 * diff, --export-fixes writes clang-apply-replacements YAML. Nothing a user
 * wrote is modified except by --fix.
 *
 * Edits are gathered per file from the unsuppressed heap-to-stack and leak
 * findings, and under --fix-dangling=HOW from the suggested rewrite HOW of
 * each unsuppressed dangling local (a local without one is named on
 * stderr with the reason, and left alone).
 * The same edit reported by several translation units (a header) counts
 * once. Two different edits that overlap, or two insertions at the same
 * offset, cannot both be right: the whole file is refused with a message,
 * and so is a file whose edits lie past its end (it changed since the
 * analysis). A file is rewritten all at once or not at all: the new text
 * goes to a temporary file in the same directory, is fsync'ed, and renamed
 * over the original, so a crash never leaves half a rewrite.
 */
#define _GNU_SOURCE
#include "driver.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct edit {
  long offset, length;
  const char *text;
  const finding *origin;
} edit;

typedef struct file_edits {
  const char *abs, *display;
  edit *v;
  size_t n, cap;
} file_edits;

typedef struct fix_plan {
  file_edits *files;
  size_t n;
} fix_plan;

/* ---- gathering ---------------------------------------------------------- */

static file_edits *file_entry(fix_plan *p, const fix_edit *e) {
  for (size_t i = 0; i < p->n; i++)
    if (!strcmp(p->files[i].abs, e->file))
      return &p->files[i];
  p->files = xrealloc(p->files, (p->n + 1) * sizeof *p->files);
  p->files[p->n] = (file_edits){.abs = e->file, .display = e->display};
  return &p->files[p->n++];
}

static void add_edit(file_edits *fe, const fix_edit *e, const finding *origin) {
  if (fe->n == fe->cap) {
    fe->cap = fe->cap ? fe->cap * 2 : 8;
    fe->v = xrealloc(fe->v, fe->cap * sizeof *fe->v);
  }
  fe->v[fe->n++] = (edit){e->offset, e->length, e->replacement, origin};
}

static int cmp_edit(const void *pa, const void *pb) {
  const edit *a = pa, *b = pb;
  if (a->offset != b->offset)
    return a->offset < b->offset ? -1 : 1;
  if (a->length != b->length)
    return a->length < b->length ? -1 : 1;
  return strcmp(a->text, b->text);
}

static bool same_edit(const edit *a, const edit *b) {
  return a->offset == b->offset && a->length == b->length &&
         !strcmp(a->text, b->text);
}

/* Sorts a file's edits and drops exact duplicates. */
static void normalise_edits(file_edits *fe) {
  qsort(fe->v, fe->n, sizeof *fe->v, cmp_edit);
  size_t kept = fe->n ? 1 : 0;
  for (size_t i = 1; i < fe->n; i++)
    if (!same_edit(&fe->v[kept - 1], &fe->v[i]))
      fe->v[kept++] = fe->v[i];
  fe->n = kept;
}

/* heap-to-stack findings carry the promotion; so do leaks, which the same
 * promotion fixes (escape-model §1). */
static bool carries_rewrite(const finding *f) {
  return finding_is_shown(f) && f->nfixes &&
         (!strcmp(f->kind, "heap-to-stack") || !strcmp(f->kind, "leak"));
}

/* The suggested rewrite `how` of a dangling local, or NULL (said why). */
static const suggestion *dangling_rewrite(const finding *f, const char *how) {
  if (!how || !finding_is_shown(f) || strcmp(f->kind, "dangling"))
    return NULL;
  for (size_t i = 0; i < f->nsuggestions; i++) {
    const suggestion *s = &f->suggestions[i];
    if (strcmp(s->rewrite, how))
      continue;
    if (!s->refused)
      return s;
    warn("%s:%ld:%ld: no %s rewrite for '%s': %s", s->file, s->line,
         s->column, how, f->object ? f->object : "?", s->refused);
    return NULL;
  }
  warn("%s:%ld:%ld: no %s rewrite for %s", f->file, f->line, f->column, how,
       f->object ? f->object : "this object");
  return NULL;
}

static void add_edits(fix_plan *p, const fix_edit *v, size_t n,
                      const finding *origin) {
  for (size_t k = 0; k < n; k++)
    add_edit(file_entry(p, &v[k]), &v[k], origin);
}

static fix_plan gather(const results *r, const char *dangling) {
  fix_plan p = {0};
  for (size_t i = 0; i < r->nfindings; i++) {
    const finding *f = &r->findings[i];
    const suggestion *s = dangling_rewrite(f, dangling);
    if (s)
      add_edits(&p, s->fixes, s->nfixes, f);
    else if (carries_rewrite(f))
      add_edits(&p, f->fixes, f->nfixes, f);
  }
  for (size_t i = 0; i < p.n; i++)
    normalise_edits(&p.files[i]);
  return p;
}

/* ---- checking and applying in memory ------------------------------------ */

static bool conflicts(const edit *a, const edit *b) {
  if (a->offset + a->length > b->offset)
    return true;
  return a->offset == b->offset && a->length == 0 && b->length == 0;
}

/* Reads the file and checks its edits; returns its text or NULL. */
static char *checked_source(const file_edits *fe, size_t *len) {
  char *text = read_whole_file(fe->abs, len);
  if (!text) {
    warn("error: cannot read %s: %s", fe->display, strerror(errno));
    return NULL;
  }
  for (size_t i = 0; i < fe->n; i++) {
    const edit *e = &fe->v[i];
    if (e->offset + e->length > (long)*len) {
      warn("error: a fix for %s lies past its end (was it edited since the "
           "analysis?); "
           "the file is left unchanged",
           fe->display);
      free(text);
      return NULL;
    }
    if (i > 0 && conflicts(&fe->v[i - 1], e)) {
      warn("error: conflicting fixes for %s at bytes %ld-%ld and %ld-%ld (from "
           "'%s' and '%s'); "
           "the file is left unchanged",
           fe->display, fe->v[i - 1].offset,
           fe->v[i - 1].offset + fe->v[i - 1].length, e->offset,
           e->offset + e->length, fe->v[i - 1].origin->message,
           e->origin->message);
      free(text);
      return NULL;
    }
  }
  return text;
}

/* TEXT[start, end) with the edits that fall inside it applied. An
 * insertion exactly at END belongs to the range after it, unless END is
 * the end of the text (TEXT_LEN). */
static char *apply_range(const file_edits *fe, const char *text, long text_len,
                         long start, long end, size_t *out_len) {
  size_t cap = (size_t)(end - start) + 1;
  for (size_t i = 0; i < fe->n; i++)
    cap += strlen(fe->v[i].text);
  char *out = xmalloc(cap);
  size_t n = 0;
  long pos = start;
  for (size_t i = 0; i < fe->n; i++) {
    const edit *e = &fe->v[i];
    if (e->offset < start || e->offset + e->length > end ||
        (e->offset == end && end > start && end < text_len))
      continue;
    memcpy(out + n, text + pos, (size_t)(e->offset - pos));
    n += (size_t)(e->offset - pos);
    memcpy(out + n, e->text, strlen(e->text));
    n += strlen(e->text);
    pos = e->offset + e->length;
  }
  memcpy(out + n, text + pos, (size_t)(end - pos));
  n += (size_t)(end - pos);
  out[n] = '\0';
  *out_len = n;
  return out;
}

/* ---- --fix --------------------------------------------------------------- */

static bool write_atomically(const char *path, const char *data, size_t len) {
  char *dir = path_dirname(path);
  char *tmp = xasprintf("%s/.escan-fix-XXXXXX", dir);
  struct stat st;
  int fd = mkstemp(tmp);
  bool ok = fd >= 0;
  if (ok && stat(path, &st) == 0)
    fchmod(fd, st.st_mode & 07777);
  for (size_t done = 0; ok && done < len;) {
    ssize_t w = write(fd, data + done, len - done);
    ok = w > 0;
    done += ok ? (size_t)w : 0;
  }
  ok = ok && fsync(fd) == 0;
  if (fd >= 0)
    ok = close(fd) == 0 && ok;
  ok = ok && rename(tmp, path) == 0;
  if (!ok && fd >= 0)
    unlink(tmp);
  free(tmp);
  free(dir);
  return ok;
}

bool fix_apply(const results *r, const char *dangling) {
  fix_plan p = gather(r, dangling);
  bool ok = true;
  size_t files = 0, edits = 0;
  for (size_t i = 0; i < p.n; i++) {
    size_t len, new_len;
    char *text = checked_source(&p.files[i], &len);
    if (!text) {
      ok = false;
      continue;
    }
    char *new_text =
        apply_range(&p.files[i], text, (long)len, 0, (long)len, &new_len);
    if (write_atomically(p.files[i].abs, new_text, new_len)) {
      files++;
      edits += p.files[i].n;
    } else {
      warn("error: cannot write %s: %s", p.files[i].display, strerror(errno));
      ok = false;
    }
    free(text);
    free(new_text);
  }
  if (p.n)
    fprintf(stderr, "escan: applied %zu fix%s to %zu file%s\n", edits,
            edits == 1 ? "" : "es", files, files == 1 ? "" : "s");
  return ok;
}

/* ---- --diff -------------------------------------------------------------- */

enum { CONTEXT = 3 };

/* Line starts of a text: start[i] for line i, start[n] == len. */
typedef struct lines {
  long *start;
  long n;
  bool final_newline; /* false: line n-1 runs to the end unterminated */
} lines;

static lines split_lines(const char *text, size_t len) {
  lines l = {xmalloc((len + 2) * sizeof(long)), 0, true};
  l.start[0] = 0;
  for (size_t i = 0; i < len; i++)
    if (text[i] == '\n')
      l.start[++l.n] = (long)i + 1;
  if (len > 0 && text[len - 1] != '\n') {
    l.start[++l.n] = (long)len;
    l.final_newline = false;
  }
  return l;
}

/* Line index holding OFFSET. The end of the text belongs to an unterminated
 * last line (appending extends it); after a final newline it is line n. */
static long line_of(const lines *l, long offset) {
  if (offset >= l->start[l->n])
    return l->final_newline ? l->n : l->n - 1;
  long lo = 0, hi = l->n;
  while (lo < hi) {
    long mid = (lo + hi + 1) / 2;
    if (mid < l->n && l->start[mid] <= offset)
      lo = mid;
    else
      hi = mid - 1;
  }
  return lo;
}

/* A run of whole old lines [first, end) that the edits change; edits on
 * adjacent lines make one change, so the diff shows all removed lines
 * before all added ones, as diff(1) does. */
typedef struct change {
  long first, end;
} change;

static size_t changes_of(const file_edits *fe, const lines *l, change *out) {
  size_t n = 0;
  for (size_t i = 0; i < fe->n; i++) {
    const edit *e = &fe->v[i];
    long first = line_of(l, e->offset);
    long last = e->length ? line_of(l, e->offset + e->length - 1) : first;
    long end = first == l->n ? first : last + 1;
    if (n > 0 &&
        first <= out[n - 1].end) /* overlapping or adjacent: one change */
      out[n - 1].end = end > out[n - 1].end ? end : out[n - 1].end;
    else
      out[n++] = (change){first, end};
  }
  return n;
}

static long count_lines(const char *s, size_t len) {
  long n = 0;
  for (size_t i = 0; i < len; i++)
    n += s[i] == '\n';
  return n + (len > 0 && s[len - 1] != '\n');
}

static void emit_lines(FILE *out, char prefix, const char *s, size_t len) {
  size_t i = 0;
  while (i < len) {
    size_t k = i;
    while (k < len && s[k] != '\n')
      k++;
    fprintf(out, "%c%.*s\n", prefix, (int)(k - i), s + i);
    if (k == len)
      fputs("\\ No newline at end of file\n", out);
    i = k + 1;
  }
}

static void emit_old(FILE *out, char prefix, const char *text, const lines *l,
                     long a, long b) {
  emit_lines(out, prefix, text + l->start[a],
             (size_t)(l->start[b] - l->start[a]));
}

/* One hunk: changes [c0, c1) with CONTEXT lines around; returns the growth
 * in lines, which shifts the new-file numbers of later hunks. */
static long emit_hunk(FILE *out, const file_edits *fe, const char *text,
                      const lines *l, const change *c, size_t c0, size_t c1,
                      long shift) {
  long from = c[c0].first > CONTEXT ? c[c0].first - CONTEXT : 0;
  long to = c[c1 - 1].end + CONTEXT < l->n ? c[c1 - 1].end + CONTEXT : l->n;
  char **news = xcalloc(c1 - c0, sizeof *news);
  size_t *news_len = xcalloc(c1 - c0, sizeof *news_len);
  long grow = 0;
  for (size_t i = c0; i < c1; i++) {
    news[i - c0] = apply_range(fe, text, l->start[l->n], l->start[c[i].first],
                               l->start[c[i].end], &news_len[i - c0]);
    grow +=
        count_lines(news[i - c0], news_len[i - c0]) - (c[i].end - c[i].first);
  }
  long old_n = to - from, new_n = old_n + grow;
  fprintf(out, "@@ -%ld,%ld +%ld,%ld @@\n", old_n ? from + 1 : from, old_n,
          new_n ? from + 1 + shift : from + shift, new_n);
  long at = from;
  for (size_t i = c0; i < c1; i++) {
    emit_old(out, ' ', text, l, at, c[i].first);
    emit_old(out, '-', text, l, c[i].first, c[i].end);
    emit_lines(out, '+', news[i - c0], news_len[i - c0]);
    at = c[i].end;
    free(news[i - c0]);
  }
  emit_old(out, ' ', text, l, at, to);
  free(news);
  free(news_len);
  return grow;
}

static void emit_header(FILE *out, const char *display) {
  if (display[0] == '/')
    fprintf(out, "--- %s\n+++ %s\n", display, display);
  else
    fprintf(out, "--- a/%s\n+++ b/%s\n", display, display);
}

static void diff_file(FILE *out, const file_edits *fe, const char *text,
                      size_t len) {
  lines l = split_lines(text, len);
  change *c = xcalloc(fe->n, sizeof *c);
  size_t n = changes_of(fe, &l, c);
  emit_header(out, fe->display);
  long shift = 0;
  for (size_t c0 = 0; c0 < n;) {
    size_t c1 = c0 + 1;
    while (c1 < n && c[c1].first - c[c1 - 1].end <= 2 * CONTEXT)
      c1++;
    shift += emit_hunk(out, fe, text, &l, c, c0, c1, shift);
    c0 = c1;
  }
  free(c);
  free(l.start);
}

static int cmp_file_edits(const void *a, const void *b) {
  return strcmp(((const file_edits *)a)->display,
                ((const file_edits *)b)->display);
}

bool fix_diff(FILE *out, const results *r, const char *dangling) {
  fix_plan p = gather(r, dangling);
  qsort(p.files, p.n, sizeof *p.files, cmp_file_edits);
  bool ok = true;
  for (size_t i = 0; i < p.n; i++) {
    size_t len;
    char *text = checked_source(&p.files[i], &len);
    if (text)
      diff_file(out, &p.files[i], text, len);
    ok &= text != NULL;
    free(text);
  }
  return ok;
}

/* ---- --export-fixes ---------------------------------------------------------
 */

static bool needs_escapes(const char *s) {
  for (const unsigned char *p = (const unsigned char *)s; *p; p++)
    if (*p < 0x20 || *p == 0x7f)
      return true;
  return false;
}

/* A YAML scalar: single-quoted unless it holds newlines or control
 * characters, then double-quoted with escapes. (LLVM 14's YAML reader
 * misreads an empty double-quoted string, so "" is never written.) */
static void yaml_string(FILE *out, const char *s) {
  bool dq = needs_escapes(s);
  fputc(dq ? '"' : '\'', out);
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if (!dq && *p == '\'')
      fputs("''", out);
    else if (!dq)
      fputc(*p, out);
    else if (*p == '"' || *p == '\\')
      fprintf(out, "\\%c", *p);
    else if (*p == '\n')
      fputs("\\n", out);
    else if (*p == '\t')
      fputs("\\t", out);
    else if (*p < 0x20 || *p == 0x7f)
      fprintf(out, "\\x%02X", *p);
    else
      fputc(*p, out);
  }
  fputc(dq ? '"' : '\'', out);
}

static void export_replacement(FILE *out, const fix_edit *e) {
  fputs("        - FilePath:        ", out);
  yaml_string(out, e->file);
  fprintf(out,
          "\n          Offset:          %ld\n          Length:          %ld\n"
          "          ReplacementText: ",
          e->offset, e->length);
  yaml_string(out, e->replacement);
  fputc('\n', out);
}

/* Edits already written: clang-apply-replacements applies two identical
 * insertions from one run twice (an #include that two rewrites of a file
 * both need), so each edit is exported once. */
typedef struct exported {
  const fix_edit **v;
  size_t n;
} exported;

static bool exported_before(exported *x, const fix_edit *e) {
  for (size_t i = 0; i < x->n; i++)
    if (!strcmp(x->v[i]->file, e->file) && x->v[i]->offset == e->offset &&
        x->v[i]->length == e->length &&
        !strcmp(x->v[i]->replacement, e->replacement))
      return true;
  x->v = xrealloc(x->v, (x->n + 1) * sizeof *x->v);
  x->v[x->n++] = e;
  return false;
}

/* Writes f's diagnostic with the edits of v not exported before; false
 * when none is left. */
static bool export_diagnostic(FILE *out, exported *x, const finding *f,
                              const fix_edit *v, size_t n) {
  const fix_edit **fresh = xcalloc(n ? n : 1, sizeof *fresh);
  size_t k = 0;
  for (size_t i = 0; i < n; i++)
    if (!exported_before(x, &v[i]))
      fresh[k++] = &v[i];
  if (k) {
    fprintf(out,
            "  - DiagnosticName:  escan-%s\n    DiagnosticMessage:\n      "
            "Message:         ",
            f->kind);
    yaml_string(out, f->message);
    fputs("\n      FilePath:        ", out);
    yaml_string(out, f->abs);
    fprintf(out, "\n      FileOffset:      %ld\n      Replacements:\n",
            fresh[0]->offset);
    for (size_t i = 0; i < k; i++)
      export_replacement(out, fresh[i]);
    fputs("    Level:           Warning\n    BuildDirectory:  ", out);
    yaml_string(out, current_dir());
    fputc('\n', out);
  }
  free(fresh);
  return k > 0;
}

/* The layout clang-tidy --export-fixes writes, which clang-apply-replacements
 * reads. */
bool fix_export(const results *r, const char *path, const char *dangling) {
  FILE *out = fopen(path, "w");
  if (!out) {
    warn("error: cannot write %s: %s", path, strerror(errno));
    return false;
  }
  fputs("---\nMainSourceFile:  ''\nDiagnostics:\n", out);
  size_t n = 0;
  exported x = {0};
  for (size_t i = 0; i < r->nfindings; i++) {
    const finding *f = &r->findings[i];
    const suggestion *s = dangling_rewrite(f, dangling);
    if (s && s->nfixes)
      n += export_diagnostic(out, &x, f, s->fixes, s->nfixes);
    else if (carries_rewrite(f))
      n += export_diagnostic(out, &x, f, f->fixes, f->nfixes);
  }
  free(x.v);
  if (n ==
      0) /* "Diagnostics:" with nothing after it would be null, not a list */
    fputs("  []\n", out);
  fputs("...\n", out);
  return fclose(out) == 0;
}
