/* The parts of a .docx reader: the ZIP package (docx_parts.c), list
 * numbering (docx_num.c) and the document walk (docx.c). */
#ifndef GW_DOCX_H
#define GW_DOCX_H

#include "gongwen.h"

#include <stddef.h>

#include <libxml/tree.h>

/* ---- the package --------------------------------------------------- */

typedef struct gw_package gw_package;

/* Opens the ZIP in bytes (borrowed: must outlive the package). Refuses
 * entry names that climb out (../, absolute). NULL with err set. */
gw_package *gw_package_open(const char *bytes, size_t len, gw_error *err);
void gw_package_close(gw_package *p);

/* The part named name parsed as XML (no network, no entities), or NULL:
 * *missing set when the package has no such part (err untouched), else err
 * says why (too large, compressed beyond any document, not XML). The
 * caller frees with xmlFreeDoc. */
xmlDocPtr gw_package_xml(gw_package *p, const char *name, int *missing, gw_error *err);

/* Number of entries, and entry i's name (borrowed), for headers/footers. */
size_t gw_package_count(gw_package *p);
const char *gw_package_name(gw_package *p, size_t i);

/* ---- WordprocessingML helpers ------------------------------------------ */

/* Whether node is the WordprocessingML element local (any namespace whose
 * URI names wordprocessingml: transitional or strict). */
int gw_w_is(const xmlNode *node, const char *local);
/* The value of the attribute local of node, any prefix (borrowed), or NULL. */
const char *gw_w_attr(const xmlNode *node, const char *local);
/* The first child element of node that is w:local, or NULL. */
xmlNode *gw_w_child(const xmlNode *node, const char *local);

/* ---- numbering ------------------------------------------------------------ */

typedef struct gw_numbering gw_numbering;

/* From numbering.xml (may be NULL: no lists). NULL only when out of memory. */
gw_numbering *gw_numbering_new(xmlDocPtr numbering);
void gw_numbering_free(gw_numbering *n);

/* The marker a reader sees before paragraph p (its w:pPr/w:numPr), counted
 * in document order: written to out (cap bytes, NUL-terminated, empty for
 * none or a bullet). */
void gw_numbering_next(gw_numbering *n, const xmlNode *ppr, char *out, size_t cap);

#endif
