/* A tiny key=value parser with two classic C mistakes in it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"

static const char *last_error;

/* Bug: the message lives in this frame, but its address is kept in a global. */
static void set_error(const char *what, int line) {
  char msg[64];
  snprintf(msg, sizeof msg, "%s at line %d", what, line);
  last_error = msg;
}

int config_parse(struct config *cfg, const char *text) {
  char line[128];
  int lineno = 0;
  cfg->count = 0;
  while (*text) {
    size_t n = strcspn(text, "\n");
    if (n >= sizeof line) {
      set_error("line too long", lineno);
      return -1;
    }
    memcpy(line, text, n);
    line[n] = '\0';
    text += n + (text[n] == '\n');
    lineno++;
    char *eq = strchr(line, '=');
    if (!eq || cfg->count == 16)
      continue;
    *eq = '\0';
    cfg->items[cfg->count].key = strdup(line);
    cfg->items[cfg->count].value = strdup(eq + 1);
    cfg->count++;
  }
  /* Bug: `line` dies when we return, but the caller's config keeps it. */
  cfg->source = line;
  return 0;
}

const char *config_get(const struct config *cfg, const char *key) {
  for (size_t i = 0; i < cfg->count; i++)
    if (strcmp(cfg->items[i].key, key) == 0)
      return cfg->items[i].value;
  return NULL;
}

char *config_dump(const struct config *cfg) {
  char *out = malloc(1024);
  size_t used = 0;
  if (!out)
    return NULL;
  for (size_t i = 0; i < cfg->count; i++)
    used += (size_t)snprintf(out + used, 1024 - used, "%s=%s\n",
                             cfg->items[i].key, cfg->items[i].value);
  return out;
}
