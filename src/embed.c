/* Diagnostics into the tree (see embed.h). */
#include "embed.h"
#include "names.h"
#include "utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A message may quote the input, and the input may hold characters that
 * XML cannot carry; in an attribute they would make the document
 * ill-formed, and the message needs no exact copy, so they become U+FFFD.
 * Returns a malloc'ed string, or NULL when out of memory. */
static char *xml_safe(const char *s)
{
    size_t len = strlen(s), o = 0;
    char *out = malloc(len * 3 + 1); /* U+FFFD is 3 bytes, a byte at least 1 */
    if (!out)
        return NULL;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = gw_utf8_decode(s + i, len - i, &cp);
        if (n == 0 || gw_is_xml_forbidden(cp)) {
            o += gw_utf8_encode(0xFFFD, out + o);
            i += n ? n : 1;
        } else {
            memcpy(out + o, s + i, n);
            o += n;
            i += n;
        }
    }
    out[o] = '\0';
    return out;
}

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
    char *msg = xml_safe(d->message ? d->message : "");
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
