/* The input stage: raw bytes in, validated UTF-8 text out. Decoders for
 * other encodings slot in here, before the line splitter sees anything. */
#include "gongwen.h"
#include "utf8.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

struct gw_text {
    char *data;
    size_t len;
    const char *encoding;
};

gw_status gw_fail(gw_error *err, gw_status status, unsigned long line, unsigned long column,
                  const char *fmt, ...)
{
    if (err) {
        err->status = status;
        err->line = line;
        err->column = column;
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->message, sizeof err->message, fmt, ap);
        va_end(ap);
    }
    return status;
}

gw_status gw_read_stream(FILE *fp, char **data, size_t *len, gw_error *err)
{
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap);
    if (!buf)
        return gw_fail(err, GW_ERR_NOMEM, 0, 0, "out of memory");
    for (;;) {
        if (n == cap) {
            char *bigger = cap > SIZE_MAX / 2 ? NULL : realloc(buf, cap * 2);
            if (!bigger) {
                free(buf);
                return gw_fail(err, GW_ERR_NOMEM, 0, 0, "out of memory");
            }
            buf = bigger;
            cap *= 2;
        }
        size_t got = fread(buf + n, 1, cap - n, fp);
        n += got;
        if (got == 0) {
            if (ferror(fp)) {
                int e = errno;
                free(buf);
                return gw_fail(err, GW_ERR_IO, 0, 0, "read error: %s",
                               e ? strerror(e) : "unknown error");
            }
            break;
        }
    }
    *data = buf;
    *len = n;
    return GW_OK;
}

/* Line and column of byte offset off (which must be inside s), by the
 * line-end rule of lines.c (LF, CRLF, lone CR), counting code points. */
static void position_of(const char *s, size_t off, unsigned long *line, unsigned long *col)
{
    unsigned long ln = 1, c = 1;
    for (size_t i = 0; i < off; i++) {
        unsigned char b = (unsigned char)s[i];
        /* CR before LF: the LF ends the line. s[i + 1] exists as i < off. */
        int ends = b == '\n' || (b == '\r' && s[i + 1] != '\n');
        if (ends) {
            ln++;
            c = 1;
        } else if ((b & 0xC0) != 0x80 && b != '\r') {
            c++;
        }
    }
    *line = ln;
    *col = c;
}

gw_text *gw_decode(const char *bytes, size_t len, gw_error *err)
{
    size_t skip = 0;
    if (len >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0)
        skip = 3;
    size_t bad = gw_utf8_validate(bytes + skip, len - skip);
    if (bad < len - skip) {
        unsigned long line, col;
        position_of(bytes + skip, bad, &line, &col);
        gw_fail(err, GW_ERR_INPUT, line, col, "invalid UTF-8 byte 0x%02X",
                (unsigned char)bytes[skip + bad]);
        return NULL;
    }
    gw_text *t = calloc(1, sizeof *t);
    char *copy = malloc(len - skip + 1);
    if (!t || !copy) {
        free(t);
        free(copy);
        gw_fail(err, GW_ERR_NOMEM, 0, 0, "out of memory");
        return NULL;
    }
    memcpy(copy, bytes + skip, len - skip);
    copy[len - skip] = '\0';
    t->data = copy;
    t->len = len - skip;
    t->encoding = "UTF-8";
    return t;
}

const char *gw_text_data(const gw_text *t)
{
    return t->data;
}

size_t gw_text_length(const gw_text *t)
{
    return t->len;
}

const char *gw_text_encoding(const gw_text *t)
{
    return t->encoding;
}

void gw_text_free(gw_text *t)
{
    if (!t)
        return;
    free(t->data);
    free(t);
}
