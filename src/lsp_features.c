/* What the language server reads off an analysed document: diagnostics
 * from the checker, the outline as nested document symbols, folding
 * ranges, and hover on a marker. Places come from the tree's ranges
 * (line, column, end-line, end-column); a tree without them gives lines
 * only, and an element then ends where the next element after it begins. */
#include "check_rules.h"
#include "intl.h"
#include "lsp.h"
#include "names.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

/* LSP DiagnosticSeverity and SymbolKind values */
enum { SEV_ERROR = 1, SEV_WARNING = 2, SEV_INFORMATION = 3 };
enum {
    SYM_NAMESPACE = 3,
    SYM_STRUCT = 23,
    SYM_ARRAY = 18,
    SYM_KEY = 20,
    SYM_ENUM_MEMBER = 22,
};

/* Longest symbol name, in bytes; a run-in heading's title is a sentence. */
#define MAX_NAME 240

unsigned long gw_lsp_first_line(const xmlNode *n)
{
    if (!n || n->type != XML_ELEMENT_NODE)
        return 0;
    long l = gw_attr_long(n, GW_A_LINE, 0);
    if (l > 0)
        return (unsigned long)l;
    for (const xmlNode *k = n->children; k; k = k->next) {
        unsigned long f = gw_lsp_first_line(k);
        if (f)
            return f;
    }
    return 0;
}

/* The first line of what follows n in document order, outside it; 0 if
 * nothing does. */
static unsigned long next_line(const xmlNode *n)
{
    for (; n && n->type == XML_ELEMENT_NODE; n = n->parent)
        for (const xmlNode *s = n->next; s; s = s->next) {
            unsigned long f = gw_is_elem(s, GW_E_DIAGNOSTICS) ? 0 : gw_lsp_first_line(s);
            if (f)
                return f;
        }
    return 0;
}

unsigned long gw_lsp_last_line(const gw_lsp_doc *d, const xmlNode *n)
{
    unsigned long first = gw_lsp_first_line(n), next = next_line(n);
    unsigned long last = next > first ? next - 1 : next ? first : d->nlines;
    while (last > first && gw_lsp_line_blank(d, last))
        last--;
    return last ? last : 1;
}

/* ---- diagnostics ----------------------------------------------------------- */

json_object *gw_lsp_json_diag(const gw_lsp_doc *d, const gw_diag *g)
{
    size_t from = gw_lsp_offset_of(d, g->line, g->column);
    size_t to = gw_lsp_offset_of(d, g->end_line, g->end_column);
    int sev = g->severity == GW_SEV_ERROR     ? SEV_ERROR
              : g->severity == GW_SEV_WARNING ? SEV_WARNING
                                              : SEV_INFORMATION;
    json_object *o = json_object_new_object();
    if (o &&
        (gw_lsp_set(o, "range", gw_lsp_json_range(d, from, to)) != 0 ||
         gw_lsp_set(o, "severity", json_object_new_int(sev)) != 0 ||
         gw_lsp_set(o, "code", json_object_new_string(g->rule)) != 0 ||
         gw_lsp_set(o, "source", json_object_new_string("gongwen")) != 0 ||
         gw_lsp_set(o, "message", json_object_new_string(g->message ? g->message : "")) != 0)) {
        json_object_put(o);
        return NULL;
    }
    return o;
}

json_object *gw_lsp_diagnostics(const gw_lsp_doc *d, int *oom)
{
    /* the first d->shown, and a note where the rest start: an editor
     * given a million squiggles stalls (the document keeps them all, for
     * the fixes) */
    size_t more = d->shown && d->diags.n > d->shown ? d->diags.n - d->shown : 0;
    size_t shown = d->diags.n - more;
    gw_diag note = {0};
    if (more)
        note = gw_omitted_note(&d->diags.v[shown], more, 0);
    json_object *a = more && !note.message ? NULL : json_object_new_array();
    for (size_t i = 0; a && i < shown + (note.message != NULL); i++) {
        json_object *o = gw_lsp_json_diag(d, i < shown ? &d->diags.v[i] : &note);
        if (!o || json_object_array_add(a, o) != 0) {
            json_object_put(o);
            json_object_put(a);
            a = NULL;
        }
    }
    free(note.message);
    *oom = !a;
    return a;
}

/* ---- document symbols ------------------------------------------------------ */

/* The text of n with white space runs made one space, cut to MAX_NAME
 * bytes at a character boundary; malloc'ed, NULL when out of memory. */
static char *flat_text(const xmlNode *n)
{
    xmlChar *c = xmlNodeGetContent(n);
    if (!c)
        return NULL;
    const char *s = (const char *)c;
    size_t len = strlen(s), o = 0, i = gw_skip_space(s, len, 0);
    char *out = malloc(MAX_NAME + 4);
    while (out && i < len && o < MAX_NAME) {
        size_t from = i;
        uint32_t cp = gw_next(s, len, &i);
        if (gw_is_space(cp)) {
            i = gw_skip_space(s, len, from);
            if (i < len)
                out[o++] = ' ';
        } else if (o + (i - from) <= MAX_NAME) {
            memcpy(out + o, s + from, i - from);
            o += i - from;
        } else {
            break;
        }
    }
    if (out)
        out[o] = '\0';
    xmlFree(c);
    return out;
}

/* The symbol kind of an element, or 0 if it is no symbol. */
static int symbol_kind(const xmlNode *n)
{
    if (gw_is_elem(n, GW_E_SECTION))
        return SYM_NAMESPACE;
    if (gw_is_elem(n, GW_E_BOX))
        return SYM_STRUCT;
    if (gw_is_elem(n, GW_E_TABLE))
        return SYM_ARRAY;
    if (gw_is_elem(n, GW_E_NOTE))
        return SYM_KEY;
    if (gw_is_elem(n, GW_E_ITEM) && gw_is_elem(n->parent, GW_E_BOX))
        return SYM_ENUM_MEMBER;
    return 0;
}

/* Whether a space belongs between a marker and its title when the name
 * shows them together: after 第一章 and 专栏1, not after 一、 1. or 一是. */
static int spaced(const xmlNode *owner, const char *num)
{
    size_t len = strlen(num), i = len;
    while (i > 0 && ((unsigned char)num[i - 1] & 0xC0) == 0x80)
        i--;
    if (i == 0)
        return 0;
    int v;
    uint32_t last = gw_peek(num, len, i - 1);
    char *family = gw_attr(owner, GW_A_FAMILY);
    int runin = family && !strcmp(family, "shi");
    xmlFree(family);
    return !runin && (gw_is_han(last) || gw_is_digit(last, &v));
}

/* The marker of owner (in num) and the text of what, one space between
 * them where spaced() wants it; malloc'ed. */
static char *with_marker(const xmlNode *owner, const xmlNode *num, const xmlNode *what)
{
    char *a = num ? flat_text(num) : strdup(""), *b = what ? flat_text(what) : strdup("");
    char *out = NULL;
    if (a && b) {
        size_t na = strlen(a), nb = strlen(b);
        /* a title's text holds its num: leave that copy out */
        const char *rest = what && num && num->parent == what && !strncmp(b, a, na) ? b + na : b;
        while (*rest == ' ')
            rest++;
        out = malloc(na + nb + 2);
        if (out)
            snprintf(out, na + nb + 2, "%s%s%s", a, *a && *rest && spaced(owner, a) ? " " : "",
                     rest);
    }
    free(a);
    free(b);
    return out;
}

/* Byte offsets of a range the tree gives. */
static void offsets(const gw_lsp_doc *d, const gw_range *r, size_t *from, size_t *to)
{
    *from = gw_lsp_offset_of(d, r->line, r->column);
    *to = gw_lsp_offset_of(d, r->end_line, r->end_column);
}

/* A symbol's range and the part of it that names it (its title, caption,
 * or marker), from the ranges in the tree; a tree without them (written
 * by hand) gives the lines from the element's to the next element's. */
static void symbol_ranges(const gw_lsp_doc *d, const xmlNode *n, unsigned long first, size_t *from,
                          size_t *to, size_t *sel_from, size_t *sel_to)
{
    gw_range r, sel;
    if (!gw_range_of(n, &r)) {
        *from = *sel_from = gw_lsp_line_start(d, first - 1);
        *to = gw_lsp_line_end(d, gw_lsp_last_line(d, n) - 1);
        *sel_to = gw_lsp_line_end(d, first - 1);
        return;
    }
    offsets(d, &r, from, to);
    const xmlNode *name = gw_child(n, GW_E_TITLE);
    if (!name)
        name = gw_child(n, GW_E_CAPTION);
    if (!name)
        name = gw_num_of(n);
    if (gw_range_of(name, &sel))
        offsets(d, &sel, sel_from, sel_to);
    else
        offsets(d, &r, sel_from, sel_to);
}

/* What names a symbol: a marker and a title, a caption, a box item's
 * marker and name, a note's marker and term; else the element's text. */
static char *symbol_name(const xmlNode *n)
{
    const xmlNode *title = gw_child(n, GW_E_TITLE), *what = NULL;
    char *s = NULL;
    if ((gw_is_elem(n, GW_E_SECTION) || gw_is_elem(n, GW_E_BOX)) && title)
        s = with_marker(n, gw_child(title, GW_E_NUM), title);
    else if (gw_is_elem(n, GW_E_TABLE) && gw_child(n, GW_E_CAPTION))
        s = flat_text(gw_child(n, GW_E_CAPTION));
    else if ((what = gw_child(n, GW_E_NAME)) || (what = gw_child(n, GW_E_TERM)))
        s = with_marker(n, gw_child(n, GW_E_NUM), what);
    if (s && *s)
        return s;
    free(s);
    if (gw_is_elem(n, GW_E_TABLE)) {
        char *id = gw_attr(n, GW_A_ID);
        s = malloc(64);
        if (s)
            snprintf(s, 64, "%s %s", _("table"), id ? id : "");
        xmlFree(id);
        return s;
    }
    s = flat_text(n);
    if (s && !*s) {
        free(s);
        s = strdup("…");
    }
    return s;
}

static json_object *symbols_in(const gw_lsp_doc *d, const xmlNode *parent, int *oom);

/* Adds the symbols of the children of parent to array a (those of
 * elements that are no symbol are lifted up); -1 when out of memory. */
static int add_symbols(const gw_lsp_doc *d, json_object *a, const xmlNode *parent, int *oom)
{
    for (const xmlNode *k = parent->children; k && !*oom; k = k->next) {
        if (k->type != XML_ELEMENT_NODE || gw_is_elem(k, GW_E_DIAGNOSTICS) ||
            gw_is_elem(k, GW_E_TITLE) || gw_is_elem(k, GW_E_P))
            continue;
        int kind = symbol_kind(k);
        if (!kind) {
            if (!gw_is_elem(k, GW_E_TABLE))
                add_symbols(d, a, k, oom);
            continue;
        }
        unsigned long first = gw_lsp_first_line(k);
        if (!first)
            continue;
        size_t from, to, sel_from, sel_to;
        symbol_ranges(d, k, first, &from, &to, &sel_from, &sel_to);
        char *name = symbol_name(k);
        char *family = gw_is_elem(k, GW_E_SECTION) ? gw_attr(k, GW_A_FAMILY) : NULL;
        json_object *o = json_object_new_object();
        json_object *kids =
            gw_is_elem(k, GW_E_TABLE) || gw_is_elem(k, GW_E_NOTE) || gw_is_elem(k, GW_E_ITEM)
                ? json_object_new_array()
                : symbols_in(d, k, oom);
        if (!name || !o || gw_lsp_set(o, "name", json_object_new_string(name)) != 0 ||
            (family && gw_lsp_set(o, "detail", json_object_new_string(family)) != 0) ||
            gw_lsp_set(o, "kind", json_object_new_int(kind)) != 0 ||
            gw_lsp_set(o, "range", gw_lsp_json_range(d, from, to)) != 0 ||
            gw_lsp_set(o, "selectionRange", gw_lsp_json_range(d, sel_from, sel_to)) != 0 ||
            gw_lsp_set(o, "children", kids) != 0 || json_object_array_add(a, o) != 0) {
            json_object_put(o);
            *oom = 1;
        }
        free(name);
        xmlFree(family);
    }
    return *oom ? -1 : 0;
}

static json_object *symbols_in(const gw_lsp_doc *d, const xmlNode *parent, int *oom)
{
    json_object *a = json_object_new_array();
    if (!a || add_symbols(d, a, parent, oom) != 0) {
        json_object_put(a);
        *oom = 1;
        return NULL;
    }
    return a;
}

json_object *gw_lsp_symbols(const gw_lsp_doc *d, int *oom)
{
    *oom = 0;
    xmlNode *body = gw_child(xmlDocGetRootElement(gw_document_xml(d->tree)), GW_E_BODY);
    if (!body) {
        json_object *a = json_object_new_array();
        *oom = !a;
        return a;
    }
    return symbols_in(d, body, oom);
}

/* ---- folding ------------------------------------------------------------------ */

static int foldable(const xmlNode *n)
{
    return gw_is_elem(n, GW_E_SECTION) || gw_is_elem(n, GW_E_BOX) || gw_is_elem(n, GW_E_TABLE) ||
           gw_is_elem(n, GW_E_LIST) || gw_is_elem(n, GW_E_NOTE) || gw_is_elem(n, GW_E_P) ||
           gw_is_elem(n, GW_E_FRONT);
}

static void add_folds(const gw_lsp_doc *d, json_object *a, const xmlNode *parent, int *oom)
{
    for (const xmlNode *k = parent->children; k && !*oom; k = k->next) {
        if (k->type != XML_ELEMENT_NODE || gw_is_elem(k, GW_E_DIAGNOSTICS))
            continue;
        if (foldable(k)) {
            gw_range r;
            unsigned long first = gw_lsp_first_line(k);
            unsigned long last = gw_range_of(k, &r) ? r.end_line : gw_lsp_last_line(d, k);
            if (first && last > first) {
                json_object *o = json_object_new_object();
                if (!o ||
                    gw_lsp_set(o, "startLine", json_object_new_int64((int64_t)first - 1)) != 0 ||
                    gw_lsp_set(o, "endLine", json_object_new_int64((int64_t)last - 1)) != 0 ||
                    gw_lsp_set(o, "kind", json_object_new_string("region")) != 0 ||
                    json_object_array_add(a, o) != 0) {
                    json_object_put(o);
                    *oom = 1;
                }
            }
        }
        if (!gw_is_elem(k, GW_E_TABLE) && !gw_is_elem(k, GW_E_P))
            add_folds(d, a, k, oom);
    }
}

json_object *gw_lsp_folding(const gw_lsp_doc *d, int *oom)
{
    *oom = 0;
    json_object *a = json_object_new_array();
    xmlNode *root = xmlDocGetRootElement(gw_document_xml(d->tree));
    if (a && root)
        add_folds(d, a, root, oom);
    if (!a || *oom) {
        json_object_put(a);
        *oom = 1;
        return NULL;
    }
    return a;
}

/* ---- hover ------------------------------------------------------------------- */

/* Headings enclosing n, n included. */
static int level(const xmlNode *n)
{
    int l = 0;
    for (; n; n = n->parent)
        l += gw_is_elem(n, GW_E_SECTION);
    return l;
}

const xmlNode *gw_lsp_marker_at(const gw_lsp_doc *d, const xmlNode *parent, unsigned long line,
                                size_t at, size_t *from, size_t *to, char **num)
{
    for (const xmlNode *k = parent->children; k; k = k->next) {
        if (k->type != XML_ELEMENT_NODE || gw_is_elem(k, GW_E_P) || gw_is_elem(k, GW_E_TABLE))
            continue;
        int owner = gw_is_elem(k, GW_E_SECTION) || gw_is_elem(k, GW_E_BOX) ||
                    gw_is_elem(k, GW_E_ITEM) || gw_is_elem(k, GW_E_NOTE);
        const xmlNode *title =
            gw_is_elem(k, GW_E_SECTION) || gw_is_elem(k, GW_E_BOX) ? gw_child(k, GW_E_TITLE) : k;
        if (owner && title && (unsigned long)gw_attr_long(title, GW_A_LINE, 0) == line) {
            char *s = gw_num_text(k);
            gw_range r;
            int found = 0;
            if (s && gw_range_of(gw_num_of(k), &r)) { /* where the tree puts it */
                offsets(d, &r, from, to);
                found = r.line == line;
            } else if (s) {
                found = gw_lsp_find_marker(d, line, s, from, to);
            }
            if (found && at >= *from && at < *to) {
                *num = s;
                return k;
            }
            free(s);
        }
        if (gw_lsp_first_line(k) <= line) {
            const xmlNode *in = gw_lsp_marker_at(d, k, line, at, from, to, num);
            if (in)
                return in;
        }
    }
    return NULL;
}

/* The hover text for the marker num of element n; malloc'ed. */
static char *describe(const xmlNode *n, const char *num)
{
    long v = gw_attr_long(n, GW_A_N, 0);
    if (v <= 0)
        v = gw_marker_value(num);
    char *family = gw_attr(n, GW_A_FAMILY);
    char *box = NULL;
    if (gw_is_elem(n, GW_E_ITEM) && gw_is_elem(n->parent, GW_E_BOX))
        box = gw_num_text(n->parent);
    char buf[512];
    if (gw_is_elem(n, GW_E_SECTION))
        snprintf(buf, sizeof buf, _("**%s** heading: level %d, number %ld (%s markers)"), num,
                 level(n), v, family ? family : "");
    else if (box)
        snprintf(buf, sizeof buf, _("**%s** item number %ld of box %s, under a level %d heading"),
                 num, v, box, level(n));
    else if (gw_is_elem(n, GW_E_BOX))
        snprintf(buf, sizeof buf, _("**%s** box number %ld, under a level %d heading"), num, v,
                 level(n));
    else if (gw_is_elem(n, GW_E_NOTE))
        snprintf(buf, sizeof buf, _("**%s** note number %ld"), num, v);
    else
        snprintf(buf, sizeof buf, _("**%s** item, under a level %d heading"), num, level(n));
    xmlFree(family);
    free(box);
    return strdup(buf);
}

json_object *gw_lsp_hover(const gw_lsp_doc *d, gw_lsp_pos at, int *oom)
{
    *oom = 0;
    xmlNode *root = xmlDocGetRootElement(gw_document_xml(d->tree));
    if (!root || at.line >= d->nlines)
        return NULL;
    size_t off = gw_lsp_offset(d, at), from, to;
    char *num = NULL;
    const xmlNode *n = gw_lsp_marker_at(d, root, at.line + 1, off, &from, &to, &num);
    if (!n)
        return NULL;
    char *text = describe(n, num);
    free(num);
    json_object *o = json_object_new_object(), *c = json_object_new_object();
    int ok = text && o && c && gw_lsp_set(c, "kind", json_object_new_string("markdown")) == 0 &&
             gw_lsp_set(c, "value", json_object_new_string(text)) == 0;
    if (ok) {
        ok = gw_lsp_set(o, "contents", c) == 0; /* takes c, or frees it */
        c = NULL;
    }
    if (!ok || gw_lsp_set(o, "range", gw_lsp_json_range(d, from, to)) != 0) {
        json_object_put(c);
        json_object_put(o);
        *oom = 1;
        o = NULL;
    }
    free(text);
    return o;
}
