/* The source ranges of a tree's elements, beside the tree (see ranges.h). */
#include "ranges.h"
#include "names.h"
#include "xmlerr.h"

#include <stdint.h>
#include <stdlib.h>

const char *const gw_range_names[4] = {GW_A_LINE, GW_A_COLUMN, GW_A_END_LINE, GW_A_END_COLUMN};

gw_range_rec *gw_ranges_of(const gw_ranges *r, const xmlNode *node)
{
    uintptr_t k = node ? (uintptr_t)node->_private : 0;
    return k && k <= r->n ? &r->v[k - 1] : NULL;
}

const gw_range_rec *gw_ranges_find(const xmlNode *node)
{
    const gw_ranges *r = node && node->doc ? node->doc->_private : NULL;
    return r ? gw_ranges_of(r, node) : NULL;
}

gw_status gw_ranges_set(gw_ranges *r, xmlNodePtr node, const long v[4])
{
    for (int i = 0; i < 4; i++)
        if (v[i] < 0 || (unsigned long)v[i] > UINT32_MAX)
            return GW_ERR_NOMEM;
    gw_range_rec *rec = gw_ranges_of(r, node);
    if (!rec) {
        if (r->n == r->cap) {
            size_t cap = r->cap ? r->cap * 2 : 256;
            gw_range_rec *nv = realloc(r->v, cap * sizeof *nv);
            if (!nv)
                return GW_ERR_NOMEM;
            r->v = nv;
            r->cap = cap;
        }
        rec = &r->v[r->n++];
        rec->pos = 0;
        for (const xmlAttr *a = node->properties; a; a = a->next)
            rec->pos++;
        node->_private = (void *)(uintptr_t)r->n;
    }
    rec->line = (uint32_t)v[0];
    rec->column = (uint32_t)v[1];
    rec->end_line = (uint32_t)v[2];
    rec->end_column = (uint32_t)v[3];
    return GW_OK;
}

char *gw_decimal(char buf[24], long v)
{
    char *p = buf + 23;
    unsigned long u = v > 0 ? (unsigned long)v : 0;
    *p = '\0';
    do
        *--p = (char)('0' + u % 10);
    while ((u /= 10) != 0);
    return p;
}

/* The four attributes of rec appended to node's, then moved to stand
 * after the first rec->pos of those node had. */
static gw_status attach_one(xmlNodePtr node, const gw_range_rec *rec, int names)
{
    xmlAttrPtr before = NULL, after = node->properties;
    for (unsigned i = 0; i < rec->pos && after; i++) {
        before = after;
        after = after->next;
    }
    /* detach the tail, append the four, put the tail back */
    if (before)
        before->next = NULL;
    else
        node->properties = NULL;
    const long v[4] = {rec->line, rec->column, rec->end_line, rec->end_column};
    gw_status s = GW_OK;
    for (int i = 0; i < names && s == GW_OK; i++) {
        char buf[24];
        s = gw_new_prop(node, gw_range_names[i], gw_decimal(buf, v[i]));
    }
    xmlAttrPtr last = node->properties;
    while (last && last->next)
        last = last->next;
    if (last) {
        last->next = after;
        if (after)
            after->prev = last;
    } else {
        node->properties = after;
        if (after)
            after->prev = NULL;
    }
    return s;
}

/* gw_ranges_attach of the first names of the four. */
static gw_status attach(gw_ranges *r, xmlNodePtr root, int names)
{
    /* in document order without recursion: a tree may be deep */
    xmlNodePtr cur = root;
    while (cur) {
        if (cur->type == XML_ELEMENT_NODE) {
            const gw_range_rec *rec = gw_ranges_of(r, cur);
            cur->_private = NULL;
            if (rec && attach_one(cur, rec, names) != GW_OK)
                return GW_ERR_NOMEM;
            if (cur->children) {
                cur = cur->children;
                continue;
            }
        }
        while (cur && cur != root && !cur->next)
            cur = cur->parent;
        cur = cur && cur != root ? cur->next : NULL;
    }
    gw_ranges_free(r);
    return GW_OK;
}

gw_status gw_ranges_attach(gw_ranges *r, xmlNodePtr root)
{
    return attach(r, root, 4);
}

gw_status gw_ranges_attach_lines(gw_ranges *r, xmlNodePtr root)
{
    return attach(r, root, 1);
}

void gw_ranges_free(gw_ranges *r)
{
    free(r->v);
    r->v = NULL;
    r->n = r->cap = 0;
}
