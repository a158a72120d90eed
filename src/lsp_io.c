/* LSP base protocol framing: "Content-Length: N" headers, a blank line,
 * then N bytes of JSON. Input is read with read(2) into our own buffer so
 * that gw_lsp_pending can tell whether more is waiting (the server then
 * defers its diagnostics: a burst of edits is analysed once). */
#include "lsp.h"

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

/* A header line longer than this is garbage, not a header. */
#define MAX_HEADER 8192

/* Reads more input into the buffer; returns the bytes read, 0 at the end
 * of input or on an error, -1 when out of memory. */
static long fill(gw_lsp_reader *r, size_t want)
{
    if (r->start > 0 && r->start == r->len)
        r->start = r->len = 0;
    if (r->len + want + 1 > r->cap) {
        if (r->start > 0) {
            memmove(r->buf, r->buf + r->start, r->len - r->start);
            r->len -= r->start;
            r->start = 0;
        }
        if (r->len + want + 1 > r->cap) {
            size_t cap = r->len + want + 1 < 65536 ? 65536 : r->len + want + 1;
            char *b = realloc(r->buf, cap);
            if (!b)
                return -1;
            r->buf = b;
            r->cap = cap;
        }
    }
    for (;;) {
        ssize_t n = read(r->fd, r->buf + r->len, r->cap - r->len - 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return 0;
        r->len += (size_t)n;
        return (long)n;
    }
}

/* Drops the content of an oversized message as it arrives. */
static int drop(gw_lsp_reader *r)
{
    while (r->skip > 0) {
        if (r->start == r->len && fill(r, 4096) <= 0)
            return GW_LSP_EOF;
        size_t n = r->len - r->start < r->skip ? r->len - r->start : r->skip;
        r->start += n;
        r->skip -= n;
    }
    return GW_LSP_MESSAGE;
}

/* The value of a Content-Length header; -1 if it is not a number. */
static long long content_length(const char *v, size_t n)
{
    size_t i = 0;
    while (i < n && (v[i] == ' ' || v[i] == '\t'))
        i++;
    long long x = 0;
    size_t digits = 0;
    for (; i < n && v[i] >= '0' && v[i] <= '9'; i++, digits++) {
        if (x > (long long)GW_LSP_MAX_MESSAGE * 16)
            return (long long)GW_LSP_MAX_MESSAGE * 16; /* too large either way */
        x = x * 10 + (v[i] - '0');
    }
    while (i < n && (v[i] == ' ' || v[i] == '\t'))
        i++;
    return digits && i == n ? x : -1;
}

/* Reads the header block: 1 with *length set (-1: none or bad), 0 at the
 * end of input, -2 when out of memory. */
static int headers(gw_lsp_reader *r, long long *length)
{
    int seen = 0;
    *length = -1;
    for (;;) {
        char *nl = r->len > r->start ? memchr(r->buf + r->start, '\n', r->len - r->start) : NULL;
        if (!nl) {
            if (r->len - r->start > MAX_HEADER)
                r->start = r->len; /* no header is that long: drop it */
            long got = fill(r, 4096);
            if (got < 0)
                return -2;
            if (got == 0)
                return 0;
            continue;
        }
        const char *line = r->buf + r->start;
        size_t n = (size_t)(nl - line);
        r->start += n + 1;
        if (n > 0 && line[n - 1] == '\r')
            n--;
        if (n == 0) {
            if (seen)
                return 1;
            continue; /* blank lines between messages */
        }
        seen = 1;
        if (n >= 15 && !strncasecmp(line, "Content-Length:", 15))
            *length = content_length(line + 15, n - 15);
    }
}

int gw_lsp_read(gw_lsp_reader *r, char **body, size_t *len, const char **why)
{
    *body = NULL;
    *len = 0;
    if (drop(r) == GW_LSP_EOF)
        return GW_LSP_EOF;
    long long n;
    int h = headers(r, &n);
    if (h == 0)
        return GW_LSP_EOF;
    if (h < 0) {
        *why = "out of memory";
        return GW_LSP_BAD_FRAME;
    }
    if (n < 0) {
        *why = "a header without a valid Content-Length";
        return GW_LSP_BAD_FRAME;
    }
    if ((unsigned long long)n > GW_LSP_MAX_MESSAGE) {
        r->skip = (size_t)n;
        *why = "a message larger than 64 MiB (skipped)";
        return drop(r) == GW_LSP_EOF ? GW_LSP_EOF : GW_LSP_BAD_FRAME;
    }
    size_t want = (size_t)n;
    while (r->len - r->start < want) {
        long got = fill(r, want - (r->len - r->start));
        if (got < 0) {
            r->skip = want;
            *why = "out of memory (message skipped)";
            return drop(r) == GW_LSP_EOF ? GW_LSP_EOF : GW_LSP_BAD_FRAME;
        }
        if (got == 0)
            return GW_LSP_EOF;
    }
    char *b = malloc(want + 1);
    if (!b) {
        r->start += want;
        *why = "out of memory (message skipped)";
        return GW_LSP_BAD_FRAME;
    }
    memcpy(b, r->buf + r->start, want);
    b[want] = '\0';
    r->start += want;
    *body = b;
    *len = want;
    return GW_LSP_MESSAGE;
}

int gw_lsp_pending(const gw_lsp_reader *r)
{
    if (r->len > r->start)
        return 1;
    struct pollfd p = {r->fd, POLLIN, 0};
    return poll(&p, 1, 0) > 0;
}

void gw_lsp_reader_free(gw_lsp_reader *r)
{
    free(r->buf);
    r->buf = NULL;
    r->start = r->len = r->cap = 0;
}

int gw_lsp_write(FILE *fp, json_object *msg)
{
    size_t n;
    const char *s = json_object_to_json_string_length(
        msg, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE, &n);
    if (!s || n == 0)
        return -1;
    if (fprintf(fp, "Content-Length: %zu\r\n\r\n", n) < 0 || fwrite(s, 1, n, fp) != n ||
        fflush(fp) != 0)
        return -1;
    return 0;
}
