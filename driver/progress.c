/*
 * progress.c — the one-line progress report on stderr:
 *
 *   escan: [12/40] 3 findings, 4.2s
 *
 * Shown only when stderr is a terminal, so logs and pipes stay clean, and
 * only after the run has taken half a second, so quick runs print nothing.
 * The line is redrawn in place with \r at most ten times a second (the
 * clock keeps moving while a long translation unit runs) and erased at the
 * end.
 */
#define _GNU_SOURCE
#include "driver.h"

#include <time.h>
#include <unistd.h>

static struct {
  bool enabled, drawn;
  size_t total;
  double last; /* when the line was last drawn */
  struct timespec start;
} progress;

static double elapsed(void) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return (double)(now.tv_sec - progress.start.tv_sec) +
         (now.tv_nsec - progress.start.tv_nsec) / 1e9;
}

void progress_start(size_t total) {
  progress.enabled = isatty(STDERR_FILENO);
  progress.drawn = false;
  progress.total = total;
  progress.last = 0;
  clock_gettime(CLOCK_MONOTONIC, &progress.start);
}

void progress_update(size_t done, size_t findings) {
  double t = elapsed();
  if (!progress.enabled || t < 0.5 || t - progress.last < 0.1)
    return;
  progress.last = t;
  fprintf(stderr, "\rescan: [%zu/%zu] %zu finding%s, %.1fs\033[K", done,
          progress.total, findings, findings == 1 ? "" : "s", t);
  fflush(stderr);
  progress.drawn = true;
}

void progress_end(void) {
  if (progress.drawn)
    fputs("\r\033[K", stderr);
  progress.drawn = false;
}
