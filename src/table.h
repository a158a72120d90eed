/* Indicator tables: one cell per tab-indented line, rows separated by blank
 * lines, vertical text wrapped over short lines (经/济/强); or one row per
 * line with tab-separated cells. */
#ifndef GW_TABLE_H
#define GW_TABLE_H

#include "lines.h"

#include <stddef.h>

typedef struct {
    char *text; /* owned; wrapped pieces joined, white space between Han removed */
    size_t len;
    size_t line; /* index of its first line */
    /* where its text stands in the source: from its first character on
       line `line` to just after its last (on that line or a later one);
       both at the place it stood when it is empty */
    const char *src, *src_end;
} gw_cell;

typedef struct {
    gw_cell *cells;
    size_t n, cap;
    size_t line;
    int label_above; /* its first cell was printed alone on the line above */
    int wrap;        /* its cells continue those of the row above */
    int page;        /* no row: a page number printed across the table, its
                      * text the one cell */
} gw_row;

typedef struct {
    gw_row *rows; /* rows[0] is the header row */
    size_t n, cap;
    size_t first, last; /* line indexes the cells span */
    int layout;         /* columns aligned with spaces (a PDF copy) */
} gw_table;

/* If a table starts at line index i (its first cell line), parses it into
 * *t; the caller frees with gw_table_free. When no table starts there, *t
 * is left empty (no rows). GW_ERR_NOMEM when out of memory (*t is freed). */
gw_status gw_table_scan(const gw_lines *lines, size_t i, gw_table *t);

/* Whether a table starts at line index i (cheap; no allocation). */
int gw_table_starts(const gw_lines *lines, size_t i);

/* Whether a two-column table (one tab between its two cells, at least
 * two rows) starts at line index i; trusted only under a caption, where
 * gw_table_scan then reads it. */
int gw_table_pair_starts(const gw_lines *lines, size_t i);

void gw_table_free(gw_table *t);

/* For the readers of other table forms (table_web.c): a new row of t, a
 * new empty cell of row, and a piece of a cell's text (wrapped pieces are
 * joined as in every table). NULL / GW_ERR_NOMEM when out of memory. */
gw_row *gw_table_add_row(gw_table *t, size_t line);
gw_cell *gw_table_add_cell(gw_row *row, size_t line);
gw_status gw_table_cell_append(gw_cell *cell, const char *s, size_t len);

/* Sets *found to whether the first column holds categories that span rows
 * (the header names the column, later rows leave it empty); if so, fills
 * owner[r] for every body row r (1 to n-1) with the row whose first cell is
 * r's category. owner has room for t->n entries and belongs to the caller.
 * GW_ERR_NOMEM when out of memory. */
gw_status gw_table_categories(const gw_table *t, size_t *owner, int *found);

typedef enum {
    GW_CELL_EMPTY,
    GW_CELL_NONE,    /* — : no value */
    GW_CELL_NUMBER,  /* 653, 3.45, -1.2, 5% */
    GW_CELL_COMPARE, /* ≥80, >80 */
    GW_CELL_TEXT,    /* 完成市下达任务 */
} gw_cell_type;

/* The most digits a number cell's value may have: XML Schema's decimal
 * guarantees 18 to every validator (libxml2 stops at 24). A longer figure
 * is no indicator value, and its cell is text. */
#define GW_VALUE_DIGITS_MAX 18

/* Types a cell's text. For numbers and comparisons, value receives the
 * number in ASCII (at most cap-1 bytes) and op "ge", "gt", "le" or "lt". */
gw_cell_type gw_cell_classify(const char *s, size_t len, char *value, size_t cap, const char **op);

#endif
