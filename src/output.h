/* Writing results: standard output, or a file replaced atomically so that a
 * failure never leaves a half-written file or clobbers the old one. */
#ifndef GW_OUTPUT_H
#define GW_OUTPUT_H

#include "gongwen.h"

/* path NULL or "-" means standard output. */
gw_status gw_write_output(const char *path, const char *data, size_t len, gw_error *err);

#endif
