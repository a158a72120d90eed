/* Small helpers for reading the gongwen tree in the structure rules. */
#include "check_rules.h"
#include "names.h"

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

long gw_attr_long(const xmlNode *node, const char *name, long def)
{
    char *v = gw_attr(node, name);
    if (!v)
        return def;
    char *end;
    long n = strtol(v, &end, 10);
    if (end == v || *end)
        n = def;
    xmlFree(v);
    return n;
}

xmlNode *gw_child(const xmlNode *node, const char *name)
{
    for (xmlNode *k = node ? node->children : NULL; k; k = k->next)
        if (gw_is_elem(k, name))
            return k;
    return NULL;
}

char *gw_num_text(const xmlNode *owner)
{
    xmlNode *title = gw_is_elem(owner, GW_E_SECTION) || gw_is_elem(owner, GW_E_BOX)
                         ? gw_child(owner, GW_E_TITLE)
                         : (xmlNode *)owner;
    xmlNode *num = gw_child(title, GW_E_NUM);
    if (!num)
        return NULL;
    /* libxml2 allocates with malloc (gongwen never calls xmlMemSetup), so
     * the caller's free() fits; a failed allocation here is seen by the
     * out-of-memory watch around the rules, which a copy would not be */
    return (char *)xmlNodeGetContent(num);
}
