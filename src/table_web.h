/* Tables in a web page's text copy: one cell per line, a blank line
 * between cells; the rows are inferred from the header (table_web.c). */
#ifndef GW_TABLE_WEB_H
#define GW_TABLE_WEB_H

#include "table.h"

/* Whether such a table starts at line index i: a header of cells naming
 * columns (序号/指标/单位/…/属性), under a caption (表1 …, …主要指标) unless
 * it starts with 序号, and at least one row below it. No allocation. */
int gw_web_table_starts(const gw_lines *lines, size_t i);

/* Parses the table starting at line i into *t (empty, no rows, when none
 * starts there); t's first line is set by the caller. GW_ERR_NOMEM when
 * out of memory (the caller frees t). */
gw_status gw_web_table_scan(const gw_lines *lines, size_t i, gw_table *t);

#endif
