/* libzip, opened with dlopen the first time a ZIP package is read (.docx)
 * or written (the packaged output formats), not linked: libzip brings
 * libcrypto, whose loading was a third of every run's start-up (1.8 ms of
 * -t xml's 5.5 on one report), though most runs open no package.
 *
 * The table holds the libzip functions gongwen calls, under their names
 * without the zip_ prefix. Process-wide, as the loaded library is: filled
 * once, under a lock (a batch's threads may open packages at the same
 * time), never unloaded. */
#ifndef GW_ZIP_API_H
#define GW_ZIP_API_H

#include "gongwen.h"

#include <zip.h>

typedef struct {
    /* reading (docx_parts.c) */
    void (*error_init)(zip_error_t *);
    void (*error_fini)(zip_error_t *);
    int (*error_code_zip)(const zip_error_t *);
    zip_source_t *(*source_buffer_create)(const void *, zip_uint64_t, int, zip_error_t *);
    zip_t *(*open_from_source)(zip_source_t *, int, zip_error_t *);
    void (*source_free)(zip_source_t *);
    void (*discard)(zip_t *);
    zip_int64_t (*get_num_entries)(zip_t *, zip_flags_t);
    const char *(*get_name)(zip_t *, zip_uint64_t, zip_flags_t);
    int (*stat_index)(zip_t *, zip_uint64_t, zip_flags_t, zip_stat_t *);
    zip_file_t *(*fopen_index)(zip_t *, zip_uint64_t, zip_flags_t);
    zip_int64_t (*fread)(zip_file_t *, void *, zip_uint64_t);
    int (*fclose)(zip_file_t *);
    zip_int64_t (*name_locate)(zip_t *, const char *, zip_flags_t);
    /* writing (package.c) */
    zip_source_t *(*source_buffer)(zip_t *, const void *, zip_uint64_t, int);
    zip_int64_t (*file_add)(zip_t *, const char *, zip_source_t *, zip_flags_t);
    const char *(*strerror)(zip_t *);
    int (*file_set_dostime)(zip_t *, zip_uint64_t, zip_uint16_t, zip_uint16_t, zip_flags_t);
    int (*set_file_compression)(zip_t *, zip_uint64_t, zip_int32_t, zip_uint32_t);
    int (*source_open)(zip_source_t *);
    void (*stat_init)(zip_stat_t *);
    int (*source_stat)(zip_source_t *, zip_stat_t *);
    zip_int64_t (*source_read)(zip_source_t *, void *, zip_uint64_t);
    int (*source_close)(zip_source_t *);
    void (*source_keep)(zip_source_t *);
    int (*close)(zip_t *);
} gw_zip_api;

/* The table, libzip loaded on the first call; NULL with err set
 * (GW_ERR_BAD_SOURCE, naming the library) when it cannot be. */
const gw_zip_api *gw_zip_api_load(gw_error *err);

#endif
