/* radical: a Kangxi or CJK radical (⼯ U+2F2F, ⺠ U+2EA0) where the text
 * means the ideograph it shows (工, 民). A PDF whose fonts map glyphs to
 * the radicals gives them when its text is copied; they look right and
 * are wrong: a search for 工作 misses ⼯作, and a reader of the text aloud
 * says the radical's name. The recognizer reads them as the ideographs
 * (gw_fold_radicals); this rule names each, so an editor can write the
 * ideograph (gongwen check --fix does). */
#include "check_rules.h"
#include "intl.h"
#include "utf8.h"

#include <string.h>

void gw_check_radical(gw_check_ctx *c)
{
    if (!gw_check_enabled(c, GW_R_RADICAL))
        return;
    for (unsigned long line = 1; line <= c->lines->n; line++) {
        const gw_line *l = &c->lines->v[line - 1];
        /* columns are counted only for a finding */
        for (size_t at = gw_next_radical(l->s, l->len, 0); at < l->len;
             at = gw_next_radical(l->s, l->len, at + 1)) {
            size_t k = at;
            uint32_t cp = gw_next(l->s, l->len, &k), to = gw_radical_ideograph(cp);
            if (!to)
                continue;
            char shown[4] = "", meant[4] = "";
            memcpy(shown, l->s + at, k - at);
            gw_utf8_encode(to, meant);
            unsigned long col = gw_check_column(c, line, at);
            gw_check_report(c, GW_R_RADICAL, line, col, col + 1,
                            N_("%s is the radical U+%04lX; write %s (U+%04lX)"), shown,
                            (unsigned long)cp, meant, (unsigned long)to);
        }
    }
}
