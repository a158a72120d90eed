/* `gongwen lsp`: a Language Server Protocol server over standard input and
 * output. lsp.c reads and dispatches the messages, lsp_io.c frames them,
 * lsp_doc.c keeps the open documents and converts positions, lsp_features.c
 * answers diagnostics, symbols, folding and hover, lsp_fix.c code actions.
 *
 * Positions: LSP counts lines from 0 and characters in UTF-16 code units;
 * the tree and the checker count lines from 1 and characters in code
 * points. Every conversion between the two goes through lsp_doc.c. */
#ifndef GW_LSP_H
#define GW_LSP_H

#include "checker.h"
#include "gongwen.h"

#include <json-c/json.h>
#include <stdint.h>

/* The largest message content accepted; a larger one is skipped unread. */
#define GW_LSP_MAX_MESSAGE ((size_t)64 << 20)

/* The `gongwen lsp` command: argv[0] is "lsp". Serves until the exit
 * notification (or the end of input) and returns the exit status. */
int gw_lsp_main(int argc, char **argv);

/* ---- framing (lsp_io.c) ----------------------------------------------- */

typedef struct {
    int fd;
    char *buf; /* owned; bytes [start, len) are read but not consumed */
    size_t start, len, cap;
    size_t skip; /* content bytes of an oversized message still to drop */
} gw_lsp_reader;

#define GW_LSP_EOF 0
#define GW_LSP_MESSAGE 1
#define GW_LSP_BAD_FRAME (-1)

/* Reads the next message. GW_LSP_MESSAGE: *body is its content, malloc'ed,
 * NUL-terminated, *len bytes. GW_LSP_BAD_FRAME: a header or message that
 * could not be used was skipped, *why says what (static). GW_LSP_EOF: the
 * input ended (or failed). */
int gw_lsp_read(gw_lsp_reader *r, char **body, size_t *len, const char **why);
/* Whether input is waiting: buffered, or readable without blocking. */
int gw_lsp_pending(const gw_lsp_reader *r);
void gw_lsp_reader_free(gw_lsp_reader *r);
/* Writes msg with its Content-Length header and flushes; 0, or -1 when it
 * could not be serialized or written. Borrows msg. */
int gw_lsp_write(FILE *fp, json_object *msg);

/* ---- documents (lsp_doc.c) -------------------------------------------- */

typedef struct {
    unsigned long line, character; /* 0-based; UTF-16 code units */
} gw_lsp_pos;

typedef struct gw_lsp_doc {
    char *uri;       /* owned */
    int64_t version; /* the client's */
    char *text;      /* owned, valid UTF-8, NUL-terminated (may hold NULs) */
    size_t len;
    size_t *starts; /* owned: byte offset where each line begins */
    size_t nlines;  /* LSP lines: a final line end opens an empty one */
    int dirty;      /* changed since diagnostics were last published */
    /* the analysis of text, made on demand (gw_lsp_doc_analyse) */
    int analysed;
    size_t shown; /* findings published, the first by position; 0: all */
    int bom;      /* the decoded text lost a BOM, so line 1 shifts by one */
    gw_text *decoded;
    gw_document *tree;
    gw_diags diags; /* sorted */
    struct gw_lsp_doc *next;
} gw_lsp_doc;

/* Opens (or replaces) the document uri with text (any bytes: what is not
 * UTF-8 becomes U+FFFD). Returns it (owned by *list), or NULL when out of
 * memory. */
gw_lsp_doc *gw_lsp_doc_open(gw_lsp_doc **list, const char *uri, int64_t version, const char *text,
                            size_t len);
gw_lsp_doc *gw_lsp_doc_find(gw_lsp_doc *list, const char *uri);
/* Removes and frees the document uri; 0, or -1 when none is open. */
int gw_lsp_doc_close(gw_lsp_doc **list, const char *uri);
void gw_lsp_docs_free(gw_lsp_doc *list);

/* Replaces [from, to) (positions, clamped into the text and put in order)
 * with text, or the whole document when whole is set. 0, or -1 when out of
 * memory (the document is then unchanged). */
int gw_lsp_doc_edit(gw_lsp_doc *d, int whole, gw_lsp_pos from, gw_lsp_pos to, const char *text,
                    size_t len);

/* Parses and checks the text unless that is done already; 0, or -1 when
 * out of memory. */
int gw_lsp_doc_analyse(gw_lsp_doc *d, const gw_check_options *opt);

/* Byte offsets of line (0-based) and the end of its content (before the
 * line end); a line past the end is the end of the text. */
size_t gw_lsp_line_start(const gw_lsp_doc *d, unsigned long line);
size_t gw_lsp_line_end(const gw_lsp_doc *d, unsigned long line);
/* Byte offset of an LSP position, clamped to its line's content; a
 * position inside a character stands for the character's start. */
size_t gw_lsp_offset(const gw_lsp_doc *d, gw_lsp_pos p);
gw_lsp_pos gw_lsp_position(const gw_lsp_doc *d, size_t offset);
/* Byte offset of a tree or checker position: line 1-based, column in
 * code points (1-based) of the decoded text, clamped into the text. */
size_t gw_lsp_offset_of(const gw_lsp_doc *d, unsigned long line, unsigned long column);
/* Whether line (1-based) holds only white space. */
int gw_lsp_line_blank(const gw_lsp_doc *d, unsigned long line);
/* Where the marker text num is written on line (1-based), from its first
 * non-space character on: 1 and [*from, *to) in bytes, or 0. */
int gw_lsp_find_marker(const gw_lsp_doc *d, unsigned long line, const char *num, size_t *from,
                       size_t *to);

/* JSON for a position and for the range of bytes [from, to); NULL when out
 * of memory. */
json_object *gw_lsp_json_pos(const gw_lsp_doc *d, size_t offset);
json_object *gw_lsp_json_range(const gw_lsp_doc *d, size_t from, size_t to);
/* Reads a {line, character} object; 0, or -1 when it is not one. */
int gw_lsp_read_pos(json_object *o, gw_lsp_pos *p);
/* obj[key] = val, taking val; 0, or -1 (val freed) when val is NULL or
 * the member could not be added. */
int gw_lsp_set(json_object *obj, const char *key, json_object *val);

/* ---- features (lsp_features.c, lsp_fix.c) ------------------------------ */

/* Each returns the result of the request for an analysed document (a new
 * object the caller owns; json null is NULL too, so *oom tells whether
 * NULL means out of memory). */
json_object *gw_lsp_diagnostics(const gw_lsp_doc *d, int *oom);
json_object *gw_lsp_symbols(const gw_lsp_doc *d, int *oom);
json_object *gw_lsp_folding(const gw_lsp_doc *d, int *oom);
json_object *gw_lsp_hover(const gw_lsp_doc *d, gw_lsp_pos at, int *oom);
/* Quick fixes for the diagnostics on lines [first, last] (0-based). */
json_object *gw_lsp_code_actions(const gw_lsp_doc *d, unsigned long first, unsigned long last,
                                 int *oom);

/* Tree helpers shared by the features: the element's first line (its
 * line attribute, else its first descendant's; 0 if none), and the last
 * line it covers (up to the next element that follows it, blank lines
 * left out). */
unsigned long gw_lsp_first_line(const xmlNode *n);
unsigned long gw_lsp_last_line(const gw_lsp_doc *d, const xmlNode *n);
/* The element (section, box, item, note) whose marker covers byte offset
 * at of line (1-based), found below parent; the marker's bytes in *from,
 * *to and its text in *num (malloc'ed). NULL if none. */
const xmlNode *gw_lsp_marker_at(const gw_lsp_doc *d, const xmlNode *parent, unsigned long line,
                                size_t at, size_t *from, size_t *to, char **num);
/* A checker diagnostic as an LSP Diagnostic; NULL when out of memory. */
json_object *gw_lsp_json_diag(const gw_lsp_doc *d, const gw_diag *g);

#endif
