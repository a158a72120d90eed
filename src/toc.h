/* Tables of contents copied with the text: a 目录 line and its entries, or
 * the entries alone when a PDF or web copy lost that title. Entries are
 * not headings: the text repeats them. */
#ifndef GW_TOC_H
#define GW_TOC_H

#include "blocks.h"

/* 目录, 目　录 or 目次 alone on its line (a colon after it allowed). */
int gw_toc_word(gw_span sp);

/* Whether a table of contents starts at line i: 目录 (alone, or run
 * together with its first entries), or, without that title, a run of
 * entries known by their own evidence: leader dots or page numbers, or
 * (only while headed is 0: a table of contents comes before the headings
 * it lists) headings that the text repeats later, in the same order. */
int gw_toc_starts(const gw_lines *lines, size_t i, int headed);

/* Appends the table of contents at line i (one gw_toc_starts found): a
 * GW_B_TOC block (its text the title, empty when the copy lost it; then it
 * stands at the first entry) and a GW_B_TOC_ENTRY block per entry. Sets
 * *after to the first line after it. GW_ERR_NOMEM when out of memory. */
gw_status gw_toc_scan(const gw_lines *lines, size_t i, gw_blocks *out, size_t *after);

/* A contents line without its leader dots and page number. */
gw_span gw_toc_entry_name(gw_span sp);

/* Bytes of text that read as words (white space aside), 0 if text does
 * not start with them. */
size_t gw_starts_with_words(gw_span text, gw_span words);

#endif
