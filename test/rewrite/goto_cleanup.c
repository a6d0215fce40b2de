// Kernel-style cleanup: every failure path jumps forward to `out:`, where
// the block is freed (p may also be NULL there).
// RUN: %difftest --expect-promoted=1 %s
#include <stdio.h>
#include <stdlib.h>

static int parse_digits(const char *s, int *sum) {
  int rc = -1;
  char *digits = NULL;
  if (s[0] == '\0')
    goto out;
  digits = malloc(24);
  if (!digits)
    goto out;
  int n = 0;
  for (const char *c = s; *c && n < 23; c++) {
    if (*c < '0' || *c > '9')
      goto out;
    digits[n++] = *c;
  }
  digits[n] = '\0';
  *sum = 0;
  for (int i = 0; i < n; i++)
    *sum += digits[i] - '0';
  rc = 0;
out:
  free(digits);
  return rc;
}

int main(void) {
  const char *inputs[] = {"12345", "", "12a45", "999999", "0"};
  for (int i = 0; i < 5; i++) {
    int sum = -1;
    int rc = parse_digits(inputs[i], &sum);
    printf("'%s' rc=%d sum=%d\n", inputs[i], rc, rc == 0 ? sum : -1);
  }
  return 0;
}
