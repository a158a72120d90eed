/* Reading input. Decoding is decode.c. */
#include "gongwen.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* gw_read_stream, starting with room for cap bytes and one more (the
 * size of a regular file: read into a buffer of just its size) */
static gw_status read_stream(FILE *fp, size_t cap, char **data, size_t *len, gw_error *err)
{
    size_t n = 0;
    cap = cap < SIZE_MAX / 2 ? cap + 1 : 65536;
    char *buf = malloc(cap);
    if (!buf)
        return gw_fail_nomem(err);
    for (;;) {
        if (n == cap) {
            char *bigger = cap > SIZE_MAX / 2 ? NULL : realloc(buf, cap * 2);
            if (!bigger) {
                free(buf);
                return gw_fail_nomem(err);
            }
            buf = bigger;
            cap *= 2;
        }
        size_t got = fread(buf + n, 1, cap - n, fp);
        n += got;
        if (got == 0) {
            if (ferror(fp)) {
                int e = errno;
                free(buf);
                return gw_fail(err, GW_ERR_IO, 0, 0, "read error: %s",
                               e ? strerror(e) : "unknown error");
            }
            break;
        }
    }
    *data = buf;
    *len = n;
    return GW_OK;
}

gw_status gw_read_stream(FILE *fp, char **data, size_t *len, gw_error *err)
{
    return read_stream(fp, 65535, data, len, err);
}

gw_status gw_read_path(const char *path, char **data, size_t *len, gw_error *err)
{
    if (!strcmp(path, "-"))
        return gw_read_stream(stdin, data, len, err);
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return errno == ENOMEM ? gw_fail_nomem(err)
                               : gw_fail(err, GW_ERR_IO, 0, 0, "%s", strerror(errno));
    struct stat st;
    size_t cap = fstat(fileno(fp), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
                         (unsigned long long)st.st_size < SIZE_MAX / 2
                     ? (size_t)st.st_size
                     : 65535;
    gw_status s = read_stream(fp, cap, data, len, err);
    fclose(fp);
    return s;
}
