/*
 * util.c — the small things every other file needs: allocation that never
 * returns NULL, growable string vectors (argv building), messages that end
 * the run with an exit code, and lexical path handling.
 *
 * Paths are normalised lexically ("a/./b/../c" -> "a/c"), not with
 * realpath(): the files named in a compilation database are reported as
 * the build saw them, even when a component is a symlink.
 */
#define _GNU_SOURCE
#include "driver.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void *xmalloc(size_t n) {
  void *p = malloc(n ? n : 1);
  if (!p)
    fail(EXIT_USAGE, "out of memory");
  return p;
}

void *xcalloc(size_t n, size_t size) {
  void *p = calloc(n ? n : 1, size ? size : 1);
  if (!p)
    fail(EXIT_USAGE, "out of memory");
  return p;
}

void *xrealloc(void *p, size_t n) {
  p = realloc(p, n ? n : 1);
  if (!p)
    fail(EXIT_USAGE, "out of memory");
  return p;
}

char *xstrdup(const char *s) {
  size_t n = strlen(s) + 1;
  return memcpy(xmalloc(n), s, n);
}

char *xasprintf(const char *fmt, ...) {
  va_list ap;
  char *s;
  va_start(ap, fmt);
  int n = vasprintf(&s, fmt, ap);
  va_end(ap);
  if (n < 0)
    fail(EXIT_USAGE, "out of memory");
  return s;
}

static void vsay(const char *fmt, va_list ap) {
  fputs("escan: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
}

noreturn void fail(int code, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsay(fmt, ap);
  va_end(ap);
  exit(code);
}

void warn(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsay(fmt, ap);
  va_end(ap);
}

void strvec_push(strvec *sv, const char *s) {
  if (sv->n + 2 > sv->cap) {
    sv->cap = sv->cap ? sv->cap * 2 : 8;
    sv->v = xrealloc(sv->v, sv->cap * sizeof *sv->v);
  }
  sv->v[sv->n++] = xstrdup(s);
  sv->v[sv->n] = NULL;
}

void strvec_append(strvec *dst, const strvec *src) {
  for (size_t i = 0; i < src->n; i++)
    strvec_push(dst, src->v[i]);
}

void strvec_free(strvec *sv) {
  for (size_t i = 0; i < sv->n; i++)
    free(sv->v[i]);
  free(sv->v);
  *sv = (strvec){0};
}

const char *current_dir(void) {
  static char *cwd;
  if (!cwd) {
    cwd = getcwd(NULL, 0);
    if (!cwd)
      fail(EXIT_USAGE, "cannot read the current directory: %s",
           strerror(errno));
  }
  return cwd;
}

char *path_join(const char *dir, const char *name) {
  size_t n = strlen(dir);
  return xasprintf("%s%s%s", dir, n && dir[n - 1] == '/' ? "" : "/", name);
}

/* Removes "." and empty components and folds "x/.." in an absolute path. */
static char *normalise(const char *abs) {
  char *copy = xstrdup(abs), *out = xmalloc(strlen(abs) + 2);
  size_t len = 0;
  for (char *save, *c = strtok_r(copy, "/", &save); c;
       c = strtok_r(NULL, "/", &save)) {
    if (!strcmp(c, "."))
      continue;
    if (!strcmp(c, "..")) {
      while (len > 0 && out[len - 1] != '/')
        len--;
      if (len > 0)
        len--;
      continue;
    }
    out[len++] = '/';
    strcpy(out + len, c);
    len += strlen(c);
  }
  if (len == 0)
    out[len++] = '/';
  out[len] = '\0';
  free(copy);
  return out;
}

char *path_absolute(const char *base, const char *path) {
  if (path[0] == '/')
    return normalise(path);
  char *abs_base =
      base[0] == '/' ? xstrdup(base) : path_join(current_dir(), base);
  char *joined = path_join(abs_base, path);
  char *out = normalise(joined);
  free(abs_base);
  free(joined);
  return out;
}

bool path_is_under(const char *path, const char *dir) {
  size_t n = strlen(dir);
  if (n == 1 && dir[0] == '/')
    return path[0] == '/';
  return !strncmp(path, dir, n) && (path[n] == '/' || path[n] == '\0');
}

char *path_display(const char *abs) {
  const char *cwd = current_dir();
  if (strcmp(abs, cwd) != 0 && path_is_under(abs, cwd) && strcmp(cwd, "/") != 0)
    return xstrdup(abs + strlen(cwd) + 1);
  return xstrdup(abs);
}

char *path_dirname(const char *path) {
  const char *slash = strrchr(path, '/');
  if (!slash)
    return xstrdup(".");
  if (slash == path)
    return xstrdup("/");
  char *d = xstrdup(path);
  d[slash - path] = '\0';
  return d;
}

bool is_directory(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

bool is_regular_file(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

char *read_whole_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  size_t cap = 4096, n = 0;
  char *buf = xmalloc(cap);
  size_t got;
  while ((got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
    n += got;
    if (cap - n - 1 == 0)
      buf = xrealloc(buf, cap *= 2);
  }
  bool bad = ferror(f);
  fclose(f);
  if (bad) {
    free(buf);
    return NULL;
  }
  buf[n] = '\0';
  if (len)
    *len = n;
  return buf;
}

bool parse_long(const char *s, long *out) {
  char *end;
  errno = 0;
  long v = strtol(s, &end, 10);
  if (!*s || *end || errno)
    return false;
  *out = v;
  return true;
}

char *search_upward(const char *start, char *(*probe)(const char *dir)) {
  char *dir = xstrdup(start);
  char *found = NULL;
  while (!(found = probe(dir)) && strcmp(dir, "/") != 0) {
    char *parent = path_dirname(dir);
    free(dir);
    dir = parent;
  }
  free(dir);
  return found;
}
