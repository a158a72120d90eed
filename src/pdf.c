/* The .pdf reader: the text layer through poppler-glib, page by page, each
 * line rebuilt with its layout from the glyphs' positions: its indent and
 * the wide gaps between a table's columns become spaces, in columns of half
 * the text's character width, as a copy of the page would show them.
 * Tables found from the glyphs' positions (pdf_table.c) are written row by
 * row, cells apart by tabs, with the table hints the other readers give.
 * Page numbers, running headers and hard-wrapped lines are left as they are
 * for layout.c, which already reads text copied from PDFs: every line is
 * hinted as a printed line. */
#include "dl.h"
#include "output.h"
#include "pdf_table.h"
#include "readers.h"
#include "rlines.h"
#include "utf8.h"

#include "tunables.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <poppler.h>

/* poppler-glib, and the GLib, cairo and some fifty other shared libraries
 * it brings, are opened when the first PDF is read, not at every start:
 * linking them was most of a run's start-up (callgrind, -t xml of an empty
 * file: 27 M of its 30 M instructions in the dynamic loader). The calls
 * below go through this table; the headers still give their types. */
typedef struct {
    PopplerDocument *(*document_new_from_bytes)(GBytes *, const char *, GError **);
    int (*document_get_n_pages)(PopplerDocument *);
    PopplerPage *(*document_get_page)(PopplerDocument *, int);
    char *(*page_get_text)(PopplerPage *);
    gboolean (*page_get_text_layout)(PopplerPage *, PopplerRectangle **, guint *);
    GList *(*page_get_text_attributes)(PopplerPage *);
    void (*page_free_text_attributes)(GList *);
    GQuark (*error_quark)(void);
    GBytes *(*bytes_new_static)(gconstpointer, gsize);
    void (*bytes_unref)(GBytes *);
    void (*error_free)(GError *);
    void (*free)(gpointer);
    void (*object_unref)(gpointer);
    glong (*utf8_strlen)(const gchar *, gssize);
} poppler_api;

#define GW_POPPLER_SONAME "libpoppler-glib.so.8"

/* Process-wide, as the loaded library is: filled once (pthread_once, since
 * a batch's threads may read PDFs at the same time), never unloaded. */
static poppler_api api;
static int api_ok;
static pthread_once_t api_once = PTHREAD_ONCE_INIT;

static void load_api(void)
{
    static const gw_dl_symbol fns[] = {
        {"poppler_document_new_from_bytes", (void **)&api.document_new_from_bytes},
        {"poppler_document_get_n_pages", (void **)&api.document_get_n_pages},
        {"poppler_document_get_page", (void **)&api.document_get_page},
        {"poppler_page_get_text", (void **)&api.page_get_text},
        {"poppler_page_get_text_layout", (void **)&api.page_get_text_layout},
        {"poppler_page_get_text_attributes", (void **)&api.page_get_text_attributes},
        {"poppler_page_free_text_attributes", (void **)&api.page_free_text_attributes},
        {"poppler_error_quark", (void **)&api.error_quark},
        {"g_bytes_new_static", (void **)&api.bytes_new_static},
        {"g_bytes_unref", (void **)&api.bytes_unref},
        {"g_error_free", (void **)&api.error_free},
        {"g_free", (void **)&api.free},
        {"g_object_unref", (void **)&api.object_unref},
        {"g_utf8_strlen", (void **)&api.utf8_strlen},
    };
    api_ok = gw_dl_load(GW_POPPLER_SONAME, "libpoppler-glib.so", fns, sizeof fns / sizeof fns[0]);
}

/* The most pages read: a report or a five-year plan has a few hundred; a
 * file claiming more is refused at once, before any page is read (each
 * costs time and memory in poppler even when empty). */
#define PAGES_MAX 5000

typedef struct {
    char *s;
    size_t len, cap;
    size_t lines; /* line ends written */
    int oom;
} buf;

static void put(buf *b, const char *s, size_t n)
{
    if (b->oom || !n)
        return;
    for (size_t i = 0; i < n; i++)
        b->lines += s[i] == '\n';
    gw_buffer g = {b->s, b->len, b->cap};
    b->oom = gw_buffer_write(&g, s, n) != 0;
    b->s = g.data;
    b->len = g.len;
    b->cap = g.cap;
}

/* A page's text layer: its text and one rectangle per character. */
typedef struct {
    char *text;
    PopplerRectangle *r;
    guint n;
    int laid;            /* r matches text */
    unsigned char *bold; /* per character: set in a bold font (NULL: none known) */
    int own;             /* text and r are malloc'd (put back in order), not poppler's */
    char *bleed;         /* the next page's first line drawn at this one's foot (malloc'd) */
} page_layer;

/* Whether a font's name says it is bold (Heavy and Black are bolder). */
static int bold_font(const char *name)
{
    static const char *const weights[] = {"bold", "heavy", "black"};
    for (const char *s = name; *s; s++)
        for (size_t w = 0; w < sizeof weights / sizeof weights[0]; w++)
            if (!strncasecmp(s, weights[w], strlen(weights[w])))
                return 1;
    return 0;
}

/* Which of a page's n characters are set in a bold font; NULL when out of
 * memory. */
static unsigned char *bold_of(PopplerPage *page, guint n)
{
    unsigned char *bold = calloc(n ? n : 1, 1);
    if (!bold)
        return NULL;
    GList *attrs = api.page_get_text_attributes(page);
    for (GList *a = attrs; a; a = a->next) {
        const PopplerTextAttributes *t = a->data;
        if (!t->font_name || !bold_font(t->font_name))
            continue;
        for (gint i = t->start_index < 0 ? 0 : t->start_index; i <= t->end_index && (guint)i < n;
             i++)
            bold[i] = 1;
    }
    api.page_free_text_attributes(attrs);
    return bold;
}

/* Poppler sizes the text of a Type 3 font from the width of one of its
 * glyphs over a guessed half em (TextOutputDev's own "hack"): a Type 3
 * font of CJK glyphs, each a full em wide, comes out at twice its size,
 * its glyphs' boxes some 2.6 em tall where the glyphs are one. Chromium
 * (Skia) prints every CFF-outline font (Noto / Source Han) and every
 * synthetic bold so. The lines of such a page overlap, and poppler, whose
 * lines keep one size, cuts a printed line where its digits or dashes (in
 * a TrueType font, their size right) start, or joins two printed lines.
 * Each such box is made an em tall about its middle: the em is a wide
 * glyph's width, or, for the other glyphs of the same font and size (the
 * same box on the same line), that of a wide neighbour. */
static int by_value(const void *a, const void *b);

/* How far along its line a glyph looks for a wide neighbour to take its
 * em from: a line of thousands of narrow glyphs (a hostile page) costs no
 * more than a line of text. */
#define EM_REACH 64

static void deflate_boxes(const char *text, PopplerRectangle *r, guint n)
{
    double *em = calloc(n ? n : 1, sizeof *em);
    if (!em)
        return;
    size_t len = strlen(text), i = 0;
    int any = 0;
    /* the page's em: the median width of its wide glyphs */
    double page_em = 0.0;
    {
        double *w = malloc((n ? n : 1) * sizeof *w);
        size_t nw = 0;
        i = 0;
        for (guint k = 0; w && k < n && i < len; k++) {
            uint32_t cp = gw_next(text, len, &i);
            if (gw_display_width(cp) == 2 && !gw_is_space(cp) && r[k].x2 > r[k].x1)
                w[nw++] = r[k].x2 - r[k].x1;
        }
        if (nw) {
            qsort(w, nw, sizeof *w, by_value);
            page_em = w[nw / 2];
        }
        free(w);
    }
    i = 0;
    for (guint k = 0; k < n && i < len; k++) {
        uint32_t cp = gw_next(text, len, &i);
        double w = r[k].x2 - r[k].x1, h = r[k].y2 - r[k].y1;
        if (gw_display_width(cp) == 2 && !gw_is_space(cp) && w > 0.0 && h > GW_PDF_TALL_GLYPH * w &&
            h > GW_PDF_TALL_GLYPH * page_em)
            em[k] = w, any = 1;
    }
    if (any) {
        i = 0;
        guint line = 0; /* the first glyph of the text layer's line */
        for (guint k = 0; k < n && i < len; k++) {
            uint32_t cp = gw_next(text, len, &i);
            if (cp == '\n') {
                line = k + 1;
                continue;
            }
            if (em[k] > 0.0)
                continue;
            /* the nearest wide glyph of the same box on this line */
            for (guint j = k; j-- > line && k - j <= EM_REACH;)
                if (em[j] > 0.0 && fabs(r[j].y1 - r[k].y1) < 0.01 &&
                    fabs(r[j].y2 - r[k].y2) < 0.01) {
                    em[k] = -em[j]; /* negative: taken, not measured */
                    break;
                }
            if (em[k] == 0.0) {
                const char *t = text + i;
                size_t tl = len - i, ti = 0;
                for (guint j = k + 1; j < n && ti < tl && j - k <= EM_REACH; j++) {
                    uint32_t c2 = gw_next(t, tl, &ti);
                    if (c2 == '\n')
                        break;
                    if (em[j] > 0.0 && fabs(r[j].y1 - r[k].y1) < 0.01 &&
                        fabs(r[j].y2 - r[k].y2) < 0.01) {
                        em[k] = -em[j];
                        break;
                    }
                }
            }
            /* none (a quotation mark alone in a fallback font): a box far
             * taller than the page's em is one too */
            double h = r[k].y2 - r[k].y1, w = r[k].x2 - r[k].x1;
            if (em[k] == 0.0 && !gw_is_space(cp) && page_em > 0.0 &&
                h > GW_PDF_TALL_GLYPH * page_em && h > GW_PDF_TALL_GLYPH * w)
                em[k] = -(w > page_em ? w : page_em);
        }
        for (guint k = 0; k < n; k++)
            if (em[k] != 0.0) {
                double mid = (r[k].y1 + r[k].y2) / 2, e = fabs(em[k]);
                r[k].y1 = mid - e / 2;
                r[k].y2 = mid + e / 2;
            }
    }
    free(em);
}

/* A run of the text layer's characters on one printed line, read left to
 * right: a line of poppler's, or part of one. */
typedef struct {
    guint k0, k1;   /* characters [k0, k1), its line end not among them */
    size_t at, end; /* their bytes */
    double mid, em, x1, x2;
    int inked;    /* holds a glyph with a box */
    size_t seg;   /* the text layer's line it is of */
    size_t rank;  /* its place in that line, top to bottom */
    size_t group; /* the printed line it is on (union-find) */
    double lo, hi, gem; /* of a group's root: its pieces' middles, their largest em */
} piece;

static size_t find(piece *p, size_t i)
{
    while (p[i].group != i)
        i = p[i].group = p[p[i].group].group;
    return i;
}

static int same_line(const piece *a, const piece *b)
{
    double em = a->em > b->em ? a->em : b->em;
    return fabs(a->mid - b->mid) < GW_PDF_SAME_LINE * em;
}

typedef struct {
    size_t key_seg, key_rank; /* the group's first place in the text layer */
    double x1;
    size_t p;
} order;

static int by_order(const void *a, const void *b)
{
    const order *x = a, *y = b;
    if (x->key_seg != y->key_seg)
        return (x->key_seg > y->key_seg) - (x->key_seg < y->key_seg);
    if (x->key_rank != y->key_rank)
        return (x->key_rank > y->key_rank) - (x->key_rank < y->key_rank);
    if (x->x1 != y->x1)
        return (x->x1 > y->x1) - (x->x1 < y->x1);
    return (x->p > y->p) - (x->p < y->p);
}

typedef struct {
    double x1;
    size_t i; /* its place before sorting */
    guint k;
} glyph_at;

static int by_x(const void *a, const void *b)
{
    const glyph_at *x = a, *y = b;
    if (x->x1 != y->x1)
        return (x->x1 > y->x1) - (x->x1 < y->x1);
    return (x->i > y->i) - (x->i < y->i);
}

/* How many glyphs either side, in x order, may cover a space: a space is
 * a character or two wide. */
#define COVER_REACH 8

/* Whether glyph gs[c] of a printed line put back from several pieces (x
 * order) is a space that the line's glyphs cover more than half of: the
 * space glyph Chromium leaves under a quotation mark it sets in another
 * font (poppler reads it with the line, the mark apart), or the mark's
 * own line's space under the line's text. The glyphs show no space there;
 * kept, it came out as 生态 “颜值 ”蝶变. */
static int covered(const page_layer *l, const unsigned char *blank, const glyph_at *gs, size_t ng,
                   size_t c)
{
    const PopplerRectangle *s = &l->r[gs[c].k];
    if (!blank[gs[c].k] || s->x2 <= s->x1)
        return 0;
    double over = 0.0;
    size_t from = c > COVER_REACH ? c - COVER_REACH : 0;
    for (size_t d = from; d < ng && d <= c + COVER_REACH; d++) {
        const PopplerRectangle *g = &l->r[gs[d].k];
        if (d == c || blank[gs[d].k] || g->x2 <= g->x1 || g->y2 <= g->y1)
            continue;
        double lo = g->x1 > s->x1 ? g->x1 : s->x1, hi = g->x2 < s->x2 ? g->x2 : s->x2;
        if (hi > lo)
            over += hi - lo;
    }
    return over > (s->x2 - s->x1) / 2;
}

/* A printed line put back: pieces o[a0, a1) of the order. */
typedef struct {
    size_t a0, a1;
    double mid, em, x1, x2;
    int inked;
} line_run;

/* Whether printed line u, which the order puts after line v, stands above
 * it in the same column: their x ranges overlap, or v ends left of u's
 * start with no gutter between (under an em; the short last line of a
 * paragraph whose first line is indented, read first: Chromium set the
 * subtitle's 议上 before its ——2025年…第三次会), u then no more than
 * GW_PDF_NEXT_LINE ems above. */
static int belongs_above(const line_run *u, const line_run *v)
{
    if (!u->inked || !v->inked)
        return 0;
    double em = u->em > v->em ? u->em : v->em;
    if (!(u->mid < v->mid - GW_PDF_SAME_LINE * em))
        return 0;
    if (u->x1 < v->x2 && v->x1 < u->x2)
        return 1;
    return v->x2 <= u->x1 && u->x1 - v->x2 < GW_PDF_JOIN_GAP * em &&
           u->mid > v->mid - GW_PDF_NEXT_LINE * em;
}

/* The most pieces a page is put back in order from: pieces are compared
 * pairwise. */
#define PIECES_MAX 4096
/* The most glyph pairs two pieces are compared by; longer ones by their
 * extents. A printed line's two pieces hold a few dozen glyphs each. */
#define GLYPH_PAIRS_MAX 65536

/* The text layer's lines put back as the page prints them: a line of
 * poppler's that holds glyphs of two printed lines is cut between them
 * (read top to bottom), and lines of poppler's that stand side by side on
 * one printed line, next to each other, are joined (read left to right),
 * where poppler's reading order put them. A page that needs neither is
 * left as it is. 0 when nothing changed or out of memory; else 1, l's
 * text, rectangles and bold replaced (malloc'd). */
static int relines(page_layer *l)
{
    const char *text = l->text;
    size_t len = strlen(text), i = 0;
    guint n = l->n;
    /* the pieces, then a flag per character: a space, a hole in its line */
    piece *p = malloc((n ? n : 1) * (sizeof *p + 1));
    if (!p)
        return 0;
    unsigned char *blank = (unsigned char *)(p + (n ? n : 1));
    size_t np = 0, seg = 0;
    int cut = 0;
    double last_mid = 0.0, last_em = 0.0;
    piece *cur = NULL;
    for (guint k = 0; k < n && i < len; k++) {
        size_t at = i;
        uint32_t cp = gw_next(text, len, &i);
        const PopplerRectangle *g = &l->r[k];
        blank[k] = cp == '\n' || gw_is_space(cp);
        if (cp == '\n') {
            cur = NULL;
            seg++;
            continue;
        }
        int ink = !gw_is_space(cp) && g->x2 > g->x1 && g->y2 > g->y1;
        double mid = (g->y1 + g->y2) / 2, em = g->y2 - g->y1;
        if (cur && ink && cur->inked &&
            fabs(mid - last_mid) >= GW_PDF_SAME_LINE * (em > last_em ? em : last_em)) {
            cur = NULL; /* a glyph of another printed line */
            cut = 1;
        }
        if (!cur) {
            cur = &p[np];
            *cur = (piece){k, k, at, at, 0, 0, 1e18, -1e18, 0, seg, 0, np, 0, 0, 0};
            np++;
        }
        cur->k1 = k + 1;
        cur->end = i;
        if (ink) {
            /* the piece's middle and em: its first glyph's (the text of a
             * line is one size; a mark set higher does not move it) */
            if (!cur->inked)
                cur->mid = mid, cur->em = em;
            cur->inked = 1;
            if (g->x1 < cur->x1)
                cur->x1 = g->x1;
            if (g->x2 > cur->x2)
                cur->x2 = g->x2;
            last_mid = mid;
            last_em = em;
        }
    }
    if (np > PIECES_MAX) {
        free(p);
        return 0;
    }
    /* a line of poppler's cut in pieces: top to bottom */
    for (size_t a = 0; a < np;) {
        size_t b = a + 1;
        while (b < np && p[b].seg == p[a].seg)
            b++;
        for (size_t x = a; x < b; x++)
            for (size_t y = a; y < b; y++) {
                if (y == x || !p[x].inked || !p[y].inked)
                    continue;
                /* above it, or level with it and earlier */
                int earlier = y < x;
                if (p[y].mid < p[x].mid || (p[y].mid == p[x].mid && earlier))
                    p[x].rank++;
            }
        a = b;
    }
    /* side by side on a printed line, at most a character apart. Lines
     * set closer than their glyphs' boxes are tall (Chromium, a TrueType
     * font whose ascent and descent pass the line height) overlap: a
     * quotation mark in another font, alone, may be near enough to both
     * of two lines, and would join them. A group keeps to one line (its
     * middles less than GW_PDF_SAME_LINE of an em apart), and the pieces
     * nearest in height are joined first, so such a mark goes with its
     * own line. */
    for (size_t a = 0; a < np; a++)
        p[a].lo = p[a].hi = p[a].mid, p[a].gem = p[a].em;
    int joined = 0;
    for (int pass = 0; pass < 2; pass++)
    for (size_t a = 0; a < np; a++)
        for (size_t b = a + 1; b < np; b++) {
            if (!p[a].inked || !p[b].inked || !same_line(&p[a], &p[b]))
                continue;
            double em = p[a].em > p[b].em ? p[a].em : p[b].em;
            if ((fabs(p[a].mid - p[b].mid) < GW_PDF_SAME_LINE / 2 * em) != !pass)
                continue;
            /* glyph by glyph (a quotation mark poppler left out of its
             * line stands in a hole of it): the nearest two at most
             * GW_PDF_JOIN_GAP of an em apart, none two overlapping more
             * than GW_PDF_OVERLAP of one */
            double near = 1e18, over = -1e18;
            int by_glyph = (size_t)(p[a].k1 - p[a].k0) * (p[b].k1 - p[b].k0) <= GLYPH_PAIRS_MAX;
            if (!by_glyph) { /* long pieces (a hostile page): their extents */
                near = (p[a].x1 > p[b].x1 ? p[a].x1 : p[b].x1) -
                       (p[a].x2 < p[b].x2 ? p[a].x2 : p[b].x2);
                over = -near;
            }
            for (guint x = p[a].k0; by_glyph && x < p[a].k1; x++)
                for (guint y = p[b].k0; y < p[b].k1; y++) {
                    const PopplerRectangle *u = &l->r[x], *v = &l->r[y];
                    if (blank[x] || blank[y] || u->x2 <= u->x1 || v->x2 <= v->x1 ||
                        u->y2 <= u->y1 || v->y2 <= v->y1)
                        continue;
                    double gap = (u->x1 > v->x1 ? u->x1 : v->x1) - (u->x2 < v->x2 ? u->x2 : v->x2);
                    if (gap < near)
                        near = gap;
                    if (-gap > over)
                        over = -gap;
                }
            if (near > GW_PDF_JOIN_GAP * em || over > GW_PDF_OVERLAP * em)
                continue;
            size_t ra = find(p, a), rb = find(p, b);
            if (ra != rb) {
                double lo = p[ra].lo < p[rb].lo ? p[ra].lo : p[rb].lo;
                double hi = p[ra].hi > p[rb].hi ? p[ra].hi : p[rb].hi;
                double gem = p[ra].gem > p[rb].gem ? p[ra].gem : p[rb].gem;
                if (hi - lo >= GW_PDF_SAME_LINE * gem)
                    continue; /* the two are of two lines */
                size_t root = rb > ra ? ra : rb;
                p[rb > ra ? rb : ra].group = root;
                p[root].lo = lo, p[root].hi = hi, p[root].gem = gem;
                joined = 1;
            }
        }
    /* nothing cut or joined: the lines as they are, unless one is read
     * before the line above it */
    int moved = 0;
    for (size_t a = 1; !cut && !joined && !moved && a < np; a++) {
        const piece *q = &p[a - 1], *c = &p[a];
        line_run u = {0, 0, c->mid, c->em, c->x1, c->x2, c->inked};
        line_run v = {0, 0, q->mid, q->em, q->x1, q->x2, q->inked};
        moved = belongs_above(&u, &v);
    }
    if (!cut && !joined && !moved) {
        free(p);
        return 0;
    }
    order *o = malloc((np ? np : 1) * sizeof *o);
    size_t *first = malloc((np ? np : 1) * 2 * sizeof *first);
    char *t2 = malloc(len + np + 1);
    PopplerRectangle *r2 = malloc((n + np + 1) * sizeof *r2);
    unsigned char *b2 = l->bold ? malloc(n + np + 1) : NULL;
    if (!o || !first || !t2 || !r2 || (l->bold && !b2)) {
        free(o), free(first), free(t2), free(r2), free(b2), free(p);
        return 0;
    }
    /* each group's first place: the least (line, rank) of its pieces */
    for (size_t a = 0; a < np; a++)
        first[2 * a] = first[2 * a + 1] = (size_t)-1;
    for (size_t a = 0; a < np; a++) {
        size_t g = find(p, a);
        if (p[a].seg < first[2 * g] || (p[a].seg == first[2 * g] && p[a].rank < first[2 * g + 1]))
            first[2 * g] = p[a].seg, first[2 * g + 1] = p[a].rank;
    }
    for (size_t a = 0; a < np; a++) {
        size_t g = find(p, a);
        o[a] = (order){first[2 * g], first[2 * g + 1], p[a].x1, a};
    }
    /* pieces of one group are together (the same key), left to right */
    qsort(o, np, sizeof *o, by_order);
    size_t tl = 0;
    guint m = 0;
    size_t *at = malloc((n ? n : 1) * sizeof *at);
    glyph_at *gs = malloc((n ? n : 1) * sizeof *gs);
    line_run *run = malloc((np ? np : 1) * sizeof *run);
    if (!at || !gs || !run) {
        free(at), free(gs), free(run), free(o), free(first), free(t2), free(r2), free(b2), free(p);
        return 0;
    }
    /* the printed lines in that order; one the text layer read before the
     * line above it in the same column (a mark of it read elsewhere, with
     * its line's other glyphs in other fonts: Chromium) is put back below
     * it */
    size_t nr = 0;
    for (size_t a = 0, a0 = 0; a < np; a++) {
        if (a + 1 < np && find(p, o[a + 1].p) == find(p, o[a].p))
            continue;
        const piece *g = &p[find(p, o[a].p)];
        line_run u = {a0, a + 1, (g->lo + g->hi) / 2, g->gem, 1e18, -1e18, 0};
        for (size_t c = a0; c <= a; c++) {
            const piece *q = &p[o[c].p];
            u.inked |= q->inked;
            if (q->inked && q->x1 < u.x1)
                u.x1 = q->x1;
            if (q->inked && q->x2 > u.x2)
                u.x2 = q->x2;
        }
        size_t at_r = nr++;
        while (at_r > 0 && belongs_above(&u, &run[at_r - 1])) {
            run[at_r] = run[at_r - 1];
            at_r--;
        }
        run[at_r] = u;
        a0 = a + 1;
    }
    {
        size_t ti = 0;
        for (guint k = 0; k < n && ti < len; k++) {
            at[k] = ti;
            gw_next(text, len, &ti);
        }
    }
    for (size_t r = 0; r < nr; r++) {
        size_t a0 = run[r].a0, a = run[r].a1 - 1;
        /* the group's pieces o[a0..a]: one alone as it is, several glyph
         * by glyph left to right */
        size_t ng = 0;
        for (size_t c = a0; c <= a; c++)
            for (guint k = p[o[c].p].k0; k < p[o[c].p].k1; k++)
                gs[ng] = (glyph_at){l->r[k].x1, ng, k}, ng++;
        if (a > a0)
            qsort(gs, ng, sizeof *gs, by_x);
        for (size_t c = 0; c < ng; c++) {
            guint k = gs[c].k;
            if (a > a0 && covered(l, blank, gs, ng, c))
                continue; /* the space Chromium leaves under a mark */
            size_t from = at[k], to = k + 1 < n ? at[k + 1] : len;
            memcpy(t2 + tl, text + from, to - from);
            tl += to - from;
            r2[m] = l->r[k];
            if (b2)
                b2[m] = l->bold[k];
            m++;
        }
        t2[tl++] = '\n';
        PopplerRectangle e = m ? r2[m - 1] : (PopplerRectangle){0, 0, 0, 0};
        e.x1 = e.x2, e.y1 = e.y2;
        r2[m] = e;
        if (b2)
            b2[m] = 0;
        m++;
    }
    free(at), free(gs), free(run);
    t2[tl] = '\0';
    free(o), free(first), free(p);
    api.free(l->text);
    api.free(l->r);
    free(l->bold);
    l->text = t2;
    l->r = r2;
    l->bold = b2;
    l->n = m;
    return 1;
}

/* Chromium (Skia) draws the glyphs of the next page's first line that
 * reach up into the page above at its foot, clipped to the page's content
 * box: a few glyphs, at the very x they have at the top of the next page,
 * which poppler reads as a line (its text layer knows nothing of the
 * clip). A page's lowest printed line whose glyphs all stand, the same
 * characters within GW_PDF_BLEED_X, on the next page's highest one is
 * taken out of the page's text and written after it as page furniture
 * (relines' rows are compared: two rows of a few dozen glyphs). */

/* The most glyphs of a row compared: a printed line has under a hundred. */
#define BLEED_ROW_MAX 256

typedef struct {
    guint n;
    uint32_t *cp; /* the layer's characters, one per rectangle */
} layer_chars;

static int chars_of(const page_layer *l, layer_chars *c)
{
    c->n = l->n;
    c->cp = malloc((l->n ? l->n : 1) * sizeof *c->cp);
    if (!c->cp)
        return -1;
    size_t len = strlen(l->text), i = 0;
    guint k = 0;
    for (; k < l->n && i < len; k++)
        c->cp[k] = gw_next(l->text, len, &i);
    for (; k < l->n; k++)
        c->cp[k] = '\n';
    return 0;
}

static int inked(const page_layer *l, const layer_chars *c, guint k)
{
    const PopplerRectangle *g = &l->r[k];
    return c->cp[k] != '\n' && !gw_is_space(c->cp[k]) && g->x2 > g->x1 && g->y2 > g->y1;
}

/* The glyphs of the page's lowest (bottom) or highest printed row into
 * row[], at most BLEED_ROW_MAX; their count, 0 when none or more, or when
 * the row is all the page has. */
static size_t edge_row(const page_layer *l, const layer_chars *c, int bottom, guint *row)
{
    guint e = 0, all = 0;
    int found = 0;
    for (guint k = 0; k < l->n; k++) {
        if (!inked(l, c, k))
            continue;
        all++;
        double mid = (l->r[k].y1 + l->r[k].y2) / 2, me = (l->r[e].y1 + l->r[e].y2) / 2;
        if (!found || (bottom ? mid > me : mid < me))
            e = k, found = 1;
    }
    if (!found)
        return 0;
    double me = (l->r[e].y1 + l->r[e].y2) / 2, ee = l->r[e].y2 - l->r[e].y1;
    size_t m = 0;
    for (guint k = 0; k < l->n; k++) {
        if (!inked(l, c, k))
            continue;
        double mid = (l->r[k].y1 + l->r[k].y2) / 2, em = l->r[k].y2 - l->r[k].y1;
        if (fabs(mid - me) >= GW_PDF_SAME_LINE * (em > ee ? em : ee))
            continue;
        if (m == BLEED_ROW_MAX)
            return 0;
        row[m++] = k;
    }
    return m < all ? m : 0;
}

/* Takes the glyphs of l that are the next page's (nx) first line out of
 * l, into l->bleed. -1 when out of memory, else 0. */
static int drop_bleed(page_layer *l, const page_layer *nx)
{
    layer_chars a = {0, NULL}, b = {0, NULL};
    guint rb[BLEED_ROW_MAX], rt[BLEED_ROW_MAX];
    int rc = 0;
    if (chars_of(l, &a) || chars_of(nx, &b)) {
        rc = -1;
        goto done;
    }
    size_t nb = edge_row(l, &a, 1, rb), nt = edge_row(nx, &b, 0, rt);
    if (!nb || !nt)
        goto done;
    for (size_t i = 0; i < nb; i++) {
        const PopplerRectangle *g = &l->r[rb[i]];
        size_t j = 0;
        while (j < nt && !(b.cp[rt[j]] == a.cp[rb[i]] &&
                           fabs(nx->r[rt[j]].x1 - g->x1) <= GW_PDF_BLEED_X))
            j++;
        if (j == nt)
            goto done; /* a glyph of its own: the page's own last line */
    }
    /* the row, left to right, a space where its glyphs stand apart */
    glyph_at gs[BLEED_ROW_MAX] = {{0}};
    for (size_t i = 0; i < nb; i++)
        gs[i] = (glyph_at){l->r[rb[i]].x1, i, rb[i]};
    qsort(gs, nb, sizeof gs[0], by_x);
    size_t len = strlen(l->text);
    char *line = malloc(nb * 5 + 1);
    char *t2 = malloc(len + 1);
    PopplerRectangle *r2 = malloc((l->n ? l->n : 1) * sizeof *r2);
    unsigned char *b2 = l->bold ? malloc(l->n ? l->n : 1) : NULL;
    unsigned char *drop = calloc(l->n ? l->n : 1, 1);
    if (!line || !t2 || !r2 || (l->bold && !b2) || !drop) {
        free(line), free(t2), free(r2), free(b2), free(drop);
        rc = -1;
        goto done;
    }
    size_t ll = 0;
    for (size_t i = 0; i < nb; i++) {
        const PopplerRectangle *g = &l->r[gs[i].k];
        if (i && g->x1 - l->r[gs[i - 1].k].x2 > GW_PDF_SPACE * (g->y2 - g->y1))
            line[ll++] = ' ';
        ll += gw_utf8_encode(a.cp[gs[i].k], line + ll);
        drop[gs[i].k] = 1;
    }
    line[ll] = '\0';
    /* the rest of the page, less the lines that held nothing else */
    size_t tl = 0, i = 0;
    guint m = 0;
    for (guint k0 = 0; k0 < l->n;) {
        guint k1 = k0;
        int kept = 0, dropped = 0;
        while (k1 < l->n && a.cp[k1] != '\n') {
            if (drop[k1])
                dropped = 1;
            else if (!gw_is_space(a.cp[k1]))
                kept = 1;
            k1++;
        }
        guint end = k1 < l->n ? k1 + 1 : k1; /* with its line end */
        for (guint k = k0; k < end; k++) {
            size_t at = i;
            gw_next(l->text, len, &i);
            if (drop[k] || (dropped && !kept))
                continue;
            memcpy(t2 + tl, l->text + at, i - at);
            tl += i - at;
            r2[m] = l->r[k];
            if (b2)
                b2[m] = l->bold[k];
            m++;
        }
        k0 = end;
    }
    t2[tl] = '\0';
    free(drop);
    if (l->own) {
        free(l->text);
        free(l->r);
    } else {
        api.free(l->text);
        api.free(l->r);
    }
    free(l->bold);
    l->text = t2;
    l->r = r2;
    l->bold = b2;
    l->n = m;
    l->own = 1;
    l->bleed = line;
done:
    free(a.cp);
    free(b.cp);
    return rc;
}

static void spaces(buf *b, long n)
{
    for (; n > 0; n--)
        put(b, " ", 1);
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Half the width of the page's text characters: the median height of its
 * glyphs over two (a Chinese character is as wide as it is high); 0 when
 * out of memory. */
static double half_width(const PopplerRectangle *r, guint n)
{
    double *h = malloc((n ? n : 1) * sizeof *h);
    if (!h)
        return 0.0;
    guint k = 0;
    for (guint i = 0; i < n; i++)
        if (r[i].y2 - r[i].y1 > 1.0)
            h[k++] = r[i].y2 - r[i].y1;
    /* sorted, not selected in place: a page of 100,000 glyphs (a dense
     * table) made a partial selection sort quadratic */
    qsort(h, k, sizeof *h, by_value);
    double best = k ? h[k / 2] : 10.0;
    free(h);
    return best / 2.0;
}

/* Display columns of the last line in b so far. */
static long line_width(const buf *b)
{
    size_t i = b->len;
    while (i > 0 && b->s[i - 1] != '\n')
        i--;
    long w = 0;
    while (i < b->len)
        w += gw_display_width(gw_next(b->s, b->len, &i));
    return w;
}

/* Line pitches sampled over the document: enough for a long report. */
#define PITCH_SAMPLES 8192

typedef struct {
    double d[PITCH_SAMPLES];
    size_t n;
} pitches;

/* The distances down from the top of each line of a page to the next's. */
static void sample_pitches(const char *text, const PopplerRectangle *r, guint n, pitches *p)
{
    size_t len = strlen(text), i = 0;
    guint k = 0;
    double top = -1.0;
    int fresh = 1;
    while (i < len && k < n) {
        uint32_t cp = gw_next(text, len, &i);
        const PopplerRectangle *g = &r[k++];
        if (cp == '\n') {
            fresh = 1;
            continue;
        }
        if (!fresh || gw_is_space(cp))
            continue;
        if (top >= 0.0 && g->y1 > top && p->n < PITCH_SAMPLES)
            p->d[p->n++] = g->y1 - top;
        top = g->y1;
        fresh = 0;
    }
}

/* The distance between the tops of consecutive lines of a paragraph: the
 * lower quartile of the document's (a page of one-line paragraphs, a list,
 * has more gaps than pitches; a report as a whole has more pitches). */
static double line_pitch(pitches *p)
{
    if (!p->n)
        return 0.0;
    qsort(p->d, p->n, sizeof p->d[0], by_value);
    return p->d[p->n / 4];
}

/* What the reader knows of a line besides its text: a table row, or the
 * furniture between the parts of a table broken by a page. */
typedef struct {
    size_t line;
    unsigned char table, page;
    unsigned char printed; /* enum gw_printed */
    unsigned char flush;   /* a GW_PRINTED_STARTS line set flush left */
    long lead;             /* NO_LEAD: says nothing of it; else the lead hint */
} mark;

#define NO_LEAD (-2L)

/* The line being written: the bold it opens with. */
typedef struct {
    int opens;       /* -1: no glyph yet; 1: its first is bold; 0: not */
    int run;         /* the opening bold goes on */
    size_t at;       /* where the line starts in the text */
    size_t first;    /* where its first glyph is */
    size_t bold_end; /* where the opening bold ends */
} opening;

typedef struct {
    buf b;
    mark *m; /* owned */
    size_t nm, capm;
    /* the table the last page ended with, which the next may go on with */
    size_t open_cols;       /* its columns; 0: none */
    size_t row_at, row_end; /* the bytes of its last row in b */
    size_t after;           /* the first line after it */
    opening op;
    size_t bold_leads;  /* lines opening with a bold lead */
    int ended_full;     /* the last page's last line reached its right margin */
    double full_bottom; /* the lowest line that filled the measure, of the pages so far */
    int cut_short;      /* the last page ended early (GW_PDF_CUT_SHORT) */
    size_t starts;      /* 1 + the mark of a GW_PRINTED_STARTS line being watched */
    int starts_lines;   /* lines of its paragraph so far */
    /* lines that open a paragraph (below a line that ended short of the
     * right margin, or space) set flush left, and indented */
    size_t opens_flush, opens_indented;
} reader;

static void add_mark(reader *rd, size_t line, unsigned char table, unsigned char page,
                     unsigned char printed)
{
    if (rd->b.oom)
        return;
    if (rd->nm == rd->capm) {
        size_t cap = rd->capm ? 2 * rd->capm : 64;
        mark *v = realloc(rd->m, cap * sizeof *v);
        if (!v) {
            rd->b.oom = 1;
            return;
        }
        rd->m = v;
        rd->capm = cap;
    }
    rd->m[rd->nm++] = (mark){line, table, page, printed, 0, NO_LEAD};
}

/* A glyph of the line being written, bold or not, is about to be put. */
static void glyph_bold(reader *rd, int bold)
{
    opening *op = &rd->op;
    if (op->opens < 0) {
        size_t at = rd->b.len;
        while (at > 0 && rd->b.s[at - 1] != '\n')
            at--;
        *op = (opening){bold, bold, at, rd->b.len, rd->b.len};
    } else if (!bold) {
        op->run = 0;
    }
}

/* The line being written ends: the bold it opens with is a lead (as the
 * .docx reader reads bold: not a marker's, not the whole line, which is a
 * heading's or a lead wrapped on, left to the recognizer). */
static void line_ends(reader *rd)
{
    opening *op = &rd->op;
    const char *s = rd->b.s;
    if (op->opens > 0) {
        /* a wholly bold printed line may be a lead wrapped on */
        long lead = op->run ? 0 : gw_rl_opening_lead(s, op->at, op->first, op->bold_end, rd->b.len);
        if (!lead)
            lead = GW_LEAD_GUESS;
        add_mark(rd, rd->b.lines, GW_HINT_NO_TABLE, 0, GW_PRINTED_LINE);
        if (!rd->b.oom)
            rd->m[rd->nm - 1].lead = lead;
        rd->bold_leads += lead > 0;
    }
    op->opens = -1;
    op->run = 0;
}

/* Replaces bytes [at, end) of b, which hold no line end, by n bytes of s. */
static void splice(buf *b, size_t at, size_t end, const char *s, size_t n)
{
    size_t old = end - at, len = b->len;
    if (n > old) {
        put(b, s, n - old); /* room; moved over below */
        if (b->oom)
            return;
        memmove(b->s + at + n, b->s + end, len - end);
    } else {
        memmove(b->s + at + n, b->s + end, len - end);
        b->len -= old - n;
        b->s[b->len] = '\0';
    }
    memcpy(b->s + at, s, n);
}

/* The last row written gets the rest of its cells from row r of t, the
 * start of the next page: each cell's text goes on with the same cell's. */
static void finish_row(reader *rd, const gw_pdf_table *t, size_t r)
{
    buf line = {NULL, 0, 0, 0, 0};
    const char *s = rd->b.s + rd->row_at, *end = rd->b.s + rd->row_end;
    for (size_t c = 0; c < t->cols; c++) {
        const char *tab = memchr(s, '\t', (size_t)(end - s));
        const char *e = tab ? tab : end;
        if (c)
            put(&line, "\t", 1);
        put(&line, s, (size_t)(e - s));
        put(&line, t->cell[r * t->cols + c], strlen(t->cell[r * t->cols + c]));
        s = tab ? tab + 1 : end;
    }
    if (line.oom)
        rd->b.oom = 1;
    else if (line.s) {
        splice(&rd->b, rd->row_at, rd->row_end, line.s, line.len);
        rd->row_end = rd->row_at + line.len;
    }
    free(line.s);
}

static size_t filled(const gw_pdf_table *t, size_t r)
{
    size_t n = 0;
    for (size_t c = 0; c < t->cols; c++)
        n += t->cell[r * t->cols + c][0] != '\0';
    return n;
}

/* Table t into the text, a row a line, then a blank line. goes_on: t is
 * the rest of the table the last page ended with; what stands between
 * the two is page furniture. */
static void write_table(reader *rd, const gw_pdf_table *t, int goes_on)
{
    buf *b = &rd->b;
    if (b->len && b->s[b->len - 1] != '\n')
        put(b, "\n", 1);
    size_t r = 0;
    if (goes_on) {
        for (size_t line = rd->after; line < b->lines; line++)
            add_mark(rd, line, GW_HINT_NO_TABLE, 1, GW_PRINTED_LINE);
        if (t->rows > 1 && 2 * filled(t, 0) < t->cols)
            finish_row(rd, t, r++);
    }
    for (; r < t->rows; r++) {
        add_mark(rd, b->lines, r || goes_on ? GW_HINT_TABLE_ROW : GW_HINT_TABLE_FIRST, 0,
                 GW_PRINTED_LINE);
        rd->row_at = b->len;
        for (size_t c = 0; c < t->cols; c++) {
            if (c)
                put(b, "\t", 1);
            put(b, t->cell[r * t->cols + c], strlen(t->cell[r * t->cols + c]));
        }
        rd->row_end = b->len;
        put(b, "\n", 1);
    }
    put(b, "\n", 1);
    rd->after = b->lines;
}

/* The paragraph a GW_PRINTED_STARTS line opened is watched to its end:
 * two lines long, it is the rest of the paragraph above (widow control). */
static void starts_ended(reader *rd)
{
    if (rd->starts && rd->starts_lines == 2 && !rd->b.oom)
        rd->m[rd->starts - 1].printed = GW_PRINTED_LINE;
    rd->starts = 0;
}

/* A line of the page ended; full: it reached the right margin (a shorter
 * one ends its paragraph). */
static void starts_line(reader *rd, int full)
{
    if (!rd->starts)
        return;
    rd->starts_lines++;
    if (!full)
        starts_ended(rd);
}

/* One page's text with its layout into rd's text. text has one rectangle
 * per character (poppler's layout); left is the page's left margin. */
static void page_text(reader *rd, const char *text, const PopplerRectangle *r,
                      const unsigned char *bold, guint n, double pitch)
{
    buf *b = &rd->b;
    double unit = half_width(r, n), left = 1e9, top = -1.0;
    size_t len = strlen(text), i = 0;
    double right = 0.0;
    for (guint k = 0; k < n; k++) {
        if (r[k].x1 < left && r[k].x2 > r[k].x1)
            left = r[k].x1;
        if (r[k].x2 > right)
            right = r[k].x2;
    }
    gw_pdf_tables tables;
    if (unit == 0.0 || gw_pdf_tables_find(text, r, n, unit, pitch, &tables) != 0) {
        b->oom = 1;
        return;
    }
    size_t written = 0; /* tables written */
    int in_table = 0;   /* the last character read was a table's */
    guint k = 0;
    long col = 0;            /* display columns written on this line */
    int fresh = 1;           /* nothing written on this line yet */
    int pending = 0;         /* a space came: 1 ' ', 2 another space character */
    uint32_t prev_cp = 0;    /* the last character written */
    double prev_x2 = 0.0;    /* right edge of the last glyph written */
    double last_full = -1.0; /* bottom of the page's last line that filled the measure */
    while (i < len) {
        size_t at = i;
        uint32_t cp = gw_next(text, len, &i);
        const PopplerRectangle *g = k < n ? &r[k] : NULL;
        size_t owner = k < n ? tables.owner[k] : 0;
        k++;
        if (owner) {
            line_ends(rd);
            /* a table's text, read column by column: the table comes
             * once, row by row, where its first character stood */
            for (; written < owner; written++)
                write_table(rd, &tables.v[written],
                            written == 0 && rd->open_cols == tables.v[0].cols &&
                                tables.above <= GW_PDF_FURNITURE_MAX);
            in_table = 1;
            col = 0;
            fresh = 1;
            pending = 0;
            top = -1.0;
            continue;
        }
        if (in_table && (cp == '\n' || gw_is_space(cp)))
            continue;
        in_table = 0;
        if (cp == '\n') {
            if (!fresh)
                starts_line(rd, prev_x2 >= right - GW_PDF_RAGGED_LINE * unit);
            line_ends(rd);
            put(b, "\n", 1);
            col = 0;
            fresh = 1;
            pending = 0;
            continue;
        }
        if (!g || (gw_is_space(cp) && fresh))
            continue; /* the indent comes back from the position */
        if (gw_is_space(cp)) {
            pending = cp == ' ' ? 1 : 2;
            continue;
        }
        double at_col = (g->x1 - left) / unit;
        long target = at_col > 0 ? (long)(at_col + 0.5) : 0;
        int apart =
            fresh && top >= 0.0 && pitch > 0.0 && g->y1 - top > GW_PDF_PARAGRAPH_GAP * pitch;
        if (apart) {
            put(b, "\n", 1);
            starts_ended(rd); /* space above: the paragraph ended */
        }
        /* the line above reached the right margin and this one starts at
         * the left, close below: the paragraph goes on */
        int flush = g->x1 - left < GW_PDF_FULL_LINE * unit;
        if (fresh && !apart && top >= 0.0 && g->y1 > top &&
            prev_x2 >= right - GW_PDF_RAGGED_LINE * unit && flush)
            add_mark(rd, b->lines, GW_HINT_NO_TABLE, 0, GW_PRINTED_GOES_ON);
        /* ... and across a page break, the page's first line */
        if (fresh && top < 0.0 && rd->ended_full && flush)
            add_mark(rd, b->lines, GW_HINT_NO_TABLE, 0, GW_PRINTED_GOES_ON);
        if (fresh && top >= 0.0 && (apart || prev_x2 < right - GW_PDF_RAGGED_LINE * unit)) {
            if (flush)
                rd->opens_flush++;
            else
                rd->opens_indented++;
        }
        if (fresh && top < 0.0 && rd->cut_short) {
            add_mark(rd, b->lines, GW_HINT_NO_TABLE, 0, GW_PRINTED_STARTS);
            if (!rd->b.oom)
                rd->m[rd->nm - 1].flush = (unsigned char)flush;
            rd->starts = rd->b.oom ? 0 : rd->nm;
            rd->starts_lines = 0;
            rd->cut_short = 0;
        }
        if (fresh) {
            top = g->y1;
            spaces(b, target);
        } else if (g->x1 - prev_x2 > GW_PDF_COLUMN_GAP * unit) {
            spaces(b, target > col + 2 ? target - col : 2);
        } else if (pending == 2 || (pending && !gw_pdf_autospace(prev_cp, cp))) {
            spaces(b, 1);
        }
        pending = 0;
        prev_cp = cp;
        glyph_bold(rd, bold && bold[k - 1]);
        put(b, text + at, i - at);
        if (rd->op.run)
            rd->op.bold_end = b->len;
        fresh = 0;
        prev_x2 = g->x2;
        if (g->x2 >= right - GW_PDF_RAGGED_LINE * unit)
            last_full = g->y2;
        col = line_width(b);
    }
    line_ends(rd);
    for (; written < tables.n; written++) /* poppler gave no rectangle for a character */
        write_table(rd, &tables.v[written], 0);
    if (b->len && b->s[b->len - 1] != '\n')
        put(b, "\n", 1);
    /* a page that ends short of its right margin ends a paragraph there:
     * the next page's first line starts another */
    if (prev_x2 > 0.0 && prev_x2 < right - GW_PDF_SHORT_LINE * unit)
        put(b, "\n", 1);
    rd->ended_full = !in_table && prev_x2 >= right - GW_PDF_RAGGED_LINE * unit;
    if (!fresh)
        starts_line(rd, prev_x2 >= right - GW_PDF_RAGGED_LINE * unit);
    starts_ended(rd); /* what goes on to the next page is no widow's rest */
    if (last_full > rd->full_bottom)
        rd->full_bottom = last_full;
    rd->cut_short =
        pitch > 0.0 && last_full >= 0.0 && last_full < rd->full_bottom - GW_PDF_CUT_SHORT * pitch;
    /* a table at the foot of the page may go on at the top of the next */
    rd->open_cols =
        tables.n && tables.below <= GW_PDF_FURNITURE_MAX ? tables.v[tables.n - 1].cols : 0;
    gw_pdf_tables_free(&tables);
}

/* One hint per line of rd's text: every line a printed one, what the
 * reader marked as such. NULL when out of memory. */
static gw_hint *hints(const reader *rd)
{
    size_t n = rd->b.lines + (rd->b.len && rd->b.s[rd->b.len - 1] != '\n');
    gw_hint *h = malloc((n ? n : 1) * sizeof *h);
    if (!h)
        return NULL;
    /* a document that sets leads in bold: a line that opens without is
     * known to have none */
    int bold = rd->bold_leads >= GW_BOLD_LEADS_MIN;
    /* a document whose paragraphs open indented: a line set flush left
     * atop a page goes on with the paragraph, however early the page
     * above ended (GW_PDF_INDENT_HABIT) */
    int indents = rd->opens_indented > GW_PDF_INDENT_HABIT * rd->opens_flush;
    for (size_t i = 0; i < n; i++)
        h[i] = (gw_hint){bold ? 0 : GW_LEAD_GUESS, GW_HINT_NO_TABLE, 0, GW_PRINTED_LINE};
    for (size_t i = 0; i < rd->nm; i++)
        if (rd->m[i].line < n) {
            gw_hint *l = &h[rd->m[i].line];
            unsigned char printed = rd->m[i].printed;
            if (printed == GW_PRINTED_STARTS && rd->m[i].flush && indents)
                printed = GW_PRINTED_LINE;
            l->table = rd->m[i].table;
            l->page |= rd->m[i].page;
            if (printed > l->printed)
                l->printed = printed;
            if (bold && rd->m[i].lead != NO_LEAD)
                l->lead = rd->m[i].lead;
        }
    return h;
}

gw_text *gw_read_pdf(const char *bytes, size_t len, gw_error *err)
{
    pthread_once(&api_once, load_api);
    if (!api_ok) {
        gw_fail(err, GW_ERR_BAD_SOURCE, 0, 0,
                "reading a PDF needs poppler-glib (" GW_POPPLER_SONAME "), which is not installed");
        return NULL;
    }
    GError *ge = NULL;
    GBytes *gb = api.bytes_new_static(bytes, len);
    PopplerDocument *doc = api.document_new_from_bytes(gb, NULL, &ge);
    api.bytes_unref(gb);
    if (!doc) {
        int locked = ge && ge->domain == api.error_quark() && ge->code == POPPLER_ERROR_ENCRYPTED;
        gw_fail(err, GW_ERR_BAD_SOURCE, 0, 0, "%s",
                locked ? "an encrypted (password-protected) PDF: save a copy without the "
                         "password first"
                       : "a damaged PDF: its text cannot be read");
        if (ge)
            api.error_free(ge);
        return NULL;
    }
    reader rd;
    memset(&rd, 0, sizeof rd);
    rd.op.opens = -1;
    buf *b = &rd.b;
    int pages = api.document_get_n_pages(doc);
    if (pages > PAGES_MAX) {
        api.object_unref(doc);
        gw_fail(err, GW_ERR_BAD_SOURCE, 0, 0,
                "a PDF of %d pages: refused (gongwen reads at most %d; a report has a few hundred)",
                pages, PAGES_MAX);
        return NULL;
    }
    page_layer *layer = calloc(pages > 0 ? (size_t)pages : 1, sizeof *layer);
    pitches *pt = calloc(1, sizeof *pt);
    b->oom = !layer || !pt;
    /* the text layer of every page first: the line pitch is the document's */
    for (int p = 0; p < pages && !b->oom; p++) {
        PopplerPage *page = api.document_get_page(doc, p);
        if (!page)
            continue;
        page_layer *l = &layer[p];
        l->text = api.page_get_text(page);
        l->laid = l->text && api.page_get_text_layout(page, &l->r, &l->n) &&
                  l->n == (guint)api.utf8_strlen(l->text, -1);
        if (l->laid) {
            deflate_boxes(l->text, l->r, l->n);
            l->bold = bold_of(page, l->n);
            b->oom |= !l->bold;
            if (l->bold)
                l->own = relines(l);
            sample_pitches(l->text, l->r, l->n, pt);
        }
        api.object_unref(page);
    }
    /* the next page's first line drawn at a page's foot */
    for (int p = 0; p + 1 < pages && !b->oom; p++)
        if (layer[p].laid && layer[p + 1].laid)
            b->oom |= drop_bleed(&layer[p], &layer[p + 1]) != 0;
    double pitch = pt ? line_pitch(pt) : 0.0;
    for (int p = 0; p < pages && layer; p++) {
        page_layer *l = &layer[p];
        if (l->laid && !b->oom) {
            page_text(&rd, l->text, l->r, l->bold, l->n, pitch);
        } else if (l->text && !b->oom) {
            put(b, l->text, strlen(l->text));
            put(b, "\n", 1);
            rd.open_cols = 0;
        }
        if (l->bleed && !b->oom) { /* page furniture, after the page */
            add_mark(&rd, b->lines, GW_HINT_NO_TABLE, 1, GW_PRINTED_LINE);
            put(b, l->bleed, strlen(l->bleed));
            put(b, "\n", 1);
        }
        free(l->bleed);
        if (l->own) {
            free(l->r);
            free(l->text);
        } else {
            api.free(l->r);
            api.free(l->text);
        }
        free(l->bold);
    }
    free(layer);
    free(pt);
    api.object_unref(doc);
    gw_text *t = NULL;
    gw_hint *h = b->oom ? NULL : hints(&rd);
    if (b->oom || !h)
        gw_fail(err, GW_ERR_NOMEM, 0, 0, "out of memory");
    else if (gw_count_nonspace(b->s ? b->s : "", b->len) <
             (size_t)(pages > 0 ? pages : 1) * GW_PDF_CHARS_PER_PAGE_MIN)
        gw_fail(err, GW_ERR_BAD_SOURCE, 0, 0,
                "a PDF without a text layer (scanned images?): it needs OCR before gongwen "
                "can read it");
    else if (gw_utf8_validate(b->s, b->len) != b->len)
        gw_fail(err, GW_ERR_BAD_SOURCE, 0, 0, "a PDF whose text layer is not valid Unicode");
    else
        t = gw_text_from_reader(b->s, b->len, GW_FROM_PDF, h,
                                rd.b.lines + (b->len && b->s[b->len - 1] != '\n'), err),
        h = NULL;
    free(h);
    free(b->s);
    free(rd.m);
    return t;
}
