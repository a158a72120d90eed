/* Output formats are XSLT 1.0 stylesheets in xslt/, compiled once per
 * process and applied in-process with libxslt. */
/* realpath() */
#define _XOPEN_SOURCE 700
#include "formats.h"
#include "gongwen.h"
#include "intl.h"
#include "output.h"
#include "package.h"
#include "params.h"
#include "xmlerr.h"

#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/variables.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/imports.h>
#include <libxslt/xsltutils.h>
#include <libxslt/functions.h>
#include <libxml/hash.h>

#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <time.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef GW_DATADIR
#define GW_DATADIR "/usr/local/share/gongwen"
#endif

#define MAX_STYLES 16

struct gw_styles {
    char dir[PATH_MAX];
    struct {
        char name[32];
        xsltStylesheetPtr sheet;
    } cache[MAX_STYLES];
    size_t n;
    int xpath_functions; /* how many a fresh XPath context of libxslt's holds */
};

static int is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The stylesheets found from the running executable's directory: xslt/
 * beside it (a build tree), else ../share/gongwen/xslt (an installed
 * gongwen, wherever its PREFIX). */
static int beside_exe(const char *exe_path, char *out, size_t cap)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
    } else if (exe_path && strlen(exe_path) < sizeof exe) {
        strcpy(exe, exe_path);
    } else {
        return 0;
    }
    char *slash = strrchr(exe, '/');
    if (!slash)
        return 0;
    *slash = '\0';
    if (snprintf(out, cap, "%s/xslt", exe) < (int)cap && is_dir(out))
        return 1;
    return snprintf(out, cap, "%s/../share/gongwen/xslt", exe) < (int)cap && is_dir(out);
}

/* How many functions libxslt registers in a fresh XPath context; -1 when
 * out of memory. A transformation context whose table holds fewer lost
 * one: libxml2 registers them in a hash and drops one whose entry it could
 * not allocate without a word, and the stylesheet would then fail on it
 * ("function position not found", exit 1) where memory ran out (2). */
static int xpath_functions(void)
{
    xmlXPathContextPtr probe = xmlXPathNewContext(NULL);
    if (!probe)
        return -1;
    xsltRegisterAllFunctions(probe);
    int n = probe->funcHash ? xmlHashSize(probe->funcHash) : -1;
    xmlXPathFreeContext(probe);
    return n;
}

gw_styles *gw_styles_new(const char *dir, const char *exe_path, gw_error *err)
{
    gw_init();
    gw_styles *st = calloc(1, sizeof *st);
    if (!st) {
        gw_fail_nomem(err);
        return NULL;
    }
    const char *env = getenv("GONGWEN_XSLT_DIR");
    const char *pick = dir ? dir : (env && *env) ? env : NULL;
    if (pick) {
        snprintf(st->dir, sizeof st->dir, "%s", pick);
    } else if (!beside_exe(exe_path, st->dir, sizeof st->dir)) {
        snprintf(st->dir, sizeof st->dir, "%s/xslt", GW_DATADIR);
    }
    st->xpath_functions = xpath_functions();
    if (st->xpath_functions < 0) {
        gw_fail_nomem(err);
        free(st);
        return NULL;
    }
    if (!is_dir(st->dir)) {
        gw_fail(err, GW_ERR_IO, 0, 0, "stylesheet directory %s not found (set GONGWEN_XSLT_DIR)",
                st->dir);
        free(st);
        return NULL;
    }
    return st;
}

void gw_styles_free(gw_styles *st)
{
    if (!st)
        return;
    for (size_t i = 0; i < st->n; i++)
        xsltFreeStylesheet(st->cache[i].sheet);
    free(st);
}

static int valid_format_name(const char *name)
{
    size_t n = strlen(name);
    if (n == 0 || n >= 32)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!((name[i] >= 'a' && name[i] <= 'z') || (name[i] >= '0' && name[i] <= '9') ||
              name[i] == '-'))
            return 0;
    return 1;
}

/* Marks (in the stylesheet's _private, which libxslt leaves to its user)
 * a stylesheet whose result is built as XML and written as HTML. */
static const char html_result[] = "html";

/* libxml2 2.9 registers every id attribute of an HTML document as an ID
 * (xmlAddID), interning it in the transformation's dictionary, which
 * stops growing at 16,384 buckets: a result with 100,000 ids (one per
 * heading or box) spent a quarter of -t html in xmlDictLookup, and more
 * the longer the report. An XML result registers none. So a stylesheet
 * whose output method is html builds its result as XML (the method left
 * unset) and the result is written by libxslt's own HTML branch, the
 * document then marked HTML: the same bytes (tests/formats.sh compares
 * every format with xsltproc's). */
static void built_as_xml(xsltStylesheetPtr sheet)
{
    const xmlChar *method, *pub, *sys, *version;
    XSLT_GET_IMPORT_PTR(method, sheet, method);
    XSLT_GET_IMPORT_PTR(pub, sheet, doctypePublic);
    XSLT_GET_IMPORT_PTR(sys, sheet, doctypeSystem);
    XSLT_GET_IMPORT_PTR(version, sheet, version);
    /* a doctype or an HTML version would be the HTML result's DTD */
    if (!method || !xmlStrEqual(method, BAD_CAST "html") || sheet->methodURI || pub || sys ||
        version)
        return;
    xmlFree(sheet->method);
    sheet->method = NULL;
    sheet->_private = (void *)html_result;
}

/* ours: a stylesheet of gongwen's (built_as_xml is proven on those, by
 * comparison with xsltproc; a user's runs as libxslt runs it). */
static gw_status remember(gw_styles *st, const char *name, const char *path, int ours,
                          gw_error *err)
{
    if (st->n == MAX_STYLES)
        return gw_fail(err, GW_ERR_USAGE, 0, 0, "too many stylesheets");
    gw_xmlerr w;
    gw_xmlerr_begin(&w);
    xsltStylesheetPtr sheet = xsltParseStylesheetFile(BAD_CAST path);
    if (gw_xmlerr_end(&w) != GW_OK) {
        xsltFreeStylesheet(sheet);
        return gw_fail_nomem(err);
    }
    /* libxslt reports an instruction it cannot compile (xsl:result-document)
     * as a "compilation error" but counts it as a warning and drops the
     * instruction: the output would silently lack it */
    if (sheet && (sheet->errors || sheet->warnings)) {
        xsltFreeStylesheet(sheet);
        sheet = NULL;
    }
    if (!sheet)
        return gw_fail(err, GW_ERR_BAD_STYLESHEET, 0, 0, "cannot compile stylesheet %s", path);
    if (ours)
        built_as_xml(sheet);
    snprintf(st->cache[st->n].name, sizeof st->cache[st->n].name, "%s", name);
    st->cache[st->n++].sheet = sheet;
    return GW_OK;
}

gw_status gw_styles_add_file(gw_styles *st, const char *name, const char *path, gw_error *err)
{
    if (access(path, R_OK) != 0)
        return gw_fail(err, GW_ERR_IO, 0, 0, "%s: %s", path, strerror(errno));
    return remember(st, name, path, 0, err);
}

static xsltStylesheetPtr find(gw_styles *st, const char *name)
{
    for (size_t i = 0; i < st->n; i++)
        if (strcmp(st->cache[i].name, name) == 0)
            return st->cache[i].sheet;
    return NULL;
}

/* "unknown output format 'htlm'; did you mean html? ..." */
static void unknown_format(const char *format, const char *dir, gw_error *err)
{
    char list[256] = "";
    size_t len = 0;
    for (size_t i = 0; gw_format_at(i) && len < sizeof list; i++) {
        int n =
            snprintf(list + len, sizeof list - len, "%s%s", i ? ", " : "", gw_format_at(i)->name);
        len += n > 0 ? (size_t)n : 0;
    }
    const gw_format *near = gw_format_nearest(format);
    char hint[64] = "";
    if (near)
        snprintf(hint, sizeof hint, _("; did you mean %s?"), near->name);
    gw_fail(err, GW_ERR_UNKNOWN_FORMAT, 0, 0,
            _("unknown output format '%s'%s (the formats: %s; or NAME for a stylesheet NAME.xsl "
              "in %s)"),
            format, hint, list, dir);
}

/* The compiled stylesheet of format: the registry's file for a format it
 * lists (by name or alias), else NAME.xsl in the stylesheet directory. */
static xsltStylesheetPtr sheet_for(gw_styles *st, const char *format, gw_error *err)
{
    const gw_format *f = gw_format_find(format);
    const char *name = f && f->stylesheet ? f->name : format;
    xsltStylesheetPtr sheet = find(st, name);
    if (sheet)
        return sheet;
    char path[PATH_MAX + 64];
    if (f && f->stylesheet)
        snprintf(path, sizeof path, "%s/%s", st->dir, f->stylesheet);
    else if (valid_format_name(format))
        snprintf(path, sizeof path, "%s/%s.xsl", st->dir, format);
    if ((!f || !f->stylesheet) && (!valid_format_name(format) || access(path, R_OK) != 0)) {
        unknown_format(format, st->dir, err);
        return NULL;
    }
    return remember(st, name, path, f && f->stylesheet, err) == GW_OK ? find(st, name) : NULL;
}

gw_status gw_styles_prepare(gw_styles *st, const char *format, const char *const *params,
                            gw_error *err)
{
    xsltStylesheetPtr sheet = sheet_for(st, format, err);
    if (!sheet)
        return err ? err->status : GW_ERR_UNKNOWN_FORMAT;
    return gw_params_check(sheet, params, err);
}

/* --xslt-read=dir: document() may read files under the directory of the
 * stylesheet it runs and nowhere else (symbolic links resolved). */
static int read_in_dir(xsltSecurityPrefsPtr sec, xsltTransformContextPtr ctxt, const char *value)
{
    (void)sec;
    const char *base =
        ctxt && ctxt->style && ctxt->style->doc ? (const char *)ctxt->style->doc->URL : NULL;
    char dir[PATH_MAX], *file = NULL;
    int ok = 0;
    if (base && strlen(base) < sizeof dir) {
        strcpy(dir, base);
        char *slash = strrchr(dir, '/');
        if (slash)
            *slash = '\0';
        else
            strcpy(dir, ".");
        char *real_dir = realpath(dir, NULL);
        const char *path = !strncmp(value, "file://", 7) ? value + 7 : value;
        file = realpath(path, NULL);
        size_t n = real_dir ? strlen(real_dir) : 0;
        ok = real_dir && file && !strncmp(file, real_dir, n) && file[n] == '/';
        free(real_dir);
    }
    free(file);
    if (!ok)
        xsltTransformError(ctxt, NULL, NULL,
                           "document(): %s is outside the stylesheet's directory\n", value);
    return ok;
}

/* Files, directories and the network are off limits to stylesheets unless
 * the user allows them: a report's stylesheet has no business there. */
static xsltSecurityPrefsPtr prefs_for(const gw_transform_options *o)
{
    xsltSecurityPrefsPtr p = xsltNewSecurityPrefs();
    if (!p)
        return NULL;
    int bad = 0;
    /* with I/O allowed, empty preferences rather than none: libxslt then
     * creates the directories exsl:document writes into */
    if (!o->allow_io)
        bad = xsltSetSecurityPrefs(p, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid) ||
              xsltSetSecurityPrefs(p, XSLT_SECPREF_CREATE_DIRECTORY, xsltSecurityForbid) ||
              xsltSetSecurityPrefs(p, XSLT_SECPREF_READ_NETWORK, xsltSecurityForbid) ||
              xsltSetSecurityPrefs(p, XSLT_SECPREF_WRITE_NETWORK, xsltSecurityForbid);
    if (o->read == GW_READ_NONE)
        bad = bad || xsltSetSecurityPrefs(p, XSLT_SECPREF_READ_FILE, xsltSecurityForbid);
    else if (o->read == GW_READ_DIR)
        bad = bad || xsltSetSecurityPrefs(p, XSLT_SECPREF_READ_FILE, read_in_dir);
    if (bad) {
        xsltFreeSecurityPrefs(p);
        return NULL;
    }
    return p;
}

/* The time limit: a thread that stops the engine when the time is up.
 * libxslt looks at ctxt->state between instructions; a single XPath
 * expression is cut short by its operation limit. */
typedef struct {
    xsltTransformContextPtr ctxt;
    unsigned seconds;
    pthread_mutex_t lock;
    pthread_cond_t done_cond;
    int done, fired;
} watchdog;

static void *watch(void *arg)
{
    watchdog *w = arg;
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += (time_t)w->seconds;
    pthread_mutex_lock(&w->lock);
    int rc = 0;
    while (!w->done && rc != ETIMEDOUT)
        rc = pthread_cond_timedwait(&w->done_cond, &w->lock, &until);
    if (!w->done) {
        w->fired = 1;
        w->ctxt->state = XSLT_STATE_STOPPED;
        if (w->ctxt->xpathCtxt)
            w->ctxt->xpathCtxt->opLimit = 1;
    }
    pthread_mutex_unlock(&w->lock);
    return NULL;
}

/* libxslt tells of a failed allocation only in words: they are read for it.
 * xsl:message comes through here too, so the words count only when the
 * transformation failed (apply). */
static void transform_error(void *ctx, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (strstr(msg, "memory") || strstr(msg, "malloc failed"))
        *(int *)ctx = 1;
    fputs(msg, stderr);
}

static xmlDocPtr apply(const gw_styles *st, xsltStylesheetPtr sheet, const gw_document *doc,
                       const gw_transform_options *o, gw_error *err)
{
    /* libxml2's reports are watched from before the context is made: an
     * allocation that fails while it registers the XPath functions is only
     * reported, and a dictionary it could not make is not even that: the
     * stylesheet would run without them and fail (exit 1, not 2) */
    gw_xmlerr w;
    gw_xmlerr_begin(&w);
    /* NULL: the ranges kept beside a lean tree could not be attached */
    xmlDocPtr src = gw_document_xml(doc);
    xsltTransformContextPtr ctxt = src ? xsltNewTransformContext(sheet, src) : NULL;
    xsltSecurityPrefsPtr prefs = prefs_for(o);
    int functions = ctxt && ctxt->xpathCtxt && ctxt->xpathCtxt->funcHash
                        ? xmlHashSize(ctxt->xpathCtxt->funcHash)
                        : -1;
    if (!ctxt || !ctxt->dict || functions < st->xpath_functions || !prefs ||
        xsltSetCtxtSecurityPrefs(prefs, ctxt) ||
        (o->params && xsltQuoteUserParams(ctxt, (const char **)o->params)) || w.status != GW_OK) {
        gw_xmlerr_end(&w);
        gw_fail(err, GW_ERR_NOMEM, 0, 0, "out of memory");
        xsltFreeTransformContext(ctxt);
        xsltFreeSecurityPrefs(prefs);
        return NULL;
    }
    int xslt_oom = 0;
    xsltSetTransformErrorFunc(ctxt, &xslt_oom, transform_error);
    watchdog wd = {ctxt, o->timeout, PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, 0};
    pthread_t thread;
    int watching = o->timeout && pthread_create(&thread, NULL, watch, &wd) == 0;
    /* XPath that runs out of memory (a stylesheet doubling a string) is
     * reported only to the handler; the transformation goes on */
    xmlDocPtr res = xsltApplyStylesheetUser(sheet, src, NULL, NULL, NULL, ctxt);
    int oom = gw_xmlerr_end(&w) != GW_OK;
    if (watching) {
        pthread_mutex_lock(&wd.lock);
        wd.done = 1;
        pthread_cond_signal(&wd.done_cond);
        pthread_mutex_unlock(&wd.lock);
        pthread_join(thread, NULL);
    }
    int failed = ctxt->state != XSLT_STATE_OK;
    oom = oom || (failed && xslt_oom);
    xsltFreeTransformContext(ctxt);
    xsltFreeSecurityPrefs(prefs);
    if (!res || failed || oom || wd.fired) {
        xmlFreeDoc(res);
        if (wd.fired)
            gw_fail(err, GW_ERR_STYLESHEET_FAILED, 0, 0,
                    "the stylesheet ran longer than %u seconds (--xslt-timeout)", o->timeout);
        else if (oom)
            gw_fail(err, GW_ERR_NOMEM, 0, 0, "out of memory in the stylesheet");
        else
            gw_fail(err, GW_ERR_STYLESHEET_FAILED, 0, 0, "the stylesheet failed");
        return NULL;
    }
    return res;
}

/* The zip package res describes (and frees), written out whole: a zip's
 * directory comes at its end, so it is made in memory first. */
static gw_status write_package(xmlDocPtr res, gw_write_fn write, void *ctx, gw_error *err)
{
    char *zip = NULL;
    size_t len = 0;
    gw_status s = gw_package_zip(res, &zip, &len, err);
    xmlFreeDoc(res);
    if (s == GW_OK && write(ctx, zip, len) < 0)
        s = gw_fail(err, GW_ERR_IO, 0, 0, "write error");
    free(zip);
    return s;
}

gw_status gw_transform_to(gw_styles *st, const char *format, const gw_document *doc,
                          const gw_transform_options *opts, gw_write_fn write, void *ctx,
                          gw_error *err)
{
    static const gw_transform_options none = {NULL, 0, GW_READ_ANY, 0};
    xsltStylesheetPtr sheet = sheet_for(st, format, err);
    if (!sheet)
        return err ? err->status : GW_ERR_UNKNOWN_FORMAT;
    if (opts && gw_params_check(sheet, opts->params, err) != GW_OK)
        return GW_ERR_USAGE;
    xmlDocPtr res = apply(st, sheet, doc, opts ? opts : &none, err);
    if (!res)
        return err ? err->status : GW_ERR_STYLESHEET_FAILED;
    /* a stylesheet that describes a zip package (docx, odt) gets one */
    if (gw_package_is(res))
        return write_package(res, write, ctx, err);
    /* the result's encoding, as xsltSaveResultToString picks it */
    const xmlChar *encoding;
    XSLT_GET_IMPORT_PTR(encoding, sheet, encoding);
    xmlCharEncodingHandlerPtr encoder =
        encoding ? xmlFindCharEncodingHandler((const char *)encoding) : NULL;
    if (encoder && xmlStrEqual(BAD_CAST encoder->name, BAD_CAST "UTF-8"))
        encoder = NULL;
    gw_xml_writer iw = {write, ctx, 0};
    gw_xmlerr w;
    gw_xmlerr_begin(&w);
    xmlOutputBufferPtr buf = gw_xml_writer_buffer(&iw, encoder);
    if (sheet->_private == html_result) /* built_as_xml */
        res->type = XML_HTML_DOCUMENT_NODE;
    int rc = buf ? xsltSaveResultTo(buf, res, sheet) : -1;
    if (buf && xmlOutputBufferClose(buf) < 0 && rc >= 0)
        rc = -1;
    int oom = gw_xmlerr_end(&w);
    xmlFreeDoc(res);
    if (iw.failed)
        return gw_fail(err, GW_ERR_IO, 0, 0, "write error");
    if (oom || rc < 0)
        return gw_fail(err, GW_ERR_NOMEM, 0, 0, "out of memory");
    return GW_OK;
}

gw_status gw_transform(gw_styles *st, const char *format, const gw_document *doc,
                       const char *const *params, int allow_io, char **out, size_t *len,
                       gw_error *err)
{
    gw_transform_options o = {params, allow_io, GW_READ_ANY, 0};
    gw_buffer b = {0};
    gw_status s = gw_transform_to(st, format, doc, &o, gw_buffer_write, &b, err);
    if (s == GW_ERR_IO) /* the buffer's only failure */
        s = gw_fail_nomem(err);
    if (s != GW_OK) {
        free(b.data);
        return s;
    }
    *out = b.data ? b.data : calloc(1, 1);
    *len = b.len;
    return *out ? GW_OK : gw_fail_nomem(err);
}
