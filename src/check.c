/* gw_check_bytes: decodes a file (replacing what cannot be decoded, so
 * the rest can still be checked), parses it and runs every rule group. */
#include "checker.h"
#include "ranges.h"
#include "readers.h"
#include "intl.h"
#include "check_rules.h"
#include "names.h"
#include "utf8.h"
#include "xmlerr.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int is_utf8(const char *enc)
{
    return !strcasecmp(enc, "UTF-8") || !strcasecmp(enc, "UTF8");
}

/* Whether bytes that are not valid UTF-8 are still mostly UTF-8 (a few
 * bad bytes in Chinese text), rather than another encoding. */
static int mostly_utf8(const char *s, size_t len)
{
    size_t i = 0, bad = 0, good = 0;
    while (i < len) {
        uint32_t cp;
        size_t n = gw_utf8_decode(s + i, len - i, &cp);
        if (n == 0) {
            bad++;
            i++;
        } else {
            good += n > 1;
            i += n;
        }
    }
    return good > bad;
}

/* Marks the lines where an element of the tree begins, and on each the
 * place the text rules start from: after the marker (num) the parser
 * found there, whose extent the tree gives. */
static void mark_starts(const gw_check_ctx *c, const xmlNode *node, unsigned char *starts,
                        size_t *skip)
{
    size_t n = c->lines->n;
    for (const xmlNode *k = node->children; k; k = k->next) {
        if (k->type != XML_ELEMENT_NODE || gw_is_elem(k, GW_E_PAGE))
            continue;
        gw_range r;
        long line = gw_attr_long(k, GW_A_LINE, 0);
        if (line >= 1 && (size_t)line <= n)
            starts[line - 1] = 1;
        if (gw_is_elem(k, GW_E_NUM) && gw_range_of(k, &r) && r.line == r.end_line && r.line <= n) {
            size_t end = gw_check_offset(c, r.line, r.end_column);
            if (end > skip[r.line - 1])
                skip[r.line - 1] = end;
        }
        mark_starts(c, k, starts, skip);
    }
}

static void run_rules(gw_check_ctx *c)
{
    gw_check_numbering(c);
    gw_check_nesting(c);
    gw_check_sections(c);
    gw_check_blocks(c);
    gw_check_brackets(c);
    gw_check_punct(c);
    gw_check_radical(c);
    gw_check_whitespace(c);
}

/* Reports what decoding replaced. */
static void encoding(gw_check_ctx *c, const gw_text *t, const char *bytes, size_t len)
{
    if (is_utf8(gw_text_encoding(t))) {
        size_t bom = len >= 3 && !memcmp(bytes, "\xEF\xBB\xBF", 3) ? 3 : 0;
        gw_check_encoding_utf8(c, bytes + bom, len - bom);
        return;
    }
    /* iconv tells only the first bad sequence of each line */
    for (size_t i = 0; i < gw_text_warning_count(t); i++) {
        const gw_error *w = gw_text_warning(t, i);
        gw_check_report(c, GW_R_ENCODING, w->line, w->column, w->column + 1,
                        _("%s (the first on this line)"), w->message);
    }
}

static gw_text *decode(const char *bytes, size_t len, const gw_check_options *opt, int *bad,
                       gw_error *err)
{
    gw_decode_options d = {opt->encoding, GW_ERRORS_STRICT};
    *bad = 0;
    /* a Word file, a web page or a PDF is read by its reader; what no
     * reader takes is refused with the reason */
    gw_from from = gw_sniff(bytes, len, opt->encoding != NULL, err);
    if (from != GW_FROM_TEXT)
        return from == GW_FROM_AUTO ? NULL : gw_read_source(bytes, len, from, &d, err);
    gw_error first = {0};
    gw_text *t = gw_decode_with(bytes, len, &d, &first);
    *bad = 0;
    if (t || first.status != GW_ERR_INVALID_BYTE) {
        if (!t)
            *err = first;
        return t;
    }
    *bad = 1;
    d.errors = GW_ERRORS_REPLACE;
    if (!d.encoding && mostly_utf8(bytes, len))
        d.encoding = "UTF-8";
    return gw_decode_with(bytes, len, &d, err);
}

/* The rules over text t, parsed as doc; bad: decoding replaced something.
 * marks: what gw_parse_marked recorded for doc, or NULL to find it in the
 * tree. */
static gw_status check(const char *bytes, size_t len, int bad, const gw_text *t,
                       const gw_document *doc, const gw_parse_marks *marks,
                       const gw_check_options *opt, gw_diags *out, gw_error *err)
{
    gw_lines own = {0};
    const gw_lines *lines = marks ? &marks->lines : &own;
    unsigned char *starts = NULL;
    size_t *skip = NULL;
    gw_status s = GW_OK;
    if ((!marks && gw_lines_split(gw_text_data(t), gw_text_length(t), &own) != GW_OK) ||
        !(starts = calloc(lines->n + 1, 1)) || !(skip = calloc(lines->n + 1, sizeof *skip))) {
        s = gw_fail_nomem(err);
    } else {
        /* a tree from gw_parse_marked keeps its ranges beside it, where
         * tree_read.c reads them; nothing here needs them as attributes */
        xmlDocPtr xml = (xmlDocPtr)gw_document_tree(doc);
        /* the rules read attributes and text through libxml2, which
         * answers NULL, as for an absent attribute, when it cannot copy */
        gw_xmlerr w;
        gw_xmlerr_begin(&w);
        gw_check_ctx c = {lines, starts, skip, xml, opt, out};
        /* the text rules leave a line's indentation and, from the tree,
         * its marker alone */
        for (size_t i = 0; i < lines->n; i++)
            skip[i] = gw_skip_space(lines->v[i].s, lines->v[i].len, 0);
        if (marks) {
            memcpy(starts, marks->starts, lines->n);
            for (size_t i = 0; i < lines->n; i++)
                if (marks->num_end[i] > skip[i])
                    skip[i] = marks->num_end[i];
        } else {
            mark_starts(&c, xmlDocGetRootElement(xml), starts, skip);
        }
        if (bad)
            encoding(&c, t, bytes, len);
        run_rules(&c);
        if (gw_xmlerr_end(&w) != GW_OK || out->status != GW_OK)
            s = gw_fail_nomem(err);
    }
    free(starts);
    free(skip);
    gw_lines_free(&own);
    return s;
}

gw_status gw_check_parsed(const char *bytes, size_t len, const gw_text *t, const gw_document *doc,
                          const gw_check_options *opt, gw_diags *out, gw_error *err)
{
    return check(bytes, len, gw_text_warning_count(t) > 0, t, doc, NULL, opt, out, err);
}

/* gw_check_bytes; own, if not NULL, holds bytes (malloc'ed), which are
 * freed once the decoded text is those very bytes. */
static gw_text *check_bytes(const char *bytes, size_t len, char **own, const gw_check_options *opt,
                            gw_diags *out, gw_error *err)
{
    int bad;
    gw_text *t = decode(bytes, len, opt, &bad, err);
    if (!t)
        return NULL;
    if (own && !bad && gw_text_length(t) == len && !memcmp(gw_text_data(t), bytes, len)) {
        free(*own);
        *own = NULL;
        bytes = gw_text_data(t);
    }
    gw_parse_marks marks;
    gw_document *doc = gw_parse_marked(t, &marks, err);
    gw_status s = doc ? check(bytes, len, bad, t, doc, &marks, opt, out, err) : err->status;
    gw_document_free(doc);
    gw_parse_marks_free(&marks);
    if (s != GW_OK) {
        gw_text_free(t);
        return NULL;
    }
    return t;
}

gw_text *gw_check_bytes(const char *bytes, size_t len, const gw_check_options *opt, gw_diags *out,
                        gw_error *err)
{
    return check_bytes(bytes, len, NULL, opt, out, err);
}

gw_text *gw_check_take(char **bytes, size_t len, const gw_check_options *opt, gw_diags *out,
                       gw_error *err)
{
    return check_bytes(*bytes, len, bytes, opt, out, err);
}
