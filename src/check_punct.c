/* punct-halfwidth: ASCII , ; : ? ! ( ) written between Chinese characters,
 * where Chinese text wants the full-width marks ，；：？！（）. A mark counts
 * as "between" when a Han character stands on one side and a Han
 * character or a full-width mark on the other (or, for , and ;, a number
 * before it and Han after: 增长6%,城乡), so 1,000, 10:30, URLs and
 * English text pass. Markers at the start of a line ((一), 1)) are
 * marker-mixed's business and are skipped. */
#include "intl.h"
#include "check_rules.h"
#include "utf8.h"

#include <string.h>

static int cjk_mark(uint32_t cp)
{
    return (cp >= 0x3000 && cp <= 0x303F) || /* 、。《》「」【】 */
           (cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
           (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65) ||
           (cp >= 0x2018 && cp <= 0x201D) || cp == 0x2014 || cp == 0x2026;
}

static int cjk(uint32_t cp)
{
    return gw_is_han(cp) || cjk_mark(cp);
}

/* 6%,城乡: a number ends the clause the comma closes. */
static int after_number(uint32_t cp)
{
    int v;
    return cp == '%' || gw_is_digit(cp, &v);
}

static const char *fullwidth(uint32_t cp)
{
    switch (cp) {
    case ',':
        return "，";
    case ';':
        return "；";
    case ':':
        return "：";
    case '?':
        return "？";
    case '!':
        return "！";
    case '(':
        return "（";
    default:
        return "）";
    }
}

/* Whether the eight bytes at s are all non-ASCII (Chinese text): none
 * can be one of the marks. */
static int word_all_high(const char *s)
{
    const uint64_t highs = 0x8080808080808080u;
    uint64_t x;
    memcpy(&x, s, 8);
    return (x & highs) == highs;
}

static int ascii_mark(uint32_t cp)
{
    switch (cp) {
    case ',':
    case ';':
    case ':':
    case '?':
    case '!':
    case '(':
    case ')':
        return 1;
    default:
        return 0;
    }
}

/* The code point before byte i of s, whose scan began at start (0 there):
 * text is valid UTF-8, so the character's lead byte is at most three
 * bytes back, and never before start. */
static uint32_t before(const char *s, size_t start, size_t i)
{
    if (i <= start)
        return 0;
    size_t j = i - 1;
    while (j > start && ((unsigned char)s[j] & 0xC0) == 0x80)
        j--;
    return gw_next(s, i, &j);
}

void gw_check_punct(gw_check_ctx *c)
{
    if (!gw_check_enabled(c, GW_R_PUNCT_HALFWIDTH))
        return;
    for (unsigned long line = 1; line <= c->lines->n; line++) {
        const gw_line *l = &c->lines->v[line - 1];
        const size_t start = c->skip[line - 1];
        /* only the ASCII marks are looked at (a mark is never part of
         * another character), and columns are counted only for a finding */
        size_t counted = start;
        unsigned long col = gw_check_column(c, line, start);
        for (size_t i = start; i < l->len;) {
            if (i + 8 <= l->len && word_all_high(l->s + i)) {
                i += 8;
                continue;
            }
            uint32_t cp = (unsigned char)l->s[i++];
            if (!ascii_mark(cp))
                continue;
            uint32_t prev = before(l->s, start, i - 1), next = gw_peek(l->s, l->len, i);
            if ((gw_is_han(prev) && cjk(next)) || (cjk(prev) && gw_is_han(next)) ||
                ((cp == ',' || cp == ';') && after_number(prev) && gw_is_han(next))) {
                col += (unsigned long)gw_utf8_count(l->s + counted, i - 1 - counted);
                counted = i - 1;
                gw_check_report(c, GW_R_PUNCT_HALFWIDTH, line, col, col + 1,
                                N_("ASCII %c between Chinese characters; write %s"), (int)cp,
                                fullwidth(cp));
            }
        }
    }
}
