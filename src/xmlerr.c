#include "xmlerr.h"
#include "intl.h"

#include <libxml/globals.h>
#include <stdio.h>

static void on_error(void *data, xmlErrorPtr e)
{
    gw_xmlerr *w = data;
    if (e->code == XML_ERR_NO_MEMORY) {
        /* the caller says so once, in its own words */
        w->status = GW_ERR_NOMEM;
        return;
    }
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
    w->old_handler = xmlStructuredError;
    w->old_data = xmlStructuredErrorContext;
    xmlSetStructuredErrorFunc(w, on_error);
}

gw_status gw_xmlerr_end(gw_xmlerr *w)
{
    xmlSetStructuredErrorFunc(w->old_data, w->old_handler);
    return w->status;
}

gw_status gw_new_prop(xmlNodePtr node, const char *name, const char *value)
{
    xmlAttrPtr a = xmlNewProp(node, BAD_CAST name, BAD_CAST value);
    return a && a->name ? GW_OK : GW_ERR_NOMEM;
}
