/* The diagnostic list. */
#include "diag.h"

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

void gw_diags_vadd(gw_diags *d, const char *rule, gw_severity sev, unsigned long line,
                   unsigned long column, unsigned long end_line, unsigned long end_column,
                   const char *fmt, va_list args)
{
    if (d->n == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 16;
        gw_diag *v = realloc(d->v, cap * sizeof *v);
        if (!v) {
            d->status = GW_ERR_NOMEM;
            return;
        }
        d->v = v;
        d->cap = cap;
    }
    va_list ap;
    va_copy(ap, args);
    int len = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *msg = len >= 0 ? malloc((size_t)len + 1) : NULL;
    if (!msg) {
        d->status = GW_ERR_NOMEM;
        return;
    }
    vsnprintf(msg, (size_t)len + 1, fmt, args);
    gw_diag *g = &d->v[d->n++];
    g->rule = rule;
    g->severity = sev;
    g->line = line;
    g->column = column;
    g->end_line = end_line;
    g->end_column = end_column;
    g->message = msg;
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

/* Insertion sort: stable, and the lists are short and nearly in order
 * already (each rule reports from top to bottom). */
void gw_diags_sort(gw_diags *d)
{
    for (size_t i = 1; i < d->n; i++) {
        gw_diag x = d->v[i];
        size_t j = i;
        while (j > 0 && (d->v[j - 1].line > x.line ||
                         (d->v[j - 1].line == x.line && d->v[j - 1].column > x.column))) {
            d->v[j] = d->v[j - 1];
            j--;
        }
        d->v[j] = x;
    }
}

void gw_diags_free(gw_diags *d)
{
    for (size_t i = 0; i < d->n; i++)
        free(d->v[i].message);
    free(d->v);
    memset(d, 0, sizeof *d);
}
