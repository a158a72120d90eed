/* The mechanical fixes: what `gongwen lsp` offers as code actions and
 * `gongwen check --fix` applies. One implementation for both, over the
 * text model of lsp.h (gw_lsp_doc: valid UTF-8 text, its line index, the
 * tree and the diagnostics). Only what a machine can fix without doubt:
 * trailing white space is deleted; an ASCII , ; : ? ! ( ) between Chinese
 * characters becomes its full-width form; a numbering gap or duplicate
 * renumbers that marker and the ones after it in its run. No fix crosses
 * or changes a line end. */
#ifndef GW_FIX_H
#define GW_FIX_H

#include "lsp.h"

#include <stddef.h>

/* Replace bytes [from, to) of the document's text with text. */
typedef struct {
    size_t from, to;
    char *text; /* owned */
} gw_edit;

typedef struct {
    gw_edit *v; /* owned */
    size_t n, cap;
} gw_edits;

/* Appends an edit (text copied); 0, or -1 when out of memory. */
int gw_edits_add(gw_edits *e, size_t from, size_t to, const char *text);
void gw_edits_free(gw_edits *e);

/* The kinds of fix: local ones change one mark or run of spaces where the
 * diagnostic points; a renumbering changes the markers after it too. */
typedef enum { GW_FIX_NONE, GW_FIX_LOCAL, GW_FIX_RENUMBER } gw_fix_kind;

gw_fix_kind gw_fix_kind_of(const gw_diag *g);

/* The fix for diagnostic g of analysed document d: 1 with its edits
 * appended to e and a title (translated) for it in title[cap], 0 when
 * there is no sure fix (the text no longer holds what g describes, a
 * marker cannot be found), -1 when out of memory. */
int gw_fix_one(const gw_lsp_doc *d, const gw_diag *g, gw_edits *e, char *title, size_t cap);

/* Every sure fix of d whose kind is in the mask (1 << gw_fix_kind) as one
 * set of edits, sorted by position and never overlapping: a fix whose
 * edits would overlap another's is left for a later pass (two gaps in one
 * run). 0, or -1 when out of memory. */
int gw_fix_all(const gw_lsp_doc *d, unsigned mask, gw_edits *e);

/* text[0..len) with the sorted, disjoint edits applied: malloc'ed,
 * NUL-terminated, its length in *out_len; NULL when out of memory. */
char *gw_edits_apply(const char *text, size_t len, const gw_edits *e, size_t *out_len);

#endif
