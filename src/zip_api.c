/* libzip through dlopen: see zip_api.h. */
#include "zip_api.h"
#include "dl.h"

#include <pthread.h>

#define GW_ZIP_SONAME "libzip.so.4"

/* The functions, by slot and name; the table's types are checked against
 * zip.h's declarations where the compiler can tell (GCC, Clang). */
#define FUNCTIONS(X)                                                                               \
    X(error_init)                                                                                  \
    X(error_fini)                                                                                  \
    X(error_code_zip)                                                                              \
    X(source_buffer_create)                                                                        \
    X(open_from_source)                                                                            \
    X(source_free)                                                                                 \
    X(discard)                                                                                     \
    X(get_num_entries)                                                                             \
    X(get_name)                                                                                    \
    X(stat_index)                                                                                  \
    X(fopen_index)                                                                                 \
    X(fread)                                                                                       \
    X(fclose)                                                                                      \
    X(name_locate)                                                                                 \
    X(source_buffer)                                                                               \
    X(file_add)                                                                                    \
    X(strerror)                                                                                    \
    X(file_set_dostime)                                                                            \
    X(set_file_compression)                                                                        \
    X(source_open)                                                                                 \
    X(stat_init)                                                                                   \
    X(source_stat)                                                                                 \
    X(source_read)                                                                                 \
    X(source_close)                                                                                \
    X(source_keep)                                                                                 \
    X(close)

#if defined(__GNUC__)
#define SAME_TYPE(f)                                                                               \
    _Static_assert(                                                                                \
        __builtin_types_compatible_p(__typeof__(((gw_zip_api *)0)->f), __typeof__(&zip_##f)),      \
        "gw_zip_api." #f " is not zip_" #f "'s type");
FUNCTIONS(SAME_TYPE)
#endif

static gw_zip_api api;
static int api_ok;
static pthread_mutex_t api_lock = PTHREAD_MUTEX_INITIALIZER;

static void load(void)
{
#define SLOT(f) {"zip_" #f, (void **)&api.f},
    static const gw_dl_symbol fns[] = {FUNCTIONS(SLOT)};
#undef SLOT
    api_ok = gw_dl_load(GW_ZIP_SONAME, "libzip.so", fns, sizeof fns / sizeof fns[0]);
}

const gw_zip_api *gw_zip_api_load(gw_error *err)
{
    if (!gw_dl_retry(&api_lock, &api_ok, load)) {
        gw_fail(err, GW_ERR_BAD_SOURCE, 0, 0,
                "reading or writing a ZIP package needs libzip (" GW_ZIP_SONAME
                "), which is not installed");
        return NULL;
    }
    return &api;
}
