#include "suites.h"
#include "invariants.h"

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

char *doc_text_compact(const gw_document *doc)
{
    xmlChar *c = xmlNodeGetContent((xmlNodePtr)gw_document_xml(doc));
    ck_assert_ptr_nonnull(c);
    char *r = gw_inv_compact((const char *)c, strlen((const char *)c), 0);
    xmlFree(c);
    ck_assert_ptr_nonnull(r);
    return r;
}

char *source_text_compact(const char *s, size_t len)
{
    char *r = gw_inv_compact(s, len, 1);
    ck_assert_ptr_nonnull(r);
    return r;
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
