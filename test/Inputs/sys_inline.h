/* Mock system header with function bodies: escan analyses only functions
 * defined outside system headers, so nothing here is ever reported. */
#ifndef ESCAN_MOCK_SYS_INLINE_H
#define ESCAN_MOCK_SYS_INLINE_H
extern int *__sys_keep;
static inline void __sys_remember(void) {
  int local = 0;
  __sys_keep = &local;
}
void *sys_alloc(unsigned long n) __attribute__((malloc));
#endif
