#include "pdf_table.h"
#include "output.h"
#include "tunables.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

/* Columns a table may have: more is a page of scattered words. */
#define COLS_MAX 32

typedef struct {
    double x1, y1, x2, y2;
    double mid, half; /* of its line of the text: its tallest glyph's middle, half height */
    size_t k;         /* its index in the page's text order */
    size_t at, len; /* its bytes in the text */
    uint32_t cp;
} glyph;

typedef struct {
    double x1, x2;
    size_t g0, g1; /* glyphs [g0, g1) of the x-sorted line */
} segment;

typedef struct {
    double top, bottom;
    size_t s0, s1; /* its segments */
} vline;

typedef struct {
    glyph *g;
    size_t ng;
    segment *s;
    size_t ns;
    vline *l;
    size_t nl;
} page;

int gw_pdf_autospace(uint32_t a, uint32_t b)
{
    int alnum_a = a < 0x80 && ((a | 0x20) - 'a' < 26 || a - '0' < 10);
    int alnum_b = b < 0x80 && ((b | 0x20) - 'a' < 26 || b - '0' < 10);
    return (gw_is_han(a) && alnum_b) || (alnum_a && gw_is_han(b));
}

static int by_middle(const void *a, const void *b)
{
    const glyph *x = a, *y = b;
    if (x->mid != y->mid)
        return (x->mid > y->mid) - (x->mid < y->mid);
    return (x->k > y->k) - (x->k < y->k);
}

static int by_left(const void *a, const void *b)
{
    const glyph *x = a, *y = b;
    return (x->x1 > y->x1) - (x->x1 < y->x1);
}

/* The page's glyphs in lines as they stand (top to bottom, left to right),
 * each line cut into segments where white space of a character's width or
 * more parts its glyphs. A glyph stands where its line of the text does,
 * at the middle of that line's tallest glyph: a quotation mark the reader
 * put back in its line from another font (Chromium: smaller, set higher
 * or lower) stays in it, although its own middle is as near the line
 * above or below, and fills the hole it stands in (else a gap between
 * columns). The reader's lines hold one printed line each. */
static int lay_out(const char *text, const PopplerRectangle *r, guint n, double unit, page *p)
{
    size_t len = strlen(text), i = 0;
    p->g = malloc((n ? n : 1) * sizeof *p->g);
    p->s = malloc((n ? n : 1) * sizeof *p->s);
    p->l = malloc((n ? n : 1) * sizeof *p->l);
    if (!p->g || !p->s || !p->l)
        return -1;
    size_t line0 = 0; /* the first glyph of the text's line */
    double tall = -1.0, line_mid = 0.0;
    for (guint k = 0; i < len && k < n; k++) {
        size_t at = i;
        uint32_t cp = gw_next(text, len, &i);
        if (cp == '\n') {
            for (size_t g = line0; g < p->ng; g++)
                p->g[g].mid = line_mid, p->g[g].half = tall / 2;
            line0 = p->ng;
            tall = -1.0;
            continue;
        }
        if (gw_is_space(cp) || r[k].x2 <= r[k].x1 || r[k].y2 <= r[k].y1)
            continue;
        if (r[k].y2 - r[k].y1 > tall)
            tall = r[k].y2 - r[k].y1, line_mid = (r[k].y1 + r[k].y2) / 2;
        p->g[p->ng++] = (glyph){r[k].x1, r[k].y1, r[k].x2, r[k].y2, 0, 0, k, at, i - at, cp};
    }
    for (size_t g = line0; g < p->ng; g++)
        p->g[g].mid = line_mid, p->g[g].half = tall / 2;
    qsort(p->g, p->ng, sizeof *p->g, by_middle);
    for (size_t a = 0; a < p->ng;) {
        double mid = p->g[a].mid, half = p->g[a].half;
        size_t b = a + 1;
        while (b < p->ng && p->g[b].mid - mid < half)
            b++;
        qsort(p->g + a, b - a, sizeof *p->g, by_left);
        vline *l = &p->l[p->nl++];
        *l = (vline){p->g[a].y1, p->g[a].y2, p->ns, p->ns};
        for (size_t k = a; k < b; k++) {
            if (p->g[k].y1 < l->top)
                l->top = p->g[k].y1;
            if (p->g[k].y2 > l->bottom)
                l->bottom = p->g[k].y2;
            if (k == a || p->g[k].x1 - p->g[k - 1].x2 > GW_PDF_CELL_GAP * unit)
                p->s[p->ns++] = (segment){p->g[k].x1, p->g[k].x2, k, k + 1};
            else {
                segment *s = &p->s[p->ns - 1];
                s->g1 = k + 1;
                if (p->g[k].x2 > s->x2)
                    s->x2 = p->g[k].x2;
            }
        }
        l->s1 = p->ns;
        a = b;
    }
    return 0;
}

typedef struct {
    double x1[COLS_MAX], x2[COLS_MAX];
    size_t n;
} columns;

/* Adds line l's segments to the columns c: 0, or -1 when one of them
 * bridges a gap between columns (prose, not a row) or there would be too
 * many. c is left as it was then. */
static int add_line(const page *p, const vline *l, columns *c)
{
    columns t = *c;
    for (size_t s = l->s0; s < l->s1; s++) {
        double x1 = p->s[s].x1, x2 = p->s[s].x2;
        size_t hit = 0, at = t.n;
        for (size_t k = 0; k < t.n; k++)
            if (x1 < t.x2[k] && x2 > t.x1[k]) {
                hit++;
                at = k;
            }
        if (hit > 1)
            return -1;
        if (hit == 1) {
            t.x1[at] = x1 < t.x1[at] ? x1 : t.x1[at];
            t.x2[at] = x2 > t.x2[at] ? x2 : t.x2[at];
            continue;
        }
        if (t.n == COLS_MAX)
            return -1;
        size_t k = t.n;
        while (k > 0 && t.x1[k - 1] > x1) {
            t.x1[k] = t.x1[k - 1];
            t.x2[k] = t.x2[k - 1];
            k--;
        }
        t.x1[k] = x1;
        t.x2[k] = x2;
        t.n++;
    }
    *c = t;
    return 0;
}

static size_t column_of(const columns *c, const segment *s)
{
    for (size_t k = 0; k < c->n; k++)
        if (s->x1 < c->x2[k] && s->x2 > c->x1[k])
            return k;
    return 0;
}

typedef struct {
    char *s;
    size_t len, cap;
    int oom;
} text;

static void add(text *t, const char *s, size_t n)
{
    if (t->oom)
        return;
    gw_buffer g = {t->s, t->len, t->cap};
    t->oom = gw_buffer_write(&g, s, n) != 0;
    t->s = g.data;
    t->len = g.len;
    t->cap = g.cap;
}

/* The last character of t, 0 if none. */
static uint32_t last_cp(const text *t)
{
    size_t i = t->len;
    while (i > 0 && ((unsigned char)t->s[i - 1] & 0xC0) == 0x80)
        i--;
    if (!i)
        return 0;
    i--;
    return gw_next(t->s, t->len, &i);
}

/* Segment s's text onto the cell's: a space where the glyphs stand a
 * space apart, and between the lines of a wrapped cell only where Latin
 * words meet. */
static void cell_text(const char *src, const page *p, const segment *s, double unit, text *t)
{
    for (size_t k = s->g0; k < s->g1; k++) {
        const glyph *g = &p->g[k];
        uint32_t prev = last_cp(t);
        int alnum = g->cp < 0x80 && prev < 0x80 && prev && !gw_is_space(prev);
        if (k > s->g0
                ? g->x1 - p->g[k - 1].x2 > GW_PDF_SPACE * unit && !gw_pdf_autospace(prev, g->cp)
                : alnum && t->len)
            add(t, " ", 1);
        add(t, src + g->at, g->len);
    }
}

/* The rows of lines [a, b) into tab: lines further apart than the closest
 * two start another row (the padding of a cell); with all lines evenly
 * apart, each is a row. */
static int make_table(const char *src, const page *p, size_t a, size_t b, const columns *c,
                      double unit, gw_pdf_table *tab)
{
    double close = 1e9;
    for (size_t i = a + 1; i < b; i++)
        if (p->l[i].top - p->l[i - 1].top < close)
            close = p->l[i].top - p->l[i - 1].top;
    size_t rows = 1;
    for (size_t i = a + 1; i < b; i++)
        rows += p->l[i].top - p->l[i - 1].top > GW_PDF_ROW_GAP * close;
    int even = rows == 1;
    if (even)
        rows = b - a;
    tab->rows = rows;
    tab->cols = c->n;
    tab->top = p->l[a].top;
    tab->bottom = p->l[b - 1].bottom;
    tab->cell = calloc(rows * c->n, sizeof *tab->cell);
    text *cells = calloc(rows * c->n, sizeof *cells);
    int oom = !tab->cell || !cells;
    size_t row = 0;
    for (size_t i = a; i < b && !oom; i++) {
        if (i > a && (even || p->l[i].top - p->l[i - 1].top > GW_PDF_ROW_GAP * close))
            row++;
        for (size_t s = p->l[i].s0; s < p->l[i].s1; s++)
            cell_text(src, p, &p->s[s], unit, &cells[row * c->n + column_of(c, &p->s[s])]);
    }
    for (size_t k = 0; !oom && k < rows * c->n; k++) {
        if (!cells[k].s)
            add(&cells[k], "", 0);
        oom = cells[k].oom;
        tab->cell[k] = cells[k].s;
        cells[k].s = NULL;
    }
    for (size_t k = 0; cells && k < rows * c->n; k++)
        free(cells[k].s);
    free(cells);
    return oom ? -1 : 0;
}

static void free_table(gw_pdf_table *t)
{
    for (size_t k = 0; t->cell && k < t->rows * t->cols; k++)
        free(t->cell[k]);
    free(t->cell);
}

/* Adds the table of lines [a, b) to out and marks its characters. */
static int add_table(const char *src, const page *p, size_t a, size_t b, const columns *c,
                     double unit, gw_pdf_tables *out)
{
    gw_pdf_table *v = realloc(out->v, (out->n + 1) * sizeof *v);
    if (!v)
        return -1;
    out->v = v;
    gw_pdf_table *t = &v[out->n];
    memset(t, 0, sizeof *t);
    if (make_table(src, p, a, b, c, unit, t) != 0) {
        free_table(t);
        return -1;
    }
    out->n++;
    t->first = (size_t)-1;
    for (size_t i = a; i < b; i++)
        for (size_t g = p->s[p->l[i].s0].g0; g < p->s[p->l[i].s1 - 1].g1; g++) {
            out->owner[p->g[g].k] = out->n;
            if (p->g[g].k < t->first)
                t->first = p->g[g].k;
        }
    return 0;
}

/* Whether lines [a, b) are a table: rows of cells in enough columns, more
 * than one line of them set in columns. */
static int is_table(const page *p, size_t a, size_t b, const columns *c)
{
    size_t set = 0;
    for (size_t i = a; i < b; i++)
        set += p->l[i].s1 - p->l[i].s0 > 1;
    return c->n >= GW_PDF_TABLE_COLS_MIN && set >= 2;
}

/* Whether line b may go on with the table of lines [a, b): within reach
 * of the line above; a line of one cell only as the next line of a
 * wrapped cell, no further below than the closest lines of the table
 * (below a table, a line of one cell is a paragraph, a caption or a
 * box's title). */
static int goes_on(const page *p, size_t a, size_t b, double reach)
{
    if (b == a)
        return 1;
    double gap = p->l[b].top - p->l[b - 1].top, close = gap;
    for (size_t i = a + 1; i < b; i++)
        if (p->l[i].top - p->l[i - 1].top < close)
            close = p->l[i].top - p->l[i - 1].top;
    return gap <= reach && (p->l[b].s1 - p->l[b].s0 > 1 || gap <= GW_PDF_ROW_GAP * close);
}

/* Where the table of lines [a, b) begins: lines above it that fit its
 * columns are the rest of a row that a page break cut, if nothing but
 * white space stands above them (prose within reach above would make them
 * the end of a paragraph). c gets their cells. */
static size_t up(const page *p, size_t a, double reach, columns *c)
{
    columns t = *c;
    size_t top = a;
    while (top > 0 && p->l[top].top - p->l[top - 1].top <= reach &&
           add_line(p, &p->l[top - 1], &t) == 0)
        top--;
    if (top == a || (top > 0 && p->l[top].top - p->l[top - 1].top <= reach))
        return a;
    *c = t;
    return top;
}

int gw_pdf_tables_find(const char *text, const PopplerRectangle *r, guint n, double unit,
                       double pitch, gw_pdf_tables *out)
{
    memset(out, 0, sizeof *out);
    page p = {0};
    out->owner = calloc(n ? n : 1, sizeof *out->owner);
    int rc = out->owner ? lay_out(text, r, n, unit, &p) : -1;
    double reach = GW_PDF_TABLE_LINE_GAP * (pitch > 0 ? pitch : 2.5 * unit);
    for (size_t a = 0; rc == 0 && a < p.nl;) {
        columns c = {{0}, {0}, 0};
        size_t b = a;
        if (p.l[a].s1 - p.l[a].s0 > 1)
            while (b < p.nl && goes_on(&p, a, b, reach) && add_line(&p, &p.l[b], &c) == 0)
                b++;
        if (b > a && is_table(&p, a, b, &c)) {
            rc = add_table(text, &p, up(&p, a, reach, &c), b, &c, unit, out);
            a = b;
        } else {
            a++;
        }
    }
    /* the text around the tables: a table that runs on over a page break
     * has no more than page furniture between its parts */
    for (size_t g = 0; rc == 0 && out->n && g < p.ng; g++) {
        if (out->owner[p.g[g].k])
            continue;
        out->above += p.g[g].y2 <= out->v[0].top;
        out->below += p.g[g].y1 >= out->v[out->n - 1].bottom;
    }
    free(p.g);
    free(p.s);
    free(p.l);
    if (rc != 0)
        gw_pdf_tables_free(out);
    return rc;
}

void gw_pdf_tables_free(gw_pdf_tables *t)
{
    for (size_t i = 0; i < t->n; i++)
        free_table(&t->v[i]);
    free(t->v);
    free(t->owner);
    memset(t, 0, sizeof *t);
}
