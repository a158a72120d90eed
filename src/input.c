/* Reading input. Decoding is decode.c. */
#include "gongwen.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

gw_status gw_read_stream(FILE *fp, char **data, size_t *len, gw_error *err)
{
    size_t cap = 65536, n = 0;
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

gw_status gw_read_path(const char *path, char **data, size_t *len, gw_error *err)
{
    if (!strcmp(path, "-"))
        return gw_read_stream(stdin, data, len, err);
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return errno == ENOMEM ? gw_fail_nomem(err)
                               : gw_fail(err, GW_ERR_IO, 0, 0, "%s", strerror(errno));
    gw_status s = gw_read_stream(fp, data, len, err);
    fclose(fp);
    return s;
}
