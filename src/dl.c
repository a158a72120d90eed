/* Shared libraries opened when first needed: see dl.h. */
#include "dl.h"

#include <dlfcn.h>

int gw_dl_retry(pthread_mutex_t *lock, const int *ok, void (*load)(void))
{
    pthread_mutex_lock(lock);
    for (int tries = 0; !*ok && tries < 2; tries++)
        load();
    int done = *ok;
    pthread_mutex_unlock(lock);
    return done;
}

int gw_dl_load(const char *soname, const char *fallback, const gw_dl_symbol *syms, size_t n)
{
    void *h = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
    if (!h)
        h = dlopen(fallback, RTLD_NOW | RTLD_LOCAL);
    if (!h)
        return 0;
    /* dlsym's void * to function pointers: POSIX requires it to work */
    for (size_t i = 0; i < n; i++)
        if (!(*syms[i].slot = dlsym(h, syms[i].name)))
            return 0;
    return 1;
}
