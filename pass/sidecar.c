/*
 * sidecar.c — summaries across translation units (escape-model §5.4), as a
 * line-oriented text file the driver passes from a first run to a second:
 *
 *   escan-summaries 1
 *   fn NAME NPARAMS VARIADIC NFRESH UNKNOWN
 *   e X Y          an edge X ∋ Y
 *   f X            the function frees X
 *   end
 *
 * Interface objects: c:I:K (caller memory of parameter I at level K),
 * r (~r0), s:NAME (a static), u (UNKNOWN), x (EXTERN), n:J (fresh J).
 * Names are C identifiers, so whitespace separates tokens. A function found
 * in no sidecar stays unknown (everything escapes); a file that cannot be
 * read or parsed is an error, never an empty summary.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define MAGIC "escan-summaries 1"

/* ---- writing --------------------------------------------------------------
 */

static void put_iobj(FILE *out, const esc_iobj *o) {
  switch ((esc_ikind)o->kind) {
  case ESC_I_CALLER:
    fprintf(out, "c:%d:%d", o->a, o->b);
    break;
  case ESC_I_RESULT:
    fputs("r", out);
    break;
  case ESC_I_STATIC:
    fprintf(out, "s:%s", o->name);
    break;
  case ESC_I_UNKNOWN:
    fputs("u", out);
    break;
  case ESC_I_EXTERN:
    fputs("x", out);
    break;
  case ESC_I_FRESH:
    fprintf(out, "n:%d", o->a);
    break;
  default:
    esc_fatal("bad interface object kind %d", o->kind);
  }
}

static void put_summary(FILE *out, const esc_summary *s) {
  fprintf(out, "fn %s %u %d %u %d\n", s->fn, s->nparams, s->is_variadic,
          s->nfresh, s->unknown);
  for (unsigned i = 0; i < s->nedges; i++) {
    esc_iedge e = esc_summary_edge(s, i);
    fputs("e ", out);
    put_iobj(out, &e.x);
    fputc(' ', out);
    put_iobj(out, &e.y);
    fputc('\n', out);
  }
  for (unsigned i = 0; i < s->nfrees_; i++) {
    fputs("f ", out);
    put_iobj(out, &s->frees[i]);
    fputc('\n', out);
  }
  fputs("end\n", out);
}

bool esc_write_summaries(esc_module *m, const char *path, char *err,
                         size_t errlen) {
  FILE *out = fopen(path, "w");
  if (!out) {
    snprintf(err, errlen, "cannot write summaries to '%s': %s", path,
             strerror(errno));
    return false;
  }
  fputs(MAGIC "\n", out);
  for (unsigned i = 0; i < m->nfns; i++)
    if (m->fns[i]->summary && !m->fns[i]->d.is_static && !m->fns[i]->d.is_weak)
      put_summary(out, m->fns[i]->summary);
  if (fclose(out) != 0) {
    snprintf(err, errlen, "cannot write summaries to '%s'", path);
    return false;
  }
  return true;
}

/* ---- reading --------------------------------------------------------------
 */

typedef struct reader {
  esc_module *m;
  const char *path;
  unsigned line;
  char *err;
  size_t errlen;
  esc_summary *cur;
} reader;

static bool fail(reader *r, const char *what) {
  snprintf(r->err, r->errlen, "%s:%u: malformed summary: %s", r->path, r->line,
           what);
  return false;
}

static bool get_iobj(reader *r, const char *t, esc_iobj *o) {
  int a = 0, b = 0, n = 0;
  memset(o, 0, sizeof *o);
  if (sscanf(t, "c:%d:%d%n", &a, &b, &n) == 2 && !t[n]) {
    if (a < 0 || (unsigned)a >= r->cur->nparams || b < 1 || b > ESC_DEPTH)
      return fail(r, "caller memory out of range");
    *o = (esc_iobj){.kind = ESC_I_CALLER, .a = a, .b = (int16_t)b};
  } else if (sscanf(t, "n:%d%n", &a, &n) == 1 && !t[n]) {
    if (a < 0 || (unsigned)a >= r->cur->nfresh)
      return fail(r, "fresh object out of range");
    *o = (esc_iobj){.kind = ESC_I_FRESH, .a = a};
  } else if (strncmp(t, "s:", 2) == 0 && t[2]) {
    *o = (esc_iobj){.kind = ESC_I_STATIC, .name = esc_intern(r->m, t + 2)};
  } else if (strcmp(t, "r") == 0 || strcmp(t, "u") == 0 ||
             strcmp(t, "x") == 0) {
    o->kind = t[0] == 'r'   ? ESC_I_RESULT
              : t[0] == 'u' ? ESC_I_UNKNOWN
                            : ESC_I_EXTERN;
  } else {
    return fail(r, "unknown interface object");
  }
  return true;
}

static bool begin_fn(reader *r, char *rest) {
  char name[512];
  unsigned np, nf;
  int var, unk, n = 0;
  if (r->cur)
    return fail(r, "'fn' inside a function");
  if (sscanf(rest, "%511s %u %d %u %d %n", name, &np, &var, &nf, &unk, &n) !=
          5 ||
      rest[n])
    return fail(r, "bad 'fn' line");
  r->cur = esc_mem_calloc(1, sizeof *r->cur);
  if (!r->cur)
    esc_fatal("out of memory");
  *r->cur = (esc_summary){.fn = esc_intern(r->m, name),
                          .nparams = np,
                          .is_variadic = var,
                          .nfresh = nf,
                          .unknown = unk};
  return true;
}

static void end_fn(reader *r) {
  esc_module *m = r->m;
  esc_summary_normalize(r->cur);
  if (esc_pmap_get(&m->ext_by_name, r->cur->fn) >= 0) {
    esc_summary_free(r->cur); /* the first file that defines it wins */
  } else {
    ESC_PUSH(m->ext, m->next, m->capext, r->cur);
    esc_pmap_put(&m->ext_by_name, r->cur->fn, (int32_t)m->next - 1);
  }
  r->cur = NULL;
}

static bool body_line(reader *r, char *s) {
  char a[512], b[512];
  int n = 0;
  if (!r->cur)
    return fail(r, "line outside a function");
  if (s[0] == 'e' && sscanf(s + 1, "%511s %511s %n", a, b, &n) == 2 &&
      !s[1 + n]) {
    esc_iobj x, y;
    if (!get_iobj(r, a, &x) || !get_iobj(r, b, &y))
      return false;
    esc_summary_add_edge(r->cur, x, y);
    return true;
  }
  if (s[0] == 'f' && sscanf(s + 1, "%511s %n", a, &n) == 1 && !s[1 + n]) {
    esc_iobj x;
    if (!get_iobj(r, a, &x))
      return false;
    esc_summary_add_free(r->cur, x);
    return true;
  }
  return fail(r, "unknown line");
}

static bool parse_line(reader *r, char *s) {
  s[strcspn(s, "\n")] = 0;
  if (r->line == 1)
    return strcmp(s, MAGIC) == 0 || fail(r, "not an escan summary file");
  if (!*s)
    return true;
  if (strncmp(s, "fn ", 3) == 0)
    return begin_fn(r, s + 3);
  if (strcmp(s, "end") == 0) {
    if (!r->cur)
      return fail(r, "'end' outside a function");
    end_fn(r);
    return true;
  }
  return body_line(r, s);
}

bool esc_read_summaries(esc_module *m, const char *path, char *err,
                        size_t errlen) {
  FILE *in = fopen(path, "r");
  if (!in) {
    snprintf(err, errlen, "cannot read summaries '%s': %s", path,
             strerror(errno));
    return false;
  }
  reader r = {.m = m, .path = path, .err = err, .errlen = errlen};
  char buf[2048];
  bool ok = true;
  while (ok && fgets(buf, sizeof buf, in)) {
    r.line++;
    ok = parse_line(&r, buf);
  }
  if (ok && r.line == 0)
    ok = fail(&r, "empty file");
  if (ok && r.cur)
    ok = fail(&r, "missing 'end'");
  esc_summary_free(r.cur);
  fclose(in);
  return ok;
}
