#include "lines.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

size_t gw_line_break(const char *t, size_t len, size_t i)
{
    /* a word holds a byte b when x ^ (b * ones) has a zero byte, which
     * (v - ones) & ~v & highs tells without a false "none" */
    const uint64_t ones = 0x0101010101010101u, highs = ones << 7;
    for (; i + 8 <= len; i += 8) {
        uint64_t x, lf, cr;
        memcpy(&x, t + i, 8);
        lf = x ^ (ones * '\n');
        cr = x ^ (ones * '\r');
        if (((lf - ones) & ~lf & highs) | ((cr - ones) & ~cr & highs))
            break;
    }
    while (i < len && t[i] != '\n' && t[i] != '\r')
        i++;
    return i;
}

/* The offset just past the line end at t[i] (CRLF is one). */
static size_t past_end(const char *t, size_t len, size_t i)
{
    return i + (t[i] == '\r' && i + 1 < len && t[i + 1] == '\n' ? 2 : 1);
}

static size_t count_lines(const char *t, size_t len)
{
    size_t n = 0, start = 0;
    for (size_t i = gw_line_break(t, len, 0); i < len; i = gw_line_break(t, len, start)) {
        start = past_end(t, len, i);
        n++;
    }
    return n + (start < len);
}

gw_status gw_lines_split(const char *t, size_t len, gw_lines *out)
{
    size_t n = count_lines(t, len);
    out->n = 0;
    out->hints = NULL;
    out->v = malloc((n ? n : 1) * sizeof *out->v);
    if (!out->v)
        return GW_ERR_NOMEM;
    size_t start = 0;
    for (size_t i = gw_line_break(t, len, 0); i < len; i = gw_line_break(t, len, start)) {
        out->v[out->n].s = t + start;
        out->v[out->n].len = i - start;
        out->n++;
        start = past_end(t, len, i);
    }
    if (start < len) {
        out->v[out->n].s = t + start;
        out->v[out->n].len = len - start;
        out->n++;
    }
    return GW_OK;
}

void gw_lines_free(gw_lines *lines)
{
    free(lines->v);
    lines->v = NULL;
    lines->n = 0;
}
