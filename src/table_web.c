/* Tables as a web page's text copies them: every cell on a line of its
 * own, a blank line between cells, nothing that marks where a row ends.
 * The rows are found from the header: a run of cells that name columns
 * (序号, 指标, 单位, 2025年, 属性) under a caption, then either the row
 * numbers (1, 2, 3 below 序号) or the indicator's kind (预期性/约束性 below
 * 属性) that close each row, or, failing both, rows as long as the header.
 * A cell spanning rows is printed once, in its first row: the rows below it
 * are a cell short and get an empty one where it stood. */
#include "table_web.h"
#include "marker.h"
#include "numeral.h"
#include "sentence.h"
#include "tunables.h"
#include "utf8.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A cell: lines first..last (wrapped cells have more than one), or an
 * empty cell (first == NONE) where a blank line was doubled. */
typedef struct {
    size_t first, last;
} span;

#define NONE SIZE_MAX

/* A line's text without the white space around it. */
typedef struct {
    const char *s;
    size_t len;
} text;

/* The cells read so far; fixed storage when probing, grown when scanning. */
typedef struct {
    span *v;
    size_t n, cap;
    int grow;
} cells;

static text trimmed(const gw_lines *lines, size_t i)
{
    const gw_line *l = &lines->v[i];
    size_t b = gw_skip_space(l->s, l->len, 0);
    text t = {l->s + b, gw_trim_end(l->s + b, l->len - b)};
    return t;
}

static int blank(const gw_lines *lines, size_t i)
{
    return trimmed(lines, i).len == 0;
}

static int equals(text t, const char *lit)
{
    return t.len == strlen(lit) && memcmp(t.s, lit, t.len) == 0;
}

static int contains(text t, const char *lit)
{
    size_t n = strlen(lit);
    for (size_t i = 0; i + n <= t.len; i++)
        if (memcmp(t.s + i, lit, n) == 0)
            return 1;
    return 0;
}

/* Whether t holds any of the n words, each starting with a byte that
 * starts a character (they are Han): asked of every line, so t is walked
 * once and only where its byte is some word's first, not once per word
 * and byte as contains() would. */
static int contains_any(text t, const char *const *words, size_t n)
{
    unsigned char first[256] = {0};
    for (size_t w = 0; w < n; w++)
        first[(unsigned char)words[w][0]] = 1;
    for (size_t i = 0; i < t.len; i++) {
        if (!first[(unsigned char)t.s[i]])
            continue;
        for (size_t w = 0; w < n; w++) {
            size_t k = strlen(words[w]);
            if (words[w][0] == t.s[i] && k <= t.len - i && memcmp(t.s + i, words[w], k) == 0)
                return 1;
        }
    }
    return 0;
}

static int ends_with(text t, const char *lit)
{
    size_t n = strlen(lit);
    return t.len >= n && memcmp(t.s + t.len - n, lit, n) == 0;
}

/* A whole cell that is a number: 1, 12 (a row number). */
static int number_is(text t, int want)
{
    int v;
    return t.len && gw_arabic_numeral(t.s, t.len, 3, &v) == t.len && v == want;
}

/* A line that can be (part of) a cell: short, no sentence, no heading
 * marker of the report's own (一、 （一） 第一章), no note below the table. */
static int cell_line(text t)
{
    gw_marker m;
    if (t.len == 0 || !gw_nonspace_at_most(t.s, t.len, GW_CELL_MAX) ||
        gw_sentence_end(t.s, t.len) || gw_starts(t.s, t.len, "注：") ||
        gw_starts(t.s, t.len, "注:") ||
        memchr(t.s, '\t', t.len) /* a row or cell of another table form */)
        return 0;
    if (gw_marker_scan(t.s, t.len, &m) && m.family != GW_F_ARABIC &&
        m.family != GW_F_ARABIC_PAREN && m.family != GW_F_ARABIC_HALF && m.family != GW_F_CIRCLED)
        return 0;
    return 1;
}

/* A cell naming a column: short, and a word tables use for their
 * columns, or a year (2020年, 2025年目标). */
static int header_cell(text t)
{
    static const char *const words[] = {
        "序号", "编号", "类别", "类型", "分类", "领域", "指标", "名称", "项目", "单位",
        "属性", "备注", "内容", "目标", "增长", "累计", "基数", "现状", "预期", "规模",
        "投资", "时间", "年限", "年度", "责任", "牵头", "地点", "主体", "任务", "数量",
        "金额", "比重", "数值", "区域", "地区", "部门", "措施", "期限"};
    int v;
    /* 单位：% is the unit line above a table, not a column */
    if (t.len == 0 || !gw_nonspace_at_most(t.s, t.len, GW_WEB_HEADER_MAX) ||
        gw_find_outside(t.s, t.len, 0xFF0C /* ， */) < t.len ||
        gw_find_outside(t.s, t.len, 0xFF1A /* ： */) < t.len || memchr(t.s, ':', t.len))
        return 0;
    size_t k = gw_arabic_numeral(t.s, t.len, 4, &v);
    if (k == 4 && gw_starts(t.s + k, t.len - k, "年"))
        return 1;
    if (k == t.len)
        return 0;
    return contains_any(t, words, sizeof words / sizeof words[0]);
}

static int push(cells *c, size_t first, size_t last)
{
    if (c->n == c->cap) {
        if (!c->grow)
            return 0;
        size_t cap = c->cap ? c->cap * 2 : 64;
        span *v = realloc(c->v, cap * sizeof *v);
        if (!v)
            return -1;
        c->v = v;
        c->cap = cap;
    }
    c->v[c->n].first = first;
    c->v[c->n++].last = last;
    return 1;
}

/* Reads cells from line i on: lines without a blank between are one
 * (wrapped) cell; the blank lines between the first two cells are the
 * separator, and each blank line more stands for an empty cell. Stops at a
 * line that is no cell. -1 when out of memory. */
static int collect(const gw_lines *lines, size_t i, cells *c)
{
    size_t sep = 0;
    while (i < lines->n && !blank(lines, i)) {
        size_t first = i;
        while (i < lines->n && !blank(lines, i) && i - first < GW_WEB_WRAP_LINES &&
               cell_line(trimmed(lines, i)))
            i++;
        if (i == first || (i < lines->n && !blank(lines, i)))
            break; /* a line that is no cell, alone or ending this one */
        size_t blanks = 0;
        while (i + blanks < lines->n && blank(lines, i + blanks))
            blanks++;
        int r = push(c, first, i - 1);
        if (r < 0)
            return -1;
        if (r == 0)
            break; /* a probe has seen enough */
        if (blanks == 0 || i + blanks >= lines->n)
            break;
        if (!sep)
            sep = blanks;
        for (size_t e = sep; e < blanks && r > 0; e++)
            if ((r = push(c, NONE, NONE)) < 0)
                return -1;
        if (r == 0)
            break;
        i += blanks;
    }
    /* empty cells at the end are the blank lines after the table */
    while (c->n && c->v[c->n - 1].first == NONE)
        c->n--;
    return 1;
}

static text cell_text(const gw_lines *lines, span s)
{
    text none = {"", 0};
    return s.first == NONE ? none : trimmed(lines, s.first);
}

/* A caption above line i (the header's first cell): 表1 …, …主要指标,
 * …一览表, perhaps with a unit line (单位：亿元) between. */
static int caption_above(const gw_lines *lines, size_t i)
{
    for (int seen = 0; seen < 2 && i > 0;) {
        size_t j = i - 1;
        while (j > 0 && blank(lines, j) && i - j < 4)
            j--;
        if (blank(lines, j))
            return 0;
        text t = trimmed(lines, j);
        if (!gw_nonspace_at_most(t.s, t.len, GW_TITLE_LINE_MAX) || gw_sentence_end(t.s, t.len))
            return 0;
        if (gw_starts(t.s, t.len, "单位") || gw_starts(t.s, t.len, "（单位") ||
            gw_starts(t.s, t.len, "(单位")) {
            i = j;
            seen++;
            continue;
        }
        int v;
        size_t k = gw_starts(t.s, t.len, "表") ? strlen("表") : 0;
        if (k)
            k = gw_skip_space(t.s, t.len, k);
        return (k && gw_arabic_numeral(t.s + k, t.len - k, 3, &v)) || ends_with(t, "表") ||
               ends_with(t, "指标") || ends_with(t, "一览") || ends_with(t, "清单");
    }
    return 0;
}

/* How the rows of cells c are found; the row bounds go into *rows (pairs
 * of cell indexes, end exclusive) when rows is not NULL. */
typedef struct {
    size_t ncols; /* the header's cells */
    size_t key;   /* column of the row number, or NONE */
    int by_kind;  /* rows end with 预期性/约束性 */
} shape;

static int is_kind(text t)
{
    return equals(t, "预期性") || equals(t, "约束性") || equals(t, "预期") || equals(t, "约束");
}

/* The header: the leading cells that name columns. With a 序号 column the
 * body starts where row 1 does (the cells before the number in its row
 * are categories); else at the first cell that names no column. */
static int find_shape(const gw_lines *lines, const cells *c, shape *sh)
{
    size_t run = 0;
    while (run < c->n && c->v[run].first != NONE && header_cell(cell_text(lines, c->v[run])))
        run++;
    sh->key = NONE;
    sh->by_kind = 0;
    for (size_t k = 0; k < run; k++) {
        text t = cell_text(lines, c->v[k]);
        if (equals(t, "序号") || equals(t, "编号")) {
            sh->key = k;
            break;
        }
    }
    if (sh->key != NONE) {
        /* row 1 is the first "1" far enough in to leave the key's column
         * to its left in the header */
        for (size_t f = sh->key + 2; f < c->n && f <= run + sh->key; f++)
            if (number_is(cell_text(lines, c->v[f]), 1)) {
                sh->ncols = f - sh->key;
                return sh->ncols >= 2;
            }
        return 0;
    }
    sh->ncols = run;
    if (run < 2 || run >= c->n)
        return 0;
    sh->by_kind = contains(cell_text(lines, c->v[run - 1]), "属性");
    return 1;
}

/* Splits the body into rows; returns how many, 0 when the cells do not
 * make rows of the header's width. bounds gets 2 indexes a row (may be
 * NULL to count only; it has room for c->n pairs). */
static size_t split_rows(const gw_lines *lines, const cells *c, const shape *sh, size_t *bounds)
{
    size_t k = sh->ncols, pos = k, nrows = 0;
    while (pos < c->n) {
        size_t end;
        if (sh->key != NONE) {
            /* this row's number is at most key cells in, the next row's
             * number closes it (its category cells come before it) */
            size_t num = pos;
            while (num < c->n && num <= pos + sh->key &&
                   !number_is(cell_text(lines, c->v[num]), (int)nrows + 1))
                num++;
            if (num >= c->n || num > pos + sh->key)
                break;
            end = num + (k - sh->key);
            if (end > c->n)
                break;
        } else if (sh->by_kind) {
            end = pos;
            while (end < c->n && end < pos + k && !is_kind(cell_text(lines, c->v[end])))
                end++;
            if (end >= c->n || end >= pos + k)
                break;
            end++;
        } else {
            end = pos + k;
            if (end > c->n)
                break;
        }
        size_t filled = pos;
        while (filled < end && c->v[filled].first == NONE)
            filled++;
        if (filled == end)
            break; /* a row of empty cells is blank lines, not a row */
        if (bounds) {
            bounds[2 * nrows] = pos;
            bounds[2 * nrows + 1] = end;
        }
        nrows++;
        pos = end;
    }
    return nrows;
}

/* The cells of a table's lines from i on; fixed storage of cap cells for a
 * probe (may stop early), grown when grow. -1 out of memory, 0 no table,
 * 1 a table of shape *sh. */
static int read_table(const gw_lines *lines, size_t i, cells *c, shape *sh)
{
    /* the web form: a blank line after the first cell (asked first: every
     * line is probed, and few have one) */
    if (i + 1 >= lines->n || blank(lines, i) || !blank(lines, i + 1) ||
        !header_cell(trimmed(lines, i)))
        return 0;
    text first = trimmed(lines, i);
    if (!equals(first, "序号") && !equals(first, "编号") && !caption_above(lines, i))
        return 0;
    if (collect(lines, i, c) < 0)
        return -1;
    if (!find_shape(lines, c, sh))
        return 0;
    return split_rows(lines, c, sh, NULL) > 0;
}

int gw_web_table_starts(const gw_lines *lines, size_t i)
{
    span store[GW_WEB_PROBE_CELLS];
    cells c = {store, 0, GW_WEB_PROBE_CELLS, 0};
    shape sh;
    return read_table(lines, i, &c, &sh) > 0;
}

static gw_status add_cell(const gw_lines *lines, gw_row *row, span s, size_t line)
{
    gw_cell *cell = gw_table_add_cell(row, s.first == NONE ? line : s.first);
    if (!cell)
        return GW_ERR_NOMEM;
    for (size_t j = s.first; s.first != NONE && j <= s.last; j++)
        if (gw_table_cell_append(cell, lines->v[j].s, lines->v[j].len) != GW_OK)
            return GW_ERR_NOMEM;
    return GW_OK;
}

static gw_status build(const gw_lines *lines, const cells *c, const shape *sh, const size_t *bounds,
                       size_t nrows, gw_table *t)
{
    span none = {NONE, NONE};
    gw_row *row = gw_table_add_row(t, c->v[0].first);
    if (!row)
        return GW_ERR_NOMEM;
    for (size_t k = 0; k < sh->ncols; k++)
        if (add_cell(lines, row, c->v[k], c->v[0].first) != GW_OK)
            return GW_ERR_NOMEM;
    for (size_t r = 0; r < nrows; r++) {
        size_t from = bounds[2 * r], to = bounds[2 * r + 1];
        size_t line = NONE;
        for (size_t k = from; k < to && line == NONE; k++)
            line = c->v[k].first;
        if (line == NONE) /* split_rows gives no row without text */
            return GW_OK;
        if (!(row = gw_table_add_row(t, line)))
            return GW_ERR_NOMEM;
        /* a row short of the header's width lies under a cell spanning
         * from a row above: its empty cells stand first (or, by row
         * number, where the number's column leaves room for them) */
        size_t missing = sh->ncols > to - from ? sh->ncols - (to - from) : 0;
        size_t at = sh->key != NONE ? to - (sh->ncols - sh->key) : from;
        for (size_t k = from; k < to; k++) {
            for (size_t m = 0; k == at && m < missing; m++)
                if (add_cell(lines, row, none, line) != GW_OK)
                    return GW_ERR_NOMEM;
            if (add_cell(lines, row, c->v[k], line) != GW_OK)
                return GW_ERR_NOMEM;
        }
        for (size_t k = to; k-- > from;)
            if (c->v[k].first != NONE) {
                t->last = c->v[k].last;
                break;
            }
    }
    return GW_OK;
}

gw_status gw_web_table_scan(const gw_lines *lines, size_t i, gw_table *t)
{
    cells c = {NULL, 0, 0, 1};
    shape sh;
    int r = read_table(lines, i, &c, &sh);
    gw_status rc = r < 0 ? GW_ERR_NOMEM : GW_OK;
    size_t *bounds = r > 0 ? malloc(2 * c.n * sizeof *bounds) : NULL;
    if (r > 0 && !bounds)
        rc = GW_ERR_NOMEM;
    if (bounds) {
        size_t nrows = split_rows(lines, &c, &sh, bounds);
        rc = build(lines, &c, &sh, bounds, nrows, t);
    }
    free(bounds);
    free(c.v);
    return rc;
}
