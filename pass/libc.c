/*
 * libc.c — what the standard library does with pointers (escape-model
 * §5.2): allocators and deallocators, functions that copy contents or
 * return into an argument, functions that capture nothing, the few that
 * make an argument outlive the frame, and the setjmp family.
 *
 * A function missing here (and without a summary) is unknown: its pointer
 * arguments escape to UNKNOWN (call.c). Sorted by name for bsearch; the
 * adapter strips `__builtin_` (and `__builtin___*_chk`) before asking.
 *
 * Hidden state: a function that keeps an argument beyond the call makes it
 * escape to unknown — strtok (its static position), setbuf/setvbuf (the
 * stream's buffer), putenv (the environment), pthread_setspecific (the
 * thread's slot). qsort and bsearch pass pointers into the array (and
 * bsearch the key) to the program's comparator, which may keep them: those
 * arguments escape too (a deviation from escape-model §5.2, docs/design.md).
 * The tsearch family and atexit/signal are deliberately absent (unknown).
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define ALLOC(n, site)                                                         \
  { n, ESC_LIBC_ALLOC, 0, site }
#define K(n, kind, arg)                                                        \
  { n, kind, arg, 0 }
#define NOTHING(n)                                                             \
  { n, ESC_LIBC_NOTHING, 0, 0 }

static const esc_libc table[] = {
    K("__sigsetjmp", ESC_LIBC_SETJMP, 0),
    K("_setjmp", ESC_LIBC_SETJMP, 0),
    NOTHING("abort"),
    NOTHING("abs"),
    ALLOC("aligned_alloc", ESC_SITE_ALIGNED),
    NOTHING("atof"),
    NOTHING("atoi"),
    NOTHING("atol"),
    NOTHING("atoll"),
    K("bsearch", ESC_LIBC_CALLBACK, 1),
    NOTHING("bzero"),
    ALLOC("calloc", ESC_SITE_CALLOC),
    NOTHING("exit"),
    NOTHING("fclose"),
    NOTHING("feof"),
    NOTHING("ferror"),
    NOTHING("fflush"),
    NOTHING("fgetc"),
    K("fgets", ESC_LIBC_RET_ARG, 0),
    NOTHING("fprintf"),
    NOTHING("fputc"),
    NOTHING("fputs"),
    NOTHING("fread"),
    K("free", ESC_LIBC_FREE, 0),
    NOTHING("fscanf"),
    NOTHING("fwrite"),
    NOTHING("getchar"),
    K("index", ESC_LIBC_RET_ARG, 0),
    NOTHING("isalnum"),
    NOTHING("isalpha"),
    NOTHING("isdigit"),
    NOTHING("isspace"),
    NOTHING("labs"),
    NOTHING("longjmp"),
    ALLOC("malloc", ESC_SITE_MALLOC),
    ALLOC("memalign", ESC_SITE_OTHER),
    K("memchr", ESC_LIBC_RET_ARG, 0),
    NOTHING("memcmp"),
    K("memcpy", ESC_LIBC_COPY, 0),
    K("memmove", ESC_LIBC_COPY, 0),
    K("memrchr", ESC_LIBC_RET_ARG, 0),
    K("memset", ESC_LIBC_RET_ARG, 0),
    K("posix_memalign", ESC_LIBC_MEMALIGN, 0),
    NOTHING("pread"),
    NOTHING("printf"),
    K("pthread_create", ESC_LIBC_ESCAPE, 3),
    K("pthread_setspecific", ESC_LIBC_ESCAPE, 1),
    NOTHING("putchar"),
    K("putenv", ESC_LIBC_ESCAPE, 0),
    NOTHING("puts"),
    ALLOC("pvalloc", ESC_SITE_OTHER),
    K("qsort", ESC_LIBC_CALLBACK, -1),
    K("rawmemchr", ESC_LIBC_RET_ARG, 0),
    NOTHING("read"),
    K("realloc", ESC_LIBC_REALLOC, 0),
    K("reallocarray", ESC_LIBC_REALLOC, 0),
    K("rindex", ESC_LIBC_RET_ARG, 0),
    NOTHING("scanf"),
    K("setbuf", ESC_LIBC_ESCAPE, 1),
    K("setjmp", ESC_LIBC_SETJMP, 0),
    K("setvbuf", ESC_LIBC_ESCAPE, 1),
    NOTHING("siglongjmp"),
    K("sigsetjmp", ESC_LIBC_SETJMP, 0),
    NOTHING("snprintf"),
    NOTHING("sprintf"),
    NOTHING("sscanf"),
    K("stpcpy", ESC_LIBC_COPY, 0),
    NOTHING("strcasecmp"),
    K("strcasestr", ESC_LIBC_RET_ARG, 0),
    K("strcat", ESC_LIBC_COPY, 0),
    K("strchr", ESC_LIBC_RET_ARG, 0),
    K("strchrnul", ESC_LIBC_RET_ARG, 0),
    NOTHING("strcmp"),
    K("strcpy", ESC_LIBC_COPY, 0),
    NOTHING("strcspn"),
    ALLOC("strdup", ESC_SITE_OTHER),
    NOTHING("strlen"),
    NOTHING("strncasecmp"),
    K("strncat", ESC_LIBC_COPY, 0),
    NOTHING("strncmp"),
    K("strncpy", ESC_LIBC_COPY, 0),
    ALLOC("strndup", ESC_SITE_OTHER),
    NOTHING("strnlen"),
    K("strpbrk", ESC_LIBC_RET_ARG, 0),
    K("strrchr", ESC_LIBC_RET_ARG, 0),
    NOTHING("strspn"),
    K("strstr", ESC_LIBC_RET_ARG, 0),
    K("strtod", ESC_LIBC_ENDPTR, 0),
    K("strtof", ESC_LIBC_ENDPTR, 0),
    K("strtok", ESC_LIBC_KEEP_ARG, 0),
    K("strtok_r", ESC_LIBC_STRTOK_R, 0),
    K("strtol", ESC_LIBC_ENDPTR, 0),
    K("strtold", ESC_LIBC_ENDPTR, 0),
    K("strtoll", ESC_LIBC_ENDPTR, 0),
    K("strtoul", ESC_LIBC_ENDPTR, 0),
    K("strtoull", ESC_LIBC_ENDPTR, 0),
    NOTHING("tolower"),
    NOTHING("toupper"),
    ALLOC("valloc", ESC_SITE_OTHER),
    NOTHING("vfprintf"),
    NOTHING("vprintf"),
    NOTHING("vsnprintf"),
    NOTHING("vsprintf"),
    NOTHING("write"),
};

static int by_name(const void *key, const void *elem) {
  return strcmp(key, ((const esc_libc *)elem)->name);
}

const esc_libc *esc_libc_table(unsigned *n) {
  *n = sizeof table / sizeof table[0];
  return table;
}

const esc_libc *esc_libc_find(const char *name) {
  if (!name)
    return NULL;
  return bsearch(name, table, sizeof table / sizeof table[0], sizeof table[0],
                 by_name);
}
