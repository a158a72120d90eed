/* A batch's manifest (see batch.h): JSON Lines, one object per input,
 * read back by --incremental to skip inputs whose bytes did not change. */
#include "batch.h"
#include "output.h"

#include <errno.h>
#include <json-c/json.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *str_of(json_object *obj, const char *key)
{
    json_object *v;
    return json_object_object_get_ex(obj, key, &v) && json_object_is_type(v, json_type_string)
               ? json_object_get_string(v)
               : NULL;
}

static int by_path(const void *a, const void *b)
{
    const gw_job *const *x = a, *const *y = b;
    return strcmp((*x)->path, (*y)->path);
}

/* Gives obj to the job whose path it records, if any (else drops it). */
static void attach(const gw_job **sorted, size_t n, json_object *obj)
{
    const char *path = str_of(obj, "path");
    gw_job key = {0};
    key.path = (char *)path;
    const gw_job *k = &key;
    const gw_job **hit = path ? bsearch(&k, sorted, n, sizeof *sorted, by_path) : NULL;
    if (hit && !(*hit)->previous)
        ((gw_job *)*hit)->previous = obj;
    else
        json_object_put(obj);
}

gw_status gw_manifest_load(const char *path, gw_jobs *jobs, gw_error *err)
{
    char *data = NULL;
    size_t len = 0;
    if (access(path, F_OK) != 0 && errno == ENOENT)
        return GW_OK;
    gw_status s = gw_read_path(path, &data, &len, err);
    if (s != GW_OK)
        return s;
    const gw_job **sorted = malloc((jobs->n ? jobs->n : 1) * sizeof *sorted);
    if (!sorted) {
        free(data);
        return gw_fail(err, GW_ERR_NOMEM, 0, 0, "out of memory");
    }
    for (size_t i = 0; i < jobs->n; i++)
        sorted[i] = &jobs->v[i];
    qsort(sorted, jobs->n, sizeof *sorted, by_path);
    unsigned long line = 0;
    for (char *p = data; s == GW_OK && p < data + len; line++) {
        char *nl = memchr(p, '\n', (size_t)(data + len - p));
        char *end = nl ? nl : data + len;
        *end = '\0';
        if (*p) {
            json_object *obj = json_tokener_parse(p);
            if (!obj || !json_object_is_type(obj, json_type_object)) {
                json_object_put(obj);
                s = gw_fail(err, GW_ERR_USAGE, line + 1, 1, "not a manifest record");
            } else {
                attach(sorted, jobs->n, obj);
            }
        }
        p = end + 1;
    }
    free(sorted);
    free(data);
    return s;
}

int gw_manifest_unchanged(const gw_job *job, char *const *outputs, size_t noutputs)
{
    if (!job->previous)
        return 0;
    const char *sha = str_of(job->previous, "sha256");
    const char *status = str_of(job->previous, "status");
    json_object *outs;
    if (!sha || strcmp(sha, job->sha256) || !status ||
        (strcmp(status, "ok") && strcmp(status, "unchanged")) ||
        !json_object_object_get_ex(job->previous, "outputs", &outs) ||
        !json_object_is_type(outs, json_type_array) || json_object_array_length(outs) != noutputs)
        return 0;
    for (size_t i = 0; i < noutputs; i++) {
        json_object *o = json_object_array_get_idx(outs, i);
        if (!json_object_is_type(o, json_type_string) ||
            strcmp(json_object_get_string(o), outputs[i]) || access(outputs[i], F_OK) != 0)
            return 0;
    }
    return 1;
}

static const char *status_name(gw_job_status s)
{
    switch (s) {
    case GW_JOB_OK:
        return "ok";
    case GW_JOB_UNCHANGED:
        return "unchanged";
    case GW_JOB_FAILED:
        return "failed";
    default:
        return "pending";
    }
}

static int put(json_object *obj, const char *key, json_object *v)
{
    return v && json_object_object_add(obj, key, v) == 0;
}

/* The record of one job; NULL when out of memory. */
static json_object *record(const gw_job *job, const gw_batch_options *o)
{
    json_object *obj = json_object_new_object(), *outs = json_object_new_array();
    int ok = obj && outs;
    ok = ok && put(obj, "path", json_object_new_string(job->path)) &&
         put(obj, "size", json_object_new_int64((int64_t)job->size)) &&
         put(obj, "sha256", json_object_new_string(job->sha256)) &&
         put(obj, "encoding", json_object_new_string(job->encoding)) &&
         put(obj, "format", json_object_new_string(job->format[0] ? job->format : "text"));
    for (size_t i = 0; ok && i < o->nformats && job->status != GW_JOB_FAILED; i++) {
        char *p = gw_batch_output(o, job, i);
        ok = p && json_object_array_add(outs, json_object_new_string(p)) == 0;
        free(p);
    }
    ok = ok && put(obj, "outputs", outs);
    if (!ok)
        json_object_put(outs);
    outs = NULL;
    ok = ok && put(obj, "headings", json_object_new_int64((int64_t)job->headings)) &&
         put(obj, "tables", json_object_new_int64((int64_t)job->tables)) &&
         put(obj, "notes", json_object_new_int64((int64_t)job->notes)) &&
         put(obj, "diagnostics", json_object_new_int64((int64_t)job->diagnostics)) &&
         put(obj, "status", json_object_new_string(status_name(job->status))) &&
         put(obj, "ms", json_object_new_int64((int64_t)(job->ms + 0.5)));
    if (ok && job->status == GW_JOB_FAILED)
        ok = put(obj, "error", json_object_new_string(job->err.message));
    if (!ok) {
        json_object_put(obj);
        return NULL;
    }
    return obj;
}

gw_status gw_manifest_write(const char *path, const gw_jobs *jobs, const gw_batch_options *o,
                            gw_error *err)
{
    char *buf = NULL;
    size_t size = 0;
    FILE *fp = open_memstream(&buf, &size);
    if (!fp)
        return gw_fail(err, GW_ERR_NOMEM, 0, 0, "out of memory");
    int ok = 1;
    for (size_t i = 0; ok && i < jobs->n; i++) {
        json_object *obj = record(&jobs->v[i], o);
        ok = obj && fprintf(fp, "%s\n",
                            json_object_to_json_string_ext(
                                obj, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE)) > 0;
        json_object_put(obj);
    }
    if (fclose(fp) != 0 || !ok) {
        free(buf);
        return gw_fail(err, GW_ERR_NOMEM, 0, 0, "out of memory");
    }
    gw_status s = gw_write_output(path, buf, size, err);
    free(buf);
    return s;
}

static size_t count_of(json_object *obj, const char *key)
{
    json_object *v;
    return json_object_object_get_ex(obj, key, &v) ? (size_t)json_object_get_int64(v) : 0;
}

void gw_manifest_restore(gw_job *job)
{
    const char *enc = str_of(job->previous, "encoding");
    snprintf(job->encoding, sizeof job->encoding, "%s", enc ? enc : "");
    const char *format = str_of(job->previous, "format");
    snprintf(job->format, sizeof job->format, "%s", format ? format : "");
    job->headings = count_of(job->previous, "headings");
    job->tables = count_of(job->previous, "tables");
    job->notes = count_of(job->previous, "notes");
    job->diagnostics = count_of(job->previous, "diagnostics");
}
