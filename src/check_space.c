/* whitespace (a note): white space at the end of a line; a heading title
 * letter-spaced (序  言: a single character on either side of the space,
 * so 优化社会治理环境  着力打造和谐海州, two phrases, passes); and an
 * indentation that mixes ASCII spaces, ideographic spaces and tabs. */
#include "intl.h"
#include "check_rules.h"
#include "names.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

static void trailing(gw_check_ctx *c, unsigned long line)
{
    const gw_line *l = &c->lines->v[line - 1];
    size_t end = gw_trim_end(l->s, l->len);
    if (end == l->len || end == 0)
        return; /* none, or a blank line */
    gw_check_report(c, GW_R_WHITESPACE, line, gw_check_column(c, line, end),
                    gw_check_column(c, line, l->len), N_("trailing white space"));
}

static void indentation(gw_check_ctx *c, unsigned long line)
{
    const gw_line *l = &c->lines->v[line - 1];
    /* a form feed opens a page (pdftotext's copy); the indent follows it */
    size_t i = l->len && l->s[0] == '\f';
    size_t end = gw_skip_space(l->s, l->len, i);
    if (end == l->len)
        return;
    int kinds = 0;
    while (i < end) {
        uint32_t cp = gw_next(l->s, l->len, &i);
        kinds |= cp == ' ' ? 1 : cp == '\t' ? 2 : cp == 0x3000 ? 4 : 8;
    }
    if (kinds & (kinds - 1))
        gw_check_report(c, GW_R_WHITESPACE, line, 1, gw_check_column(c, line, end),
                        N_("indentation mixes different kinds of white space"));
}

/* Han characters in a row, forwards from byte i or backwards from it. */
static size_t han_after(const char *s, size_t len, size_t i)
{
    size_t n = 0;
    while (i < len && gw_is_han(gw_peek(s, len, i))) {
        gw_next(s, len, &i);
        n++;
    }
    return n;
}

static size_t han_before(const char *s, size_t len, size_t i)
{
    size_t n = 0;
    while (i > 0) {
        size_t p = i - 1;
        while (p > 0 && ((unsigned char)s[p] & 0xC0) == 0x80)
            p--;
        if (!gw_is_han(gw_peek(s, len, p)))
            break;
        n++;
        i = p;
    }
    return n;
}

/* Letter-spacing in a title's text s, which stands at byte at of line: a
 * white space run between Han characters with a lone one on either side. */
static void letter_spacing(gw_check_ctx *c, unsigned long line, size_t at, const char *s,
                           size_t len)
{
    size_t i = 0;
    while (i < len) {
        size_t from = i;
        if (!gw_is_space(gw_next(s, len, &i)))
            continue;
        size_t end = gw_skip_space(s, len, from);
        size_t before = han_before(s, len, from), after = han_after(s, len, end);
        if (before && after && (before == 1 || after == 1)) {
            gw_check_report(c, GW_R_WHITESPACE, line, gw_check_column(c, line, at + from),
                            gw_check_column(c, line, at + end),
                            N_("white space inside a heading title"));
            return;
        }
        i = end;
    }
}

/* A heading title's text, where the tree places it: from the end of its
 * marker (else its start) to its end, line by line (a title below 第八章
 * stands on a later line than its number). */
static void titles(gw_check_ctx *c, const xmlNode *parent)
{
    for (const xmlNode *k = parent->children; k; k = k->next) {
        if (!gw_is_elem(k, GW_E_SECTION))
            continue;
        const xmlNode *title = gw_child(k, GW_E_TITLE);
        gw_range t, num;
        if (gw_range_of(title, &t) && t.end_line <= c->lines->n) {
            if (gw_range_of(gw_num_of(k), &num) && num.end_line <= t.end_line) {
                t.line = num.end_line;
                t.column = num.end_column;
            }
            for (unsigned long ln = t.line; ln <= t.end_line; ln++) {
                const gw_line *l = &c->lines->v[ln - 1];
                size_t from = ln == t.line ? gw_check_offset(c, ln, t.column) : 0;
                size_t to = ln == t.end_line ? gw_check_offset(c, ln, t.end_column) : l->len;
                if (from < to)
                    letter_spacing(c, ln, from, l->s + from, to - from);
            }
        }
        titles(c, k);
    }
}

void gw_check_whitespace(gw_check_ctx *c)
{
    if (!gw_check_enabled(c, GW_R_WHITESPACE))
        return;
    for (unsigned long line = 1; line <= c->lines->n; line++) {
        indentation(c, line);
        trailing(c, line);
    }
    xmlNode *body = gw_child(xmlDocGetRootElement(c->xml), GW_E_BODY);
    if (body)
        titles(c, body);
}
