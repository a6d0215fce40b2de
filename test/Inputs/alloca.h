/* Mock <alloca.h> for escan's tests. */
#ifndef ESCAN_MOCK_ALLOCA_H
#define ESCAN_MOCK_ALLOCA_H
#include <stddef.h>
void *alloca(size_t n);
#define alloca(n) __builtin_alloca(n)
#endif
