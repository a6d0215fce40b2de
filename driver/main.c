/*
 * main.c — the escan command: parses the options of interfaces.md section 3
 * (every one is listed in usage() and in docs/escan.1), then runs the
 * pipeline described in driver.h and turns the outcome into an exit code:
 * 0 nothing new at the --fail-on level, 1 something new, 2 usage or
 * configuration error, 3 some translation units could not be analysed.
 *
 * Options take their value either joined (--format=go, -j4, -pbuild) or as
 * the next argument (--format go, -j 4, -p build), as clang-tidy's do.
 */
#define _GNU_SOURCE
#include "driver.h"

#include <escan/escan.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The help text is a table; keep it as one (no clang-format reflow). */
// clang-format off
static const char help_text[] =
"usage: escan [OPTIONS] [PATH ...] [-- COMPILER-FLAGS ...]\n"
"\n"
"Go-style escape analysis for C: finds dangling pointers to stack memory,\n"
"frees of non-heap memory, leaks, and heap allocations that could live on\n"
"the stack, in every translation unit of a compilation database.\n"
"\n"
"Input:\n"
"  -p DIR                 build directory holding compile_commands.json\n"
"                         (default: search . and build/ upward)\n"
"  PATH ...               analyse only entries for these files or directories\n"
"  -- FLAGS               without a database: compile the PATHs with FLAGS;\n"
"                         with one: add FLAGS to every entry\n"
"\n"
"Analysis:\n"
"  --checks=LIST          finding kinds: dangling,free-nonheap,leak,\n"
"                         heap-to-stack (-KIND disables one)\n"
"  --max-stack=BYTES      largest heap block moved to the stack\n"
"  --max-stack-fn=BYTES   largest total moved to the stack per function\n"
"  --allocators=A,B       extra allocator functions\n"
"  --deallocators=A,B     extra deallocator functions\n"
"  --summaries=DIR        whole-program mode: export every TU's summaries\n"
"                         to DIR, then analyse every TU with all of them\n"
"  -j N                   translation units in parallel (default: cores)\n"
"  --timeout=SEC          give up on one translation unit after SEC\n"
"                         seconds (default 300; 0 waits forever)\n"
"\n"
"Output:\n"
"  -m, -m=N               Go-style decisions (go build -gcflags=-m):\n"
"                         1 every decision, 2 with the flow behind each;\n"
"                         selects --format=go unless --format is given\n"
"  --format=FMT           text (clang-style, default), go, json, sarif\n"
"  -o FILE                write the report to FILE instead of stdout\n"
"  --color=WHEN           never, always, auto (default: on a terminal)\n"
"\n"
"Rewrites (heap-to-stack):\n"
"  --fix                  apply them to the source files in place\n"
"  --diff                 print them as a unified diff, change nothing\n"
"                         (the report then goes to stderr unless -o)\n"
"  --export-fixes=FILE    write them as clang-apply-replacements YAML\n"
"  --fix-dangling=HOW     with one of the three above, also rewrite each\n"
"                         dangling local that has the suggested rewrite\n"
"                         HOW: static (make it static), heap (allocate\n"
"                         it with malloc) or value (return it by value);\n"
"                         never done without this option\n"
"\n"
"Gating:\n"
"  --baseline=FILE        findings recorded in FILE are not new\n"
"  --write-baseline=FILE  record the current findings in FILE\n"
"  --fail-on=LEVEL        error (default), warning, remark or none: exit 1\n"
"                         when a new finding at or above LEVEL exists\n"
"\n"
"Information:\n"
"  --version              print the version\n"
"  --help                 print this help\n"
"  --print-plugin-path    print the path of the clang plugin\n"
"  --print-clang          print the clang the plugin was built for\n"
"\n"
"Exit status: 0 no new finding at the --fail-on level, 1 new findings,\n"
"2 usage or configuration error, 3 some translation units could not be\n"
"analysed (the others are still reported).\n";
// clang-format on

static void usage(FILE *out) { fputs(help_text, out); }

static noreturn __attribute__((format(printf, 1, 2))) void
usage_error(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("escan: ", stderr);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputs("\nTry 'escan --help' for more information.\n", stderr);
  exit(EXIT_USAGE);
}

/* Matches argv[*i] against an option NAME that takes a value; returns the
 * value (joined with '=' for long options, joined or separate for short
 * ones and long ones), advancing *i past a separate value. */
static const char *option_value(int argc, char **argv, int *i,
                                const char *name) {
  const char *a = argv[*i];
  size_t n = strlen(name);
  if (strncmp(a, name, n) != 0)
    return NULL;
  bool is_long = name[1] == '-';
  if (a[n] == '=' && is_long)
    return a + n + 1;
  if (a[n] != '\0')
    return is_long ? NULL : a + n;
  if (*i + 1 >= argc)
    usage_error("option '%s' needs a value", name);
  return argv[++*i];
}

static long number_option(const char *name, const char *value, long min) {
  long v;
  if (!parse_long(value, &v) || v < min)
    usage_error("invalid number for %s: '%s'", name, value);
  return v;
}

static void split_list(strvec *out, const char *list) {
  char *copy = xstrdup(list);
  for (char *save, *t = strtok_r(copy, ",", &save); t;
       t = strtok_r(NULL, ",", &save))
    strvec_push(out, t);
  free(copy);
}

static out_format parse_format(const char *v) {
  static const char *names[] = {"text", "go", "json", "sarif"};
  for (int i = 0; i < 4; i++)
    if (!strcmp(v, names[i]))
      return (out_format)i;
  usage_error("unknown format '%s' (text, go, json, sarif)", v);
}

static const char *parse_fix_dangling(const char *v) {
  if (strcmp(v, "static") && strcmp(v, "heap") && strcmp(v, "value"))
    usage_error("unknown --fix-dangling rewrite '%s' (static, heap, value)",
                v);
  return v;
}

static color_mode parse_color(const char *v) {
  if (!strcmp(v, "never"))
    return COLOR_NEVER;
  if (!strcmp(v, "always"))
    return COLOR_ALWAYS;
  if (!strcmp(v, "auto"))
    return COLOR_AUTO;
  usage_error("unknown --color value '%s' (never, always, auto)", v);
}

static severity parse_fail_on(const char *v) {
  severity s;
  if (!strcmp(v, "none"))
    return SEV_NONE;
  if (!severity_parse(v, &s) || s == SEV_NOTE)
    usage_error("unknown --fail-on level '%s' (error, warning, remark, none)",
                v);
  return s;
}

static void print_plugin_path_and_exit(void) {
  const char *p = plugin_path();
  if (!p)
    fail(EXIT_USAGE, "plugin %s not found next to the escan executable",
         ESCAN_PLUGIN_NAME);
  puts(p);
  exit(EXIT_CLEAN);
}

/* Options that print something and end the run. */
static bool informational_option(const char *a) {
  if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
    usage(stdout);
    exit(EXIT_CLEAN);
  }
  if (!strcmp(a, "--version")) {
    printf("escan %s (LLVM %d)\n", ESCAN_VERSION_STRING, ESCAN_LLVM_MAJOR);
    exit(EXIT_CLEAN);
  }
  if (!strcmp(a, "--print-plugin-path"))
    print_plugin_path_and_exit();
  if (!strcmp(a, "--print-clang")) {
    puts(clang_path());
    exit(EXIT_CLEAN);
  }
  return false;
}

static bool flag_option(options *o, const char *a) {
  if (!strcmp(a, "-m"))
    o->m_level++;
  else if (!strcmp(a, "--fix"))
    o->fix = true;
  else if (!strcmp(a, "--diff"))
    o->diff = true;
  else
    return informational_option(a);
  return true;
}

static bool value_option(options *o, int argc, char **argv, int *i) {
  const char *v;
  if ((v = option_value(argc, argv, i, "-p")))
    o->build_dir = v;
  else if (!strncmp(argv[*i], "-m=", 3))
    o->m_level = (int)number_option("-m", argv[*i] + 3, 0);
  else if ((v = option_value(argc, argv, i, "--format")))
    o->format = parse_format(v), o->format_given = true;
  else if ((v = option_value(argc, argv, i, "-o")))
    o->output = v;
  else if ((v = option_value(argc, argv, i, "--color")))
    o->color = parse_color(v);
  else if ((v = option_value(argc, argv, i, "--checks")))
    o->plugin.checks = v;
  else if ((v = option_value(argc, argv, i, "--max-stack-fn")))
    o->plugin.max_stack_fn = number_option("--max-stack-fn", v, 0);
  else if ((v = option_value(argc, argv, i, "--max-stack")))
    o->plugin.max_stack = number_option("--max-stack", v, 0);
  else if ((v = option_value(argc, argv, i, "--allocators")))
    split_list(&o->plugin.allocators, v), o->plugin.allocators_set = true;
  else if ((v = option_value(argc, argv, i, "--deallocators")))
    split_list(&o->plugin.deallocators, v), o->plugin.deallocators_set = true;
  else if ((v = option_value(argc, argv, i, "--export-fixes")))
    o->export_fixes = v;
  else if ((v = option_value(argc, argv, i, "--fix-dangling")))
    o->fix_dangling = parse_fix_dangling(v);
  else if ((v = option_value(argc, argv, i, "--baseline")))
    o->baseline = v;
  else if ((v = option_value(argc, argv, i, "--write-baseline")))
    o->write_baseline = v;
  else if ((v = option_value(argc, argv, i, "--fail-on")))
    o->fail_on = parse_fail_on(v);
  else if ((v = option_value(argc, argv, i, "-j")))
    o->jobs = number_option("-j", v, 1);
  else if ((v = option_value(argc, argv, i, "--timeout")))
    o->timeout = number_option("--timeout", v, 0);
  else if ((v = option_value(argc, argv, i, "--summaries")))
    o->summaries = v;
  else
    return false;
  return true;
}

static options parse_options(int argc, char **argv) {
  options o = {.fail_on = SEV_ERROR,
               .timeout = 300,
               .color = COLOR_AUTO,
               .plugin = {.max_stack = -1, .max_stack_fn = -1}};
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "--")) {
      o.dashdash = true;
      for (i++; i < argc; i++)
        strvec_push(&o.extra_flags, argv[i]);
      break;
    }
    if (a[0] != '-' || !strcmp(a, "-"))
      strvec_push(&o.paths, a);
    else if (!flag_option(&o, a) && !value_option(&o, argc, argv, &i))
      usage_error("unknown option '%s'", a);
  }
  if (o.m_level > 0 && !o.format_given)
    o.format = FORMAT_GO;
  if (o.jobs == 0) {
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    o.jobs = cores > 0 ? cores : 1;
  }
  unsigned checks = ESC_CHECK_ALL;
  char err[256];
  if (o.plugin.checks &&
      !esc_parse_checks(o.plugin.checks, &checks, err, sizeof err))
    usage_error("--checks: %s", err);
  if (o.fix && o.diff)
    usage_error("%s", "--fix and --diff cannot be combined");
  if (o.fix_dangling && !o.fix && !o.diff && !o.export_fixes)
    usage_error("%s", "--fix-dangling needs --fix, --diff or --export-fixes");
  return o;
}

/* A private directory for the plugin's JSON files and logs. */
static char *make_tmpdir(void) {
  const char *base = getenv("TMPDIR");
  char *tmpl = path_join(base && *base ? base : "/tmp", "escan.XXXXXX");
  if (!mkdtemp(tmpl))
    fail(EXIT_USAGE, "cannot create a temporary directory in %s",
         base ? base : "/tmp");
  return tmpl;
}

static void analyse(const options *o, const tu_list *tus, results *r) {
  run_plan plan = {.clang = clang_path(),
                   .plugin = plugin_path(),
                   .m_level = o->m_level,
                   .jobs = o->jobs,
                   .timeout = o->timeout,
                   .summaries = o->summaries};
  if (!plan.plugin)
    fail(EXIT_USAGE,
         "plugin %s not found next to the escan executable (set ESCAN_PLUGIN)",
         ESCAN_PLUGIN_NAME);
  char *tmp = make_tmpdir();
  plan.tmpdir = tmp;
  if (o->summaries) {
    if (!is_directory(o->summaries))
      fail(EXIT_USAGE, "--summaries: no such directory: %s", o->summaries);
    run_translation_units(tus, &plan, PASS_EXPORT_SUMMARIES, r);
  }
  run_translation_units(tus, &plan, PASS_ANALYSE, r);
  if (rmdir(tmp) != 0) /* run.c removes each result file once read */
    warn("could not remove %s", tmp);
  free(tmp);
  results_finish(r);
}

static FILE *open_report(const options *o) {
  if (o->output) {
    FILE *f = fopen(o->output, "w");
    if (!f)
      fail(EXIT_USAGE, "cannot write %s", o->output);
    return f;
  }
  /* --diff owns stdout so that `escan --diff | patch -p1` works. */
  return o->diff ? stderr : stdout;
}

static void write_report(const options *o, const results *r) {
  FILE *out = open_report(o);
  bool color = o->color == COLOR_ALWAYS ||
               (o->color == COLOR_AUTO && !o->output && isatty(fileno(out)));
  switch (o->format) {
  case FORMAT_TEXT:
    format_text(out, r, color);
    break;
  case FORMAT_GO:
    format_go(out, r, o->m_level);
    break;
  case FORMAT_JSON:
    format_json(out, r, o->baseline != NULL);
    break;
  case FORMAT_SARIF:
    format_sarif(out, r, o->baseline != NULL);
    break;
  }
  if (out != stdout && out != stderr && fclose(out) != 0)
    fail(EXIT_USAGE, "cannot write %s", o->output);
}

/* TU failures go to stderr whatever the format, so a run that writes JSON
 * to a file still says that it is incomplete. */
static void report_errors(const results *r) {
  for (size_t i = 0; i < r->nerrors; i++)
    fprintf(stderr, "escan: error: %s: %s\n", r->errors[i].file,
            r->errors[i].message);
  if (r->tus_failed)
    fprintf(stderr, "escan: %zu translation unit%s could not be analysed\n",
            r->tus_failed, r->tus_failed == 1 ? "" : "s");
}

static bool apply_rewrites(const options *o, const results *r) {
  bool ok = true;
  if (o->export_fixes)
    ok &= fix_export(r, o->export_fixes, o->fix_dangling);
  if (o->diff)
    ok &= fix_diff(stdout, r, o->fix_dangling);
  if (o->fix)
    ok &= fix_apply(r, o->fix_dangling);
  return ok;
}

static int exit_code(const options *o, const results *r, bool rewrites_ok) {
  bool gate = false;
  for (size_t i = 0; i < r->nfindings; i++)
    gate |= finding_gates(&r->findings[i], o->fail_on);
  if (gate || !rewrites_ok)
    return EXIT_FINDINGS;
  return r->tus_failed ? EXIT_TU_FAILED : EXIT_CLEAN;
}

int main(int argc, char **argv) {
  options o = parse_options(argc, argv);
  tu_list tus = collect_translation_units(&o);
  size_t kept = 0;
  for (size_t i = 0; i < tus.n; i++)
    if (apply_config(&tus.v[i], &o.plugin))
      tus.v[kept++] = tus.v[i];
  tus.n = kept;

  results r = {0};
  analyse(&o, &tus, &r);
  if (o.baseline)
    baseline_mark_new(&r, o.baseline);
  write_report(&o, &r);
  report_errors(&r);
  if (o.write_baseline)
    baseline_write(&r, o.write_baseline);
  bool rewrites_ok = apply_rewrites(&o, &r);
  return exit_code(&o, &r, rewrites_ok);
}
