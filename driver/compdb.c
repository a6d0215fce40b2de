/*
 * compdb.c — which translation units to analyse, and with which flags.
 *
 * compile_commands.json is read with libclang's C API
 * (clang-c/CXCompilationDatabase.h), the parser clang-tidy and clangd use,
 * so "arguments" and "command" entries, relative directories and shell
 * quoting behave as users expect. Without a database, `escan a.c -- FLAGS`
 * compiles the named files with FLAGS in the current directory, the way
 * clang-tidy's fixed compilation database does.
 *
 * An entry's arguments become the child clang's by dropping what only
 * matters for producing outputs: the compiler itself (and a ccache-style
 * launcher before it), -c, -o FILE, and dependency-file flags (-M*, -MF
 * FILE, -MT/-MQ TARGET, -MJ FILE). run.c adds -fsyntax-only and the plugin.
 */
#define _GNU_SOURCE
#include "driver.h"

#include <clang-c/CXCompilationDatabase.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

/* ---- argument filtering -------------------------------------------------- */

static bool is_launcher(const char *arg0) {
  const char *base = strrchr(arg0, '/');
  base = base ? base + 1 : arg0;
  return !strcmp(base, "ccache") || !strcmp(base, "sccache") ||
         !strcmp(base, "distcc");
}

/* Flags that are dropped together with the argument after them. */
static bool drops_next(const char *a) {
  return !strcmp(a, "-o") || !strcmp(a, "-MF") || !strcmp(a, "-MT") ||
         !strcmp(a, "-MQ") || !strcmp(a, "-MJ");
}

static bool drops_itself(const char *a) {
  if (!strcmp(a, "-c"))
    return true;
  if (!strncmp(a, "-o", 2))
    return true; /* -ofile */
  return !strncmp(a, "-M",
                  2); /* -M, -MM, -MD, -MMD, -MP, -MG, -MFfile, -MTtarget */
}

static void filter_compile_args(strvec *out, char *const *argv, size_t argc) {
  size_t i = 1;
  if (argc > 1 && is_launcher(argv[0]))
    i = 2;
  for (; i < argc; i++) {
    if (drops_next(argv[i]))
      i++;
    else if (!drops_itself(argv[i]))
      strvec_push(out, argv[i]);
  }
}

/* ---- finding the database ------------------------------------------------ */

static bool has_compdb(const char *dir) {
  char *p = path_join(dir, "compile_commands.json");
  bool ok = is_regular_file(p);
  free(p);
  return ok;
}

/* The current directory and its build/, then each parent and its build/. */
/* DIR itself or DIR/build, whichever holds a database. */
static char *compdb_in(const char *dir) {
  if (has_compdb(dir))
    return xstrdup(dir);
  char *build = path_join(dir, "build");
  if (has_compdb(build))
    return build;
  free(build);
  return NULL;
}

static char *search_compdb(void) {
  return search_upward(current_dir(), compdb_in);
}

/* ---- PATH filters ---------------------------------------------------------
 */

typedef struct path_filter {
  char **abs;
  size_t n;
} path_filter;

static path_filter make_filter(const strvec *paths) {
  path_filter f = {xcalloc(paths->n, sizeof(char *)), paths->n};
  for (size_t i = 0; i < paths->n; i++) {
    if (!is_regular_file(paths->v[i]) && !is_directory(paths->v[i]))
      fail(EXIT_USAGE, "no such file or directory: %s", paths->v[i]);
    f.abs[i] = path_absolute(current_dir(), paths->v[i]);
  }
  return f;
}

static bool filter_accepts(const path_filter *f, const char *abs) {
  if (f->n == 0)
    return true;
  for (size_t i = 0; i < f->n; i++)
    if (path_is_under(abs, f->abs[i]))
      return true;
  return false;
}

/* ---- building the list ----------------------------------------------------
 */

static tu make_tu(const char *dir, const char *file, strvec *args) {
  tu t = {0};
  t.directory = path_absolute(current_dir(), dir);
  t.file = path_absolute(t.directory, file);
  t.display = path_display(t.file);
  t.args = *args;
  return t;
}

static void push_tu(tu_list *l, size_t *cap, tu t) {
  if (l->n == *cap) {
    *cap = *cap ? *cap * 2 : 16;
    l->v = xrealloc(l->v, *cap * sizeof *l->v);
  }
  l->v[l->n++] = t;
}

static CXCompilationDatabase load_compdb(const char *dir) {
  CXCompilationDatabase_Error err;
  char *json = path_join(dir, "compile_commands.json");
  if (!is_regular_file(json))
    fail(EXIT_USAGE, "no compile_commands.json in %s", dir);
  CXCompilationDatabase db = clang_CompilationDatabase_fromDirectory(dir, &err);
  if (err != CXCompilationDatabase_NoError || !db)
    fail(EXIT_USAGE, "cannot read %s: not a valid compilation database", json);
  free(json);
  return db;
}

static tu tu_from_command(CXCompileCommand cmd, const options *opt) {
  CXString dir = clang_CompileCommand_getDirectory(cmd);
  CXString file = clang_CompileCommand_getFilename(cmd);
  unsigned argc = clang_CompileCommand_getNumArgs(cmd);
  char **argv = xcalloc(argc + 1, sizeof *argv);
  for (unsigned i = 0; i < argc; i++) {
    CXString a = clang_CompileCommand_getArg(cmd, i);
    argv[i] = xstrdup(clang_getCString(a));
    clang_disposeString(a);
  }
  strvec args = {0};
  filter_compile_args(&args, argv, argc);
  strvec_append(&args, &opt->extra_flags);
  tu t = make_tu(clang_getCString(dir), clang_getCString(file), &args);
  for (unsigned i = 0; i < argc; i++)
    free(argv[i]);
  free(argv);
  clang_disposeString(dir);
  clang_disposeString(file);
  return t;
}

static tu_list from_compdb(const char *dir, const options *opt) {
  CXCompilationDatabase db = load_compdb(dir);
  CXCompileCommands cmds = clang_CompilationDatabase_getAllCompileCommands(db);
  path_filter filter = make_filter(&opt->paths);
  tu_list l = {0};
  size_t cap = 0;
  unsigned n = cmds ? clang_CompileCommands_getSize(cmds) : 0;
  for (unsigned i = 0; i < n; i++) {
    tu t = tu_from_command(clang_CompileCommands_getCommand(cmds, i), opt);
    if (filter_accepts(&filter, t.file))
      push_tu(&l, &cap, t);
    else
      strvec_free(&t.args);
  }
  if (cmds)
    clang_CompileCommands_dispose(cmds);
  clang_CompilationDatabase_dispose(db);
  if (l.n == 0)
    fail(EXIT_USAGE,
         opt->paths.n
             ? "no entry of %s/compile_commands.json matches the given paths"
             : "%s/compile_commands.json has no entries",
         dir);
  return l;
}

static bool is_c_source(const char *name) {
  size_t n = strlen(name);
  return n > 2 && !strcmp(name + n - 2, ".c");
}

static int compare_strings(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every .c file under DIR, sorted, for `escan DIR -- FLAGS`. */
static void collect_sources(strvec *out, const char *dir) {
  DIR *d = opendir(dir);
  if (!d)
    return;
  strvec names = {0};
  for (struct dirent *e; (e = readdir(d));)
    if (e->d_name[0] != '.')
      strvec_push(&names, e->d_name);
  closedir(d);
  if (names.n)
    qsort(names.v, names.n, sizeof *names.v, compare_strings);
  for (size_t i = 0; i < names.n; i++) {
    char *p = path_join(dir, names.v[i]);
    if (is_directory(p))
      collect_sources(out, p);
    else if (is_c_source(p))
      strvec_push(out, p);
    free(p);
  }
  strvec_free(&names);
}

static tu_list from_flags(const options *opt) {
  if (opt->paths.n == 0)
    fail(EXIT_USAGE, "no input files: name the files to analyse before '--'");
  strvec files = {0};
  for (size_t i = 0; i < opt->paths.n; i++) {
    if (is_directory(opt->paths.v[i]))
      collect_sources(&files, opt->paths.v[i]);
    else if (is_regular_file(opt->paths.v[i]))
      strvec_push(&files, opt->paths.v[i]);
    else
      fail(EXIT_USAGE, "no such file or directory: %s", opt->paths.v[i]);
  }
  tu_list l = {0};
  size_t cap = 0;
  for (size_t i = 0; i < files.n; i++) {
    strvec args = {0};
    strvec_append(&args, &opt->extra_flags);
    strvec_push(&args, files.v[i]);
    push_tu(&l, &cap, make_tu(current_dir(), files.v[i], &args));
  }
  strvec_free(&files);
  if (l.n == 0)
    fail(EXIT_USAGE, "no C source files under the given paths");
  return l;
}

tu_list collect_translation_units(const options *opt) {
  if (opt->build_dir) {
    /* `-p build/compile_commands.json` means its directory, as in clangd. */
    if (is_regular_file(opt->build_dir)) {
      char *dir = path_dirname(opt->build_dir);
      return from_compdb(dir, opt);
    }
    if (!is_directory(opt->build_dir))
      fail(EXIT_USAGE, "-p: no such directory: %s", opt->build_dir);
    return from_compdb(opt->build_dir, opt);
  }
  if (opt->dashdash)
    return from_flags(opt);
  char *dir = search_compdb();
  if (!dir)
    fail(EXIT_USAGE,
         "no compile_commands.json found in %s, its parents or their build/ "
         "directories; use -p DIR, or name files followed by -- FLAGS",
         current_dir());
  tu_list l = from_compdb(dir, opt);
  free(dir);
  return l;
}
