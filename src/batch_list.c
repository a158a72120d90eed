/* Finding a batch's inputs (see batch.h): files named, and the files under
 * directories named, each with the name its outputs take under OUTDIR. */
#define _XOPEN_SOURCE 700
#include "batch.h"
#include "intl.h"

#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct {
    const gw_batch_options *o;
    gw_jobs *jobs;
    char outdir_real[PATH_MAX]; /* "" when OUTDIR does not exist yet */
    gw_error *err;
    char **err_name;
} walk;

static char *dup_str(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    return d ? memcpy(d, s, n) : NULL;
}

static gw_status fail_on(walk *w, const char *name, gw_status s, const char *msg)
{
    *w->err_name = dup_str(name);
    return gw_fail(w->err, s, 0, 0, "%s", msg);
}

/* rel without its last extension (".txt"), as an output stem. */
static char *stem_of(const char *rel)
{
    char *s = dup_str(rel);
    if (!s)
        return NULL;
    char *base = strrchr(s, '/');
    base = base ? base + 1 : s;
    char *dot = strrchr(base, '.');
    if (dot && dot != base)
        *dot = '\0';
    return s;
}

static gw_status add(walk *w, const char *path, const char *rel)
{
    gw_jobs *j = w->jobs;
    if (j->n == j->cap) {
        size_t cap = j->cap ? 2 * j->cap : 64;
        gw_job *v = realloc(j->v, cap * sizeof *v);
        if (!v)
            return gw_fail(w->err, GW_ERR_NOMEM, 0, 0, "out of memory");
        j->v = v;
        j->cap = cap;
    }
    gw_job *job = &j->v[j->n];
    memset(job, 0, sizeof *job);
    job->path = dup_str(path);
    job->stem = stem_of(rel);
    if (!job->path || !job->stem) {
        free(job->path);
        free(job->stem);
        return gw_fail(w->err, GW_ERR_NOMEM, 0, 0, "out of memory");
    }
    j->n++;
    return GW_OK;
}

static int matches_any(const char *const *globs, size_t n, const char *rel, const char *base)
{
    for (size_t i = 0; i < n; i++)
        if (fnmatch(globs[i], rel, 0) == 0 || fnmatch(globs[i], base, 0) == 0)
            return 1;
    return 0;
}

static int is_outdir(const walk *w, const char *path)
{
    char real[PATH_MAX];
    return w->outdir_real[0] && realpath(path, real) && !strcmp(real, w->outdir_real);
}

/* dir's files, rel being dir's path below the operand ("" at the top). */
static gw_status walk_dir(walk *w, const char *dir, const char *rel, int depth)
{
    if (depth > 64)
        return fail_on(w, dir, GW_ERR_IO, _("directories nested too deep"));
    struct dirent **names = NULL;
    int n = scandir(dir, &names, NULL, alphasort);
    if (n < 0)
        return fail_on(w, dir, GW_ERR_IO, strerror(errno));
    gw_status s = GW_OK;
    for (int i = 0; i < n; i++) {
        const char *base = names[i]->d_name;
        char path[PATH_MAX], sub[PATH_MAX];
        struct stat st;
        if (s != GW_OK || base[0] == '.')
            continue;
        const char *sep = dir[strlen(dir) - 1] == '/' ? "" : "/";
        if (snprintf(path, sizeof path, "%s%s%s", dir, sep, base) >= (int)sizeof path ||
            snprintf(sub, sizeof sub, "%s%s%s", rel, *rel ? "/" : "", base) >= (int)sizeof sub) {
            s = fail_on(w, dir, GW_ERR_IO, strerror(ENAMETOOLONG));
            continue;
        }
        if (lstat(path, &st) != 0) {
            s = fail_on(w, path, GW_ERR_IO, strerror(errno));
            continue;
        }
        if (matches_any(w->o->exclude, w->o->nexclude, sub, base))
            continue;
        if (S_ISDIR(st.st_mode)) {
            /* the outputs of an earlier run are no inputs */
            if (!is_outdir(w, path))
                s = walk_dir(w, path, sub, depth + 1);
            continue;
        }
        /* a link to a file is the file; links to directories are not
         * followed (no loops) */
        if (S_ISLNK(st.st_mode) && (stat(path, &st) != 0 || !S_ISREG(st.st_mode)))
            continue;
        if (!S_ISREG(st.st_mode))
            continue;
        if (w->o->ninclude && !matches_any(w->o->include, w->o->ninclude, sub, base))
            continue;
        s = add(w, path, sub);
    }
    for (int i = 0; i < n; i++)
        free(names[i]);
    free(names);
    return s;
}

static int by_stem(const void *a, const void *b)
{
    const gw_job *const *x = a, *const *y = b;
    return strcmp((*x)->stem, (*y)->stem);
}

gw_status gw_batch_distinct(const gw_batch_options *o, gw_jobs *jobs, gw_error *err,
                            char **err_name)
{
    walk w0 = {o, jobs, "", err, err_name}, *w = &w0;
    *err_name = NULL;
    gw_jobs *j = w->jobs;
    if (j->n < 2)
        return GW_OK;
    const gw_job **v = malloc(j->n * sizeof *v);
    if (!v)
        return gw_fail(w->err, GW_ERR_NOMEM, 0, 0, "out of memory");
    for (size_t i = 0; i < j->n; i++)
        v[i] = &j->v[i];
    qsort(v, j->n, sizeof *v, by_stem);
    gw_status s = GW_OK;
    for (size_t i = 1; i < j->n && s == GW_OK; i++)
        if (!strcmp(v[i - 1]->stem, v[i]->stem)) {
            char msg[PATH_MAX + 128];
            snprintf(msg, sizeof msg, _("has the same output name as %s (%s/%s.*)"), v[i - 1]->path,
                     w->o->outdir, v[i]->stem);
            s = fail_on(w, v[i]->path, GW_ERR_USAGE, msg);
        }
    free(v);
    return s;
}

gw_status gw_batch_list(const gw_batch_options *o, char **operands, int n, gw_jobs *jobs,
                        gw_error *err, char **err_name)
{
    walk w = {o, jobs, "", err, err_name};
    *err_name = NULL;
    if (!o->outdir || !realpath(o->outdir, w.outdir_real))
        w.outdir_real[0] = '\0';
    gw_status s = GW_OK;
    for (int i = 0; i < n && s == GW_OK; i++) {
        struct stat st;
        const char *p = operands[i];
        if (!strcmp(p, "-"))
            s = fail_on(&w, p, GW_ERR_USAGE, _("standard input cannot be part of a batch"));
        else if (stat(p, &st) != 0)
            s = fail_on(&w, p, GW_ERR_IO, strerror(errno));
        else if (S_ISDIR(st.st_mode))
            s = walk_dir(&w, p, "", 0);
        else {
            /* a file named alone keeps only its own name under OUTDIR */
            const char *base = strrchr(p, '/');
            s = add(&w, p, base ? base + 1 : p);
        }
    }
    return s;
}

void gw_jobs_free(gw_jobs *jobs)
{
    for (size_t i = 0; i < jobs->n; i++) {
        free(jobs->v[i].path);
        free(jobs->v[i].stem);
        free(jobs->v[i].err_name);
        if (jobs->v[i].previous)
            json_object_put(jobs->v[i].previous);
    }
    free(jobs->v);
    jobs->v = NULL;
    jobs->n = jobs->cap = 0;
}
