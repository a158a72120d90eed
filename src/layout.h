/* Page layout left in extracted text: page numbers and running headers on
 * lines of their own, and paragraphs hard-wrapped every 30–40 characters
 * (PDF and OCR copies). */
#ifndef GW_LAYOUT_H
#define GW_LAYOUT_H

#include "lines.h"

typedef struct {
    unsigned char *page; /* page[i]: line i is a page number or running header */
    unsigned char *cont; /* cont[i]: line i continues the paragraph of the last
                            content line before it (page lines in between) */
    int wrapped;         /* the document is hard-wrapped */
} gw_layout;

/* GW_ERR_NOMEM when out of memory. */
gw_status gw_layout_scan(const gw_lines *lines, gw_layout *out);
void gw_layout_free(gw_layout *l);

/* Whether a line's text is a page number: — 2 —, -2-, 第2页, 第 2 页 共 9 页. */
int gw_is_page_number(const char *s, size_t len);

/* Whether a line's text is a bare number of at most three digits (3, 12):
 * a page number where the caller knows pages are printed there. */
int gw_is_bare_number(const char *s, size_t len);

/* Whether a line's text is only a subscript or superscript a web copy set
 * apart: 2.5 of PM2.5, 2 of CO2, 3 of m3 (digits, perhaps a point). */
int gw_is_script_line(const char *s, size_t len);

#endif
