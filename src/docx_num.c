/* List numbering of a .docx (numbering.xml): the marker text Word shows
 * before a numbered paragraph, from its level's format and lvlText
 * pattern ("%1、" with chineseCounting reads 一、). */
#include "docx.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LEVELS 9

typedef struct {
    int start;
    char fmt[32];
    char text[64]; /* lvlText */
} level;

typedef struct {
    int id; /* w:numId */
    level lvl[LEVELS];
    int count[LEVELS];
    int abs;       /* w:abstractNumId, or -1 */
    int restarts;  /* a w:lvlOverride sets its own numbers */
    size_t counts; /* the list whose count this one's paragraphs advance */
} list;

struct gw_numbering {
    list *v;
    size_t n;
};

static void read_level(const xmlNode *l, level *out)
{
    const char *v;
    out->start = 1;
    if ((v = gw_w_attr(gw_w_child(l, "start"), "val")))
        out->start = atoi(v);
    if ((v = gw_w_attr(gw_w_child(l, "numFmt"), "val")))
        snprintf(out->fmt, sizeof out->fmt, "%s", v);
    if ((v = gw_w_attr(gw_w_child(l, "lvlText"), "val"))) {
        /* a pattern too long is cut at a character's start: it is text */
        size_t n = strlen(v);
        if (n >= sizeof out->text)
            for (n = sizeof out->text - 1; n > 0 && ((unsigned char)v[n] & 0xC0) == 0x80;)
                n--;
        memcpy(out->text, v, n);
        out->text[n] = '\0';
    }
}

static const xmlNode *abstract_of(const xmlNode *root, const char *id)
{
    for (const xmlNode *c = root->children; c; c = c->next) {
        const char *a = gw_w_is(c, "abstractNum") ? gw_w_attr(c, "abstractNumId") : NULL;
        if (a && id && !strcmp(a, id))
            return c;
    }
    return NULL;
}

/* The w:num numbered id, or NULL. */
static const xmlNode *num_of(const xmlNode *root, int id)
{
    for (const xmlNode *c = root->children; c; c = c->next) {
        const char *n = gw_w_is(c, "num") ? gw_w_attr(c, "numId") : NULL;
        if (n && atoi(n) == id)
            return c;
    }
    return NULL;
}

/* The abstract list that holds the levels of num c: a list defined by a
 * list style (w:numStyleLink) takes them from the list the style names. */
static const xmlNode *levels_of(const xmlNode *root, const xmlNode *c, const gw_wstyles *st)
{
    const xmlNode *abs = abstract_of(root, gw_w_attr(gw_w_child(c, "abstractNumId"), "val"));
    for (int hops = 0; abs && hops < 4; hops++) {
        const char *link = gw_w_attr(gw_w_child(abs, "numStyleLink"), "val");
        int to = link ? gw_wstyles_num(st, link) : 0;
        const xmlNode *num = to > 0 ? num_of(root, to) : NULL;
        if (!num)
            break;
        abs = abstract_of(root, gw_w_attr(gw_w_child(num, "abstractNumId"), "val"));
    }
    return abs;
}

/* Lists of one abstract list count on from each other (Word continues the
 * numbers) unless a list restarts a level (w:lvlOverride): each such list
 * advances the count of the first list of its abstract list. */
static int by_abstract(const void *a, const void *b)
{
    const list *x = *(const list *const *)a, *y = *(const list *const *)b;
    if (x->abs != y->abs)
        return x->abs < y->abs ? -1 : 1;
    return x < y ? -1 : x > y;
}

static int share_counts(gw_numbering *n)
{
    list **order = malloc((n->n ? n->n : 1) * sizeof *order);
    if (!order)
        return 0;
    for (size_t i = 0; i < n->n; i++) {
        order[i] = &n->v[i];
        n->v[i].counts = i;
    }
    qsort(order, n->n, sizeof *order, by_abstract);
    for (size_t i = 0, owner = 0; i < n->n; i++) {
        if (i == 0 || order[i]->abs != order[i - 1]->abs)
            owner = SIZE_MAX;
        if (order[i]->restarts || order[i]->abs < 0)
            continue;
        if (owner == SIZE_MAX)
            owner = (size_t)(order[i] - n->v);
        order[i]->counts = owner;
    }
    free(order);
    return 1;
}

gw_numbering *gw_numbering_new(xmlDocPtr doc, const gw_wstyles *styles)
{
    gw_numbering *n = calloc(1, sizeof *n);
    const xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
    if (!n || !root)
        return n;
    size_t cap = 0;
    for (const xmlNode *c = root->children; c; c = c->next)
        cap += gw_w_is(c, "num");
    if (!cap || !(n->v = calloc(cap, sizeof *n->v)))
        return cap ? (free(n), NULL) : n;
    for (const xmlNode *c = root->children; c; c = c->next) {
        if (!gw_w_is(c, "num") || !gw_w_attr(c, "numId"))
            continue;
        list *l = &n->v[n->n++];
        l->id = atoi(gw_w_attr(c, "numId"));
        const char *a = gw_w_attr(gw_w_child(c, "abstractNumId"), "val");
        l->abs = a ? atoi(a) : -1;
        l->restarts = gw_w_child(c, "lvlOverride") != NULL;
        const xmlNode *abs = levels_of(root, c, styles);
        for (const xmlNode *k = abs ? abs->children : NULL; k; k = k->next) {
            const char *il = gw_w_is(k, "lvl") ? gw_w_attr(k, "ilvl") : NULL;
            int i = il ? atoi(il) : -1;
            if (i >= 0 && i < LEVELS)
                read_level(k, &l->lvl[i]);
        }
        /* w:lvlOverride/w:startOverride restarts a list at a number */
        for (const xmlNode *o = c->children; o; o = o->next) {
            const char *il = gw_w_is(o, "lvlOverride") ? gw_w_attr(o, "ilvl") : NULL;
            const char *sv = gw_w_attr(gw_w_child(o, "startOverride"), "val");
            int i = il ? atoi(il) : -1;
            if (i >= 0 && i < LEVELS && sv)
                l->lvl[i].start = atoi(sv);
        }
    }
    if (!share_counts(n)) {
        gw_numbering_free(n);
        return NULL;
    }
    return n;
}

void gw_numbering_free(gw_numbering *n)
{
    if (!n)
        return;
    free(n->v);
    free(n);
}

/* 1..999 as Word counts in Chinese: 一, 十一, 二十, 一百零五, 三百二十;
 * anything else in digits. */
static void chinese(int v, char *out, size_t cap)
{
    static const char *const d[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    if (v <= 0 || v >= 1000) {
        snprintf(out, cap, "%d", v);
        return;
    }
    int h = v / 100, t = v / 10 % 10, o = v % 10;
    size_t n = 0;
    out[0] = '\0';
    if (h)
        n += (size_t)snprintf(out + n, cap - n, "%s百", d[h]);
    if (t && n < cap)
        n += (size_t)snprintf(out + n, cap - n, "%s十", t == 1 && !h ? "" : d[t]);
    else if (h && o && n < cap)
        n += (size_t)snprintf(out + n, cap - n, "零");
    if (o && n < cap)
        snprintf(out + n, cap - n, "%s", d[o]);
}

static void roman(int v, int upper, char *out, size_t cap)
{
    static const int val[] = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
    static const char *const sym[] = {"m",  "cm", "d",  "cd", "c",  "xc", "l",
                                      "xl", "x",  "ix", "v",  "iv", "i"};
    size_t o = 0;
    out[0] = '\0';
    for (size_t i = 0; i < 13 && v > 0 && v < 4000; i++)
        for (; v >= val[i] && o + 3 < cap; v -= val[i])
            for (const char *s = sym[i]; *s; s++)
                out[o++] = (char)(upper ? *s - 'a' + 'A' : *s);
    out[o] = '\0';
}

/* Counter value v in format fmt; an unknown format is decimal. */
static void format(const char *fmt, int v, char *out, size_t cap)
{
    /* LibreOffice writes 一, 二, 三 as taiwaneseCountingThousand */
    if (!strncmp(fmt, "chinese", 7) || !strcmp(fmt, "ideographDigital") ||
        !strncmp(fmt, "japaneseCounting", 16) || !strncmp(fmt, "taiwaneseCounting", 17))
        chinese(v, out, cap);
    else if (!strncmp(fmt, "decimalEnclosedCircle", 21) && v >= 1 && v <= 20)
        snprintf(out, cap, "%c%c%c", 0xE2, 0x91, 0xA0 + v - 1); /* ① U+2460 */
    else if (!strcmp(fmt, "lowerLetter") || !strcmp(fmt, "upperLetter"))
        snprintf(out, cap, "%c", (fmt[0] == 'l' ? 'a' : 'A') + (v - 1) % 26);
    else if (!strcmp(fmt, "lowerRoman") || !strcmp(fmt, "upperRoman"))
        roman(v, fmt[0] == 'u', out, cap);
    else if (!strcmp(fmt, "decimalFullWidth") && v >= 0 && v < 10)
        snprintf(out, cap, "%c%c%c", 0xEF, 0xBC, 0x90 + v); /* ０ U+FF10 */
    else
        snprintf(out, cap, "%d", v);
}

void gw_numbering_next(gw_numbering *n, int num, int ilvl, char *out, size_t cap)
{
    out[0] = '\0';
    if (!n || !num || ilvl < 0 || ilvl >= LEVELS)
        return;
    list *l = NULL;
    for (size_t i = 0; i < n->n && !l; i++)
        if (n->v[i].id == num)
            l = &n->v[i];
    if (!l)
        return;
    const level *lv = &l->lvl[ilvl];
    int *count = n->v[l->counts].count;
    count[ilvl] = count[ilvl] ? count[ilvl] + 1 : lv->start;
    for (int k = ilvl + 1; k < LEVELS; k++)
        count[k] = 0;
    if (!strcmp(lv->fmt, "bullet") || !strcmp(lv->fmt, "none"))
        return;
    /* whole characters and whole numbers only: what does not fit is left
     * out, so the marker stays valid UTF-8 */
    size_t o = 0;
    for (const char *s = lv->text; *s;) {
        char num_text[48];
        const char *piece = s;
        size_t m = 1;
        if (s[0] == '%' && s[1] >= '1' && s[1] <= '9') {
            int k = s[1] - '1';
            int v = count[k] ? count[k] : l->lvl[k].start;
            format(k == ilvl ? lv->fmt : l->lvl[k].fmt, v, num_text, sizeof num_text);
            piece = num_text;
            m = strlen(num_text);
            s += 2;
        } else {
            while (((unsigned char)s[m] & 0xC0) == 0x80)
                m++;
            s += m;
        }
        if (o + m + 1 > cap)
            break;
        memcpy(out + o, piece, m);
        o += m;
    }
    out[o] = '\0';
}
