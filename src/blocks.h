/* Blocks: what each stretch of lines is (a heading, a paragraph, a dash
 * item, a box, a table, a note, front matter), found in one pass over the
 * lines. The tree builder turns them into nested XML. */
#ifndef GW_BLOCKS_H
#define GW_BLOCKS_H

#include "lines.h"
#include "marker.h"
#include "table.h"

#include <stddef.h>

typedef enum {
    GW_B_PARA,
    GW_B_HEADING,
    GW_B_DASH,
    GW_B_BOX,
    GW_B_BOX_ITEM,
    GW_B_TABLE,
    GW_B_NOTE,
    GW_B_TITLE,
    GW_B_SUBTITLE,
    GW_B_AUTHOR,
    GW_B_SALUTATION,
    GW_B_FRONT_PARA, /* a paragraph among the front matter (dateline, ...) */
    GW_B_PAGE,       /* a page number or running header line */
    GW_B_TOC,        /* 目录: a table of contents heading */
    GW_B_TOC_ENTRY,  /* one of its lines */
} gw_block_kind;

/* A span of text on one line: s points into the line. */
typedef struct {
    size_t line; /* line index (0-based) */
    const char *s;
    size_t len;
} gw_span;

/* A page line inside a paragraph hard-wrapped across a page break. */
typedef struct {
    size_t at;    /* byte offset in the block's text where the page line stood */
    gw_span line; /* the page line itself */
} gw_page;

typedef struct {
    gw_block_kind kind;
    gw_span text;   /* the block's text, trimmed: on its first line, or a
                       joined copy of a hard-wrapped paragraph's lines */
    gw_page *pages; /* owned; page lines inside a joined paragraph */
    size_t npages;
    gw_span more;     /* a second line: a chapter title below 第三章, a
                         wrapped subtitle, a note's definition; len 0 if none */
    size_t last;      /* index of the block's last line */
    gw_marker marker; /* HEADING, BOX_ITEM, NOTE */
    size_t mark_len;  /* bytes of text that are the marker (num), 0 if none */
    size_t title_len; /* HEADING: bytes after the marker that are the title;
                         DASH / PARA: bytes of the lead after the marker */
    size_t name_len;  /* BOX_ITEM / NOTE: bytes after the marker naming it */
    int runin;        /* HEADING: body text follows the title on the line */
    int address;      /* PARA: addresses the deputies (各位代表，…) */
    int title_like;   /* PARA: short line that may be an unnumbered heading */
    int more_joined;  /* HEADING: more goes on the title's words (a title
                         the author broke over two paragraphs), no space */
    gw_table table;   /* TABLE: owned */
} gw_block;

typedef struct {
    gw_block *v;
    size_t n, cap;
    char **joined; /* owned texts of joined paragraphs */
    size_t njoined;
} gw_blocks;

/* Classifies all lines. GW_ERR_NOMEM when out of memory (blocks are freed
 * then). */
gw_status gw_blocks_scan(const gw_lines *lines, gw_blocks *out);
void gw_blocks_free(gw_blocks *b);

/* Appends a zeroed block of the given kind; NULL when out of memory. */
gw_block *gw_blocks_add(gw_blocks *b, gw_block_kind kind, size_t line);

/* The trimmed text of line i as a span. */
gw_span gw_line_span(const gw_lines *lines, size_t i);

/* The first line from i on that is not blank (lines->n if none). */
size_t gw_next_nonblank(const gw_lines *lines, size_t i);

/* A title alone on its line: at most max characters, no sentence end. */
int gw_short_title(gw_span sp, size_t max);

/* An unnumbered part's heading alone on its line: 序言, 名词解释, 附件1…. */
int gw_unnumbered_part(gw_span sp);

/* Scans front matter (title, subtitle, speaker, salutation) at the start of
 * the document; lines marked in page (running headers) are never the title.
 * Appends its blocks and sets *after to the index of the first line after
 * it (0 when there is none). GW_ERR_NOMEM when out of memory. */
gw_status gw_front_scan(const gw_lines *lines, const unsigned char *page, gw_blocks *out,
                        size_t *after);

#endif
