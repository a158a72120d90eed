/* The output formats: one registry line each (src/formats.c). The
 * converter's -t, the output file's extension, `gongwen --list-formats`
 * and through it the Makefile, the tests and the README all read it; a
 * new format is one line there and one stylesheet in xslt/. */
#ifndef GW_FORMATS_H
#define GW_FORMATS_H

#include <stddef.h>
#include <stdio.h>

typedef struct {
    const char *name;       /* what -t takes, and the name shown */
    const char *aliases;    /* other names -t takes, space-separated ("" none) */
    const char *stylesheet; /* file in the stylesheet directory; NULL: built in (the tree) */
    const char *extensions; /* of output files, space-separated, the usual one first */
    const char *media_type;
    int text; /* 1: the output is text; 0: binary (a package of parts) */
} gw_format;

/* The i-th format, or NULL past the last one. All static. */
const gw_format *gw_format_at(size_t i);
/* The format named name or one of its aliases, or NULL. */
const gw_format *gw_format_find(const char *name);
/* The format whose extension ends path's last component (the longest
 * one: x.dbk.xml is DocBook, x.xml the tree), or NULL. */
const gw_format *gw_format_for_path(const char *path);
/* The format whose name or alias is nearest to name (edit distance, a
 * transposition counting one), or NULL when none is near enough to be a
 * likely typo. */
const gw_format *gw_format_nearest(const char *name);
/* The registry as `gongwen --list-formats` prints it: one line a format,
 * NAME, STYLESHEET, EXTENSIONS, MEDIA-TYPE, text|binary, ALIASES separated
 * by tabs; lists comma-separated, "-" for none. Returns 0, or -1 when
 * writing failed. */
int gw_formats_print(FILE *fp);

#endif
