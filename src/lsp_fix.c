/* Code actions: quick fixes for what the checker found and a machine can
 * fix without doubt. Trailing white space is deleted; an ASCII , ; : ? !
 * ( ) between Chinese characters becomes its full-width form; a numbering
 * gap or duplicate renumbers that marker and the ones after it in its run
 * (siblings of its family; chapters and boxes across the document), each
 * in its own style (gw_marker_with). A fix is offered only when the text
 * still holds exactly what the diagnostic describes. */
#include "check_rules.h"
#include "intl.h"
#include "lsp.h"
#include "names.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    size_t from, to;
    char *text; /* owned */
} edit;

typedef struct {
    edit *v;
    size_t n, cap;
} edits;

static int edits_add(edits *e, size_t from, size_t to, const char *text)
{
    if (e->n == e->cap) {
        size_t cap = e->cap ? e->cap * 2 : 8;
        edit *v = realloc(e->v, cap * sizeof *v);
        if (!v)
            return -1;
        e->v = v;
        e->cap = cap;
    }
    edit *x = &e->v[e->n];
    if (!(x->text = strdup(text)))
        return -1;
    x->from = from;
    x->to = to;
    e->n++;
    return 0;
}

static void edits_free(edits *e)
{
    for (size_t i = 0; i < e->n; i++)
        free(e->v[i].text);
    free(e->v);
    *e = (edits){0};
}

/* ---- the fixes ------------------------------------------------------------- */

/* Trailing white space: the range is white space up to the line end. */
static int trailing(const gw_lsp_doc *d, const gw_diag *g, edits *e, char *title, size_t cap)
{
    size_t from = gw_lsp_offset_of(d, g->line, g->column);
    size_t to = gw_lsp_offset_of(d, g->end_line, g->end_column);
    if (g->line != g->end_line || from >= to || to != gw_lsp_line_end(d, g->line - 1) ||
        gw_skip_space(d->text + from, to - from, 0) != to - from)
        return 0;
    snprintf(title, cap, "%s", _("Remove trailing white space"));
    return edits_add(e, from, to, "") == 0 ? 1 : -1;
}

static const char *fullwidth(char c)
{
    static const char ascii[] = ",;:?!()";
    static const char *const wide[] = {"，", "；", "：", "？", "！", "（", "）"};
    const char *p = c ? strchr(ascii, c) : NULL;
    return p ? wide[p - ascii] : NULL;
}

static int punct(const gw_lsp_doc *d, const gw_diag *g, edits *e, char *title, size_t cap)
{
    size_t from = gw_lsp_offset_of(d, g->line, g->column);
    size_t to = gw_lsp_offset_of(d, g->end_line, g->end_column);
    const char *w = to == from + 1 ? fullwidth(d->text[from]) : NULL;
    if (!w)
        return 0;
    snprintf(title, cap, _("Write %s for %c"), w, d->text[from]);
    return edits_add(e, from, to, w) == 0 ? 1 : -1;
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
static int renumber_run(const gw_lsp_doc *d, const nodes *r, size_t at, edits *e)
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
        int rc = !found ? 0 : !want ? -1 : strcmp(want, num) ? edits_add(e, from, to, want) : 0;
        free(num);
        free(want);
        if (!found || rc < 0)
            return found ? -1 : 0;
    }
    return e->n > 0;
}

static int renumber(const gw_lsp_doc *d, const gw_diag *g, edits *e, char *title, size_t cap)
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

/* ---- the actions --------------------------------------------------------------- */

/* {changes: {uri: [TextEdit...]}} */
static json_object *workspace_edit(const gw_lsp_doc *d, const edits *e)
{
    json_object *list = json_object_new_array(), *changes = NULL, *w = NULL;
    for (size_t i = 0; list && i < e->n; i++) {
        json_object *t = json_object_new_object();
        if (!t || gw_lsp_set(t, "range", gw_lsp_json_range(d, e->v[i].from, e->v[i].to)) != 0 ||
            gw_lsp_set(t, "newText", json_object_new_string(e->v[i].text)) != 0 ||
            json_object_array_add(list, t) != 0) {
            json_object_put(t);
            json_object_put(list);
            return NULL;
        }
    }
    if (!list || !(changes = json_object_new_object()) || gw_lsp_set(changes, d->uri, list) != 0) {
        json_object_put(changes);
        if (!changes)
            json_object_put(list);
        return NULL;
    }
    if (!(w = json_object_new_object()) || gw_lsp_set(w, "changes", changes) != 0) {
        json_object_put(w);
        if (!w)
            json_object_put(changes);
        return NULL;
    }
    return w;
}

static json_object *action(const gw_lsp_doc *d, const char *title, const char *kind,
                           const gw_diag *g, const edits *e)
{
    json_object *o = json_object_new_object();
    int ok = o && gw_lsp_set(o, "title", json_object_new_string(title)) == 0 &&
             gw_lsp_set(o, "kind", json_object_new_string(kind)) == 0;
    if (ok && g) {
        json_object *diags = json_object_new_array(), *one = gw_lsp_json_diag(d, g);
        ok = diags && one && json_object_array_add(diags, one) == 0;
        if (!ok) {
            json_object_put(one);
            json_object_put(diags);
        } else {
            ok = gw_lsp_set(o, "diagnostics", diags) == 0 &&
                 gw_lsp_set(o, "isPreferred", json_object_new_boolean(1)) == 0;
        }
    }
    if (!ok || gw_lsp_set(o, "edit", workspace_edit(d, e)) != 0) {
        json_object_put(o);
        return NULL;
    }
    return o;
}

typedef int fixer(const gw_lsp_doc *d, const gw_diag *g, edits *e, char *title, size_t cap);

static fixer *fixer_for(const gw_diag *g)
{
    if (!strcmp(g->rule, gw_rule_name(GW_R_WHITESPACE)))
        return trailing;
    if (!strcmp(g->rule, gw_rule_name(GW_R_PUNCT_HALFWIDTH)))
        return punct;
    if (!strcmp(g->rule, gw_rule_name(GW_R_NUMBERING_GAP)) ||
        !strcmp(g->rule, gw_rule_name(GW_R_NUMBERING_DUPLICATE)))
        return renumber;
    return NULL;
}

/* All trailing white space and punctuation fixes of the document, in
 * one edit (they never overlap: one deletes white space, the other
 * replaces a mark). */
static int fix_all(const gw_lsp_doc *d, edits *e)
{
    char title[256];
    for (size_t i = 0; i < d->diags.n; i++) {
        fixer *f = fixer_for(&d->diags.v[i]);
        if ((f == trailing || f == punct) && f(d, &d->diags.v[i], e, title, sizeof title) < 0)
            return -1;
    }
    return 0;
}

json_object *gw_lsp_code_actions(const gw_lsp_doc *d, unsigned long first, unsigned long last,
                                 int *oom)
{
    *oom = 0;
    json_object *a = json_object_new_array();
    size_t quick = 0;
    for (size_t i = 0; a && !*oom && i < d->diags.n; i++) {
        const gw_diag *g = &d->diags.v[i];
        fixer *f = fixer_for(g);
        if (!f || g->end_line < first + 1 || g->line > last + 1)
            continue;
        edits e = {0};
        char title[512];
        int rc = f(d, g, &e, title, sizeof title);
        json_object *o = rc > 0 ? action(d, title, "quickfix", g, &e) : NULL;
        if (rc < 0 || (rc > 0 && (!o || json_object_array_add(a, o) != 0))) {
            json_object_put(o);
            *oom = 1;
        }
        quick += rc > 0;
        edits_free(&e);
    }
    if (a && !*oom && quick > 0) {
        edits e = {0};
        json_object *o = NULL;
        if (fix_all(d, &e) != 0 ||
            (e.n > 1 && (!(o = action(d, _("Fix all trailing white space and ASCII punctuation"),
                                      "source.fixAll", NULL, &e)) ||
                         json_object_array_add(a, o) != 0))) {
            json_object_put(o);
            *oom = 1;
        }
        edits_free(&e);
    }
    if (*oom) {
        json_object_put(a);
        return NULL;
    }
    *oom = !a;
    return a;
}
