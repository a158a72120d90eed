/* failmalloc: an LD_PRELOAD shim that makes one allocation fail, for the
 * out-of-memory tests (tests/oom.sh).
 *
 *   GW_FAIL_AT=N      the Nth allocation (1-based) returns NULL with errno
 *                     ENOMEM; 0 or unset: none fails
 *   GW_FAIL_ALL=1     with GW_FAIL_AT: every allocation from the Nth on fails,
 *                     as when memory is really exhausted
 *   GW_FAIL_COUNT=F   at exit, append "COUNT FAILED LIB" to file F: how many
 *                     allocations the process made, 1 if one was failed, and
 *                     the library that asked for it (gongwen, libxml2.so.2…)
 *   GW_FAIL_TRACE=1   print a backtrace of the failed allocation, and of a
 *                     crash (SIGSEGV, SIGBUS, SIGABRT, SIGTRAP), to stderr
 *   GW_FAIL_IN=FUNC   with GW_FAIL_AT: N counts only the allocations made
 *                     (directly or not) inside the exported function FUNC,
 *                     so a test can aim at one library call whatever the
 *                     program allocated before it; GW_FAIL_COUNT then
 *                     reports how many there were
 *   GW_FAIL_OWN=F     at exit, write to file F the number of each allocation
 *                     the program's own code asked for (not a library's),
 *                     one a line: where a run is mostly a library's (poppler
 *                     reading a PDF) the tests fail those
 *
 * A crash (SIGSEGV, SIGBUS, SIGABRT, SIGTRAP) after a failed allocation
 * always prints one line naming the library that asked for the memory and
 * the one the crash is in:
 *   failmalloc: crash in libxml2.so.2 after failing an allocation of libxml2.so.2
 * so that tests/oom.sh can tell gongwen's bugs from its libraries'.
 *
 * Counted: malloc, calloc, realloc (but not realloc(p, 0), a free) and
 * reallocarray; glibc's strdup, strndup, asprintf, getline … call malloc
 * through the PLT, and libxml2 and libxslt allocate with malloc, so they are
 * counted too. Counting starts in this library's constructor, once the
 * dynamic loader and libc have started up: their allocations are not the
 * program's business.
 *
 * dlsym itself may allocate (its error state), before the real functions
 * are known; those early requests are served from a static bump buffer,
 * whose blocks free() ignores. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <execinfo.h>
#include <fcntl.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void *(*real_malloc)(size_t);
static void *(*real_calloc)(size_t, size_t);
static void *(*real_realloc)(void *, size_t);
static void (*real_free)(void *);

static unsigned long fail_at, count;
static int fail_all, failed, trace, counting;
static const char *count_file, *own_file;
static const char *fail_in; /* GW_FAIL_IN */
static char failed_in[64] = "?";
static unsigned long *own; /* GW_FAIL_OWN: the program's own allocations */
static size_t nown, capown;

/* ---- bootstrap ----------------------------------------------------------- */

static _Alignas(max_align_t) unsigned char bump[64 * 1024];
static size_t bump_used;
static int resolving;

static int in_bump(const void *p)
{
    return (const unsigned char *)p >= bump && (const unsigned char *)p < bump + sizeof bump;
}

/* Each block is preceded by its size, so realloc can copy it out. */
static void *bump_alloc(size_t n)
{
    size_t hdr = sizeof(max_align_t);
    size_t need = (n + hdr + hdr - 1) / hdr * hdr;
    if (need > sizeof bump - bump_used)
        return NULL;
    unsigned char *p = bump + bump_used;
    bump_used += need;
    *(size_t *)p = n;
    memset(p + hdr, 0, n);
    return p + hdr;
}

static size_t bump_size(const void *p)
{
    return *(const size_t *)((const unsigned char *)p - sizeof(max_align_t));
}

static void resolve(void)
{
    if (real_malloc || resolving)
        return;
    resolving = 1;
    real_malloc = (void *(*)(size_t))dlsym(RTLD_NEXT, "malloc");
    real_calloc = (void *(*)(size_t, size_t))dlsym(RTLD_NEXT, "calloc");
    real_realloc = (void *(*)(void *, size_t))dlsym(RTLD_NEXT, "realloc");
    real_free = (void (*)(void *))dlsym(RTLD_NEXT, "free");
    resolving = 0;
    if (!real_malloc || !real_calloc || !real_realloc || !real_free) {
        static const char msg[] = "failmalloc: cannot find the real allocator\n";
        write(2, msg, sizeof msg - 1);
        _exit(127);
    }
}

/* ---- the failure ------------------------------------------------------- */

/* The first frame of frames[0..n) outside this shim and the C library:
 * the code that wanted the memory or crashed. Writes its file's base
 * name to out. */
static void blame(void *const *frames, int n, char *out, size_t cap)
{
    Dl_info self, libc, info;
    dladdr((void *)blame, &self);
    dladdr((void *)write, &libc);
    for (int i = 0; i < n; i++) {
        if (!dladdr(frames[i], &info) || !info.dli_fname)
            continue;
        if (info.dli_fbase == self.dli_fbase || info.dli_fbase == libc.dli_fbase)
            continue;
        const char *slash = strrchr(info.dli_fname, '/');
        snprintf(out, cap, "%s", slash ? slash + 1 : info.dli_fname);
        return;
    }
    snprintf(out, cap, "?");
}

/* Whether the function named fail_in is on the stack. */
static int inside(void)
{
    void *frames[128];
    counting = 0; /* backtrace() may allocate */
    int k = backtrace(frames, 128), found = 0;
    Dl_info info;
    for (int i = 0; i < k && !found; i++)
        found = dladdr(frames[i], &info) && info.dli_sname && !strcmp(info.dli_sname, fail_in);
    counting = 1;
    return found;
}

/* Records allocation n when the program's own code asked for it. */
static void note_own(unsigned long n)
{
    void *frames[64];
    char who[64];
    counting = 0;
    int k = backtrace(frames, 64);
    blame(frames, k, who, sizeof who);
    if (!strcmp(who, program_invocation_short_name)) {
        if (nown == capown) {
            size_t cap = capown ? 2 * capown : 1024;
            unsigned long *v = real_realloc(own, cap * sizeof *v);
            if (v) {
                own = v;
                capown = cap;
            }
        }
        if (nown < capown)
            own[nown++] = n;
    }
    counting = 1;
}

/* Whether this allocation is the one to fail. */
static int should_fail(void)
{
    if (!counting || (fail_in && !inside()))
        return 0;
    unsigned long n = ++count;
    if (own_file)
        note_own(n);
    if (!fail_at || (fail_all ? n < fail_at : n != fail_at))
        return 0;
    if (!failed) {
        counting = 0; /* backtrace() may allocate */
        void *frames[64];
        int k = backtrace(frames, 64);
        blame(frames, k, failed_in, sizeof failed_in);
        if (trace) {
            static const char msg[] = "failmalloc: failing this allocation:\n";
            write(2, msg, sizeof msg - 1);
            backtrace_symbols_fd(frames, k, 2);
        }
        counting = 1;
    }
    failed = 1;
    errno = ENOMEM;
    return 1;
}

void *malloc(size_t n)
{
    resolve();
    if (!real_malloc)
        return bump_alloc(n);
    return should_fail() ? NULL : real_malloc(n);
}

void *calloc(size_t k, size_t n)
{
    resolve();
    if (!real_calloc)
        return n && k > SIZE_MAX / n ? NULL : bump_alloc(k * n);
    return should_fail() ? NULL : real_calloc(k, n);
}

void *realloc(void *p, size_t n)
{
    resolve();
    if (p && in_bump(p)) {
        void *q = malloc(n);
        if (q)
            memcpy(q, p, bump_size(p) < n ? bump_size(p) : n);
        return q;
    }
    if (!real_realloc)
        return bump_alloc(n);
    if (p && n == 0)
        return real_realloc(p, n);
    return should_fail() ? NULL : real_realloc(p, n);
}

void *reallocarray(void *p, size_t k, size_t n)
{
    if (n && k > SIZE_MAX / n) {
        errno = ENOMEM;
        return NULL;
    }
    return realloc(p, k * n);
}

void free(void *p)
{
    if (!p || in_bump(p))
        return;
    resolve();
    if (real_free)
        real_free(p);
}

/* ---- start and end ----------------------------------------------------- */

static void report_own(void)
{
    FILE *f = fopen(own_file, "w");
    if (!f)
        return;
    for (size_t i = 0; i < nown; i++)
        fprintf(f, "%lu\n", own[i]);
    fclose(f);
}

static void report(void)
{
    counting = 0;
    if (own_file)
        report_own();
    if (!count_file)
        return;
    int fd = open(count_file, O_WRONLY | O_CREAT | O_APPEND, 0666);
    if (fd < 0)
        return;
    char line[128];
    int len = snprintf(line, sizeof line, "%lu %d %s\n", count, failed, failed ? failed_in : "-");
    if (len > 0)
        write(fd, line, (size_t)len);
    close(fd);
}

static void crashed(int sig)
{
    counting = 0;
    void *frames[64];
    int k = backtrace(frames, 64);
    if (failed) {
        char in[64], line[192];
        /* frames[0] is this handler, then the signal trampoline */
        blame(frames + 1, k - 1, in, sizeof in);
        int len =
            snprintf(line, sizeof line,
                     "failmalloc: crash in %s after failing an allocation of %s\n", in, failed_in);
        if (len > 0)
            write(2, line, (size_t)len);
    }
    if (trace) {
        static const char msg[] = "failmalloc: crashed here:\n";
        write(2, msg, sizeof msg - 1);
        backtrace_symbols_fd(frames, k, 2);
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

static unsigned long number(const char *name)
{
    const char *v = getenv(name);
    return v ? strtoul(v, NULL, 10) : 0;
}

__attribute__((constructor)) static void start(void)
{
    resolve();
    fail_at = number("GW_FAIL_AT");
    fail_all = number("GW_FAIL_ALL") != 0;
    trace = number("GW_FAIL_TRACE") != 0;
    count_file = getenv("GW_FAIL_COUNT");
    fail_in = getenv("GW_FAIL_IN");
    own_file = getenv("GW_FAIL_OWN");
    void *frame;
    backtrace(&frame, 1); /* loads libgcc_s now, not while failing */
    if (fail_at) {
        signal(SIGSEGV, crashed);
        signal(SIGBUS, crashed);
        signal(SIGABRT, crashed);
        signal(SIGTRAP, crashed); /* GLib's g_error, when g_malloc fails */
    }
    atexit(report);
    counting = 1;
}
