/* The .pdf reader: the text layer through poppler-glib, page by page, each
 * line rebuilt with its layout from the glyphs' positions: its indent and
 * the wide gaps between a table's columns become spaces, in columns of half
 * the text's character width, as a copy of the page would show them. Page
 * numbers, running headers and hard-wrapped lines are left as they are for
 * layout.c, which already reads text copied from PDFs. */
#include "readers.h"
#include "utf8.h"

#include "tunables.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

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
    void *h = dlopen(GW_POPPLER_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (!h)
        h = dlopen("libpoppler-glib.so", RTLD_NOW | RTLD_LOCAL);
    if (!h)
        return;
    /* dlsym's void * to function pointers: POSIX requires it to work */
    struct {
        const char *name;
        void **slot;
    } const fns[] = {
        {"poppler_document_new_from_bytes", (void **)&api.document_new_from_bytes},
        {"poppler_document_get_n_pages", (void **)&api.document_get_n_pages},
        {"poppler_document_get_page", (void **)&api.document_get_page},
        {"poppler_page_get_text", (void **)&api.page_get_text},
        {"poppler_page_get_text_layout", (void **)&api.page_get_text_layout},
        {"poppler_error_quark", (void **)&api.error_quark},
        {"g_bytes_new_static", (void **)&api.bytes_new_static},
        {"g_bytes_unref", (void **)&api.bytes_unref},
        {"g_error_free", (void **)&api.error_free},
        {"g_free", (void **)&api.free},
        {"g_object_unref", (void **)&api.object_unref},
        {"g_utf8_strlen", (void **)&api.utf8_strlen},
    };
    for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++)
        if (!(*fns[i].slot = dlsym(h, fns[i].name)))
            return;
    api_ok = 1;
}

typedef struct {
    char *s;
    size_t len, cap;
    int oom;
} buf;

static void put(buf *b, const char *s, size_t n)
{
    if (b->oom || !n)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 65536;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *v = realloc(b->s, cap);
        if (!v) {
            b->oom = 1;
            return;
        }
        b->s = v;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

/* A page's text layer: its text and one rectangle per character. */
typedef struct {
    char *text;
    PopplerRectangle *r;
    guint n;
    int laid; /* r matches text */
} page_layer;

static void spaces(buf *b, long n)
{
    for (; n > 0; n--)
        put(b, " ", 1);
}

/* Half the width of the page's text characters: the median height of its
 * glyphs over two (a Chinese character is as wide as it is high). */
static double half_width(const PopplerRectangle *r, guint n)
{
    double *h = malloc((n ? n : 1) * sizeof *h);
    if (!h)
        return 5.0;
    guint k = 0;
    for (guint i = 0; i < n; i++)
        if (r[i].y2 - r[i].y1 > 1.0)
            h[k++] = r[i].y2 - r[i].y1;
    double best = 10.0;
    if (k) {
        /* a partial selection sort to the middle: k is a page's glyphs */
        for (guint i = 0; i <= k / 2; i++) {
            guint m = i;
            for (guint j = i + 1; j < k; j++)
                if (h[j] < h[m])
                    m = j;
            double t = h[i];
            h[i] = h[m];
            h[m] = t;
        }
        best = h[k / 2];
    }
    free(h);
    return best / 2.0;
}

/* Whether a space between a and b is the gap Chinese typesetting leaves
 * between Chinese and Latin letters or digits (2023 年), which the text
 * never had. */
static int autospace(uint32_t a, uint32_t b)
{
    int alnum_a = a < 0x80 && ((a | 0x20) - 'a' < 26 || a - '0' < 10);
    int alnum_b = b < 0x80 && ((b | 0x20) - 'a' < 26 || b - '0' < 10);
    return (gw_is_han(a) && alnum_b) || (alnum_a && gw_is_han(b));
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

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
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

/* One page's text with its layout into b. text has one rectangle per
 * character (poppler's layout); left is the page's left margin. */
static void page_text(buf *b, const char *text, const PopplerRectangle *r, guint n, double pitch)
{
    double unit = half_width(r, n), left = 1e9, top = -1.0;
    size_t len = strlen(text), i = 0;
    double right = 0.0;
    for (guint k = 0; k < n; k++) {
        if (r[k].x1 < left && r[k].x2 > r[k].x1)
            left = r[k].x1;
        if (r[k].x2 > right)
            right = r[k].x2;
    }
    guint k = 0;
    long col = 0;         /* display columns written on this line */
    int fresh = 1;        /* nothing written on this line yet */
    int pending = 0;      /* a space came: 1 ' ', 2 another space character */
    uint32_t prev_cp = 0; /* the last character written */
    double prev_x2 = 0.0; /* right edge of the last glyph written */
    while (i < len) {
        size_t at = i;
        uint32_t cp = gw_next(text, len, &i);
        const PopplerRectangle *g = k < n ? &r[k] : NULL;
        k++;
        if (cp == '\n') {
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
        if (fresh && top >= 0.0 && pitch > 0.0 && g->y1 - top > GW_PDF_PARAGRAPH_GAP * pitch)
            put(b, "\n", 1);
        if (fresh) {
            top = g->y1;
            spaces(b, target);
        } else if (g->x1 - prev_x2 > GW_PDF_COLUMN_GAP * unit) {
            spaces(b, target > col + 2 ? target - col : 2);
        } else if (pending == 2 || (pending && !autospace(prev_cp, cp))) {
            spaces(b, 1);
        }
        pending = 0;
        prev_cp = cp;
        put(b, text + at, i - at);
        fresh = 0;
        prev_x2 = g->x2;
        col = line_width(b);
    }
    if (b->len && b->s[b->len - 1] != '\n')
        put(b, "\n", 1);
    /* a page that ends short of its right margin ends a paragraph there:
     * the next page's first line starts another */
    if (prev_x2 > 0.0 && prev_x2 < right - GW_PDF_SHORT_LINE * unit)
        put(b, "\n", 1);
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
    buf b = {NULL, 0, 0, 0};
    int pages = api.document_get_n_pages(doc);
    page_layer *layer = calloc(pages > 0 ? (size_t)pages : 1, sizeof *layer);
    pitches *pt = calloc(1, sizeof *pt);
    b.oom = !layer || !pt;
    /* the text layer of every page first: the line pitch is the document's */
    for (int p = 0; p < pages && !b.oom; p++) {
        PopplerPage *page = api.document_get_page(doc, p);
        if (!page)
            continue;
        page_layer *l = &layer[p];
        l->text = api.page_get_text(page);
        l->laid = l->text && api.page_get_text_layout(page, &l->r, &l->n) &&
                  l->n == (guint)api.utf8_strlen(l->text, -1);
        if (l->laid)
            sample_pitches(l->text, l->r, l->n, pt);
        api.object_unref(page);
    }
    double pitch = pt ? line_pitch(pt) : 0.0;
    for (int p = 0; p < pages && layer; p++) {
        page_layer *l = &layer[p];
        if (l->laid && !b.oom) {
            page_text(&b, l->text, l->r, l->n, pitch);
        } else if (l->text && !b.oom) {
            put(&b, l->text, strlen(l->text));
            put(&b, "\n", 1);
        }
        api.free(l->r);
        api.free(l->text);
    }
    free(layer);
    free(pt);
    api.object_unref(doc);
    gw_text *t = NULL;
    if (b.oom)
        gw_fail(err, GW_ERR_NOMEM, 0, 0, "out of memory");
    else if (gw_count_nonspace(b.s ? b.s : "", b.len) <
             (size_t)(pages > 0 ? pages : 1) * GW_PDF_CHARS_PER_PAGE_MIN)
        gw_fail(err, GW_ERR_BAD_SOURCE, 0, 0,
                "a PDF without a text layer (scanned images?): it needs OCR before gongwen "
                "can read it");
    else if (gw_utf8_validate(b.s, b.len) != b.len)
        gw_fail(err, GW_ERR_BAD_SOURCE, 0, 0, "a PDF whose text layer is not valid Unicode");
    else
        t = gw_text_from_reader(b.s, b.len, GW_FROM_PDF, NULL, 0, err);
    free(b.s);
    return t;
}
