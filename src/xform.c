/* Output formats are XSLT 1.0 stylesheets in xslt/, compiled once per
 * process and applied in-process with libxslt. */
#include "gongwen.h"

#include <libxslt/transform.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>

#include <limits.h>
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

/* The xslt/ directory beside the running executable (a build tree). */
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
    return snprintf(out, cap, "%s/xslt", exe) < (int)cap && is_dir(out);
}

gw_styles *gw_styles_new(const char *dir, const char *exe_path, gw_error *err)
{
    gw_styles *st = calloc(1, sizeof *st);
    if (!st) {
        gw_fail(err, GW_ERR_NOMEM, 0, 0, "out of memory");
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

static xsltStylesheetPtr sheet_for(gw_styles *st, const char *format, gw_error *err)
{
    for (size_t i = 0; i < st->n; i++)
        if (strcmp(st->cache[i].name, format) == 0)
            return st->cache[i].sheet;
    if (!valid_format_name(format) || st->n == MAX_STYLES) {
        gw_fail(err, GW_ERR_USAGE, 0, 0, "unknown output format '%s'", format);
        return NULL;
    }
    char path[PATH_MAX + 64];
    snprintf(path, sizeof path, "%s/%s.xsl", st->dir, format);
    if (access(path, R_OK) != 0) {
        gw_fail(err, GW_ERR_USAGE, 0, 0, "unknown output format '%s' (no stylesheet %s)", format,
                path);
        return NULL;
    }
    xsltStylesheetPtr sheet = xsltParseStylesheetFile(BAD_CAST path);
    if (!sheet) {
        gw_fail(err, GW_ERR_IO, 0, 0, "cannot compile stylesheet %s", path);
        return NULL;
    }
    snprintf(st->cache[st->n].name, sizeof st->cache[st->n].name, "%s", format);
    st->cache[st->n++].sheet = sheet;
    return sheet;
}

gw_status gw_transform(gw_styles *st, const char *format, const gw_document *doc, char **out,
                       size_t *len, gw_error *err)
{
    xsltStylesheetPtr sheet = sheet_for(st, format, err);
    if (!sheet)
        return err ? err->status : GW_ERR_USAGE;
    xmlDocPtr res = xsltApplyStylesheet(sheet, gw_document_xml(doc), NULL);
    if (!res)
        return gw_fail(err, GW_ERR_IO, 0, 0, "stylesheet %s failed", format);
    xmlChar *buf = NULL;
    int size = 0;
    int rc = xsltSaveResultToString(&buf, &size, res, sheet);
    xmlFreeDoc(res);
    if (rc != 0)
        return gw_fail(err, GW_ERR_NOMEM, 0, 0, "out of memory");
    char *copy = malloc((size_t)size + 1);
    if (!copy) {
        xmlFree(buf);
        return gw_fail(err, GW_ERR_NOMEM, 0, 0, "out of memory");
    }
    if (size > 0)
        memcpy(copy, buf, (size_t)size);
    copy[size] = '\0';
    xmlFree(buf);
    *out = copy;
    *len = (size_t)size;
    return GW_OK;
}
