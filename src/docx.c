/* The .docx reader: the body's paragraphs in order, one line each, with
 * what Word knows and plain text loses as hints: the bold run that opens a
 * paragraph (a lead), the tables, the furniture of headers and footers.
 * List numbers become the marker text a reader sees (一、), footnote and
 * endnote references ［1］ with the notes under 注释 at the end. */
#include "docx.h"
#include "marker.h"
#include "readers.h"
#include "utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A wholly bold paragraph is a lead on its own line (its body on the next)
 * when it is at most this many characters long. */
#define LEAD_ALONE_MAX 40
/* An author uses bold for leads when a document has at least this many;
 * below it bold decides nothing and the recognizer guesses. */
#define BOLD_LEADS_MIN 3

/* What the walk knows of one line until the document is done. */
typedef struct {
    size_t start;      /* byte offset of the line in the text */
    size_t lead_start; /* byte offset where its first non-space run starts */
    size_t bold_end;   /* byte offset past the bold runs that open it; 0: none */
    int opens_bold;    /* its first non-space run is bold */
    int marked;        /* a list number opens it (not the author's run) */
    gw_hint hint;
} line_info;

typedef struct {
    char *s;
    size_t len, cap;
    line_info *lines;
    size_t n, ncap;
    /* the open line: runs seen so far and whether bold still holds */
    int any_text, bold_open;
    int in_cell; /* tabs and breaks inside a table cell are spaces */
    gw_numbering *num;
    xmlNode **notes; /* the notes referenced, in reference order (borrowed) */
    size_t nnotes, notes_cap;
    xmlDocPtr footnotes, endnotes;
    int oom;
} walk;

static void put(walk *w, const char *s, size_t n)
{
    if (w->oom || !n)
        return;
    if (w->len + n + 1 > w->cap) {
        size_t cap = w->cap ? w->cap : 65536;
        while (cap < w->len + n + 1)
            cap *= 2;
        char *v = realloc(w->s, cap);
        if (!v) {
            w->oom = 1;
            return;
        }
        w->s = v;
        w->cap = cap;
    }
    memcpy(w->s + w->len, s, n);
    w->len += n;
    w->s[w->len] = '\0';
}

static line_info *open_line(walk *w)
{
    if (w->oom)
        return NULL;
    if (w->n == w->ncap) {
        size_t cap = w->ncap ? w->ncap * 2 : 256;
        line_info *v = realloc(w->lines, cap * sizeof *v);
        if (!v) {
            w->oom = 1;
            return NULL;
        }
        w->lines = v;
        w->ncap = cap;
    }
    line_info *l = &w->lines[w->n++];
    memset(l, 0, sizeof *l);
    l->start = w->len;
    l->hint.lead = GW_LEAD_GUESS;
    w->any_text = 0;
    w->bold_open = 0;
    return l;
}

static void end_line(walk *w)
{
    put(w, "\n", 1);
}

static int is_blank(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n)
        if (!gw_is_space(gw_next(s, n, &i)))
            return 0;
    return 1;
}

/* A run's text arrives: the opening bold stretch grows while runs are
 * bold (white space between them decides nothing). */
static void run_text(walk *w, const char *s, size_t n, int bold)
{
    if (!n)
        return;
    line_info *l = &w->lines[w->n - 1];
    int blank = is_blank(s, n);
    if (!w->any_text && !blank) {
        w->any_text = 1;
        l->lead_start = w->len;
        l->opens_bold = bold;
        w->bold_open = bold;
    } else if (w->any_text && !blank && !bold) {
        w->bold_open = 0;
    }
    put(w, s, n);
    if (w->bold_open && !blank)
        l->bold_end = w->len;
}

static int run_is_bold(const xmlNode *r)
{
    const xmlNode *b = gw_w_child(gw_w_child(r, "rPr"), "b");
    if (!b)
        return 0;
    const char *v = gw_w_attr(b, "val");
    return !v || !strcmp(v, "1") || !strcmp(v, "true") || !strcmp(v, "on");
}

/* ［N］ for a footnote or endnote reference, the note kept for the end. */
static void note_ref(walk *w, const xmlNode *ref, xmlDocPtr notes, const char *kind, int bold)
{
    const char *id = gw_w_attr(ref, "id");
    const xmlNode *root = notes ? xmlDocGetRootElement(notes) : NULL;
    for (xmlNode *c = root ? root->children : NULL; c && id; c = c->next) {
        const char *cid = gw_w_is(c, kind) ? gw_w_attr(c, "id") : NULL;
        if (!cid || strcmp(cid, id))
            continue;
        if (w->nnotes == w->notes_cap) {
            size_t cap = w->notes_cap ? w->notes_cap * 2 : 16;
            xmlNode **v = realloc(w->notes, cap * sizeof *v);
            if (!v) {
                w->oom = 1;
                return;
            }
            w->notes = v;
            w->notes_cap = cap;
        }
        w->notes[w->nnotes++] = c;
        char mark[32];
        int n = snprintf(mark, sizeof mark, "［%zu］", w->nnotes);
        run_text(w, mark, (size_t)n, bold);
        return;
    }
}

static void text_of(walk *w, const xmlNode *t, int bold)
{
    for (const xmlNode *c = t->children; c; c = c->next)
        if (c->type == XML_TEXT_NODE && c->content)
            run_text(w, (const char *)c->content, strlen((const char *)c->content), bold);
}

static void run(walk *w, const xmlNode *r)
{
    int bold = run_is_bold(r);
    for (const xmlNode *c = r->children; c; c = c->next) {
        if (gw_w_is(c, "t")) {
            text_of(w, c, bold);
        } else if (gw_w_is(c, "tab")) {
            run_text(w, w->in_cell ? " " : "\t", 1, bold);
        } else if (gw_w_is(c, "br") || gw_w_is(c, "cr")) {
            const char *type = gw_w_attr(c, "type");
            if (type && strcmp(type, "textWrapping"))
                continue; /* a page or column break is no text */
            if (w->in_cell) {
                run_text(w, " ", 1, bold);
            } else {
                end_line(w);
                line_info *l = open_line(w);
                if (!l)
                    return;
            }
        } else if (gw_w_is(c, "footnoteReference")) {
            note_ref(w, c, w->footnotes, "footnote", 0);
        } else if (gw_w_is(c, "endnoteReference")) {
            note_ref(w, c, w->endnotes, "endnote", 0);
        }
    }
}

/* Runs anywhere inside a paragraph (hyperlinks, insertions, fields, smart
 * tags), but not deleted text, drawings or the properties. */
static void inline_content(walk *w, const xmlNode *node)
{
    for (const xmlNode *c = node->children; c && !w->oom; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (gw_w_is(c, "r"))
            run(w, c);
        else if (gw_w_is(c, "del") || gw_w_is(c, "pPr") || gw_w_is(c, "rPr") ||
                 gw_w_is(c, "drawing") || gw_w_is(c, "pict") || gw_w_is(c, "object") ||
                 !strcmp((const char *)c->name, "AlternateContent"))
            continue;
        else
            inline_content(w, c);
    }
}

static void paragraph(walk *w, const xmlNode *p)
{
    line_info *l = open_line(w);
    if (!l)
        return;
    char mark[128];
    gw_numbering_next(w->num, gw_w_child(p, "pPr"), mark, sizeof mark);
    if (mark[0]) {
        put(w, mark, strlen(mark));
        w->any_text = 1;
        l->marked = 1;
    }
    inline_content(w, p);
    end_line(w);
}

static void body(walk *w, const xmlNode *node);

/* The paragraphs of a cell as one text, white space for its line ends. */
static void cell(walk *w, const xmlNode *tc)
{
    for (const xmlNode *c = tc->children; c && !w->oom; c = c->next) {
        if (gw_w_is(c, "p")) {
            char mark[128];
            gw_numbering_next(w->num, gw_w_child(c, "pPr"), mark, sizeof mark);
            put(w, mark, strlen(mark));
            inline_content(w, c);
        } else if (gw_w_is(c, "tbl") || gw_w_is(c, "sdt") || gw_w_is(c, "sdtContent") ||
                   gw_w_is(c, "tr") || gw_w_is(c, "tc") || gw_w_is(c, "customXml")) {
            cell(w, c); /* a nested table's text stays in the cell */
        }
    }
}

static int span_of(const xmlNode *tc)
{
    const char *v = gw_w_attr(gw_w_child(gw_w_child(tc, "tcPr"), "gridSpan"), "val");
    int n = v ? atoi(v) : 1;
    return n >= 1 && n <= 64 ? n : 1;
}

/* A merged cell's continuation (w:vMerge without restart) is empty. */
static int merged_below(const xmlNode *tc)
{
    const xmlNode *vm = gw_w_child(gw_w_child(tc, "tcPr"), "vMerge");
    const char *v = vm ? gw_w_attr(vm, "val") : NULL;
    return vm && (!v || strcmp(v, "restart"));
}

/* The widest row in cells; a table of one column is a frame around
 * paragraphs (a box), read as paragraphs. */
static int columns(const xmlNode *tbl)
{
    int most = 0;
    for (const xmlNode *tr = tbl->children; tr; tr = tr->next) {
        if (!gw_w_is(tr, "tr"))
            continue;
        int n = 0;
        for (const xmlNode *tc = tr->children; tc; tc = tc->next)
            n += gw_w_is(tc, "tc") ? span_of(tc) : 0;
        most = n > most ? n : most;
    }
    return most;
}

static void table(walk *w, const xmlNode *tbl)
{
    if (columns(tbl) <= 1) {
        for (const xmlNode *tr = tbl->children; tr; tr = tr->next)
            for (const xmlNode *tc = gw_w_is(tr, "tr") ? tr->children : NULL; tc; tc = tc->next)
                if (gw_w_is(tc, "tc"))
                    body(w, tc);
        return;
    }
    int first = 1;
    w->in_cell = 1;
    for (const xmlNode *tr = tbl->children; tr && !w->oom; tr = tr->next) {
        if (!gw_w_is(tr, "tr"))
            continue;
        line_info *l = open_line(w);
        if (!l)
            break;
        l->hint.table = first ? GW_HINT_TABLE_FIRST : GW_HINT_TABLE_ROW;
        l->hint.lead = 0;
        first = 0;
        int k = 0;
        for (const xmlNode *tc = tr->children; tc; tc = tc->next) {
            if (!gw_w_is(tc, "tc"))
                continue;
            if (k++)
                put(w, "\t", 1);
            if (!merged_below(tc))
                cell(w, tc);
            for (int s = 1; s < span_of(tc); s++)
                put(w, "\t", 1);
        }
        end_line(w);
    }
    w->in_cell = 0;
}

static void body(walk *w, const xmlNode *node)
{
    for (const xmlNode *c = node->children; c && !w->oom; c = c->next) {
        if (gw_w_is(c, "p"))
            paragraph(w, c);
        else if (gw_w_is(c, "tbl"))
            table(w, c);
        else if (gw_w_is(c, "sdt") || gw_w_is(c, "sdtContent") || gw_w_is(c, "customXml") ||
                 gw_w_is(c, "ins") || gw_w_is(c, "smartTag"))
            body(w, c);
    }
}

/* ---- leads -------------------------------------------------------------- */

/* Bold that opens with an outline marker is a heading's, not a lead. */
static int opens_marker(const char *s, size_t n)
{
    static const char *const words[] = {"专栏", "附件", "名词解释", "注释", "各位代表"};
    gw_marker m;
    if (gw_marker_scan(s, n, &m) || gw_dash_len(s, n))
        return 1;
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (n >= strlen(words[i]) && !memcmp(s, words[i], strlen(words[i])))
            return 1;
    return 0;
}

/* Characters of s, and whether only white space and 。 are left. */
static int only_stop(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        uint32_t cp = gw_next(s, n, &i);
        if (!gw_is_space(cp) && cp != 0x3002)
            return 0;
    }
    return 1;
}

/* The lead hint of line i: the bold opening the author set, if any. */
static long lead_of(const walk *w, size_t i, size_t end)
{
    const line_info *l = &w->lines[i];
    if (l->hint.table || l->marked)
        return l->hint.table ? 0 : GW_LEAD_GUESS;
    if (!l->opens_bold || !l->bold_end)
        return 0;
    const char *s = w->s + l->lead_start;
    if (opens_marker(s, l->bold_end - l->lead_start))
        return GW_LEAD_GUESS;
    if (!only_stop(w->s + l->bold_end, end - l->bold_end))
        return (long)(l->bold_end - l->start);
    /* wholly bold: a lead alone on its line when short and plain text
     * follows; otherwise a title or heading for the recognizer to place */
    if (gw_count_nonspace(s, end - l->lead_start) > LEAD_ALONE_MAX || i + 1 >= w->n)
        return 0;
    const line_info *next = &w->lines[i + 1];
    size_t nend = i + 2 < w->n ? w->lines[i + 2].start - 1 : w->len - 1;
    if (next->hint.table || next->opens_bold || is_blank(w->s + next->start, nend - next->start))
        return 0;
    return (long)(end - l->start);
}

static gw_hint *hints_of(walk *w)
{
    gw_hint *h = calloc(w->n ? w->n : 1, sizeof *h);
    if (!h)
        return NULL;
    size_t leads = 0;
    for (size_t i = 0; i < w->n; i++) {
        size_t end = i + 1 < w->n ? w->lines[i + 1].start - 1 : w->len - 1;
        h[i] = w->lines[i].hint;
        if (h[i].lead == GW_LEAD_GUESS && !h[i].page)
            h[i].lead = lead_of(w, i, end);
        leads += h[i].lead > 0 && !h[i].table;
    }
    if (leads < BOLD_LEADS_MIN)
        for (size_t i = 0; i < w->n; i++)
            if (!h[i].table)
                h[i].lead = GW_LEAD_GUESS;
    return h;
}

/* ---- the parts ------------------------------------------------------------- */

/* Headers and footers, each distinct non-empty line once, as furniture. */
static void furniture(walk *w, gw_package *pkg, gw_error *err)
{
    size_t n = gw_package_count(pkg);
    for (size_t i = 0; i < n && !w->oom; i++) {
        const char *name = gw_package_name(pkg, i);
        if (!name || strncmp(name, "word/", 5) ||
            (strncmp(name + 5, "header", 6) && strncmp(name + 5, "footer", 6)) ||
            !strstr(name, ".xml") || strchr(name + 5, '/'))
            continue;
        int missing;
        xmlDocPtr d = gw_package_xml(pkg, name, &missing, err);
        if (!d)
            continue; /* unreadable furniture loses nothing of the report */
        size_t from = w->n;
        body(w, xmlDocGetRootElement(d));
        xmlFreeDoc(d);
        /* keep the lines that say something and were not said before */
        size_t keep = from;
        for (size_t k = from; k < w->n; k++) {
            line_info *l = &w->lines[k];
            size_t end = k + 1 < w->n ? w->lines[k + 1].start - 1 : w->len - 1;
            const char *s = w->s + l->start;
            size_t len = end - l->start;
            int seen = is_blank(s, len);
            for (size_t j = 0; j < keep && !seen; j++) {
                size_t jend = j + 1 < w->n ? w->lines[j + 1].start - 1 : w->len - 1;
                seen = w->lines[j].hint.page && jend - w->lines[j].start == len &&
                       !memcmp(w->s + w->lines[j].start, s, len);
            }
            if (seen && keep == k) {
                /* drop it: the text after it moves down */
                memmove(w->s + l->start, w->s + end + 1, w->len - end - 1);
                w->len -= len + 1;
                for (size_t m = k + 1; m < w->n; m++)
                    w->lines[m].start -= len + 1;
                memmove(&w->lines[k], &w->lines[k + 1], (w->n - k - 1) * sizeof *l);
                w->n--;
                k--;
                continue;
            }
            l->hint.page = 1;
            l->hint.lead = 0;
            l->hint.table = 0;
            keep = k + 1;
        }
    }
}

/* 注释 and the notes referenced, ［N］ and their text, at the end. */
static void notes(walk *w)
{
    if (!w->nnotes)
        return;
    line_info *l = open_line(w);
    if (!l)
        return;
    put(w, "注释", strlen("注释"));
    end_line(w);
    w->in_cell = 1; /* a note is one line */
    for (size_t i = 0; i < w->nnotes && !w->oom; i++) {
        if (!open_line(w))
            return;
        char mark[32];
        put(w, mark, (size_t)snprintf(mark, sizeof mark, "［%zu］", i + 1));
        for (const xmlNode *p = w->notes[i]->children; p; p = p->next)
            if (gw_w_is(p, "p"))
                inline_content(w, p);
        end_line(w);
    }
    w->in_cell = 0;
}

static xmlDocPtr optional_part(gw_package *pkg, const char *name, int *failed, gw_error *err)
{
    int missing;
    xmlDocPtr d = gw_package_xml(pkg, name, &missing, err);
    *failed = !d && !missing;
    return d;
}

gw_text *gw_read_docx(const char *bytes, size_t len, gw_error *err)
{
    walk w;
    memset(&w, 0, sizeof w);
    gw_text *t = NULL;
    xmlDocPtr doc = NULL, numbering = NULL;
    int missing = 0, failed = 0;
    gw_package *pkg = gw_package_open(bytes, len, err);
    if (!pkg)
        return NULL;
    doc = gw_package_xml(pkg, "word/document.xml", &missing, err);
    if (!doc) {
        if (missing)
            gw_fail(err, GW_ERR_INPUT, 0, 0, "a ZIP archive without word/document.xml: not a Word document");
        goto done;
    }
    numbering = optional_part(pkg, "word/numbering.xml", &failed, err);
    if (!failed)
        w.footnotes = optional_part(pkg, "word/footnotes.xml", &failed, err);
    if (!failed)
        w.endnotes = optional_part(pkg, "word/endnotes.xml", &failed, err);
    if (failed)
        goto done;
    if (!(w.num = gw_numbering_new(numbering))) {
        gw_fail(err, GW_ERR_NOMEM, 0, 0, "out of memory");
        goto done;
    }
    const xmlNode *b = gw_w_child(xmlDocGetRootElement(doc), "body");
    if (!b) {
        gw_fail(err, GW_ERR_INPUT, 0, 0, "a damaged Word document (no w:body in word/document.xml)");
        goto done;
    }
    body(&w, b);
    gw_error ferr = {0};
    furniture(&w, pkg, &ferr);
    notes(&w);
    gw_hint *h = w.oom ? NULL : hints_of(&w);
    if (!h || w.oom) {
        gw_fail(err, GW_ERR_NOMEM, 0, 0, "out of memory");
        goto done;
    }
    t = gw_text_from_reader(w.s ? w.s : "", w.len, GW_FROM_DOCX, h, w.n, err);
done:
    gw_numbering_free(w.num);
    xmlFreeDoc(numbering);
    xmlFreeDoc(w.footnotes);
    xmlFreeDoc(w.endnotes);
    xmlFreeDoc(doc);
    gw_package_close(pkg);
    free(w.s);
    free(w.lines);
    free(w.notes);
    return t;
}
