/* `gongwen -O OUTDIR FILE|DIR...`: many inputs converted in one run by a
 * pool of worker threads (batch.c), the inputs found by batch_list.c, the
 * record of the run kept by manifest.c.
 *
 * Threads: the caller has called gw_init; the stylesheet set is shared
 * read-only once every format was prepared (batch.c does so before the
 * workers start); each worker owns the text, tree and transformation
 * context of the file it is on, and writes only its own job's results. */
#ifndef GW_BATCH_H
#define GW_BATCH_H

#include "gongwen.h"

#include <json-c/json_object.h>

#define GW_BATCH_MAX_FORMATS 16
#define GW_BATCH_MAX_GLOBS 16

typedef struct {
    const char *outdir;
    const char *formats[GW_BATCH_MAX_FORMATS]; /* as -t names them */
    size_t nformats;
    const char *include[GW_BATCH_MAX_GLOBS]; /* fnmatch patterns; none: every file */
    size_t ninclude;
    const char *exclude[GW_BATCH_MAX_GLOBS];
    size_t nexclude;
    const char *const *params; /* NULL or name/value pairs */
    gw_decode_options decode;
    int allow_io;
    int embed;            /* --diagnostics=embed */
    int jobs;             /* worker threads; 0: the number of CPUs */
    int incremental;      /* skip inputs the manifest records unchanged */
    const char *manifest; /* FILE.jsonl or NULL */
    int progress;         /* show progress (standard error is a terminal) */
    long long converted;  /* the conversion time to record, or -1 */
    /* limits (0: none). Per file, as a single run applies them: the bytes
       of each output, a stylesheet's seconds and what document() may read;
       the bytes of each input (a larger one fails unread). Per batch,
       checked before anything is converted: the number of inputs and
       their total size. */
    unsigned long long max_output, max_input, max_total;
    size_t max_files;
    unsigned timeout;
    gw_read_policy read;
} gw_batch_options;

/* One input and, once a worker is done with it, what became of it. */
typedef enum { GW_JOB_PENDING, GW_JOB_OK, GW_JOB_FAILED, GW_JOB_UNCHANGED } gw_job_status;

typedef struct {
    char *path; /* the file to read, owned */
    char *stem; /* its output name relative to OUTDIR without extension, owned */
    gw_job_status status;
    gw_error err;
    char *err_name; /* what err is about (path, or an output), owned; NULL: not a file's */
    size_t size;
    char sha256[65];
    char encoding[32];
    char format[16]; /* the source format: text, docx, html, pdf */
    size_t headings, tables, notes, diagnostics;
    double ms;
    json_object *previous; /* its record in the previous manifest, or NULL; owned */
} gw_job;

typedef struct {
    gw_job *v;
    size_t n, cap;
} gw_jobs;

/* The inputs named by operands: files as they are, directories walked
 * recursively (in name order; names starting with '.' skipped, and the
 * output directory itself) keeping the files the include patterns accept
 * and the exclude ones do not. o->outdir may be NULL (`gongwen check`).
 * Appends to jobs; returns GW_OK, else a failure in err, naming the file
 * in *err_name (malloc'ed). */
gw_status gw_batch_list(const gw_batch_options *o, char **operands, int n, gw_jobs *jobs,
                        gw_error *err, char **err_name);
/* GW_ERR_USAGE when two of jobs would write the same outputs. */
gw_status gw_batch_distinct(const gw_batch_options *o, gw_jobs *jobs, gw_error *err,
                            char **err_name);
void gw_jobs_free(gw_jobs *jobs);

/* Runs the batch over operands; returns the exit status (0 all converted,
 * 1 some input failed, 2 a usage or I/O error before or after the files),
 * having reported every failure on standard error. */
int gw_batch_run(const gw_batch_options *o, gw_styles *st, char **operands, int n);

/* The manifest (JSON Lines, one object per input, in input order). */
/* Attaches to each job its record in the manifest at path, if the file
 * exists; a missing file is no error (a first run). */
gw_status gw_manifest_load(const char *path, gw_jobs *jobs, gw_error *err);
/* Whether job's previous record says it was converted from these very
 * bytes (its sha256) into outputs that are all still there. */
int gw_manifest_unchanged(const gw_job *job, char *const *outputs, size_t noutputs);
/* An unchanged job's encoding and counts, from its previous record. */
void gw_manifest_restore(gw_job *job);
/* Writes the manifest of jobs atomically. */
gw_status gw_manifest_write(const char *path, const gw_jobs *jobs, const gw_batch_options *o,
                            gw_error *err);

/* The output path of job for format i: OUTDIR/STEM.EXT, malloc'ed. */
char *gw_batch_output(const gw_batch_options *o, const gw_job *job, size_t i);

#endif
