/* Output formats are XSLT 1.0 stylesheets in xslt/, compiled once per
 * process and applied in-process with libxslt. */
#include "formats.h"
#include "gongwen.h"
#include "intl.h"
#include "params.h"
#include "xmlerr.h"

#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/variables.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>

#include <errno.h>
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

static gw_status remember(gw_styles *st, const char *name, const char *path, gw_error *err)
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
    if (!sheet)
        return gw_fail(err, GW_ERR_BAD_STYLESHEET, 0, 0, "cannot compile stylesheet %s", path);
    snprintf(st->cache[st->n].name, sizeof st->cache[st->n].name, "%s", name);
    st->cache[st->n++].sheet = sheet;
    return GW_OK;
}

gw_status gw_styles_add_file(gw_styles *st, const char *name, const char *path, gw_error *err)
{
    if (access(path, R_OK) != 0)
        return gw_fail(err, GW_ERR_IO, 0, 0, "%s: %s", path, strerror(errno));
    return remember(st, name, path, err);
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
    return remember(st, name, path, err) == GW_OK ? find(st, name) : NULL;
}

gw_status gw_styles_prepare(gw_styles *st, const char *format, const char *const *params,
                            gw_error *err)
{
    xsltStylesheetPtr sheet = sheet_for(st, format, err);
    if (!sheet)
        return err ? err->status : GW_ERR_UNKNOWN_FORMAT;
    return gw_params_check(sheet, params, err);
}

/* Files, directories and the network are off limits to stylesheets unless
 * the user allows them: a report's stylesheet has no business there. */
static xsltSecurityPrefsPtr locked_down(void)
{
    xsltSecurityPrefsPtr p = xsltNewSecurityPrefs();
    if (!p)
        return NULL;
    if (xsltSetSecurityPrefs(p, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid) ||
        xsltSetSecurityPrefs(p, XSLT_SECPREF_CREATE_DIRECTORY, xsltSecurityForbid) ||
        xsltSetSecurityPrefs(p, XSLT_SECPREF_READ_NETWORK, xsltSecurityForbid) ||
        xsltSetSecurityPrefs(p, XSLT_SECPREF_WRITE_NETWORK, xsltSecurityForbid)) {
        xsltFreeSecurityPrefs(p);
        return NULL;
    }
    return p;
}

static xmlDocPtr apply(xsltStylesheetPtr sheet, const gw_document *doc, const char *const *params,
                       int allow_io, gw_error *err)
{
    xsltTransformContextPtr ctxt = xsltNewTransformContext(sheet, gw_document_xml(doc));
    /* with I/O allowed, empty preferences rather than none: libxslt then
     * creates the directories exsl:document writes into */
    xsltSecurityPrefsPtr prefs = allow_io ? xsltNewSecurityPrefs() : locked_down();
    if (!ctxt || !prefs || xsltSetCtxtSecurityPrefs(prefs, ctxt) ||
        (params && xsltQuoteUserParams(ctxt, (const char **)params))) {
        gw_fail(err, GW_ERR_NOMEM, 0, 0, "cannot set up the transformation");
        xsltFreeTransformContext(ctxt);
        xsltFreeSecurityPrefs(prefs);
        return NULL;
    }
    /* XPath that runs out of memory (a stylesheet doubling a string) is
     * reported only to the handler; the transformation goes on */
    gw_xmlerr w;
    gw_xmlerr_begin(&w);
    xmlDocPtr res = xsltApplyStylesheetUser(sheet, gw_document_xml(doc), NULL, NULL, NULL, ctxt);
    gw_status mem = gw_xmlerr_end(&w);
    int failed = ctxt->state != XSLT_STATE_OK;
    xsltFreeTransformContext(ctxt);
    xsltFreeSecurityPrefs(prefs);
    if (!res || failed || mem != GW_OK) {
        xmlFreeDoc(res);
        if (mem != GW_OK)
            gw_fail(err, GW_ERR_NOMEM, 0, 0, "out of memory in the stylesheet");
        else
            gw_fail(err, GW_ERR_STYLESHEET_FAILED, 0, 0, "the stylesheet failed");
        return NULL;
    }
    return res;
}

gw_status gw_transform(gw_styles *st, const char *format, const gw_document *doc,
                       const char *const *params, int allow_io, char **out, size_t *len,
                       gw_error *err)
{
    xsltStylesheetPtr sheet = sheet_for(st, format, err);
    if (!sheet)
        return err ? err->status : GW_ERR_UNKNOWN_FORMAT;
    if (gw_params_check(sheet, params, err) != GW_OK)
        return GW_ERR_USAGE;
    xmlDocPtr res = apply(sheet, doc, params, allow_io, err);
    if (!res)
        return err ? err->status : GW_ERR_STYLESHEET_FAILED;
    xmlChar *buf = NULL;
    int size = 0;
    gw_xmlerr w;
    gw_xmlerr_begin(&w);
    int rc = xsltSaveResultToString(&buf, &size, res, sheet);
    xmlFreeDoc(res);
    if (gw_xmlerr_end(&w) != GW_OK || rc != 0) {
        xmlFree(buf);
        return gw_fail_nomem(err);
    }
    char *copy = malloc((size_t)size + 1);
    if (!copy) {
        xmlFree(buf);
        return gw_fail_nomem(err);
    }
    if (size > 0)
        memcpy(copy, buf, (size_t)size);
    copy[size] = '\0';
    xmlFree(buf);
    *out = copy;
    *len = (size_t)size;
    return GW_OK;
}
