// Sizes built from enum constants and sizeof expressions fold to constants.
// RUN: %difftest --expect-promoted=2 %s
#include <stdio.h>
#include <stdlib.h>

enum { ROWS = 4, COLS = 5 };

struct cell {
  short r, c;
  int v;
};

int main(void) {
  int *grid = malloc(ROWS * COLS * sizeof(int));
  struct cell *cells = malloc(sizeof(struct cell) * (ROWS + COLS) + 8);
  if (!grid || !cells) {
    free(grid);
    free(cells);
    return 1;
  }
  for (int r = 0; r < ROWS; r++)
    for (int c = 0; c < COLS; c++)
      grid[r * COLS + c] = r * c + r - c;
  int n = 0;
  for (int r = 0; r < ROWS; r++) {
    int best = 0;
    for (int c = 1; c < COLS; c++)
      if (grid[r * COLS + c] > grid[r * COLS + best])
        best = c;
    cells[n].r = (short)r;
    cells[n].c = (short)best;
    cells[n].v = grid[r * COLS + best];
    n++;
  }
  for (int i = 0; i < n; i++)
    printf("row %d max at %d = %d\n", cells[i].r, cells[i].c, cells[i].v);
  free(cells);
  free(grid);
  return 0;
}
