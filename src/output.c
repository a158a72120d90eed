/* realpath() */
#define _XOPEN_SOURCE 700
#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static gw_status io_fail(gw_error *err, const char *what)
{
    return gw_fail(err, GW_ERR_IO, 0, 0, "%s: %s", what, strerror(errno));
}

/* GW_ERR_IO with errno set when a write fails. */
static gw_status write_all(int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, data, len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return GW_ERR_IO;
        }
        data += n;
        len -= (size_t)n;
    }
    return GW_OK;
}

/* A device or pipe (-o /dev/stdout, /dev/full, a FIFO) can't be replaced
 * by renaming, and replacing it would be wrong: it is written in place. */
static gw_status write_special(const char *path, const char *data, size_t len, gw_error *err)
{
    int fd = open(path, O_WRONLY | O_TRUNC);
    if (fd < 0)
        return io_fail(err, "cannot open output file");
    gw_status s = write_all(fd, data, len) != GW_OK ? io_fail(err, "write error") : GW_OK;
    if (close(fd) < 0 && s == GW_OK)
        s = io_fail(err, "write error");
    return s;
}

/* The process's umask without changing it: umask() can only be read by
 * setting it, which races with other threads creating files (a batch's
 * workers), so Linux's /proc/self/status is asked first. */
static mode_t current_umask(void)
{
    FILE *fp = fopen("/proc/self/status", "r");
    char line[128];
    unsigned mask = 0;
    int found = 0;
    while (fp && !found && fgets(line, sizeof line, fp))
        found = sscanf(line, "Umask: %o", &mask) == 1;
    if (fp)
        fclose(fp);
    if (found)
        return (mode_t)mask;
    mode_t old = umask(022);
    umask(old);
    return old;
}

/* Writes a temporary file beside path and renames it over path, so
 * readers see the old file or the whole new one, never a part. */
static gw_status write_replacing(const char *path, const char *data, size_t len, gw_error *err)
{
    size_t n = strlen(path);
    char *tmp = malloc(n + 16);
    if (!tmp)
        return gw_fail_nomem(err);
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
    mode_t mask = current_umask();
    gw_status s = GW_OK;
    if (fchmod(fd, 0666 & ~mask) < 0 || write_all(fd, data, len) != GW_OK || fsync(fd) < 0)
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

gw_status gw_write_output(const char *path, const char *data, size_t len, gw_error *err)
{
    if (!path || !strcmp(path, "-")) {
        if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0)
            return io_fail(err, "write error");
        return GW_OK;
    }
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode))
        return write_special(path, data, len, err);
    /* a symbolic link stays a link: its target is what gets replaced */
    if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
        char *target = realpath(path, NULL);
        if (!target)
            return io_fail(err, "cannot resolve output file");
        gw_status s = write_replacing(target, data, len, err);
        free(target);
        return s;
    }
    return write_replacing(path, data, len, err);
}
