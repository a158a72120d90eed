/* empty-section: a heading with nothing under it before the next heading
 * of its level. unnumbered-heading: a short line that reads as a heading,
 * standing alone after the body of a numbered section has begun, whose
 * siblings are numbered (a missing heading the parser could not infer,
 * e.g. the last 节 of a chapter). */
#include "intl.h"
#include "check_rules.h"
#include "names.h"
#include "tunables.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

static char *content(const xmlNode *node)
{
    return (char *)xmlNodeGetContent(node);
}

static int has_content(const xmlNode *sec)
{
    for (const xmlNode *k = sec->children; k; k = k->next)
        if (k->type == XML_ELEMENT_NODE && !gw_is_elem(k, GW_E_TITLE) && !gw_is_elem(k, GW_E_PAGE))
            return 1;
    return 0;
}

/* Whether text ends with a sentence mark: a numbered line that is a whole
 * statement (①新能源产业产值突破千亿元。) is an item of a list, not a
 * heading waiting for its content. */
static int ends_sentence(const char *t)
{
    size_t len = gw_trim_end(t, strlen(t)), i = len;
    while (i > 0 && ((unsigned char)t[i - 1] & 0xC0) == 0x80)
        i--;
    uint32_t last = i > 0 ? gw_peek(t, len, i - 1) : 0;
    return last == 0x3002 || last == 0xFF01 || last == 0xFF1F || last == 0xFF1B || last == '.' ||
           last == '!' || last == '?' || last == ';';
}

static void empty_section(gw_check_ctx *c, const xmlNode *sec)
{
    if (has_content(sec))
        return;
    xmlNode *title = gw_child(sec, GW_E_TITLE);
    char *t = title ? content(title) : NULL;
    if (t && ends_sentence(t)) {
        xmlFree(t);
        return;
    }
    gw_check_report_at(c, GW_R_EMPTY_SECTION, title ? title : sec,
                       N_("heading %s has no content before the next heading"), t ? t : "");
    xmlFree(t);
}

/* A paragraph the parser found reads as a heading (title-like: short, no
 * sentence or clause mark) and that is no more than that line: a lead
 * alone on its line without a stop is one too, whether the phrase heads
 * a level of its own is what the caller weighs. */
static int title_like(const xmlNode *p)
{
    if (!gw_is_elem(p, GW_E_P) || !xmlHasProp(p, BAD_CAST GW_A_TITLE_LIKE) ||
        gw_child(p, GW_E_PAGE))
        return 0;
    const xmlNode *lead = gw_child(p, GW_E_LEAD);
    if (!lead)
        return 1;
    /* the lead is the whole paragraph: no text after it */
    for (const xmlNode *k = lead->next; k; k = k->next)
        if (k->type != XML_TEXT_NODE || (k->content && *k->content))
            return 0;
    return 1;
}

static xmlNode *next_elem(const xmlNode *n)
{
    for (n = n->next; n; n = n->next)
        if (n->type == XML_ELEMENT_NODE)
            return (xmlNode *)n;
    return NULL;
}

static xmlNode *prev_elem(const xmlNode *n)
{
    for (n = n->prev; n; n = n->prev)
        if (n->type == XML_ELEMENT_NODE)
            return (xmlNode *)n;
    return NULL;
}

static int numbered_standalone(const xmlNode *sec)
{
    return gw_is_elem(sec, GW_E_SECTION) && gw_attr_long(sec, GW_A_N, 0) > 0 &&
           !xmlHasProp(sec, BAD_CAST GW_A_RUNIN) && !xmlHasProp(sec, BAD_CAST GW_A_INFERRED);
}

static void unnumbered_heading(gw_check_ctx *c, const xmlNode *sec)
{
    if (!numbered_standalone(sec))
        return;
    const xmlNode *found = NULL;
    for (const xmlNode *k = sec->children; k; k = k->next) {
        if (gw_is_elem(k, GW_E_SECTION))
            return; /* it has numbered parts of its own */
        if (!title_like(k))
            continue;
        if (found)
            return; /* several: an unnumbered level of its own, not a fault */
        const xmlNode *prev = prev_elem(k), *next = next_elem(k);
        if (gw_is_elem(prev, GW_E_TITLE) || !gw_is_elem(next, GW_E_P) || title_like(next))
            return;
        found = k;
    }
    if (!found)
        return;
    char *num = gw_num_text(sec);
    gw_check_report_at(c, GW_R_UNNUMBERED_HEADING, found,
                       N_("this line reads as a heading but has no marker, unlike %s before it"),
                       num ? num : "");
    free(num);
}

static void walk(gw_check_ctx *c, const xmlNode *parent)
{
    for (const xmlNode *k = parent->children; k; k = k->next) {
        if (!gw_is_elem(k, GW_E_SECTION))
            continue;
        empty_section(c, k);
        unnumbered_heading(c, k);
        walk(c, k);
    }
}

void gw_check_sections(gw_check_ctx *c)
{
    xmlNode *body = gw_child(xmlDocGetRootElement(c->xml), GW_E_BODY);
    if (body)
        walk(c, body);
}
