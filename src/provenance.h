/* Where a tree came from, recorded on its root: the generator, the input's
 * checksum, size and line ends, the source's name, an optional conversion
 * time, Dublin Core title/date/creator from the front matter, and an
 * <?xml-model?> link to the schema (grammar/README.md, "Provenance"). */
#ifndef GW_PROVENANCE_H
#define GW_PROVENANCE_H

#include "gongwen.h"

/* Adds the provenance to doc's root (built by gw_parse_with from txt).
 * Returns GW_OK, or GW_ERR_NOMEM with err set. */
gw_status gw_provenance_add(xmlDocPtr doc, const gw_text *txt, const gw_parse_options *opts,
                            gw_error *err);

/* "lf", "crlf", "cr", "mixed", or NULL for a text without line ends. */
const char *gw_line_end_style(const char *s, size_t len);

/* The first date written 2024年1月21日 in s as 2024-01-21 into out (at
 * least 11 bytes); 0 when there is none. */
int gw_find_date(const char *s, char out[11]);

#endif
