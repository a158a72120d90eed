/* Writing results: standard output, or a file replaced atomically so that a
 * failure never leaves a half-written file or clobbers the old one. */
#ifndef GW_OUTPUT_H
#define GW_OUTPUT_H

#include "gongwen.h"

#include <libxml/xmlIO.h>

/* An output being written: standard output, a device written in place, or
 * a temporary file beside the target that gw_sink_commit renames over it.
 * While a temporary file exists, SIGINT, SIGTERM, SIGHUP and SIGXFSZ
 * remove it before they end the process. Owned by the caller: it ends with
 * exactly one of gw_sink_commit and gw_sink_abort. */
typedef struct gw_sink gw_sink;

/* path NULL or "-" means standard output. max: the most bytes that may be
 * written (0: no limit); more is an error that names the limit. */
gw_sink *gw_sink_open(const char *path, unsigned long long max, gw_error *err);
/* Appends data: 0, or -1 after which the sink only fails (the reason is
 * given by gw_sink_commit). Fits gw_write_fn. */
int gw_sink_write(void *sink, const char *data, size_t len);
/* Finishes the output (the file replaced) and frees the sink. */
gw_status gw_sink_commit(gw_sink *s, gw_error *err);
/* Drops the output (the temporary file removed) and frees the sink. */
void gw_sink_abort(gw_sink *s);

/* 1 when a write failed or passed the limit: gw_sink_commit says why. */
int gw_sink_failed(const gw_sink *s);

/* A growing in-memory output, for gw_write_fn writers (gw_buffer_write).
 * Starts zeroed; data (malloc'ed, NUL-terminated once written to) belongs
 * to the caller. */
typedef struct {
    char *data;
    size_t len, cap;
} gw_buffer;
int gw_buffer_write(void *buffer, const char *data, size_t len);

/* A libxml2 output buffer that hands what it is given to w->write, with
 * encoder (NULL for UTF-8); w->failed is set when the writer refused. w
 * must outlive the buffer. NULL when out of memory. */
typedef struct {
    gw_write_fn write;
    void *ctx;
    int failed;
} gw_xml_writer;
xmlOutputBufferPtr gw_xml_writer_buffer(gw_xml_writer *w, xmlCharEncodingHandlerPtr encoder);

/* All of data at once: gw_sink_open, gw_sink_write, gw_sink_commit. */
gw_status gw_write_output(const char *path, const char *data, size_t len, gw_error *err);

#endif
