/* bracket-unbalanced, quote-unbalanced: （）《》【】〔〕 and “”‘’「」 must
 * close within the paragraph that opens them. A paragraph is the stretch
 * of lines from one element of the tree to the next, so a hard-wrapped
 * paragraph or a table cell wrapped over lines counts as one. An opener
 * left open is reported where it stands; a closer with nothing to close
 * where it stands. ASCII and full-width parentheses pair with each other:
 * mixing them is punct-halfwidth's business, not an imbalance. */
#include "intl.h"
#include "check_rules.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

static const struct {
    uint32_t open, close;
    int quote;
} pairs[] = {
    {0xFF08, 0xFF09, 0}, /* （） */
    {'(', ')', 0},       /* (), same kind as （） */
    {0x300A, 0x300B, 0}, /* 《》 */
    {0x3010, 0x3011, 0}, /* 【】 */
    {0x3014, 0x3015, 0}, /* 〔〕 */
    {0x3008, 0x3009, 0}, /* 〈〉 */
    {0x201C, 0x201D, 1}, /* “” */
    {0x2018, 0x2019, 1}, /* ‘’ */
    {0x300C, 0x300D, 1}, /* 「」 */
    {0x300E, 0x300F, 1}, /* 『』 */
};
#define NPAIRS (sizeof pairs / sizeof pairs[0])

/* The kind of a pair: ( and （ are one kind. */
static int kind_of(size_t pair)
{
    return pair == 1 ? 0 : (int)pair;
}

typedef struct {
    int kind;
    uint32_t cp;
    unsigned long line, column;
} opener;

typedef struct {
    opener *v;
    size_t n, cap;
    /* openers of each kind on the stack: a closer with none open is told
     * at once, not after a walk down a stack of thousands */
    size_t open[NPAIRS];
} stack;

static void unclosed(gw_check_ctx *c, const opener *o)
{
    char ch[5];
    ch[gw_utf8_encode(o->cp, ch)] = '\0';
    gw_check_report(c, pairs[o->kind].quote ? GW_R_QUOTE_UNBALANCED : GW_R_BRACKET_UNBALANCED,
                    o->line, o->column, o->column + 1, N_("%s is not closed within its paragraph"),
                    ch);
}

static void end_paragraph(gw_check_ctx *c, stack *st)
{
    for (size_t i = 0; i < st->n; i++)
        unclosed(c, &st->v[i]);
    st->n = 0;
    memset(st->open, 0, sizeof st->open);
}

static gw_status push(stack *st, opener o)
{
    if (st->n == st->cap) {
        size_t cap = st->cap ? 2 * st->cap : 16;
        opener *v = realloc(st->v, cap * sizeof *v);
        if (!v)
            return GW_ERR_NOMEM;
        st->v = v;
        st->cap = cap;
    }
    st->v[st->n++] = o;
    st->open[o.kind]++;
    return GW_OK;
}

/* ’ between Latin letters is an apostrophe (China’s), not a quote. */
static int apostrophe(uint32_t prev, uint32_t next)
{
    return prev < 0x80 && next < 0x80 && ((prev | 0x20) >= 'a' && (prev | 0x20) <= 'z') &&
           ((next | 0x20) >= 'a' && (next | 0x20) <= 'z');
}

static void close_pair(gw_check_ctx *c, stack *st, int kind, uint32_t cp, unsigned long line,
                       unsigned long col)
{
    size_t k = st->n;
    while (st->open[kind] && k > 0 && st->v[k - 1].kind != kind)
        k--;
    if (!st->open[kind] || k == 0) {
        char ch[5];
        ch[gw_utf8_encode(cp, ch)] = '\0';
        gw_check_report(c, pairs[kind].quote ? GW_R_QUOTE_UNBALANCED : GW_R_BRACKET_UNBALANCED,
                        line, col, col + 1, N_("%s closes nothing that is open in its paragraph"),
                        ch);
        return;
    }
    /* what was opened after the matching opener was never closed */
    for (size_t i = k - 1; i < st->n; i++) {
        if (i >= k)
            unclosed(c, &st->v[i]);
        st->open[st->v[i].kind]--;
    }
    st->n = k - 1;
}

/* Whether the character at s[i] (ASCII or a lead byte) is one of
 * pairs[]: ( ) U+2018..U+201D U+3008..U+3015 U+FF08..U+FF09. The scan
 * below tells them by their bytes and passes over the rest of a report's
 * text (Han, 、。，) without decoding it. */
static int is_pair(const unsigned char *s, size_t i, size_t len)
{
    unsigned char b = s[i];
    if (b == '(' || b == ')')
        return 1;
    if (i + 2 >= len)
        return 0;
    unsigned char b1 = s[i + 1], b2 = s[i + 2];
    return (b == 0xE2 && b1 == 0x80 && b2 >= 0x98 && b2 <= 0x9D) ||
           (b == 0xE3 && b1 == 0x80 && b2 >= 0x88 && b2 <= 0x95) ||
           (b == 0xEF && b1 == 0xBC && (b2 == 0x88 || b2 == 0x89));
}

/* The byte length of the character whose lead byte is b (text is valid
 * UTF-8). */
static size_t step(unsigned char b)
{
    return b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
}

/* The code point before byte i, as far as apostrophe() cares: an ASCII
 * character itself, anything else 0x80; 0 at the start of the scan. */
static uint32_t ascii_before(const char *s, size_t start, size_t i)
{
    if (i <= start)
        return 0;
    unsigned char b = (unsigned char)s[i - 1];
    return b < 0x80 ? b : 0x80;
}

static void scan_line(gw_check_ctx *c, stack *st, unsigned long line)
{
    const gw_line *l = &c->lines->v[line - 1];
    const unsigned char *u = (const unsigned char *)l->s;
    const size_t start = c->skip[line - 1];
    unsigned long col = gw_check_column(c, line, start);
    for (size_t i = start; i < l->len; col++) {
        unsigned char b = u[i];
        if (b >= 0xE4 && b <= 0xE9) { /* Han, most of the text */
            i += 3;
            continue;
        }
        if (!is_pair(u, i, l->len)) {
            i += step(b);
            continue;
        }
        size_t at = i;
        uint32_t cp = gw_next(l->s, l->len, &i);
        for (size_t p = 0; p < NPAIRS; p++) {
            if (cp == pairs[p].open && push(st, (opener){kind_of(p), cp, line, col}) != GW_OK)
                c->out->status = GW_ERR_NOMEM;
            else if (cp == pairs[p].close &&
                     !(cp == 0x2019 &&
                       apostrophe(ascii_before(l->s, start, at), gw_peek(l->s, l->len, i))))
                close_pair(c, st, kind_of(p), cp, line, col);
        }
    }
}

void gw_check_brackets(gw_check_ctx *c)
{
    if (!gw_check_enabled(c, GW_R_BRACKET_UNBALANCED) &&
        !gw_check_enabled(c, GW_R_QUOTE_UNBALANCED))
        return;
    stack st = {0};
    for (unsigned long line = 1; line <= c->lines->n; line++) {
        if (c->starts[line - 1])
            end_paragraph(c, &st);
        scan_line(c, &st, line);
    }
    end_paragraph(c, &st);
    free(st.v);
}
