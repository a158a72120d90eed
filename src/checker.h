/* `gongwen check`: finds the faults in a report's structure and text and
 * reports them as diagnostics, without writing any output document. */
#ifndef GW_CHECKER_H
#define GW_CHECKER_H

#include "diag.h"
#include "gongwen.h"
#include "lines.h"

/* The rules, each with a stable id (gw_rule_name) and default severity. */
typedef enum {
    GW_R_NUMBERING_GAP,
    GW_R_NUMBERING_DUPLICATE,
    GW_R_NUMBERING_ORDER,
    GW_R_NUMBERING_RESTART,
    GW_R_LEVEL_SKIP,
    GW_R_MARKER_MIXED,
    GW_R_UNNUMBERED_HEADING,
    GW_R_EMPTY_SECTION,
    GW_R_BRACKET_UNBALANCED,
    GW_R_QUOTE_UNBALANCED,
    GW_R_PUNCT_HALFWIDTH,
    GW_R_BOX_UNTERMINATED,
    GW_R_TABLE_SHAPE,
    GW_R_ENCODING,
    GW_R_WHITESPACE,
    GW_R_RADICAL,
    GW_R_COUNT
} gw_rule;

const char *gw_rule_name(gw_rule r);
gw_severity gw_rule_severity(gw_rule r);
/* One-line English description (a message id: translate with gettext). */
const char *gw_rule_description(gw_rule r);
/* The rule named id, or GW_R_COUNT. */
gw_rule gw_rule_find(const char *id);

typedef struct {
    unsigned char disabled[GW_R_COUNT];
    /* 0: the rule's default severity; else the gw_severity to report + 1 */
    unsigned char severity[GW_R_COUNT];
    int allow_level_skip; /* skipping one level of headings is no fault */
    const char *encoding; /* NULL: detect, as gw_decode does */
} gw_check_options;

/* Checks a file's raw bytes. Appends the diagnostics to out (unsorted) and
 * returns the decoded text (invalid sequences replaced by U+FFFD) for
 * showing source lines, or NULL with err set on a failure that stops the
 * check (out of memory, an unknown encoding). */
gw_text *gw_check_bytes(const char *bytes, size_t len, const gw_check_options *opt, gw_diags *out,
                        gw_error *err);

/* gw_check_bytes over *bytes, a malloc'ed buffer the caller frees after:
 * when the decoded text is those very bytes (UTF-8 taken as it is, the
 * usual case) they are freed at once and *bytes becomes NULL, so that the
 * input is not held twice while the tree is built. */
gw_text *gw_check_take(char **bytes, size_t len, const gw_check_options *opt, gw_diags *out,
                       gw_error *err);
/* The same rules over a text the caller has already decoded from bytes and
 * parsed into doc (gw_parse(t)), so a converter need not do either twice.
 * Decoding warnings in t make the encoding rule look at bytes. Appends to
 * out; returns GW_OK, or GW_ERR_NOMEM with err set. Borrows everything. */
gw_status gw_check_parsed(const char *bytes, size_t len, const gw_text *t, const gw_document *doc,
                          const gw_check_options *opt, gw_diags *out, gw_error *err);

/* What the checker reads of a tree's ranges besides the rules (where
 * paragraphs start, where markers end), recorded as gw_parse_marked
 * builds the tree, so that gw_check_bytes neither splits the text again
 * nor walks every element for it. */
typedef struct {
    gw_lines lines;        /* the text's lines, as the parse split them */
    unsigned char *starts; /* starts[i]: an element (not a page) begins on line i + 1 */
    size_t *num_end;       /* num_end[i]: the end of a one-line num on line i + 1, or 0 */
} gw_parse_marks;
/* gw_parse(t, NULL, err) that also fills *marks (gw_parse_marks_free it,
 * also after a failure), for the checker alone: the root lacks what
 * gw_provenance_add records (generator, line-end, Dublin Core, the schema
 * link), which no rule reads, and the ranges stay beside the tree
 * (gw_ranges_find; the rules read them through tree_read.c). In tree.c. */
gw_document *gw_parse_marked(const gw_text *t, gw_parse_marks *marks, gw_error *err);
void gw_parse_marks_free(gw_parse_marks *marks);
/* The `gongwen check` command: argv[0] is "check", then its options and
 * files. Returns the exit status: 0 nothing at or above --fail-on, 1 some,
 * 2 usage or I/O error. */
int gw_check_main(int argc, char **argv);

#endif
