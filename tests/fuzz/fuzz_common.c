#include "fuzz_common.h"

#include <libxml/xmlerror.h>
#include <stdio.h>
#include <stdlib.h>

void gw_fuzz_fail(const char *what, const char *detail)
{
    fprintf(stderr, "invariant broken: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
    abort();
}

const char *gw_fuzz_root(void)
{
    const char *root = getenv("GONGWEN_ROOT");
    return root ? root : ".";
}

void gw_fuzz_load_formats(gw_fuzz_formats *f)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/xslt", gw_fuzz_root());
    gw_error err = {0};
    f->styles = gw_styles_new(path, NULL, &err);
    if (!f->styles)
        gw_fuzz_fail("cannot find stylesheets", err.message);
    f->n = 0;
    for (size_t i = 0; gw_format_at(i) && f->n < GW_FUZZ_MAX_FORMATS; i++) {
        const gw_format *fm = gw_format_at(i);
        if (!fm->stylesheet)
            continue;
        snprintf(path, sizeof path, "%s/xslt/%s", gw_fuzz_root(), fm->stylesheet);
        FILE *fp = fopen(path, "r");
        if (!fp)
            continue;
        fclose(fp);
        f->format[f->n++] = fm;
    }
    if (!f->n)
        gw_fuzz_fail("no stylesheet found under", path);
}

static void quiet(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

void gw_fuzz_quiet(void)
{
    xmlSetGenericErrorFunc(NULL, quiet);
}
