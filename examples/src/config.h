#ifndef EXAMPLES_CONFIG_H
#define EXAMPLES_CONFIG_H
#include <stddef.h>

struct setting {
  const char *key;
  const char *value;
};

struct config {
  struct setting items[16];
  size_t count;
  const char *source;
};

int config_parse(struct config *cfg, const char *text);
const char *config_get(const struct config *cfg, const char *key);
char *config_dump(const struct config *cfg);

#endif
