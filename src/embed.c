/* Diagnostics into the tree (see embed.h). */
#include "embed.h"
#include "names.h"
#include "utf8.h"

#include <stdio.h>
#include <stdlib.h>

static int set_number(xmlNodePtr node, const char *name, unsigned long v)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%lu", v);
    return xmlNewProp(node, BAD_CAST name, BAD_CAST buf) != NULL;
}

static int add_one(xmlNodePtr parent, xmlNsPtr ns, const gw_diag *d)
{
    xmlNodePtr e = xmlNewChild(parent, ns, BAD_CAST GW_E_DIAGNOSTIC, NULL);
    if (!e)
        return 0;
    /* a message may quote characters XML cannot carry; no exact copy is owed */
    char *msg = gw_utf8_scrub(d->message ? d->message : "", 0xFFFD);
    int ok = msg && xmlNewProp(e, BAD_CAST GW_A_RULE, BAD_CAST d->rule) &&
             xmlNewProp(e, BAD_CAST GW_A_SEVERITY, BAD_CAST gw_severity_name(d->severity)) &&
             set_number(e, GW_A_LINE, d->line) && set_number(e, GW_A_COLUMN, d->column) &&
             set_number(e, GW_A_END_LINE, d->end_line) &&
             set_number(e, GW_A_END_COLUMN, d->end_column) &&
             xmlNewProp(e, BAD_CAST GW_A_MESSAGE, BAD_CAST msg);
    free(msg);
    return ok;
}

gw_status gw_embed_diagnostics(gw_document *doc, const gw_diags *d, gw_error *err)
{
    xmlNodePtr root = xmlDocGetRootElement(gw_document_xml(doc));
    xmlNodePtr list = root ? xmlNewChild(root, root->ns, BAD_CAST GW_E_DIAGNOSTICS, NULL) : NULL;
    if (!list)
        return gw_fail(err, GW_ERR_NOMEM, 0, 0, "out of memory");
    for (size_t i = 0; i < d->n; i++)
        if (!add_one(list, root->ns, &d->v[i]))
            return gw_fail(err, GW_ERR_NOMEM, 0, 0, "out of memory");
    return GW_OK;
}
