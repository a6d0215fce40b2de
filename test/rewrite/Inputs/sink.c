/* Linked into neg_unknown_function.c's program but never shown to escan:
 * for escan these are unknown functions. sink_keep really keeps the
 * pointer; sink_report reads the kept blocks later, after the function
 * that allocated them has returned; sink_free_all frees them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *kept[8];
static int nkept, nowned;

void sink_keep(char *p) {
  if (nkept < 8)
    kept[nkept++] = p;
}

void sink_adopt(char *p) {
  sink_keep(p);
  nowned = nkept;
}

unsigned sink_report(void) {
  unsigned h = 0;
  for (int i = 0; i < nkept; i++) {
    printf("kept: %s\n", kept[i]);
    h = h * 31u + (unsigned)strlen(kept[i]);
  }
  return h;
}

/* Frees what sink_adopt took over and forgets the rest. */
void sink_free_all(void) {
  for (int i = 0; i < nowned; i++)
    free(kept[i]);
  nkept = nowned = 0;
}
