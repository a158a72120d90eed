#include "suites.h"
#include "utf8.h"

#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <stdlib.h>
#include <string.h>

gw_document *parse_string(const char *s)
{
    gw_error err = {0};
    gw_text *t = gw_decode(s, strlen(s), &err);
    ck_assert_msg(t != NULL, "decode failed: %s", err.message);
    gw_document *d = gw_parse(t, NULL, &err);
    ck_assert_msg(d != NULL, "parse failed: %s", err.message);
    gw_text_free(t);
    return d;
}

static char *compact(const char *s, size_t len, int map_controls)
{
    char *out = malloc(len * 3 + 1);
    ck_assert_ptr_nonnull(out);
    size_t o = 0, i = 0;
    while (i < len) {
        size_t at = i;
        uint32_t cp = gw_next(s, len, &i);
        if (gw_is_space(cp))
            continue;
        if (map_controls && gw_is_xml_forbidden(cp)) {
            o += gw_utf8_encode(cp < 0x20 ? 0x2400 + cp : 0xFFFD, out + o);
            continue;
        }
        memcpy(out + o, s + at, i - at);
        o += i - at;
    }
    out[o] = '\0';
    return out;
}

char *doc_text_compact(const gw_document *doc)
{
    xmlChar *c = xmlNodeGetContent((xmlNodePtr)gw_document_xml(doc));
    ck_assert_ptr_nonnull(c);
    char *r = compact((const char *)c, strlen((const char *)c), 0);
    xmlFree(c);
    return r;
}

char *source_text_compact(const char *s, size_t len)
{
    return compact(s, len, 1);
}

static xmlXPathObjectPtr eval(const gw_document *doc, const char *expr)
{
    xmlXPathContextPtr ctx = xmlXPathNewContext(gw_document_xml(doc));
    ck_assert_ptr_nonnull(ctx);
    xmlXPathRegisterNs(ctx, BAD_CAST "g", BAD_CAST "urn:gongwen:report:1");
    xmlXPathObjectPtr r = xmlXPathEvalExpression(BAD_CAST expr, ctx);
    xmlXPathFreeContext(ctx);
    ck_assert_msg(r != NULL, "bad XPath %s", expr);
    return r;
}

int xpath_count(const gw_document *doc, const char *expr)
{
    xmlXPathObjectPtr r = eval(doc, expr);
    int n = r->nodesetval ? r->nodesetval->nodeNr : 0;
    xmlXPathFreeObject(r);
    return n;
}

char *xpath_string(const gw_document *doc, const char *expr)
{
    xmlXPathObjectPtr r = eval(doc, expr);
    xmlChar *s = xmlXPathCastToString(r);
    xmlXPathFreeObject(r);
    char *copy = strdup((const char *)s);
    xmlFree(s);
    return copy;
}
