#include "output.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static gw_status io_fail(gw_error *err, const char *what)
{
    return gw_fail(err, GW_ERR_IO, 0, 0, "%s: %s", what, strerror(errno));
}

static int write_all(int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, data, len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        data += n;
        len -= (size_t)n;
    }
    return 0;
}

gw_status gw_write_output(const char *path, const char *data, size_t len, gw_error *err)
{
    if (!path || !strcmp(path, "-")) {
        if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0)
            return io_fail(err, "write error");
        return GW_OK;
    }
    /* the temporary file sits beside the target so rename() is atomic */
    size_t n = strlen(path);
    char *tmp = malloc(n + 16);
    if (!tmp)
        return gw_fail(err, GW_ERR_NOMEM, 0, 0, "out of memory");
    const char *slash = strrchr(path, '/');
    size_t dir = slash ? (size_t)(slash - path) + 1 : 0;
    memcpy(tmp, path, dir);
    strcpy(tmp + dir, ".gongwen-XXXXXX");
    int fd = mkstemp(tmp);
    if (fd < 0) {
        gw_status s = io_fail(err, "cannot create output file");
        free(tmp);
        return s;
    }
    /* mkstemp makes the file private; give it the mode a plain fopen would */
    mode_t mask = umask(0);
    umask(mask);
    gw_status s = GW_OK;
    if (fchmod(fd, 0666 & ~mask) < 0 || write_all(fd, data, len) < 0 || fsync(fd) < 0)
        s = io_fail(err, "write error");
    if (close(fd) < 0 && s == GW_OK)
        s = io_fail(err, "write error");
    if (s == GW_OK && rename(tmp, path) < 0)
        s = io_fail(err, "cannot replace output file");
    if (s != GW_OK)
        unlink(tmp);
    free(tmp);
    return s;
}
