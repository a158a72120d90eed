/* Physical lines. A line ends at LF, at CRLF, or at a lone CR, so "\r\r\n"
 * is two line ends. Line i (0-based) is source line i + 1. */
#ifndef GW_LINES_H
#define GW_LINES_H

#include "gongwen.h"

#include <stddef.h>

typedef struct {
    const char *s; /* borrowed from the text; no line end */
    size_t len;
} gw_line;

struct gw_hint_s;

typedef struct {
    gw_line *v;
    size_t n;
    /* borrowed: one hint per line from a structured source (hints.h), or
     * NULL for plain text */
    const struct gw_hint_s *hints;
} gw_lines;

/* Splits text; GW_ERR_NOMEM when out of memory. A final line end does not
 * open another (empty) line. */
gw_status gw_lines_split(const char *text, size_t len, gw_lines *out);
void gw_lines_free(gw_lines *lines);

/* The offset of the first LF or CR in text[from..len), or len: eight bytes
 * at a time, since most of a report's bytes are inside lines. */
size_t gw_line_break(const char *text, size_t len, size_t from);

#endif
