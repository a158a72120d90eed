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

#endif
