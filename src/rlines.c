/* Lines of a structured source and the leads its bold marks. */
#include "rlines.h"
#include "marker.h"
#include "output.h"
#include "utf8.h"

#include "tunables.h"

#include <stdlib.h>
#include <string.h>

void gw_rl_put(gw_rl *r, const char *s, size_t n)
{
    if (r->oom || !n)
        return;
    gw_buffer g = {r->s, r->len, r->cap};
    r->oom = gw_buffer_write(&g, s, n) != 0;
    r->s = g.data;
    r->len = g.len;
    r->cap = g.cap;
}

void gw_rl_end(gw_rl *r)
{
    if (r->open)
        gw_rl_put(r, "\n", 1);
    r->open = 0;
}

gw_rl_line *gw_rl_open(gw_rl *r)
{
    gw_rl_end(r);
    if (r->oom)
        return NULL;
    if (r->n == r->ncap) {
        size_t cap = r->ncap ? r->ncap * 2 : 256;
        gw_rl_line *v = realloc(r->lines, cap * sizeof *v);
        if (!v) {
            r->oom = 1;
            return NULL;
        }
        r->lines = v;
        r->ncap = cap;
    }
    gw_rl_line *l = &r->lines[r->n++];
    memset(l, 0, sizeof *l);
    l->start = r->len;
    l->hint.lead = GW_LEAD_GUESS;
    r->open = 1;
    r->any_text = r->bold_open = 0;
    return l;
}

static int is_blank(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n)
        if (!gw_is_space(gw_next(s, n, &i)))
            return 0;
    return 1;
}

/* The opening bold stretch grows while runs are bold (white space between
 * them decides nothing). */
void gw_rl_text(gw_rl *r, const char *s, size_t n, int bold)
{
    if (!n || (!r->open && !gw_rl_open(r)))
        return;
    gw_rl_line *l = &r->lines[r->n - 1];
    int blank = is_blank(s, n);
    if (!l->any_run) {
        l->any_run = 1;
        l->first_bold = bold;
    }
    if (!r->any_text && !blank) {
        r->any_text = 1;
        l->lead_start = r->len;
        l->opens_bold = bold;
        r->bold_open = bold;
    } else if (!blank && !bold) {
        r->bold_open = 0;
    }
    /* a line end inside a run would split the line from its hint */
    for (size_t i = 0, from = 0; i <= n; i++) {
        if (i < n && s[i] != '\r' && s[i] != '\n')
            continue;
        gw_rl_put(r, s + from, i - from);
        if (i < n)
            gw_rl_put(r, " ", 1);
        from = i + 1;
    }
    if (r->bold_open && !blank)
        l->bold_end = r->len;
}

void gw_rl_mark(gw_rl *r, const char *s, size_t n)
{
    if (!n || (!r->open && !gw_rl_open(r)))
        return;
    gw_rl_put(r, s, n);
    r->lines[r->n - 1].marked = 1;
    r->any_text = 1;
}

size_t gw_rl_line_end(const gw_rl *r, size_t i)
{
    return i + 1 < r->n ? r->lines[i + 1].start - 1 : r->len - 1;
}

void gw_rl_drop(gw_rl *r, size_t i)
{
    size_t from = r->lines[i].start, to = gw_rl_line_end(r, i) + 1;
    memmove(r->s + from, r->s + to, r->len - to + 1);
    r->len -= to - from;
    for (size_t k = i + 1; k < r->n; k++)
        r->lines[k].start -= to - from;
    memmove(&r->lines[i], &r->lines[i + 1], (r->n - i - 1) * sizeof *r->lines);
    r->n--;
}

/* Bold that opens with an outline marker is a heading's, not a lead. */
static int opens_marker(const char *s, size_t n)
{
    static const char *const words[] = {"专栏", "附件", "名词解释", "注释", "各位代表"};
    gw_marker m;
    if (gw_marker_scan(s, n, &m) || gw_dash_len(s, n))
        return 1;
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (n >= strlen(words[i]) && !memcmp(s, words[i], strlen(words[i])))
            return 1;
    return 0;
}

/* Whether only white space and 。 are in s: a bold run that leaves only
 * these unbold holds the whole line. */
static int only_stop(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        uint32_t cp = gw_next(s, n, &i);
        if (!gw_is_space(cp) && cp != 0x3002)
            return 0;
    }
    return 1;
}

long gw_rl_opening_lead(const char *s, size_t start, size_t first, size_t bold_end, size_t end)
{
    if (opens_marker(s + first, bold_end - first))
        return GW_LEAD_GUESS;
    if (only_stop(s + bold_end, end - bold_end))
        return 0;
    return (long)(bold_end - start);
}

/* The lead hint of line i: the bold opening the author set, if any. */
static long lead_of(const gw_rl *r, size_t i)
{
    const gw_rl_line *l = &r->lines[i];
    size_t end = gw_rl_line_end(r, i);
    if (l->hint.table || l->hint.page)
        return 0;
    if (l->marked)
        return GW_LEAD_GUESS;
    if (!l->opens_bold || !l->bold_end)
        return 0;
    long lead = gw_rl_opening_lead(r->s, l->start, l->lead_start, l->bold_end, end);
    if (lead)
        return lead;
    /* wholly bold: a lead alone on its line when short and a paragraph
     * that does not open in bold follows (its indent is what opens it: a
     * plain indent before a bold heading is no bold opening); otherwise a
     * title or heading for the recognizer to place */
    const char *s = r->s + l->lead_start;
    if (gw_count_nonspace(s, end - l->lead_start) > GW_BOLD_LEAD_ALONE_MAX || i + 1 >= r->n)
        return 0;
    size_t k = i + 1;
    while (k + 1 < r->n && r->lines[k].filler)
        k++;
    const gw_rl_line *next = &r->lines[k];
    if (next->hint.table || next->first_bold ||
        is_blank(r->s + next->start, gw_rl_line_end(r, k) - next->start))
        return 0;
    return (long)(end - l->start);
}

gw_hint *gw_rl_hints(const gw_rl *r)
{
    gw_hint *h = calloc(r->n ? r->n : 1, sizeof *h);
    if (!h)
        return NULL;
    size_t leads = 0;
    for (size_t i = 0; i < r->n; i++) {
        h[i] = r->lines[i].hint;
        h[i].lead = lead_of(r, i);
        leads += h[i].lead > 0;
    }
    if (leads < GW_BOLD_LEADS_MIN)
        for (size_t i = 0; i < r->n; i++)
            if (!h[i].table && !h[i].page)
                h[i].lead = GW_LEAD_GUESS;
    return h;
}

gw_text *gw_rl_finish(gw_rl *r, gw_from f, gw_error *err)
{
    gw_rl_end(r);
    gw_text *t = NULL;
    gw_hint *h = r->oom ? NULL : gw_rl_hints(r);
    if (!h)
        gw_fail(err, GW_ERR_NOMEM, 0, 0, "out of memory");
    else
        t = gw_text_from_reader(r->s ? r->s : "", r->len, f, h, r->n, err);
    gw_rl_free(r);
    return t;
}

void gw_rl_free(gw_rl *r)
{
    free(r->s);
    free(r->lines);
    memset(r, 0, sizeof *r);
}
