/* The parts of a .docx reader: the ZIP package (docx_parts.c), list
 * numbering (docx_num.c), styles (docx_style.c) and the document walk
 * (docx.c). */
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

/* ---- styles --------------------------------------------------------------- */

typedef struct gw_wstyles gw_wstyles;

/* From styles.xml (may be NULL: no styles). Borrows nothing: the styles
 * doc may be freed after. NULL only when out of memory. */
gw_wstyles *gw_wstyles_new(xmlDocPtr styles);
void gw_wstyles_free(gw_wstyles *s);

/* Whether a run with properties rpr (its w:rPr, may be NULL) in a paragraph
 * with properties ppr (its w:pPr, may be NULL) shows bold: the run's own
 * w:b decides, else its character style and the paragraph's style (bold is
 * a toggle: the two together cancel; a heading style's bold, which is how
 * headings look, is left out), else the document's default. */
int gw_wstyles_bold(const gw_wstyles *s, const xmlNode *ppr, const xmlNode *rpr);

/* The list a paragraph belongs to: its own w:numPr, else its paragraph
 * style's (through w:basedOn). *num 0 when none; *ilvl 0 unless given. */
void gw_wstyles_numbering(const gw_wstyles *s, const xmlNode *ppr, int *num, int *ilvl);

/* The w:numId a style's own w:numPr names (a list style's list), or 0. */
int gw_wstyles_num(const gw_wstyles *s, const char *style_id);

/* ---- numbering ------------------------------------------------------------ */

typedef struct gw_numbering gw_numbering;

/* From numbering.xml (may be NULL: no lists), with the styles that list
 * styles name (borrowed for the call). NULL only when out of memory. */
gw_numbering *gw_numbering_new(xmlDocPtr numbering, const gw_wstyles *styles);
void gw_numbering_free(gw_numbering *n);

/* The marker a reader sees before a paragraph in list num (0: none) at
 * level ilvl (gw_wstyles_numbering), counted in document order: written to
 * out (cap bytes, NUL-terminated, empty for none or a bullet). */
void gw_numbering_next(gw_numbering *n, int num, int ilvl, char *out, size_t cap);

#endif
