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
                    gw_check_column(c, line, l->len), _("trailing white space"));
}

static void indentation(gw_check_ctx *c, unsigned long line)
{
    const gw_line *l = &c->lines->v[line - 1];
    size_t end = gw_skip_space(l->s, l->len, 0), i = 0;
    if (end == l->len)
        return;
    int kinds = 0;
    while (i < end) {
        uint32_t cp = gw_next(l->s, l->len, &i);
        kinds |= cp == ' ' ? 1 : cp == '\t' ? 2 : cp == 0x3000 ? 4 : 8;
    }
    if (kinds & (kinds - 1))
        gw_check_report(c, GW_R_WHITESPACE, line, 1, gw_check_column(c, line, end),
                        _("indentation mixes different kinds of white space"));
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
                            _("white space inside a heading title"));
            return;
        }
        i = end;
    }
}

/* Byte offset of s in line ln, or GW_NONE. */
static size_t find_in_line(const gw_check_ctx *c, unsigned long ln, const char *s, size_t len)
{
    const gw_line *l = &c->lines->v[ln - 1];
    for (size_t a = 0; len && a + len <= l->len; a++)
        if (!memcmp(l->s + a, s, len))
            return a;
    return GW_NONE;
}

static void titles(gw_check_ctx *c, const xmlNode *parent)
{
    for (const xmlNode *k = parent->children; k; k = k->next) {
        if (!gw_is_elem(k, GW_E_SECTION))
            continue;
        const xmlNode *title = gw_child(k, GW_E_TITLE);
        unsigned long line = (unsigned long)gw_attr_long(title, GW_A_LINE, 0);
        for (const xmlNode *t = title ? title->children : NULL; t; t = t->next) {
            if (t->type != XML_TEXT_NODE || !t->content || line == 0 || line > c->lines->n)
                continue;
            const char *s = (const char *)t->content;
            size_t len = strlen(s);
            /* the title's text may stand on a later line (第八章 / 标题) */
            for (unsigned long ln = line; ln <= c->lines->n && ln < line + 4; ln++) {
                size_t at = find_in_line(c, ln, s, len);
                if (at != GW_NONE) {
                    letter_spacing(c, ln, at, s, len);
                    break;
                }
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
