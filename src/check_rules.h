/* What every rule of `gongwen check` works on, and how it reports. Each
 * check_*.c file holds one group of rules.
 *
 * The structure rules read the tree only, never the text again: what the
 * parser found is in it (grammar/README.md), and so is where each thing
 * stands (line, column, end-line, end-column; num's extent):
 *   numbering-*      section/@family @n @inferred and nesting, box/@n,
 *                    box item/@n, note/@n; num text for the messages; the
 *                    num's range (an inferred heading: its title's)
 *   level-skip       section/@family and nesting; num text and range
 *   marker-mixed     section/@family, box items, notes; the written form
 *                    of each num's text (gw_marker_form); num range
 *   unnumbered-heading  section/@n @runin @inferred, p/@title-like (the
 *                    parser's judgement), lead and page children; p range
 *   empty-section    section children, title text; title range
 *   box-unterminated box children; title text and range
 *   table-shape      thead/tbody/group/row/cell, cell/@type, a text cell's
 *                    text; row and cell ranges
 * The text rules scan the source lines, which is their job, over what the
 * tree delimits: paragraphs start at elements' lines (starts), markers are
 * skipped by num's range (skip); whitespace's heading letter-spacing scans
 * a title's range after its num. encoding reads the bytes. */
#ifndef GW_CHECK_RULES_H
#define GW_CHECK_RULES_H

#include "checker.h"
#include "lines.h"

#include <libxml/tree.h>

typedef struct {
    const gw_lines *lines; /* the decoded text's physical lines */
    /* starts[i]: an element of the tree (a paragraph, title, item, cell…)
       begins on line i + 1; lines without one continue the one before
       (a hard-wrapped paragraph, a wrapped cell, a title below 第八章) */
    const unsigned char *starts;
    /* skip[i]: bytes at the start of line i + 1 (leading white space and a
       heading or item marker) that the text rules leave alone */
    const size_t *skip;
    xmlDocPtr xml; /* the tree gw_parse built */
    const gw_check_options *opt;
    gw_diags *out;
} gw_check_ctx;

/* Reports rule r, unless disabled, over columns [column, end_column) of
 * line (both 1-based, columns in characters). fmt is the untranslated
 * message (N_): it is translated only for a finding that is kept
 * (--max-diagnostics), a gettext lookup for each of a million that are
 * not being a third of check's time on such a text. */
void gw_check_report(gw_check_ctx *c, gw_rule r, unsigned long line, unsigned long column,
                     unsigned long end_column, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;

int gw_check_enabled(const gw_check_ctx *c, gw_rule r);

/* 1-based character column of byte offset off in line (1-based). */
unsigned long gw_check_column(const gw_check_ctx *c, unsigned long line, size_t off);
/* Column of the first non-space character of line, and the column just
 * after its last one (trailing white space excluded). */
unsigned long gw_check_first_column(const gw_check_ctx *c, unsigned long line);
unsigned long gw_check_end_column(const gw_check_ctx *c, unsigned long line);
/* Byte offset in line of 1-based character column (the line's length
 * past its end). */
size_t gw_check_offset(const gw_check_ctx *c, unsigned long line, unsigned long column);
/* Reports rule r over node's range as the tree gives it: on its first
 * line, up to its end or, when it runs onto later lines, to the end of
 * that line's text. */
void gw_check_report_at(gw_check_ctx *c, gw_rule r, const xmlNode *node, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;
/* node's marker (gw_num_of), else its title's range, else node's own. */
const xmlNode *gw_mark_node(const xmlNode *node);

/* The rule groups. */
void gw_check_numbering(gw_check_ctx *c);  /* numbering-*, in check_numbering.c */
void gw_check_nesting(gw_check_ctx *c);    /* level-skip, marker-mixed */
void gw_check_sections(gw_check_ctx *c);   /* unnumbered-heading, empty-section */
void gw_check_blocks(gw_check_ctx *c);     /* box-unterminated, table-shape */
void gw_check_brackets(gw_check_ctx *c);   /* bracket-unbalanced, quote-unbalanced */
void gw_check_punct(gw_check_ctx *c);      /* punct-halfwidth */
void gw_check_radical(gw_check_ctx *c);    /* radical */
void gw_check_whitespace(gw_check_ctx *c); /* whitespace */
/* encoding: every invalid UTF-8 sequence in bytes, with the position it
 * has in the text once each is replaced by U+FFFD. */
void gw_check_encoding_utf8(gw_check_ctx *c, const char *bytes, size_t len);

/* ---- tree helpers (tree_read.c) ---------------------------------------- */

/* Whether node is a gongwen element named name. */
int gw_is_elem(const xmlNode *node, const char *name);
/* Attribute value, or NULL: borrowed from the tree when it is stored as
 * one text node, else a copy left in *copy (xmlFree it; NULL when none
 * was made). */
const char *gw_attr_view(const xmlNode *node, const char *name, char **copy);
/* Integer attribute, or def when absent or not a number. */
long gw_attr_long(const xmlNode *node, const char *name, long def);
/* Attribute value (xmlFree it), or NULL. */
char *gw_attr(const xmlNode *node, const char *name);
/* First child element named name, or NULL. */
xmlNode *gw_child(const xmlNode *node, const char *name);
/* Text of the title's num (malloc'ed), or NULL when it has none. */
char *gw_num_text(const xmlNode *owner);
/* The num of owner (a section's or box's is in its title), or NULL. */
xmlNode *gw_num_of(const xmlNode *owner);

/* Where an element stands, as the tree says (line, column, end-line,
 * end-column; the end exclusive). */
typedef struct {
    unsigned long line, column, end_line, end_column;
} gw_range;

/* node's range; 0 when node carries none. */
int gw_range_of(const xmlNode *node, gw_range *r);

/* ---- markers (marker_text.c) ------------------------------------------- */

/* The marker text num with its ordinal replaced by n in the same style
 * (（四） with 3 → （三）, ４． → ３．, ④ → ③, 第四节 → 第三节); malloc'ed.
 * When num has no ordinal the result names n in digits. */
char *gw_marker_with(const char *num, int n);
/* The form of a marker with its ordinal taken out, for comparing how a
 * family is written: （一） → "（#）", 1. → "#.", １． → "#．" with wide
 * digits marked; malloc'ed. */
char *gw_marker_form(const char *num);
/* The ordinal a marker prints (专栏3 → 3, ⑤ → 5), or 0 if none. */
int gw_marker_value(const char *num);

#endif
