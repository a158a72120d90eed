/* Where each element stands in the source, kept beside the tree while it
 * is built.
 *
 * Four attributes on every element (line, column, end-line, end-column)
 * were two fifths of -t xml's peak memory: libxml2 2.9 holds each as an
 * xmlAttr and a text node, about 250 bytes with malloc's headers, where
 * the four numbers need 40. A tree that is only serialized keeps them
 * here (xmlout.c writes them where the attributes would stand); any
 * other use gets them as attributes (gw_ranges_attach).
 *
 * An element's record is found through its _private field (the record's
 * index plus one), which libxml2 leaves to the application. Records are
 * owned by the gw_ranges; gw_ranges_free releases them. */
#ifndef GW_RANGES_H
#define GW_RANGES_H

#include "gongwen.h"

#include <libxml/tree.h>
#include <stdint.h>

/* 32 bits a number: a record is 20 bytes where longs would take 40. A
 * line or column beyond that needs over 4 GB of text, past what libxml2
 * holds in one text node (INT_MAX bytes) anyway. */
typedef struct {
    uint32_t line, column, end_line, end_column;
    uint32_t pos; /* how many of the element's attributes come before these */
} gw_range_rec;

typedef struct {
    gw_range_rec *v;
    size_t n, cap;
} gw_ranges;

/* Gives node the range v (line, column, end-line, end-column), standing
 * after the attributes node has now; a second call replaces the numbers
 * and keeps the place. GW_ERR_NOMEM when the store cannot grow or a
 * number is over 32 bits. */
gw_status gw_ranges_set(gw_ranges *r, xmlNodePtr node, const long v[4]);

/* node's record, or NULL when it has none. */
gw_range_rec *gw_ranges_of(const gw_ranges *r, const xmlNode *node);

/* Writes every record below (and at) root into its element as the four
 * attributes, in their place, and empties the store; afterwards the
 * tree is what it would be had the attributes been set directly. On
 * GW_ERR_NOMEM the tree is partly attached and must be freed. */
gw_status gw_ranges_attach(gw_ranges *r, xmlNodePtr root);

/* gw_ranges_attach of the line attribute alone; the other three are
 * dropped. For a tree whose one use left is a stylesheet of xslt/, which
 * read @line and no other range (tests/formats.sh holds them to it): a
 * quarter of the attributes, a fifth less memory for -t html. */
gw_status gw_ranges_attach_lines(gw_ranges *r, xmlNodePtr root);

void gw_ranges_free(gw_ranges *r);

/* The record of node in the store its document keeps beside it (the
 * tree of gw_parse_lean and of the checker's parse: the document's
 * _private points at the store), or NULL. tree_read.c reads ranges
 * through it, so that the rules read a lean tree as an attached one. */
const gw_range_rec *gw_ranges_find(const xmlNode *node);

/* The tree of doc as it is, its ranges perhaps still beside it (read
 * them with gw_ranges_find); gw_document_xml attaches them first. */
const xmlDoc *gw_document_tree(const gw_document *doc);

/* Attaches the line numbers of doc's ranges beside it and drops the rest
 * (gw_ranges_attach_lines), for a document that is next given to a
 * stylesheet of xslt/ and then freed. GW_ERR_NOMEM leaves a tree that must
 * only be freed. */
gw_status gw_document_keep_lines(gw_document *doc);

/* The names of the four, in their order. */
extern const char *const gw_range_names[4];

/* Writes v (>= 0; line and column numbers) in decimal into buf (room for
 * 24 bytes); returns where in buf it starts. snprintf costs more than the
 * rest of an attribute when every element has four of them. */
char *gw_decimal(char buf[24], long v);

#endif
