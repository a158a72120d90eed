/* The .docx reader: the body's paragraphs in order, one line each, with
 * what Word knows and plain text loses as hints: the bold run that opens a
 * paragraph (a lead), the tables, the furniture of headers and footers.
 * List numbers become the marker text a reader sees (一、), footnote and
 * endnote references ［1］ with the notes under 注释 at the end. */
#include "docx.h"
#include "readers.h"
#include "rlines.h"
#include "utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    gw_rl rl;
    int in_cell; /* tabs and breaks inside a table cell or a note are spaces */
    gw_numbering *num;
    gw_wstyles *styles;
    const xmlNode *ppr; /* the properties of the paragraph being read */
    xmlNode **notes;    /* the notes referenced, in reference order (borrowed) */
    size_t nnotes, notes_cap;
    xmlDocPtr footnotes, endnotes;
} walk;

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
                w->rl.oom = 1;
                return;
            }
            w->notes = v;
            w->notes_cap = cap;
        }
        w->notes[w->nnotes++] = c;
        char mark[32];
        int n = snprintf(mark, sizeof mark, "［%zu］", w->nnotes);
        gw_rl_text(&w->rl, mark, (size_t)n, bold);
        return;
    }
}

static void text_of(walk *w, const xmlNode *t, int bold)
{
    for (const xmlNode *c = t->children; c; c = c->next)
        if (c->type == XML_TEXT_NODE && c->content)
            gw_rl_text(&w->rl, (const char *)c->content, strlen((const char *)c->content), bold);
}

static void run(walk *w, const xmlNode *r)
{
    int bold = gw_wstyles_bold(w->styles, w->ppr, gw_w_child(r, "rPr"));
    for (const xmlNode *c = r->children; c; c = c->next) {
        if (gw_w_is(c, "t")) {
            text_of(w, c, bold);
        } else if (gw_w_is(c, "tab")) {
            gw_rl_text(&w->rl, w->in_cell ? " " : "\t", 1, bold);
        } else if (gw_w_is(c, "br") || gw_w_is(c, "cr")) {
            const char *type = gw_w_attr(c, "type");
            if (type && strcmp(type, "textWrapping"))
                continue; /* a page or column break is no text */
            if (w->in_cell)
                gw_rl_text(&w->rl, " ", 1, bold);
            else
                gw_rl_open(&w->rl);
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
    for (const xmlNode *c = node->children; c && !w->rl.oom; c = c->next) {
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

/* The list number Word shows before paragraph p, its own or its style's,
 * into mark; p's properties become the walk's for its runs. */
static void paragraph_start(walk *w, const xmlNode *p, char *mark, size_t cap)
{
    int num, ilvl;
    w->ppr = gw_w_child(p, "pPr");
    gw_wstyles_numbering(w->styles, w->ppr, &num, &ilvl);
    gw_numbering_next(w->num, num, ilvl, mark, cap);
}

static void paragraph(walk *w, const xmlNode *p)
{
    if (!gw_rl_open(&w->rl))
        return;
    char mark[128];
    paragraph_start(w, p, mark, sizeof mark);
    gw_rl_mark(&w->rl, mark, strlen(mark));
    inline_content(w, p);
    gw_rl_end(&w->rl);
}

static void body(walk *w, const xmlNode *node);

/* The paragraphs of a cell as one text, white space for its line ends. */
static void cell(walk *w, const xmlNode *tc)
{
    for (const xmlNode *c = tc->children; c && !w->rl.oom; c = c->next) {
        if (gw_w_is(c, "p")) {
            char mark[128];
            paragraph_start(w, c, mark, sizeof mark);
            gw_rl_put(&w->rl, mark, strlen(mark));
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
    for (const xmlNode *tr = tbl->children; tr && !w->rl.oom; tr = tr->next) {
        if (!gw_w_is(tr, "tr"))
            continue;
        gw_rl_line *l = gw_rl_open(&w->rl);
        if (!l)
            break;
        l->hint.table = first ? GW_HINT_TABLE_FIRST : GW_HINT_TABLE_ROW;
        first = 0;
        int k = 0;
        for (const xmlNode *tc = tr->children; tc; tc = tc->next) {
            if (!gw_w_is(tc, "tc"))
                continue;
            if (k++)
                gw_rl_put(&w->rl, "\t", 1);
            if (!merged_below(tc))
                cell(w, tc);
            for (int s = 1; s < span_of(tc); s++)
                gw_rl_put(&w->rl, "\t", 1);
        }
        gw_rl_end(&w->rl);
    }
    w->in_cell = 0;
}

static void body(walk *w, const xmlNode *node)
{
    for (const xmlNode *c = node->children; c && !w->rl.oom; c = c->next) {
        if (gw_w_is(c, "p"))
            paragraph(w, c);
        else if (gw_w_is(c, "tbl"))
            table(w, c);
        else if (gw_w_is(c, "sdt") || gw_w_is(c, "sdtContent") || gw_w_is(c, "customXml") ||
                 gw_w_is(c, "ins") || gw_w_is(c, "smartTag"))
            body(w, c);
    }
}

/* ---- the parts ------------------------------------------------------------- */

/* Whether line k says what a line before it, kept as furniture, said. */
static int said_before(const gw_rl *r, size_t k)
{
    const char *s = r->s + r->lines[k].start;
    size_t len = gw_rl_line_end(r, k) - r->lines[k].start;
    for (size_t j = 0; j < k; j++)
        if (r->lines[j].hint.page && gw_rl_line_end(r, j) - r->lines[j].start == len &&
            !memcmp(r->s + r->lines[j].start, s, len))
            return 1;
    return 0;
}

/* Headers and footers, each distinct line that says something once, as
 * furniture at the end. An unreadable one loses nothing of the report and
 * is left out; running out of memory is not left out. */
static void furniture(walk *w, gw_package *pkg)
{
    size_t n = gw_package_count(pkg);
    for (size_t i = 0; i < n && !w->rl.oom; i++) {
        const char *name = gw_package_name(pkg, i);
        if (!name || strncmp(name, "word/", 5) ||
            (strncmp(name + 5, "header", 6) && strncmp(name + 5, "footer", 6)) ||
            !strstr(name, ".xml") || strchr(name + 5, '/'))
            continue;
        int missing;
        gw_error failed = {0};
        xmlDocPtr d = gw_package_xml(pkg, name, &missing, &failed);
        if (!d) {
            w->rl.oom |= failed.status == GW_ERR_NOMEM;
            continue;
        }
        size_t from = w->rl.n;
        body(w, xmlDocGetRootElement(d));
        xmlFreeDoc(d);
        for (size_t k = from; k < w->rl.n && !w->rl.oom;) {
            gw_rl_line *l = &w->rl.lines[k];
            if (gw_count_nonspace(w->rl.s + l->start, gw_rl_line_end(&w->rl, k) - l->start) == 0 ||
                said_before(&w->rl, k)) {
                gw_rl_drop(&w->rl, k);
                continue;
            }
            l->hint.page = 1;
            l->hint.table = 0;
            k++;
        }
    }
}

/* 注释 and the notes referenced, ［N］ and their text, at the end. */
static void notes(walk *w)
{
    if (!w->nnotes)
        return;
    gw_rl_open(&w->rl);
    gw_rl_put(&w->rl, "注释", strlen("注释"));
    w->in_cell = 1; /* a note is one line */
    for (size_t i = 0; i < w->nnotes && gw_rl_open(&w->rl); i++) {
        char mark[32];
        gw_rl_put(&w->rl, mark, (size_t)snprintf(mark, sizeof mark, "［%zu］", i + 1));
        for (const xmlNode *p = w->notes[i]->children; p; p = p->next)
            if (gw_w_is(p, "p")) {
                w->ppr = gw_w_child(p, "pPr");
                inline_content(w, p);
            }
    }
    gw_rl_end(&w->rl);
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
    xmlDocPtr doc = NULL, numbering = NULL, styles = NULL;
    int missing = 0, failed = 0;
    gw_package *pkg = gw_package_open(bytes, len, err);
    if (!pkg)
        return NULL;
    doc = gw_package_xml(pkg, "word/document.xml", &missing, err);
    if (!doc) {
        if (missing)
            gw_fail(err, GW_ERR_BAD_SOURCE, 0, 0,
                    "a ZIP archive without word/document.xml: not a Word document");
        goto done;
    }
    numbering = optional_part(pkg, "word/numbering.xml", &failed, err);
    if (!failed)
        styles = optional_part(pkg, "word/styles.xml", &failed, err);
    if (!failed)
        w.footnotes = optional_part(pkg, "word/footnotes.xml", &failed, err);
    if (!failed)
        w.endnotes = optional_part(pkg, "word/endnotes.xml", &failed, err);
    if (failed)
        goto done;
    if (!(w.styles = gw_wstyles_new(styles)) || !(w.num = gw_numbering_new(numbering, w.styles))) {
        gw_fail(err, GW_ERR_NOMEM, 0, 0, "out of memory");
        goto done;
    }
    const xmlNode *b = gw_w_child(xmlDocGetRootElement(doc), "body");
    if (!b) {
        gw_fail(err, GW_ERR_BAD_SOURCE, 0, 0,
                "a damaged Word document (no w:body in word/document.xml)");
        goto done;
    }
    body(&w, b);
    furniture(&w, pkg);
    notes(&w);
    t = gw_rl_finish(&w.rl, GW_FROM_DOCX, err);
done:
    gw_numbering_free(w.num);
    gw_wstyles_free(w.styles);
    xmlFreeDoc(numbering);
    xmlFreeDoc(styles);
    xmlFreeDoc(w.footnotes);
    xmlFreeDoc(w.endnotes);
    xmlFreeDoc(doc);
    gw_package_close(pkg);
    gw_rl_free(&w.rl);
    free(w.notes);
    return t;
}
