/* The .html reader: a page saved from a government site. The article is
 * the element whose paragraphs hold the most Chinese text (navigation,
 * toolbars, share buttons and footers hold little); its blocks become
 * lines, <br> ends one, bold opening a paragraph is its bold lead
 * (<strong>, <b>, or a font-weight set inline or by a class of the page's
 * style sheet, as LibreOffice's XHTML and Google Docs write it), a page
 * style's header and footer page furniture (LibreOffice, Word), a <table>
 * of data a table (colspan and rowspan as empty cells), <sup>
 * note references stay in the text. The encoding is the one named in the
 * page's meta tag unless one is given (GB2312 pages are common). */
#include "readers.h"
#include "rlines.h"
#include "utf8.h"
#include "xmlerr.h"

#include "tunables.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/globals.h>

/* The bytes of a page searched for its meta charset. */
#define META_PROBE 8192
/* Columns a cell may span, and rows. */
#define SPAN_MAX 64
/* The widest table read as a table. */
#define COLUMNS_MAX 256
/* The deepest nesting of elements read. libxml2 stops parsing (and drops
 * the rest of the page) past 256; real pages nest some 30 deep. A page
 * beyond this is refused whole rather than read in part, and the walks
 * below recurse no deeper. */
#define DEPTH_MAX 200
/* Classes of the page's style sheets whose font-weight is read, and the
 * longest class name kept (LibreOffice writes T1..Tn, Google Docs c1..cn:
 * a few dozen set a weight). */
#define CLASSES_MAX 256
/* Headers and footers kept for the end of the text (LibreOffice writes
 * one of each per page style). */
#define PARTS_MAX 16
#define CLASS_NAME_MAX 64

static int is(const xmlNode *n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && !strcasecmp((const char *)n->name, name);
}

static int is_any(const xmlNode *n, const char *const *names)
{
    for (; *names; names++)
        if (is(n, *names))
            return 1;
    return 0;
}

static const char *const blocks[] = {"p",          "div",     "li",      "h1",     "h2",  "h3",
                                     "h4",         "h5",      "h6",      "tr",     "td",  "th",
                                     "table",      "ul",      "ol",      "dl",     "dd",  "dt",
                                     "blockquote", "section", "article", "center", "pre", "header",
                                     "footer",     "main",    "tbody",   "thead",  "hr",  NULL};
static const char *const skipped[] = {"script", "style",    "noscript", "nav",    "button", "form",
                                      "select", "textarea", "iframe",   "object", "svg",    "head",
                                      "aside",  "template", "title",    NULL};

/* Whether a class or id token names word at its start or end (navbar,
 * sub-nav, bdshare; not canvas). */
static int names_word(const char *tok, size_t n, const char *word)
{
    size_t w = strlen(word);
    return n >= w && (!strncasecmp(tok, word, w) || !strncasecmp(tok + n - w, word, w));
}

/* Whether a token of n's class or id names one of words (NULL-ended) at
 * its start or end. */
static int names_any(const xmlNode *n, const char *const *words)
{
    for (const xmlAttr *a = n->properties; a; a = a->next) {
        if (strcasecmp((const char *)a->name, "class") && strcasecmp((const char *)a->name, "id"))
            continue;
        const char *v = a->children ? (const char *)a->children->content : "";
        while (v && *v) {
            size_t k = strcspn(v, " \t\r\n_-");
            for (size_t i = 0; k && words[i]; i++)
                if (names_word(v, k, words[i]))
                    return 1;
            v += k + (v[k] != '\0');
        }
    }
    return 0;
}

/* class or id naming a site's furniture (in the article too: the share
 * buttons and the print link under the text) */
static int is_furniture(const xmlNode *n)
{
    static const char *const words[] = {"share",  "toolbar",   "nav",   "menu", "breadcrumb",
                                        "footer", "copyright", "print", NULL};
    return names_any(n, words);
}

static const char *attr(const xmlNode *n, const char *name)
{
    for (const xmlAttr *a = n->properties; a; a = a->next)
        if (!strcasecmp((const char *)a->name, name) && a->children)
            return (const char *)a->children->content;
    return NULL;
}

static size_t han_in(const char *s)
{
    size_t len = strlen(s), i = 0, n = 0;
    while (i < len)
        n += gw_is_han(gw_next(s, len, &i)) != 0;
    return n;
}

/* ---- finding the article --------------------------------------------- */

typedef struct {
    const xmlNode *best;
    size_t best_score;
} finder;

/* The Chinese characters of n's own text (not inside a child block), and
 * each block's score: its own text plus that of the blocks right in it.
 * Each node is visited once: a block child's own text, computed for its
 * own score, is the one its parent's score adds (visiting it again for
 * the parent made the walk exponential in the nesting depth). */
static size_t own_text(const xmlNode *n, finder *f)
{
    size_t own = 0, blocks_in = 0;
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE && c->content) {
            own += han_in((const char *)c->content);
        } else if (c->type == XML_ELEMENT_NODE && !is_any(c, skipped) && !is_any(c, blocks)) {
            own += own_text(c, f); /* inline: <span>, <strong>, <a>, <font> */
        } else if (c->type == XML_ELEMENT_NODE && !is_any(c, skipped)) {
            size_t in = own_text(c, f); /* a block: scored on its own */
            if (in >= GW_HTML_BLOCK_MIN)
                blocks_in += in;
        }
    }
    if (is_any(n, blocks) || is(n, "body")) {
        size_t s = blocks_in + own;
        if (s >= f->best_score && s > 0) { /* a container over its only block */
            f->best_score = s;
            f->best = n;
        }
    }
    return own;
}

/* Whether the tree under root nests elements deeper than DEPTH_MAX (a
 * loop, not a recursion: the depth is what is in question). */
static int too_deep(const xmlNode *root)
{
    size_t depth = 0;
    const xmlNode *n = root;
    while (n) {
        if (n->type == XML_ELEMENT_NODE && n->children) {
            if (++depth > DEPTH_MAX)
                return 1;
            n = n->children;
            continue;
        }
        while (n != root && !n->next) {
            n = n->parent;
            depth--;
        }
        if (n == root)
            return 0;
        n = n->next;
    }
    return 0;
}

/* ---- the title above the article ---------------------------------------- */

/* Whether a class or id token of n says title (title, art-title, tit). */
static int says_title(const xmlNode *n)
{
    static const char *const words[] = {"title", "tit", NULL};
    return names_any(n, words);
}

/* White space as CSS and HTML count it. */
static int css_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* The text of n, white space left out, into buf (cap bytes, NUL-ended);
 * 0 when it does not fit or n holds an element of skipped. */
static int squeezed(const xmlNode *n, char *buf, size_t cap, size_t *len, int depth)
{
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE && c->content) {
            for (const char *s = (const char *)c->content; *s; s++) {
                if (css_space(*s))
                    continue;
                if (*len + 1 >= cap)
                    return 0;
                buf[(*len)++] = *s;
            }
        } else if (c->type == XML_ELEMENT_NODE) {
            if (is_any(c, skipped) || depth > 8 || !squeezed(c, buf, cap, len, depth + 1))
                return 0;
        }
    }
    buf[*len] = '\0';
    return 1;
}

/* A heading element at or just under n (a title's box holds its h1) with
 * a title's text: some Chinese, not a paragraph's length. */
static const xmlNode *heading_in(const xmlNode *n, int depth)
{
    if (n->type != XML_ELEMENT_NODE || is_any(n, skipped) || is_furniture(n))
        return NULL;
    if (is(n, "h1") || is(n, "h2") || is(n, "h3") || says_title(n)) {
        char buf[4 * GW_HTML_TITLE_MAX];
        size_t len = 0;
        if (squeezed(n, buf, sizeof buf, &len, 0) && han_in(buf) >= 4)
            return n;
    }
    for (const xmlNode *c = n->children; c && depth < 2; c = c->next) {
        const xmlNode *h = heading_in(c, depth + 1);
        if (h)
            return h;
    }
    return NULL;
}

/* The title a site sets above the article and outside it (gov.cn and most
 * provincial sites: an <h1> beside the date and source line, over the
 * element that holds the text): the nearest heading among the earlier
 * siblings of the article and of its ancestors. NULL when there is none,
 * or when the article opens with the same text itself. */
static const xmlNode *title_before(const xmlNode *article)
{
    const xmlNode *found = NULL;
    for (const xmlNode *n = article; n && !found && n->type == XML_ELEMENT_NODE && !is(n, "body");
         n = n->parent) {
        int seen = 0;
        for (const xmlNode *s = n->prev; s && !found && seen < GW_HTML_TITLE_SIBLINGS; s = s->prev)
            if (s->type == XML_ELEMENT_NODE) {
                seen++;
                found = heading_in(s, 0);
            }
    }
    if (!found)
        return NULL;
    char title[4 * GW_HTML_TITLE_MAX], head[4 * GW_HTML_TITLE_MAX];
    size_t tl = 0, hl = 0;
    squeezed(found, title, sizeof title, &tl, 0);
    /* the article's own opening, as far as the title goes */
    const xmlNode *t = article;
    while (t && t->children && t->type == XML_ELEMENT_NODE)
        t = t->children;
    for (; t && hl + 1 < sizeof head; t = t->next ? t->next : NULL)
        if (t->type == XML_TEXT_NODE && t->content)
            for (const char *s = (const char *)t->content; *s && hl + 1 < sizeof head; s++)
                if (*s != ' ' && *s != '\t' && *s != '\r' && *s != '\n')
                    head[hl++] = *s;
    head[hl] = '\0';
    return hl >= tl && !memcmp(head, title, tl) ? NULL : found;
}

/* ---- font weight ---------------------------------------------------------- */

/* The font-weight the CSS declarations [s, s + n) set: 1 bold (bold,
 * bolder, 600 and up), 0 normal (normal, lighter, up to 500), -1 none. The
 * last one wins, as in CSS; names are case-insensitive (FONT-WEIGHT: bold,
 * as old editors write it). */
static int weight_in(const char *s, size_t n)
{
    static const char prop[] = "font-weight";
    const size_t pl = sizeof prop - 1;
    int w = -1;
    for (size_t i = 0; i + pl <= n; i++) {
        if (strncasecmp(s + i, prop, pl) ||
            (i && s[i - 1] != ';' && s[i - 1] != '{' && !css_space(s[i - 1])))
            continue;
        size_t k = i + pl;
        while (k < n && css_space(s[k]))
            k++;
        if (k >= n || s[k] != ':')
            continue;
        k++;
        while (k < n && css_space(s[k]))
            k++;
        size_t v = 0;
        while (k + v < n && s[k + v] != ';' && s[k + v] != '}' && s[k + v] != '!' &&
               !css_space(s[k + v]))
            v++;
        if ((v == 4 && !strncasecmp(s + k, "bold", 4)) ||
            (v == 6 && !strncasecmp(s + k, "bolder", 6)))
            w = 1;
        else if ((v == 6 && !strncasecmp(s + k, "normal", 6)) ||
                 (v == 7 && !strncasecmp(s + k, "lighter", 7)))
            w = 0;
        else if (v >= 3 && v <= 4 && s[k] >= '1' && s[k] <= '9') {
            int num = 0;
            size_t d = 0;
            while (d < v && s[k + d] >= '0' && s[k + d] <= '9')
                num = num * 10 + (s[k + d++] - '0');
            if (d == v)
                w = num >= 600;
        }
        i = k + v - 1;
    }
    return w;
}

/* A class of the page's style sheets that sets the font-weight: .T2 or
 * span.T2 (a tag before the class, if any, in tag). */
typedef struct {
    char name[CLASS_NAME_MAX];
    size_t len; /* of name */
    char tag[16];
    int weight; /* 1 bold, 0 normal */
} weighted;

typedef struct {
    weighted *v;
    size_t n;
    int oom;
} classes;

/* Records selector [s, s + n) when it is one class, alone or after a tag
 * (what editors and converters write); a later rule of the same class
 * overrides an earlier one, as in CSS. */
static void class_rule(classes *c, const char *s, size_t n, int weight)
{
    while (n && css_space(*s))
        s++, n--;
    while (n && css_space(s[n - 1]))
        n--;
    const char *dot = memchr(s, '.', n);
    if (!dot)
        return;
    size_t tl = (size_t)(dot - s), nl = n - tl - 1;
    if (!nl || nl >= CLASS_NAME_MAX || tl >= sizeof c->v[0].tag)
        return;
    for (size_t i = 0; i < n; i++)
        if (i != tl && strchr(" \t\r\n>+~:[#.*()\\", s[i]))
            return; /* descendants, pseudo-classes, two classes: not read */
    weighted *w = NULL;
    for (size_t i = 0; i < c->n && !w; i++)
        if (c->v[i].len == nl && !memcmp(c->v[i].name, dot + 1, nl) && strlen(c->v[i].tag) == tl &&
            !strncasecmp(c->v[i].tag, s, tl))
            w = &c->v[i];
    if (!w) {
        if (c->n >= CLASSES_MAX)
            return;
        if (!c->v && !(c->v = calloc(CLASSES_MAX, sizeof *c->v))) {
            c->oom = 1;
            return;
        }
        w = &c->v[c->n++];
        memcpy(w->name, dot + 1, nl);
        w->name[nl] = '\0';
        w->len = nl;
        memcpy(w->tag, s, tl);
        w->tag[tl] = '\0';
    }
    w->weight = weight;
}

/* The rules of a style sheet [s, s + n) that set a font-weight on a
 * class. At-rules holding rules (@media) are entered, others (@page,
 * @font-face) skipped; comments are left out. */
static void style_sheet(classes *c, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && !c->oom) {
        if (i + 1 < n && s[i] == '/' && s[i + 1] == '*') {
            const char *e = NULL;
            for (size_t k = i + 2; k + 1 < n && !e; k++)
                if (s[k] == '*' && s[k + 1] == '/')
                    e = s + k;
            i = e ? (size_t)(e - s) + 2 : n;
            continue;
        }
        if (s[i] == '}' || s[i] == ';' || css_space(s[i])) {
            i++;
            continue;
        }
        size_t open = i;
        while (open < n && s[open] != '{' && s[open] != '}' && (s[i] != '@' || s[open] != ';'))
            open++;
        if (open < n && s[open] == ';') { /* @import, @charset */
            i = open + 1;
            continue;
        }
        if (open >= n)
            return;
        if (s[open] == '}') {
            i = open + 1;
            continue;
        }
        size_t close = open + 1;
        while (close < n && s[close] != '}' && s[close] != '{')
            close++;
        if (s[i] == '@') {
            if (close < n && s[close] == '{')
                i = open + 1; /* @media: its rules follow */
            else
                i = close + 1; /* @page, @font-face: declarations */
            continue;
        }
        if (close >= n || s[close] == '{') {
            i = close; /* malformed: go on from the brace */
            continue;
        }
        int w = weight_in(s + open + 1, close - open - 1);
        if (w >= 0)
            for (size_t a = i; a < open;) {
                size_t b = a;
                while (b < open && s[b] != ',')
                    b++;
                class_rule(c, s + a, b - a, w);
                a = b + 1;
            }
        i = close + 1;
    }
}

/* The classes of every <style> element of the page. */
static void style_sheets(classes *c, const xmlNode *n, int depth)
{
    for (const xmlNode *k = n; k && !c->oom; k = k->next) {
        if (k->type != XML_ELEMENT_NODE)
            continue;
        if (is(k, "style")) {
            for (const xmlNode *t = k->children; t; t = t->next)
                if ((t->type == XML_TEXT_NODE || t->type == XML_CDATA_SECTION_NODE) && t->content)
                    style_sheet(c, (const char *)t->content, strlen((const char *)t->content));
        } else if (k->children && depth < DEPTH_MAX) {
            style_sheets(c, k->children, depth + 1);
        }
    }
}

/* The weight n's class sets: 1 bold, 0 normal, -1 none (bold wins when
 * two of its classes disagree). */
static int class_weight(const classes *c, const xmlNode *n)
{
    const char *v = c->n ? attr(n, "class") : NULL;
    int w = -1;
    while (v && *v) {
        size_t k = strcspn(v, " \t\r\n\f");
        for (size_t i = 0; k && i < c->n; i++)
            if (c->v[i].len == k && !memcmp(c->v[i].name, v, k) &&
                (!c->v[i].tag[0] || !strcasecmp(c->v[i].tag, (const char *)n->name)) &&
                c->v[i].weight > w)
                w = c->v[i].weight;
        v += k;
        v += strspn(v, " \t\r\n\f");
    }
    return w;
}

/* ---- the walk ------------------------------------------------------------ */

typedef struct {
    gw_rl rl;
    int bold;   /* inside <strong>, <b>, bold <span> */
    int in_pre; /* white space is kept */
    int in_cell;
    const xmlNode *article;          /* the element found to hold the report */
    classes css;                     /* classes of the page's style sheets that set a weight */
    const xmlNode *parts[PARTS_MAX]; /* headers and footers met, for the end */
    size_t nparts;
} walk;

static void node(walk *w, const xmlNode *n);

/* Text with runs of HTML white space as one space (none at a line's start). */
static void text(walk *w, const char *s)
{
    if (w->in_pre) {
        for (const char *nl; (nl = strchr(s, '\n')); s = nl + 1) {
            gw_rl_text(&w->rl, s, (size_t)(nl - s), w->bold);
            if (w->in_cell)
                gw_rl_text(&w->rl, " ", 1, w->bold);
            else
                gw_rl_end(&w->rl);
        }
        gw_rl_text(&w->rl, s, strlen(s), w->bold);
        return;
    }
    while (*s) {
        size_t k = strcspn(s, " \t\r\n\f");
        gw_rl_text(&w->rl, s, k, w->bold);
        s += k;
        size_t sp = strspn(s, " \t\r\n\f");
        if (sp && w->rl.open && w->rl.any_text)
            gw_rl_text(&w->rl, " ", 1, w->bold);
        s += sp;
    }
}

/* The weight n sets on its text: 1 bold, 0 normal, -1 what it is in
 * (its style attribute first, then its classes, then <strong> and <b>). */
static int weight_of(const walk *w, const xmlNode *n)
{
    const char *st = attr(n, "style");
    int k = st ? weight_in(st, strlen(st)) : -1;
    if (k < 0)
        k = class_weight(&w->css, n);
    if (k < 0 && (is(n, "strong") || is(n, "b")))
        k = 1;
    return k;
}

/* A page style's header or footer, as LibreOffice writes it (a div titled
 * header or footer) and Word (a div styled mso-element:header or footer):
 * page furniture, as the .docx reader keeps them. */
static int is_page_part(const xmlNode *n)
{
    if (!is(n, "div"))
        return 0;
    const char *t = attr(n, "title"), *st = attr(n, "style");
    if (t && (!strcasecmp(t, "header") || !strcasecmp(t, "footer")))
        return 1;
    if (st) {
        const char *m = strstr(st, "mso-element");
        if (m) {
            m += strlen("mso-element");
            m += strspn(m, " :");
            return !strncasecmp(m, "header", 6) || !strncasecmp(m, "footer", 6);
        }
    }
    return 0;
}

static void children(walk *w, const xmlNode *n)
{
    for (const xmlNode *c = n->children; c && !w->rl.oom; c = c->next)
        node(w, c);
}

/* A table of data: no cell holds paragraphs, a table or long text. */
static int is_data_table(const xmlNode *t, int *cols)
{
    *cols = 0;
    int rows = 0;
    for (const xmlNode *r = t->children; r; r = r->next) {
        if (is(r, "thead") || is(r, "tbody") || is(r, "tfoot")) {
            int inner;
            if (!is_data_table(r, &inner))
                return 0;
            *cols = inner > *cols ? inner : *cols;
            rows++;
            continue;
        }
        if (!is(r, "tr"))
            continue;
        rows++;
        int n = 0;
        for (const xmlNode *c = r->children; c; c = c->next) {
            if (!is(c, "td") && !is(c, "th"))
                continue;
            const char *cs = attr(c, "colspan");
            n += cs && atoi(cs) > 1 && atoi(cs) <= SPAN_MAX ? atoi(cs) : 1;
            for (const xmlNode *k = c->children; k; k = k->next)
                if (is(k, "table") || is(k, "p") || is(k, "div"))
                    return 0;
            xmlChar *txt = xmlNodeGetContent(c);
            size_t chars =
                txt ? gw_count_nonspace((const char *)txt, strlen((const char *)txt)) : 0;
            xmlFree(txt);
            if (chars > GW_HTML_CELL_TEXT_MAX)
                return 0;
        }
        *cols = n > *cols ? n : *cols;
    }
    return rows > 0 && *cols <= COLUMNS_MAX;
}

typedef struct {
    int left[COLUMNS_MAX]; /* rows a rowspan still covers, per column */
    int first;
} grid;

static void row(walk *w, const xmlNode *tr, grid *g)
{
    gw_rl_line *l = gw_rl_open(&w->rl);
    if (!l)
        return;
    l->hint.table = g->first ? GW_HINT_TABLE_FIRST : GW_HINT_TABLE_ROW;
    g->first = 0;
    int col = 0;
    const xmlNode *c = tr->children;
    for (;;) {
        while (col < COLUMNS_MAX && g->left[col] > 0) {
            g->left[col]--; /* a cell from above spans this row: empty here */
            if (col++)
                gw_rl_put(&w->rl, "\t", 1);
        }
        while (c && !is(c, "td") && !is(c, "th"))
            c = c->next;
        if (!c || col >= COLUMNS_MAX)
            break;
        if (col++)
            gw_rl_put(&w->rl, "\t", 1);
        w->in_cell = 1;
        children(w, c);
        w->in_cell = 0;
        const char *cs = attr(c, "colspan"), *rs = attr(c, "rowspan");
        int span = cs && atoi(cs) > 1 && atoi(cs) <= SPAN_MAX ? atoi(cs) : 1;
        int down = rs && atoi(rs) > 1 && atoi(rs) <= SPAN_MAX ? atoi(rs) - 1 : 0;
        if (col - 1 < COLUMNS_MAX)
            g->left[col - 1] = down;
        for (int s = 1; s < span && col < COLUMNS_MAX; s++, col++) {
            gw_rl_put(&w->rl, "\t", 1);
            g->left[col] = down;
        }
        c = c->next;
    }
    gw_rl_end(&w->rl);
}

static void table_rows(walk *w, const xmlNode *t, grid *g)
{
    for (const xmlNode *r = t->children; r && !w->rl.oom; r = r->next) {
        if (is(r, "tr"))
            row(w, r, g);
        else if (is(r, "thead") || is(r, "tbody") || is(r, "tfoot"))
            table_rows(w, r, g);
    }
}

static void table(walk *w, const xmlNode *t)
{
    int cols;
    if (w->in_cell || !is_data_table(t, &cols) || cols <= 1) {
        children(w, t); /* a layout table, or a frame around text */
        return;
    }
    for (const xmlNode *c = t->children; c; c = c->next)
        if (is(c, "caption")) {
            gw_rl_open(&w->rl);
            children(w, c);
            gw_rl_end(&w->rl);
        }
    grid *g = calloc(1, sizeof *g);
    if (!g) {
        w->rl.oom = 1;
        return;
    }
    g->first = 1;
    table_rows(w, t, g);
    free(g);
}

static void node(walk *w, const xmlNode *n)
{
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        if (n->content)
            text(w, (const char *)n->content);
        return;
    }
    if (n->type != XML_ELEMENT_NODE || is_any(n, skipped) || (n != w->article && is_furniture(n)))
        return;
    if (is(n, "br")) {
        if (w->in_cell)
            gw_rl_text(&w->rl, " ", 1, w->bold);
        else
            gw_rl_end(&w->rl);
        return;
    }
    if (is(n, "table")) {
        gw_rl_end(&w->rl);
        table(w, n);
        return;
    }
    if (is_page_part(n) && !w->in_cell && w->nparts < PARTS_MAX) {
        w->parts[w->nparts++] = n; /* at the end, as the .docx reader puts them */
        return;
    }
    int block = is_any(n, blocks) && !w->in_cell;
    if (block)
        gw_rl_end(&w->rl);
    int bold = w->bold, pre = w->in_pre, weight = weight_of(w, n);
    if (weight >= 0)
        w->bold = weight;
    w->in_pre |= is(n, "pre");
    children(w, n);
    w->bold = bold;
    w->in_pre = pre;
    if (block)
        gw_rl_end(&w->rl);
}

/* The headers and footers met, at the end of the text as page furniture
 * (where the .docx reader puts a Word file's: the report's own lines keep
 * their numbers), each line that says something once. */
static void page_parts(walk *w)
{
    for (size_t p = 0; p < w->nparts && !w->rl.oom; p++) {
        gw_rl_end(&w->rl);
        size_t from = w->rl.n;
        children(w, w->parts[p]);
        gw_rl_end(&w->rl);
        for (size_t k = from; k < w->rl.n && !w->rl.oom;) {
            gw_rl_line *l = &w->rl.lines[k];
            const char *s = w->rl.s + l->start;
            size_t len = gw_rl_line_end(&w->rl, k) - l->start;
            int again = !gw_count_nonspace(s, len);
            for (size_t j = 0; j < k && !again; j++)
                again = w->rl.lines[j].hint.page &&
                        gw_rl_line_end(&w->rl, j) - w->rl.lines[j].start == len &&
                        !memcmp(w->rl.s + w->rl.lines[j].start, s, len);
            if (again) {
                gw_rl_drop(&w->rl, k);
                continue;
            }
            l->hint.page = 1;
            l->hint.table = 0;
            k++;
        }
    }
}

/* ---- encoding ------------------------------------------------------------ */

static size_t meta_probe(size_t len)
{
    return len < META_PROBE ? len : META_PROBE;
}

/* The charset a meta tag names in the page's first bytes, into out. */
static int meta_charset(const char *b, size_t len, char *out, size_t cap)
{
    size_t end = meta_probe(len);
    for (size_t i = 0; i + 8 < end; i++) {
        if (strncasecmp(b + i, "charset", 7))
            continue;
        size_t k = i + 7;
        while (k < end && (b[k] == ' ' || b[k] == '=' || b[k] == '"' || b[k] == '\''))
            k++;
        size_t n = 0;
        while (k + n < end && n + 1 < cap &&
               (b[k + n] == '-' || b[k + n] == '_' || (b[k + n] >= '0' && b[k + n] <= '9') ||
                ((b[k + n] | 0x20) >= 'a' && (b[k + n] | 0x20) <= 'z')))
            n++;
        if (n) {
            memcpy(out, b + k, n);
            out[n] = '\0';
            return 1;
        }
    }
    return 0;
}

/* GB2312 and GBK pages are GB18030 (their superset: what the page's
 * writer meant when a character outside GB2312 slipped in). */
static const char *page_encoding(const char *b, size_t len, const char *given, char *buf,
                                 size_t cap)
{
    if (given)
        return given;
    if (len >= 3 && !memcmp(b, "\xEF\xBB\xBF", 3))
        return "UTF-8";
    if (meta_charset(b, len, buf, cap)) {
        if (!strcasecmp(buf, "gb2312") || !strcasecmp(buf, "gbk") || !strcasecmp(buf, "x-gbk"))
            return "GB18030";
        return buf;
    }
    return gw_utf8_validate(b, len) == len ? "UTF-8" : "GB18030";
}

/* While the page is parsed: libxml2 2.9's HTML parser reports a failed
 * allocation and, in places, loops on without consuming its input; the
 * input is ended there, so that it stops (what xmlStopParser does, less
 * freeing the buffer a caller may still point into). The report goes on
 * to the watch. */
typedef struct {
    htmlParserCtxtPtr ctxt;
    xmlStructuredErrorFunc next;
    void *next_data;
} parse_watch;

static void on_parse_error(void *data, xmlErrorPtr e)
{
    parse_watch *p = data;
    if (e->code == XML_ERR_NO_MEMORY) {
        p->ctxt->instate = XML_PARSER_EOF;
        p->ctxt->disableSAX = 1;
        if (p->ctxt->input)
            p->ctxt->input->cur = p->ctxt->input->end;
    }
    if (p->next)
        p->next(p->next_data, e);
}

/* The page parsed (NULL: not; watch says whether for want of memory). */
static htmlDocPtr parse(const char *bytes, size_t len, const char *enc, gw_xmlerr *watch)
{
    parse_watch p = {htmlNewParserCtxt(), xmlStructuredError, xmlStructuredErrorContext};
    if (!p.ctxt) {
        watch->status = GW_ERR_NOMEM;
        return NULL;
    }
    xmlSetStructuredErrorFunc(&p, on_parse_error);
    htmlDocPtr doc =
        htmlCtxtReadMemory(p.ctxt, bytes, (int)len, NULL, enc,
                           HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                               HTML_PARSE_RECOVER | HTML_PARSE_NOIMPLIED);
    xmlSetStructuredErrorFunc(p.next_data, p.next);
    htmlFreeParserCtxt(p.ctxt);
    return doc;
}

gw_text *gw_read_html(const char *bytes, size_t len, const char *encoding, gw_error *err)
{
    char buf[64];
    const char *enc = page_encoding(bytes, len, encoding, buf, sizeof buf);
    if (len > 0x7fffffff) {
        gw_fail(err, GW_ERR_BAD_SOURCE, 0, 0, "a web page too large to read (over 2 GB)");
        return NULL;
    }
    /* libxml2 reports a failed allocation and goes on (xmlNodeGetContent
     * answers NULL): the watch turns it into GW_ERR_NOMEM */
    gw_xmlerr watch;
    gw_xmlerr_begin(&watch);
    watch.quiet = 1; /* recovered errors of a web page are not the user's to read */
    htmlDocPtr doc = parse(bytes, len, enc, &watch);
    if (!doc) {
        if (gw_xmlerr_end(&watch)) {
            gw_fail(err, GW_ERR_NOMEM, 0, 0, "out of memory");
            return NULL;
        }
        gw_fail(err, GW_ERR_BAD_SOURCE, 0, 0,
                "a web page that cannot be read (as %s; try --encoding)", enc);
        return NULL;
    }
    const xmlNode *root = xmlDocGetRootElement(doc);
    if (root && too_deep(root)) {
        xmlFreeDoc(doc);
        if (gw_xmlerr_end(&watch)) {
            gw_fail(err, GW_ERR_NOMEM, 0, 0, "out of memory");
            return NULL;
        }
        gw_fail(err, GW_ERR_BAD_SOURCE, 0, 0,
                "a web page whose elements nest more than %d deep: refused (real pages nest "
                "some 30)",
                DEPTH_MAX);
        return NULL;
    }
    finder f = {NULL, 0};
    if (root)
        own_text(root, &f);
    walk w;
    memset(&w, 0, sizeof w);
    w.article = f.best;
    if (root)
        style_sheets(&w.css, root, 0);
    w.rl.oom |= w.css.oom;
    const xmlNode *title = f.best ? title_before(f.best) : NULL;
    if (title)
        node(&w, title);
    if (f.best)
        node(&w, f.best);
    else if (root)
        node(&w, root);
    page_parts(&w);
    xmlFreeDoc(doc);
    free(w.css.v);
    w.rl.oom |= gw_xmlerr_end(&watch);
    return gw_rl_finish(&w.rl, GW_FROM_HTML, err);
}
