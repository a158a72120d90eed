/* Properties every compiled document must have, shared by the unit tests
 * and the fuzz harness. */
#ifndef GW_INVARIANTS_H
#define GW_INVARIANTS_H

#include <libxml/tree.h>
#include <stddef.h>

/* s without white space, with characters XML cannot hold mapped as
 * <ctl> shows them (map_controls); malloc'ed, NULL when out of memory. */
char *gw_inv_compact(const char *s, size_t len, int map_controls);

/* NULL when the text content of doc, white space removed, equals the
 * source's; else a malloc'ed description of the first difference. */
char *gw_inv_lossless(xmlDocPtr doc, const char *src, size_t len);

/* n, or the first element node after it; NULL when there is none. */
xmlNodePtr gw_inv_next_element(xmlNodePtr n);

/* NULL when a and b are the same tree, text to the byte, leaving out the
 * indentation between children of elements that hold no text; else the
 * name of the first element that differs. */
const char *gw_inv_same_tree(xmlNodePtr a, xmlNodePtr b);

#endif
