/* `gongwen --diagnostics=embed`: `gongwen check`'s findings written into
 * the document tree, so that archives keep them with the record and user
 * stylesheets can show them. */
#ifndef GW_EMBED_H
#define GW_EMBED_H

#include "diag.h"
#include "gongwen.h"

/* Appends a <diagnostics> element to the report root holding one empty
 * <diagnostic> per entry of d, in d's order. The messages go into
 * attributes, so the text content of the tree, and with it the lossless
 * rule, is unchanged. doc keeps ownership of everything added; d is only
 * read. Returns GW_OK, or GW_ERR_NOMEM with err set. */
gw_status gw_embed_diagnostics(gw_document *doc, const gw_diags *d, gw_error *err);

/* Runs the checker (all rules, default options) over doc, just parsed from
 * text, decoded from bytes[0..len), and embeds its findings, sorted; their
 * number goes to *count when count is not NULL. Borrows everything. */
gw_status gw_embed_check(const char *bytes, size_t len, const gw_text *text, gw_document *doc,
                         size_t *count, gw_error *err);

#endif
