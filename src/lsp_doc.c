/* The open documents of the language server: their text, kept as valid
 * UTF-8 whatever the client sends, the line index that converts LSP
 * positions (UTF-16 code units) to byte offsets and back, incremental
 * edits, and the parse and check of the current text. */
#include "lsp.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

static const char replacement[] = "\xEF\xBF\xBD"; /* U+FFFD */

/* A copy of s[0..len) with every invalid UTF-8 sequence (a stray byte, a
 * surrogate, a truncated character) replaced by U+FFFD; NUL-terminated,
 * its length in *out_len. NULL when out of memory. */
static char *valid_copy(const char *s, size_t len, size_t *out_len)
{
    size_t bad = 0, i = 0;
    uint32_t cp;
    while (i < len) {
        size_t n = gw_utf8_decode(s + i, len - i, &cp);
        bad += n == 0;
        i += n ? n : 1;
    }
    if (len > (size_t)-1 / 4 - 1)
        return NULL;
    char *out = malloc(len + bad * 2 + 1), *o = out;
    if (!out)
        return NULL;
    for (i = 0; i < len;) {
        size_t n = gw_utf8_decode(s + i, len - i, &cp);
        if (n == 0) {
            memcpy(o, replacement, 3);
            o += 3;
            i++;
        } else {
            memcpy(o, s + i, n);
            o += n;
            i += n;
        }
    }
    *o = '\0';
    *out_len = (size_t)(o - out);
    return out;
}

/* The byte just after the line end that starts at i (LF, CRLF or CR). */
static size_t after_eol(const char *s, size_t len, size_t i)
{
    return s[i] == '\r' && i + 1 < len && s[i + 1] == '\n' ? i + 2 : i + 1;
}

/* Builds the line index of text; NULL when out of memory. */
static size_t *index_lines(const char *s, size_t len, size_t *nlines)
{
    size_t n = 1;
    for (size_t i = 0; i < len; i = s[i] == '\n' || s[i] == '\r' ? after_eol(s, len, i) : i + 1)
        n += s[i] == '\n' || s[i] == '\r';
    size_t *v = malloc(n * sizeof *v);
    if (!v)
        return NULL;
    size_t k = 0;
    v[k++] = 0;
    for (size_t i = 0; i < len;) {
        if (s[i] == '\n' || s[i] == '\r') {
            i = after_eol(s, len, i);
            v[k++] = i;
        } else {
            i++;
        }
    }
    *nlines = n;
    return v;
}

static void forget_analysis(gw_lsp_doc *d)
{
    gw_document_free(d->tree);
    gw_text_free(d->decoded);
    gw_diags_free(&d->diags);
    d->tree = NULL;
    d->decoded = NULL;
    d->diags = (gw_diags){0};
    d->analysed = 0;
    d->bom = 0;
}

/* Makes text (owned, valid) the document's; -1 (text freed) when the
 * line index cannot be built. */
static int set_text(gw_lsp_doc *d, char *text, size_t len)
{
    size_t n;
    size_t *starts = index_lines(text, len, &n);
    if (!starts) {
        free(text);
        return -1;
    }
    free(d->text);
    free(d->starts);
    d->text = text;
    d->len = len;
    d->starts = starts;
    d->nlines = n;
    d->dirty = 1;
    forget_analysis(d);
    return 0;
}

static void doc_free(gw_lsp_doc *d)
{
    forget_analysis(d);
    free(d->uri);
    free(d->text);
    free(d->starts);
    free(d);
}

gw_lsp_doc *gw_lsp_doc_find(gw_lsp_doc *list, const char *uri)
{
    for (; list; list = list->next)
        if (!strcmp(list->uri, uri))
            return list;
    return NULL;
}

gw_lsp_doc *gw_lsp_doc_open(gw_lsp_doc **list, const char *uri, int64_t version, const char *text,
                            size_t len)
{
    size_t n;
    char *copy = valid_copy(text, len, &n);
    if (!copy)
        return NULL;
    gw_lsp_doc *d = gw_lsp_doc_find(*list, uri);
    if (d) {
        if (set_text(d, copy, n) != 0)
            return NULL;
        d->version = version;
        return d;
    }
    d = calloc(1, sizeof *d);
    if (!d || !(d->uri = strdup(uri)) || set_text(d, copy, n) != 0) {
        if (d)
            free(d->uri);
        else
            free(copy);
        free(d);
        return NULL;
    }
    d->version = version;
    d->next = *list;
    *list = d;
    return d;
}

int gw_lsp_doc_close(gw_lsp_doc **list, const char *uri)
{
    for (gw_lsp_doc **p = list; *p; p = &(*p)->next) {
        if (!strcmp((*p)->uri, uri)) {
            gw_lsp_doc *d = *p;
            *p = d->next;
            doc_free(d);
            return 0;
        }
    }
    return -1;
}

void gw_lsp_docs_free(gw_lsp_doc *list)
{
    while (list) {
        gw_lsp_doc *next = list->next;
        doc_free(list);
        list = next;
    }
}

/* ---- positions ----------------------------------------------------------- */

size_t gw_lsp_line_start(const gw_lsp_doc *d, unsigned long line)
{
    return line < d->nlines ? d->starts[line] : d->len;
}

size_t gw_lsp_line_end(const gw_lsp_doc *d, unsigned long line)
{
    if (line >= d->nlines)
        return d->len;
    if (line + 1 == d->nlines)
        return d->len;
    size_t next = d->starts[line + 1];
    /* CRLF is one line end, unless the CR ends the line before */
    if (next >= 2 && d->text[next - 1] == '\n' && d->text[next - 2] == '\r' &&
        next - 2 >= d->starts[line])
        return next - 2;
    return next - 1;
}

/* Bytes of the character at s[i] (the text is valid UTF-8). */
static size_t char_len(const char *s, size_t len, size_t i, uint32_t *cp)
{
    size_t n = gw_utf8_decode(s + i, len - i, cp);
    if (n == 0) {
        *cp = 0xFFFD;
        n = 1;
    }
    return n;
}

size_t gw_lsp_offset(const gw_lsp_doc *d, gw_lsp_pos p)
{
    if (p.line >= d->nlines)
        return d->len;
    size_t i = d->starts[p.line], end = gw_lsp_line_end(d, p.line);
    unsigned long units = 0;
    while (i < end) {
        uint32_t cp;
        size_t n = char_len(d->text, end, i, &cp);
        unsigned long u = cp > 0xFFFF ? 2 : 1;
        if (units + u > p.character)
            break;
        units += u;
        i += n;
    }
    return i;
}

gw_lsp_pos gw_lsp_position(const gw_lsp_doc *d, size_t offset)
{
    if (offset > d->len)
        offset = d->len;
    size_t lo = 0, hi = d->nlines; /* the last line starting at or before offset */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->starts[mid] <= offset)
            lo = mid;
        else
            hi = mid;
    }
    size_t end = gw_lsp_line_end(d, lo);
    if (offset > end)
        offset = end;
    gw_lsp_pos p = {lo, 0};
    for (size_t i = d->starts[lo]; i < offset;) {
        uint32_t cp;
        i += char_len(d->text, end, i, &cp);
        p.character += cp > 0xFFFF ? 2 : 1;
    }
    return p;
}

size_t gw_lsp_offset_of(const gw_lsp_doc *d, unsigned long line, unsigned long column)
{
    if (line == 0)
        line = 1;
    if (line > d->nlines)
        return d->len;
    unsigned long chars = column > 0 ? column - 1 : 0;
    if (line == 1 && d->bom)
        chars++;
    size_t i = d->starts[line - 1], end = gw_lsp_line_end(d, line - 1);
    for (; chars > 0 && i < end; chars--) {
        uint32_t cp;
        i += char_len(d->text, end, i, &cp);
    }
    return i;
}

int gw_lsp_line_blank(const gw_lsp_doc *d, unsigned long line)
{
    if (line == 0 || line > d->nlines)
        return 1;
    size_t i = d->starts[line - 1], end = gw_lsp_line_end(d, line - 1);
    while (i < end) {
        uint32_t cp;
        i += char_len(d->text, end, i, &cp);
        if (!gw_is_space(cp))
            return 0;
    }
    return 1;
}

int gw_lsp_find_marker(const gw_lsp_doc *d, unsigned long line, const char *num, size_t *from,
                       size_t *to)
{
    size_t n = strlen(num);
    if (line == 0 || line > d->nlines || n == 0)
        return 0;
    size_t start = d->starts[line - 1], end = gw_lsp_line_end(d, line - 1);
    size_t i = start + gw_skip_space(d->text + start, end - start, 0);
    for (; i + n <= end; i++) {
        if (!memcmp(d->text + i, num, n)) {
            *from = i;
            *to = i + n;
            return 1;
        }
    }
    return 0;
}

/* ---- edits and analysis -------------------------------------------------- */

int gw_lsp_doc_edit(gw_lsp_doc *d, int whole, gw_lsp_pos from, gw_lsp_pos to, const char *text,
                    size_t len)
{
    size_t n;
    char *ins = valid_copy(text, len, &n);
    if (!ins)
        return -1;
    if (whole)
        return set_text(d, ins, n);
    size_t a = gw_lsp_offset(d, from), b = gw_lsp_offset(d, to);
    if (a > b) {
        size_t t = a;
        a = b;
        b = t;
    }
    size_t total = d->len - (b - a) + n;
    char *t = total + 1 > total ? malloc(total + 1) : NULL;
    if (!t) {
        free(ins);
        return -1;
    }
    memcpy(t, d->text, a);
    memcpy(t + a, ins, n);
    memcpy(t + a + n, d->text + b, d->len - b);
    t[total] = '\0';
    free(ins);
    return set_text(d, t, total);
}

int gw_lsp_doc_analyse(gw_lsp_doc *d, const gw_check_options *opt)
{
    if (d->analysed)
        return 0;
    forget_analysis(d);
    /* the text is valid UTF-8 already: nothing to detect or replace */
    gw_decode_options dopt = {"UTF-8", GW_ERRORS_REPLACE};
    gw_error err = {0};
    if (!(d->decoded = gw_decode_with(d->text, d->len, &dopt, &err)) ||
        !(d->tree = gw_parse(d->decoded, NULL, &err)) ||
        gw_check_parsed(d->text, d->len, d->decoded, d->tree, opt, &d->diags, &err) != GW_OK) {
        forget_analysis(d);
        return -1;
    }
    gw_diags_sort(&d->diags);
    d->bom =
        d->len >= 3 && !memcmp(d->text, "\xEF\xBB\xBF", 3) &&
        !(gw_text_length(d->decoded) >= 3 && !memcmp(gw_text_data(d->decoded), "\xEF\xBB\xBF", 3));
    d->analysed = 1;
    return 0;
}

/* ---- JSON ---------------------------------------------------------------- */

int gw_lsp_set(json_object *obj, const char *key, json_object *val)
{
    if (!val)
        return -1;
    if (json_object_object_add(obj, key, val) != 0) {
        json_object_put(val);
        return -1;
    }
    return 0;
}

json_object *gw_lsp_json_pos(const gw_lsp_doc *d, size_t offset)
{
    gw_lsp_pos p = gw_lsp_position(d, offset);
    json_object *o = json_object_new_object();
    if (o && (gw_lsp_set(o, "line", json_object_new_int64((int64_t)p.line)) != 0 ||
              gw_lsp_set(o, "character", json_object_new_int64((int64_t)p.character)) != 0)) {
        json_object_put(o);
        return NULL;
    }
    return o;
}

json_object *gw_lsp_json_range(const gw_lsp_doc *d, size_t from, size_t to)
{
    if (to < from)
        to = from;
    json_object *o = json_object_new_object();
    if (o && (gw_lsp_set(o, "start", gw_lsp_json_pos(d, from)) != 0 ||
              gw_lsp_set(o, "end", gw_lsp_json_pos(d, to)) != 0)) {
        json_object_put(o);
        return NULL;
    }
    return o;
}

int gw_lsp_read_pos(json_object *o, gw_lsp_pos *p)
{
    json_object *l, *c;
    if (!json_object_is_type(o, json_type_object) || !json_object_object_get_ex(o, "line", &l) ||
        !json_object_object_get_ex(o, "character", &c) || !json_object_is_type(l, json_type_int) ||
        !json_object_is_type(c, json_type_int))
        return -1;
    int64_t line = json_object_get_int64(l), ch = json_object_get_int64(c);
    p->line = line < 0 ? 0 : (unsigned long)line;
    p->character = ch < 0 ? 0 : (unsigned long)ch;
    return 0;
}
