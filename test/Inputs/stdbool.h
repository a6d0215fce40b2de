/* Mock <stdbool.h> for escan's tests. */
#ifndef ESCAN_MOCK_STDBOOL_H
#define ESCAN_MOCK_STDBOOL_H
#define bool _Bool
#define true 1
#define false 0
#endif
