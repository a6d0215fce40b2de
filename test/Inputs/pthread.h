/* Mock <pthread.h> for escan's tests. */
#ifndef ESCAN_MOCK_PTHREAD_H
#define ESCAN_MOCK_PTHREAD_H
typedef unsigned long pthread_t;
typedef struct { int __opaque; } pthread_attr_t;
typedef struct { int __opaque[10]; } pthread_mutex_t;
int pthread_create(pthread_t *t, const pthread_attr_t *attr,
                   void *(*fn)(void *), void *arg);
int pthread_join(pthread_t t, void **ret);
int pthread_mutex_lock(pthread_mutex_t *m);
int pthread_mutex_unlock(pthread_mutex_t *m);
#endif
