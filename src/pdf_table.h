/* Tables on a page of a PDF, found from where its glyphs stand: lines set
 * in columns (white space as wide as a character or more between them,
 * the same columns from line to line), rows apart by more than the lines
 * of a wrapped cell. poppler's text order reads such a table column by
 * column; the .pdf reader (pdf.c) writes it row by row instead, its cells
 * separated by tabs, with the table hints the other readers give. */
#ifndef GW_PDF_TABLE_H
#define GW_PDF_TABLE_H

#include <poppler.h>

#include <stddef.h>
#include <stdint.h>

typedef struct {
    char **cell; /* rows * cols cell texts (owned, never NULL) */
    size_t rows, cols;
    size_t first; /* the first of its characters in the page's text order */
    double top;   /* the top of its first line, the bottom of its last */
    double bottom;
} gw_pdf_table;

typedef struct {
    gw_pdf_table *v; /* owned, top to bottom */
    size_t n;
    size_t *owner; /* per character of the page's text: 0, or 1 + the
                      table that holds it (owned) */
    size_t above;  /* characters of text above the first table */
    size_t below;  /* ... and below the last */
} gw_pdf_tables;

/* The tables of a page whose text has one rectangle per character in r
 * (n of them); unit is half the width of its characters, pitch the
 * document's line pitch. 0, or -1 when out of memory (out is then empty). */
int gw_pdf_tables_find(const char *text, const PopplerRectangle *r, guint n, double unit,
                       double pitch, gw_pdf_tables *out);
void gw_pdf_tables_free(gw_pdf_tables *t);

/* Whether a space between a and b is the gap Chinese typesetting leaves
 * between Chinese and Latin letters or digits (2023 年), which the text
 * never had. */
int gw_pdf_autospace(uint32_t a, uint32_t b);

#endif
