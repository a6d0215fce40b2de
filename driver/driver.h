/*
 * driver.h — the escan command's one internal header, cut into sections
 * that follow the source files; each section lists what its file exports.
 *
 * The driver's job, end to end (main.c runs it in this order):
 *   compdb.c   which translation units to analyse, with which flags
 *   config.c   .escan.yaml next to (or above) each file: checks, caps, skips
 *   run.c      one child clang with the plugin per TU, -j of them at once
 *   results.c  the plugin's JSON files merged, deduplicated and sorted
 *   baseline.c which findings are new
 *   format_*.c the report: text, go, json or sarif
 *   fix.c      the heap-to-stack rewrites: --fix, --diff, --export-fixes
 */
#ifndef ESCAN_DRIVER_H
#define ESCAN_DRIVER_H

#include <stdbool.h>
#include <stdio.h>
#include <stdnoreturn.h>
#include <sys/types.h>

/* Exit codes of interfaces.md section 3. */
enum {
  EXIT_CLEAN = 0,
  EXIT_FINDINGS = 1,
  EXIT_USAGE = 2,
  EXIT_TU_FAILED = 3,
};

/* ---- util.c: memory, strings, paths, files ------------------------------ */

typedef struct strvec {
  char **v; /* NULL-terminated once n > 0, so it can be an argv */
  size_t n, cap;
} strvec;

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
noreturn void fail(int code, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

void strvec_push(strvec *sv, const char *s);
void strvec_append(strvec *dst, const strvec *src);
void strvec_free(strvec *sv);

const char *current_dir(void);
char *path_join(const char *dir, const char *name);
char *path_absolute(const char *base, const char *path);
char *path_display(const char *abs);
char *path_dirname(const char *path);
/* The first non-NULL probe(dir) from START up to the root, or NULL. */
char *search_upward(const char *start, char *(*probe)(const char *dir));
bool path_is_under(const char *path, const char *dir);
bool is_directory(const char *path);
bool is_regular_file(const char *path);
char *read_whole_file(const char *path, size_t *len);
bool parse_long(const char *s, long *out);

/* ---- main.c: options ---------------------------------------------------- */

typedef enum out_format {
  FORMAT_TEXT,
  FORMAT_GO,
  FORMAT_JSON,
  FORMAT_SARIF
} out_format;
typedef enum color_mode { COLOR_AUTO, COLOR_NEVER, COLOR_ALWAYS } color_mode;

/* Severities, lowest first; the order is what --fail-on compares. */
typedef enum severity {
  SEV_NOTE,
  SEV_REMARK,
  SEV_WARNING,
  SEV_ERROR,
  SEV_NONE
} severity;

/* Plugin settings from the command line or a config file; unset values
 * are -1 (numbers) or NULL/!set (lists), so that the command line can
 * override a config file field by field. */
typedef struct plugin_settings {
  const char *checks;
  long max_stack, max_stack_fn;
  strvec allocators, deallocators;
  bool allocators_set, deallocators_set;
} plugin_settings;

typedef struct options {
  const char *build_dir; /* -p */
  strvec paths;
  strvec extra_flags; /* after -- */
  bool dashdash;
  int m_level;
  out_format format;
  bool format_given;
  const char *output; /* -o */
  color_mode color;
  plugin_settings plugin;
  bool fix, diff;
  const char *export_fixes;
  const char *fix_dangling; /* static | heap | value: rewrite dangling too */
  const char *baseline, *write_baseline;
  severity fail_on;
  long jobs, timeout;
  const char *summaries;
} options;

/* ---- compdb.c: translation units ------------------------------------- */

typedef struct tu {
  char *file;      /* absolute, normalised */
  char *display;   /* as reported: relative to cwd when under it */
  char *directory; /* where the child clang runs */
  strvec args; /* compiler flags and the file, compiler and outputs removed */
  plugin_settings settings; /* config file merged with the command line */
} tu;

typedef struct tu_list {
  tu *v;
  size_t n;
} tu_list;

tu_list collect_translation_units(const options *opt);

/* ---- config.c: .escan.yaml ------------------------------------------- */

/* Fills tu->settings from the nearest .escan.yaml above tu->file and the
 * command line; returns false when the config says to skip the file.
 * A malformed config file ends the run with exit 2. */
bool apply_config(tu *t, const plugin_settings *cli);

/* ---- results.c: merged plugin results ---------------------------------- */

typedef struct flow_step {
  char *file;
  long line, column;
  char *message;
} flow_step;

typedef struct fix_edit {
  char *file;    /* absolute */
  char *display; /* as reported */
  long offset, length;
  char *replacement;
} fix_edit;

/* A rewrite the plugin offers for a dangling local (docs/rewrite.md),
 * applied only under --fix-dangling=REWRITE; `refused` says why it is not
 * offered (then it has no fixes). */
typedef struct suggestion {
  char *rewrite, *message, *refused;
  char *file; /* the local's declaration, as reported */
  long line, column;
  fix_edit *fixes;
  size_t nfixes;
} suggestion;

typedef struct finding {
  char *kind, *message, *detail, *function, *object, *written, *decided, *hash;
  severity sev;
  char *file, *abs; /* display path and absolute path */
  long line, column;
  flow_step *flow;
  size_t nflow;
  fix_edit *fixes;
  size_t nfixes;
  suggestion *suggestions;
  size_t nsuggestions;
  bool suppressed;
  bool is_new; /* not in the baseline (always true without one) */
} finding;

typedef struct param_line {
  char *function, *param, *message, *file;
  long line, column;
} param_line;

typedef struct run_error {
  char *file;
  char *message;
} run_error;

typedef struct results {
  finding *findings;
  size_t nfindings, capfindings;
  param_line *params;
  size_t nparams, capparams;
  run_error *errors;
  size_t nerrors, caperrors;
  size_t tus_failed;
} results;

bool results_read_plugin_file(results *r, const char *json_path, const tu *t,
                              char **err);
void results_add_error(results *r, const char *file, const char *message);
void results_finish(results *r);
const char *severity_name(severity s);
bool severity_parse(const char *s, severity *out);
bool finding_is_shown(const finding *f);  /* not suppressed */
bool finding_is_listed(const finding *f); /* shown and not in the baseline */
bool param_comes_first(const param_line *p, const finding *f); /* by position */
bool finding_gates(const finding *f, severity fail_on);

/* ---- run.c: child processes ------------------------------------------ */

typedef enum run_pass {
  PASS_ANALYSE,          /* the ordinary run: results as JSON */
  PASS_EXPORT_SUMMARIES, /* --summaries, first pass */
} run_pass;

typedef struct run_plan {
  const char *clang;
  const char *plugin;
  const char *tmpdir;
  const char *summaries; /* DIR, or NULL */
  int m_level;
  long jobs, timeout;
} run_plan;

void run_translation_units(const tu_list *tus, const run_plan *plan,
                           run_pass pass, results *out);
const char *clang_path(void);
const char *plugin_path(void);

/* ---- progress.c: the terminal progress line ---------------------------- */

void progress_start(size_t total);
void progress_update(size_t done, size_t findings);
void progress_end(void);

/* ---- baseline.c -------------------------------------------------------- */

void baseline_mark_new(results *r, const char *path);
void baseline_write(const results *r, const char *path);

/* ---- format_*.c: reports ----------------------------------------------- */

void format_text(FILE *out, const results *r, bool color);
void format_go(FILE *out, const results *r, int m_level);
void format_json(FILE *out, const results *r, bool with_baseline);
void format_sarif(FILE *out, const results *r, bool with_baseline);

/* ---- fix.c: rewrites --------------------------------------------------- */

/* Each returns false when some file could not be rewritten (conflicting
 * edits, stale offsets, I/O errors); the message is already printed. */
/* `dangling` ("static", "heap", "value" or NULL) also takes that rewrite
 * of every dangling local that has one. */
bool fix_apply(const results *r, const char *dangling);
bool fix_diff(FILE *out, const results *r, const char *dangling);
bool fix_export(const results *r, const char *path, const char *dangling);

#endif
