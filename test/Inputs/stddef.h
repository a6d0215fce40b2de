/* Mock <stddef.h> for escan's tests: tests never include the host's headers. */
#ifndef ESCAN_MOCK_STDDEF_H
#define ESCAN_MOCK_STDDEF_H
typedef __SIZE_TYPE__ size_t;
typedef __PTRDIFF_TYPE__ ptrdiff_t;
typedef __WCHAR_TYPE__ wchar_t;
typedef struct { long long __ll; long double __ld; } max_align_t;
#define NULL ((void *)0)
#define offsetof(t, m) __builtin_offsetof(t, m)
#endif
