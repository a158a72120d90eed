/* Blocks to a libxml2 tree. Headings nest by marker family in the order the
 * families first appear: a family not open goes one level deeper, a family
 * already open closes everything opened after it. */
#include "gongwen.h"
#include "blocks.h"
#include "hints.h"
#include "lead.h"
#include "names.h"
#include "numeral.h"
#include "provenance.h"
#include "ranges.h"
#include "xmlout.h"
#include "output.h"
#include "utf8.h"
#include "xmlerr.h"
#include "checker.h"

#include <libxml/parserInternals.h> /* xmlStringText */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

struct gw_document {
    xmlDocPtr xml;
    gw_ranges ranges; /* kept beside the tree until gw_document_xml (gw_parse_lean) */
};

typedef struct {
    gw_family family;
    int n;
    xmlNodePtr node;
    char id[96];
    int children;
} frame;

/* The column of the last place column_of was asked for. */
typedef struct {
    int valid;
    size_t line, off;
    long column;
} column_mark;

typedef struct {
    xmlDocPtr doc;
    xmlNsPtr ns;
    const gw_lines *lines;
    const gw_blocks *blocks;
    xmlNodePtr root, front, body;
    frame stack[GW_F_COUNT];
    size_t depth;
    int top_sections;
    xmlNodePtr list; /* the dash list being filled, if any */
    xmlNodePtr box;  /* the box whose items are being read, if any */
    xmlNodePtr toc;  /* the table of contents being read, if any */
    int tables, boxes, notes;
    int *note_of;          /* note_of[k]: the id number of the note numbered k, or 0 */
    int max_note;          /* highest note number with an entry in note_of */
    int in_note;           /* writing a note: its own ［1］ is no reference */
    unsigned char *part;   /* part[i]: block i is an unnumbered part's title, or NULL */
    int parts;             /* unnumbered parts opened so far */
    gw_status status;      /* the first failure; nothing is added after it */
    gw_parse_marks *marks; /* what the checker reads of the ranges, or NULL */
    gw_ranges ranges;      /* every element's, attached at the end unless lean */
    column_mark column;    /* column_of's last answer */
    const char *text;      /* the text as read: what the tree holds */
    size_t text_len;
} builder;

/* Elements that hold only other elements; all others hold text. */
static int is_container(const char *name)
{
    static const char *const containers[] = {GW_E_REPORT, GW_E_FRONT, GW_E_BODY,  GW_E_SECTION,
                                             GW_E_LIST,   GW_E_BOX,   GW_E_TABLE, GW_E_THEAD,
                                             GW_E_TBODY,  GW_E_GROUP, GW_E_ROW,   GW_E_TOC};
    /* asked for every element made and closed: the first letter first */
    for (size_t i = 0; i < sizeof containers / sizeof containers[0]; i++)
        if (name[0] == containers[i][0] && !strcmp(name, containers[i]))
            return 1;
    return 0;
}

static xmlNodePtr elem(builder *b, xmlNodePtr parent, const char *name)
{
    if (b->status != GW_OK)
        return NULL;
    xmlNodePtr n = xmlNewDocNode(b->doc, b->ns, BAD_CAST name, NULL);
    /* A text element always gets a text node, empty if need be: libxml2
     * indents the children of an element without one, which would put
     * white space into <p><lead>…</lead></p> on a round trip. */
    xmlNodePtr t = is_container(name) ? NULL : gw_new_text(b->doc, "", 0);
    if (!n || (!is_container(name) && (!t || !xmlAddChild(n, t))) || !xmlAddChild(parent, n)) {
        if (t && !t->parent)
            xmlFreeNode(t);
        xmlFreeNode(n);
        b->status = GW_ERR_NOMEM;
        return NULL;
    }
    return n;
}

static void attr(builder *b, xmlNodePtr node, const char *name, const char *value)
{
    if (node && gw_new_prop(node, name, value) != GW_OK)
        b->status = GW_ERR_NOMEM;
}

static void attr_int(builder *b, xmlNodePtr node, const char *name, long v)
{
    char buf[24];
    attr(b, node, name, gw_decimal(buf, v));
}

/* A place in the source: line index (0-based) and byte offset in it. */
typedef struct {
    size_t line, off;
} pos;

static pos pos_at(size_t line, size_t off)
{
    pos p = {line, off};
    return p;
}

/* Where a source pointer stands, searching from line index from on (the
 * pointer is into the text the lines were split from). */
static pos ptr_pos(const builder *b, size_t from, const char *s)
{
    const gw_lines *ls = b->lines;
    size_t i = from < ls->n ? from : ls->n ? ls->n - 1 : 0;
    if (!ls->n || !s)
        return pos_at(i, 0);
    while (i + 1 < ls->n && s > ls->v[i].s + ls->v[i].len)
        i++;
    const gw_line *l = &ls->v[i];
    return pos_at(i, s >= l->s && s <= l->s + l->len ? (size_t)(s - l->s) : 0);
}

/* Whether line index j is one of the page lines inside a joined block. */
static int page_of(const gw_block *blk, size_t j)
{
    for (size_t i = 0; i < blk->npages; i++)
        if (blk->pages[i].line.line == j)
            return 1;
    return 0;
}

/* Where byte off of a block's text stands in the source. A paragraph
 * hard-wrapped over lines is a joined copy: it holds, in order, the
 * trimmed text of each non-blank line that is not one of its page lines,
 * with one space between two pieces where join_piece put one. An offset
 * where one piece ends and the next begins belongs to the first when
 * at_end (the end of a range), else to the second. */
static pos text_pos(const builder *b, const gw_block *blk, size_t off, int at_end)
{
    const gw_span *t = &blk->text;
    const gw_lines *ls = b->lines;
    if (t->line >= ls->n)
        return pos_at(t->line, 0);
    const gw_line *first = &ls->v[t->line];
    if (!t->s)
        return pos_at(t->line, gw_skip_space(first->s, first->len, 0));
    if (t->s >= first->s && t->s <= first->s + first->len)
        return pos_at(t->line, (size_t)(t->s - first->s) + off);
    size_t at = 0, last = blk->last < ls->n ? blk->last : ls->n - 1;
    pos end = pos_at(t->line, 0);
    for (size_t j = t->line; j <= last; j++) {
        gw_span sp = gw_line_span(ls, j);
        if (!sp.len || (j > t->line && page_of(blk, j)))
            continue;
        if (at && at < t->len && t->s[at] == ' ') {
            if (at_end && off <= at)
                return end;
            at++;
        }
        if (at_end && off == at && at)
            return end;
        size_t start = (size_t)(sp.s - ls->v[j].s), k = off > at ? off - at : 0;
        if (k < sp.len || (at_end && k == sp.len))
            return pos_at(j, start + k);
        end = pos_at(j, start + sp.len);
        at += sp.len;
    }
    return end;
}

/* Where a span on one line (not a joined copy) starts and ends. */
static pos span_pos(const builder *b, const gw_span *sp, size_t off)
{
    const gw_lines *ls = b->lines;
    if (sp->line >= ls->n || !sp->s)
        return pos_at(sp->line, 0);
    const gw_line *l = &ls->v[sp->line];
    return sp->s >= l->s && sp->s <= l->s + l->len ? pos_at(sp->line, (size_t)(sp->s - l->s) + off)
                                                   : ptr_pos(b, sp->line, sp->s + off);
}

/* The source range of bytes [from, to) of a block's text once trimmed, as
 * part() writes them. */
static void part_range(const builder *b, const gw_block *blk, size_t from, size_t to, pos *start,
                       pos *end)
{
    const char *s = blk->text.s;
    size_t lo = from, hi = from;
    if (s) {
        lo = from + gw_skip_space(s + from, to - from, 0);
        hi = lo + gw_trim_end(s + lo, to - lo);
    }
    *start = text_pos(b, blk, lo, 0);
    *end = text_pos(b, blk, hi, 1);
}

/* 1-based column, in characters, of a place. */
static long column_of(builder *b, pos p)
{
    if (p.line >= b->lines->n)
        return 1;
    const gw_line *l = &b->lines->v[p.line];
    size_t off = p.off < l->len ? p.off : l->len;
    /* the cells of a table line, the run-ins of a heading: many places on
     * one line, mostly left to right; counting each from the line's start
     * made a line of many cells quadratic in its length */
    column_mark *m = &b->column;
    if (!m->valid || m->line != p.line || m->off > off) {
        m->valid = 1;
        m->line = p.line;
        m->off = 0;
        m->column = 1;
    }
    m->column += (long)gw_utf8_count(l->s + m->off, off - m->off);
    m->off = off;
    return m->column;
}

/* Records for the checker what its mark_starts would read of node's
 * range in the finished tree: an element other than a page (whose
 * subtree holds no ranges) begins on line index line; a num on one line
 * ends at the byte its end column names, found as gw_check_offset finds
 * it. No element is unlinked once it has a range, and only containers'
 * ends change later (close_ranges). */
static void mark(builder *b, const xmlNode *node, size_t line, size_t end_line, long end_column)
{
    gw_parse_marks *m = b->marks;
    if (line >= b->lines->n || !strcmp((const char *)node->name, GW_E_PAGE))
        return;
    m->starts[line] = 1;
    if (end_line != line || strcmp((const char *)node->name, GW_E_NUM) != 0)
        return;
    const gw_line *l = &b->lines->v[line];
    size_t off = 0;
    for (long k = 1; k < end_column && off < l->len; k++)
        gw_next(l->s, l->len, &off);
    if (off > m->num_end[line])
        m->num_end[line] = off;
}

/* line, column, end-line, end-column: where the element stands in the
 * source, the end exclusive (the column just after its last character). */
static void set_range(builder *b, xmlNodePtr node, pos start, pos end)
{
    long column = column_of(b, start), end_column;
    if (end.line == start.line && end.off >= start.off && start.line < b->lines->n) {
        /* count the element's characters once, not the line's up to it again */
        const gw_line *l = &b->lines->v[start.line];
        size_t to = end.off < l->len ? end.off : l->len, from = start.off < to ? start.off : to;
        end_column = column + (long)gw_utf8_count(l->s + from, to - from);
    } else {
        end_column = column_of(b, end);
    }
    const long v[4] = {(long)start.line + 1, column, (long)end.line + 1, end_column};
    if (node && b->status == GW_OK && gw_ranges_set(&b->ranges, node, v) != GW_OK)
        b->status = GW_ERR_NOMEM;
    if (b->marks && node)
        mark(b, node, start.line, end.line, end_column);
}

/* set_range for an element whose line is given (a table row's, a run-in
 * paragraph's): a start on another line becomes the first character of
 * that line, so the line stays the one the element is said to start on. */
static void set_range_on(builder *b, xmlNodePtr node, size_t line, pos start, pos end)
{
    if (start.line != line && line < b->lines->n) {
        const gw_line *l = &b->lines->v[line];
        start = pos_at(line, gw_skip_space(l->s, l->len, 0));
    }
    if (end.line < start.line || (end.line == start.line && end.off < start.off))
        end = start;
    set_range(b, node, start, end);
}

/* The range of a whole block: its text, and the line below it (a title
 * under 第三章, a description under an item) when it took one. */
static void set_block_range(builder *b, xmlNodePtr node, const gw_block *blk, size_t from)
{
    pos start, end;
    part_range(b, blk, from, blk->text.len, &start, &end);
    if (blk->more.len)
        end = span_pos(b, &blk->more, blk->more.len);
    set_range(b, node, start, end);
}

static void raw_text(builder *b, xmlNodePtr node, const char *s, size_t len)
{
    if (!node || len == 0 || b->status != GW_OK)
        return;
    xmlNodePtr last = node->last;
    if (last && last->type == XML_TEXT_NODE && last->name == xmlStringText && len <= INT_MAX) {
        /* what xmlAddChild would do with a new text node (merge it into
         * this one), without making and freeing that node and its copy */
        xmlNodeAddContentLen(last, BAD_CAST s, (int)len);
        return;
    }
    xmlNodePtr t = gw_new_text(b->doc, s, len);
    if (!t || !xmlAddChild(node, t)) {
        xmlFreeNode(t);
        b->status = GW_ERR_NOMEM;
    }
}

/* Text into node. Characters XML cannot carry become <ctl cp="0001">␁</ctl>:
 * the Control Pictures character (U+2400 + c) for C0 controls, U+FFFD for
 * U+FFFE/U+FFFF; the cp attribute gives the original back. Controls that
 * count as white space (\v \f U+001C..U+001F) get an empty <ctl/>, so the
 * text stays equal to the input once white space is removed. */
/* ［1］ [1] 【1】 at s[at] naming a note that exists: its end, else 0. */
static size_t note_ref(const builder *b, const char *s, size_t len, size_t at, int *target)
{
    size_t i = at;
    uint32_t open = gw_next(s, len, &i);
    if ((open != 0xFF3B && open != '[' && open != 0x3010) || b->in_note || !b->note_of)
        return 0;
    int v;
    size_t k = gw_arabic_numeral(s + i, len - i, 3, &v);
    if (!k || v < 1 || v > b->max_note || !b->note_of[v])
        return 0;
    i += k;
    uint32_t close = gw_next(s, len, &i);
    if (close != 0xFF3D && close != ']' && close != 0x3011)
        return 0;
    *target = b->note_of[v];
    return i;
}

static void ref(builder *b, xmlNodePtr node, const char *s, size_t len, int target)
{
    char id[32];
    snprintf(id, sizeof id, "n%d", target);
    xmlNodePtr r = elem(b, node, GW_E_REF);
    attr(b, r, GW_A_TARGET, id);
    raw_text(b, r, s, len);
}

/* Whether a character whose first byte is c can open a note reference
 * ([ ［ 【) or be one XML cannot carry (a C0 control, U+FFFE, U+FFFF):
 * text() passes over the others without decoding them. */
static int may_matter(unsigned char c)
{
    return c < 0x20 || c == '[' || c == 0xE3 || c == 0xEF;
}

static void text(builder *b, xmlNodePtr node, const char *s, size_t len)
{
    size_t from = 0, i = 0;
    while (i < len) {
        if (!may_matter((unsigned char)s[i])) {
            i++;
            continue;
        }
        size_t at = i, end;
        int target;
        uint32_t cp = gw_next(s, len, &i);
        /* only an opening bracket can start a note reference */
        if ((cp == 0xFF3B || cp == '[' || cp == 0x3010) &&
            (end = note_ref(b, s, len, at, &target))) {
            raw_text(b, node, s + from, at - from);
            ref(b, node, s + at, end - at, target);
            from = i = end;
            continue;
        }
        if (!gw_is_xml_forbidden(cp))
            continue;
        raw_text(b, node, s + from, at - from);
        xmlNodePtr c = elem(b, node, GW_E_CTL);
        char hex[16];
        snprintf(hex, sizeof hex, "%04X", (unsigned)cp);
        attr(b, c, GW_A_CP, hex);
        if (!gw_is_space(cp)) {
            char pic[4];
            raw_text(b, c, pic, gw_utf8_encode(cp < 0x20 ? 0x2400 + cp : 0xFFFD, pic));
        }
        from = i;
    }
    raw_text(b, node, s + from, len - from);
}

/* Text with leading and trailing white space dropped. */
static void trimmed(builder *b, xmlNodePtr node, const char *s, size_t len)
{
    size_t k = gw_skip_space(s, len, 0);
    text(b, node, s + k, gw_trim_end(s + k, len - k));
}

/* A page line; its range is that of sp unless sp is a copy (a table's). */
static void page_at(builder *b, xmlNodePtr parent, const gw_span *sp, pos start, pos end)
{
    xmlNodePtr pg = elem(b, parent, GW_E_PAGE);
    set_range(b, pg, start, end);
    text(b, pg, sp->s, sp->len);
}

static void page(builder *b, xmlNodePtr parent, const gw_span *sp)
{
    page_at(b, parent, sp, span_pos(b, sp, 0), span_pos(b, sp, sp->len));
}

/* Bytes [from, to) of a block's text, trimmed, with the page lines that
 * stood inside that stretch of a hard-wrapped paragraph put back in place
 * as <page> elements, so the text keeps its order. */
static void part(builder *b, xmlNodePtr node, const gw_block *blk, size_t from, size_t to)
{
    const char *s = blk->text.s;
    size_t lo = from + gw_skip_space(s + from, to - from, 0);
    size_t hi = lo + gw_trim_end(s + lo, to - lo), cur = lo;
    for (size_t i = 0; i < blk->npages; i++) {
        size_t at = blk->pages[i].at;
        if (at <= from || at > to)
            continue;
        size_t cut = at < lo ? lo : at > hi ? hi : at;
        text(b, node, s + cur, cut - cur);
        page(b, node, &blk->pages[i].line);
        cur = cut;
    }
    text(b, node, s + cur, hi - cur);
}

/* The block's marker as <num>. */
static void num(builder *b, xmlNodePtr parent, const gw_block *blk)
{
    if (!blk->mark_len)
        return;
    /* ［1］ numbering an item is its marker, not a reference to note 1 */
    int was = b->in_note;
    b->in_note = 1;
    xmlNodePtr n = elem(b, parent, GW_E_NUM);
    pos start, end;
    part_range(b, blk, 0, blk->mark_len, &start, &end);
    set_range(b, n, start, end);
    part(b, n, blk, 0, blk->mark_len);
    b->in_note = was;
}

static xmlNodePtr container(builder *b)
{
    return b->depth ? b->stack[b->depth - 1].node : b->body;
}

/* Where a heading of family f goes: closes what it must, returns its depth
 * index in the stack. */
static size_t place(builder *b, gw_family f)
{
    if (f == GW_F_PREFACE || f == GW_F_ANNEX || f == GW_F_NOTES)
        return 0;
    /* 序言 stands beside the first part; any heading closes it */
    if (b->depth && b->stack[b->depth - 1].family == GW_F_PREFACE)
        b->depth--;
    for (size_t k = 0; k < b->depth; k++)
        if (b->stack[k].family == f)
            return k;
    return b->depth;
}

/* Opens a section starting at start; its end is set once it is filled
 * (close_ranges). */
static xmlNodePtr open_section(builder *b, gw_family f, int n, pos start)
{
    size_t k = place(b, f);
    b->depth = k;
    xmlNodePtr parent = container(b);
    char id[sizeof b->stack[0].id];
    if (k == 0)
        snprintf(id, sizeof id, "s%d", ++b->top_sections);
    else
        snprintf(id, sizeof id, "%s.%d", b->stack[k - 1].id, ++b->stack[k - 1].children);
    frame *fr = &b->stack[k];
    memset(fr, 0, sizeof *fr);
    fr->family = f;
    fr->n = n;
    memcpy(fr->id, id, sizeof id);
    fr->node = elem(b, parent, GW_E_SECTION);
    b->depth = k + 1;
    attr(b, fr->node, GW_A_ID, fr->id);
    set_range(b, fr->node, start, start);
    attr(b, fr->node, GW_A_FAMILY, gw_family_name(f));
    if (n > 0)
        attr_int(b, fr->node, GW_A_N, n);
    return fr->node;
}

static void heading(builder *b, const gw_block *blk)
{
    const gw_span *sp = &blk->text;
    size_t used = blk->mark_len + blk->title_len;
    pos start, end;
    part_range(b, blk, 0, used, &start, &end);
    if (blk->more.len)
        end = span_pos(b, &blk->more, blk->more.len);
    xmlNodePtr sec = open_section(b, blk->marker.family, blk->marker.n, start);
    if (blk->runin)
        attr(b, sec, GW_A_RUNIN, GW_V_TRUE);
    xmlNodePtr title = elem(b, sec, GW_E_TITLE);
    set_range(b, title, start, end);
    num(b, title, blk);
    part(b, title, blk, blk->mark_len, blk->mark_len + blk->title_len);
    if (blk->more.len) {
        /* 附件 above its title: the two lines' words stay apart; a title
         * broken over two paragraphs is one run of words */
        if (blk->title_len && !blk->more_joined)
            text(b, title, " ", 1);
        trimmed(b, title, blk->more.s, blk->more.len);
    }
    int page_after = 0;
    for (size_t i = 0; i < blk->npages; i++)
        page_after |= blk->pages[i].at > used;
    if (gw_trim_end(sp->s + used, sp->len - used) > 0 || page_after) {
        xmlNodePtr p = elem(b, sec, GW_E_P);
        part_range(b, blk, used, sp->len, &start, &end);
        set_range_on(b, p, sp->line, start, end); /* the heading's line, as runin says */
        part(b, p, blk, used, sp->len);
    }
}

/* An unnumbered title line stands for a missing numbered heading when the
 * next heading's number skips exactly one: 第八章 … 加强民主法治建设 … 第二节. */
static int fills_gap(builder *b, const gw_block *next, gw_marker *out)
{
    gw_family f = next->marker.family;
    if (next->kind != GW_B_HEADING || f == GW_F_NONE || f >= GW_F_PREFACE)
        return 0;
    size_t depth = b->depth;
    if (depth && b->stack[depth - 1].family == GW_F_PREFACE)
        depth--;
    int expected = 1;
    for (size_t k = 0; k < depth; k++)
        if (b->stack[k].family == f)
            expected = b->stack[k].n + 1;
    if (next->marker.n != expected + 1)
        return 0;
    out->family = f;
    out->n = expected;
    out->len = 0;
    return 1;
}

static void inferred_heading(builder *b, const gw_block *blk, const gw_marker *m)
{
    pos start, end;
    part_range(b, blk, 0, blk->text.len, &start, &end);
    xmlNodePtr sec = open_section(b, m->family, m->n, start);
    attr(b, sec, GW_A_INFERRED, GW_V_TRUE);
    xmlNodePtr title = elem(b, sec, GW_E_TITLE);
    set_range(b, title, start, end);
    part(b, title, blk, 0, blk->text.len);
}

/* The block's text from byte from on, its first lead_len bytes in a <lead>. */
static void with_lead(builder *b, xmlNodePtr node, const gw_block *blk, size_t from,
                      size_t lead_len)
{
    if (lead_len)
        part(b, elem(b, node, GW_E_LEAD), blk, from, from + lead_len);
    part(b, node, blk, from + lead_len, blk->text.len);
}

static void paragraph(builder *b, const gw_block *blk, const gw_block *next)
{
    gw_marker m;
    if (blk->title_like && next && fills_gap(b, next, &m)) {
        inferred_heading(b, blk, &m);
        return;
    }
    if (b->part && b->part[blk - b->blocks->v]) {
        m.family = GW_F_CN;
        m.n = ++b->parts;
        m.len = 0;
        inferred_heading(b, blk, &m);
        return;
    }
    if (blk->address && b->depth > 1)
        b->depth = 1; /* 各位代表，… closes the parts below the top level */
    xmlNodePtr p = elem(b, container(b), GW_E_P);
    set_block_range(b, p, blk, 0);
    if (blk->address)
        attr(b, p, GW_A_ROLE, GW_V_ADDRESS);
    else if (blk->title_like)
        attr(b, p, GW_A_TITLE_LIKE, GW_V_TRUE);
    with_lead(b, p, blk, 0, blk->title_len);
}

static void dash(builder *b, const gw_block *blk)
{
    if (!b->list || b->list->parent != container(b)) {
        b->list = elem(b, container(b), GW_E_LIST);
        attr(b, b->list, GW_A_TYPE, GW_V_DASH);
        set_block_range(b, b->list, blk, 0); /* its end: close_ranges */
    }
    xmlNodePtr item = elem(b, b->list, GW_E_ITEM);
    set_block_range(b, item, blk, 0);
    num(b, item, blk);
    with_lead(b, item, blk, blk->mark_len, blk->title_len);
}

static void box(builder *b, const gw_block *blk)
{
    char id[32];
    snprintf(id, sizeof id, "b%d", ++b->boxes);
    b->box = elem(b, container(b), GW_E_BOX);
    attr(b, b->box, GW_A_ID, id);
    set_block_range(b, b->box, blk, 0); /* its end: close_ranges */
    if (blk->marker.n > 0)
        attr_int(b, b->box, GW_A_N, blk->marker.n);
    xmlNodePtr title = elem(b, b->box, GW_E_TITLE);
    set_block_range(b, title, blk, 0);
    num(b, title, blk);
    part(b, title, blk, blk->mark_len, blk->text.len);
    if (blk->more.len)
        trimmed(b, title, blk->more.s, blk->more.len);
}

/* A numbered entry: <num>, then its name in name_elem, then the rest. */
static void entry(builder *b, xmlNodePtr node, const gw_block *blk, const char *name_elem)
{
    const gw_span *sp = &blk->text;
    set_block_range(b, node, blk, 0);
    if (blk->marker.n > 0)
        attr_int(b, node, GW_A_N, blk->marker.n);
    num(b, node, blk);
    size_t name_end = blk->mark_len + blk->name_len;
    if (blk->name_len)
        part(b, elem(b, node, name_elem), blk, blk->mark_len, name_end);
    part(b, node, blk, name_end, sp->len);
    if (blk->more.len)
        trimmed(b, node, blk->more.s, blk->more.len);
}

static void box_item(builder *b, const gw_block *blk)
{
    /* items only follow their box; should one ever stand alone, keep its
     * text as a paragraph rather than write an item the grammar forbids */
    if (!b->box) {
        xmlNodePtr p = elem(b, container(b), GW_E_P);
        set_block_range(b, p, blk, 0);
        part(b, p, blk, 0, blk->text.len);
        return;
    }
    entry(b, elem(b, b->box, GW_E_ITEM), blk, GW_E_NAME);
}

static void note(builder *b, const gw_block *blk)
{
    char id[32];
    snprintf(id, sizeof id, "n%d", ++b->notes);
    xmlNodePtr n = elem(b, container(b), GW_E_NOTE);
    attr(b, n, GW_A_ID, id);
    b->in_note = 1;
    entry(b, n, blk, GW_E_TERM);
    b->in_note = 0;
}

/* Which note each number names, so ［1］ in the text can point at it. */
static gw_status index_notes(builder *b)
{
    const gw_blocks *bl = b->blocks;
    int count = 0, max = 0;
    for (size_t i = 0; i < bl->n; i++)
        if (bl->v[i].kind == GW_B_NOTE && bl->v[i].marker.n > max && bl->v[i].marker.n <= 999)
            max = bl->v[i].marker.n;
    if (max == 0)
        return GW_OK;
    b->note_of = calloc((size_t)max + 1, sizeof *b->note_of);
    if (!b->note_of)
        return GW_ERR_NOMEM;
    b->max_note = max;
    for (size_t i = 0; i < bl->n; i++) {
        if (bl->v[i].kind != GW_B_NOTE)
            continue;
        int n = bl->v[i].marker.n;
        count++;
        if (n >= 1 && n <= max && !b->note_of[n])
            b->note_of[n] = count;
    }
    return GW_OK;
}

/* The front matter, made when its first item comes. */
static xmlNodePtr front(builder *b)
{
    if (!b->front && b->status == GW_OK) {
        b->front = xmlNewDocNode(b->doc, b->ns, BAD_CAST GW_E_FRONT, NULL);
        if (!b->front || !xmlAddPrevSibling(b->body, b->front)) {
            xmlFreeNode(b->front);
            b->front = NULL;
            b->status = GW_ERR_NOMEM;
        }
    }
    return b->front;
}

/* 目录: listed headings are not headings; the text repeats them. Printed
 * between front items (目录 below the speaker, 各位代表： after it), the
 * contents are front matter; without their title (a copy lost it) they
 * are their entries alone. */
static void toc(builder *b, const gw_block *blk, int in_front)
{
    b->toc = elem(b, in_front ? front(b) : container(b), GW_E_TOC);
    set_block_range(b, b->toc, blk, 0); /* its end: close_ranges */
    if (!blk->text.len)
        return;
    xmlNodePtr title = elem(b, b->toc, GW_E_TITLE);
    set_block_range(b, title, blk, 0);
    part(b, title, blk, 0, blk->text.len);
}

static void toc_entry(builder *b, const gw_block *blk)
{
    xmlNodePtr e = elem(b, b->toc ? b->toc : container(b), b->toc ? GW_E_ENTRY : GW_E_P);
    set_block_range(b, e, blk, 0);
    part(b, e, blk, 0, blk->text.len);
}

static int before(pos a, pos b)
{
    return a.line < b.line || (a.line == b.line && a.off < b.off);
}

static void cell_pos(const builder *b, const gw_cell *c, pos *start, pos *end)
{
    *start = ptr_pos(b, c->line, c->src);
    *end = ptr_pos(b, start->line, c->src_end);
}

static void cell_range(builder *b, xmlNodePtr node, const gw_cell *c)
{
    pos start, end;
    cell_pos(b, c, &start, &end);
    set_range_on(b, node, c->line, start, end);
}

/* From the first character of a row's cells to just after the last (a
 * label printed above the row or a cell wrapped below it included). */
static void cells_range(const builder *b, const gw_row *r, pos *start, pos *end)
{
    *start = *end = pos_at(r->line, 0);
    for (size_t i = 0; i < r->n; i++) {
        pos s, e;
        cell_pos(b, &r->cells[i], &s, &e);
        if (i == 0 || before(s, *start))
            *start = s;
        if (i == 0 || before(*end, e))
            *end = e;
    }
}

static void row_range(builder *b, xmlNodePtr node, const gw_row *r)
{
    pos start, end;
    cells_range(b, r, &start, &end);
    set_range_on(b, node, r->line, start, end);
}

static void cell(builder *b, xmlNodePtr row, const gw_cell *c)
{
    xmlNodePtr node = elem(b, row, GW_E_CELL);
    cell_range(b, node, c);
    char value[64];
    const char *op;
    switch (gw_cell_classify(c->text, c->len, value, sizeof value, &op)) {
    case GW_CELL_EMPTY:
        attr(b, node, GW_A_TYPE, GW_V_EMPTY);
        break;
    case GW_CELL_NONE:
        attr(b, node, GW_A_TYPE, GW_V_NONE);
        break;
    case GW_CELL_NUMBER:
        attr(b, node, GW_A_TYPE, GW_V_NUMBER);
        attr(b, node, GW_A_VALUE, value);
        break;
    case GW_CELL_COMPARE:
        attr(b, node, GW_A_TYPE, GW_V_COMPARE);
        attr(b, node, GW_A_OP, op);
        attr(b, node, GW_A_VALUE, value);
        break;
    case GW_CELL_TEXT:
        attr(b, node, GW_A_TYPE, GW_V_TEXT);
        break;
    }
    text(b, node, c->text, c->len);
}

static void row(builder *b, xmlNodePtr parent, const gw_row *r, size_t from)
{
    xmlNodePtr node = elem(b, parent, GW_E_ROW);
    row_range(b, node, r);
    if (r->wrap)
        attr(b, node, GW_A_WRAP, GW_V_TRUE);
    for (size_t c = from; c < r->n; c++)
        cell(b, node, &r->cells[c]);
}

/* Whether the rows from r on that go with owner[r] (page lines between
 * them included) hold that owner row, the one whose first cell is their
 * category. They need not: wrapped pieces of the header cut from it by a
 * page break have no category row (owner 0). */
static int owns_a_row(const gw_table *t, const size_t *owner, size_t r)
{
    for (size_t k = r; k < t->n && (t->rows[k].page || owner[k] == owner[r]); k++)
        if (!t->rows[k].page && k == owner[r])
            return 1;
    return 0;
}

/* The category of a group whose rows have none: empty, where its first
 * row starts, so that every group holds one (grammar/gongwen.rng). */
static void empty_category(builder *b, xmlNodePtr group, const gw_row *first)
{
    pos start, end;
    cells_range(b, first, &start, &end);
    xmlNodePtr cat = elem(b, group, GW_E_CATEGORY);
    set_range_on(b, cat, first->line, start, start);
}

static void table(builder *b, const gw_block *blk)
{
    const gw_table *t = &blk->table;
    char id[32];
    snprintf(id, sizeof id, "t%d", ++b->tables);
    xmlNodePtr node = elem(b, b->box ? b->box : container(b), GW_E_TABLE);
    attr(b, node, GW_A_ID, id);
    if (blk->text.len || t->n == 0) {
        set_block_range(b, node, blk, 0); /* its end: close_ranges */
    } else {
        pos start, end;
        cells_range(b, &t->rows[0], &start, &end);
        set_range_on(b, node, blk->text.line, start, end);
    }
    if (blk->text.len) {
        xmlNodePtr cap = elem(b, node, GW_E_CAPTION);
        pos start, end; /* the unit below it (more) is not the caption's */
        part_range(b, blk, 0, blk->text.len, &start, &end);
        set_range(b, cap, start, end);
        num(b, cap, blk);
        part(b, cap, blk, blk->mark_len, blk->text.len);
    }
    if (blk->more.len) {
        xmlNodePtr unit = elem(b, node, GW_E_UNIT);
        set_range(b, unit, span_pos(b, &blk->more, 0), span_pos(b, &blk->more, blk->more.len));
        trimmed(b, unit, blk->more.s, blk->more.len);
    }
    if (t->n == 0)
        return;
    size_t *owner = calloc(t->n, sizeof *owner);
    int groups;
    if (!owner || gw_table_categories(t, owner, &groups) != GW_OK) {
        free(owner);
        b->status = GW_ERR_NOMEM;
        return;
    }
    /* the header's wrapped pieces stay in the header */
    xmlNodePtr head = elem(b, node, GW_E_THEAD);
    size_t r = 0;
    do
        row(b, head, &t->rows[r++], 0);
    while (r < t->n && t->rows[r].wrap && (!groups || owner[r] == 0));
    xmlNodePtr tbody = r < t->n ? elem(b, node, GW_E_TBODY) : NULL, group = NULL;
    for (; r < t->n; r++) {
        const gw_row *rw = &t->rows[r];
        if (rw->page) {
            /* inside the group that goes on past it, else between groups */
            size_t k = r + 1;
            while (k < t->n && t->rows[k].page)
                k++;
            int inside = groups && group && k < t->n && owner[k] == owner[r - 1];
            gw_span sp = {rw->line, rw->cells[0].text, rw->cells[0].len};
            pos start, end;
            cells_range(b, rw, &start, &end);
            page_at(b, inside ? group : tbody, &sp, start, end);
            if (!inside)
                group = NULL;
            continue;
        }
        if (!groups) {
            row(b, tbody, rw, 0);
            continue;
        }
        if (!group || owner[r] != owner[r - 1]) {
            group = elem(b, tbody, GW_E_GROUP);
            row_range(b, group, rw); /* its end: close_ranges */
            if (!owns_a_row(t, owner, r))
                empty_category(b, group, rw);
        }
        /* the category stands where its text is, which need not be the
         * group's first row (a PDF centres it) */
        if (owner[r] == r) {
            xmlNodePtr cat = elem(b, group, GW_E_CATEGORY);
            cell_range(b, cat, &rw->cells[0]);
            text(b, cat, rw->cells[0].text, rw->cells[0].len);
        }
        row(b, group, rw, 1);
    }
    free(owner);
}

/* The block after i, past page lines, or NULL. */
static const gw_block *block_after(const gw_blocks *bl, size_t i)
{
    while (++i < bl->n)
        if (bl->v[i].kind != GW_B_PAGE)
            return &bl->v[i];
    return NULL;
}

/* A report whose parts carry no number (西藏: 2024年工作回顾 and 2025年工作安排
 * alone on their lines, 一是 and （一） below them, no 一、 anywhere): the
 * short title lines that are no lead, each above a paragraph of prose, are
 * its parts when there are two of them and the first comes before any
 * heading. Returns part[] (1 for such a title) or NULL when the report is
 * not one of these; *status is set to GW_ERR_NOMEM when out of memory. */
static unsigned char *unnumbered_parts(const gw_blocks *bl, gw_status *status)
{
    size_t found = 0, first_heading = bl->n, first = bl->n;
    for (size_t i = 0; i < bl->n; i++) {
        const gw_block *blk = &bl->v[i];
        if (blk->kind == GW_B_HEADING) {
            gw_family f = blk->marker.family;
            if (f == GW_F_CN || f == GW_F_BIAN || f == GW_F_PIAN || f == GW_F_ZHANG ||
                f == GW_F_JIE || f == GW_F_BUFEN)
                return NULL;
            if (first_heading == bl->n)
                first_heading = i;
        }
    }
    unsigned char *title = calloc(bl->n ? bl->n : 1, 1);
    if (!title) {
        *status = GW_ERR_NOMEM;
        return NULL;
    }
    for (size_t i = 0; i < bl->n; i++) {
        const gw_block *blk = &bl->v[i], *after = block_after(bl, i);
        if (blk->kind != GW_B_PARA || !blk->title_like || blk->title_len || blk->address ||
            !after || after->kind != GW_B_PARA || after->title_like ||
            gw_nonspace_at_most(after->text.s, after->text.len, GW_LEAD_MAX))
            continue;
        title[i] = 1;
        if (found++ == 0)
            first = i;
    }
    if (found < 2 || first > first_heading) {
        free(title);
        return NULL;
    }
    return title;
}

/* Page lines between a box's items stay in the box: whether a box item
 * follows the page lines from block i on. */
static int box_goes_on(const gw_blocks *bl, size_t i)
{
    while (i < bl->n && bl->v[i].kind == GW_B_PAGE)
        i++;
    return i < bl->n && bl->v[i].kind == GW_B_BOX_ITEM;
}

static int is_front_kind(gw_block_kind k)
{
    return k == GW_B_TITLE || k == GW_B_SUBTITLE || k == GW_B_AUTHOR || k == GW_B_SALUTATION ||
           k == GW_B_FRONT_PARA;
}

/* Whether front matter comes after the table of contents at block i. */
static int front_follows(const gw_blocks *bl, size_t i)
{
    while (++i < bl->n && bl->v[i].kind == GW_B_TOC_ENTRY)
        ;
    return i < bl->n && is_front_kind(bl->v[i].kind);
}

static void front_item(builder *b, const gw_block *blk)
{
    static const char *const names[] = {
        [GW_B_TITLE] = GW_E_TITLE,   [GW_B_SUBTITLE] = GW_E_SUBTITLE,
        [GW_B_AUTHOR] = GW_E_AUTHOR, [GW_B_SALUTATION] = GW_E_SALUTATION,
        [GW_B_FRONT_PARA] = GW_E_P,
    };
    xmlNodePtr node = elem(b, front(b), names[blk->kind]);
    set_block_range(b, node, blk, 0);
    num(b, node, blk);
    part(b, node, blk, blk->mark_len, blk->text.len);
    if (blk->more.len)
        trimmed(b, node, blk->more.s, blk->more.len);
}

/* Containers (section, list, box, toc, table, group) end where their last
 * descendant with a range ends, which is known once the tree is built.
 * Fills in the ends below node and returns the element whose end is the
 * last in node's subtree, node included, or NULL. */
static const xmlNode *close_ranges(builder *b, xmlNodePtr node)
{
    const xmlNode *last = NULL;
    for (xmlNodePtr k = node->children; k; k = k->next) {
        if (k->type != XML_ELEMENT_NODE)
            continue;
        const xmlNode *inner = is_container((const char *)k->name) ? close_ranges(b, k) : NULL;
        if (inner)
            last = inner;
        else if (gw_ranges_of(&b->ranges, k))
            last = k;
    }
    gw_range_rec *r = gw_ranges_of(&b->ranges, node);
    if (!r)
        return last;
    const gw_range_rec *in = last ? gw_ranges_of(&b->ranges, last) : NULL;
    if (in && (in->end_line > r->end_line ||
               (in->end_line == r->end_line && in->end_column > r->end_column))) {
        r->end_line = in->end_line;
        r->end_column = in->end_column;
    }
    return node;
}

static void build(builder *b)
{
    const gw_blocks *bl = b->blocks;
    /* the next numbered heading after each block, for fills_gap */
    size_t *next = malloc((bl->n + 1) * sizeof *next);
    if (!next) {
        b->status = GW_ERR_NOMEM;
        return;
    }
    if (index_notes(b) != GW_OK) {
        free(next);
        b->status = GW_ERR_NOMEM;
        return;
    }
    b->part = unnumbered_parts(bl, &b->status);
    next[bl->n] = bl->n;
    for (size_t i = bl->n; i-- > 0;)
        next[i] = bl->v[i].kind == GW_B_HEADING ? i : next[i + 1];
    for (size_t i = 0; i < bl->n && b->status == GW_OK; i++) {
        const gw_block *blk = &bl->v[i];
        if (blk->kind != GW_B_DASH)
            b->list = NULL;
        /* a box holds its items, the page lines between them, or the
         * table right below its title */
        if (blk->kind != GW_B_BOX_ITEM && !(blk->kind == GW_B_PAGE && box_goes_on(bl, i)) &&
            !(blk->kind == GW_B_TABLE && i > 0 && bl->v[i - 1].kind == GW_B_BOX))
            b->box = NULL;
        if (blk->kind != GW_B_TOC_ENTRY)
            b->toc = NULL;
        switch (blk->kind) {
        case GW_B_HEADING:
            heading(b, blk);
            break;
        case GW_B_PARA:
            paragraph(b, blk, next[i + 1] < bl->n ? &bl->v[next[i + 1]] : NULL);
            break;
        case GW_B_DASH:
            dash(b, blk);
            break;
        case GW_B_BOX:
            box(b, blk);
            break;
        case GW_B_BOX_ITEM:
            box_item(b, blk);
            break;
        case GW_B_TABLE:
            table(b, blk);
            break;
        case GW_B_NOTE:
            note(b, blk);
            break;
        case GW_B_PAGE:
            page(b, b->box ? b->box : container(b), &blk->text);
            break;
        case GW_B_TOC:
            toc(b, blk, front_follows(bl, i));
            break;
        case GW_B_TOC_ENTRY:
            toc_entry(b, blk);
            break;
        default:
            front_item(b, blk);
            break;
        }
    }
    free(next);
    free(b->part);
    b->part = NULL;
    free(b->note_of);
    b->note_of = NULL;
}

gw_document *gw_parse(const gw_text *txt, const char *source, gw_error *err)
{
    gw_parse_options o = {source, NULL, 0, -1};
    return gw_parse_with(txt, &o, err);
}

/* The next node after n in document order, within the tree. */
static xmlNodePtr next_in_order(xmlNodePtr n)
{
    if (n->children)
        return n->children;
    while (n && !n->next)
        n = n->parent;
    return n ? n->next : NULL;
}

/* Puts back the radicals that the recognizer read as ideographs (⼯作 read
 * as 工作; gw_fold_radicals): the tree's text, in document order and white
 * space aside, is the text's (every character of it, in order), so each
 * of its characters is matched with the text's and takes the radical
 * where the text has one. Text the tree wrote from the text itself holds
 * the radical already; text from a wrapped paragraph's joined copy, the
 * ideograph. */
static void unfold(builder *b)
{
    const char *src = b->text;
    size_t n = b->text_len, i = 0;
    for (xmlNodePtr x = b->root; x && b->status == GW_OK; x = next_in_order(x)) {
        if (x->type != XML_TEXT_NODE || !x->content)
            continue;
        char *t = (char *)x->content;
        size_t len = strlen(t);
        for (size_t k = 0; k < len;) {
            size_t at = k;
            uint32_t cp = gw_next(t, len, &k);
            if (gw_is_space(cp))
                continue;
            uint32_t from = 0;
            while (i < n && gw_is_space(from = gw_next(src, n, &i)))
                from = 0;
            if (!from || k - at != 3 || gw_radical_ideograph(from) != cp)
                continue;
            if (b->doc->dict && xmlDictOwns(b->doc->dict, x->content)) {
                char *own = strdup(t);
                if (!own) {
                    b->status = GW_ERR_NOMEM;
                    return;
                }
                gw_utf8_encode(from, own + at);
                xmlNodeSetContent(x, BAD_CAST own);
                free(own);
                t = (char *)x->content;
            } else {
                gw_utf8_encode(from, t + at);
            }
        }
    }
}

/* gw_parse_with, filling marks (if not NULL) for the checker, keeping the
 * ranges beside the tree when lean. */
static gw_document *parse(const gw_text *txt, const gw_parse_options *opts, gw_parse_marks *marks,
                          int lean, gw_error *err)
{
    const char *source = opts ? opts->source : NULL;
    char *folded = NULL;
    gw_lines lines = {0};
    gw_blocks blocks = {0};
    gw_document *d = calloc(1, sizeof *d);
    builder b;
    memset(&b, 0, sizeof b);
    gw_xmlerr w;
    gw_xmlerr_begin(&w);
    if (!d)
        goto oom;
    b.text = gw_text_data(txt);
    b.text_len = gw_text_length(txt);
    if (gw_fold_radicals(b.text, b.text_len, &folded) < 0)
        goto oom;
    if (gw_lines_split(folded ? folded : b.text, b.text_len, &lines) != GW_OK)
        goto oom;
    lines.hints = gw_text_hints(txt, lines.n);
    if (gw_blocks_scan(&lines, &blocks) != GW_OK)
        goto oom;
    if (marks && (!(marks->starts = calloc(lines.n + 1, 1)) ||
                  !(marks->num_end = calloc(lines.n + 1, sizeof *marks->num_end))))
        goto oom;
    b.marks = marks;
    b.lines = &lines;
    b.blocks = &blocks;
    b.doc = xmlNewDoc(BAD_CAST "1.0");
    if (!b.doc)
        goto oom;
    b.doc->dict = xmlDictCreate();
    b.root = xmlNewDocNode(b.doc, NULL, BAD_CAST GW_E_REPORT, NULL);
    if (!b.doc->dict || !b.root)
        goto oom;
    xmlDocSetRootElement(b.doc, b.root);
    b.ns = xmlNewNs(b.root, BAD_CAST GW_NS, NULL);
    if (!b.ns)
        goto oom;
    xmlSetNs(b.root, b.ns);
    attr(&b, b.root, GW_A_VERSION, GW_SCHEMA_VERSION);
    attr(&b, b.root, GW_A_ENCODING, gw_text_encoding(txt));
    if (gw_text_format(txt) != GW_FROM_TEXT)
        attr(&b, b.root, GW_A_FORMAT, gw_from_name(gw_text_format(txt)));
    if (source && *source) {
        /* a file name as XML can carry it; '?' as a shell would show it */
        char *name = gw_utf8_scrub(source, '?');
        if (!name)
            goto oom;
        attr(&b, b.root, GW_A_SOURCE, name);
        free(name);
    }
    b.body = elem(&b, b.root, GW_E_BODY);
    build(&b);
    if (b.status == GW_OK && folded)
        unfold(&b);
    if (b.status == GW_OK && b.front)
        close_ranges(&b, b.front);
    if (b.status == GW_OK)
        close_ranges(&b, b.body);
    if (b.status == GW_OK && !lean)
        b.status = gw_ranges_attach(&b.ranges, b.root);
    /* the checker's tree goes without the root's record of its source
     * (no rule reads it, and the line-end style is a pass over the text) */
    if (gw_xmlerr_end(&w) != GW_OK || b.status != GW_OK ||
        (!marks && gw_provenance_add(b.doc, txt, opts, err) != GW_OK))
        goto oom;
    gw_blocks_free(&blocks);
    if (marks) {
        /* the text rules read the text as it is */
        for (size_t i = 0; folded && i < lines.n; i++)
            lines.v[i].s = b.text + (lines.v[i].s - folded);
        marks->lines = lines;
        marks->lines.hints = NULL; /* the rules read none; they are the text's */
    } else
        gw_lines_free(&lines);
    free(folded);
    d->xml = b.doc;
    d->ranges = b.ranges;
    if (d->ranges.v)
        d->xml->_private = &d->ranges; /* for gw_ranges_find */
    return d;
oom:
    gw_xmlerr_end(&w);
    free(folded);
    gw_ranges_free(&b.ranges);
    if (b.doc)
        xmlFreeDoc(b.doc);
    gw_blocks_free(&blocks);
    gw_lines_free(&lines);
    gw_parse_marks_free(marks);
    free(d);
    gw_fail_nomem(err);
    return NULL;
}

gw_document *gw_parse_with(const gw_text *txt, const gw_parse_options *opts, gw_error *err)
{
    return parse(txt, opts, NULL, 0, err);
}

gw_document *gw_parse_lean(const gw_text *txt, const gw_parse_options *opts, gw_error *err)
{
    return parse(txt, opts, NULL, 1, err);
}

gw_document *gw_parse_marked(const gw_text *txt, gw_parse_marks *marks, gw_error *err)
{
    memset(marks, 0, sizeof *marks);
    gw_parse_options o = {NULL, NULL, 0, -1};
    return parse(txt, &o, marks, 1, err);
}

void gw_parse_marks_free(gw_parse_marks *marks)
{
    if (!marks)
        return;
    gw_lines_free(&marks->lines);
    free(marks->starts);
    free(marks->num_end);
    memset(marks, 0, sizeof *marks);
}

/* Attaches the ranges kept beside d's tree: all four, or the lines alone
 * (the rest dropped). Afterwards nothing is beside it; on GW_ERR_NOMEM
 * the tree must only be freed. */
static gw_status attach(gw_document *d, int lines_only)
{
    if (!d->ranges.v)
        return GW_OK;
    gw_xmlerr w;
    gw_xmlerr_begin(&w);
    xmlNodePtr root = xmlDocGetRootElement(d->xml);
    gw_status s =
        lines_only ? gw_ranges_attach_lines(&d->ranges, root) : gw_ranges_attach(&d->ranges, root);
    if (gw_xmlerr_end(&w) != GW_OK)
        s = GW_ERR_NOMEM;
    d->xml->_private = NULL;
    return s;
}

xmlDocPtr gw_document_xml(const gw_document *doc)
{
    /* the tree is the same, only where its ranges are kept changes */
    return attach((gw_document *)doc, 0) == GW_OK ? doc->xml : NULL;
}

gw_status gw_document_keep_lines(gw_document *doc)
{
    return attach(doc, 1);
}

const xmlDoc *gw_document_tree(const gw_document *doc)
{
    return doc->xml;
}

void gw_document_free(gw_document *doc)
{
    if (!doc)
        return;
    xmlFreeDoc(doc->xml);
    gw_ranges_free(&doc->ranges);
    free(doc);
}

gw_status gw_serialize_xml_to(const gw_document *doc, gw_write_fn write, void *ctx, gw_error *err)
{
    if (doc->ranges.v) {
        /* a lean tree, untouched since gw_parse_lean: written with its ranges */
        gw_status s = gw_xml_write(doc->xml, &doc->ranges, write, ctx);
        if (s == GW_ERR_IO)
            return gw_fail(err, GW_ERR_IO, 0, 0, "write error");
        return s == GW_OK ? GW_OK : gw_fail_nomem(err);
    }
    gw_xml_writer iw = {write, ctx, 0};
    gw_xmlerr w;
    gw_xmlerr_begin(&w);
    xmlOutputBufferPtr buf = gw_xml_writer_buffer(&iw, NULL);
    int rc = buf ? xmlSaveFormatFileTo(buf, doc->xml, "UTF-8", 1) : -1;
    int oom = gw_xmlerr_end(&w) != GW_OK;
    if (iw.failed)
        return gw_fail(err, GW_ERR_IO, 0, 0, "write error");
    if (oom || rc < 0)
        return gw_fail_nomem(err);
    return GW_OK;
}

gw_status gw_serialize_xml(const gw_document *doc, char **out, size_t *len, gw_error *err)
{
    gw_buffer b = {0};
    gw_status s = gw_serialize_xml_to(doc, gw_buffer_write, &b, err);
    if (s == GW_ERR_IO) /* the buffer's only failure */
        s = gw_fail(err, GW_ERR_NOMEM, 0, 0, "out of memory");
    if (s != GW_OK) {
        free(b.data);
        return s;
    }
    *out = b.data ? b.data : calloc(1, 1);
    *len = b.len;
    return *out ? GW_OK : gw_fail(err, GW_ERR_NOMEM, 0, 0, "out of memory");
}
