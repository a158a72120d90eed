/* A batch run (see batch.h): the inputs listed, the stylesheets compiled,
 * then worker threads take the files one at a time while this thread
 * shows progress and reports each failure as it happens. */
#define _XOPEN_SOURCE 700
#include "batch.h"
#include "cli.h"
#include "embed.h"
#include "formats.h"
#include "intl.h"
#include "names.h"
#include "output.h"
#include "readers.h"
#include "sha256.h"
#include "xmlout.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

typedef struct {
    const gw_batch_options *o;
    gw_styles *st;
    gw_jobs *jobs;
    pthread_mutex_t lock;
    pthread_cond_t finished_cond;
    /* under lock: */
    size_t next;      /* the next job to take */
    size_t *finished; /* job indexes in the order they finished */
    size_t nfinished;
} pool;

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static char *dup_str(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    return d ? memcpy(d, s, n) : NULL;
}

/* The extension of format i: the registry's usual one, else its name (a
 * stylesheet NAME.xsl of the user's). */
static void extension(const char *format, char *out, size_t cap)
{
    const gw_format *f = gw_format_find(format);
    const char *e = f ? f->extensions : format;
    snprintf(out, cap, "%.*s", (int)strcspn(e, " "), e);
}

char *gw_batch_output(const gw_batch_options *o, const gw_job *job, size_t i)
{
    char ext[32];
    extension(o->formats[i], ext, sizeof ext);
    size_t n = strlen(o->outdir) + strlen(job->stem) + strlen(ext) + 3;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s/%s.%s", o->outdir, job->stem, ext);
    return p;
}

/* mkdir -p of path's directory; other workers may make the same at once. */
static int make_parents(char *path)
{
    for (char *p = strchr(path + 1, '/'); p; p = strchr(p + 1, '/')) {
        *p = '\0';
        int rc = mkdir(path, 0777);
        int e = errno;
        *p = '/';
        if (rc != 0 && e != EEXIST)
            return -1;
    }
    return 0;
}

static size_t count_elements(xmlNodePtr node, const char *name)
{
    size_t n = 0;
    for (xmlNodePtr c = node; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE) {
            n += !strcmp((const char *)c->name, name);
            n += count_elements(c->children, name);
        }
    return n;
}

static void count_tree(gw_job *job, const gw_document *doc)
{
    xmlNodePtr root = xmlDocGetRootElement(gw_document_tree(doc));
    /* the source format the readers detected; the root omits text */
    xmlChar *f = xmlGetProp(root, BAD_CAST GW_A_FORMAT);
    snprintf(job->format, sizeof job->format, "%s", f ? (const char *)f : "text");
    xmlFree(f);
    job->headings = count_elements(root, GW_E_SECTION);
    job->tables = count_elements(root, GW_E_TABLE);
    job->notes = count_elements(root, GW_E_NOTE);
}

/* What the outputs read of the elements' ranges: a tree whose every output
 * is the XML keeps them beside it (xmlout.h; a third less memory), one
 * whose every output is a stylesheet's gets only their lines
 * (gw_document_keep_lines; a fifth less), any other all of them. */
typedef enum { RANGES_ALL, RANGES_BESIDE, RANGES_LINES } ranges_need;

static ranges_need ranges_needed(const gw_batch_options *o)
{
    size_t sheets = 0;
    for (size_t i = 0; i < o->nformats; i++) {
        const gw_format *f = gw_format_find(o->formats[i]);
        if (!f)
            return RANGES_ALL;
        sheets += f->stylesheet != NULL;
    }
    if (o->embed || (sheets && sheets < o->nformats))
        return RANGES_ALL;
    return sheets ? RANGES_LINES : RANGES_BESIDE;
}

/* An output made in memory (a file's sink would hold the signal-cleanup
 * slot, and so the other workers' writes, for the whole transformation),
 * refused past --max-output. */
typedef struct {
    gw_buffer b;
    unsigned long long max; /* 0: no limit */
    int over, nomem;
} capped;

static int capped_write(void *ctx, const char *data, size_t len)
{
    capped *c = ctx;
    if (c->max && len > c->max - c->b.len) {
        c->over = 1;
        return -1;
    }
    c->nomem = gw_buffer_write(&c->b, data, len) != 0;
    return c->nomem ? -1 : 0;
}

/* Renders doc into format i, within the per-file limits; *out malloc'ed. */
static gw_status render(const pool *p, size_t i, const gw_document *doc, char **out, size_t *len,
                        gw_error *err)
{
    const gw_batch_options *o = p->o;
    const gw_format *f = gw_format_find(o->formats[i]);
    gw_transform_options xo = {o->params, o->allow_io, o->read, o->timeout};
    capped c = {{0}, o->max_output, 0, 0};
    gw_status s = f && !f->stylesheet
                      ? gw_serialize_xml_to(doc, capped_write, &c, err)
                      : gw_transform_to(p->st, o->formats[i], doc, &xo, capped_write, &c, err);
    if (s != GW_OK && c.over)
        s = gw_fail(err, GW_ERR_STYLESHEET_FAILED, 0, 0,
                    "the output would be larger than %llu bytes (--max-output)", o->max_output);
    else if (s != GW_OK && c.nomem)
        s = gw_fail_nomem(err);
    if (s != GW_OK) {
        free(c.b.data);
        return s;
    }
    *out = c.b.data ? c.b.data : calloc(1, 1);
    *len = c.b.len;
    return *out ? GW_OK : gw_fail_nomem(err);
}

/* Renders doc into every format and writes the files. */
static gw_status write_outputs(const pool *p, gw_job *job, char **outputs, const gw_document *doc)
{
    const gw_batch_options *o = p->o;
    gw_status s = GW_OK;
    for (size_t i = 0; i < o->nformats && s == GW_OK; i++) {
        char *out = NULL;
        size_t len = 0;
        s = render(p, i, doc, &out, &len, &job->err);
        if (s == GW_OK && make_parents(outputs[i]) != 0)
            s = gw_fail(&job->err, GW_ERR_IO, 0, 0, "%s", strerror(errno));
        if (s == GW_OK)
            s = gw_write_output(outputs[i], out, len, &job->err);
        /* the stylesheet's failure is not the input's; a write's is the output's */
        if (s != GW_OK && (job->err.status == GW_ERR_IO || s == GW_ERR_IO))
            job->err_name = dup_str(outputs[i]);
        gw_free(out);
    }
    return s;
}

static gw_status too_large(const gw_batch_options *o, gw_job *job, unsigned long long size)
{
    job->size = (size_t)size;
    return gw_fail(&job->err, GW_ERR_BAD_SOURCE, 0, 0,
                   "the input is larger than %llu bytes (--max-input)", o->max_input);
}

/* Converts one input: its own text, tree and transformations. */
static void convert(const pool *p, gw_job *job, char **outputs)
{
    const gw_batch_options *o = p->o;
    double start = now_ms();
    char *data = NULL;
    gw_text *text = NULL;
    gw_document *doc = NULL;
    struct stat st;
    gw_status s = GW_OK;
    /* a file over --max-input is not read at all (nor one that grew past it) */
    if (o->max_input && stat(job->path, &st) == 0 && (unsigned long long)st.st_size > o->max_input)
        s = too_large(o, job, (unsigned long long)st.st_size);
    if (s == GW_OK)
        s = gw_read_path(job->path, &data, &job->size, &job->err);
    if (s == GW_OK && o->max_input && job->size > o->max_input)
        s = too_large(o, job, job->size);
    if (s == GW_OK)
        gw_sha256_hex(data, job->size, job->sha256);
    if (s == GW_OK && o->incremental && gw_manifest_unchanged(job, outputs, o->nformats)) {
        gw_manifest_restore(job);
        job->status = GW_JOB_UNCHANGED;
        free(data);
        job->ms = now_ms() - start;
        return;
    }
    /* any format the readers know (text, .docx, .html, .pdf), by content */
    if (s == GW_OK &&
        !(text = gw_read_source(data, job->size, GW_FROM_AUTO, &o->decode, &job->err)))
        s = job->err.status;
    if (s == GW_OK) {
        snprintf(job->encoding, sizeof job->encoding, "%s", gw_text_encoding(text));
        const char *base = strrchr(job->path, '/');
        gw_parse_options po = {base ? base + 1 : job->path, data, job->size, o->converted};
        ranges_need need = ranges_needed(o);
        if (!(doc = need == RANGES_ALL ? gw_parse_with(text, &po, &job->err)
                                       : gw_parse_lean(text, &po, &job->err)))
            s = job->err.status;
        else if (need == RANGES_LINES && gw_document_keep_lines(doc) != GW_OK)
            s = gw_fail_nomem(&job->err);
    }
    if (s == GW_OK) {
        job->diagnostics = gw_text_warning_count(text);
        if (o->embed)
            s = gw_embed_check(data, job->size, text, doc, &job->diagnostics, &job->err);
    }
    if (s == GW_OK) {
        count_tree(job, doc);
        s = write_outputs(p, job, outputs, doc);
    }
    if (s != GW_OK && !job->err_name)
        job->err_name = dup_str(job->path);
    job->status = s == GW_OK ? GW_JOB_OK : GW_JOB_FAILED;
    gw_document_free(doc);
    gw_text_free(text);
    free(data);
    job->ms = now_ms() - start;
}

static void *worker(void *arg)
{
    pool *p = arg;
    char **outputs = calloc(p->o->nformats, sizeof *outputs);
    for (;;) {
        pthread_mutex_lock(&p->lock);
        size_t i = p->next < p->jobs->n ? p->next++ : p->jobs->n;
        pthread_mutex_unlock(&p->lock);
        if (i == p->jobs->n)
            break;
        gw_job *job = &p->jobs->v[i];
        int ok = outputs != NULL;
        for (size_t k = 0; ok && k < p->o->nformats; k++)
            ok = (outputs[k] = gw_batch_output(p->o, job, k)) != NULL;
        if (ok) {
            convert(p, job, outputs);
        } else {
            gw_fail(&job->err, GW_ERR_NOMEM, 0, 0, "out of memory");
            job->status = GW_JOB_FAILED;
        }
        for (size_t k = 0; outputs && k < p->o->nformats; k++) {
            free(outputs[k]);
            outputs[k] = NULL;
        }
        pthread_mutex_lock(&p->lock);
        p->finished[p->nfinished++] = i;
        pthread_cond_signal(&p->finished_cond);
        pthread_mutex_unlock(&p->lock);
    }
    free(outputs);
    return NULL;
}

static void report_failure(const gw_job *job)
{
    if (job->err.line && job->err_name)
        gw_cli_at(job->err_name, job->err.line, job->err.column, "error", job->err.message);
    else
        gw_cli_error("gongwen", job->err_name, job->err.message);
}

/* "\r  37/1000  12.3 files/s  ETA 1:18" on the terminal, over itself. */
static void show_progress(size_t done, size_t total, double elapsed_ms)
{
    double rate = elapsed_ms > 0 ? done * 1e3 / elapsed_ms : 0;
    long eta = rate > 0 ? (long)((total - done) / rate + 0.5) : 0;
    fprintf(stderr, "\r\033[K%zu/%zu  %.1f files/s  ETA %ld:%02ld", done, total, rate, eta / 60,
            eta % 60);
    fflush(stderr);
}

/* Waits for the workers, reporting each failure as it comes. */
static void follow(pool *p, const gw_batch_options *o, double start)
{
    size_t seen = 0, total = p->jobs->n;
    pthread_mutex_lock(&p->lock);
    while (seen < total) {
        while (p->nfinished == seen) {
            struct timespec until;
            clock_gettime(CLOCK_REALTIME, &until);
            until.tv_nsec += 200000000;
            if (until.tv_nsec >= 1000000000) {
                until.tv_sec++;
                until.tv_nsec -= 1000000000;
            }
            pthread_cond_timedwait(&p->finished_cond, &p->lock, &until);
            if (o->progress && p->nfinished == seen)
                show_progress(seen, total, now_ms() - start);
        }
        size_t upto = p->nfinished;
        pthread_mutex_unlock(&p->lock);
        for (; seen < upto; seen++) {
            const gw_job *job = &p->jobs->v[p->finished[seen]];
            if (job->status == GW_JOB_FAILED) {
                if (o->progress)
                    fputs("\r\033[K", stderr);
                report_failure(job);
            }
        }
        if (o->progress)
            show_progress(seen, total, now_ms() - start);
        pthread_mutex_lock(&p->lock);
    }
    pthread_mutex_unlock(&p->lock);
    if (o->progress)
        fputs("\r\033[K", stderr);
}

/* Every format compiled (and its parameters checked) before any thread
 * starts: the workers then only read the set. */
static gw_status prepare(const gw_batch_options *o, gw_styles *st, gw_error *err)
{
    for (size_t i = 0; i < o->nformats; i++) {
        const gw_format *f = gw_format_find(o->formats[i]);
        if (f && !f->stylesheet)
            continue;
        gw_status s = gw_styles_prepare(st, o->formats[i], o->params, err);
        if (s != GW_OK)
            return s;
    }
    return GW_OK;
}

static int cpu_count(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)n : 1;
}

/* Starts the workers and follows them; 0, or -1 when no thread started. */
static int run_pool(pool *p, const gw_batch_options *o)
{
    int nthreads = o->jobs > 0 ? o->jobs : cpu_count();
    if ((size_t)nthreads > p->jobs->n)
        nthreads = p->jobs->n ? (int)p->jobs->n : 1;
    pthread_t *t = calloc((size_t)nthreads, sizeof *t);
    if (!t)
        return -1;
    int started = 0;
    double start = now_ms();
    for (; started < nthreads; started++)
        if (pthread_create(&t[started], NULL, worker, p) != 0)
            break;
    if (started)
        follow(p, o, start);
    for (int i = 0; i < started; i++)
        pthread_join(t[i], NULL);
    free(t);
    return started ? 0 : -1;
}

/* --max-files and --max-total, before anything is converted: a batch too
 * big to run is refused whole rather than cut short. A file that cannot be
 * looked at counts for nothing here and fails when it is read. */
static gw_status batch_limits(const gw_batch_options *o, const gw_jobs *jobs, gw_error *err)
{
    if (o->max_files && jobs->n > o->max_files)
        return gw_fail(err, GW_ERR_USAGE, 0, 0, _("%zu inputs, more than --max-files=%zu"), jobs->n,
                       o->max_files);
    unsigned long long total = 0;
    struct stat st;
    for (size_t i = 0; o->max_total && i < jobs->n; i++)
        if (stat(jobs->v[i].path, &st) == 0)
            total += (unsigned long long)st.st_size;
    if (o->max_total && total > o->max_total)
        return gw_fail(err, GW_ERR_USAGE, 0, 0,
                       _("the inputs add up to %llu bytes, more than --max-total=%llu"), total,
                       o->max_total);
    return GW_OK;
}

int gw_batch_run(const gw_batch_options *o, gw_styles *st, char **operands, int n)
{
    gw_jobs jobs = {0};
    gw_error err = {0};
    char *err_name = NULL;
    int rc = 0;
    double start = now_ms();
    gw_status s = prepare(o, st, &err);
    if (s == GW_OK)
        s = gw_batch_list(o, operands, n, &jobs, &err, &err_name);
    if (s == GW_OK)
        s = gw_batch_distinct(o, &jobs, &err, &err_name);
    if (s == GW_OK)
        s = batch_limits(o, &jobs, &err);
    if (s == GW_OK && o->incremental && (s = gw_manifest_load(o->manifest, &jobs, &err)) != GW_OK)
        err_name = dup_str(o->manifest);
    if (s != GW_OK) {
        gw_cli_error("gongwen", err_name, err.message);
        free(err_name);
        gw_jobs_free(&jobs);
        return GW_EXIT_USAGE;
    }
    pool p = {.o = o, .st = st, .jobs = &jobs};
    p.finished = malloc((jobs.n ? jobs.n : 1) * sizeof *p.finished);
    pthread_mutex_init(&p.lock, NULL);
    pthread_cond_init(&p.finished_cond, NULL);
    if (!p.finished || run_pool(&p, o) != 0) {
        gw_cli_error("gongwen", NULL, _("cannot start the worker threads"));
        rc = GW_EXIT_USAGE;
    }
    pthread_cond_destroy(&p.finished_cond);
    pthread_mutex_destroy(&p.lock);
    free(p.finished);
    size_t counts[4] = {0};
    for (size_t i = 0; i < jobs.n; i++)
        counts[jobs.v[i].status]++;
    if (rc == 0 && o->manifest && gw_manifest_write(o->manifest, &jobs, o, &err) != GW_OK) {
        gw_cli_error("gongwen", o->manifest, err.message);
        rc = GW_EXIT_USAGE;
    }
    fprintf(stderr, _("gongwen: %zu converted, %zu unchanged, %zu failed (%zu files, %.1f s)\n"),
            counts[GW_JOB_OK], counts[GW_JOB_UNCHANGED], counts[GW_JOB_FAILED], jobs.n,
            (now_ms() - start) / 1e3);
    if (rc == 0 && counts[GW_JOB_FAILED])
        rc = 1;
    gw_jobs_free(&jobs);
    return rc;
}
