/* `gongwen check --fix` and `--diff`: the sure fixes of fix.h applied to a
 * file in place, or shown as a unified diff. */
#ifndef GW_CLI_FIX_H
#define GW_CLI_FIX_H

#include "checker.h"

#include <stddef.h>
#include <stdio.h>

typedef enum { GW_FIX_OFF, GW_FIX_WRITE, GW_FIX_DIFF } gw_fix_mode;

/* Fixes the file path (shown as name), whose bytes are bytes[0..len):
 * GW_FIX_WRITE replaces it (a temporary file renamed over it, so a reader
 * sees the old or the new file, never half of one), GW_FIX_DIFF writes the
 * diff to diff. The file keeps its encoding, BOM and line ends.
 * Returns 0 with *out (malloc'ed, *out_len bytes) the fixed bytes, or NULL
 * when nothing changed; 1 when the file is left alone because it cannot be
 * rewritten for sure (a message on standard error says why; check the
 * original); -1 on an error that was reported (not a text file, out of
 * memory, a write failure). */
int gw_fix_file(const char *path, const char *name, const char *bytes, size_t len,
                const gw_check_options *opt, gw_fix_mode mode, FILE *diff, char **out,
                size_t *out_len);

#endif
