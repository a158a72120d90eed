#include "lines.h"

#include <stdlib.h>

static size_t count_lines(const char *t, size_t len)
{
    size_t n = 0, start = 0;
    for (size_t i = 0; i < len; i++) {
        if (t[i] == '\n' || t[i] == '\r') {
            if (t[i] == '\r' && i + 1 < len && t[i + 1] == '\n')
                i++;
            n++;
            start = i + 1;
        }
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
    for (size_t i = 0; i < len; i++) {
        if (t[i] != '\n' && t[i] != '\r')
            continue;
        out->v[out->n].s = t + start;
        out->v[out->n].len = i - start;
        out->n++;
        if (t[i] == '\r' && i + 1 < len && t[i + 1] == '\n')
            i++;
        start = i + 1;
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
