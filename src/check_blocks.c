/* box-unterminated: a 专栏 box with no items. table-shape: a row whose
 * cell count differs from the header's, and a cell in a column of numbers
 * that is neither a value nor a placeholder (—, /, …). Words pass: targets
 * written as 完成市下达任务, 高于GDP增长 or 26000左右 are how indicator
 * tables state them; what is flagged is text with no Chinese in it that
 * still does not read as a number (1O0, 6.5.1, N/A), once a footnote mark
 * (60.6*, 65①) is taken off. */
#include "intl.h"
#include "check_rules.h"
#include "names.h"
#include "table.h"
#include "tunables.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

/* A box set as a table of projects holds a table instead of items. */
static void box(gw_check_ctx *c, const xmlNode *bx)
{
    if (gw_child(bx, GW_E_ITEM) || gw_child(bx, GW_E_TABLE))
        return;
    const xmlNode *title = gw_child(bx, GW_E_TITLE);
    xmlChar *t = xmlNodeGetContent(title);
    char *num = gw_num_text(bx);
    size_t skip = num && t && !strncmp((const char *)t, num, strlen(num)) ? strlen(num) : 0;
    gw_check_report_at(c, GW_R_BOX_UNTERMINATED, title ? title : bx, N_("box %s %s has no items"),
                       num ? num : "", t ? (const char *)t + skip : "");
    free(num);
    xmlFree(t);
}

static size_t count_cells(const xmlNode *row)
{
    size_t n = 0;
    for (const xmlNode *k = row->children; k; k = k->next)
        n += gw_is_elem(k, GW_E_CELL);
    return n;
}

typedef struct {
    const xmlNode *row;
    size_t first; /* column index of its first cell: 1 in a group */
} body_row;

static int is_type(const xmlNode *cell, const char *type)
{
    char *copy;
    const char *t = gw_attr_view(cell, GW_A_TYPE, &copy);
    int is = t && !strcmp(t, type);
    xmlFree(copy);
    return is;
}

static int is_value(const xmlNode *cell)
{
    return is_type(cell, GW_V_NUMBER) || is_type(cell, GW_V_COMPARE);
}

/* A text cell that should have been a value: no Han in it, and not a
 * number once footnote marks, a range's second half and the brackets of a
 * five-year total ([9.15], ［3］) are taken off. */
static int broken_value(const char *t)
{
    size_t len = strlen(t), i = 0, end = 0;
    uint32_t open = gw_peek(t, len, 0);
    if (open == '[' || open == 0xFF3B) {
        gw_next(t, len, &i);
        t += i;
        len -= i;
        i = 0;
    }
    while (i < len) {
        size_t at = i;
        uint32_t cp = gw_next(t, len, &i);
        if ((open == '[' && cp == ']') || (open == 0xFF3B && cp == 0xFF3D)) {
            end = at;
            break;
        }
        if (gw_is_han(cp))
            return 0;
        /* footnote marks: * ＊ ① … ⑳; a range: 5-8, 5—8, 5～8, 5~8 */
        int mark = cp == '*' || cp == 0xFF0A || (cp >= 0x2460 && cp <= 0x2473);
        int range = end && (cp == '-' || cp == 0x2014 || cp == 0xFF5E || cp == '~');
        if (mark || range)
            break;
        end = i;
    }
    char value[64];
    const char *op;
    gw_cell_type type = gw_cell_classify(t, end, value, sizeof value, &op);
    return type == GW_CELL_TEXT;
}

/* A text cell in a column of numbers that is no placeholder either. */
static void broken_cell(gw_check_ctx *c, const xmlNode *cell)
{
    xmlChar *t = xmlNodeGetContent(cell);
    if (t && broken_value((const char *)t))
        gw_check_report_at(c, GW_R_TABLE_SHAPE, cell,
                           N_("cell %s in a column of numbers is neither a number nor a "
                              "placeholder such as —"),
                           (const char *)t);
    xmlFree(t);
}

/* Each row's cells are walked once per pass, counting by column: looking
 * each column's cell up in every row walked a row per cell, quadratic in
 * the width (a table as wide as it is long). */
static void numeric_columns(gw_check_ctx *c, const body_row *rows, size_t n, size_t width)
{
    size_t *values = calloc(2 * width + 1, sizeof *values);
    if (!values) {
        c->out->status = GW_ERR_NOMEM;
        return;
    }
    size_t *texts = values + width;
    for (int pass = 0; pass < 2; pass++)
        for (size_t r = 0; r < n; r++) {
            size_t col = rows[r].first;
            for (const xmlNode *k = rows[r].row->children; k && col < width; k = k->next) {
                if (!gw_is_elem(k, GW_E_CELL))
                    continue;
                if (pass == 0) {
                    values[col] += is_value(k);
                    texts[col] += is_type(k, GW_V_TEXT);
                } else if (values[col] >= GW_NUMERIC_MIN && values[col] >= 2 * texts[col] &&
                           is_type(k, GW_V_TEXT)) {
                    broken_cell(c, k);
                }
                col++;
            }
        }
    free(values);
}

static void table(gw_check_ctx *c, const xmlNode *tb)
{
    xmlNode *head = gw_child(gw_child(tb, GW_E_THEAD), GW_E_ROW);
    xmlNode *tbody = gw_child(tb, GW_E_TBODY);
    if (!head || !tbody)
        return;
    size_t width = count_cells(head), n = 0, cap = 16;
    body_row *rows = malloc(cap * sizeof *rows);
    if (!rows) {
        c->out->status = GW_ERR_NOMEM;
        return;
    }
    for (const xmlNode *k = tbody->children; k; k = k->next) {
        int group = gw_is_elem(k, GW_E_GROUP);
        const xmlNode *first = group ? k->children : k;
        for (const xmlNode *r = first; r; r = group ? r->next : NULL) {
            if (!gw_is_elem(r, GW_E_ROW))
                continue;
            /* a row in a group leaves out the category column */
            size_t cells = count_cells(r), shown = cells + (group ? 1 : 0);
            if (shown != width && !(group && cells == 0)) {
                gw_check_report_at(c, GW_R_TABLE_SHAPE, r,
                                   P_("row has %lu cell where the header has %lu",
                                      "row has %lu cells where the header has %lu", shown),
                                   (unsigned long)shown, (unsigned long)width);
            }
            if (n == cap) {
                body_row *more = realloc(rows, 2 * cap * sizeof *rows);
                if (!more) {
                    c->out->status = GW_ERR_NOMEM;
                    free(rows);
                    return;
                }
                rows = more;
                cap *= 2;
            }
            rows[n++] = (body_row){r, group ? 1 : 0};
        }
    }
    numeric_columns(c, rows, n, width);
    free(rows);
}

static void walk(gw_check_ctx *c, const xmlNode *parent)
{
    for (const xmlNode *k = parent->children; k; k = k->next) {
        if (gw_is_elem(k, GW_E_BOX)) {
            box(c, k);
            walk(c, k); /* its table, if it is set as one */
        } else if (gw_is_elem(k, GW_E_TABLE))
            table(c, k);
        else if (gw_is_elem(k, GW_E_SECTION))
            walk(c, k);
    }
}

void gw_check_blocks(gw_check_ctx *c)
{
    xmlNode *body = gw_child(xmlDocGetRootElement(c->xml), GW_E_BODY);
    if (body)
        walk(c, body);
}
