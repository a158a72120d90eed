/* Small helpers for reading the gongwen tree in the structure rules. */
#include "check_rules.h"
#include "names.h"
#include "ranges.h"

#include <stdlib.h>
#include <string.h>

int gw_is_elem(const xmlNode *node, const char *name)
{
    return node && node->type == XML_ELEMENT_NODE && !strcmp((const char *)node->name, name);
}

char *gw_attr(const xmlNode *node, const char *name)
{
    return (char *)xmlGetProp(node, BAD_CAST name);
}

/* The number in v, or def when v is not one. */
static long to_long(const char *v, long def)
{
    char *end;
    long n = strtol(v, &end, 10);
    return end == v || *end ? def : n;
}

const char *gw_attr_view(const xmlNode *node, const char *name, char **copy)
{
    *copy = NULL;
    /* every element's attributes are read by the rules: a value that is
     * one text node (all of gw_parse's) is read in place, where
     * xmlGetProp would copy it */
    const xmlAttr *a = xmlHasProp((xmlNode *)node, BAD_CAST name);
    if (!a)
        return NULL;
    const xmlNode *t = a->type == XML_ATTRIBUTE_NODE ? a->children : NULL;
    if (t && !t->next && t->type == XML_TEXT_NODE && t->content)
        return (const char *)t->content;
    return *copy = gw_attr(node, name);
}

/* The range number name stands for beside the tree (ranges.h), if node
 * has a record and name is one of the four; else 0. */
static int side_range(const xmlNode *node, const char *name, long *v)
{
    const gw_range_rec *rec = gw_ranges_find(node);
    if (!rec)
        return 0;
    const uint32_t n[4] = {rec->line, rec->column, rec->end_line, rec->end_column};
    for (int i = 0; i < 4; i++)
        if (!strcmp(name, gw_range_names[i])) {
            *v = (long)n[i];
            return 1;
        }
    return 0;
}

long gw_attr_long(const xmlNode *node, const char *name, long def)
{
    long side;
    if (side_range(node, name, &side))
        return side;
    char *copy;
    const char *v = gw_attr_view(node, name, &copy);
    long n = v ? to_long(v, def) : def;
    xmlFree(copy);
    return n;
}

xmlNode *gw_child(const xmlNode *node, const char *name)
{
    for (xmlNode *k = node ? node->children : NULL; k; k = k->next)
        if (gw_is_elem(k, name))
            return k;
    return NULL;
}

xmlNode *gw_num_of(const xmlNode *owner)
{
    xmlNode *title = gw_is_elem(owner, GW_E_SECTION) || gw_is_elem(owner, GW_E_BOX)
                         ? gw_child(owner, GW_E_TITLE)
                         : (xmlNode *)owner;
    return gw_child(title, GW_E_NUM);
}

int gw_range_of(const xmlNode *node, gw_range *r)
{
    if (!node)
        return 0;
    const gw_range_rec *rec = gw_ranges_find(node);
    if (rec) {
        if (!rec->line || !rec->column || !rec->end_line || !rec->end_column)
            return 0;
        *r = (gw_range){rec->line, rec->column, rec->end_line, rec->end_column};
        return 1;
    }
    const char *const *names = gw_range_names;
    long v[4];
    int seen[4] = {0, 0, 0, 0}; /* 1: read in place; 2: left to gw_attr_long */
    /* the four in one pass over the attributes (each would walk them from
     * the first), the first of each name, read in place as
     * gw_attr_long does; anything else is left to it */
    for (const xmlAttr *a = node->type == XML_ELEMENT_NODE ? node->properties : NULL; a;
         a = a->next) {
        const xmlNode *t = a->children;
        for (int i = 0; i < 4; i++) {
            if (seen[i] || strcmp((const char *)a->name, names[i]) != 0)
                continue;
            seen[i] = 2;
            if (t && !t->next && t->type == XML_TEXT_NODE && t->content) {
                v[i] = to_long((const char *)t->content, 0);
                seen[i] = 1;
            }
            break;
        }
    }
    for (int i = 0; i < 4; i++) {
        if (seen[i] != 1)
            v[i] = gw_attr_long(node, names[i], 0);
        if (v[i] < 1)
            return 0;
    }
    *r = (gw_range){(unsigned long)v[0], (unsigned long)v[1], (unsigned long)v[2],
                    (unsigned long)v[3]};
    return 1;
}

const xmlNode *gw_mark_node(const xmlNode *node)
{
    const xmlNode *num = gw_num_of(node);
    if (num)
        return num;
    const xmlNode *title = gw_child(node, GW_E_TITLE);
    return title ? title : node;
}

char *gw_num_text(const xmlNode *owner)
{
    xmlNode *num = gw_num_of(owner);
    if (!num)
        return NULL;
    /* libxml2 allocates with malloc (gongwen never calls xmlMemSetup), so
     * the caller's free() fits; a failed allocation here is seen by the
     * out-of-memory watch around the rules, which a copy would not be */
    return (char *)xmlNodeGetContent(num);
}
