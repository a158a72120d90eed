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

void gw_check_punct(gw_check_ctx *c)
{
    if (!gw_check_enabled(c, GW_R_PUNCT_HALFWIDTH))
        return;
    for (unsigned long line = 1; line <= c->lines->n; line++) {
        const gw_line *l = &c->lines->v[line - 1];
        size_t i = c->skip[line - 1];
        unsigned long col = gw_check_column(c, line, i);
        uint32_t prev = 0;
        for (; i < l->len; col++) {
            uint32_t cp = gw_next(l->s, l->len, &i);
            uint32_t next = gw_peek(l->s, l->len, i);
            if (cp < 0x80 && cp && strchr(",;:?!()", (int)cp) &&
                ((gw_is_han(prev) && cjk(next)) || (cjk(prev) && gw_is_han(next)) ||
                 ((cp == ',' || cp == ';') && after_number(prev) && gw_is_han(next))))
                gw_check_report(c, GW_R_PUNCT_HALFWIDTH, line, col, col + 1,
                                _("ASCII %c between Chinese characters; write %s"), (int)cp,
                                fullwidth(cp));
            prev = cp;
        }
    }
}
