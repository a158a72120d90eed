/* The output formats: the one list of them (see formats.h). */
#include "formats.h"

#include <stdint.h>
#include <string.h>

static const gw_format formats[] = {
    /* name      aliases                 stylesheet      extensions     media type    text */
    {"xml", "", NULL, "xml", "application/xml", 1},
    {"outline", "", "outline.xsl", "tsv", "text/tab-separated-values", 1},
    {"html", "htm", "html.xsl", "html htm", "text/html", 1},
    {"markdown", "md gfm commonmark", "markdown.xsl", "md", "text/markdown", 1},
    {"docbook", "db dbk", "docbook.xsl", "dbk.xml dbk", "application/docbook+xml", 1},
    {"csv", "", "csv.xsl", "csv", "text/csv", 1},
    {"text", "txt", "text.xsl", "txt", "text/plain", 1},
};

#define NFORMATS (sizeof formats / sizeof formats[0])

const gw_format *gw_format_at(size_t i)
{
    return i < NFORMATS ? &formats[i] : NULL;
}

/* Whether word[0..n) is one of the space-separated words of list. */
static int in_list(const char *list, const char *word, size_t n)
{
    while (*list) {
        size_t k = strcspn(list, " ");
        if (k == n && !strncmp(list, word, n))
            return 1;
        list += k;
        list += strspn(list, " ");
    }
    return 0;
}

const gw_format *gw_format_find(const char *name)
{
    size_t n = strlen(name);
    for (size_t i = 0; i < NFORMATS; i++)
        if (!strcmp(formats[i].name, name) || in_list(formats[i].aliases, name, n))
            return &formats[i];
    return NULL;
}

const gw_format *gw_format_for_path(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t blen = strlen(base);
    const gw_format *best = NULL;
    size_t best_len = 0;
    for (size_t i = 0; i < NFORMATS; i++) {
        for (const char *e = formats[i].extensions; *e;) {
            size_t k = strcspn(e, " ");
            /* ".html" alone is a hidden file with no extension */
            if (k > best_len && blen > k + 1 && base[blen - k - 1] == '.' &&
                !strncmp(base + blen - k, e, k)) {
                best = &formats[i];
                best_len = k;
            }
            e += k;
            e += strspn(e, " ");
        }
    }
    return best;
}

static size_t min3(size_t a, size_t b, size_t c)
{
    size_t m = a < b ? a : b;
    return m < c ? m : c;
}

/* Optimal string alignment distance between a and b[0..n), bytes, both
 * short (names are under 32 bytes; longer input is never near). */
static size_t distance(const char *a, const char *b, size_t n)
{
    enum { MAX = 32 };
    size_t m = strlen(a);
    if (m >= MAX || n >= MAX)
        return SIZE_MAX;
    size_t d[MAX + 1][MAX + 1];
    for (size_t i = 0; i <= m; i++)
        d[i][0] = i;
    for (size_t j = 0; j <= n; j++)
        d[0][j] = j;
    for (size_t i = 1; i <= m; i++)
        for (size_t j = 1; j <= n; j++) {
            size_t cost = a[i - 1] != b[j - 1];
            d[i][j] = min3(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                d[i - 2][j - 2] + 1 < d[i][j])
                d[i][j] = d[i - 2][j - 2] + 1;
        }
    return d[m][n];
}

const gw_format *gw_format_nearest(const char *name)
{
    const gw_format *best = NULL;
    size_t best_d = SIZE_MAX;
    for (size_t i = 0; i < NFORMATS; i++) {
        size_t d = distance(name, formats[i].name, strlen(formats[i].name));
        for (const char *e = formats[i].aliases; *e; e += strspn(e, " ")) {
            size_t k = strcspn(e, " ");
            size_t da = distance(name, e, k);
            d = da < d ? da : d;
            e += k;
        }
        if (d < best_d) {
            best = &formats[i];
            best_d = d;
        }
    }
    /* a third of the letters wrong is a typo; more is another word */
    return best && best_d <= (strlen(name) + 2) / 3 ? best : NULL;
}

/* A space-separated list as a comma-separated one, "-" when empty. */
static int put_list(FILE *fp, const char *list)
{
    if (!*list)
        return fputc('-', fp) == EOF ? -1 : 0;
    for (; *list; list++)
        if (fputc(*list == ' ' ? ',' : *list, fp) == EOF)
            return -1;
    return 0;
}

int gw_formats_print(FILE *fp)
{
    for (size_t i = 0; i < NFORMATS; i++) {
        const gw_format *f = &formats[i];
        if (fprintf(fp, "%s\t%s\t", f->name, f->stylesheet ? f->stylesheet : "-") < 0 ||
            put_list(fp, f->extensions) < 0 ||
            fprintf(fp, "\t%s\t%s\t", f->media_type, f->text ? "text" : "binary") < 0 ||
            put_list(fp, f->aliases) < 0 || fputc('\n', fp) == EOF)
            return -1;
    }
    return 0;
}
