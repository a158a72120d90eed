/* Shared libraries opened when they are first needed (poppler-glib for a
 * PDF, libzip for a package), not at every start: see pdf.c, zip_api.c. */
#ifndef GW_DL_H
#define GW_DL_H

#include <pthread.h>
#include <stddef.h>

/* A function to look up, and where its address goes. */
typedef struct {
    const char *name;
    void **slot;
} gw_dl_symbol;

/* Opens soname, else fallback (the development link), and fills every
 * slot of syms[0..n) from it; 1 when all were found, else 0 (the slots
 * filled so far are not to be used). The library stays open for the
 * process; the caller serializes calls. */
int gw_dl_load(const char *soname, const char *fallback, const gw_dl_symbol *syms, size_t n);

/* Calls load under lock until it sets *ok, twice at most: a dlopen that
 * failed may have been short of memory rather than of the library, so it
 * is tried again, now and at the next call. Returns *ok as load left it. */
int gw_dl_retry(pthread_mutex_t *lock, const int *ok, void (*load)(void));

#endif
