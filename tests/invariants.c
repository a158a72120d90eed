#include "invariants.h"
#include "utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *gw_inv_compact(const char *s, size_t len, int map_controls)
{
    char *out = malloc(len * 3 + 1);
    if (!out)
        return NULL;
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

char *gw_inv_lossless(xmlDocPtr doc, const char *src, size_t len)
{
    xmlChar *c = xmlNodeGetContent((xmlNodePtr)doc);
    char *a = c ? gw_inv_compact((const char *)c, strlen((const char *)c), 0) : NULL;
    char *b = gw_inv_compact(src, len, 1);
    xmlFree(c);
    char *why = NULL;
    if (!a || !b) {
        why = strdup("out of memory");
    } else if (strcmp(a, b) != 0) {
        size_t i = 0;
        while (a[i] && a[i] == b[i])
            i++;
        why = malloc(128);
        if (why)
            snprintf(why, 128, "text differs at byte %zu: xml '%.20s' / source '%.20s'", i, a + i,
                     b + i);
    }
    free(a);
    free(b);
    return why;
}

xmlNodePtr gw_inv_next_element(xmlNodePtr n)
{
    while (n && n->type != XML_ELEMENT_NODE)
        n = n->next;
    return n;
}

const char *gw_inv_same_tree(xmlNodePtr a, xmlNodePtr b)
{
    if (!xmlStrEqual(a->name, b->name))
        return (const char *)a->name;
    int text = 0;
    for (xmlNodePtr c = a->children; c; c = c->next)
        text |= c->type == XML_TEXT_NODE;
    if (text) {
        xmlChar *x = xmlNodeGetContent(a), *y = xmlNodeGetContent(b);
        int same = xmlStrEqual(x, y);
        xmlFree(x);
        xmlFree(y);
        if (!same)
            return (const char *)a->name;
    }
    xmlNodePtr ca = gw_inv_next_element(a->children), cb = gw_inv_next_element(b->children);
    for (; ca && cb; ca = gw_inv_next_element(ca->next), cb = gw_inv_next_element(cb->next)) {
        const char *w = gw_inv_same_tree(ca, cb);
        if (w)
            return w;
    }
    return ca || cb ? (const char *)a->name : NULL;
}
