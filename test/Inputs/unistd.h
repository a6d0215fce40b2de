/* Mock <unistd.h> for escan's tests. */
#ifndef ESCAN_MOCK_UNISTD_H
#define ESCAN_MOCK_UNISTD_H
#include <stddef.h>
typedef long ssize_t;
ssize_t read(int fd, void *buf, size_t n);
ssize_t write(int fd, const void *buf, size_t n);
int close(int fd);
#endif
