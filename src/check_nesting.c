/* level-skip: a heading family used directly under a family two or more
 * levels above it (一、 holding 1. with no （一） between), in the two
 * hierarchies official texts use: 一、 （一） 1. （1） ① and 编/篇 章 节.
 * marker-mixed: one family written in more than one form in a document
 * （一） and (一), 1. and 1、, ASCII and full-width digits). */
#include "intl.h"
#include "check_rules.h"
#include "names.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

static const struct {
    const char *family;
    int chain, level;
    const char *example; /* a marker of the family, numbered 1 */
} levels[] = {
    {"cn", 1, 1, "一、"},        {"cn-paren", 1, 2, "（一）"},
    {"arabic", 1, 3, "1."},      {"arabic-paren", 1, 4, "（1）"},
    {"circled", 1, 5, "①"},      {"bian", 2, 1, "第一编"},
    {"pian", 2, 1, "第一篇"},    {"zhang", 2, 2, "第一章"},
    {"jie", 2, 3, "第一节"},     {"bufen", 2, 1, "第一部分"},
    {"arabic-half", 1, 5, "1)"},
};
#define NLEVELS (sizeof levels / sizeof levels[0])

/* The level table's entry for family f (may be NULL), or -1. */
static int level_index(const char *f)
{
    for (size_t i = 0; f && i < NLEVELS; i++)
        if (!strcmp(f, levels[i].family))
            return (int)i;
    return -1;
}

static int level_of(const xmlNode *sec)
{
    char *copy;
    int k = level_index(gw_attr_view(sec, GW_A_FAMILY, &copy));
    xmlFree(copy);
    return k;
}

/* The family one level below parent's in its chain. */
static const char *missing_example(int parent)
{
    for (size_t i = 0; i < NLEVELS; i++)
        if (levels[i].chain == levels[parent].chain && levels[i].level == levels[parent].level + 1)
            return levels[i].example;
    return "";
}

/* p: parent's level_of, -1 when it is no section */
static void level_skip(gw_check_ctx *c, const xmlNode *parent, int p)
{
    unsigned reported = 0; /* bit per child family already reported here */
    for (const xmlNode *k = parent->children; k; k = k->next) {
        if (!gw_is_elem(k, GW_E_SECTION))
            continue;
        int f = level_of(k);
        if (p >= 0 && f >= 0 && levels[f].chain == levels[p].chain && !(reported & (1u << f))) {
            int skipped = levels[f].level - levels[p].level - 1;
            if (skipped > 0 && !(c->opt->allow_level_skip && skipped == 1)) {
                char *num = gw_num_text(k), *pnum = gw_num_text(parent);
                gw_check_report_at(c, GW_R_LEVEL_SKIP, gw_mark_node(k),
                                   N_("%s stands directly under %s: the level of %s is missing"),
                                   num ? num : "", pnum ? pnum : "", missing_example(p));
                free(num);
                free(pnum);
                reported |= 1u << f;
            }
        }
        level_skip(c, k, f);
    }
}

/* ---- marker-mixed ------------------------------------------------------- */

typedef struct {
    const xmlNode *node;
    char *num, *form;
    int group; /* the family, or a pseudo-family for box items and notes */
} marker;

typedef struct {
    marker *v;
    size_t n, cap;
    gw_status status;   /* GW_ERR_NOMEM once a marker could not be kept */
    const xmlNode *box; /* the scope, when it is a box */
} markers;

static void collect(markers *m, const xmlNode *node, int group)
{
    char *num = gw_num_text(node);
    char *form = num ? gw_marker_form(num) : NULL;
    if (num && !form)
        m->status = GW_ERR_NOMEM;
    if (form && m->n == m->cap) {
        size_t cap = m->cap ? 2 * m->cap : 32;
        marker *v = realloc(m->v, cap * sizeof *v);
        if (v) {
            m->v = v;
            m->cap = cap;
        } else {
            m->status = GW_ERR_NOMEM;
        }
    }
    if (!form || m->n == m->cap) {
        free(num);
        free(form);
        return;
    }
    m->v[m->n++] = (marker){node, num, form, group};
}

enum { GROUP_BOX_ITEM = NLEVELS + 16, GROUP_NOTE, GROUP_OTHER };

/* The group of a section of family f: section families the level table
 * lacks (一是, 第一，) get groups of their own by name. */
static int group_of(const char *f)
{
    int k = level_index(f);
    if (k >= 0)
        return k;
    return !f ? -1 : !strcmp(f, "shi") ? (int)NLEVELS : !strcmp(f, "di") ? (int)NLEVELS + 1 : -1;
}

static void marker_mixed(gw_check_ctx *c, const xmlNode *scope);

/* Markers of the scope below parent. A box (专栏1 may number 1. where
 * 专栏2 numbers 01) and an annex (a document of its own) are scopes of
 * their own, checked apart. */
static void gather(gw_check_ctx *c, markers *m, const xmlNode *parent)
{
    for (const xmlNode *k = parent->children; k; k = k->next) {
        if (gw_is_elem(k, GW_E_SECTION)) {
            char *copy;
            const char *f = gw_attr_view(k, GW_A_FAMILY, &copy);
            int annex = f && !strcmp(f, "annex"), g = group_of(f);
            xmlFree(copy);
            if (annex) {
                marker_mixed(c, k);
                continue;
            }
            if (g >= 0)
                collect(m, k, g);
            gather(c, m, k);
        } else if (gw_is_elem(k, GW_E_BOX) && parent != m->box) {
            marker_mixed(c, k);
        } else if (gw_is_elem(k, GW_E_ITEM) && parent == m->box) {
            collect(m, k, GROUP_BOX_ITEM);
        } else if (gw_is_elem(k, GW_E_NOTE)) {
            collect(m, k, GROUP_NOTE);
        }
    }
}

typedef struct {
    const char *form;
    size_t at; /* index into markers.v */
} form_at;

static int by_form_then_place(const void *a, const void *b)
{
    const form_at *x = a, *y = b;
    int c = strcmp(x->form, y->form);
    return c ? c : (x->at > y->at) - (x->at < y->at);
}

/* The form most markers of the group have; the first seen wins a tie.
 * Sorted by form, so that 100,000 headings are not compared pairwise. */
static const marker *usual_form(markers *m, int group)
{
    form_at *v = malloc((m->n ? m->n : 1) * sizeof *v);
    if (!v) {
        m->status = GW_ERR_NOMEM;
        return NULL;
    }
    size_t k = 0;
    for (size_t i = 0; i < m->n; i++)
        if (m->v[i].group == group)
            v[k++] = (form_at){m->v[i].form, i};
    qsort(v, k, sizeof *v, by_form_then_place);
    const marker *best = NULL;
    size_t best_count = 0;
    for (size_t i = 0; i < k;) {
        size_t j = i;
        while (j < k && !strcmp(v[j].form, v[i].form))
            j++;
        /* v[i] is the run's first marker in the document */
        if (j - i > best_count || (j - i == best_count && &m->v[v[i].at] < best)) {
            best = &m->v[v[i].at];
            best_count = j - i;
        }
        i = j;
    }
    free(v);
    return best;
}

static void marker_mixed(gw_check_ctx *c, const xmlNode *scope)
{
    markers m = {0};
    if (gw_is_elem(scope, GW_E_BOX))
        m.box = scope;
    gather(c, &m, scope);
    const marker *usual_of[GROUP_OTHER];
    for (int g = 0; g < GROUP_OTHER; g++)
        usual_of[g] = usual_form(&m, g);
    for (size_t i = 0; i < m.n; i++) {
        const marker *usual = usual_of[m.v[i].group];
        if (!usual || !strcmp(usual->form, m.v[i].form))
            continue;
        long n = gw_attr_long(m.v[i].node, GW_A_N, 0);
        char *want = gw_marker_with(usual->num, n > 0 ? (int)n : 1);
        if (!want)
            c->out->status = GW_ERR_NOMEM;
        gw_check_report_at(c, GW_R_MARKER_MIXED, gw_mark_node(m.v[i].node),
                           N_("%s is written differently from the rest of its family (%s on line "
                              "%lu); expected %s"),
                           m.v[i].num, usual->num,
                           (unsigned long)gw_attr_long(usual->node, GW_A_LINE, 0),
                           want ? want : "");
        free(want);
    }
    for (size_t i = 0; i < m.n; i++) {
        free(m.v[i].num);
        free(m.v[i].form);
    }
    free(m.v);
    if (m.status != GW_OK)
        c->out->status = m.status;
}

void gw_check_nesting(gw_check_ctx *c)
{
    xmlNode *body = gw_child(xmlDocGetRootElement(c->xml), GW_E_BODY);
    if (!body)
        return;
    level_skip(c, body, -1);
    marker_mixed(c, body);
}
