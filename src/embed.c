/* Diagnostics into the tree (see embed.h). */
#include "embed.h"
#include "checker.h"
#include "names.h"
#include "utf8.h"
#include "xmlerr.h"

#include <stdio.h>
#include <stdlib.h>

static int set_number(xmlNodePtr node, const char *name, unsigned long v)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%lu", v);
    return gw_new_prop(node, name, buf);
}

static int add_one(xmlNodePtr parent, xmlNsPtr ns, const gw_diag *d)
{
    xmlNodePtr e = xmlNewChild(parent, ns, BAD_CAST GW_E_DIAGNOSTIC, NULL);
    if (!e)
        return 0;
    /* a message may quote characters XML cannot carry; no exact copy is owed */
    char *msg = gw_utf8_scrub(d->message ? d->message : "", 0xFFFD);
    int ok = msg && gw_new_prop(e, GW_A_RULE, d->rule) &&
             gw_new_prop(e, GW_A_SEVERITY, gw_severity_name(d->severity)) &&
             set_number(e, GW_A_LINE, d->line) && set_number(e, GW_A_COLUMN, d->column) &&
             set_number(e, GW_A_END_LINE, d->end_line) &&
             set_number(e, GW_A_END_COLUMN, d->end_column) && gw_new_prop(e, GW_A_MESSAGE, msg);
    free(msg);
    return ok;
}

gw_status gw_embed_diagnostics(gw_document *doc, const gw_diags *d, gw_error *err)
{
    /* xmlNewProp keeps an attribute whose value it could not copy */
    gw_xmlerr w;
    gw_xmlerr_begin(&w);
    xmlNodePtr root = xmlDocGetRootElement(gw_document_xml(doc));
    xmlNodePtr list = root ? xmlNewChild(root, root->ns, BAD_CAST GW_E_DIAGNOSTICS, NULL) : NULL;
    int ok = list != NULL;
    for (size_t i = 0; ok && i < d->n; i++)
        ok = add_one(list, root->ns, &d->v[i]);
    if (gw_xmlerr_end(&w) || !ok)
        return gw_fail(err, GW_ERR_NOMEM, 0, 0, "out of memory");
    return GW_OK;
}

gw_status gw_embed_check(const char *bytes, size_t len, const gw_text *text, gw_document *doc,
                         size_t *count, gw_error *err)
{
    gw_check_options copt = {0};
    gw_diags diags = {0};
    gw_status s = gw_check_parsed(bytes, len, text, doc, &copt, &diags, err);
    if (s == GW_OK) {
        gw_diags_sort(&diags);
        s = gw_embed_diagnostics(doc, &diags, err);
    }
    if (count)
        *count = diags.n;
    gw_diags_free(&diags);
    return s;
}
