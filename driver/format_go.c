/*
 * format_go.c — the `-m` report, line for line what `go build -gcflags=-m`
 * prints, so Go habits (and Go editor integrations) carry over:
 *
 *   a.c:3:6: leaking param: p to result ~r0 level=0
 *   a.c:7:2: moved to heap: x
 *   a.c:7:2:   flow: ~r0 ← &x (return) at a.c:9:9      (-m=2 only)
 *
 * Findings, decisions (info records) and parameter lines are merged in
 * position order; at -m=2 each finding is followed by its flow, root
 * first, each step indented under the finding's position as Go does.
 * Suppressed findings are left out, and so are those a --baseline accepts.
 */
#define _GNU_SOURCE
#include "driver.h"

static void show_finding(FILE *out, const finding *f, int m_level) {
  fprintf(out, "%s:%ld:%ld: %s\n", f->file, f->line, f->column, f->message);
  if (m_level < 2)
    return;
  for (size_t i = 0; i < f->nflow; i++)
    fprintf(out, "%s:%ld:%ld:   flow: %s at %s:%ld:%ld\n", f->file, f->line,
            f->column, f->flow[i].message, f->flow[i].file, f->flow[i].line,
            f->flow[i].column);
}

void format_go(FILE *out, const results *r, int m_level) {
  size_t i = 0, j = 0;
  while (i < r->nfindings || j < r->nparams) {
    const finding *f = i < r->nfindings ? &r->findings[i] : NULL;
    const param_line *p = j < r->nparams ? &r->params[j] : NULL;
    if (p && (!f || param_comes_first(p, f))) {
      fprintf(out, "%s:%ld:%ld: %s\n", p->file, p->line, p->column, p->message);
      j++;
    } else {
      if (finding_is_listed(f))
        show_finding(out, f, m_level);
      i++;
    }
  }
}
