/* Stylesheet parameters checked against the stylesheet's own declarations
 * (see params.h). */
#include "params.h"
#include "intl.h"

#include <libxslt/imports.h>

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* The top-level xsl:param named name, the importing stylesheet's first
 * (it overrides its imports'), or NULL. */
static xmlNodePtr declaration(xsltStylesheetPtr sheet, const char *name)
{
    for (xsltStylesheetPtr s = sheet; s; s = xsltNextImport(s))
        for (xsltStackElemPtr v = s->variables; v; v = v->next)
            if (v->comp && v->comp->type == XSLT_FUNC_PARAM && !v->nameURI &&
                xmlStrEqual(v->name, BAD_CAST name))
                return v->comp->inst;
    return NULL;
}

/* The gw:accept attribute of the param, or NULL. */
static const char *accepts(xmlNodePtr param)
{
    for (xmlAttrPtr a = param ? param->properties : NULL; a; a = a->next)
        if (a->ns && xmlStrEqual(a->ns->href, BAD_CAST GW_PARAM_NS) &&
            xmlStrEqual(a->name, BAD_CAST "accept") && a->children &&
            a->children->type == XML_TEXT_NODE && !a->children->next)
            return (const char *)a->children->content;
    return NULL;
}

/* An integer written in decimal digits (a sign allowed), into *n. */
static int integer(const char *s, size_t len, long *n)
{
    char buf[24];
    if (len == 0 || len >= sizeof buf)
        return 0;
    memcpy(buf, s, len);
    buf[len] = '\0';
    size_t i = buf[0] == '-' || buf[0] == '+';
    if (buf[i] == '\0' || strspn(buf + i, "0123456789") != len - i)
        return 0;
    errno = 0;
    *n = strtol(buf, NULL, 10);
    return errno == 0;
}

/* The alternative alt[0..len) as a range "N..M" or "N..": its bounds
 * (hi LONG_MAX when open). */
static int range(const char *alt, size_t len, long *lo, long *hi)
{
    const char *dots = memchr(alt, '.', len);
    if (!dots || dots + 1 >= alt + len || dots[1] != '.' || !integer(alt, (size_t)(dots - alt), lo))
        return 0;
    size_t rest = len - (size_t)(dots + 2 - alt);
    *hi = LONG_MAX;
    return rest == 0 || integer(dots + 2, rest, hi);
}

static int allowed(const char *accept, const char *value)
{
    size_t vlen = strlen(value);
    for (const char *a = accept + strspn(accept, " "); *a; a += strspn(a, " ")) {
        size_t k = strcspn(a, " ");
        long lo, hi, n;
        if (range(a, k, &lo, &hi) ? integer(value, vlen, &n) && n >= lo && n <= hi
                                  : k == vlen && !strncmp(a, value, k))
            return 1;
        a += k;
    }
    return 0;
}

/* Appends s to buf (of cap bytes, holding *len), cut short if need be. */
static void put(char *buf, size_t cap, size_t *len, const char *s)
{
    int n = snprintf(buf + *len, cap - *len, "%s", s);
    if (n > 0)
        *len += (size_t)n < cap - *len ? (size_t)n : cap - *len - 1;
}

/* "an integer from 0 to 5", "crlf or lf": what accept allows, in words. */
static void describe(const char *accept, char *buf, size_t cap)
{
    size_t len = 0, count = 0, i = 0;
    buf[0] = '\0';
    for (const char *a = accept + strspn(accept, " "); *a; a += strspn(a, " "), count++)
        a += strcspn(a, " ");
    for (const char *a = accept + strspn(accept, " "); *a; a += strspn(a, " "), i++) {
        size_t k = strcspn(a, " ");
        char word[64], item[160];
        snprintf(word, sizeof word, "%.*s", (int)(k < 63 ? k : 63), a);
        long lo, hi;
        if (range(a, k, &lo, &hi) && hi == LONG_MAX)
            snprintf(item, sizeof item, _("an integer from %ld up"), lo);
        else if (range(a, k, &lo, &hi))
            snprintf(item, sizeof item, _("an integer from %ld to %ld"), lo, hi);
        else
            snprintf(item, sizeof item, "%s", word);
        if (i > 0)
            put(buf, cap, &len, i + 1 == count ? _(" or ") : _(", "));
        put(buf, cap, &len, item);
        a += k;
    }
}

/* The names of sheet's parameters, comma-separated, each once. */
static void names(xsltStylesheetPtr sheet, char *buf, size_t cap)
{
    size_t len = 0;
    buf[0] = '\0';
    for (xsltStylesheetPtr s = sheet; s; s = xsltNextImport(s))
        for (xsltStackElemPtr v = s->variables; v; v = v->next) {
            if (!v->comp || v->comp->type != XSLT_FUNC_PARAM || v->nameURI ||
                declaration(sheet, (const char *)v->name) != v->comp->inst)
                continue;
            if (len)
                put(buf, cap, &len, _(", "));
            put(buf, cap, &len, (const char *)v->name);
        }
}

gw_status gw_params_check(xsltStylesheetPtr sheet, const char *const *params, gw_error *err)
{
    for (size_t i = 0; params && params[i] && params[i + 1]; i += 2) {
        xmlNodePtr decl = declaration(sheet, params[i]);
        char list[384];
        if (!decl) {
            names(sheet, list, sizeof list);
            if (!list[0])
                return gw_fail(err, GW_ERR_USAGE, 0, 0,
                               _("unknown parameter '%s': the stylesheet takes none"), params[i]);
            return gw_fail(err, GW_ERR_USAGE, 0, 0,
                           _("unknown parameter '%s': the stylesheet takes %s"), params[i], list);
        }
        const char *accept = accepts(decl);
        if (accept && !allowed(accept, params[i + 1])) {
            describe(accept, list, sizeof list);
            return gw_fail(err, GW_ERR_USAGE, 0, 0, _("parameter %s wants %s, not '%s'"), params[i],
                           list, params[i + 1]);
        }
    }
    return GW_OK;
}
