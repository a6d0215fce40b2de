/* Mock <stdatomic.h> for escan's tests (the C11 generic functions map to
 * clang's __c11_atomic builtins, as the real header does). */
#ifndef ESCAN_MOCK_STDATOMIC_H
#define ESCAN_MOCK_STDATOMIC_H
#define memory_order_seq_cst __ATOMIC_SEQ_CST
#define atomic_init(obj, value) __c11_atomic_init(obj, value)
#define atomic_store(obj, desired) __c11_atomic_store(obj, desired, __ATOMIC_SEQ_CST)
#define atomic_load(obj) __c11_atomic_load(obj, __ATOMIC_SEQ_CST)
#define atomic_exchange(obj, desired) __c11_atomic_exchange(obj, desired, __ATOMIC_SEQ_CST)
#define atomic_compare_exchange_strong(obj, expected, desired) \
  __c11_atomic_compare_exchange_strong(obj, expected, desired, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)
#endif
