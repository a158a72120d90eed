/* What a reader of a structured source (.docx, .html, .pdf) knows about
 * each line of the text it produces, so the recognizer trusts it instead of
 * guessing: where the author's bold lead ends, which lines are one table,
 * which are page furniture. Plain text has no hints and is guessed. */
#ifndef GW_HINTS_H
#define GW_HINTS_H

#include "gongwen.h"

#include <stddef.h>

/* gw_hint.lead: the line's own bold decides nothing (the recognizer guesses) */
#define GW_LEAD_GUESS (-1L)

/* gw_hint.table */
enum { GW_HINT_NO_TABLE, GW_HINT_TABLE_FIRST, GW_HINT_TABLE_ROW };

typedef struct gw_hint_s {
    /* GW_LEAD_GUESS; 0: the line opens with no lead; >0: its first lead
     * bytes (from the line's first byte) are the author's bold lead */
    long lead;
    unsigned char table;   /* a row of cells separated by tabs: the first row of
                              a table, or a following row of the same table */
    unsigned char page;    /* page furniture: a running header or footer */
    unsigned char printed; /* gw_printed: a printed line of a page (.pdf),
                              not a whole paragraph */
} gw_hint;

/* gw_hint.printed */
enum gw_printed {
    GW_WHOLE_PARAGRAPH, /* the line is a paragraph (.docx, .html) */
    GW_PRINTED_LINE,    /* a printed line: hard wraps and furniture the hints
                           do not mark are found from the text */
    GW_PRINTED_GOES_ON, /* ... that goes on with the line above (which
                           reached the right margin: no paragraph ends there) */
    GW_PRINTED_STARTS   /* ... that starts a paragraph, though the line above
                           reached the margin: the page above ended early,
                           the paragraph did not fit there (the first of the
                           page's lines that is no furniture) */
};

/* Source formats (report/@format). */
typedef enum {
    GW_FROM_AUTO,
    GW_FROM_TEXT,
    GW_FROM_DOCX,
    GW_FROM_HTML,
    GW_FROM_PDF,
    GW_FROM_MARKDOWN
} gw_from;

/* "text", "docx", "html", "pdf", "markdown" */
const char *gw_from_name(gw_from f);

/* Wraps the UTF-8 text a reader produced (valid UTF-8, one paragraph per
 * line) as a gw_text of format f with one hint per line (n of them; hints
 * may be NULL). The text is copied; hints are taken over (freed with the
 * text, also on failure). */
gw_text *gw_text_from_reader(const char *utf8, size_t len, gw_from f, gw_hint *hints, size_t n,
                             gw_error *err);

/* Says that t's text was decoded from encoding (a Markdown file's, before
 * its reader took the text); GW_ERR_NOMEM, t unchanged, when out of
 * memory. */
gw_status gw_text_set_encoding(gw_text *t, const char *encoding);
/* The source format of t: GW_FROM_TEXT for decoded text. */
gw_from gw_text_format(const gw_text *t);

/* The hints of t when it has one per line of its nlines lines, else NULL
 * (borrowed). */
const gw_hint *gw_text_hints(const gw_text *t, size_t nlines);

#endif
