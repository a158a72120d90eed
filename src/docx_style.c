/* Styles of a .docx (styles.xml): what a paragraph or character style
 * sets that the run itself does not say. Authors who mark leads with a
 * character style (加粗, Strong) or number headings through a heading
 * style carry bold and list numbers here, not in document.xml. */
#include "docx.h"

#include <stdlib.h>
#include <string.h>

/* How far w:basedOn is followed: Word's own chains are a few deep; a
 * cycle in a damaged file must not loop. */
#define CHAIN_MAX 32

typedef struct {
    char *id;    /* w:styleId (owned) */
    char *based; /* w:basedOn, or NULL (owned) */
    int bold;    /* w:rPr/w:b: 1, 0, or -1 when the style does not say */
    int num;     /* w:pPr/w:numPr/w:numId, or -1 when not said (0: no list) */
    int ilvl;    /* w:pPr/w:numPr/w:ilvl, or -1 when not said */
    int outline; /* w:pPr/w:outlineLvl 0-8: a heading style; 9 body; -1 not said */
} style;

struct gw_wstyles {
    style *v; /* sorted by id */
    size_t n;
    const style *normal; /* the default paragraph style, or NULL */
    int def_bold;        /* w:docDefaults/w:rPrDefault */
};

/* A toggle property's value: <w:b/>, w:val="1", "true", "on" are on. */
static int on(const xmlNode *b)
{
    const char *v = gw_w_attr(b, "val");
    return !v || !strcmp(v, "1") || !strcmp(v, "true") || !strcmp(v, "on");
}

static int int_val(const xmlNode *node, int none)
{
    const char *v = gw_w_attr(node, "val");
    return v ? atoi(v) : none;
}

static int by_id(const void *a, const void *b)
{
    return strcmp(((const style *)a)->id, ((const style *)b)->id);
}

static int key_id(const void *key, const void *b)
{
    return strcmp(key, ((const style *)b)->id);
}

static const style *find(const gw_wstyles *s, const char *id)
{
    if (!s || !id || !s->n)
        return NULL;
    return bsearch(id, s->v, s->n, sizeof *s->v, key_id);
}

static int read_style(const xmlNode *c, style *out)
{
    const char *id = gw_w_attr(c, "styleId");
    const char *based = gw_w_attr(gw_w_child(c, "basedOn"), "val");
    memset(out, 0, sizeof *out);
    out->id = strdup(id);
    out->based = based ? strdup(based) : NULL;
    if (!out->id || (based && !out->based))
        return 0;
    const xmlNode *b = gw_w_child(gw_w_child(c, "rPr"), "b");
    out->bold = b ? on(b) : -1;
    const xmlNode *np = gw_w_child(gw_w_child(c, "pPr"), "numPr");
    out->num = int_val(gw_w_child(np, "numId"), -1);
    out->ilvl = int_val(gw_w_child(np, "ilvl"), -1);
    out->outline = int_val(gw_w_child(gw_w_child(c, "pPr"), "outlineLvl"), -1);
    return 1;
}

void gw_wstyles_free(gw_wstyles *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->n; i++) {
        free(s->v[i].id);
        free(s->v[i].based);
    }
    free(s->v);
    free(s);
}

gw_wstyles *gw_wstyles_new(xmlDocPtr doc)
{
    gw_wstyles *s = calloc(1, sizeof *s);
    const xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
    if (!s || !root)
        return s;
    const xmlNode *def =
        gw_w_child(gw_w_child(gw_w_child(root, "docDefaults"), "rPrDefault"), "rPr");
    s->def_bold = gw_w_child(def, "b") ? on(gw_w_child(def, "b")) : 0;
    size_t cap = 0;
    for (const xmlNode *c = root->children; c; c = c->next)
        cap += gw_w_is(c, "style") && gw_w_attr(c, "styleId");
    if (!cap)
        return s;
    if (!(s->v = calloc(cap, sizeof *s->v)))
        goto oom;
    const char *normal = NULL;
    for (const xmlNode *c = root->children; c; c = c->next) {
        if (!gw_w_is(c, "style") || !gw_w_attr(c, "styleId"))
            continue;
        if (!read_style(c, &s->v[s->n++]))
            goto oom;
        const char *type = gw_w_attr(c, "type"), *d = gw_w_attr(c, "default");
        if (!normal && type && !strcmp(type, "paragraph") && d &&
            (!strcmp(d, "1") || !strcmp(d, "true")))
            normal = s->v[s->n - 1].id;
    }
    qsort(s->v, s->n, sizeof *s->v, by_id);
    s->normal = find(s, normal);
    return s;
oom:
    gw_wstyles_free(s);
    return NULL;
}

/* The style a paragraph has: its w:pStyle, else the default one. */
static const style *para_style(const gw_wstyles *s, const xmlNode *ppr)
{
    const style *st = find(s, gw_w_attr(gw_w_child(ppr, "pStyle"), "val"));
    return st ? st : s ? s->normal : NULL; /* Word shows an unknown style as the default */
}

/* Bold as the nearest style up the chain from st says it (-1: none does). */
static int chain_bold(const gw_wstyles *s, const style *st)
{
    for (int k = 0; st && k < CHAIN_MAX; k++, st = find(s, st->based))
        if (st->bold >= 0)
            return st->bold;
    return -1;
}

/* Whether st is a heading style (an outline level up the chain). */
static int heading_style(const gw_wstyles *s, const style *st)
{
    for (int k = 0; st && k < CHAIN_MAX; k++, st = find(s, st->based))
        if (st->outline >= 0)
            return st->outline < 9;
    return 0;
}

int gw_wstyles_bold(const gw_wstyles *s, const xmlNode *ppr, const xmlNode *rpr)
{
    const xmlNode *b = gw_w_child(rpr, "b");
    if (b)
        return on(b); /* direct formatting is absolute, not a toggle */
    if (!s)
        return 0;
    /* a heading style's bold is how Word sets headings, not an author
     * marking a lead: its paragraphs are headings whatever they say */
    const style *ps = para_style(s, ppr);
    int p = heading_style(s, ps) ? -1 : chain_bold(s, ps);
    int c = chain_bold(s, find(s, gw_w_attr(gw_w_child(rpr, "rStyle"), "val")));
    if (p < 0 && c < 0)
        return s->def_bold;
    return p < 0 ? c : c < 0 ? p : p ^ c;
}

void gw_wstyles_numbering(const gw_wstyles *s, const xmlNode *ppr, int *num, int *ilvl)
{
    const xmlNode *np = gw_w_child(ppr, "numPr");
    *num = int_val(gw_w_child(np, "numId"), -1);
    *ilvl = int_val(gw_w_child(np, "ilvl"), -1);
    const style *st = para_style(s, ppr);
    for (int k = 0; st && k < CHAIN_MAX && (*num < 0 || *ilvl < 0); k++, st = find(s, st->based)) {
        if (*num < 0)
            *num = st->num;
        if (*ilvl < 0)
            *ilvl = st->ilvl;
    }
    *num = *num < 0 ? 0 : *num;
    *ilvl = *ilvl < 0 ? 0 : *ilvl;
}

int gw_wstyles_num(const gw_wstyles *s, const char *style_id)
{
    const style *st = find(s, style_id);
    return st && st->num > 0 ? st->num : 0;
}
