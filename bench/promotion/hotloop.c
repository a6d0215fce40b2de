/*
 * hotloop.c — a benchmark for escan's heap-to-stack promotion.
 *
 * Two kernels that allocate short-lived, fixed-size scratch buffers in a hot
 * loop, the way a lot of C code does:
 *   - a tokenizer that copies each token into a malloc'd buffer to
 *     normalise (lower-case) and hash it, and keeps per-line counts in a
 *     calloc'd table;
 *   - 4x4 matrix products that use malloc'd temporaries for every step.
 * Every one of those blocks is small, constant-sized, freed in the same
 * function and never escapes, so `escan --fix` can turn them all into stack
 * storage. Usage: hotloop [ROUNDS]; prints a checksum that must not change.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { TOKEN_MAX = 64, BUCKETS = 32, DIM = 4 };

static unsigned fnv1a(const char *s, unsigned h) {
  for (; *s; s++)
    h = (h ^ (unsigned char)*s) * 16777619u;
  return h;
}

/* Hashes every token of one line; returns a digest of the line. */
static unsigned scan_line(const char *line) {
  unsigned *counts = calloc(BUCKETS, sizeof *counts);
  if (!counts)
    return 0;
  unsigned digest = 2166136261u;
  const char *p = line;
  while (*p) {
    while (*p == ' ' || *p == ',' || *p == '.')
      p++;
    if (!*p)
      break;
    const char *start = p;
    while (*p && *p != ' ' && *p != ',' && *p != '.')
      p++;
    size_t n = (size_t)(p - start);
    if (n >= TOKEN_MAX)
      n = TOKEN_MAX - 1;
    char *tok = malloc(TOKEN_MAX);
    if (!tok)
      break;
    for (size_t i = 0; i < n; i++) {
      char c = start[i];
      tok[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    tok[n] = '\0';
    unsigned h = fnv1a(tok, 2166136261u);
    counts[h % BUCKETS]++;
    digest = (digest ^ h) * 16777619u;
    free(tok);
  }
  for (int i = 0; i < BUCKETS; i++)
    digest = digest * 31u + counts[i];
  free(counts);
  return digest;
}

static void matmul(const double *a, const double *b, double *c) {
  for (int i = 0; i < DIM; i++)
    for (int j = 0; j < DIM; j++) {
      double s = 0;
      for (int k = 0; k < DIM; k++)
        s += a[i * DIM + k] * b[k * DIM + j];
      c[i * DIM + j] = s;
    }
}

/* Computes trace(A * B * A) for a 4x4 A built from `seed`. */
static double matrix_step(unsigned seed) {
  double *a = malloc(DIM * DIM * sizeof *a);
  double *b = malloc(DIM * DIM * sizeof *b);
  double *ab = malloc(DIM * DIM * sizeof *ab);
  double *aba = malloc(DIM * DIM * sizeof *aba);
  if (!a || !b || !ab || !aba) {
    free(a);
    free(b);
    free(ab);
    free(aba);
    return 0;
  }
  for (int i = 0; i < DIM * DIM; i++) {
    a[i] = (double)((seed + (unsigned)i * 7u) % 13u) / 8.0 - 0.75;
    b[i] = (i % (DIM + 1)) == 0 ? 1.0 : 0.125;
  }
  matmul(a, b, ab);
  matmul(ab, a, aba);
  double t = 0;
  for (int i = 0; i < DIM; i++)
    t += aba[i * DIM + i];
  free(aba);
  free(ab);
  free(b);
  free(a);
  return t;
}

static const char *const corpus[] = {
    "The quick brown fox jumps over the lazy dog, again and again.",
    "Escape analysis decides where every allocation can live.",
    "A malloc that never escapes its function can become stack storage.",
    "Rewrites must be sound. They may miss, but they never miscompile.",
    "Go prints moved to heap, C programmers read does not escape.",
    "Short lived scratch buffers in hot loops are the common case.",
};

int main(int argc, char **argv) {
  long rounds = argc > 1 ? strtol(argv[1], NULL, 10) : 200000;
  unsigned digest = 0;
  double trace = 0;
  for (long r = 0; r < rounds; r++) {
    const char *line = corpus[r % (long)(sizeof corpus / sizeof corpus[0])];
    digest = digest * 33u + scan_line(line);
    trace += matrix_step((unsigned)r);
  }
  printf("rounds %ld digest %08x trace %.6f\n", rounds, digest, trace);
  return 0;
}
