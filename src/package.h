/* Zip packages (.docx, .odt) from the one XML document a stylesheet writes
 * to describe them, so that stylesheets stay text-in, XML-out and the
 * archive format lives in C.
 *
 * Two descriptions are understood, both real formats of their own:
 *   - Word's Flat OPC: pkg:package holding pkg:part elements (pkg:name,
 *     pkg:contentType, pkg:xmlData with the part's root element). Each part
 *     becomes a zip entry; [Content_Types].xml is made from the parts.
 *   - Flat OpenDocument: office:document (office:mimetype). It is split as
 *     ODF packages want it: mimetype (first, stored), content.xml,
 *     styles.xml, meta.xml and META-INF/manifest.xml.
 * Entries carry a fixed date, so the same document gives the same bytes. */
#ifndef GW_PACKAGE_H
#define GW_PACKAGE_H

#include "gongwen.h"

#include <libxml/tree.h>

/* 1 when doc's root is one of the package descriptions above. */
int gw_package_is(const xmlDoc *doc);

/* Zips the package doc describes into a malloc'ed buffer (*out, *len),
 * owned by the caller. doc is only read. */
gw_status gw_package_zip(const xmlDoc *doc, char **out, size_t *len, gw_error *err);

#endif
