/* The input stage: raw bytes in, UTF-8 text out. Detection is by BOM, then
 * UTF-8 validity, then GB18030 (the superset of GBK and GB2312 that most
 * legacy Chinese government text is in); iconv does the converting. */
#include "gongwen.h"
#include "hints.h"
#include "plausible.h"
#include "utf8.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct gw_text {
    char *data;
    size_t len, cap;
    char *encoding; /* owned: the name as given, however long */
    gw_error *warnings;
    size_t nwarnings;
    size_t consumed; /* input bytes decoded before a strict failure */
    /* Line and column after data[0..pos_at): a warning's position is found
     * from the last one's, so replacing every byte stays linear. */
    size_t pos_at;
    unsigned long pos_line, pos_col;
    gw_from format; /* 0 (GW_FROM_AUTO) is plain text */
    gw_hint *hints; /* owned; one per line of a reader's text, or NULL */
    size_t nhints;
};

/* Line and column at the end of the text decoded so far, by the line-end
 * rule of lines.c (LF, CRLF, lone CR). A CR that ends the text counts as a
 * lone one: it is about to be followed by U+FFFD or nothing. */
static void position_now(gw_text *t, unsigned long *line, unsigned long *col)
{
    if (t->pos_line == 0) {
        t->pos_at = 0;
        t->pos_line = t->pos_col = 1;
    }
    const char *s = t->data;
    size_t n = t->len;
    for (size_t i = t->pos_at; i < n; i++) {
        unsigned char b = (unsigned char)s[i];
        if (b == '\n' || (b == '\r' && !(i + 1 < n && s[i + 1] == '\n'))) {
            t->pos_line++;
            t->pos_col = 1;
        } else if ((b & 0xC0) != 0x80 && b != '\r') {
            t->pos_col++;
        }
    }
    t->pos_at = n;
    *line = t->pos_line;
    *col = t->pos_col;
}

static gw_status grow(gw_text *t, size_t more)
{
    if (t->len + more + 1 <= t->cap)
        return GW_OK;
    /* the first request is usually the whole text (UTF-8 taken as it
     * is): exactly that, where doubling would leave up to half of the
     * buffer unused for the whole run */
    size_t cap = t->cap ? t->cap : t->len + more + 1 > 4096 ? t->len + more + 1 : 4096;
    while (cap < t->len + more + 1) {
        if (cap > SIZE_MAX / 2)
            return GW_ERR_NOMEM;
        cap *= 2;
    }
    char *d = realloc(t->data, cap);
    if (!d)
        return GW_ERR_NOMEM;
    t->data = d;
    t->cap = cap;
    return GW_OK;
}

static gw_status put(gw_text *t, const char *s, size_t n)
{
    if (grow(t, n) != GW_OK)
        return GW_ERR_NOMEM;
    memcpy(t->data + t->len, s, n);
    t->len += n;
    t->data[t->len] = '\0';
    return GW_OK;
}

/* Records a replacement, once per line; what names the bad sequence. */
static gw_status warn_what(gw_text *t, const char *what)
{
    unsigned long line, col;
    position_now(t, &line, &col);
    if (t->nwarnings && t->warnings[t->nwarnings - 1].line == line)
        return GW_OK;
    gw_error *w = realloc(t->warnings, (t->nwarnings + 1) * sizeof *w);
    if (!w)
        return GW_ERR_NOMEM;
    t->warnings = w;
    gw_fail(&w[t->nwarnings++], GW_ERR_INVALID_BYTE, line, col, "%s replaced with U+FFFD", what);
    return GW_OK;
}

static gw_status warn_replaced(gw_text *t, const char *encoding, unsigned char byte)
{
    char what[200];
    snprintf(what, sizeof what, "invalid %.150s byte 0x%02X", encoding, byte);
    return warn_what(t, what);
}

/* An invalid byte in replace mode: a warning and U+FFFD. */
static gw_status replace(gw_text *t, const char *encoding, unsigned char byte)
{
    if (warn_replaced(t, encoding, byte) != GW_OK)
        return GW_ERR_NOMEM;
    return put(t, "\xEF\xBF\xBD", 3);
}

static gw_status invalid(gw_text *t, const char *encoding, unsigned char byte, gw_error *err)
{
    unsigned long line, col;
    position_now(t, &line, &col);
    return gw_fail(err, GW_ERR_INVALID_BYTE, line, col, "invalid %s byte 0x%02X", encoding, byte);
}

static gw_status from_utf8(gw_text *t, const char *s, size_t len, gw_errors_mode mode,
                           gw_error *err)
{
    size_t i = 0;
    while (i < len) {
        size_t bad = i + gw_utf8_validate(s + i, len - i);
        if (put(t, s + i, bad - i) != GW_OK)
            return gw_fail_nomem(err);
        if (bad == len)
            break;
        if (mode == GW_ERRORS_STRICT)
            return invalid(t, "UTF-8", (unsigned char)s[bad], err);
        if (replace(t, "UTF-8", (unsigned char)s[bad]) != GW_OK)
            return gw_fail_nomem(err);
        /* skip the bad byte and any continuation bytes after it */
        i = bad + 1;
        while (i < len && ((unsigned char)s[i] & 0xC0) == 0x80)
            i++;
    }
    return GW_OK;
}

/* Length of the sequence a UTF-8-like lead byte starts, up to the six
 * bytes of the original UTF-8 that glibc's encoder still writes. */
static size_t lead_length(unsigned char b)
{
    return b >= 0xFC ? 6 : b >= 0xF8 ? 5 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
}

/* glibc's UCS-4 and WCHAR_T decoders pass values up to 0x7FFFFFFF (and
 * surrogates) on as over-long "UTF-8": what iconv wrote from data[from] on
 * is checked, and each such sequence is an error or becomes U+FFFD. */
static gw_status check_decoded(gw_text *t, size_t from, gw_errors_mode mode, gw_error *err)
{
    size_t r = from, w = from, end = t->len;
    char *d = t->data;
    while (r < end) {
        size_t ok = gw_utf8_validate(d + r, end - r);
        memmove(d + w, d + r, ok);
        w += ok;
        r += ok;
        if (r == end)
            break;
        t->len = w;
        size_t n = lead_length((unsigned char)d[r]);
        if (n > end - r)
            n = end - r;
        /* U+FFFD is written in place of the sequence, so it must be as
         * long; iconv's bad sequences are, other bytes fail as they are */
        if (mode == GW_ERRORS_STRICT || n < 3) {
            unsigned long line, col;
            position_now(t, &line, &col);
            return gw_fail(err, GW_ERR_INVALID_BYTE, line, col,
                           "character outside Unicode (above U+10FFFF or a surrogate)");
        }
        if (warn_what(t, "character outside Unicode (above U+10FFFF or a surrogate)") != GW_OK)
            return gw_fail_nomem(err);
        r += n;
        memcpy(d + w, "\xEF\xBF\xBD", 3);
        w += 3;
    }
    t->len = w;
    d[w] = '\0';
    return GW_OK;
}

static gw_status from_iconv(gw_text *t, const char *enc, const char *s, size_t len,
                            gw_errors_mode mode, gw_error *err)
{
    iconv_t cd = iconv_open("UTF-8", enc);
    if (cd == (iconv_t)-1)
        return gw_fail(err, GW_ERR_UNKNOWN_ENCODING, 0, 0, "unknown encoding '%s'", enc);
    char *in = (char *)s;
    size_t left = len;
    gw_status st = GW_OK;
    while (left > 0 && st == GW_OK) {
        if (grow(t, left * 2 + 16) != GW_OK) {
            st = gw_fail_nomem(err);
            break;
        }
        size_t from = t->len;
        char *out = t->data + t->len;
        size_t room = t->cap - t->len - 1;
        size_t rc = iconv(cd, &in, &left, &out, &room);
        int e = errno;
        t->len = (size_t)(out - t->data);
        t->data[t->len] = '\0';
        st = check_decoded(t, from, mode, err);
        if (st != GW_OK)
            break;
        errno = e;
        if (rc != (size_t)-1 || errno == E2BIG)
            continue;
        /* EILSEQ, or EINVAL for a sequence cut off at the end */
        unsigned char byte = (unsigned char)*in;
        if (mode == GW_ERRORS_STRICT) {
            t->consumed = (size_t)(in - s);
            st = invalid(t, enc, byte, err);
        } else if (replace(t, enc, byte) != GW_OK) {
            st = gw_fail_nomem(err);
        } else {
            in++;
            left--;
        }
    }
    iconv_close(cd);
    return st;
}

static int is_utf8_name(const char *enc)
{
    return !strcasecmp(enc, "UTF-8") || !strcasecmp(enc, "UTF8");
}

/* A BOM decides the encoding; returns its length and sets *enc. */
static size_t bom(const char *s, size_t len, const char **enc)
{
    const unsigned char *b = (const unsigned char *)s;
    if (len >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) {
        *enc = "UTF-8";
        return 3;
    }
    if (len >= 4 && b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0) {
        *enc = "UTF-32LE";
        return 4;
    }
    if (len >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF) {
        *enc = "UTF-32BE";
        return 4;
    }
    if (len >= 2 && b[0] == 0xFF && b[1] == 0xFE) {
        *enc = "UTF-16LE";
        return 2;
    }
    if (len >= 2 && b[0] == 0xFE && b[1] == 0xFF) {
        *enc = "UTF-16BE";
        return 2;
    }
    return 0;
}

static gw_status convert(gw_text *t, const char *enc, const char *s, size_t len,
                         gw_errors_mode mode, gw_error *err)
{
    free(t->encoding);
    t->encoding = strdup(enc);
    if (!t->encoding)
        return gw_fail_nomem(err);
    return is_utf8_name(enc) ? from_utf8(t, s, len, mode, err)
                             : from_iconv(t, enc, s, len, mode, err);
}

/* Text detect() has found to be valid UTF-8, taken as it is: validating it
 * again in from_utf8() was a second pass over the whole input. */
static gw_status take_utf8(gw_text *t, const char *s, size_t len, gw_error *err)
{
    free(t->encoding);
    t->encoding = strdup("UTF-8");
    if (!t->encoding || put(t, s, len) != GW_OK)
        return gw_fail_nomem(err);
    return GW_OK;
}

/* Big5 bytes decode as GB18030 too, into rare characters in no order:
 * when t's GB18030 text does not read as Chinese and the Big5 reading of
 * the same bytes does, t takes the Big5 text. */
static gw_status prefer_big5(gw_text *t, const char *s, size_t len)
{
    gw_plausible gb, big5;
    gw_plausibility(t->data, t->len, &gb);
    if (gw_plausible_text(&gb))
        return GW_OK;
    gw_decode_options o = {"BIG5", GW_ERRORS_STRICT};
    gw_error e = {0};
    gw_text *b = gw_decode_with(s, len, &o, &e);
    if (!b)
        return e.status == GW_ERR_NOMEM ? GW_ERR_NOMEM : GW_OK;
    gw_plausibility(b->data, b->len, &big5);
    if (gw_plausible_text(&big5) && big5.common * gb.han > gb.common * big5.han) {
        gw_text swap = *t;
        *t = *b;
        *b = swap;
    }
    gw_text_free(b);
    return GW_OK;
}

/* A detected decoding that does not read as Chinese (private-use code
 * points, few common characters): a warning that names --encoding, since
 * the text is likely garbage. */
static gw_status warn_implausible(gw_text *t)
{
    gw_plausible p;
    gw_plausibility(t->data, t->len, &p);
    if (gw_plausible_text(&p))
        return GW_OK;
    gw_error *w = realloc(t->warnings, (t->nwarnings + 1) * sizeof *w);
    if (!w)
        return GW_ERR_NOMEM;
    t->warnings = w;
    gw_fail(&w[t->nwarnings++], GW_ERR_INVALID_BYTE, 1, 1,
            "decoded as %s, the text does not read as Chinese (%zu of %zu Han characters "
            "common, %zu private-use code points): if the encoding is another, name it "
            "with --encoding",
            t->encoding, p.common, p.han, p.private_use);
    return GW_OK;
}

/* No BOM, no encoding given: UTF-8 if it is valid, else GB18030 if that
 * decodes (Big5 when that reads as Chinese and GB18030 does not); if
 * neither does, the error of the one that got further. */
static gw_status detect(gw_text *t, const char *s, size_t len, gw_errors_mode mode, gw_error *err)
{
    size_t utf8_reach = gw_utf8_validate(s, len);
    if (utf8_reach == len)
        return take_utf8(t, s, len, err);
    gw_error gb_err = {0};
    if (convert(t, "GB18030", s, len, GW_ERRORS_STRICT, &gb_err) == GW_OK) {
        gw_status st = prefer_big5(t, s, len);
        if (st == GW_OK)
            st = warn_implausible(t);
        return st == GW_OK ? GW_OK : gw_fail_nomem(err);
    }
    if (gb_err.status != GW_ERR_INVALID_BYTE) {
        *err = gb_err;
        return gb_err.status;
    }
    size_t gb_reach = t->consumed;
    t->len = 0;
    t->pos_line = 0; /* the positions cached were of the GB18030 text */
    const char *enc = utf8_reach >= gb_reach ? "UTF-8" : "GB18030";
    return convert(t, enc, s, len, mode, err);
}

gw_text *gw_decode_with(const char *bytes, size_t len, const gw_decode_options *opts, gw_error *err)
{
    gw_errors_mode mode = opts ? opts->errors : GW_ERRORS_STRICT;
    const char *given = opts ? opts->encoding : NULL;
    gw_text *t = calloc(1, sizeof *t);
    if (!t || grow(t, len) != GW_OK) {
        free(t);
        gw_fail_nomem(err);
        return NULL;
    }
    t->data[0] = '\0';
    const char *enc = NULL;
    size_t skip = bom(bytes, len, &enc);
    /* a BOM of the encoding asked for is still not a character */
    if (given && skip && strcasecmp(given, enc) != 0 && !(is_utf8_name(given) && is_utf8_name(enc)))
        skip = 0;
    gw_status st;
    /* iconv takes "" for the locale's charset, which the XML could not
     * name: an empty name is a mistake, not a request */
    if (given && !*given)
        st = gw_fail(err, GW_ERR_USAGE, 0, 0, "empty encoding name");
    else if (given)
        st = convert(t, given, bytes + skip, len - skip, mode, err);
    else if (skip)
        st = convert(t, enc, bytes + skip, len - skip, mode, err);
    else
        st = detect(t, bytes, len, mode, err);
    if (st != GW_OK) {
        gw_text_free(t);
        return NULL;
    }
    return t;
}

gw_text *gw_decode(const char *bytes, size_t len, gw_error *err)
{
    return gw_decode_with(bytes, len, NULL, err);
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

size_t gw_text_warning_count(const gw_text *t)
{
    return t->nwarnings;
}

const gw_error *gw_text_warning(const gw_text *t, size_t i)
{
    return i < t->nwarnings ? &t->warnings[i] : NULL;
}

void gw_text_free(gw_text *t)
{
    if (!t)
        return;
    free(t->data);
    free(t->encoding);
    free(t->warnings);
    free(t->hints);
    free(t);
}

/* ---- the text of a structured source (hints.h) ------------------------ */

gw_text *gw_text_from_reader(const char *utf8, size_t len, gw_from f, gw_hint *hints, size_t n,
                             gw_error *err)
{
    gw_decode_options o = {"UTF-8", GW_ERRORS_STRICT};
    gw_text *t = gw_decode_with(utf8, len, &o, err);
    if (!t) {
        free(hints);
        return NULL;
    }
    t->format = f;
    t->hints = hints;
    t->nhints = n;
    return t;
}

gw_status gw_text_set_encoding(gw_text *t, const char *encoding)
{
    char *e = strdup(encoding);
    if (!e)
        return GW_ERR_NOMEM;
    free(t->encoding);
    t->encoding = e;
    return GW_OK;
}

gw_from gw_text_format(const gw_text *t)
{
    return t->format == GW_FROM_AUTO ? GW_FROM_TEXT : t->format;
}

const gw_hint *gw_text_hints(const gw_text *t, size_t nlines)
{
    return t->hints && t->nhints == nlines ? t->hints : NULL;
}
