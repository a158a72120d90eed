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
#include "lines.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

#define BOLD "\033[01m"
#define RESET "\033[m\033[K"
#define GREEN "\033[01;32m"

static const char *const severity_colors[] = {"\033[01;36m", "\033[01;35m", "\033[01;31m"};

/* Where the last line was found: diagnostics come sorted by line, so the
 * next one's line is looked for from there, not from byte 0. */
typedef struct {
    unsigned long line; /* 0: nothing found yet */
    size_t at;          /* where that line starts */
    /* a place within it: findings along one long line are excerpted
     * from here, not by walking from its start each time */
    unsigned long col;
    size_t col_at;
    size_t end; /* where that line ends, once known (else 0) */
} line_cursor;

/* Line number line (1-based) of text: its start and length. */
static int find_line(const char *t, size_t len, unsigned long line, line_cursor *cur,
                     const char **s, size_t *n)
{
    if (cur->line == 0 || cur->line > line) {
        cur->line = 1;
        cur->at = 0;
    }
    if (cur->line != line) {
        cur->col = 1;
        cur->col_at = 0;
        cur->end = 0;
    }
    size_t i = cur->at;
    for (unsigned long k = cur->line; k < line; k++) {
        i = gw_line_break(t, len, i);
        if (i == len)
            return 0;
        i += t[i] == '\r' && i + 1 < len && t[i + 1] == '\n' ? 2 : 1;
        cur->line = k + 1;
        cur->at = i;
        cur->col = 1;
        cur->col_at = 0;
        cur->end = 0;
    }
    if (i > len || (i == len && line > 1 && len > 0))
        return 0;
    size_t e = gw_line_break(t, len, cur->end > i ? cur->end : i);
    cur->end = e;
    *s = t + i;
    *n = e - i;
    return 1;
}

/* Output gathered into whole writes: standard error has no buffer, and a
 * write per character of a long excerpt is a system call per character. */
typedef struct {
    FILE *fp;
    size_t n;
    char b[4096];
} outbuf;

static void flush(outbuf *o)
{
    fwrite(o->b, 1, o->n, o->fp);
    o->n = 0;
}

static void put(outbuf *o, const char *s, size_t n)
{
    if (o->n + n > sizeof o->b) {
        flush(o);
        if (n > sizeof o->b) {
            fwrite(s, 1, n, o->fp);
            return;
        }
    }
    memcpy(o->b + o->n, s, n);
    o->n += n;
}

static void puts_buf(outbuf *o, const char *s)
{
    put(o, s, strlen(s));
}

/* A line longer than EXCERPT_MAX characters is shown as EXCERPT_MAX of
 * them, EXCERPT_LEAD before the column, with "..." where it is cut: a 20 MB
 * heading must not make a 20 MB excerpt and a 20-million-cell caret. */
#define EXCERPT_MAX 160
#define EXCERPT_LEAD 60

/* The source line, controls shown as their Control Pictures, then the
 * caret line under columns [col, end). */
static void source(FILE *fp, const char *s, size_t n, const gw_diag *d, int color, line_cursor *cur)
{
    outbuf o = {fp, 0, {0}};
    size_t i = 0;
    unsigned long col = 1;
    if (cur->col <= d->column && cur->col_at <= n) {
        i = cur->col_at;
        col = cur->col;
    }
    while (i < n && d->column > EXCERPT_LEAD + col) {
        gw_next(s, n, &i);
        col++;
    }
    cur->col = col;
    cur->col_at = i;
    size_t from = i, to = i;
    for (unsigned long k = 0; to < n && k < EXCERPT_MAX; k++)
        gw_next(s, n, &to);
    char num[32];
    snprintf(num, sizeof num, "%5lu | ", d->line);
    puts_buf(&o, num);
    if (from > 0)
        puts_buf(&o, "...");
    while (i < to) {
        size_t at = i;
        uint32_t cp = gw_next(s, to, &i);
        if (cp < 0x20 && cp != '\t') {
            char pic[4];
            size_t k = gw_utf8_encode(0x2400 + cp, pic);
            put(&o, pic, k);
        } else {
            put(&o, s + at, i - at);
        }
    }
    if (to < n)
        puts_buf(&o, "...");
    puts_buf(&o, from > 0 ? "\n      |    " : "\n      | ");
    i = from;
    while (i < to && col < d->column) {
        uint32_t cp = gw_next(s, to, &i);
        puts_buf(&o, cp == '\t' ? "\t" : gw_display_width(cp) == 2 ? "  " : " ");
        col++;
    }
    if (color)
        puts_buf(&o, GREEN);
    int first = 1;
    unsigned long end = d->end_line == d->line ? d->end_column : (unsigned long)-1;
    do {
        uint32_t cp = i < to ? gw_next(s, to, &i) : ' ';
        for (int k = gw_display_width(cp); k > 0; k--) {
            puts_buf(&o, first ? "^" : "~");
            first = 0;
        }
        col++;
    } while (i < to && col < end);
    if (color)
        puts_buf(&o, RESET);
    puts_buf(&o, "\n");
    flush(&o);
}

void gw_diag_print_text(FILE *fp, const gw_diag_file *f, int color, int no_caret)
{
    line_cursor cur = {0, 0, 1, 0, 0};
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
        if (!no_caret && f->text && find_line(f->text, f->text_len, d->line, &cur, &s, &n))
            source(fp, s, n, d, color, &cur);
    }
    gw_diag_print_omitted(fp, f, color);
}

void gw_diag_print_omitted(FILE *fp, const gw_diag_file *f, int color)
{
    gw_diag note;
    if (gw_diags_omitted_note(f->diags, &note) != 1)
        return;
    /* no [rule]: it is none that --disable could name */
    if (color)
        fprintf(fp, BOLD "%s:%lu:%lu:" RESET " %s%s:" RESET " %s\n", f->name, note.line,
                note.column, severity_colors[GW_SEV_NOTE], gw_severity_name(GW_SEV_NOTE),
                note.message);
    else
        fprintf(fp, "%s:%lu:%lu: %s: %s\n", f->name, note.line, note.column,
                gw_severity_name(GW_SEV_NOTE), note.message);
    free(note.message);
}
