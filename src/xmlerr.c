#include "xmlerr.h"
#include "intl.h"

#include <libxml/globals.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

int gw_xmlerr_is_nomem(const xmlError *e)
{
    /* XML_IO_ENOMEM: a file libxml2 reads (a stylesheet, one it includes)
     * whose buffer or gzip/xz state could not be allocated; libxml2 then
     * calls the file empty, which is no fault of the file */
    return e->code == XML_ERR_NO_MEMORY || e->code == XML_XPATH_MEMORY_ERROR ||
           e->code == XML_IO_ENOMEM;
}

static void on_error(void *data, xmlErrorPtr e)
{
    gw_xmlerr *w = data;
    int last = w->last_code;
    w->last_code = e->code;
    /* libxml2 2.9 follows "AttValue length too long" (a limit, the input's
     * fault) with a report of no memory: that one is not believed */
    if (e->code == XML_ERR_NO_MEMORY && last == XML_ERR_ATTRIBUTE_NOT_FINISHED)
        return;
    if (gw_xmlerr_is_nomem(e)) {
        /* the caller says so once, in its own words */
        w->status = GW_ERR_NOMEM;
        return;
    }
    /* gongwen's results are written through its own sink, which says in its
     * own words why a write failed (--max-output, a full disk): libxml2's
     * bare "write error" after it would only confuse */
    if (e->domain == XML_FROM_OUTPUT || e->code == XML_IO_WRITE || w->quiet)
        return;
    if (e->file) {
        gw_put_name(stderr, e->file);
        fprintf(stderr, ":%d: %s", e->line, e->message ? e->message : "error\n");
    } else {
        fprintf(stderr, "%s", e->message ? e->message : "error\n");
    }
}

void gw_xmlerr_begin(gw_xmlerr *w)
{
    w->status = GW_OK;
    w->last_code = 0;
    w->quiet = 0;
    w->old_handler = xmlStructuredError;
    w->old_data = xmlStructuredErrorContext;
    xmlSetStructuredErrorFunc(w, on_error);
}

gw_status gw_xmlerr_end(gw_xmlerr *w)
{
    xmlSetStructuredErrorFunc(w->old_data, w->old_handler);
    return w->status;
}

/* Room for the text libxml2 keeps in a text node itself: the properties
 * and nsDef fields, unused in a text node, as its parser does for short
 * strings with XML_PARSE_COMPACT (xmlSAX2TextNode). */
#define INLINE_MAX (2 * sizeof(void *))

xmlNodePtr gw_new_text(xmlDocPtr doc, const char *s, size_t len)
{
    if (len >= INLINE_MAX)
        return len > INT_MAX ? NULL : xmlNewDocTextLen(doc, BAD_CAST s, (int)len);
    xmlNodePtr t = xmlNewDocText(doc, NULL);
    if (t) {
        /* libxml2 2.9 frees, grows or replaces such content knowing it is
         * no allocation of its own (xmlFreeNode, xmlFreeNodeList,
         * xmlNodeAddContentLen, xmlNodeSetContent, xmlTextConcat) */
        t->content = (xmlChar *)&t->properties;
        memcpy(t->content, s, len);
        t->content[len] = '\0';
    }
    return t;
}

gw_status gw_new_prop(xmlNodePtr node, const char *name, const char *value)
{
    size_t len = strlen(value);
    if (len >= INLINE_MAX) {
        xmlAttrPtr a = xmlNewProp(node, BAD_CAST name, BAD_CAST value);
        return a && a->name ? GW_OK : GW_ERR_NOMEM;
    }
    /* most values are short (line and column numbers, five on every
     * element): kept in their text node, they cost no allocation of their
     * own (a sixth of -t xml's peak went to these copies and their malloc
     * headers). No DTD and no xml:id here, so xmlNewProp would register
     * no ID for the value either. */
    xmlAttrPtr a = xmlNewProp(node, BAD_CAST name, NULL);
    if (!a || !a->name)
        return GW_ERR_NOMEM;
    xmlNodePtr t = gw_new_text(node ? node->doc : NULL, value, len);
    if (!t)
        return GW_ERR_NOMEM;
    t->parent = (xmlNodePtr)a;
    a->children = a->last = t;
    return GW_OK;
}
