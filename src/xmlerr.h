/* libxml2 and libxslt error reports, captured around calls into them so
 * that an allocation failure is noticed.
 *
 * libxml2 reports every failed allocation through its error handler but in
 * places goes on with the NULL it got (xmlNewNs keeps a NULL href, a text
 * node loses its content), so checking return values is not enough: the
 * result would be a tree that is silently wrong. A capture installed around
 * such calls sees the report and lets the caller fail with GW_ERR_NOMEM.
 * The capture lives on the caller's stack; no state is global. */
#ifndef GW_XMLERR_H
#define GW_XMLERR_H

#include "gongwen.h"

#include <libxml/tree.h>
#include <libxml/xmlerror.h>

typedef struct {
    gw_status status; /* GW_ERR_NOMEM once an allocation failed */
    int last_code;    /* of the error before, to tell a limit from no memory */
    int quiet;        /* set after begin: nothing printed (the caller words the failure) */
    xmlStructuredErrorFunc old_handler;
    void *old_data;
} gw_xmlerr;

/* Installs the watch; errors other than out-of-memory are printed to
 * standard error with their file and line, as libxml2 would, unless quiet
 * is set. */
void gw_xmlerr_begin(gw_xmlerr *w);
/* Restores the previous handler; GW_ERR_NOMEM when an allocation failed
 * meanwhile. Calling it again changes nothing. */
gw_status gw_xmlerr_end(gw_xmlerr *w);

/* Whether libxml2's report e says an allocation failed. */
int gw_xmlerr_is_nomem(const xmlError *e);

/* xmlNewProp, failing (GW_ERR_NOMEM) also when libxml2 made the attribute
 * but lost its name: a name interned in the document's dictionary comes
 * back NULL, unreported, when the dictionary cannot grow. */
gw_status gw_new_prop(xmlNodePtr node, const char *name, const char *value);

/* A text node of doc holding s[0..len) (NUL-free), as xmlNewDocTextLen
 * makes it; NULL when out of memory. Short text is kept in the node
 * itself, as libxml2's own parser keeps it, not in an allocation. */
xmlNodePtr gw_new_text(xmlDocPtr doc, const char *s, size_t len);

#endif
