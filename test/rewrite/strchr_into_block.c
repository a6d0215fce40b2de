// strchr and strrchr return pointers into the block; they stay local.
// RUN: %difftest --expect-promoted=1 %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void split_kv(const char *line) {
  char *copy = malloc(64);
  if (!copy)
    return;
  strncpy(copy, line, 63);
  copy[63] = '\0';
  char *eq = strchr(copy, '=');
  if (!eq) {
    printf("no value in '%s'\n", copy);
    free(copy);
    return;
  }
  *eq = '\0';
  char *dot = strrchr(copy, '.');
  printf("key '%s' (last part '%s') value '%s'\n", copy, dot ? dot + 1 : copy,
         eq + 1);
  free(copy);
}

int main(void) {
  split_kv("server.port=8080");
  split_kv("name=escan");
  split_kv("novalue");
  split_kv("a.b.c.d=deep");
  return 0;
}
