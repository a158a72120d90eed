/* Diagnostics into the tree (see embed.h). */
#include "embed.h"
#include "checker.h"
#include "names.h"
#include "utf8.h"
#include "xmlerr.h"

#include <stdio.h>
#include <stdlib.h>

/* An attribute, unless an earlier one failed (*s). */
static void set_text(gw_status *s, xmlNodePtr node, const char *name, const char *value)
{
    if (*s == GW_OK)
        *s = gw_new_prop(node, name, value);
}

static void set_number(gw_status *s, xmlNodePtr node, const char *name, unsigned long v)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%lu", v);
    set_text(s, node, name, buf);
}

static gw_status add_one(xmlNodePtr parent, xmlNsPtr ns, const gw_diag *d)
{
    xmlNodePtr e = xmlNewChild(parent, ns, BAD_CAST GW_E_DIAGNOSTIC, NULL);
    if (!e)
        return GW_ERR_NOMEM;
    /* a message may quote characters XML cannot carry; no exact copy is owed */
    char *msg = gw_utf8_scrub(d->message ? d->message : "", 0xFFFD);
    gw_status s = msg ? GW_OK : GW_ERR_NOMEM;
    set_text(&s, e, GW_A_RULE, d->rule);
    set_text(&s, e, GW_A_SEVERITY, gw_severity_name(d->severity));
    set_number(&s, e, GW_A_LINE, d->line);
    set_number(&s, e, GW_A_COLUMN, d->column);
    set_number(&s, e, GW_A_END_LINE, d->end_line);
    set_number(&s, e, GW_A_END_COLUMN, d->end_column);
    set_text(&s, e, GW_A_MESSAGE, msg);
    free(msg);
    return s;
}

gw_status gw_embed_diagnostics(gw_document *doc, const gw_diags *d, gw_error *err)
{
    /* xmlNewProp keeps an attribute whose value it could not copy */
    gw_xmlerr w;
    gw_xmlerr_begin(&w);
    xmlNodePtr root = xmlDocGetRootElement(gw_document_xml(doc));
    xmlNodePtr list = root ? xmlNewChild(root, root->ns, BAD_CAST GW_E_DIAGNOSTICS, NULL) : NULL;
    gw_status s = list ? GW_OK : GW_ERR_NOMEM;
    for (size_t i = 0; s == GW_OK && i < d->n; i++)
        s = add_one(list, root->ns, &d->v[i]);
    if (gw_xmlerr_end(&w) != GW_OK || s != GW_OK)
        return gw_fail_nomem(err);
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
