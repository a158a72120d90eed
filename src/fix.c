/* The mechanical fixes (see fix.h). A fix is made only when the text
 * still holds exactly what the diagnostic describes. */
#include "fix.h"
#include "check_rules.h"
#include "intl.h"
#include "names.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

int gw_edits_add(gw_edits *e, size_t from, size_t to, const char *text)
{
    if (e->n == e->cap) {
        size_t cap = e->cap ? e->cap * 2 : 8;
        gw_edit *v = realloc(e->v, cap * sizeof *v);
        if (!v)
            return -1;
        e->v = v;
        e->cap = cap;
    }
    gw_edit *x = &e->v[e->n];
    if (!(x->text = strdup(text)))
        return -1;
    x->from = from;
    x->to = to;
    e->n++;
    return 0;
}

void gw_edits_free(gw_edits *e)
{
    for (size_t i = 0; i < e->n; i++)
        free(e->v[i].text);
    free(e->v);
    *e = (gw_edits){0};
}

/* ---- the fixes ------------------------------------------------------------- */

/* Trailing white space: the range is white space up to the line end. */
static int trailing(const gw_lsp_doc *d, const gw_diag *g, gw_edits *e, char *title, size_t cap)
{
    size_t from = gw_lsp_offset_of(d, g->line, g->column);
    size_t to = gw_lsp_offset_of(d, g->end_line, g->end_column);
    if (g->line != g->end_line || from >= to || to != gw_lsp_line_end(d, g->line - 1) ||
        gw_skip_space(d->text + from, to - from, 0) != to - from)
        return 0;
    snprintf(title, cap, "%s", _("Remove trailing white space"));
    return gw_edits_add(e, from, to, "") == 0 ? 1 : -1;
}

static const char *fullwidth(char c)
{
    static const char ascii[] = ",;:?!()";
    static const char *const wide[] = {"，", "；", "：", "？", "！", "（", "）"};
    const char *p = c ? strchr(ascii, c) : NULL;
    return p ? wide[p - ascii] : NULL;
}

/* The ASCII bracket that pairs with the one at byte at, on its line: the
 * next ) at the same depth for (, the one before for ); 0 if none. */
static int partner(const gw_lsp_doc *d, unsigned long line, size_t at, size_t *out)
{
    size_t start = gw_lsp_offset_of(d, line, 1), end = gw_lsp_line_end(d, line - 1);
    int forward = d->text[at] == '(', depth = 0;
    for (size_t i = at; forward ? i < end : i + 1 > start; forward ? i++ : i--) {
        depth += d->text[i] == (forward ? '(' : ')');
        depth -= d->text[i] == (forward ? ')' : '(');
        if (depth == 0) {
            *out = i;
            return 1;
        }
        if (!forward && i == 0)
            break;
    }
    return 0;
}

/* Whether the checker found the ASCII mark at byte at (line 1-based). */
static int flagged(const gw_lsp_doc *d, unsigned long line, size_t at)
{
    const char *rule = gw_rule_name(GW_R_PUNCT_HALFWIDTH);
    for (size_t i = 0; i < d->diags.n; i++) {
        const gw_diag *g = &d->diags.v[i];
        if (g->line == line && !strcmp(g->rule, rule) &&
            gw_lsp_offset_of(d, g->line, g->column) == at)
            return 1;
    }
    return 0;
}

/* An ASCII mark between Chinese characters. A bracket is changed only
 * with its partner, and only when the checker found that one too: 价格(元)
 * becomes 价格（元）, but GDP(亿元)计 keeps both, as （亿元) would pair
 * worse than before. */
static int punct(const gw_lsp_doc *d, const gw_diag *g, gw_edits *e, char *title, size_t cap)
{
    size_t from = gw_lsp_offset_of(d, g->line, g->column);
    size_t to = gw_lsp_offset_of(d, g->end_line, g->end_column), other;
    char c = d->text[from];
    const char *w = to == from + 1 ? fullwidth(c) : NULL;
    if (!w)
        return 0;
    if (c == '(' || c == ')') {
        if (!partner(d, g->line, from, &other) || !flagged(d, g->line, other))
            return 0;
        snprintf(title, cap, "%s", _("Write （ and ） for ( and )"));
        size_t open = c == '(' ? from : other, close = c == '(' ? other : from;
        return gw_edits_add(e, open, open + 1, "（") == 0 &&
                       gw_edits_add(e, close, close + 1, "）") == 0
                   ? 1
                   : -1;
    }
    snprintf(title, cap, _("Write %s for %c"), w, c);
    return gw_edits_add(e, from, to, w) == 0 ? 1 : -1;
}

/* A radical where the text means the ideograph it shows: ⼯ becomes 工. */
static int radical(const gw_lsp_doc *d, const gw_diag *g, gw_edits *e, char *title, size_t cap)
{
    size_t from = gw_lsp_offset_of(d, g->line, g->column);
    size_t to = gw_lsp_offset_of(d, g->end_line, g->end_column), k = from;
    uint32_t to_cp = to > from ? gw_radical_ideograph(gw_next(d->text, to, &k)) : 0;
    if (!to_cp || k != to)
        return 0;
    char meant[8] = "", shown[8] = "";
    gw_utf8_encode(to_cp, meant);
    memcpy(shown, d->text + from, to - from < 4 ? to - from : 4);
    snprintf(title, cap, _("Write %s for the radical %s"), meant, shown);
    return gw_edits_add(e, from, to, meant) == 0 ? 1 : -1;
}

/* The elements numbered in one run with n: its siblings of the same kind
 * and family, or (chapters, boxes) all of them in the document. */
typedef struct {
    const xmlNode **v;
    size_t n, cap;
} nodes;

static int same_run(const xmlNode *a, const xmlNode *b)
{
    if (!b || b->type != XML_ELEMENT_NODE || strcmp((const char *)a->name, (const char *)b->name))
        return 0;
    if (!gw_is_elem(a, GW_E_SECTION))
        return 1;
    char *fa = gw_attr(a, GW_A_FAMILY), *fb = gw_attr(b, GW_A_FAMILY);
    int same = fa && fb && !strcmp(fa, fb);
    xmlFree(fa);
    xmlFree(fb);
    return same;
}

static int nodes_add(nodes *r, const xmlNode *n)
{
    if (r->n == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 16;
        const xmlNode **v = realloc(r->v, cap * sizeof *v);
        if (!v)
            return -1;
        r->v = v;
        r->cap = cap;
    }
    r->v[r->n++] = n;
    return 0;
}

static int collect_all(nodes *r, const xmlNode *like, const xmlNode *parent)
{
    for (const xmlNode *k = parent->children; k; k = k->next) {
        if (k->type != XML_ELEMENT_NODE)
            continue;
        if (same_run(like, k) && nodes_add(r, k) != 0)
            return -1;
        if (collect_all(r, like, k) != 0)
            return -1;
    }
    return 0;
}

static int global_run(const xmlNode *n)
{
    if (gw_is_elem(n, GW_E_BOX))
        return 1;
    char *f = gw_attr(n, GW_A_FAMILY);
    int zhang = f && !strcmp(f, "zhang");
    xmlFree(f);
    return zhang;
}

static int collect(nodes *r, const xmlNode *n)
{
    if (global_run(n))
        return collect_all(r, n, xmlDocGetRootElement(n->doc));
    for (const xmlNode *k = n->parent->children; k; k = k->next)
        if (same_run(n, k) && nodes_add(r, k) != 0)
            return -1;
    return 0;
}

/* The ordinal an element carries: its n, else its marker's. */
static int ordinal(const xmlNode *n, const char *num)
{
    long v = gw_attr_long(n, GW_A_N, 0);
    return v > 0 && v < 100000 ? (int)v : num ? gw_marker_value(num) : 0;
}

/* Renumbers r->v[at..] from the ordinal after r->v[at - 1]'s; 1 when
 * something changes, 0 when the markers cannot all be found, -1 when out
 * of memory. */
static int renumber_run(const gw_lsp_doc *d, const nodes *r, size_t at, gw_edits *e)
{
    int next = 1;
    if (at > 0) {
        char *prev = gw_num_text(r->v[at - 1]);
        next = ordinal(r->v[at - 1], prev) + 1;
        free(prev);
        if (next < 2)
            return 0;
    }
    for (size_t i = at; i < r->n; i++, next++) {
        const xmlNode *k = r->v[i];
        const xmlNode *title =
            gw_is_elem(k, GW_E_SECTION) || gw_is_elem(k, GW_E_BOX) ? gw_child(k, GW_E_TITLE) : k;
        char *num = gw_num_text(k);
        if (!num) {
            if (!gw_is_elem(k, GW_E_SECTION))
                return 0;
            continue; /* an inferred heading holds its number unwritten */
        }
        size_t from, to;
        unsigned long line = (unsigned long)gw_attr_long(title, GW_A_LINE, 0);
        size_t start = gw_lsp_offset_of(d, line, 1);
        /* only a marker that opens its line is surely the marker: 二是
         * inside a sentence could be text */
        int found = ordinal(k, num) > 0 && gw_lsp_find_marker(d, line, num, &from, &to) &&
                    from == start + gw_skip_space(d->text + start, from - start, 0);
        char *want = found ? gw_marker_with(num, next) : NULL;
        int rc = !found ? 0 : !want ? -1 : strcmp(want, num) ? gw_edits_add(e, from, to, want) : 0;
        free(num);
        free(want);
        if (!found || rc < 0)
            return found ? -1 : 0;
    }
    return e->n > 0;
}

static int renumber(const gw_lsp_doc *d, const gw_diag *g, gw_edits *e, char *title, size_t cap)
{
    size_t at = gw_lsp_offset_of(d, g->line, g->column), from, to;
    char *num = NULL;
    xmlNode *root = xmlDocGetRootElement(gw_document_xml(d->tree));
    const xmlNode *n = root ? gw_lsp_marker_at(d, root, g->line, at, &from, &to, &num) : NULL;
    if (!n)
        return 0;
    nodes r = {0};
    int rc = collect(&r, n);
    size_t i = 0;
    while (i < r.n && r.v[i] != n)
        i++;
    if (rc == 0 && i < r.n)
        rc = renumber_run(d, &r, i, e);
    if (rc > 0)
        snprintf(title, cap, _("Renumber %s and the markers after it (%zu changed)"), num, e->n);
    free(num);
    free(r.v);
    return rc;
}

/* ---- the whole document ---------------------------------------------------- */

typedef int fixer(const gw_lsp_doc *d, const gw_diag *g, gw_edits *e, char *title, size_t cap);

gw_fix_kind gw_fix_kind_of(const gw_diag *g)
{
    if (!strcmp(g->rule, gw_rule_name(GW_R_WHITESPACE)) ||
        !strcmp(g->rule, gw_rule_name(GW_R_PUNCT_HALFWIDTH)) ||
        !strcmp(g->rule, gw_rule_name(GW_R_RADICAL)))
        return GW_FIX_LOCAL;
    if (!strcmp(g->rule, gw_rule_name(GW_R_NUMBERING_GAP)) ||
        !strcmp(g->rule, gw_rule_name(GW_R_NUMBERING_DUPLICATE)))
        return GW_FIX_RENUMBER;
    return GW_FIX_NONE;
}

int gw_fix_one(const gw_lsp_doc *d, const gw_diag *g, gw_edits *e, char *title, size_t cap)
{
    fixer *f = NULL;
    if (!strcmp(g->rule, gw_rule_name(GW_R_WHITESPACE)))
        f = trailing;
    else if (!strcmp(g->rule, gw_rule_name(GW_R_PUNCT_HALFWIDTH)))
        f = punct;
    else if (!strcmp(g->rule, gw_rule_name(GW_R_RADICAL)))
        f = radical;
    else if (gw_fix_kind_of(g) == GW_FIX_RENUMBER)
        f = renumber;
    return f ? f(d, g, e, title, cap) : 0;
}

static int by_position(const void *a, const void *b)
{
    const gw_edit *x = a, *y = b;
    return x->from < y->from ? -1 : x->from > y->from;
}

/* Whether any edit of add touches one of have (sorted); an insertion at
 * the edge of another edit counts, as their order would be unclear. */
static int overlaps(const gw_edits *have, const gw_edits *add)
{
    for (size_t i = 0; i < add->n; i++)
        for (size_t k = 0; k < have->n; k++)
            if (add->v[i].from <= have->v[k].to && have->v[k].from <= add->v[i].to)
                return 1;
    return 0;
}

/* Moves the edits of add to the end of e. */
static int take(gw_edits *e, gw_edits *add)
{
    for (size_t i = 0; i < add->n; i++) {
        if (gw_edits_add(e, add->v[i].from, add->v[i].to, add->v[i].text) != 0)
            return -1;
    }
    return 0;
}

int gw_fix_all(const gw_lsp_doc *d, unsigned mask, gw_edits *e)
{
    char title[512];
    for (size_t i = 0; i < d->diags.n; i++) {
        const gw_diag *g = &d->diags.v[i];
        if (!(mask & (1u << gw_fix_kind_of(g))) || gw_fix_kind_of(g) == GW_FIX_NONE)
            continue;
        gw_edits one = {0};
        int rc = gw_fix_one(d, g, &one, title, sizeof title);
        if (rc > 0 && !overlaps(e, &one))
            rc = take(e, &one);
        gw_edits_free(&one);
        if (rc < 0)
            return -1;
    }
    if (e->n > 1)
        qsort(e->v, e->n, sizeof *e->v, by_position);
    return 0;
}

char *gw_edits_apply(const char *text, size_t len, const gw_edits *e, size_t *out_len)
{
    size_t total = len;
    for (size_t i = 0; i < e->n; i++)
        total = total - (e->v[i].to - e->v[i].from) + strlen(e->v[i].text);
    char *out = total + 1 > total ? malloc(total + 1) : NULL;
    if (!out)
        return NULL;
    size_t at = 0, o = 0;
    for (size_t i = 0; i < e->n; i++) {
        size_t n = strlen(e->v[i].text);
        memcpy(out + o, text + at, e->v[i].from - at);
        o += e->v[i].from - at;
        memcpy(out + o, e->v[i].text, n);
        o += n;
        at = e->v[i].to;
    }
    memcpy(out + o, text + at, len - at);
    o += len - at;
    out[o] = '\0';
    *out_len = o;
    return out;
}
