/* realpath() */
#define _XOPEN_SOURCE 700
#include "output.h"

#include <errno.h>
#include <pthread.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The one global state of the program, and why: a signal handler cannot be
 * given an argument, so the path of the temporary file it must remove is
 * kept where it can reach it. Written only with the signals blocked; read
 * only by the handler, which uses async-signal-safe calls alone. */
static char pending_temp[PATH_MAX + 32];
/* A batch writes from several threads: one sink at a time holds the slot
 * (and the saved signal actions) from guard to unguard. Writing a file is
 * a small part of a conversion, so the threads hardly wait. */
static pthread_mutex_t pending_lock = PTHREAD_MUTEX_INITIALIZER;

static const int cleanup_signals[] = {SIGINT, SIGTERM, SIGHUP, SIGXFSZ};
#define NSIGNALS (sizeof cleanup_signals / sizeof cleanup_signals[0])

static void on_signal(int sig)
{
    if (pending_temp[0])
        unlink(pending_temp);
    /* the default action then ends the process as the signal would have */
    signal(sig, SIG_DFL);
    raise(sig);
}

struct gw_sink {
    int fd;
    FILE *fp;           /* standard output, else NULL */
    char *tmp, *target; /* the temporary file and the file it replaces */
    unsigned long long written, max;
    int err_no;   /* errno of the first failed write */
    int over_max; /* the limit was reached */
    struct sigaction old[NSIGNALS];
};

static gw_status io_fail(gw_error *err, const char *what, int e)
{
    return gw_fail(err, GW_ERR_IO, 0, 0, "%s: %s", what, strerror(e));
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

/* Registers tmp for removal on a signal. A signal already ignored (SIGXFSZ
 * under `trap '' XFSZ`, to get EFBIG instead) stays ignored. */
static void guard(gw_sink *s)
{
    sigset_t all, prev;
    pthread_mutex_lock(&pending_lock);
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &prev);
    snprintf(pending_temp, sizeof pending_temp, "%s", s->tmp);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < NSIGNALS; i++) {
        sigaction(cleanup_signals[i], NULL, &s->old[i]);
        if (s->old[i].sa_handler != SIG_IGN)
            sigaction(cleanup_signals[i], &sa, NULL);
    }
    pthread_sigmask(SIG_SETMASK, &prev, NULL);
}

static void unguard(gw_sink *s)
{
    sigset_t all, prev;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &prev);
    pending_temp[0] = '\0';
    for (size_t i = 0; i < NSIGNALS; i++)
        sigaction(cleanup_signals[i], &s->old[i], NULL);
    pthread_sigmask(SIG_SETMASK, &prev, NULL);
    pthread_mutex_unlock(&pending_lock);
}

static void sink_free(gw_sink *s)
{
    free(s->tmp);
    free(s->target);
    free(s);
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

/* A temporary file beside path, to be renamed over it. */
static gw_status open_temp(gw_sink *s, const char *path, gw_error *err)
{
    size_t n = strlen(path);
    s->target = strdup(path);
    s->tmp = malloc(n + 16);
    if (!s->target || !s->tmp)
        return gw_fail(err, GW_ERR_NOMEM, 0, 0, "out of memory");
    if (n + 16 > sizeof pending_temp)
        return gw_fail(err, GW_ERR_IO, 0, 0, "cannot create output file: %s",
                       strerror(ENAMETOOLONG));
    const char *slash = strrchr(path, '/');
    size_t dir = slash ? (size_t)(slash - path) + 1 : 0;
    memcpy(s->tmp, path, dir);
    strcpy(s->tmp + dir, ".gongwen-XXXXXX");
    /* the handler is in place before the file exists */
    sigset_t sigs, prev;
    sigemptyset(&sigs);
    for (size_t i = 0; i < NSIGNALS; i++)
        sigaddset(&sigs, cleanup_signals[i]);
    pthread_sigmask(SIG_BLOCK, &sigs, &prev);
    s->fd = mkstemp(s->tmp);
    int e = errno;
    if (s->fd >= 0)
        guard(s);
    pthread_sigmask(SIG_SETMASK, &prev, NULL);
    if (s->fd < 0)
        return io_fail(err, "cannot create output file", e);
    /* mkstemp makes the file private; give it the mode a plain fopen would */
    mode_t mask = current_umask();
    if (fchmod(s->fd, 0666 & ~mask) < 0) {
        e = errno;
        unlink(s->tmp);
        unguard(s);
        close(s->fd);
        return io_fail(err, "write error", e);
    }
    return GW_OK;
}

gw_sink *gw_sink_open(const char *path, unsigned long long max, gw_error *err)
{
    gw_sink *s = calloc(1, sizeof *s);
    if (!s) {
        gw_fail(err, GW_ERR_NOMEM, 0, 0, "out of memory");
        return NULL;
    }
    s->fd = -1;
    s->max = max;
    if (!path || !strcmp(path, "-")) {
        s->fp = stdout;
        return s;
    }
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        /* a device or pipe (-o /dev/stdout, /dev/full, a FIFO) can't be
         * replaced by renaming, and replacing it would be wrong */
        s->fd = open(path, O_WRONLY | O_TRUNC);
        if (s->fd < 0) {
            io_fail(err, "cannot open output file", errno);
            sink_free(s);
            return NULL;
        }
        return s;
    }
    gw_status r;
    /* a symbolic link stays a link: its target is what gets replaced */
    if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
        char *target = realpath(path, NULL);
        r = target ? open_temp(s, target, err) : io_fail(err, "cannot resolve output file", errno);
        free(target);
    } else {
        r = open_temp(s, path, err);
    }
    if (r != GW_OK) {
        sink_free(s);
        return NULL;
    }
    return s;
}

int gw_sink_write(void *sink, const char *data, size_t len)
{
    gw_sink *s = sink;
    if (s->err_no || s->over_max)
        return -1;
    if (s->max && (len > s->max || s->written > s->max - len)) {
        s->over_max = 1;
        return -1;
    }
    s->written += len;
    int bad = s->fp ? fwrite(data, 1, len, s->fp) != len : write_all(s->fd, data, len) < 0;
    if (bad) {
        s->err_no = errno ? errno : EIO;
        return -1;
    }
    return 0;
}

static gw_status failure(const gw_sink *s, gw_error *err)
{
    if (s->over_max)
        return gw_fail(err, GW_ERR_STYLESHEET_FAILED, 0, 0,
                       "the output would be larger than %llu bytes (--max-output)", s->max);
    return io_fail(err, "write error", s->err_no);
}

gw_status gw_sink_commit(gw_sink *s, gw_error *err)
{
    gw_status r = GW_OK;
    if (s->fp) {
        if (!s->err_no && !s->over_max && fflush(s->fp) != 0)
            s->err_no = errno;
        r = s->err_no || s->over_max ? failure(s, err) : GW_OK;
        sink_free(s);
        return r;
    }
    if (!s->err_no && !s->over_max && s->tmp && fsync(s->fd) < 0)
        s->err_no = errno;
    if (close(s->fd) < 0 && !s->err_no)
        s->err_no = errno;
    if (s->err_no || s->over_max)
        r = failure(s, err);
    if (s->tmp) {
        if (r == GW_OK && rename(s->tmp, s->target) < 0)
            r = io_fail(err, "cannot replace output file", errno);
        if (r != GW_OK)
            unlink(s->tmp);
        unguard(s);
    }
    sink_free(s);
    return r;
}

void gw_sink_abort(gw_sink *s)
{
    if (!s)
        return;
    if (!s->fp)
        close(s->fd);
    if (s->tmp) {
        unlink(s->tmp);
        unguard(s);
    }
    sink_free(s);
}

int gw_sink_failed(const gw_sink *s)
{
    return s->err_no || s->over_max;
}

int gw_buffer_write(void *buffer, const char *data, size_t len)
{
    gw_buffer *b = buffer;
    if (len >= SIZE_MAX - b->len)
        return -1;
    if (b->len + len + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->len + len + 1)
            cap = cap > SIZE_MAX / 2 ? SIZE_MAX : cap * 2;
        char *d = realloc(b->data, cap);
        if (!d)
            return -1;
        b->data = d;
        b->cap = cap;
    }
    memcpy(b->data + b->len, data, len);
    b->len += len;
    b->data[b->len] = '\0';
    return 0;
}

static int xml_write(void *ctx, const char *data, int len)
{
    gw_xml_writer *w = ctx;
    if (w->failed || w->write(w->ctx, data, (size_t)len) < 0) {
        w->failed = 1;
        return -1;
    }
    return len;
}

xmlOutputBufferPtr gw_xml_writer_buffer(gw_xml_writer *w, xmlCharEncodingHandlerPtr encoder)
{
    return xmlOutputBufferCreateIO(xml_write, NULL, w, encoder);
}

gw_status gw_write_output(const char *path, const char *data, size_t len, gw_error *err)
{
    gw_sink *s = gw_sink_open(path, 0, err);
    if (!s)
        return err ? err->status : GW_ERR_IO;
    gw_sink_write(s, data, len);
    return gw_sink_commit(s, err);
}
