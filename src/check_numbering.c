/* numbering-gap, numbering-duplicate, numbering-order, numbering-restart:
 * within one parent the ordinals of a marker family run 1, 2, 3…; so do a
 * box's items and a notes section's notes. Chapters (第N章) continue across
 * the parts (篇, 编) that hold them, and so do numbered boxes (专栏N)
 * across the document. */
#include "intl.h"
#include "check_rules.h"
#include "names.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    const xmlNode *node; /* the section, item, note or box */
    int n;
    unsigned long line;
    char *num; /* the marker as printed; NULL for an inferred heading */
    int inferred;
} item;

typedef struct {
    item *v;
    size_t n, cap;
    int runin_enum;   /* 一是 / 第一，: may start mid-paragraph, may restart */
    gw_status status; /* GW_ERR_NOMEM once an item could not be kept */
} run;

static void run_add(run *r, const xmlNode *node, int n, char *num, int inferred)
{
    if (r->n == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 8;
        item *v = realloc(r->v, cap * sizeof *v);
        if (!v) {
            free(num);
            r->status = GW_ERR_NOMEM;
            return;
        }
        r->v = v;
        r->cap = cap;
    }
    r->v[r->n++] = (item){node, n, (unsigned long)gw_attr_long(node, GW_A_LINE, 0), num, inferred};
}

static void run_clear(run *r)
{
    for (size_t i = 0; i < r->n; i++)
        free(r->v[i].num);
    r->n = 0;
}

static void run_free(run *r)
{
    run_clear(r);
    free(r->v);
    r->v = NULL;
    r->cap = 0;
}

/* Reported on the item's marker, or on the title of an inferred heading,
 * as the tree places them. */
static void report(gw_check_ctx *c, gw_rule r, const item *it, const char *fmt, const char *a,
                   const char *b)
{
    gw_check_report_at(c, r, gw_mark_node(it->node), fmt, a, b);
}

/* gw_marker_with, noting a failed allocation. */
static char *marker_with(gw_check_ctx *c, const char *num, int n)
{
    char *s = gw_marker_with(num, n);
    if (!s)
        c->out->status = GW_ERR_NOMEM;
    return s;
}

/* Whether every marker numbered from..to-1 in the form of it's marker is
 * written in the text of the siblings before it (from the previous item
 * on): 一是 and 二是 inside a paragraph, 三是 opening the next one. */
static int written_before(gw_check_ctx *c, const item *prev, const item *it, int from, int to)
{
    const xmlNode *start = prev ? prev->node : it->node->parent->children;
    int found = 1;
    for (int k = from; k < to && found; k++) {
        char *want = marker_with(c, it->num ? it->num : "", k);
        found = 0;
        for (const xmlNode *s = start; want && s && s != it->node && !found; s = s->next) {
            xmlChar *t = xmlNodeGetContent(s);
            found = t && strstr((const char *)t, want);
            xmlFree(t);
        }
        free(want);
    }
    return found;
}

/* The marker numbered n in the form of it's own (or of the next marker in
 * the run for an inferred heading); malloc'ed. */
static char *expected(gw_check_ctx *c, const run *r, size_t i, int n)
{
    for (size_t k = i; k < r->n; k++)
        if (r->v[k].num)
            return marker_with(c, r->v[k].num, n);
    return marker_with(c, "", n);
}

static const char *shown(const item *it)
{
    return it->num ? it->num : "";
}

/* The item numbered n among r->v[start..end), or NULL. */
static const item *find_n(const run *r, size_t start, size_t end, int n)
{
    for (size_t k = start; k < end; k++)
        if (r->v[k].n == n)
            return &r->v[k];
    return NULL;
}

/* Whether every number in [from, to) was used among r->v[start..end). */
static int all_seen(const run *r, size_t start, size_t end, int from, int to)
{
    for (int n = from; n < to; n++)
        if (!find_n(r, start, end, n))
            return 0;
    return 1;
}

/* Reports an item that does not continue the numbering; returns whether
 * the numbering goes on from it. An item that jumps ahead while the next
 * one continues is out of order (1 2 5 3 4: 5 comes before 3); one that
 * jumps over numbers not used yet leaves a gap (1 2 4 5). */
static int misnumbered(gw_check_ctx *c, const run *r, size_t i, size_t start, int prev,
                       const item *last)
{
    const item *it = &r->v[i];
    const item *next = i + 1 < r->n ? &r->v[i + 1] : NULL;
    const item *dup = find_n(r, start, i, it->n);
    if (dup) {
        char line[32];
        snprintf(line, sizeof line, "%lu", dup->line);
        report(c, GW_R_NUMBERING_DUPLICATE, it, N_("%s is used twice (also on line %s)"), shown(it),
               line);
        return 0;
    }
    if (it->n < prev) {
        report(c, GW_R_NUMBERING_ORDER, it, N_("%s comes after %s"), shown(it),
               last ? shown(last) : "");
        return 0;
    }
    if (next && next->n == prev + 1 && !next->inferred) {
        report(c, GW_R_NUMBERING_ORDER, it, N_("%s comes before %s"), shown(it), shown(next));
        return 0;
    }
    if (!all_seen(r, start, i, prev + 1, it->n) &&
        !(r->runin_enum && written_before(c, last, it, prev + 1, it->n))) {
        char *want = marker_with(c, shown(it), prev + 1);
        report(c, GW_R_NUMBERING_GAP, it, N_("expected %s, found %s"), want ? want : "", shown(it));
        free(want);
    }
    return 1;
}

/* Checks a run of ordinals, continuing from *prev (0 at the start). */
static void check_run(gw_check_ctx *c, const run *r, int *prev_io)
{
    /* no heading of the run printed its number (a report whose parts carry
     * none: 2024年工作回顾 / 2025年工作安排): there is no numbering to check */
    size_t printed = 0;
    for (size_t i = 0; i < r->n; i++)
        printed += !r->v[i].inferred;
    if (printed == 0)
        return;
    int prev = *prev_io;
    size_t start = 0; /* where the current numbering began, for duplicates */
    const item *last = NULL;
    for (size_t i = 0; i < r->n; i++) {
        const item *it = &r->v[i];
        if (it->inferred) {
            char *want = expected(c, r, i, it->n);
            report(c, GW_R_NUMBERING_GAP, it,
                   N_("missing %s: this line reads as its heading but has no marker"),
                   want ? want : "", "");
            free(want);
        } else if (it->n == 1 && prev >= 2) {
            /* 一是…三是 may well start again in the same part */
            if (!r->runin_enum) {
                char *want = marker_with(c, shown(it), prev + 1);
                report(c, GW_R_NUMBERING_RESTART, it, N_("%s restarts the numbering; expected %s"),
                       shown(it), want ? want : "");
                free(want);
            }
            start = i;
        } else if (it->n != prev + 1 && !misnumbered(c, r, i, start, prev, last)) {
            continue;
        }
        prev = it->n;
        last = it;
    }
    *prev_io = prev;
}

/* Numbered families, in the order of gw_family (section/@family). */
static const char *const families[] = {"bian",     "pian",   "zhang",        "jie",     "cn",
                                       "cn-paren", "arabic", "arabic-paren", "circled", "shi",
                                       "di",       "bufen",  "arabic-half"};
#define NFAMILIES (sizeof families / sizeof families[0])
#define ZHANG 2

static int family_index(const xmlNode *sec)
{
    char *copy;
    const char *f = gw_attr_view(sec, GW_A_FAMILY, &copy);
    int k = -1;
    for (size_t i = 0; f && i < NFAMILIES && k < 0; i++)
        if (!strcmp(f, families[i]))
            k = (int)i;
    xmlFree(copy);
    return k;
}

typedef struct {
    gw_check_ctx *c;
    run chapters;     /* 第N章 inside parts, numbered across them */
    run boxes;        /* 专栏N across the document */
    gw_status status; /* the first of the runs' failures */
} walker;

static void walk(walker *w, const xmlNode *parent);

static void flush(walker *w, run *r)
{
    int prev = 0;
    check_run(w->c, r, &prev);
    if (r->status != GW_OK)
        w->status = r->status;
    run_clear(r);
}

/* A box's items, and the box itself in the run of numbered boxes. */
static void box(walker *w, const xmlNode *bx)
{
    long n = gw_attr_long(bx, GW_A_N, 0);
    if (n > 0)
        run_add(&w->boxes, bx, (int)n, gw_num_text(bx), 0);
    run items = {0};
    for (const xmlNode *k = bx->children; k; k = k->next) {
        long v = gw_is_elem(k, GW_E_ITEM) ? gw_attr_long(k, GW_A_N, 0) : 0;
        if (v > 0)
            run_add(&items, k, (int)v, gw_num_text(k), 0);
    }
    flush(w, &items);
    run_free(&items);
}

static int is_part(const xmlNode *sec)
{
    int k = family_index(sec);
    return k == 0 || k == 1; /* 编, 篇 */
}

static void walk(walker *w, const xmlNode *parent)
{
    run runs[NFAMILIES], notes = {0};
    memset(runs, 0, sizeof runs);
    runs[9].runin_enum = runs[10].runin_enum = 1;
    int chapters_continue = gw_is_elem(parent, GW_E_SECTION) && is_part(parent);
    for (const xmlNode *k = parent->children; k; k = k->next) {
        if (gw_is_elem(k, GW_E_BOX)) {
            box(w, k);
        } else if (gw_is_elem(k, GW_E_NOTE)) {
            long v = gw_attr_long(k, GW_A_N, 0);
            if (v > 0)
                run_add(&notes, k, (int)v, gw_num_text(k), 0);
        } else if (gw_is_elem(k, GW_E_SECTION)) {
            int f = family_index(k);
            long v = gw_attr_long(k, GW_A_N, 0);
            if (f >= 0 && v > 0) {
                int inf = xmlHasProp(k, BAD_CAST GW_A_INFERRED) != NULL;
                run *r = f == ZHANG && chapters_continue ? &w->chapters : &runs[f];
                run_add(r, k, (int)v, inf ? NULL : gw_num_text(k), inf);
            }
            walk(w, k);
        }
    }
    for (size_t f = 0; f < NFAMILIES; f++) {
        flush(w, &runs[f]);
        run_free(&runs[f]);
    }
    flush(w, &notes);
    run_free(&notes);
}

void gw_check_numbering(gw_check_ctx *c)
{
    xmlNode *root = xmlDocGetRootElement(c->xml);
    xmlNode *body = gw_child(root, GW_E_BODY);
    if (!body)
        return;
    walker w = {c, {0}, {0}, 0};
    walk(&w, body);
    flush(&w, &w.chapters);
    flush(&w, &w.boxes);
    run_free(&w.chapters);
    run_free(&w.boxes);
    if (w.status != GW_OK)
        c->out->status = w.status;
}
