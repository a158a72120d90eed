/* Unified diffs (diff -u, three lines of context) of two versions of a
 * file, byte for byte: lines end at LF (a CR stays part of its line, as
 * diff(1) keeps it), so patch(1) applies the result to the old file. */
#ifndef GW_UDIFF_H
#define GW_UDIFF_H

#include <stddef.h>
#include <stdio.h>

/* Writes the diff of a[0..alen) to b[0..blen) with name in both headers
 * (patch -p0 and `patch FILE` find the file); nothing when they are equal.
 * 0, or -1 when out of memory (nothing written) or on a write error. */
int gw_udiff(FILE *fp, const char *name, const char *a, size_t alen, const char *b, size_t blen);

#endif
