/*
 * format_text.c — the default report, in clang's diagnostic style so that
 * editors and CI log parsers that understand clang understand escan:
 *
 *   a.c:3:10: error: moved to heap: x (address of stack variable 'x'
 *             escapes through the return value) [escan-dangling]
 *     return &x;
 *            ^
 *   a.c:3:3: note: ~r0 ← &x (return)
 *
 * (one line in reality). Each flow step becomes a note with its own source
 * line, and so does each rewrite offered for a dangling local. Suppressed findings are not shown, nor, under --baseline, the
 * findings the baseline accepts. Colours follow clang's: bold
 * positions, red errors, magenta warnings, blue remarks, green carets.
 */
#define _GNU_SOURCE
#include "driver.h"

#include <stdlib.h>
#include <string.h>

#define BOLD "\033[1m"
#define RESET "\033[0m"

static const char *severity_color(severity s) {
  switch (s) {
  case SEV_ERROR:
    return "\033[1;31m";
  case SEV_WARNING:
    return "\033[1;35m";
  case SEV_REMARK:
    return "\033[1;34m";
  default:
    return "\033[1;30m";
  }
}

/* The source of the file last shown: findings are sorted by file, so one
 * cached file is enough. */
static struct {
  char *path;
  char *text;
} source;

static const char *source_line(const char *path, long line, size_t *len) {
  if (!source.path || strcmp(source.path, path) != 0) {
    free(source.path);
    free(source.text);
    source.path = xstrdup(path);
    source.text = read_whole_file(path, NULL);
  }
  const char *p = source.text;
  for (long i = 1; p && i < line; i++) {
    p = strchr(p, '\n');
    if (p)
      p++;
  }
  if (!p || line < 1)
    return NULL;
  *len = strcspn(p, "\n");
  return p;
}

/* The line, then a caret under COLUMN (tabs copied so they align). */
static void show_source(FILE *out, const char *path, long line, long column,
                        bool color) {
  size_t len;
  const char *text = source_line(path, line, &len);
  if (!text || column < 1 || (size_t)column > len + 1)
    return;
  fprintf(out, "%.*s\n", (int)len, text);
  for (long i = 0; i < column - 1; i++)
    fputc(text[i] == '\t' ? '\t' : ' ', out);
  fprintf(out, "%s^%s\n", color ? "\033[1;32m" : "", color ? RESET : "");
}

static void show_head(FILE *out, const char *file, long line, long col,
                      severity s, bool color) {
  if (color)
    fprintf(out, BOLD "%s:%ld:%ld: %s%s:" RESET BOLD " ", file, line, col,
            severity_color(s), severity_name(s));
  else
    fprintf(out, "%s:%ld:%ld: %s: ", file, line, col, severity_name(s));
}

/* Rewrites offered for a dangling local, as notes at its declaration. */
static void show_suggestions(FILE *out, const finding *f, bool color) {
  for (size_t i = 0; i < f->nsuggestions; i++) {
    const suggestion *s = &f->suggestions[i];
    if (s->refused)
      continue;
    show_head(out, s->file, s->line, s->column, SEV_NOTE, color);
    fprintf(out, "suggested rewrite (--fix-dangling=%s): %s%s\n", s->rewrite,
            s->message, color ? RESET : "");
    char *abs = path_absolute(current_dir(), s->file);
    show_source(out, abs, s->line, s->column, color);
    free(abs);
  }
}

static void show_finding(FILE *out, const finding *f, bool color) {
  show_head(out, f->file, f->line, f->column, f->sev, color);
  fputs(f->message, out);
  if (f->detail && *f->detail)
    fprintf(out, " (%s)", f->detail);
  fprintf(out, " [escan-%s]%s\n", f->kind, color ? RESET : "");
  show_source(out, f->abs, f->line, f->column, color);
  for (size_t i = 0; i < f->nflow; i++) {
    const flow_step *s = &f->flow[i];
    show_head(out, s->file, s->line, s->column, SEV_NOTE, color);
    fprintf(out, "%s%s\n", s->message, color ? RESET : "");
    char *abs = path_absolute(current_dir(), s->file);
    show_source(out, abs, s->line, s->column, color);
    free(abs);
  }
  show_suggestions(out, f, color);
}

static void show_param(FILE *out, const param_line *p, bool color) {
  show_head(out, p->file, p->line, p->column, SEV_REMARK, color);
  fprintf(out, "%s [escan-info]%s\n", p->message, color ? RESET : "");
}

void format_text(FILE *out, const results *r, bool color) {
  size_t i = 0, j = 0;
  /* Findings and parameter lines interleaved by position. */
  while (i < r->nfindings || j < r->nparams) {
    const finding *f = i < r->nfindings ? &r->findings[i] : NULL;
    const param_line *p = j < r->nparams ? &r->params[j] : NULL;
    if (p && (!f || param_comes_first(p, f))) {
      show_param(out, p, color);
      j++;
    } else {
      if (finding_is_listed(f))
        show_finding(out, f, color);
      i++;
    }
  }
}
