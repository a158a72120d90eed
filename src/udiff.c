/* Unified diffs (see udiff.h). The fixes never add or remove a line end,
 * so the lines of the two versions pair up one to one and each run of
 * changed lines is a block; when the counts differ all the lines between
 * the common head and tail are one block, which is still a correct diff. */
#include "udiff.h"

#include <stdlib.h>
#include <string.h>

#define CONTEXT 3

typedef struct {
    size_t *at; /* owned: offset where each line begins, and the end */
    size_t n;   /* lines */
} lines;

static int split(const char *s, size_t len, lines *l)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += s[i] == '\n';
    n += len > 0 && s[len - 1] != '\n';
    if (!(l->at = malloc((n + 1) * sizeof *l->at)))
        return -1;
    l->n = 0;
    l->at[0] = 0;
    for (size_t i = 0; i < len; i++)
        if (s[i] == '\n')
            l->at[++l->n] = i + 1;
    if (l->n < n)
        l->at[++l->n] = len;
    return 0;
}

static int same_line(const char *a, const lines *la, size_t i, const char *b, const lines *lb,
                     size_t k)
{
    size_t n = la->at[i + 1] - la->at[i];
    return n == lb->at[k + 1] - lb->at[k] && !memcmp(a + la->at[i], b + lb->at[k], n);
}

/* Lines [a0, a1) of a became [b0, b1) of b. */
typedef struct {
    size_t a0, a1, b0, b1;
} block;

/* The changed blocks, in order, in *out and their count in *count; 0, or
 * -1 when out of memory. */
static int blocks_of(const char *a, const lines *la, const char *b, const lines *lb, block **out,
                     size_t *count)
{
    block *v = malloc((la->n + 1) * sizeof *v);
    size_t n = 0;
    if (!v)
        return -1;
    if (la->n == lb->n) {
        for (size_t i = 0; i < la->n; i++) {
            if (same_line(a, la, i, b, lb, i))
                continue;
            if (n > 0 && v[n - 1].a1 == i) {
                v[n - 1].a1 = v[n - 1].b1 = i + 1;
            } else {
                v[n++] = (block){i, i + 1, i, i + 1};
            }
        }
    } else {
        size_t head = 0, tail = 0;
        while (head < la->n && head < lb->n && same_line(a, la, head, b, lb, head))
            head++;
        while (tail < la->n - head && tail < lb->n - head &&
               same_line(a, la, la->n - 1 - tail, b, lb, lb->n - 1 - tail))
            tail++;
        v[n++] = (block){head, la->n - tail, head, lb->n - tail};
    }
    *out = v;
    *count = n;
    return 0;
}

static void put_line(FILE *fp, char tag, const char *s, const lines *l, size_t i)
{
    size_t from = l->at[i], to = l->at[i + 1];
    fputc(tag, fp);
    fwrite(s + from, 1, to - from, fp);
    if (to == from || s[to - 1] != '\n')
        fputs("\n\\ No newline at end of file\n", fp);
}

/* "-3,4": a range as diff -u writes it (an empty one names the line
 * before it). */
static void put_range(FILE *fp, char sign, size_t from, size_t to)
{
    size_t n = to - from;
    if (n == 1)
        fprintf(fp, "%c%zu", sign, from + 1);
    else
        fprintf(fp, "%c%zu,%zu", sign, n ? from + 1 : from, n);
}

/* One hunk: blocks v[0..n) with their context. */
static void hunk(FILE *fp, const char *a, const lines *la, const char *b, const lines *lb,
                 const block *v, size_t n)
{
    size_t a0 = v[0].a0 > CONTEXT ? v[0].a0 - CONTEXT : 0;
    size_t b0 = v[0].b0 - (v[0].a0 - a0);
    size_t a1 = v[n - 1].a1 + CONTEXT < la->n ? v[n - 1].a1 + CONTEXT : la->n;
    size_t b1 = v[n - 1].b1 + (a1 - v[n - 1].a1);
    fputs("@@ ", fp);
    put_range(fp, '-', a0, a1);
    fputc(' ', fp);
    put_range(fp, '+', b0, b1);
    fputs(" @@\n", fp);
    size_t i = a0;
    for (size_t k = 0; k < n; k++) {
        for (; i < v[k].a0; i++)
            put_line(fp, ' ', a, la, i);
        for (; i < v[k].a1; i++)
            put_line(fp, '-', a, la, i);
        for (size_t j = v[k].b0; j < v[k].b1; j++)
            put_line(fp, '+', b, lb, j);
    }
    for (; i < a1; i++)
        put_line(fp, ' ', a, la, i);
}

int gw_udiff(FILE *fp, const char *name, const char *a, size_t alen, const char *b, size_t blen)
{
    lines la = {0}, lb = {0};
    block *v = NULL;
    size_t n = 0;
    int rc = -1;
    if (split(a, alen, &la) == 0 && split(b, blen, &lb) == 0 &&
        blocks_of(a, &la, b, &lb, &v, &n) == 0) {
        if (n > 0)
            fprintf(fp, "--- %s\n+++ %s\n", name, name);
        /* blocks closer than twice the context share a hunk */
        for (size_t first = 0, k = 1; k <= n; k++) {
            if (k == n || v[k].a0 - v[k - 1].a1 > 2 * CONTEXT) {
                hunk(fp, a, &la, b, &lb, v + first, k - first);
                first = k;
            }
        }
        rc = ferror(fp) ? -1 : 0;
    }
    free(v);
    free(la.at);
    free(lb.at);
    return rc;
}
