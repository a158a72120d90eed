/* Provenance on the root (see provenance.h). Everything here is derived
 * from the input and the options, never from the machine, unless the
 * caller asks for a conversion time: output stays reproducible. */
#include "provenance.h"
#include "names.h"
#include "xmlerr.h"
#include "sha256.h"
#include "lines.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

const char *gw_line_end_style(const char *s, size_t len)
{
    size_t lf = 0, crlf = 0, cr = 0;
    for (size_t i = gw_line_break(s, len, 0); i < len; i = gw_line_break(s, len, i + 1)) {
        if (s[i] == '\r' && i + 1 < len && s[i + 1] == '\n') {
            crlf++;
            i++;
        } else if (s[i] == '\r') {
            cr++;
        } else {
            lf++;
        }
    }
    int kinds = (lf > 0) + (crlf > 0) + (cr > 0);
    if (kinds == 0)
        return NULL;
    if (kinds > 1)
        return GW_V_MIXED;
    return lf ? GW_V_LF : crlf ? GW_V_CRLF : GW_V_CR;
}

/* Digits at s (at most max), their value in *v; the number read. */
static size_t digits(const char *s, size_t max, int *v)
{
    size_t n = 0;
    *v = 0;
    while (n < max && s[n] >= '0' && s[n] <= '9')
        *v = *v * 10 + (s[n++] - '0');
    return n;
}

int gw_find_date(const char *s, char out[11])
{
    static const char nian[] = "年", yue[] = "月", ri[] = "日";
    const size_t k = sizeof nian - 1; /* the three are 3 bytes each in UTF-8 */
    for (const char *p = strstr(s, nian); p; p = strstr(p + k, nian)) {
        int y, m, d;
        /* four digits right before 年, not part of a longer number */
        if (p - s < 4 || digits(p - 4, 4, &y) != 4 || (p - s > 4 && p[-5] >= '0' && p[-5] <= '9'))
            continue;
        const char *q = p + k;
        size_t n = digits(q, 2, &m);
        if (!n || strncmp(q + n, yue, k) != 0)
            continue;
        q += n + k;
        n = digits(q, 2, &d);
        if (!n || strncmp(q + n, ri, k) != 0 || m < 1 || m > 12 || d < 1 || d > 31)
            continue;
        char buf[32]; /* y < 10000, m and d < 100: 10 bytes and the NUL */
        snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
        memcpy(out, buf, 11);
        return 1;
    }
    return 0;
}

/* The first child element of parent named name (in the report namespace). */
static xmlNodePtr child(xmlNodePtr parent, const char *name)
{
    for (xmlNodePtr c = parent ? parent->children : NULL; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && !strcmp((const char *)c->name, name))
            return c;
    return NULL;
}

/* The length of the white space (ASCII blank or U+3000) starting at p, or
 * ending just before p when back; 0 when none. s..end bounds the text. */
static size_t space_at(const char *s, const char *end, const char *p, int back)
{
    static const char ideographic[] = "\u3000";
    const size_t k = sizeof ideographic - 1;
    const char *c = back ? p - 1 : p;
    if (c >= s && c < end && (*c == ' ' || *c == '\t'))
        return 1;
    c = back ? p - k : p;
    if ((size_t)(end - s) >= k && c >= s && c + k <= end && !memcmp(c, ideographic, k))
        return k;
    return 0;
}

/* An element's text with white space at its ends trimmed (ASCII and the
 * ideographic space), malloc'ed by libxml2; NULL when empty or no memory. */
static xmlChar *trimmed_text(xmlNodePtr e)
{
    xmlChar *t = e ? xmlNodeGetContent(e) : NULL;
    if (!t)
        return NULL;
    char *s = (char *)t, *end = s + strlen(s);
    for (size_t n; (n = space_at(s, end, s, 0)) != 0;)
        s += n;
    for (size_t n; (n = space_at(s, end, end, 1)) != 0;)
        end -= n;
    memmove(t, s, (size_t)(end - s));
    t[end - s] = '\0';
    if (!t[0]) {
        xmlFree(t);
        return NULL;
    }
    return t;
}

/* dc:title, dc:creator and dc:date from the front matter, when it has
 * them: the title, the author line, and the first date in the subtitle
 * or else anywhere in the front matter. 0 when out of memory. */
static int dublin_core(xmlNodePtr root)
{
    xmlNodePtr front = child(root, GW_E_FRONT);
    if (!front)
        return 1;
    xmlChar *title = trimmed_text(child(front, GW_E_TITLE));
    xmlChar *creator = trimmed_text(child(front, GW_E_AUTHOR));
    xmlChar *sub = trimmed_text(child(front, GW_E_SUBTITLE));
    xmlChar *all = xmlNodeGetContent(front);
    char date[11];
    int has_date = (sub && gw_find_date((const char *)sub, date)) ||
                   (all && gw_find_date((const char *)all, date));
    int ok = 1;
    xmlNsPtr dc = NULL;
    if (title || creator || has_date)
        ok = (dc = xmlNewNs(root, BAD_CAST GW_DC_NS, BAD_CAST GW_DC_PREFIX)) != NULL;
    if (ok && title)
        ok = xmlNewNsProp(root, dc, BAD_CAST GW_DC_TITLE, title) != NULL;
    if (ok && has_date)
        ok = xmlNewNsProp(root, dc, BAD_CAST GW_DC_DATE, BAD_CAST date) != NULL;
    if (ok && creator)
        ok = xmlNewNsProp(root, dc, BAD_CAST GW_DC_CREATOR, creator) != NULL;
    xmlFree(title);
    xmlFree(creator);
    xmlFree(sub);
    xmlFree(all);
    return ok;
}

/* <?xml-model href="gongwen.rng" ...?> before the root. */
static int xml_model(xmlDocPtr doc, xmlNodePtr root)
{
    xmlNodePtr pi = xmlNewDocPI(doc, BAD_CAST GW_PI_XML_MODEL,
                                BAD_CAST "href=\"" GW_SCHEMA_HREF "\" type=\"application/xml\" "
                                         "schematypens=\"" GW_RELAXNG_NS "\"");
    if (!pi)
        return 0;
    if (!xmlAddPrevSibling(root, pi)) {
        xmlFreeNode(pi);
        return 0;
    }
    return 1;
}

gw_status gw_provenance_add(xmlDocPtr doc, const gw_text *txt, const gw_parse_options *opts,
                            gw_error *err)
{
    xmlNodePtr root = xmlDocGetRootElement(doc);
    gw_xmlerr w;
    gw_xmlerr_begin(&w);
    int ok = gw_new_prop(root, GW_A_GENERATOR, "gongwen " GW_VERSION) == GW_OK;
    const char *le = gw_line_end_style(gw_text_data(txt), gw_text_length(txt));
    if (ok && le)
        ok = gw_new_prop(root, GW_A_LINE_END, le) == GW_OK;
    if (ok && opts && opts->bytes) {
        char hex[65], size[32];
        gw_sha256_hex(opts->bytes, opts->len, hex);
        snprintf(size, sizeof size, "%zu", opts->len);
        ok = gw_new_prop(root, GW_A_SHA256, hex) == GW_OK &&
             gw_new_prop(root, GW_A_SIZE, size) == GW_OK;
    }
    if (ok && opts && opts->converted >= 0) {
        char when[32];
        time_t t = (time_t)opts->converted;
        struct tm tm;
        ok = gmtime_r(&t, &tm) && strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm) &&
             gw_new_prop(root, GW_A_CONVERTED, when) == GW_OK;
    }
    ok = ok && dublin_core(root) && xml_model(doc, root);
    if (gw_xmlerr_end(&w) != GW_OK || !ok)
        return gw_fail_nomem(err);
    return GW_OK;
}
