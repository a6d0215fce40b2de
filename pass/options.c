/*
 * options.c — the engine's options: documented defaults and the parser for
 * the `checks=` list shared by the plugin, the driver and .escan.yaml.
 *
 * Defaults (docs/rewrite.md explains them): one promoted allocation may
 * take at most 1 KiB of stack and all promotions of one function 4 KiB.
 * Go allows 64 KiB per implicit allocation, but C programs run threads with
 * small stacks and recurse without a growable stack, so escan stays well
 * below it; LLVM's heap-to-stack pass uses 128 bytes.
 */
#include <string.h>

#include "escan/escan.h"

void esc_options_default(esc_options *o) {
  memset(o, 0, sizeof *o);
  o->m_level = 0;
  o->checks = ESC_CHECK_ALL;
  o->max_stack = 1024;
  o->max_stack_fn = 4096;
  o->promote_recursive = false;
}

static const struct {
  const char *name;
  unsigned bit;
} check_names[] = {
    {"dangling", ESC_CHECK_DANGLING},
    {"free-nonheap", ESC_CHECK_FREE_NONHEAP},
    {"leak", ESC_CHECK_LEAK},
    {"heap-to-stack", ESC_CHECK_HEAP_TO_STACK},
    {"all", ESC_CHECK_ALL},
};

/* Looks up one item of a checks list; returns 0 when unknown. */
static unsigned check_bit(const char *item, size_t len) {
  for (size_t i = 0; i < sizeof check_names / sizeof check_names[0]; i++)
    if (strlen(check_names[i].name) == len &&
        memcmp(check_names[i].name, item, len) == 0)
      return check_names[i].bit;
  return 0;
}

bool esc_parse_checks(const char *list, unsigned *checks, char *err,
                      size_t errlen) {
  const char *s = list;
  if (*s != '-')
    *checks = 0; /* "dangling,leak" names the whole set; "-leak" edits it */
  while (*s) {
    size_t len = strcspn(s, ",");
    bool off = len > 0 && s[0] == '-';
    const char *item = off ? s + 1 : s;
    size_t ilen = off ? len - 1 : len;
    unsigned bit = check_bit(item, ilen);
    if (!bit) {
      snprintf(err, errlen, "unknown check '%.*s' (known: dangling, "
               "free-nonheap, leak, heap-to-stack, all)", (int)len, s);
      return false;
    }
    *checks = off ? (*checks & ~bit) : (*checks | bit);
    s += len;
    if (*s == ',')
      s++;
  }
  return true;
}
