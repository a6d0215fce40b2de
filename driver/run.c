/*
 * run.c — one child clang per translation unit, at most -j at a time.
 *
 * Each child is `clang <entry flags> -fsyntax-only -fplugin=...
 * -fplugin-arg-escan-output=TMP/n.json ...`, run in the entry's directory,
 * in its own process group (so a timeout kills whatever it spawned), with
 * stdout and stderr in TMP/n.log. A child that crashes, times out or exits
 * non-zero (a parse error) costs only its own translation unit: the run
 * records an error with the first error lines of its log and goes on.
 *
 * The loop polls waitpid() every few milliseconds rather than waiting on
 * SIGCHLD: that keeps timeouts and the progress line in one place and the
 * cost is negligible next to a clang run.
 *
 * ESCAN_CLANG and ESCAN_PLUGIN override the clang and the plugin; the tests
 * use that to run the driver against a stand-in clang.
 */
#define _GNU_SOURCE
#include "driver.h"

#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

const char *clang_path(void) {
  const char *env = getenv("ESCAN_CLANG");
  return env && *env ? env : ESCAN_CLANG_PATH;
}

static char *exe_dir(void) {
  char buf[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0)
    return NULL;
  buf[n] = '\0';
  return path_dirname(buf);
}

/* <bin>/../lib/escan-plugin.so serves both the build tree and an install
 * with libdir "lib"; <bin>/../lib/<multiarch>/ covers Debian's libdir. */
static char *find_plugin(void) {
  char *bin = exe_dir();
  if (!bin)
    return NULL;
  char *rel = xasprintf("%s/../lib/%s", bin, ESCAN_PLUGIN_NAME);
  char *found = NULL;
  if (is_regular_file(rel)) {
    found = path_absolute("/", rel);
  } else {
    char *pattern = xasprintf("%s/../lib/*/%s", bin, ESCAN_PLUGIN_NAME);
    glob_t g;
    if (glob(pattern, 0, NULL, &g) == 0 && g.gl_pathc > 0)
      found = path_absolute("/", g.gl_pathv[0]);
    globfree(&g);
    free(pattern);
  }
  free(rel);
  free(bin);
  return found;
}

const char *plugin_path(void) {
  static char *cached;
  const char *env = getenv("ESCAN_PLUGIN");
  if (env && *env)
    return env;
  if (!cached)
    cached = find_plugin();
  return cached;
}

/* ---- the child's command line ------------------------------------------ */

static void push_plugin_arg(strvec *argv, const char *name, const char *value) {
  char *a = xasprintf("-fplugin-arg-escan-%s=%s", name, value);
  strvec_push(argv, a);
  free(a);
}

static void push_list_arg(strvec *argv, const char *name, const strvec *list) {
  size_t len = 1;
  for (size_t i = 0; i < list->n; i++)
    len += strlen(list->v[i]) + 1;
  char *joined = xcalloc(len, 1);
  for (size_t i = 0; i < list->n; i++) {
    if (i)
      strcat(joined, ",");
    strcat(joined, list->v[i]);
  }
  push_plugin_arg(argv, name, joined);
  free(joined);
}

static void push_number_arg(strvec *argv, const char *name, long value) {
  char buf[32];
  snprintf(buf, sizeof buf, "%ld", value);
  push_plugin_arg(argv, name, buf);
}

static void push_settings(strvec *argv, const plugin_settings *s) {
  if (s->checks)
    push_plugin_arg(argv, "checks", s->checks);
  if (s->max_stack >= 0)
    push_number_arg(argv, "max-stack", s->max_stack);
  if (s->max_stack_fn >= 0)
    push_number_arg(argv, "max-stack-fn", s->max_stack_fn);
  if (s->allocators_set && s->allocators.n)
    push_list_arg(argv, "allocators", &s->allocators);
  if (s->deallocators_set && s->deallocators.n)
    push_list_arg(argv, "deallocators", &s->deallocators);
}

static bool is_listed(const strvec *list, const char *s) {
  for (size_t i = 0; i < list->n; i++)
    if (!strcmp(list->v[i], s))
      return true;
  return false;
}

static strvec child_argv(const tu *t, const strvec *dropped,
                         const run_plan *plan, run_pass pass, size_t index,
                         const char *json) {
  strvec argv = {0};
  strvec_push(&argv, plan->clang);
  for (size_t i = 0; i < t->args.n; i++)
    if (!is_listed(dropped, t->args.v[i]))
      strvec_push(&argv, t->args.v[i]);
  strvec_push(&argv, "-fsyntax-only");
  strvec_push(&argv, "-fno-crash-diagnostics");
  char *plugin = xasprintf("-fplugin=%s", plan->plugin);
  strvec_push(&argv, plugin);
  free(plugin);
  if (pass == PASS_EXPORT_SUMMARIES) {
    char *sum = xasprintf("%s/%zu.escsum", plan->summaries, index);
    char *abs = path_absolute(current_dir(), sum);
    push_plugin_arg(&argv, "export-summaries", abs);
    free(abs);
    free(sum);
  } else {
    push_plugin_arg(&argv, "output", json);
    if (plan->m_level > 0)
      push_number_arg(&argv, "m", plan->m_level);
    if (plan->summaries) {
      char *abs = path_absolute(current_dir(), plan->summaries);
      push_plugin_arg(&argv, "summaries", abs);
      free(abs);
    }
  }
  push_settings(&argv, &t->settings);
  return argv;
}

/* ---- one child ---------------------------------------------------------- */

typedef struct job {
  pid_t pid; /* 0: the slot is free */
  size_t index;
  struct timespec start;
  char *json, *log;
  bool timed_out;
  strvec dropped; /* options clang rejected: the retry runs without them */
} job;

static noreturn void exec_child(const tu *t, strvec *argv, const char *log) {
  setpgid(0, 0);
  int fd = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  int null = open("/dev/null", O_RDONLY);
  if (fd < 0 || null < 0 || dup2(fd, 1) < 0 || dup2(fd, 2) < 0 ||
      dup2(null, 0) < 0)
    _exit(127);
  if (chdir(t->directory) != 0) {
    dprintf(2, "escan: cannot enter directory %s: %s\n", t->directory,
            strerror(errno));
    _exit(127);
  }
  execv(argv->v[0], argv->v);
  dprintf(2, "escan: cannot run %s: %s\n", argv->v[0], strerror(errno));
  _exit(127);
}

static void start_job(job *j, const tu *t, size_t index, const run_plan *plan,
                      run_pass pass) {
  j->index = index;
  j->json = xasprintf("%s/%zu.json", plan->tmpdir, index);
  j->log = xasprintf("%s/%zu.log", plan->tmpdir, index);
  j->timed_out = false;
  strvec argv = child_argv(t, &j->dropped, plan, pass, index, j->json);
  fflush(NULL);
  pid_t pid = fork();
  if (pid < 0)
    fail(EXIT_USAGE, "cannot start %s: %s", plan->clang, strerror(errno));
  if (pid == 0)
    exec_child(t, &argv, j->log);
  setpgid(pid, pid); /* also here: the parent may kill before the child ran */
  j->pid = pid;
  clock_gettime(CLOCK_MONOTONIC, &j->start);
  strvec_free(&argv);
}

/* ---- GCC-only options ------------------------------------------------------
 * A database written for GCC may hold options clang rejects outright
 * ("clang: error: unknown argument: '-fconserve-stack'"). They cannot
 * matter to the analysis, so a unit that fails with such errors is run once
 * more without the options named. */

static void collect_unknown_arguments(const char *log, strvec *out) {
  char *text = read_whole_file(log, NULL);
  if (!text)
    return;
  for (char *save, *line = strtok_r(text, "\n", &save); line;
       line = strtok_r(NULL, "\n", &save)) {
    char *msg = strstr(line, "error: unknown argument");
    char *open = msg ? strchr(msg, '\'') : NULL;
    char *close = open ? strchr(open + 1, '\'') : NULL;
    if (close) {
      *close = '\0';
      strvec_push(out, open + 1);
    }
  }
  free(text);
}

static bool wants_retry(job *j, int status) {
  if (j->timed_out || !WIFEXITED(status) || WEXITSTATUS(status) != 1 ||
      j->dropped.n)
    return false;
  collect_unknown_arguments(j->log, &j->dropped);
  return j->dropped.n > 0;
}

static void discard_files(job *j) {
  unlink(j->json);
  unlink(j->log);
  free(j->json);
  free(j->log);
}

static bool is_summary_line(const char *line) {
  return strstr(line, "error:") && !strstr(line, "errors generated") &&
         !strstr(line, "error generated");
}

/* The first few error lines of a child's log, joined with "; ". */
static char *log_summary(const char *log) {
  char *text = read_whole_file(log, NULL);
  if (!text)
    return xstrdup("");
  char *out = xstrdup("");
  int kept = 0;
  for (char *save, *line = strtok_r(text, "\n", &save); line && kept < 3;
       line = strtok_r(NULL, "\n", &save)) {
    if (!is_summary_line(line))
      continue;
    char *joined = xasprintf("%s%s%s", out, kept ? "; " : "", line);
    free(out);
    out = joined;
    kept++;
  }
  free(text);
  return out;
}

static char *failure_message(const job *j, int status, long timeout) {
  char *summary = log_summary(j->log);
  const char *sep = *summary ? ": " : "";
  char *msg;
  if (j->timed_out)
    msg = xasprintf("timed out after %ld seconds", timeout);
  else if (WIFSIGNALED(status))
    msg = xasprintf("clang crashed (signal %d, %s)%s%s", WTERMSIG(status),
                    strsignal(WTERMSIG(status)), sep, summary);
  else if (WEXITSTATUS(status) >
           128) /* clang reports a crashed cc1 as 128+signal */
    msg = xasprintf("clang crashed (signal %d, %s)%s%s",
                    WEXITSTATUS(status) - 128,
                    strsignal(WEXITSTATUS(status) - 128), sep, summary);
  else
    msg = xasprintf("clang exited with status %d%s%s", WEXITSTATUS(status), sep,
                    summary);
  free(summary);
  return msg;
}

static void record_failure(results *out, const tu *t, char *msg) {
  results_add_error(out, t->display, msg);
  out->tus_failed++;
  free(msg);
}

/* Failures in the summary-export pass are not recorded: the same unit
 * fails again in the analysis pass, which reports it once. */
static void finish_job(job *j, int status, const tu *t, const run_plan *plan,
                       run_pass pass, results *out) {
  bool ok = !j->timed_out && WIFEXITED(status) && WEXITSTATUS(status) == 0;
  char *err = NULL;
  if (pass == PASS_ANALYSE && !ok)
    record_failure(out, t, failure_message(j, status, plan->timeout));
  else if (pass == PASS_ANALYSE &&
           !results_read_plugin_file(out, j->json, t, &err))
    record_failure(out, t, err);
  discard_files(j);
  strvec_free(&j->dropped);
  j->pid = 0;
}

/* ---- the scheduler ------------------------------------------------------- */

/* Children run in their own process groups, out of reach of the terminal's
 * ^C; when escan is interrupted it takes them down with it. */
static job *live_slots;
static long live_nslots;

static void kill_children_and_die(int sig) {
  for (long i = 0; i < live_nslots; i++)
    if (live_slots[i].pid > 0)
      kill(-live_slots[i].pid, SIGKILL);
  signal(sig, SIG_DFL);
  raise(sig);
}

static void guard_children(job *slots, long nslots) {
  live_slots = slots;
  live_nslots = nslots;
  int sigs[] = {SIGINT, SIGTERM, SIGHUP};
  for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
    signal(sigs[i], slots ? kill_children_and_die : SIG_DFL);
}

static double seconds_since(const struct timespec *t0) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return (double)(now.tv_sec - t0->tv_sec) + (now.tv_nsec - t0->tv_nsec) / 1e9;
}

static void kill_overdue(job *slots, long nslots, long timeout) {
  for (long i = 0; i < nslots; i++)
    if (slots[i].pid && !slots[i].timed_out && timeout > 0 &&
        seconds_since(&slots[i].start) > (double)timeout) {
      kill(-slots[i].pid, SIGKILL);
      slots[i].timed_out = true;
    }
}

static job *slot_of(job *slots, long nslots, pid_t pid) {
  for (long i = 0; i < nslots; i++)
    if (slots[i].pid == pid)
      return &slots[i];
  return NULL;
}

static job *free_slot(job *slots, long nslots) {
  return slot_of(slots, nslots, 0);
}

/* Fills the free slots with the next units; returns how many started. */
static size_t start_jobs(job *slots, long nslots, const tu_list *tus,
                         size_t *next, const run_plan *plan, run_pass pass) {
  size_t started = 0;
  job *j;
  while (*next < tus->n && (j = free_slot(slots, nslots))) {
    start_job(j, &tus->v[*next], *next, plan, pass);
    ++*next, started++;
  }
  return started;
}

void run_translation_units(const tu_list *tus, const run_plan *plan,
                           run_pass pass, results *out) {
  long nslots = plan->jobs < (long)tus->n ? plan->jobs : (long)tus->n;
  job *slots = xcalloc(nslots ? nslots : 1, sizeof *slots);
  size_t next = 0, done = 0, running = 0;
  guard_children(slots, nslots);
  progress_start(tus->n);
  while (done < tus->n) {
    running += start_jobs(slots, nslots, tus, &next, plan, pass);
    int status;
    pid_t pid = waitpid(-1, &status, WNOHANG);
    job *ended = pid > 0 ? slot_of(slots, nslots, pid) : NULL;
    if (ended && wants_retry(ended, status)) {
      discard_files(ended);
      start_job(ended, &tus->v[ended->index], ended->index, plan, pass);
    } else if (ended) {
      finish_job(ended, status, &tus->v[ended->index], plan, pass, out);
      done++, running--;
      progress_update(done, out->nfindings);
    } else {
      if (pid < 0 && errno != EINTR && running)
        fail(EXIT_USAGE, "waitpid: %s", strerror(errno));
      kill_overdue(slots, nslots, plan->timeout);
      progress_update(done, out->nfindings);
      nanosleep(&(struct timespec){0, 5 * 1000 * 1000}, NULL);
    }
  }
  progress_end();
  guard_children(NULL, 0);
  free(slots);
}
