/* The diagnostic list. */
#include "diag.h"
#include "intl.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static const char *const severity_names[] = {"note", "warning", "error"};

const char *gw_severity_name(gw_severity s)
{
    return severity_names[s];
}

gw_status gw_severity_parse(const char *name, gw_severity *s)
{
    for (size_t i = 0; i < sizeof severity_names / sizeof severity_names[0]; i++) {
        if (!strcmp(name, severity_names[i])) {
            *s = (gw_severity)i;
            return GW_OK;
        }
    }
    return GW_ERR_USAGE;
}

/* A message quoting a 20 MB heading would be 20 MB long: past MESSAGE_MAX
 * bytes its middle becomes "…", cut at character boundaries, so that both
 * the start and the rule's closing words stay. */
#define MESSAGE_MAX 600
static void shorten(char *msg, size_t len)
{
    if (len <= MESSAGE_MAX)
        return;
    size_t head = MESSAGE_MAX / 2, tail = len - MESSAGE_MAX / 2;
    while (head > 0 && ((unsigned char)msg[head] & 0xC0) == 0x80)
        head--;
    while (tail < len && ((unsigned char)msg[tail] & 0xC0) == 0x80)
        tail++;
    memcpy(msg + head, "\xE2\x80\xA6", 3);
    memmove(msg + head + 3, msg + tail, len - tail + 1);
}

/* (line, column), then the order of addition */
static int before(const gw_diag *a, const gw_diag *b)
{
    if (a->line != b->line)
        return a->line < b->line;
    if (a->column != b->column)
        return a->column < b->column;
    return a->seq < b->seq;
}

size_t gw_diags_omitted(const gw_diags *d)
{
    return d->omitted[0] + d->omitted[1] + d->omitted[2];
}

static void omit(gw_diags *d, const gw_diag *g)
{
    if (!gw_diags_omitted(d) || before(g, &d->first_omitted)) {
        d->first_omitted = *g;
        d->first_omitted.message = NULL;
    }
    d->omitted[g->severity]++;
}

/* The kept diagnostics, once max of them, are a heap with the last by
 * position on top: each new one replaces it or is omitted, in log max. */
static void sift_down(gw_diag *v, size_t n, size_t i)
{
    for (;;) {
        size_t top = i, l = 2 * i + 1, r = l + 1;
        if (l < n && before(&v[top], &v[l]))
            top = l;
        if (r < n && before(&v[top], &v[r]))
            top = r;
        if (top == i)
            return;
        gw_diag t = v[i];
        v[i] = v[top];
        v[top] = t;
        i = top;
    }
}

static void heapify(gw_diag *v, size_t n)
{
    for (size_t i = n / 2; i-- > 0;)
        sift_down(v, n, i);
}

/* The message, formatted and shortened; NULL when out of memory. */
static char *format(const char *fmt, va_list args)
{
    va_list ap;
    va_copy(ap, args);
    int len = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *msg = len >= 0 ? malloc((size_t)len + 1) : NULL;
    if (!msg)
        return NULL;
    vsnprintf(msg, (size_t)len + 1, fmt, args);
    shorten(msg, (size_t)len);
    return msg;
}

static gw_diag diag(const char *rule, gw_severity sev, unsigned long line, unsigned long column,
                    unsigned long end_line, unsigned long end_column, unsigned long seq)
{
    gw_diag g = {.line = line,
                 .column = column,
                 .end_line = end_line,
                 .end_column = end_column,
                 .severity = sev,
                 .rule = rule,
                 .seq = seq};
    return g;
}

int gw_diags_omits(gw_diags *d, const char *rule, gw_severity sev, unsigned long line,
                   unsigned long column, unsigned long end_line, unsigned long end_column)
{
    gw_diag g = diag(rule, sev, line, column, end_line, end_column, d->added);
    if (!d->max || d->n < d->max || before(&g, &d->v[0]))
        return 0;
    d->added++;
    omit(d, &g);
    return 1;
}

void gw_diags_vadd(gw_diags *d, const char *rule, gw_severity sev, unsigned long line,
                   unsigned long column, unsigned long end_line, unsigned long end_column,
                   const char *fmt, va_list args)
{
    if (gw_diags_omits(d, rule, sev, line, column, end_line, end_column))
        return; /* not formatted at all */
    gw_diag g = diag(rule, sev, line, column, end_line, end_column, d->added++);
    int full = d->max && d->n == d->max;
    if (!full && d->n == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 16;
        gw_diag *v = realloc(d->v, cap * sizeof *v);
        if (!v) {
            d->status = GW_ERR_NOMEM;
            return;
        }
        d->v = v;
        d->cap = cap;
    }
    g.message = format(fmt, args);
    if (!g.message) {
        d->status = GW_ERR_NOMEM;
        return;
    }
    if (full) {
        /* the last kept by position gives way */
        omit(d, &d->v[0]);
        free(d->v[0].message);
        d->v[0] = g;
        sift_down(d->v, d->n, 0);
        return;
    }
    d->v[d->n++] = g;
    if (d->max && d->n == d->max)
        heapify(d->v, d->n);
}

/* format() with the arguments given here */
static char *formatf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = format(fmt, ap);
    va_end(ap);
    return msg;
}

gw_diag gw_omitted_note(const gw_diag *first, size_t n, int hint)
{
    const char *fmt =
        hint ? P_("%zu more finding from here on is not shown (--max-diagnostics=0 shows them "
                  "all)",
                  "%zu more findings from here on are not shown (--max-diagnostics=0 shows "
                  "them all)",
                  n)
             : P_("%zu more finding from here on is not shown",
                  "%zu more findings from here on are not shown", n);
    gw_diag note = *first;
    note.severity = GW_SEV_NOTE;
    note.rule = GW_OMITTED_RULE;
    note.message = formatf(fmt, n);
    return note;
}

int gw_diags_omitted_note(const gw_diags *d, gw_diag *note)
{
    size_t n = gw_diags_omitted(d);
    if (!n)
        return 0;
    *note = gw_omitted_note(&d->first_omitted, n, 1);
    return note->message ? 1 : -1;
}

void gw_diags_add(gw_diags *d, const char *rule, gw_severity sev, unsigned long line,
                  unsigned long column, unsigned long end_line, unsigned long end_column,
                  const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    gw_diags_vadd(d, rule, sev, line, column, end_line, end_column, fmt, ap);
    va_end(ap);
}

/* Stable: equal positions keep the order the rules reported them in. */
static void insertion_sort(gw_diag *v, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        gw_diag x = v[i];
        size_t j = i;
        while (j > 0 && before(&x, &v[j - 1])) {
            v[j] = v[j - 1];
            j--;
        }
        v[j] = x;
    }
}

/* Bottom-up merge sort, stable, O(n log n): a document can have hundreds
 * of thousands of findings, each rule's in its own run. */
void gw_diags_sort(gw_diags *d)
{
    size_t n = d->n;
    gw_diag *tmp = n > 32 ? malloc(n * sizeof *tmp) : NULL;
    if (!tmp) {
        /* short lists, or no memory for the copy: slower but still right */
        insertion_sort(d->v, n);
        return;
    }
    gw_diag *src = d->v, *dst = tmp;
    for (size_t width = 1; width < n; width *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * width) {
            size_t mid = lo + width < n ? lo + width : n;
            size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
            size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi)
                dst[k++] = before(&src[j], &src[i]) ? src[j++] : src[i++];
            while (i < mid)
                dst[k++] = src[i++];
            while (j < hi)
                dst[k++] = src[j++];
        }
        gw_diag *t = src;
        src = dst;
        dst = t;
    }
    if (src != d->v)
        memcpy(d->v, src, n * sizeof *src);
    free(tmp);
}

void gw_diags_free(gw_diags *d)
{
    for (size_t i = 0; i < d->n; i++)
        free(d->v[i].message);
    free(d->v);
    memset(d, 0, sizeof *d);
}
