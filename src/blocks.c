/* One pass over the lines, deciding what each stretch is. Each non-blank
 * line is one block (hard-wrapped prose is a later stage), except tables,
 * chapter numbers standing above their title, and notes whose definition
 * sits below the term. */
#include "blocks.h"
#include "hints.h"
#include "layout.h"
#include "lead.h"
#include "numeral.h"
#include "sentence.h"
#include "toc.h"
#include "tunables.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

gw_block *gw_blocks_add(gw_blocks *b, gw_block_kind kind, size_t line)
{
    if (b->n == b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 64;
        gw_block *v = realloc(b->v, cap * sizeof *v);
        if (!v)
            return NULL;
        b->v = v;
        b->cap = cap;
    }
    gw_block *blk = &b->v[b->n++];
    memset(blk, 0, sizeof *blk);
    blk->kind = kind;
    blk->text.line = line;
    blk->last = line;
    return blk;
}

void gw_blocks_free(gw_blocks *b)
{
    for (size_t i = 0; i < b->n; i++) {
        if (b->v[i].kind == GW_B_TABLE)
            gw_table_free(&b->v[i].table);
        free(b->v[i].pages);
    }
    for (size_t i = 0; i < b->njoined; i++)
        free(b->joined[i]);
    free(b->joined);
    free(b->v);
    memset(b, 0, sizeof *b);
}

gw_span gw_line_span(const gw_lines *lines, size_t i)
{
    const gw_line *l = &lines->v[i];
    size_t b = gw_skip_space(l->s, l->len, 0);
    gw_span sp = {i, l->s + b, gw_trim_end(l->s + b, l->len - b)};
    return sp;
}

size_t gw_next_nonblank(const gw_lines *lines, size_t i)
{
    while (i < lines->n && gw_line_span(lines, i).len == 0)
        i++;
    return i;
}

/* s with white space removed equals one of words. */
static int compact_is(const char *s, size_t len, const char *const *words, size_t n)
{
    char buf[128];
    /* a line longer than the longest word and a colon is none of them:
     * stop there rather than read on through a paragraph */
    size_t limit = strlen("：");
    for (size_t k = 0; k < n; k++)
        if (strlen(words[k]) + strlen("：") > limit)
            limit = strlen(words[k]) + strlen("：");
    if (limit >= sizeof buf)
        limit = sizeof buf - 1;
    size_t o = 0, i = 0;
    while (i < len) {
        size_t at = i;
        if (gw_is_space(gw_next(s, len, &i)))
            continue;
        if (o + (i - at) > limit)
            return 0;
        memcpy(buf + o, s + at, i - at);
        o += i - at;
    }
    /* a trailing colon does not change the word: 注释： */
    if (o >= strlen("：") && memcmp(buf + o - strlen("："), "：", strlen("：")) == 0)
        o -= strlen("：");
    else if (o > 0 && buf[o - 1] == ':')
        o--;
    for (size_t k = 0; k < n; k++)
        if (strlen(words[k]) == o && memcmp(buf, words[k], o) == 0)
            return 1;
    return 0;
}

static int is_preface(gw_span sp)
{
    static const char *const words[] = {"序言", "前言", "引言", "导言", "结束语", "结语"};
    return compact_is(sp.s, sp.len, words, sizeof words / sizeof words[0]);
}

static int is_notes_heading(gw_span sp)
{
    static const char *const words[] = {"名词解释", "注释", "注解", "名词注释", "附注"};
    return compact_is(sp.s, sp.len, words, sizeof words / sizeof words[0]);
}

static int is_short_title(gw_span sp, size_t max)
{
    return sp.len > 0 && gw_nonspace_at_most(sp.s, sp.len, max) && !gw_sentence_end(sp.s, sp.len);
}

int gw_short_title(gw_span sp, size_t max)
{
    return is_short_title(sp, max);
}

/* 附件, 附件1, 附件：…, 附录二 */
static int is_annex(gw_span sp)
{
    return (gw_starts(sp.s, sp.len, "附件") || gw_starts(sp.s, sp.len, "附录") ||
            gw_starts(sp.s, sp.len, "附表")) &&
           is_short_title(sp, GW_TITLE_LINE_MAX);
}

/* The bytes of 附件, 附件1, 附件二：… up to what the annex line says after
 * its number. */
static size_t annex_marker_len(gw_span sp)
{
    size_t i = strlen("附件"), k; /* 附录 and 附表 are as long */
    int v;
    if ((k = gw_arabic_numeral(sp.s + i, sp.len - i, 3, &v)) ||
        (k = gw_cn_numeral(sp.s + i, sp.len - i, &v)))
        i += k;
    for (;;) {
        i = gw_skip_space(sp.s, sp.len, i);
        uint32_t cp = gw_peek(sp.s, sp.len, i);
        if (cp != 0xFF1A && cp != ':' && cp != 0x3001)
            break;
        gw_next(sp.s, sp.len, &i);
    }
    return i;
}

/* 名词解释, 《政府工作报告》有关内容名词注释: a title that names a glossary. */
static int names_notes(gw_span sp)
{
    static const char *const words[] = {"名词解释", "注释", "注解", "名词注释"};
    size_t len = gw_trim_end(sp.s, sp.len);
    for (size_t k = 0; k < sizeof words / sizeof words[0]; k++) {
        size_t n = strlen(words[k]);
        if (len >= n && memcmp(sp.s + len - n, words[k], n) == 0)
            return 1;
    }
    return 0;
}

int gw_unnumbered_part(gw_span sp)
{
    return is_preface(sp) || is_notes_heading(sp) || is_annex(sp);
}

/* 附件2 名词解释, 附件：注释 — a glossary given as an annex */
static int is_notes_annex(gw_span sp)
{
    if (!is_annex(sp))
        return 0;
    size_t i = annex_marker_len(sp);
    gw_span rest = {sp.line, sp.s + i, sp.len - i};
    return i < sp.len && names_notes(rest);
}

/* 专栏：…, 专栏1 …, 专栏一 …; returns the bytes of the box marker and sets
 * *n (when n is not NULL) to the number it prints, 0 for none. */
static size_t box_marker(gw_span sp, int *n)
{
    if (!gw_starts(sp.s, sp.len, "专栏"))
        return 0;
    size_t i = strlen("专栏"), k;
    int v;
    size_t num = gw_skip_space(sp.s, sp.len, i);
    if (gw_arabic_numeral(sp.s + num, sp.len - num, 3, &v))
        i = num; /* 专栏 3 */
    if ((k = gw_arabic_numeral(sp.s + i, sp.len - i, 3, &v)))
        i += k;
    else if ((k = gw_cn_numeral(sp.s + i, sp.len - i, &v)))
        i += k;
    if (n)
        *n = k ? v : 0;
    uint32_t cp = gw_peek(sp.s, sp.len, i);
    if (cp == 0xFF1A || cp == ':') {
        gw_next(sp.s, sp.len, &i);
    } else if (cp != 0 && !gw_is_space(cp) && k == 0) {
        return 0; /* 专栏作家… */
    }
    return i;
}

/* In a numbered list "6.233国道…" is item 6, not the number 6.233: the
 * expected ordinal decides what a digit after the point means. */
static int expected_item(gw_span sp, int expected, gw_marker *m)
{
    int v;
    size_t k = gw_arabic_numeral(sp.s, sp.len, 3, &v);
    if (!k || v != expected)
        return 0;
    uint32_t cp = gw_next(sp.s, sp.len, &k);
    if (cp != '.' && cp != 0xFF0E && cp != 0x3001)
        return 0;
    m->family = GW_F_ARABIC;
    m->n = v;
    m->len = k;
    return 1;
}

/* The offset of the first ： or : among s's first GW_TERM_MAX characters,
 * brackets or not; len when there is none. */
static size_t first_colon(const char *s, size_t len)
{
    for (size_t i = 0, chars = 0; i < len && chars <= GW_TERM_MAX; chars++) {
        size_t at = i;
        uint32_t cp = gw_next(s, len, &i);
        if (cp == 0xFF1A || cp == ':')
            return at;
    }
    return len;
}

/* The next entry of a note list as OCR reads its number: 2…“两新”：,
 * 1两重”：, the point lost or read as an ellipsis. The expected number,
 * then at most three of . ． 、 … · and spaces, then a term's colon
 * within GW_TERM_MAX characters: in a note list nothing else opens so. */
static int ocr_note_number(gw_span sp, int expected, gw_marker *m)
{
    int v;
    size_t k = gw_arabic_numeral(sp.s, sp.len, 3, &v);
    if (!k || v != expected)
        return 0;
    for (int junk = 0; junk < 3 && k < sp.len; junk++) {
        size_t at = k;
        uint32_t cp = gw_next(sp.s, sp.len, &at);
        if (cp != '.' && cp != 0xFF0E && cp != 0x3001 && cp != 0x2026 && cp != 0xB7 && cp != ' ')
            break;
        k = at;
    }
    if (first_colon(sp.s + k, sp.len - k) == sp.len - k)
        return 0;
    m->family = GW_F_ARABIC;
    m->n = v;
    m->len = k;
    return 1;
}

/* Marker of a numbered item in a box or a note list: 1. （1） ① ［1］ 01 */
static int item_marker(gw_span sp, int expected, gw_marker *m)
{
    if (gw_marker_scan(sp.s, sp.len, m))
        return m->family == GW_F_ARABIC || m->family == GW_F_ARABIC_PAREN ||
               m->family == GW_F_ARABIC_HALF || m->family == GW_F_CIRCLED ||
               m->family == GW_F_CN_PAREN;
    if (expected_item(sp, expected, m))
        return 1;
    size_t i = 0;
    uint32_t open = gw_next(sp.s, sp.len, &i);
    int v;
    if (open == 0xFF3B || open == '[' || open == 0x3010) { /* ［1］ [1] 【1】 */
        size_t k = gw_arabic_numeral(sp.s + i, sp.len - i, 3, &v);
        if (!k)
            return 0;
        i += k;
        uint32_t close = gw_next(sp.s, sp.len, &i);
        if (close != 0xFF3D && close != ']' && close != 0x3011)
            return 0;
        m->family = GW_F_ARABIC_PAREN;
        m->n = v;
        m->len = i;
        return 1;
    }
    /* 01 人工智能: zero-padded numbers with a space, as national plans box them */
    size_t k = gw_arabic_numeral(sp.s, sp.len, 3, &v);
    if (k >= 2 && sp.s[0] == '0' && gw_is_space(gw_peek(sp.s, sp.len, k))) {
        m->family = GW_F_ARABIC;
        m->n = v;
        m->len = k;
        return 1;
    }
    return 0;
}

/* Where a box item or note names itself: the text before its first ：/。 */
static size_t name_len(const char *s, size_t len)
{
    size_t colon = gw_find_outside(s, len, 0xFF1A);
    size_t ascii = gw_find_outside(s, len, ':');
    size_t stop = gw_sentence_end(s, len);
    size_t end = colon < ascii ? colon : ascii;
    /* a quote left open (“16+16" as OCR reads it) hides every colon: the
     * first one near the start still ends the term */
    if (end == len)
        end = first_colon(s, len);
    if (stop && gw_sentence_mark(s, stop) < end)
        end = gw_sentence_mark(s, stop);
    return end;
}

typedef struct {
    const gw_lines *lines;
    const gw_layout *layout;
    gw_blocks *out;
    size_t i;          /* current line */
    size_t bare_leads; /* lines that may be leads without a stop */
    int dash_run;      /* 一一 opens paragraphs again and again: it stands for —— */
    size_t paren_from; /* blocks garbled_heading has looked through */
    int paren_n;       /* the number of the last （N） heading among them, or -1 */
    size_t toc_end;    /* one past the last contents entry in out (0: none) */
    size_t seen;       /* blocks looked at by headed() */
    int headed;        /* a heading was read */
} scanner;

/* A paragraph hard-wrapped over several lines, as one line of text. */
typedef struct {
    gw_span text;
    size_t last; /* its last line */
    gw_page *pages;
    size_t npages;
} logical;

static int is_cjk_join(uint32_t cp)
{
    return gw_is_han(cp) || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF) ||
           (cp >= 0x2010 && cp <= 0x206F);
}

/* 2.5 after PM, 2 after CO: a subscript a web copy set on a line of its
 * own joins its letters without a space. */
static int is_script(uint32_t prev, gw_span sp)
{
    return ((prev >= 'A' && prev <= 'Z') || (prev >= 'a' && prev <= 'z')) &&
           gw_is_script_line(sp.s, sp.len);
}

/* Appends a line's text; next to a CJK character a line break is nothing
 * (25692 / 亿元), between two words of Latin script it is a space. */
static void join_piece(char *buf, size_t *len, gw_span sp)
{
    if (*len && sp.len) {
        size_t back = *len;
        while (back > 0 && ((unsigned char)buf[back - 1] & 0xC0) == 0x80)
            back--;
        uint32_t prev = back ? gw_peek(buf, *len, back - 1) : 0;
        if (!is_cjk_join(prev) && !is_cjk_join(gw_peek(sp.s, sp.len, 0)) && !is_script(prev, sp))
            buf[(*len)++] = ' ';
    }
    memcpy(buf + *len, sp.s, sp.len);
    *len += sp.len;
}

/* Lines from i that the layout says belong to one paragraph. Page lines
 * between them are kept, with the offset where they stood. */
static gw_status logical_line(scanner *sc, size_t i, logical *out)
{
    memset(out, 0, sizeof *out);
    out->text = gw_line_span(sc->lines, i);
    out->last = i;
    const gw_layout *lay = sc->layout;
    size_t total = out->text.len, end = i, j;
    for (j = i + 1; j < sc->lines->n; j++) {
        if (gw_line_span(sc->lines, j).len == 0 || lay->page[j])
            continue;
        if (!lay->cont[j])
            break;
        end = j;
        total += gw_line_span(sc->lines, j).len + 1;
    }
    if (end == i)
        return GW_OK;
    char *buf = malloc(total + 1);
    char **list = realloc(sc->out->joined, (sc->out->njoined + 1) * sizeof *list);
    gw_page *pages = malloc((end - i) * sizeof *pages);
    if (!buf || !list || !pages) {
        free(buf);
        free(pages);
        if (list)
            sc->out->joined = list;
        return GW_ERR_NOMEM;
    }
    sc->out->joined = list;
    list[sc->out->njoined++] = buf;
    size_t len = 0, npages = 0;
    for (j = i; j <= end; j++) {
        gw_span sp = gw_line_span(sc->lines, j);
        if (sp.len && lay->page[j] && j > i) {
            pages[npages].at = len;
            pages[npages++].line = sp;
        } else if (sp.len) {
            join_piece(buf, &len, sp);
        }
    }
    buf[len] = '\0';
    out->text.s = buf;
    out->text.len = len;
    out->last = end;
    out->pages = pages;
    out->npages = npages;
    return GW_OK;
}

static gw_block *add(scanner *sc, gw_block_kind kind, gw_span sp)
{
    gw_block *b = gw_blocks_add(sc->out, kind, sp.line);
    if (b)
        b->text = sp;
    return b;
}

/* Adds a block of the paragraph that starts at line i, joined over the
 * lines it is hard-wrapped onto; NULL when out of memory. */
static gw_block *add_wrapped(scanner *sc, gw_block_kind kind, size_t i)
{
    logical lg;
    if (logical_line(sc, i, &lg) != GW_OK)
        return NULL;
    gw_block *b = add(sc, kind, lg.text);
    if (!b) {
        free(lg.pages);
        return NULL;
    }
    b->last = lg.last;
    b->pages = lg.pages;
    b->npages = lg.npages;
    return b;
}

/* 表1, 表 2, 表3-1 before a caption's title: the table's label, kept as
 * <num> like 专栏N (表彰… has no number and is no label). */
static size_t caption_label(gw_span sp)
{
    if (!gw_starts(sp.s, sp.len, "表"))
        return 0;
    int v;
    size_t i = gw_skip_space(sp.s, sp.len, strlen("表"));
    size_t k = gw_arabic_numeral(sp.s + i, sp.len - i, 3, &v);
    if (!k)
        return 0;
    i += k;
    if ((gw_peek(sp.s, sp.len, i) == '-' || gw_peek(sp.s, sp.len, i) == 0x2014 /* — */) &&
        (k = gw_arabic_numeral(sp.s + i + 1, sp.len - i - 1, 3, &v)))
        i += 1 + k;
    uint32_t cp = gw_peek(sp.s, sp.len, i);
    if (cp == 0xFF1A || cp == ':')
        gw_next(sp.s, sp.len, &i);
    return i < sp.len ? i : 0;
}

static gw_status scan_table(scanner *sc, gw_span caption, gw_span unit, size_t first)
{
    gw_block *b = add(sc, GW_B_TABLE, caption);
    if (!b)
        return GW_ERR_NOMEM;
    b->more = unit;
    if (caption.line == first)
        b->text.len = 0; /* no caption line */
    else
        b->mark_len = caption_label(caption);
    if (gw_table_scan(sc->lines, first, &b->table) != GW_OK)
        return GW_ERR_NOMEM;
    b->last = b->table.last;
    sc->i = b->last + 1;
    return GW_OK;
}

/* The line below line, if it is a short title: 第三章 / 不断提高…, 专栏3 / 数字经济重点工程. */
static gw_span title_below(const scanner *sc, size_t line);

/* The next non-blank line when it holds plain text (no marker, no table). */
static int plain_line_below(const scanner *sc, size_t line, gw_span *out)
{
    size_t j = gw_next_nonblank(sc->lines, line + 1);
    if (j >= sc->lines->n || j > line + 2)
        return 0;
    gw_span sp = gw_line_span(sc->lines, j);
    gw_marker m;
    if (gw_marker_scan(sp.s, sp.len, &m) || box_marker(sp, NULL) || gw_table_starts(sc->lines, j))
        return 0;
    *out = sp;
    return 1;
}

/* Line j as page furniture (a page number, a running header): the layout
 * has said it is one. */
static gw_status add_page(scanner *sc, size_t j)
{
    return add(sc, GW_B_PAGE, gw_line_span(sc->lines, j)) ? GW_OK : GW_ERR_NOMEM;
}

static gw_status scan_box(scanner *sc, gw_span sp, size_t mark, int number)
{
    gw_block *b = add(sc, GW_B_BOX, sp);
    if (!b)
        return GW_ERR_NOMEM;
    b->mark_len = mark;
    b->marker.n = number;
    size_t i = sc->i + 1;
    if (gw_skip_space(sp.s, sp.len, mark) == sp.len) {
        gw_span below = title_below(sc, sp.line);
        if (below.len) {
            b->more = below;
            b->last = below.line;
            i = below.line + 1;
        }
    }
    /* a box of a table (领域 / 项目名称 / 建设内容) holds the table */
    size_t t = gw_next_nonblank(sc->lines, i);
    if (t < sc->lines->n && t <= i + 1 && gw_table_starts(sc->lines, t)) {
        gw_span none = {t, NULL, 0};
        return scan_table(sc, none, none, t);
    }
    int n = 0;
    for (;;) {
        size_t j = gw_next_nonblank(sc->lines, i);
        /* a page break inside the box: its page number and running header
         * belong to the box when an item follows them */
        size_t k = j;
        while (k < sc->lines->n && sc->layout->page[k])
            k = gw_next_nonblank(sc->lines, k + 1);
        if (k >= sc->lines->n)
            break;
        gw_span it = gw_line_span(sc->lines, k);
        gw_marker m;
        if (!item_marker(it, n + 1, &m))
            break;
        for (; j < k; j = gw_next_nonblank(sc->lines, j + 1))
            if (add_page(sc, j) != GW_OK)
                return GW_ERR_NOMEM;
        n = m.n;
        gw_block *ib = add_wrapped(sc, GW_B_BOX_ITEM, k);
        if (!ib)
            return GW_ERR_NOMEM;
        it = ib->text;
        ib->marker = m;
        ib->mark_len = m.len;
        size_t body = gw_skip_space(it.s, it.len, m.len);
        ib->name_len = (body - m.len) + name_len(it.s + body, it.len - body);
        i = ib->last + 1;
        /* 01　量子信息 / its description on the next line */
        gw_span desc;
        if (ib->last == k && !gw_sentence_end(it.s, it.len) &&
            gw_nonspace_at_most(it.s, it.len, GW_ITEM_NAME_MAX) && plain_line_below(sc, j, &desc) &&
            !item_marker(desc, n + 1, &m)) {
            ib->more = desc;
            ib->last = desc.line;
            i = desc.line + 1;
        }
    }
    sc->i = i;
    return GW_OK;
}

/* “八八战略”：… — a glossary term before a colon, without a number. A
 * term is quoted or defined at some length: 责任编辑：王静 and 相关链接：
 * below a web copy's notes are a page's labels. */
static size_t term_len(gw_span sp)
{
    size_t colon = gw_find_outside(sp.s, sp.len, 0xFF1A);
    if (colon == sp.len || colon == 0 || !gw_nonspace_at_most(sp.s, colon, GW_TERM_MAX) ||
        gw_sentence_end(sp.s, colon) || gw_find_outside(sp.s, colon, 0xFF0C) < colon)
        return 0;
    size_t def = colon + strlen("：");
    size_t chars = gw_count_nonspace(sp.s + def, sp.len - def);
    int quoted = 0;
    for (size_t i = 0; i < colon && !quoted;)
        quoted = gw_next(sp.s, colon, &i) == 0x201C;
    if (chars == 0 || (!quoted && chars < GW_DEFINITION_MIN))
        return 0;
    return colon;
}

/* A term alone on its line with its definition on the next: “四上”企业 /
 * 指…; unquoted, the definition must say so (低空经济 / 指…, 是指…). */
static int defined_below(gw_span term, gw_span def)
{
    if (def.len == 0 || term_len(term))
        return 0;
    if (gw_starts(term.s, term.len, "“"))
        return 1;
    return gw_starts(def.s, def.len, "指") || gw_starts(def.s, def.len, "是指");
}

/* The next non-blank line after line i; empty at the end. */
static gw_span nonblank_below(const gw_lines *lines, size_t i)
{
    size_t j = gw_next_nonblank(lines, i + 1);
    gw_span none = {j, "", 0};
    return j < lines->n ? gw_line_span(lines, j) : none;
}

/* Bytes of a term alone on its line before the colon that ends it
 * (“四上”企业：, 一降三减:), len when there is none. */
static size_t before_end_colon(gw_span sp)
{
    size_t end = gw_trim_end(sp.s, sp.len);
    if (end >= strlen("：") && memcmp(sp.s + end - strlen("："), "：", strlen("：")) == 0)
        return gw_trim_end(sp.s, end - strlen("："));
    if (end >= 1 && sp.s[end - 1] == ':')
        return gw_trim_end(sp.s, end - 1);
    return sp.len;
}

/* The paragraph below a note's line nb->last, as its definition (a web
 * copy breaks the line after ［1］一降三减：), unless it is the next entry,
 * page furniture or the next section. */
static gw_status take_definition_below(scanner *sc, gw_block *nb, int n)
{
    size_t j = gw_next_nonblank(sc->lines, nb->last + 1);
    if (j >= sc->lines->n || sc->layout->page[j])
        return GW_OK;
    gw_span sp = gw_line_span(sc->lines, j);
    gw_marker m;
    if (is_annex(sp) || is_notes_heading(sp) || item_marker(sp, n + 1, &m) || term_len(sp) ||
        before_end_colon(sp) < sp.len)
        return GW_OK;
    logical lg;
    if (logical_line(sc, j, &lg) != GW_OK)
        return GW_ERR_NOMEM;
    /* the list is allocated even when it stays empty */
    free(lg.pages);
    if (lg.npages) /* a page line inside would be lost from a second span */
        return GW_OK;
    nb->more = lg.text;
    nb->last = lg.last;
    return GW_OK;
}

/* Whether a numbered note's line ends right after its term's colon. */
static int ends_at_term(const gw_block *nb)
{
    size_t body = nb->mark_len + nb->name_len;
    gw_span rest = {nb->text.line, nb->text.s + body, nb->text.len - body};
    return rest.len > 0 && before_end_colon(rest) == 0;
}

/* 附件 or 附件1 alone, its title on the next line: the heading's title goes
 * on there, as 第三章 takes the line below it. */
static void take_title_below(gw_block *h, gw_span title)
{
    h->more = title;
    h->last = title.line;
}

/* 1.“四上”企业：…, ［1］…, “八八战略”：…, or “四上”企业 alone with its
 * definition below. title is the heading's title on the line below it
 * (附件 / 名词解释), or empty. */
static gw_status scan_notes(scanner *sc, gw_span heading, gw_span title)
{
    gw_block *h = add(sc, GW_B_HEADING, heading);
    if (!h)
        return GW_ERR_NOMEM;
    h->marker.family = GW_F_NOTES;
    h->title_len = heading.len;
    if (title.len)
        take_title_below(h, title);
    size_t i = h->last + 1;
    int n = 0;
    for (;;) {
        size_t j = gw_next_nonblank(sc->lines, i);
        if (j >= sc->lines->n)
            break;
        /* page furniture between entries; a running header that happens to
         * read 附件… must not end the notes */
        if (sc->layout->page[j]) {
            if (add_page(sc, j) != GW_OK)
                return GW_ERR_NOMEM;
            i = j + 1;
            continue;
        }
        gw_span sp = gw_line_span(sc->lines, j);
        gw_marker m;
        gw_block *nb;
        if (is_annex(sp))
            break;
        if (item_marker(sp, n + 1, &m) || ocr_note_number(sp, n + 1, &m)) {
            n = m.n;
            if (!(nb = add_wrapped(sc, GW_B_NOTE, j)))
                return GW_ERR_NOMEM;
            sp = nb->text;
            nb->marker = m;
            nb->mark_len = m.len;
            size_t body = gw_skip_space(sp.s, sp.len, m.len);
            nb->name_len = (body - m.len) + name_len(sp.s + body, sp.len - body);
            if (ends_at_term(nb) && take_definition_below(sc, nb, n) != GW_OK)
                return GW_ERR_NOMEM;
            j = nb->last;
        } else if ((n == 0 || gw_peek(sp.s, sp.len, 0) == 0x201C) && term_len(sp)) {
            /* below numbered entries, TERM：… unnumbered is a page's label
             * (相关链接：…), not one more entry; a quoted term (“双碳”：…) is
             * one, as it is with its definition on the line below */
            if (!(nb = add_wrapped(sc, GW_B_NOTE, j)))
                return GW_ERR_NOMEM;
            nb->name_len = term_len(sp);
            j = nb->last;
        } else if (is_short_title(sp, GW_TERM_MAX) &&
                   defined_below(sp, nonblank_below(sc->lines, j))) {
            if (!(nb = add(sc, GW_B_NOTE, sp)))
                return GW_ERR_NOMEM;
            nb->name_len = before_end_colon(sp);
            nb->last = j;
            if (take_definition_below(sc, nb, n) != GW_OK)
                return GW_ERR_NOMEM;
            j = nb->last;
        } else if (!(nb = add_wrapped(sc, GW_B_PARA, j))) {
            return GW_ERR_NOMEM;
        } else {
            j = nb->last;
        }
        i = j + 1;
    }
    sc->i = i;
    return GW_OK;
}

/* 注：①…, then ②… ③… on lines of their own: the numbered notes below a
 * table go on the note's numbering, they are no headings. Sets *taken when
 * sp is such a note and it took the lines. */
static gw_status scan_footnote(scanner *sc, gw_span sp, int *taken)
{
    *taken = 0;
    size_t i = 0;
    if (gw_starts(sp.s, sp.len, "注："))
        i = strlen("注：");
    else if (gw_starts(sp.s, sp.len, "注:"))
        i = 1 + strlen("注");
    else
        return GW_OK;
    i = gw_skip_space(sp.s, sp.len, i);
    gw_span rest = {sp.line, sp.s + i, sp.len - i};
    gw_marker m, next;
    if (!item_marker(rest, 1, &m) || m.n != 1)
        return GW_OK;
    if (!add(sc, GW_B_PARA, sp))
        return GW_ERR_NOMEM;
    size_t j = sc->i + 1;
    for (int n = 1; j < sc->lines->n; j++, n++) {
        gw_span e = gw_line_span(sc->lines, j);
        if (!item_marker(e, n + 1, &next) || next.family != m.family || next.n != n + 1)
            break;
        if (!add(sc, GW_B_PARA, e))
            return GW_ERR_NOMEM;
    }
    sc->i = j;
    *taken = 1;
    return GW_OK;
}

/* 第三章 alone, its title on a following line (blank lines between). */
static gw_span title_below(const scanner *sc, size_t line)
{
    gw_span none = {line, NULL, 0};
    size_t j = gw_next_nonblank(sc->lines, line + 1);
    if (j >= sc->lines->n || j > line + 3)
        return none;
    gw_span sp = gw_line_span(sc->lines, j);
    gw_marker m;
    if (!is_short_title(sp, GW_TITLE_LINE_MAX) || gw_marker_scan(sp.s, sp.len, &m) ||
        gw_table_starts(sc->lines, j))
        return none;
    return sp;
}

static int bare_phrase(gw_span sp);
static int lead_alone(const scanner *sc, gw_span sp);
static long hinted_lead(const gw_lines *lines, gw_span sp);

/* Whether the first marker line within GW_INTRO_LINES_MAX lines after
 * line j opens the first heading of another family than m's: the section
 * has sub-headings, and what stands before them is its introduction (a
 * 第二节 there would make the line above it a 第一节 without its marker). */
static int subheading_follows(const scanner *sc, size_t j, const gw_marker *m)
{
    size_t seen = 0;
    for (size_t k = j + 1; k < sc->lines->n && seen < GW_INTRO_LINES_MAX; k++) {
        gw_span sp = gw_line_span(sc->lines, k);
        if (!sp.len || sc->layout->page[k])
            continue;
        gw_marker below;
        if (gw_marker_scan(sp.s, sp.len, &below))
            return below.family != m->family && below.n == 1;
        seen++;
    }
    return 0;
}

/* 三、持续提升政府 / 治理效能和服务水平 / (intro) / （一）…: a heading title
 * the author broke over two paragraphs. The line below reads as a lead
 * without its stop, but a document that sets no other such lead does not
 * set one there, in the introduction of a section with sub-headings: the
 * words go on the title's. A bold lead there (a reader's hint) stays. */
static gw_span title_goes_on(const scanner *sc, gw_span title, size_t last, const gw_marker *m)
{
    gw_span none = {last, NULL, 0};
    size_t j = gw_next_nonblank(sc->lines, last + 1), i = 0;
    uint32_t end = 0;
    while (i < title.len)
        end = gw_next(title.s, title.len, &i);
    if (!gw_is_han(end) || sc->bare_leads > 1 || j >= sc->lines->n || j > last + 2 ||
        sc->layout->page[j])
        return none;
    gw_span below = gw_line_span(sc->lines, j);
    gw_marker mb;
    if (!bare_phrase(below) || gw_marker_scan(below.s, below.len, &mb) || !lead_alone(sc, below) ||
        hinted_lead(sc->lines, below) > 0 || !subheading_follows(sc, j, m))
        return none;
    return below;
}

static int has_han(const char *s, size_t len);

/* 第一章发展基础“十三五”时期，全市…。: a PDF copy glued a heading to the
 * first sentence below it. The contents list the heading (第一章 发展基础……2):
 * its title ends where the listed name does, when prose with a sentence end
 * follows. Returns the title's bytes after the marker, 0 if no entry says. */
static size_t listed_title(const scanner *sc, gw_span sp, const gw_marker *m)
{
    size_t best = 0;
    gw_span rest = {sp.line, sp.s + m->len, sp.len - m->len};
    /* the contents come before the headings: only blocks up to their end
     * are looked at (all of them, per heading, made 200,000 一、 lines
     * quadratic) */
    for (size_t k = 0; k < sc->toc_end && k < sc->out->n; k++) {
        const gw_block *e = &sc->out->v[k];
        gw_marker em;
        if (e->kind != GW_B_TOC_ENTRY || !gw_marker_scan(e->text.s, e->text.len, &em) ||
            em.family != m->family || em.n != m->n)
            continue;
        gw_span name = gw_toc_entry_name(e->text);
        name.s += em.len;
        name.len -= em.len;
        size_t n = has_han(name.s, name.len) ? gw_starts_with_words(rest, name) : 0;
        if (n > best && gw_sentence_end(rest.s + n, rest.len - n))
            best = n;
    }
    return best;
}

/* last: the heading's last line, below sp.line when it was hard-wrapped. */
static gw_status scan_heading(scanner *sc, gw_span sp, size_t last, const gw_marker *m)
{
    gw_block *b = add(sc, GW_B_HEADING, sp);
    if (!b)
        return GW_ERR_NOMEM;
    b->marker = *m;
    b->mark_len = m->len;
    size_t t = gw_skip_space(sp.s, sp.len, m->len);
    const char *rest = sp.s + t;
    size_t rlen = sp.len - t;
    int numbered_part = m->family == GW_F_BIAN || m->family == GW_F_PIAN ||
                        m->family == GW_F_ZHANG || m->family == GW_F_JIE || m->family == GW_F_BUFEN;
    if (rlen == 0 && numbered_part) {
        gw_span below = title_below(sc, last);
        if (below.len) {
            b->more = below;
            b->last = below.line;
            sc->i = below.line;
        }
        return GW_OK;
    }
    size_t listed = listed_title(sc, sp, m);
    if (listed) {
        b->title_len = listed;
        b->runin = 1;
        return GW_OK;
    }
    size_t end = gw_sentence_end(rest, rlen);
    if (end && gw_trim_end(rest + end, rlen - end) > 0) {
        b->title_len = (t - m->len) + end;
        b->runin = 1;
    } else {
        b->title_len = sp.len - m->len;
        gw_span below = title_goes_on(sc, (gw_span){sp.line, rest, rlen}, last, m);
        if (below.len) {
            b->more = below;
            b->more_joined = 1;
            b->last = below.line;
            sc->i = below.line;
        }
    }
    return GW_OK;
}

static gw_status scan_dash(scanner *sc, gw_span sp, size_t dash)
{
    gw_block *b = add(sc, GW_B_DASH, sp);
    if (!b)
        return GW_ERR_NOMEM;
    b->mark_len = dash;
    size_t t = gw_skip_space(sp.s, sp.len, dash);
    size_t end = gw_sentence_end(sp.s + t, sp.len - t);
    b->title_len = end ? (t - dash) + end : 0;
    return GW_OK;
}

/* A phrase of Han characters only, short as a lead: 数字经济加快壮大 alone
 * on its line, as a web page sets a bold lead without its full stop. */
static int bare_phrase(gw_span sp)
{
    size_t i = 0, n = 0;
    while (i < sp.len) {
        uint32_t cp = gw_next(sp.s, sp.len, &i);
        if (gw_is_space(cp))
            continue;
        if (!gw_is_han(cp))
            return 0;
        n++;
    }
    return n >= GW_BARE_LEAD_MIN && n <= GW_LEAD_MAX && !gw_is_address(sp.s, sp.len);
}

/* Lines of the body (from sc->i) that are bare phrases with a body below:
 * a document that sets its leads without a stop has several. */
static size_t count_bare_leads(const scanner *sc)
{
    size_t n = 0;
    for (size_t i = sc->i; i < sc->lines->n; i++) {
        gw_span sp = gw_line_span(sc->lines, i);
        n += sp.len && !sc->layout->page[i] && bare_phrase(sp) && lead_alone(sc, sp);
    }
    return n;
}

/* The length of 一一 opening sp where it stands for —— (OCR reads the dash
 * so) but gw_dash_len, reading the line alone, cannot tell it from the
 * adverb (一一落实): 0 where it does not. */
static size_t ocr_dash(gw_span sp)
{
    size_t k = gw_twice_one_len(sp.s, sp.len), i = k;
    return k && gw_is_han(gw_next(sp.s, sp.len, &i)) ? k : 0;
}

static int is_one_of(uint32_t c, const uint32_t *set, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (set[k] == c)
            return 1;
    return 0;
}

/* An OCR reading of （N） in which no numeral survived: (/八) 〈x) (《/八):
 * an opening bracket, one to three characters, a closing one; inside,
 * something no word has (a slash, a letter, a bracket), as (完) and (中医类)
 * have not. Its length in bytes, or 0. */
static size_t garbled_paren(gw_span sp)
{
    static const uint32_t opens[] = {'(', 0xFF08, 0x3008, 0x300A};  /* ( （ 〈 《 */
    static const uint32_t closes[] = {')', 0xFF09, 0x3009, 0x300B}; /* ) ） 〉 》 */
    size_t i = 0;
    int odd = 0;
    if (!sp.len || !is_one_of(gw_next(sp.s, sp.len, &i), opens, 4))
        return 0;
    for (int inside = 0; inside <= 3 && i < sp.len; inside++) {
        uint32_t c = gw_next(sp.s, sp.len, &i);
        if (is_one_of(c, closes, 4))
            return inside && odd ? i : 0;
        if (gw_is_space(c))
            return 0;
        odd |= !gw_is_han(c);
    }
    return 0;
}

/* sp opening with a garbled （N） where the document's （N） headings are
 * due: one of them came before, and what follows reads as a heading's
 * title. m is the marker it stands for, numbered on from the last one.
 * The last （N） is followed through the blocks as they are added (looking
 * back from every garbled line made a page of them quadratic). */
static int garbled_heading(scanner *sc, gw_span sp, gw_marker *m)
{
    size_t k = garbled_paren(sp);
    if (!k)
        return 0;
    if (sc->paren_from > sc->out->n)
        sc->paren_from = 0, sc->paren_n = -1;
    for (; sc->paren_from < sc->out->n; sc->paren_from++) {
        const gw_block *b = &sc->out->v[sc->paren_from];
        if (b->kind == GW_B_HEADING && b->marker.family == GW_F_CN_PAREN)
            sc->paren_n = b->marker.n;
    }
    int n = sc->paren_n;
    if (n < 0)
        return 0;
    size_t t = gw_skip_space(sp.s, sp.len, k), end = gw_sentence_end(sp.s + t, sp.len - t);
    if (t == sp.len || !gw_chars_at_most(sp.s + t, end ? end : sp.len - t, GW_GARBLED_TITLE_MAX))
        return 0;
    m->family = GW_F_CN_PAREN;
    m->n = n + 1;
    m->len = k;
    return 1;
}

/* Whether 一一 opens two or more paragraphs: a list of dash items, each
 * read so however long its first sentence (the adverb, 一一落实, does
 * not open paragraph after paragraph). */
static int count_dash_run(const scanner *sc)
{
    size_t n = 0;
    for (size_t i = 0; i < sc->lines->n && n < 2; i++)
        n += !sc->layout->cont[i] && !sc->layout->page[i] && ocr_dash(gw_line_span(sc->lines, i));
    return n >= 2;
}

/* A paragraph that is a lead phrase alone, its body on the next line. */
static int lead_alone(const scanner *sc, gw_span sp)
{
    size_t end = gw_lead_end(sp.s, sp.len, 1);
    if (!end)
        end = bare_phrase(sp) ? sp.len : 0;
    if (!end || gw_trim_end(sp.s + end, sp.len - end) > 0)
        return 0;
    size_t j = gw_next_nonblank(sc->lines, sp.line + 1);
    if (j >= sc->lines->n || j > sp.line + 2)
        return 0;
    gw_span next = gw_line_span(sc->lines, j);
    gw_marker m;
    /* 各位代表！… below it turns to the deputies: no body of a topic; nor
     * is 这是… below 成绩来之不易。 */
    return !gw_marker_scan(next.s, next.len, &m) && !gw_dash_len(next.s, next.len) &&
           !gw_is_address(next.s, next.len) &&
           !gw_nonspace_at_most(next.s, next.len, GW_LEAD_MAX) &&
           !gw_lead_end(next.s, next.len, 0) && !gw_lead_goes_on(sp.s, end, next.s, next.len);
}

/* The lead a reader's hint gives paragraph sp (bytes of sp), or
 * GW_LEAD_GUESS when there is no hint for it. */
static long hinted_lead(const gw_lines *lines, gw_span sp)
{
    if (!lines->hints || sp.line >= lines->n)
        return GW_LEAD_GUESS;
    const gw_line *l = &lines->v[sp.line];
    long lead = lines->hints[sp.line].lead;
    if (lead <= 0)
        return lead;
    size_t off;
    if (sp.s >= l->s && sp.s <= l->s + l->len)
        off = (size_t)(sp.s - l->s);
    else if (lines->hints[sp.line].printed && (size_t)lead < l->len)
        off = gw_skip_space(l->s, l->len, 0); /* printed lines joined: the first opens it */
    else
        return GW_LEAD_GUESS;
    if ((size_t)lead <= off)
        return 0;
    return (size_t)lead - off < sp.len ? (long)((size_t)lead - off) : (long)sp.len;
}

static gw_status scan_paragraph(scanner *sc, gw_span sp)
{
    gw_block *b = add(sc, GW_B_PARA, sp);
    if (!b)
        return GW_ERR_NOMEM;
    b->address = gw_is_address(sp.s, sp.len);
    if (b->address)
        return GW_OK;
    long hinted = hinted_lead(sc->lines, sp);
    if (hinted != GW_LEAD_GUESS) {
        b->title_len = (size_t)hinted;
        if (hinted > 0)
            return GW_OK; /* the author's bold: no heading in disguise */
    } else {
        b->title_len = gw_lead_end(sp.s, sp.len, 0);
        if (!b->title_len && lead_alone(sc, sp))
            b->title_len = sp.len;
    }
    /* a bare phrase is a lead unless it stands where a numbered heading
     * is missing (the tree decides) */
    if (is_short_title(sp, GW_UNNUMBERED_TITLE_MAX) && (!b->title_len || bare_phrase(sp))) {
        /* a colon or semicolon means prose leading into something */
        b->title_like = gw_find_outside(sp.s, sp.len, 0xFF1A) == sp.len &&
                        gw_find_outside(sp.s, sp.len, 0xFF1B) == sp.len &&
                        gw_find_outside(sp.s, sp.len, ':') == sp.len;
    }
    return GW_OK;
}

/* Whether s holds a Han character: — 2 — is a page number, not a dash item. */
static int has_han(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len)
        if (gw_is_han(gw_next(s, len, &i)))
            return 1;
    return 0;
}

/* 单位：亿元 — the unit line between a caption and its table */
static int is_unit_line(gw_span sp)
{
    return (gw_starts(sp.s, sp.len, "单位：") || gw_starts(sp.s, sp.len, "单位:") ||
            gw_starts(sp.s, sp.len, "（单位：") || gw_starts(sp.s, sp.len, "(单位:")) &&
           is_short_title(sp, GW_TITLE_LINE_MAX);
}

/* A caption that says it is one: 表2 …, …一览表. Only such a caption
 * makes two cells a row a table (一、总则 above 指标 / 目标 does not). */
static int names_a_table(gw_span sp)
{
    size_t len = gw_trim_end(sp.s, sp.len);
    return caption_label(sp) ||
           (len >= strlen("表") && !memcmp(sp.s + len - strlen("表"), "表", strlen("表")));
}

/* A caption: a short title line with a table right below it, perhaps with
 * a unit line between. Returns the table's first line (0 if none) and the
 * unit line in *unit (len 0 if none). */
static size_t table_below(const scanner *sc, gw_span sp, gw_span *unit)
{
    unit->len = 0;
    if (!is_short_title(sp, GW_TITLE_LINE_MAX) || is_unit_line(sp) || gw_toc_word(sp))
        return 0;
    size_t j = gw_next_nonblank(sc->lines, sp.line + 1);
    if (j < sc->lines->n && j <= sp.line + 3 && is_unit_line(gw_line_span(sc->lines, j))) {
        *unit = gw_line_span(sc->lines, j);
        j = gw_next_nonblank(sc->lines, j + 1);
    }
    if (j < sc->lines->n && j <= sp.line + 4 &&
        (gw_table_starts(sc->lines, j) ||
         (names_a_table(sp) && gw_table_pair_starts(sc->lines, j))))
        return j;
    unit->len = 0;
    return 0;
}

/* 附件 or 附件1 alone on its line: the title line right below it
 * (2025年10件惠民实事), or an empty span when the annex has none there (a
 * table, a box, a numbered list or nothing follows). */
static gw_span annex_title_below(const scanner *sc, gw_span sp)
{
    gw_span none = {sp.line, NULL, 0};
    size_t j = gw_next_nonblank(sc->lines, sp.line + 1);
    if (annex_marker_len(sp) < sp.len || j >= sc->lines->n || j > sp.line + 2 ||
        sc->layout->page[j])
        return none;
    gw_span t = gw_line_span(sc->lines, j);
    gw_marker m;
    gw_span unit;
    if (!is_short_title(t, GW_TITLE_LINE_MAX) || gw_marker_scan(t.s, t.len, &m) || is_annex(t) ||
        box_marker(t, NULL) || gw_table_starts(sc->lines, j) || gw_dash_len(t.s, t.len) ||
        table_below(sc, t, &unit))
        return none;
    return t;
}

/* Whether a heading was read already: a table of contents comes before
 * the headings it lists. Looks at each block once. */
static int headed(scanner *sc)
{
    for (; !sc->headed && sc->seen < sc->out->n; sc->seen++)
        sc->headed = sc->out->v[sc->seen].kind == GW_B_HEADING;
    return sc->headed;
}

/* A heading, a dash item or a paragraph: the text of one logical line, last
 * its last physical line. */
static gw_status scan_text(scanner *sc, gw_span sp, size_t last)
{
    gw_marker m;
    size_t k;
    if (gw_marker_scan(sp.s, sp.len, &m))
        return scan_heading(sc, sp, last, &m);
    if ((k = gw_dash_len(sp.s, sp.len)) && has_han(sp.s + k, sp.len - k))
        return scan_dash(sc, sp, k);
    if (sc->dash_run && (k = ocr_dash(sp)))
        return scan_dash(sc, sp, k);
    if (garbled_heading(sc, sp, &m))
        return scan_heading(sc, sp, last, &m);
    return scan_paragraph(sc, sp);
}

/* The number the last heading of family f had, 0 if none came yet. */
static int last_number(const gw_blocks *out, gw_family f)
{
    for (size_t i = out->n; i-- > 0;)
        if (out->v[i].kind == GW_B_HEADING && out->v[i].marker.family == f)
            return out->v[i].marker.n;
    return 0;
}

/* A line that stops on ，、；： goes on: no title ends so. */
static int ends_in_clause_mark(gw_span sp)
{
    size_t end = gw_trim_end(sp.s, sp.len), at = end;
    while (at > 0 && ((unsigned char)sp.s[at - 1] & 0xC0) == 0x80)
        at--;
    uint32_t cp = at > 0 ? gw_peek(sp.s, end, at - 1) : 0;
    return cp == 0xFF0C || cp == 0x3001 || cp == 0xFF1B || cp == 0xFF1A || cp == ',' || cp == ';' ||
           cp == ':';
}

/* …取得显著成效。三、2025年重点工作: OCR glued a heading to the end of the
 * paragraph above it. Returns the byte offset where the heading starts, 0 if
 * none does: after a sentence end, a part or 一、 marker numbered next after
 * the last heading of its family, with a short title running to the end of
 * the line (in prose, 。二、 does not come before a bare phrase). */
static size_t glued_heading(const scanner *sc, gw_span sp, gw_marker *m)
{
    size_t at = 0, end;
    while ((end = gw_sentence_end(sp.s + at, sp.len - at)) != 0) {
        at += end;
        while (at < sp.len && (gw_peek(sp.s, sp.len, at) == 0x201D || /* ” */
                               gw_is_space(gw_peek(sp.s, sp.len, at))))
            gw_next(sp.s, sp.len, &at);
        gw_span rest = {sp.line, sp.s + at, sp.len - at};
        if (at >= sp.len || !gw_marker_scan(rest.s, rest.len, m))
            continue;
        int part = m->family == GW_F_CN || m->family == GW_F_ZHANG || m->family == GW_F_PIAN ||
                   m->family == GW_F_JIE || m->family == GW_F_BIAN || m->family == GW_F_BUFEN;
        gw_span title = {sp.line, rest.s + m->len, rest.len - m->len};
        if (part && m->n > 1 && last_number(sc->out, m->family) == m->n - 1 &&
            is_short_title(title, GW_TITLE_LINE_MAX) && has_han(title.s, title.len) &&
            !ends_in_clause_mark(title))
            return at;
    }
    return 0;
}

static gw_status scan_line(scanner *sc)
{
    gw_span sp = gw_line_span(sc->lines, sc->i);
    gw_marker m;
    size_t k;
    /* 附件1 opens the annex even with a table or box right below it, and
     * closes a notes section, so it is read first */
    gw_span none = {sc->i, NULL, 0};
    /* contents that lost their 目录 may list 序言 and 附件 too; the rows
     * of a table are none */
    if (gw_toc_starts(sc->lines, sc->i, headed(sc)) && !gw_table_starts(sc->lines, sc->i)) {
        gw_status st = gw_toc_scan(sc->lines, sc->i, sc->out, &sc->i);
        sc->toc_end = sc->out->n;
        return st;
    }
    if (is_notes_annex(sp))
        return scan_notes(sc, sp, none);
    if (is_annex(sp) || is_preface(sp)) {
        gw_span title = is_annex(sp) ? annex_title_below(sc, sp) : none;
        if (title.len && names_notes(title))
            return scan_notes(sc, sp, title);
        gw_block *b = add(sc, GW_B_HEADING, sp);
        if (!b)
            return GW_ERR_NOMEM;
        b->marker.family = is_preface(sp) ? GW_F_PREFACE : GW_F_ANNEX;
        b->title_len = sp.len;
        if (title.len)
            take_title_below(b, title);
        sc->i = b->last + 1;
        return GW_OK;
    }
    if (gw_table_starts(sc->lines, sc->i))
        return scan_table(sc, sp, none, sc->i);
    int box_n;
    if ((k = box_marker(sp, &box_n)))
        return scan_box(sc, sp, k, box_n);
    gw_span unit;
    if ((k = table_below(sc, sp, &unit)))
        return scan_table(sc, sp, unit, k);
    if (is_notes_heading(sp))
        return scan_notes(sc, sp, none);
    int taken;
    if (scan_footnote(sc, sp, &taken) != GW_OK)
        return GW_ERR_NOMEM;
    if (taken)
        return GW_OK;
    logical lg;
    if (logical_line(sc, sc->i, &lg) != GW_OK)
        return GW_ERR_NOMEM;
    sp = lg.text;
    size_t before = sc->out->n;
    gw_status rc;
    size_t glued = lg.last == sp.line ? glued_heading(sc, sp, &m) : 0;
    if (glued) {
        gw_span para = {sp.line, sp.s, gw_trim_end(sp.s, glued)};
        gw_span head = {sp.line, sp.s + glued, sp.len - glued};
        rc = scan_text(sc, para, sp.line);
        if (rc == GW_OK && gw_marker_scan(head.s, head.len, &m))
            rc = scan_heading(sc, head, sp.line, &m);
    } else {
        rc = scan_text(sc, sp, lg.last);
    }
    if (rc == GW_OK && sc->out->n > before && lg.last > sp.line) {
        /* a title below the wrapped heading may have moved both further */
        gw_block *b = &sc->out->v[before];
        b->last = b->last > lg.last ? b->last : lg.last;
        b->pages = lg.pages;
        b->npages = lg.npages;
        sc->i = sc->i > lg.last ? sc->i : lg.last;
    } else {
        free(lg.pages);
    }
    sc->i++;
    return rc;
}

/* The paragraph next to block i (dir -1 or 1, past page lines), or NULL. */
static const gw_block *para_beside(const gw_blocks *out, size_t i, int dir)
{
    for (size_t j = i; dir < 0 ? j-- > 0 : ++j < out->n;) {
        const gw_block *b = &out->v[j];
        if (b->kind != GW_B_PAGE)
            return b->kind == GW_B_PARA ? b : NULL;
    }
    return NULL;
}

static int leads(const gw_block *b)
{
    return b && b->title_len;
}

/* A lead the author set in bold (a reader's hint) is certain: it needs no
 * company and is company for others. */
static int needs_company(const gw_lines *lines, const gw_block *b)
{
    return leads(b) && hinted_lead(lines, b->text) == GW_LEAD_GUESS &&
           gw_lead_needs_company(b->text.s, b->title_len);
}

/* A long or two-clause lead (推动简政放权、放管结合、优化服务改革向纵深发展。
 * / 厚望如山，使命如磐。) is a lead only where the document sets leads: beside
 * a plain one, or in a run of at least GW_LEAD_RUN_MIN such leads (a report
 * whose topics all run long). Alone it opens plain prose. */
static void drop_lone_leads(const gw_lines *lines, gw_blocks *out)
{
    size_t i = 0;
    while (i < out->n) {
        if (!needs_company(lines, &out->v[i])) {
            i++;
            continue;
        }
        /* the run of leads needing company that starts at i */
        size_t run = 1, last = i;
        for (const gw_block *b = para_beside(out, i, 1); needs_company(lines, b);
             b = para_beside(out, last, 1)) {
            last = (size_t)(b - out->v);
            run++;
        }
        /* the run stands with a plain lead at either end: the section sets
         * leads, and 就业是…，要…。/ 教育是…，没有…。 before 要让群众…。 are
         * its topics as much as the one touching the plain lead */
        const gw_block *prev = para_beside(out, i, -1), *next = para_beside(out, last, 1);
        int beside_plain = (leads(prev) && !needs_company(lines, prev)) ||
                           (leads(next) && !needs_company(lines, next));
        for (size_t k = i; k <= last; k++) {
            gw_block *b = &out->v[k];
            if (b->kind == GW_B_PARA && run < GW_LEAD_RUN_MIN && !beside_plain)
                b->title_len = 0;
        }
        i = last + 1;
    }
}

/* Whether b is a lead alone on its line, needing no company. */
static int plain_lead_alone(const gw_lines *lines, const gw_block *b)
{
    return b->kind == GW_B_PARA && b->title_len && b->title_len == b->text.len &&
           !needs_company(lines, b);
}

/* A report that sets its leads alone on their lines (GW_LEAD_RUN_MIN plain
 * ones at least: 风险防控扎实有效。 above its body) does so throughout: a
 * sentence alone right above its body paragraph is one more lead there
 * even when its words read as prose (这一年，我们感恩奋进、埋头苦干，封关运作
 * 如期实现。). Elsewhere such a line stays prose. */
static void leads_alone_by_habit(const gw_lines *lines, gw_blocks *out)
{
    size_t habit = 0;
    for (size_t i = 0; i < out->n; i++)
        habit += plain_lead_alone(lines, &out->v[i]);
    if (habit < GW_LEAD_RUN_MIN)
        return;
    for (size_t i = 0; i < out->n; i++) {
        gw_block *b = &out->v[i];
        if (b->kind != GW_B_PARA || b->title_len || b->address ||
            hinted_lead(lines, b->text) != GW_LEAD_GUESS)
            continue;
        const gw_block *body = para_beside(out, i, 1);
        if (body && !body->title_len && !body->address && body->text.line <= b->last + 2 &&
            !gw_nonspace_at_most(body->text.s, body->text.len, GW_LEAD_MAX) &&
            gw_lead_by_habit(b->text.s, b->text.len, body->text.s, body->text.len)) {
            b->title_len = b->text.len;
            b->title_like = 0;
        }
    }
}

/* A structured source's lines are whole paragraphs, and its furniture is
 * known: the layout's guesses give way to the reader's hints. A printed
 * line (.pdf) keeps them, but a table row continues no paragraph and is no
 * furniture, and a line the layout shows going on does; the first line
 * that is no furniture from one the reader says starts a paragraph does. */
static void trust_hints(const gw_lines *lines, gw_layout *layout)
{
    int printed = 0, starting = 0;
    for (size_t i = 0; i < lines->n; i++) {
        const gw_hint *h = &lines->hints[i];
        printed |= h->printed;
        starting |= h->printed == GW_PRINTED_STARTS;
        layout->cont[i] =
            h->printed == GW_PRINTED_GOES_ON || (h->printed && layout->cont[i] && !h->table);
        layout->page[i] = h->printed && !h->table ? layout->page[i] | h->page : h->page;
        if (starting && !layout->page[i] && gw_line_span(lines, i).len) {
            layout->cont[i] = 0;
            starting = 0;
        }
    }
    if (!printed)
        layout->wrapped = 0;
}

gw_status gw_blocks_scan(const gw_lines *lines, gw_blocks *out)
{
    memset(out, 0, sizeof *out);
    gw_layout layout;
    if (gw_layout_scan(lines, &layout) != GW_OK)
        return GW_ERR_NOMEM;
    if (lines->hints)
        trust_hints(lines, &layout);
    scanner sc = {lines, &layout, out, 0, 0, 0, 0, -1, 0, 0, 0};
    sc.dash_run = count_dash_run(&sc);
    if (gw_front_scan(lines, layout.page, out, &sc.i) != GW_OK)
        goto oom;
    /* the body's habit: a web page's bar (首页 政务公开 …) and date line
     * above the title are short lines over a paragraph too */
    sc.bare_leads = count_bare_leads(&sc);
    for (size_t k = 0; k < out->n; k++) /* contents among the front matter */
        if (out->v[k].kind == GW_B_TOC_ENTRY)
            sc.toc_end = k + 1;
    while (sc.i < lines->n) {
        gw_span sp = gw_line_span(lines, sc.i);
        if (sp.len == 0) {
            sc.i++;
            continue;
        }
        if (layout.page[sc.i]) {
            if (add_page(&sc, sc.i) != GW_OK)
                goto oom;
            sc.i++;
            continue;
        }
        if (scan_line(&sc) != GW_OK)
            goto oom;
    }
    drop_lone_leads(lines, out);
    leads_alone_by_habit(lines, out);
    gw_layout_free(&layout);
    return GW_OK;
oom:
    gw_layout_free(&layout);
    gw_blocks_free(out);
    return GW_ERR_NOMEM;
}
