/* Diagnostics as compilers print them, so that Vim's quickfix, Emacs
 * compile-mode and editors' problem matchers read them unchanged:
 *
 *     FILE:LINE:COL: warning: MESSAGE [RULE]
 *       706 | 加强民主法治建设
 *           | ^~~~~~~~~~~~~~~~
 *
 * The caret is placed by display width: Chinese characters take two
 * terminal cells. */
#include "diag.h"
#include "utf8.h"

#include <string.h>

#define BOLD "\033[01m"
#define RESET "\033[m\033[K"
#define GREEN "\033[01;32m"

static const char *const severity_colors[] = {"\033[01;36m", "\033[01;35m", "\033[01;31m"};

/* Line number line (1-based) of text: its start and length. */
static int find_line(const char *t, size_t len, unsigned long line, const char **s, size_t *n)
{
    size_t i = 0;
    for (unsigned long k = 1; k < line; k++) {
        while (i < len && t[i] != '\n' && t[i] != '\r')
            i++;
        if (i == len)
            return 0;
        i += t[i] == '\r' && i + 1 < len && t[i + 1] == '\n' ? 2 : 1;
    }
    if (i > len || (i == len && line > 1 && len > 0))
        return 0;
    size_t e = i;
    while (e < len && t[e] != '\n' && t[e] != '\r')
        e++;
    *s = t + i;
    *n = e - i;
    return 1;
}

/* The source line, controls shown as their Control Pictures, then the
 * caret line under columns [col, end). */
static void source(FILE *fp, const char *s, size_t n, const gw_diag *d, int color)
{
    fprintf(fp, "%5lu | ", d->line);
    size_t i = 0;
    while (i < n) {
        size_t at = i;
        uint32_t cp = gw_next(s, n, &i);
        if (cp < 0x20 && cp != '\t') {
            char pic[4];
            size_t k = gw_utf8_encode(0x2400 + cp, pic);
            fwrite(pic, 1, k, fp);
        } else {
            fwrite(s + at, 1, i - at, fp);
        }
    }
    fputs("\n      | ", fp);
    unsigned long col = 1;
    i = 0;
    while (i < n && col < d->column) {
        uint32_t cp = gw_next(s, n, &i);
        fputs(cp == '\t' ? "\t" : gw_display_width(cp) == 2 ? "  " : " ", fp);
        col++;
    }
    if (color)
        fputs(GREEN, fp);
    int first = 1;
    unsigned long end = d->end_line == d->line ? d->end_column : (unsigned long)-1;
    do {
        uint32_t cp = i < n ? gw_next(s, n, &i) : ' ';
        for (int k = gw_display_width(cp); k > 0; k--) {
            fputc(first ? '^' : '~', fp);
            first = 0;
        }
        col++;
    } while (i < n && col < end);
    if (color)
        fputs(RESET, fp);
    fputc('\n', fp);
}

void gw_diag_print_text(FILE *fp, const gw_diag_file *f, int color, int no_caret)
{
    for (size_t k = 0; k < f->diags->n; k++) {
        const gw_diag *d = &f->diags->v[k];
        const char *sev = gw_severity_name(d->severity);
        const char *sc = severity_colors[d->severity];
        if (color)
            fprintf(fp, BOLD "%s:%lu:%lu:" RESET " %s%s:" RESET " %s [%s%s" RESET "]\n", f->name,
                    d->line, d->column, sc, sev, d->message, sc, d->rule);
        else
            fprintf(fp, "%s:%lu:%lu: %s: %s [%s]\n", f->name, d->line, d->column, sev, d->message,
                    d->rule);
        const char *s;
        size_t n;
        if (!no_caret && f->text && find_line(f->text, f->text_len, d->line, &s, &n))
            source(fp, s, n, d, color);
    }
}
