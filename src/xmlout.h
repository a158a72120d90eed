/* The tree as indented XML, written by gongwen itself: what libxml2's
 * xmlSaveFormatFileTo(buf, doc, "UTF-8", 1) writes, byte for byte, with
 * the source ranges kept beside the tree (ranges.h) written where their
 * attributes would stand. It writes the nodes gw_parse makes (elements,
 * text, processing instructions, comments, CDATA); a tree a caller changed
 * goes through libxml2 (tree.c). */
#ifndef GW_XMLOUT_H
#define GW_XMLOUT_H

#include "gongwen.h"
#include "ranges.h"

#include <libxml/tree.h>

/* GW_OK, GW_ERR_IO once write refused (nothing is written after), or
 * GW_ERR_NOMEM. r may be NULL (no ranges beside the tree). */
gw_status gw_xml_write(const xmlDoc *doc, const gw_ranges *r, gw_write_fn write, void *ctx);

/* gw_parse_with for a tree that is only to be serialized: its ranges stay
 * beside it (ranges.h) until gw_document_xml attaches them, which then
 * returns NULL if it runs out of memory. gw_serialize_xml_to writes such
 * a tree with gw_xml_write. */
gw_document *gw_parse_lean(const gw_text *text, const gw_parse_options *opts, gw_error *err);

#endif
