#include "table.h"
#include "hints.h"
#include "table_web.h"
#include "layout.h"
#include "marker.h"
#include "sentence.h"
#include "tunables.h"
#include "utf8.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static int is_blank(const gw_line *l)
{
    return gw_trim_end(l->s, l->len) == 0;
}

static int has_stop(const char *s, size_t len)
{
    return gw_sentence_end(s, len) != 0 || gw_find_outside(s, len, 0xFF1B /* ； */) < len;
}

/* A line of the one-cell-per-line form: tab first, short content. */
static int is_cell_line(const gw_line *l)
{
    if (l->len == 0 || l->s[0] != '\t')
        return 0;
    size_t b = gw_skip_space(l->s, l->len, 0);
    const char *s = l->s + b;
    size_t len = gw_trim_end(s, l->len - b);
    return gw_nonspace_at_most(s, len, GW_CELL_MAX) && !has_stop(s, len);
}

/* A wrapped piece of vertical text: no tab, a few characters, no marks. */
static int is_piece_line(const gw_line *l)
{
    if (l->len == 0 || l->s[0] == '\t')
        return 0;
    size_t b = gw_skip_space(l->s, l->len, 0);
    size_t len = gw_trim_end(l->s + b, l->len - b);
    if (len == 0 || !gw_nonspace_at_most(l->s + b, len, GW_PIECE_MAX))
        return 0;
    size_t i = b;
    while (i < b + len) {
        uint32_t cp = gw_next(l->s, b + len, &i);
        if (!gw_is_han(cp) && !gw_is_space(cp))
            return 0;
    }
    return 1;
}

/* Cells of the one-row-per-line form: at least three tab-separated fields. */
static size_t tab_fields(const gw_line *l)
{
    /* memchr: most lines have no tab, and every line is asked */
    size_t n = 1;
    const char *end = l->s + l->len;
    for (const char *p = l->s; p < end && (p = memchr(p, '\t', (size_t)(end - p))); p++)
        n++;
    size_t b = gw_skip_space(l->s, l->len, 0);
    return (n >= 3 && b < l->len && !has_stop(l->s, l->len)) ? n : 0;
}

/* Two tab-separated fields, neither empty, and no sentence: a row of a
 * two-column table. */
static int pair_fields(const gw_line *l)
{
    size_t tabs = 0, at = 0;
    for (size_t i = 0; i < l->len; i++)
        if (l->s[i] == '\t') {
            tabs++;
            at = i;
        }
    size_t len = gw_trim_end(l->s, l->len);
    return tabs == 1 && gw_skip_space(l->s, at, 0) < at && at + 1 < len && !has_stop(l->s, l->len);
}

static int cell_run_at(const gw_lines *lines, size_t i)
{
    size_t k = 0;
    while (i + k < lines->n && is_cell_line(&lines->v[i + k]))
        k++;
    return k >= GW_MIN_CELL_LINES;
}

static size_t next_nonblank(const gw_lines *lines, size_t i)
{
    while (i < lines->n && is_blank(&lines->v[i]))
        i++;
    return i;
}

static int row_run_at(const gw_lines *lines, size_t i)
{
    if (i >= lines->n || !tab_fields(&lines->v[i]))
        return 0;
    size_t j = next_nonblank(lines, i + 1);
    return j < lines->n && j <= i + 2 && tab_fields(&lines->v[j]);
}

/* Cells of a line of the layout form (indentation counts as a gap). */
static size_t gap_fields(const gw_line *l)
{
    if (memchr(l->s, '\t', l->len) || has_stop(l->s, l->len))
        return 0;
    size_t n = 0, i = 0;
    int gap = GW_GAP_MIN;
    while (i < l->len) {
        uint32_t cp = gw_next(l->s, l->len, &i);
        if (gw_is_space(cp)) {
            gap += gw_display_width(cp);
            continue;
        }
        n += gap >= GW_GAP_MIN;
        gap = 0;
    }
    return n;
}

/* The next non-blank line when at most one blank line comes first, else
 * lines->n. */
static size_t next_close(const gw_lines *lines, size_t i)
{
    size_t j = next_nonblank(lines, i + 1);
    return j <= i + 2 ? j : lines->n;
}

/* The display column of line l's first character that is not a space. */
static size_t indent_of(const gw_line *l)
{
    size_t i = 0, col = 0;
    while (i < l->len) {
        uint32_t cp = gw_next(l->s, l->len, &i);
        if (!gw_is_space(cp))
            break;
        col += (size_t)gw_display_width(cp);
    }
    return col;
}

/* A page number that a PDF printed across a table: — 5 —, 第5页, or a bare
 * 12 alone on its line (no cell of an indicator table is a lone number of
 * a few digits on a line of its own: values stand in their rows). */
static int is_page_line(const gw_line *l)
{
    size_t b = gw_skip_space(l->s, l->len, 0);
    size_t len = gw_trim_end(l->s + b, l->len - b);
    return len && (gw_is_page_number(l->s + b, len) || gw_is_bare_number(l->s + b, len));
}

/* Page furniture at line i: a page number, or the running header printed
 * at the top of the next page, right below one (longer than a label). */
static int page_at(const gw_lines *lines, size_t i)
{
    const gw_line *l = &lines->v[i];
    if (is_page_line(l))
        return 1;
    return i > 0 && is_page_line(&lines->v[i - 1]) && gap_fields(l) == 1 &&
           !gw_nonspace_at_most(l->s, l->len, GW_LABEL_MAX) &&
           gw_nonspace_at_most(l->s, l->len, GW_HEADER_MAX);
}

/* A category label at line j with a row right below it. */
static int label_over_row(const gw_lines *lines, size_t j)
{
    const gw_line *l = &lines->v[j];
    size_t k = next_close(lines, j);
    return gap_fields(l) == 1 && gw_nonspace_at_most(l->s, l->len, GW_LABEL_MAX) && k < lines->n &&
           gap_fields(&lines->v[k]) >= 2;
}

/* A page line with more of the table right below it. */
static int page_inside(const gw_lines *lines, size_t i)
{
    size_t j = next_close(lines, i);
    if (!page_at(lines, i) || j >= lines->n)
        return 0;
    /* a row, more page furniture, or a category label over a row */
    return gap_fields(&lines->v[j]) >= 2 || page_at(lines, j) || label_over_row(lines, j);
}

/* One cell alone on its line, followed by a row (or a page break inside
 * the table; a wrapped piece also by a label over a row). */
static int lone_cell(const gw_lines *lines, size_t i, size_t max)
{
    const gw_line *l = &lines->v[i];
    if (page_at(lines, i))
        return 0;
    size_t j = next_close(lines, i);
    return gap_fields(l) == 1 && gw_nonspace_at_most(l->s, l->len, max) && j < lines->n &&
           (gap_fields(&lines->v[j]) >= 2 || page_inside(lines, j) ||
            (max > GW_LABEL_MAX && label_over_row(lines, j)));
}

/* A category label alone on its line inside a layout table. */
static int is_label_line(const gw_lines *lines, size_t i)
{
    return lone_cell(lines, i, GW_LABEL_MAX);
}

/* Characters of a layout line's first cell. */
static size_t first_cell_chars(const gw_line *l)
{
    size_t i = gw_skip_space(l->s, l->len, 0), n = 0;
    int gap = 0;
    while (i < l->len && gap < GW_GAP_MIN) {
        uint32_t cp = gw_next(l->s, l->len, &i);
        gap = gw_is_space(cp) ? gap + gw_display_width(cp) : 0;
        n += !gw_is_space(cp);
    }
    return n;
}

/* The second line of a wrapped cell, right under a row and indented
 * deeper than it: a row of its own, not a category label (which stands
 * at the left edge). */
static int is_piece_of_row(const gw_lines *lines, size_t i)
{
    if (i == 0 || gap_fields(&lines->v[i - 1]) < 2 || !lone_cell(lines, i, GW_WRAP_MAX))
        return 0;
    size_t at = indent_of(&lines->v[i]), above = indent_of(&lines->v[i - 1]);
    /* as deep as the row is enough when the row opens with a name, which
     * no label is as long as */
    return at > above || (at == above && first_cell_chars(&lines->v[i - 1]) > GW_LABEL_MAX);
}

/* The display column where field k (0-based) of a layout line starts, or
 * GW_NONE when it has no such field. */
static size_t field_start(const gw_line *l, size_t k)
{
    size_t i = 0, col = 0, n = 0;
    int gap = GW_GAP_MIN;
    while (i < l->len) {
        uint32_t cp = gw_next(l->s, l->len, &i);
        if (gw_is_space(cp)) {
            gap += gw_display_width(cp);
        } else {
            if (gap >= GW_GAP_MIN && n++ == k)
                return col;
            gap = 0;
        }
        col += (size_t)gw_display_width(cp);
    }
    return GW_NONE;
}

/* A category label printed on the second line of a wrapped cell (经济发展
 * at the left edge, （%） under 1.地区生产总值): the label, then a piece that
 * starts inside the row's second cell rather than at a column. */
static int is_labelled_piece(const gw_lines *lines, size_t i)
{
    if (i == 0 || gap_fields(&lines->v[i]) != 2 || gap_fields(&lines->v[i - 1]) < 3)
        return 0;
    const gw_line *l = &lines->v[i], *above = &lines->v[i - 1];
    /* the name is the row's first cell, or its second when the row above
     * has a label of its own at the left edge too */
    size_t name = field_start(above, 0) <= field_start(l, 0) ? 1 : 0;
    size_t at = field_start(l, 1), j = next_close(lines, i);
    return j < lines->n && gap_fields(&lines->v[j]) >= 2 && at > field_start(above, name) &&
           at < field_start(above, name + 1) &&
           gw_nonspace_at_most(l->s, l->len, GW_LABEL_MAX + GW_WRAP_MAX);
}

static int layout_run_at(const gw_lines *lines, size_t i)
{
    for (int k = 0; k < GW_LAYOUT_MIN_LINES; k++, i = next_close(lines, i)) {
        while (k > 0 && i < lines->n &&
               (is_piece_of_row(lines, i) || is_labelled_piece(lines, i) || page_inside(lines, i)))
            i = next_close(lines, i);
        if (i >= lines->n || gap_fields(&lines->v[i]) < 3)
            return 0;
    }
    return 1;
}

int gw_table_starts(const gw_lines *lines, size_t i)
{
    /* a structured source says where its tables are; text laid out as a
     * table in its paragraphs (tabs) is guessed as in plain text */
    if (lines->hints && i < lines->n && lines->hints[i].table)
        return lines->hints[i].table == GW_HINT_TABLE_FIRST;
    return cell_run_at(lines, i) || row_run_at(lines, i) || layout_run_at(lines, i) ||
           gw_web_table_starts(lines, i);
}

/* The last code point of a UTF-8 buffer (0 when empty). */
static uint32_t last_cp(const char *buf, size_t len)
{
    size_t back = len;
    while (back > 0 && ((unsigned char)buf[back - 1] & 0xC0) == 0x80)
        back--;
    return back > 0 ? gw_peek(buf, len, back - 1) : 0;
}

/* White space between two Han characters is a wrapping artefact and goes;
 * any other run becomes one space. */
static void put_gap(char *buf, size_t *len, uint32_t next)
{
    if (*len > 0 && !(gw_is_han(last_cp(buf, *len)) && gw_is_han(next)))
        buf[(*len)++] = ' ';
}

/* Appends a piece of cell text (s points into a source line) to the
 * cell's growing buffer, and widens the cell's source extent over it. */
static gw_status append_text(gw_cell *c, const char *s, size_t n)
{
    char **buf = &c->text;
    size_t *len = &c->len;
    char *nb = realloc(*buf, *len + n + 2);
    if (!nb)
        return GW_ERR_NOMEM;
    *buf = nb;
    size_t i = gw_skip_space(s, n, 0);
    n = gw_trim_end(s, n);
    if (!c->src)
        c->src = c->src_end = s + (i < n ? i : 0); /* an empty cell: where it stood */
    if (i >= n)
        return GW_OK;
    if (c->src == c->src_end && !*len)
        c->src = s + i;
    c->src_end = s + n;
    put_gap(nb, len, gw_peek(s, n, i));
    while (i < n) {
        size_t at = i;
        if (gw_is_space(gw_next(s, n, &i))) {
            i = gw_skip_space(s, n, i);
            put_gap(nb, len, gw_peek(s, n, i));
            continue;
        }
        memcpy(nb + *len, s + at, i - at);
        *len += i - at;
    }
    nb[*len] = '\0';
    return GW_OK;
}

static gw_row *add_row(gw_table *t, size_t line)
{
    if (t->n == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 16;
        gw_row *v = realloc(t->rows, cap * sizeof *v);
        if (!v)
            return NULL;
        t->rows = v;
        t->cap = cap;
    }
    gw_row *r = &t->rows[t->n++];
    memset(r, 0, sizeof *r);
    r->line = line;
    return r;
}

static gw_cell *add_cell(gw_row *r, size_t line)
{
    if (r->n == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 8;
        gw_cell *v = realloc(r->cells, cap * sizeof *v);
        if (!v)
            return NULL;
        r->cells = v;
        r->cap = cap;
    }
    gw_cell *c = &r->cells[r->n++];
    memset(c, 0, sizeof *c);
    c->line = line;
    c->text = calloc(1, 1);
    return c->text ? c : NULL;
}

static gw_status scan_cells(const gw_lines *lines, size_t i, gw_table *t)
{
    gw_row *row = NULL;
    gw_cell *cell = NULL;
    int row_open = 0;
    size_t blanks = 0;
    for (; i < lines->n; i++) {
        const gw_line *l = &lines->v[i];
        /* a lone tab is an empty cell ("same as above"), not a blank line */
        if (is_cell_line(l)) {
            if (!row_open && !(row = add_row(t, i)))
                return GW_ERR_NOMEM;
            if (!(cell = add_cell(row, i)))
                return GW_ERR_NOMEM;
            if (append_text(cell, l->s, l->len) != GW_OK)
                return GW_ERR_NOMEM;
        } else if (is_blank(l)) {
            row_open = 0;
            blanks++;
            continue;
        } else if (cell && blanks <= 1 && is_piece_line(l)) {
            if (append_text(cell, l->s, l->len) != GW_OK)
                return GW_ERR_NOMEM;
        } else {
            break;
        }
        row_open = 1;
        blanks = 0;
        t->last = i;
    }
    return GW_OK;
}

/* A page line inside a table: a row flagged page, its text the one cell. */
static gw_status add_page_row(gw_table *t, const gw_line *l, size_t line)
{
    gw_row *row = add_row(t, line);
    gw_cell *c = row ? add_cell(row, line) : NULL;
    if (!c)
        return GW_ERR_NOMEM;
    row->page = 1;
    return append_text(c, l->s, l->len);
}

/* Line l's tab-separated fields as a new row of t. */
static gw_status split_row(const gw_line *l, size_t i, gw_table *t)
{
    gw_row *row = add_row(t, i);
    if (!row)
        return GW_ERR_NOMEM;
    size_t start = 0;
    for (size_t k = 0; k <= l->len; k++) {
        if (k < l->len && l->s[k] != '\t')
            continue;
        gw_cell *cell = add_cell(row, i);
        if (!cell || append_text(cell, l->s + start, k - start) != GW_OK)
            return GW_ERR_NOMEM;
        start = k + 1;
    }
    t->last = i;
    return GW_OK;
}

/* The rows a structured source marked as one table (hints.h). */
static gw_status scan_hinted(const gw_lines *lines, size_t i, gw_table *t)
{
    for (size_t j = i; j < lines->n; j++) {
        /* page furniture where the table runs on over a page break */
        size_t k = j;
        while (k > i && k < lines->n && (is_blank(&lines->v[k]) || lines->hints[k].page))
            k++;
        if (j > i && (k == lines->n || lines->hints[k].table != GW_HINT_TABLE_ROW))
            break;
        for (; j < k; j++)
            if (!is_blank(&lines->v[j]) && add_page_row(t, &lines->v[j], j) != GW_OK)
                return GW_ERR_NOMEM;
        if (split_row(&lines->v[j], j, t) != GW_OK)
            return GW_ERR_NOMEM;
    }
    return GW_OK;
}

static gw_status scan_rows(const gw_lines *lines, size_t i, gw_table *t)
{
    for (; i < lines->n; i++) {
        const gw_line *l = &lines->v[i];
        if (is_blank(l))
            continue;
        size_t j = next_nonblank(lines, i + 1);
        if (t->n > 0 && page_at(lines, i) && j < lines->n &&
            (memchr(lines->v[j].s, '\t', lines->v[j].len) || page_at(lines, j))) {
            if (add_page_row(t, l, i) != GW_OK)
                return GW_ERR_NOMEM;
            t->last = i; /* the table holds the line: it is not read again */
            continue;
        }
        if (!tab_fields(l) && !(t->n > 0 && memchr(l->s, '\t', l->len)))
            break;
        if (split_row(l, i, t) != GW_OK)
            return GW_ERR_NOMEM;
    }
    return GW_OK;
}

/* 第二篇  坚持创新驱动  培育发展新动力 after a blank line: spaced into
 * parts like a row, but a part heading, flush left, so the table has ended.
 * Rows numbered 1. 2. stay rows. */
static int heading_after_blank(const gw_lines *lines, size_t j)
{
    const gw_line *l = &lines->v[j];
    gw_marker m;
    const gw_line *above = j ? &lines->v[j - 1] : NULL;
    if (!above || gw_skip_space(above->s, above->len, 0) < above->len ||
        (l->len && gw_is_space(gw_peek(l->s, l->len, 0))) || !gw_marker_scan(l->s, l->len, &m))
        return 0;
    return m.family != GW_F_ARABIC && m.family != GW_F_ARABIC_PAREN &&
           m.family != GW_F_ARABIC_HALF && m.family != GW_F_CIRCLED;
}

/* The lines of a layout table from i on; returns the last one. */
static size_t layout_extent(const gw_lines *lines, size_t i)
{
    size_t last = i;
    for (size_t j = i; j < lines->n && (page_inside(lines, j) || gap_fields(&lines->v[j]) >= 2 ||
                                        is_label_line(lines, j) || is_piece_of_row(lines, j));
         j = next_close(lines, j)) {
        if (j > i && heading_after_blank(lines, j))
            break;
        last = j;
    }
    return last;
}

/* Display columns of line l marked in occ (which has room for them). */
static void mark_columns(const gw_line *l, unsigned char *occ)
{
    size_t i = 0, col = 0;
    while (i < l->len) {
        uint32_t cp = gw_next(l->s, l->len, &i);
        int w = gw_display_width(cp);
        if (!gw_is_space(cp))
            memset(occ + col, 1, (size_t)w);
        col += (size_t)w;
    }
}

static size_t line_width(const gw_line *l)
{
    size_t i = 0, col = 0;
    while (i < l->len)
        col += (size_t)gw_display_width(gw_next(l->s, l->len, &i));
    return col;
}

/* Column starts: where text begins after a gap that no line fills. Sets
 * *out (malloc'ed) and *n. */
static gw_status column_starts(const gw_lines *lines, size_t first, size_t last, size_t **out,
                               size_t *ncols)
{
    size_t width = 0;
    for (size_t j = first; j <= last; j++) {
        size_t w = line_width(&lines->v[j]);
        width = w > width ? w : width;
    }
    unsigned char *occ = calloc(width + 1, 1);
    size_t *starts = malloc((width / 2 + 2) * sizeof *starts);
    if (!occ || !starts) {
        free(occ);
        free(starts);
        return GW_ERR_NOMEM;
    }
    /* a page number across the table would bridge the gaps */
    for (size_t j = first; j <= last; j++)
        if (!page_at(lines, j))
            mark_columns(&lines->v[j], occ);
    size_t n = 0, gap = GW_GAP_MIN;
    for (size_t c = 0; c < width; c++) {
        if (!occ[c]) {
            gap++;
            continue;
        }
        if (gap >= GW_GAP_MIN)
            starts[n++] = c;
        gap = 0;
    }
    free(occ);
    *out = starts;
    *ncols = n;
    return GW_OK;
}

/* Splits line l into one cell per column of starts, appended to row. */
static gw_status split_line(const gw_line *l, size_t line, const size_t *starts, size_t ncols,
                            gw_row *row)
{
    size_t first = row->n;
    for (size_t k = 0; k < ncols; k++)
        if (!add_cell(row, line))
            return GW_ERR_NOMEM;
    gw_cell *cells = row->cells + first;
    size_t i = 0, col = 0, from = 0, c = 0;
    while (i < l->len) {
        size_t at = i;
        uint32_t cp = gw_next(l->s, l->len, &i);
        for (; !gw_is_space(cp) && c + 1 < ncols && col >= starts[c + 1]; c++, from = at)
            if (append_text(&cells[c], l->s + from, at - from) != GW_OK)
                return GW_ERR_NOMEM;
        col += (size_t)gw_display_width(cp);
    }
    return append_text(&cells[c], l->s + from, l->len - from);
}

/* Whether row r, right below the header (and its wrapped lines), holds
 * the second lines of header cells (基数 目标 （%） under 2020年 2025年
 * 年均增长): no name in the first two columns and no figure anywhere. */
static int header_goes_on(const gw_row *r)
{
    if (r->n < 3 || r->cells[0].len || r->cells[1].len)
        return 0;
    char value[64];
    const char *op;
    for (size_t c = 2; c < r->n; c++)
        if (r->cells[c].len && gw_cell_classify(r->cells[c].text, r->cells[c].len, value,
                                                sizeof value, &op) != GW_CELL_TEXT)
            return 0;
    return 1;
}

/* The second line of the last row's wrapped cell (（%） under 4.研发投入强度),
 * which no row follows: one short cell, no marker, under a column past the
 * first and deeper than the row. */
static int last_piece(const gw_lines *lines, size_t i, size_t last, size_t column)
{
    if (i >= lines->n)
        return 0;
    const gw_line *l = &lines->v[i];
    gw_marker m;
    size_t b = gw_skip_space(l->s, l->len, 0);
    return gap_fields(l) == 1 && !page_at(lines, i) &&
           gw_nonspace_at_most(l->s, l->len, GW_WRAP_MAX) &&
           !gw_marker_scan(l->s + b, l->len - b, &m) && indent_of(l) >= column &&
           indent_of(l) > indent_of(&lines->v[last]);
}

static gw_status scan_layout(const gw_lines *lines, size_t i, gw_table *t)
{
    size_t last = layout_extent(lines, i), *starts, ncols;
    if (column_starts(lines, i, last, &starts, &ncols) != GW_OK)
        return GW_ERR_NOMEM;
    size_t piece = next_close(lines, last);
    if (ncols > 1 && last_piece(lines, piece, last, starts[1]))
        last = piece;
    t->layout = 1;
    gw_status rc = GW_OK;
    int in_header = 1; /* no body row yet */
    for (size_t j = i; j <= last; j = next_close(lines, j)) {
        if (page_at(lines, j)) {
            if (add_page_row(t, &lines->v[j], j) != GW_OK) {
                rc = GW_ERR_NOMEM;
                break;
            }
            t->last = j;
            continue;
        }
        gw_row *row = add_row(t, j);
        if (!row) {
            rc = GW_ERR_NOMEM;
            break;
        }
        /* A label printed between rows (a merged category cell) becomes the
         * first cell of the row below when that row leaves it empty; the
         * text stays in source order. */
        size_t k = next_close(lines, j);
        if (j < last && ncols > 1 && is_label_line(lines, j) && !is_piece_of_row(lines, j) &&
            indent_of(&lines->v[j]) < starts[1] && k <= last && !page_at(lines, k) &&
            indent_of(&lines->v[k]) >= starts[1]) {
            if (split_line(&lines->v[j], j, starts, 1, row) != GW_OK ||
                split_line(&lines->v[k], k, starts, ncols, row) != GW_OK) {
                rc = GW_ERR_NOMEM;
                break;
            }
            /* the row's own empty first cell gives way to the label */
            free(row->cells[1].text);
            memmove(&row->cells[1], &row->cells[2], (row->n - 2) * sizeof *row->cells);
            row->n--;
            row->label_above = 1;
            j = k;
        } else if (split_line(&lines->v[j], j, starts, ncols, row) != GW_OK) {
            rc = GW_ERR_NOMEM;
            break;
        } else {
            /* a lone cell under the name column, not a label at the left
             * edge, continues the row above */
            row->wrap = j > i && (is_piece_of_row(lines, j) || is_labelled_piece(lines, j) ||
                                  j == piece || (in_header && header_goes_on(row)) ||
                                  (gap_fields(&lines->v[j]) == 1 && ncols > 1 &&
                                   indent_of(&lines->v[j]) >= starts[1]));
        }
        in_header = in_header && (j == i || row->wrap);
        t->last = j;
    }
    free(starts);
    return rc;
}

int gw_table_pair_starts(const gw_lines *lines, size_t i)
{
    /* a structured source says where its tables are */
    if (lines->hints || i >= lines->n || !pair_fields(&lines->v[i]))
        return 0;
    size_t j = next_nonblank(lines, i + 1);
    return j < lines->n && j <= i + 2 && pair_fields(&lines->v[j]);
}

gw_status gw_table_scan(const gw_lines *lines, size_t i, gw_table *t)
{
    memset(t, 0, sizeof *t);
    t->first = i;
    gw_status rc;
    if (lines->hints && i < lines->n && lines->hints[i].table == GW_HINT_TABLE_FIRST)
        rc = scan_hinted(lines, i, t);
    else if (lines->hints && i < lines->n && lines->hints[i].table)
        return GW_OK;
    else if (cell_run_at(lines, i))
        rc = scan_cells(lines, i, t);
    else if (row_run_at(lines, i))
        rc = scan_rows(lines, i, t);
    else if (layout_run_at(lines, i))
        rc = scan_layout(lines, i, t);
    else if (gw_web_table_starts(lines, i))
        rc = gw_web_table_scan(lines, i, t);
    else if (gw_table_pair_starts(lines, i))
        rc = split_row(&lines->v[i], i, t) == GW_OK ? scan_rows(lines, i + 1, t) : GW_ERR_NOMEM;
    else
        return GW_OK;
    if (rc != GW_OK)
        gw_table_free(t);
    return rc;
}

static int has_label(const gw_row *r)
{
    return r->n > 0 && r->cells[0].len > 0;
}

/* A PDF prints a merged cell's label at the vertical centre of its rows.
 * In half-row units a group of rows s..e has its centre at s + e, so each
 * label fixes where its group ends once the one above has ended. Returns 0
 * when the labels do not fit that (a top-aligned label, a wrapped row). */
static int by_centre(const gw_table *t, size_t *owner)
{
    size_t s = 1;
    for (size_t r = 1; r < t->n; r++) {
        if (!has_label(&t->rows[r]))
            continue;
        size_t c = 2 * r - (size_t)t->rows[r].label_above;
        if (c < s + r) /* the group would end above its label */
            return 0;
        size_t e = c - s;
        for (size_t k = r + 1; k <= e && k < t->n; k++)
            if (has_label(&t->rows[k]))
                return 0;
        if (e >= t->n)
            return 0;
        for (size_t k = s; k <= e; k++)
            owner[k] = r;
        s = e + 1;
    }
    return s == t->n;
}

/* Each row goes with the nearest label, the upper one on a tie. */
static void by_distance(const gw_table *t, size_t *owner)
{
    size_t above = 0, below = 1;
    for (size_t r = 1; r < t->n; r++) {
        if (has_label(&t->rows[r])) {
            owner[r] = above = r;
            continue;
        }
        /* the next label below, found once for the whole run above it */
        if (below <= r)
            for (below = r + 1; below < t->n && !has_label(&t->rows[below]); below++)
                ;
        size_t up = above ? 2 * (r - above) + (size_t)t->rows[above].label_above : SIZE_MAX;
        size_t down =
            below < t->n ? 2 * (below - r) - (size_t)t->rows[below].label_above : SIZE_MAX;
        owner[r] = up <= down ? above : below;
    }
}

static int categories(const gw_table *t, size_t *owner)
{
    if (t->n < 3 || t->rows[0].n < 3)
        return 0;
    size_t labels = 0, empty = 0;
    for (size_t r = 1; r < t->n; r++) {
        if (has_label(&t->rows[r]))
            labels++;
        else if (t->rows[r].n > 0)
            empty++;
    }
    if (!labels || !empty)
        return 0;
    if (t->layout && by_centre(t, owner))
        return 1;
    /* Word and tab tables print the label on the group's first row. */
    if (has_label(&t->rows[1])) {
        for (size_t r = 1; r < t->n; r++)
            owner[r] = has_label(&t->rows[r]) ? r : owner[r - 1];
        return 1;
    }
    if (!t->layout)
        return 0;
    by_distance(t, owner);
    return 1;
}

/* A wrapped piece that holds no label of its own, or a page line: no
 * row of the table's own. */
static int is_wrap(const gw_row *r)
{
    return r->page || (r->wrap && !has_label(r));
}

/* Groups are fitted to the table without its wrapped pieces, which go
 * with the row they continue. */
gw_status gw_table_categories(const gw_table *t, size_t *owner, int *found)
{
    gw_table view = *t;
    size_t *at = malloc((t->n + 1) * sizeof *at), *own = calloc(t->n + 1, sizeof *own);
    view.rows = malloc((t->n + 1) * sizeof *view.rows);
    if (!at || !own || !view.rows) {
        free(at);
        free(own);
        free(view.rows);
        return GW_ERR_NOMEM;
    }
    view.n = 0;
    for (size_t r = 0; r < t->n; r++)
        if (r == 0 || !is_wrap(&t->rows[r])) {
            at[view.n] = r;
            view.rows[view.n++] = t->rows[r];
        }
    *found = categories(&view, own);
    if (*found)
        for (size_t r = 1, v = 0; r < t->n; r++) {
            if (!is_wrap(&t->rows[r]))
                v++;
            owner[r] = v ? at[own[v]] : 0;
        }
    free(at);
    free(own);
    free(view.rows);
    return GW_OK;
}

void gw_table_free(gw_table *t)
{
    for (size_t r = 0; r < t->n; r++) {
        for (size_t c = 0; c < t->rows[r].n; c++)
            free(t->rows[r].cells[c].text);
        free(t->rows[r].cells);
    }
    free(t->rows);
    memset(t, 0, sizeof *t);
}

/* Reads a decimal number (ASCII or full-width digits, sign, point, thousands
 * commas, trailing %) filling the whole of s. A figure of more digits than
 * GW_VALUE_DIGITS_MAX, or one that does not fit in value, is no number. */
static int read_number(const char *s, size_t len, char *value, size_t cap)
{
    size_t i = 0, o = 0;
    int digits = 0, point = 0, d;
    uint32_t cp = gw_peek(s, len, 0);
    if (cp == '-' || cp == 0x2212 || cp == 0xFF0D || cp == '+') {
        gw_next(s, len, &i);
        if (cp != '+' && cap > 1)
            value[o++] = '-';
    }
    while (i < len) {
        cp = gw_next(s, len, &i);
        if (gw_is_digit(cp, &d)) {
            if (++digits > GW_VALUE_DIGITS_MAX || o + 1 >= cap)
                return 0;
            value[o++] = (char)('0' + d);
        } else if ((cp == '.' || cp == 0xFF0E) && !point && digits) {
            point = 1;
            if (o + 1 >= cap)
                return 0;
            value[o++] = '.';
        } else if ((cp == ',' || cp == 0xFF0C) && digits && !point) {
            continue;
        } else if ((cp == '%' || cp == 0xFF05) && digits && i == len) {
            break;
        } else {
            return 0;
        }
    }
    if (!digits || (o > 0 && value[o - 1] == '.'))
        return 0;
    value[o] = '\0';
    return 1;
}

static int is_placeholder(const char *s, size_t len)
{
    static const char *const none[] = {"—", "——", "-", "--", "－", "―", "/", "／", "…", "……", "*"};
    for (size_t k = 0; k < sizeof none / sizeof none[0]; k++)
        if (len == strlen(none[k]) && memcmp(s, none[k], len) == 0)
            return 1;
    return 0;
}

gw_cell_type gw_cell_classify(const char *s, size_t len, char *value, size_t cap, const char **op)
{
    static const struct {
        const char *sign, *op;
    } cmp[] = {{">=", "ge"}, {"<=", "le"}, {"≥", "ge"},  {"≧", "ge"}, {"≤", "le"},
               {"≦", "le"},  {">", "gt"},  {"＞", "gt"}, {"<", "lt"}, {"＜", "lt"}};
    size_t b = gw_skip_space(s, len, 0);
    s += b;
    len = gw_trim_end(s, len - b);
    value[0] = '\0';
    *op = NULL;
    if (len == 0)
        return GW_CELL_EMPTY;
    if (is_placeholder(s, len))
        return GW_CELL_NONE;
    if (read_number(s, len, value, cap))
        return GW_CELL_NUMBER;
    for (size_t k = 0; k < sizeof cmp / sizeof cmp[0]; k++) {
        size_t n = strlen(cmp[k].sign);
        if (len > n && memcmp(s, cmp[k].sign, n) == 0) {
            size_t r = gw_skip_space(s, len, n);
            if (read_number(s + r, len - r, value, cap)) {
                *op = cmp[k].op;
                return GW_CELL_COMPARE;
            }
            break;
        }
    }
    value[0] = '\0';
    return GW_CELL_TEXT;
}

gw_row *gw_table_add_row(gw_table *t, size_t line)
{
    return add_row(t, line);
}

gw_cell *gw_table_add_cell(gw_row *row, size_t line)
{
    return add_cell(row, line);
}

gw_status gw_table_cell_append(gw_cell *cell, const char *s, size_t len)
{
    return append_text(cell, s, len);
}
