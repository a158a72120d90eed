/* The rule table and the reporting helpers every rule uses. */
#include "check_rules.h"
#include "intl.h"
#include "names.h"
#include "utf8.h"

#include <stdarg.h>
#include <string.h>

static const struct {
    const char *id;
    gw_severity severity;
    const char *description;
} rules[GW_R_COUNT] = {
    [GW_R_NUMBERING_GAP] = {"numbering-gap", GW_SEV_WARNING,
                            N_("A numbered heading or item skips a number.")},
    [GW_R_NUMBERING_DUPLICATE] = {"numbering-duplicate", GW_SEV_WARNING,
                                  N_("A number is used twice among siblings.")},
    [GW_R_NUMBERING_ORDER] = {"numbering-order", GW_SEV_WARNING,
                              N_("Numbers among siblings are out of order.")},
    [GW_R_NUMBERING_RESTART] = {"numbering-restart", GW_SEV_WARNING,
                                N_("Numbering restarts at 1 where it should continue.")},
    [GW_R_LEVEL_SKIP] = {"level-skip", GW_SEV_WARNING,
                         N_("A heading level is used without the level above it.")},
    [GW_R_MARKER_MIXED] = {"marker-mixed", GW_SEV_WARNING,
                           N_("One marker family is written in different forms.")},
    [GW_R_UNNUMBERED_HEADING] = {"unnumbered-heading", GW_SEV_WARNING,
                                 N_("A heading among numbered headings has no number.")},
    [GW_R_EMPTY_SECTION] = {"empty-section", GW_SEV_WARNING,
                            N_("A heading has no content before the next heading.")},
    [GW_R_BRACKET_UNBALANCED] = {"bracket-unbalanced", GW_SEV_WARNING,
                                 N_("A bracket is not closed within its paragraph.")},
    [GW_R_QUOTE_UNBALANCED] = {"quote-unbalanced", GW_SEV_WARNING,
                               N_("A quotation mark is not closed within its paragraph.")},
    [GW_R_PUNCT_HALFWIDTH] = {"punct-halfwidth", GW_SEV_WARNING,
                              N_("ASCII punctuation stands between Chinese characters.")},
    [GW_R_BOX_UNTERMINATED] = {"box-unterminated", GW_SEV_WARNING,
                               N_("A box (专栏) has no items.")},
    [GW_R_TABLE_SHAPE] = {"table-shape", GW_SEV_WARNING,
                          N_("A table row or cell does not fit the table's shape.")},
    [GW_R_ENCODING] = {"encoding", GW_SEV_ERROR, N_("The input has invalid byte sequences.")},
    [GW_R_WHITESPACE] = {"whitespace", GW_SEV_NOTE,
                         N_("Trailing, letter-spacing or mixed white space.")},
    [GW_R_RADICAL] = {"radical", GW_SEV_WARNING,
                      N_("A radical stands for the character it shows (text copied from a "
                         "PDF).")},
};

const char *gw_rule_name(gw_rule r)
{
    return rules[r].id;
}

gw_severity gw_rule_severity(gw_rule r)
{
    return rules[r].severity;
}

const char *gw_rule_description(gw_rule r)
{
    return rules[r].description;
}

gw_rule gw_rule_find(const char *id)
{
    for (int r = 0; r < GW_R_COUNT; r++)
        if (!strcmp(id, rules[r].id))
            return (gw_rule)r;
    return GW_R_COUNT;
}

int gw_check_enabled(const gw_check_ctx *c, gw_rule r)
{
    return !c->opt->disabled[r];
}

/* The one way a rule's finding is added: at the severity the options
 * give the rule (the node form had kept the default, so "numbering-gap":
 * "error" in .gongwen.json changed nothing), omitted before its message is
 * made or translated when --max-diagnostics keeps it out. */
static void vreport(gw_check_ctx *c, gw_rule r, unsigned long line, unsigned long column,
                    unsigned long end_column, const char *fmt, va_list ap)
{
    gw_severity sev =
        c->opt->severity[r] ? (gw_severity)(c->opt->severity[r] - 1) : rules[r].severity;
    unsigned long end = end_column > column ? end_column : column + 1;
    if (!gw_diags_omits(c->out, rules[r].id, sev, line, column, line, end))
        gw_diags_vadd(c->out, rules[r].id, sev, line, column, line, end, _(fmt), ap);
}

void gw_check_report(gw_check_ctx *c, gw_rule r, unsigned long line, unsigned long column,
                     unsigned long end_column, const char *fmt, ...)
{
    if (!gw_check_enabled(c, r))
        return;
    va_list ap;
    va_start(ap, fmt);
    vreport(c, r, line, column, end_column, fmt, ap);
    va_end(ap);
}

void gw_check_report_at(gw_check_ctx *c, gw_rule r, const xmlNode *node, const char *fmt, ...)
{
    if (!gw_check_enabled(c, r))
        return;
    gw_range g;
    unsigned long line, col, end;
    if (gw_range_of(node, &g)) {
        line = g.line;
        col = g.column;
        end = g.end_line == g.line ? g.end_column : gw_check_end_column(c, line);
    } else { /* a tree without ranges: the whole line */
        line = (unsigned long)gw_attr_long(node, GW_A_LINE, 0);
        col = gw_check_first_column(c, line);
        end = gw_check_end_column(c, line);
    }
    va_list ap;
    va_start(ap, fmt);
    vreport(c, r, line, col, end, fmt, ap);
    va_end(ap);
}

size_t gw_check_offset(const gw_check_ctx *c, unsigned long line, unsigned long column)
{
    if (line == 0 || line > c->lines->n)
        return 0;
    const gw_line *l = &c->lines->v[line - 1];
    size_t i = 0;
    for (unsigned long k = 1; k < column && i < l->len; k++)
        gw_next(l->s, l->len, &i);
    return i;
}

unsigned long gw_check_column(const gw_check_ctx *c, unsigned long line, size_t off)
{
    if (line == 0 || line > c->lines->n)
        return 1;
    const gw_line *l = &c->lines->v[line - 1];
    return (unsigned long)gw_utf8_count(l->s, off < l->len ? off : l->len) + 1;
}

unsigned long gw_check_first_column(const gw_check_ctx *c, unsigned long line)
{
    if (line == 0 || line > c->lines->n)
        return 1;
    const gw_line *l = &c->lines->v[line - 1];
    return gw_check_column(c, line, gw_skip_space(l->s, l->len, 0));
}

unsigned long gw_check_end_column(const gw_check_ctx *c, unsigned long line)
{
    if (line == 0 || line > c->lines->n)
        return 2;
    const gw_line *l = &c->lines->v[line - 1];
    return gw_check_column(c, line, gw_trim_end(l->s, l->len));
}
