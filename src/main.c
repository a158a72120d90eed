/* The gongwen command line. */
#include "checker.h"
#include "embed.h"
#include "gongwen.h"
#include "output.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <libxslt/xslt.h>

#define EXIT_INPUT 1
#define EXIT_USAGE 2

static const char usage[] =
    "usage: gongwen [-t FORMAT] [--xslt FILE] [--param NAME=VALUE]... [-o FILE] [FILE|-]\n"
    "       gongwen check [OPTIONS] FILE...   (see gongwen check --help)\n"
    "\n"
    "Compiles a Chinese government report or plan (plain text) into a\n"
    "structured document.\n"
    "\n"
    "  -t, --to FORMAT      xml (default), outline, or any stylesheet NAME.xsl\n"
    "                       in the stylesheet directory (html, markdown, ...)\n"
    "      --xslt FILE      apply the stylesheet FILE to the tree instead\n"
    "      --param N=V      pass string parameter N to the stylesheet (repeatable)\n"
    "      --allow-xslt-io  let stylesheets write files and use the network\n"
    "      --encoding NAME  the input's encoding (default: BOM, else UTF-8 if\n"
    "                       valid, else GB18030); any name iconv knows\n"
    "      --encoding-errors=strict|replace\n"
    "                       invalid input is an error (default), or becomes\n"
    "                       U+FFFD with one warning per line\n"
    "      --diagnostics=embed\n"
    "                       also run gongwen check and put its findings in the\n"
    "                       tree (a <diagnostics> element at the end)\n"
    "      --max-output=SIZE  fail rather than write more than SIZE bytes (K, M, G;\n"
    "                       default 1G; 0 for no limit)\n"
    "      --xslt-timeout=S  stop a stylesheet after S seconds (default 60; 0: none)\n"
    "      --xslt-read=any|dir|none\n"
    "                       files document() may read: any (default), those\n"
    "                       under the stylesheet's directory, or none\n"
    "  -v, --verbose        report the detected encoding\n"
    "  -o, --output FILE    write to FILE (atomically) instead of standard output\n"
    "  -h, --help           show this help\n"
    "  -V, --version        show the version\n"
    "\n"
    "Stylesheets are looked up in $GONGWEN_XSLT_DIR, then xslt/ beside the\n"
    "executable, then the installed data directory.\n"
    "Exit status: 0 success, 1 bad input, 2 usage or I/O error.\n";

#define MAX_PARAMS 32

typedef struct {
    const char *format;
    const char *output;
    const char *input;
    const char *xslt;
    int allow_io;
    int verbose;
    int embed; /* --diagnostics=embed */
    unsigned long long max_output;
    gw_transform_options xform; /* params, allow_io filled in by render */
    gw_decode_options decode;
    const char *params[2 * MAX_PARAMS + 1]; /* name, value, ..., NULL */
    size_t nparams;
    char *param_buf[MAX_PARAMS]; /* owned copies of the names */
} options;

static int usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "gongwen: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nTry 'gongwen --help'.\n");
    return EXIT_USAGE;
}

/* NAME=VALUE into the parameter list; -1 to go on, or an exit status. */
static int add_param(options *o, const char *pv)
{
    const char *eq = strchr(pv, '=');
    if (!eq || eq == pv)
        return usage_error("--param wants NAME=VALUE, not '%s'", pv);
    if (o->nparams == MAX_PARAMS)
        return usage_error("more than %s parameters", "32");
    char *name = malloc((size_t)(eq - pv) + 1);
    if (!name)
        return usage_error("%s", "out of memory");
    memcpy(name, pv, (size_t)(eq - pv));
    name[eq - pv] = '\0';
    o->param_buf[o->nparams] = name;
    o->params[2 * o->nparams] = name;
    o->params[2 * o->nparams + 1] = eq + 1;
    o->nparams++;
    o->params[2 * o->nparams] = NULL;
    return -1;
}

/* --max-output=, --xslt-timeout=, --xslt-read=: -1 to go on, an exit
 * status, or -2 when a is none of them. */
static int limit_option(options *o, const char *a)
{
    if (strncmp(a, "--max-output=", 13) && strncmp(a, "--xslt-timeout=", 15) &&
        strncmp(a, "--xslt-read=", 12))
        return -2;
    char *end = NULL;
    const char *v = strchr(a, '=') ? strchr(a, '=') + 1 : "";
    if (!strncmp(a, "--xslt-read=", 12)) {
        if (!strcmp(v, "any") || !strcmp(v, "dir") || !strcmp(v, "none"))
            o->xform.read = !strcmp(v, "any")   ? GW_READ_ANY
                            : !strcmp(v, "dir") ? GW_READ_DIR
                                                : GW_READ_NONE;
        else
            return usage_error("--xslt-read wants any, dir or none, not '%s'", v);
        return -1;
    }
    errno = 0;
    unsigned long long n = *v >= '0' && *v <= '9' ? strtoull(v, &end, 10) : 0;
    if (!end || errno)
        return usage_error("%s wants a number", a);
    if (!strncmp(a, "--xslt-timeout=", 15)) {
        if (*end || n > 86400)
            return usage_error("--xslt-timeout wants seconds (0 to 86400), not '%s'", v);
        o->xform.timeout = (unsigned)n;
        return -1;
    }
    int shift = *end == 'K' ? 10 : *end == 'M' ? 20 : *end == 'G' ? 30 : *end ? -1 : 0;
    if (shift < 0 || (*end && end[1]) || n > (~0ULL >> shift))
        return usage_error("--max-output wants bytes with K, M or G, not '%s'", v);
    o->max_output = n << shift;
    return -1;
}

static void free_options(options *o)
{
    for (size_t i = 0; i < o->nparams; i++)
        free(o->param_buf[i]);
}

/* Returns -1 to go on, or an exit status. */
static int parse_args(int argc, char **argv, options *o)
{
    o->format = "xml";
    o->max_output = 1ULL << 30;
    o->xform.timeout = 60;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int lim = limit_option(o, a);
        if (lim != -2) {
            if (lim >= 0)
                return lim;
            continue;
        }
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(usage, stdout);
            return 0;
        }
        if (!strcmp(a, "-V") || !strcmp(a, "--version")) {
            printf("gongwen %s\n", GW_VERSION);
            return 0;
        }
        if (!strcmp(a, "--allow-xslt-io")) {
            o->allow_io = 1;
            continue;
        }
        if (!strcmp(a, "-v") || !strcmp(a, "--verbose")) {
            o->verbose = 1;
            continue;
        }
        if (!strncmp(a, "--encoding-errors", 17)) {
            const char *m = a[17] == '=' ? a + 18 : (a[17] == '\0' && ++i < argc ? argv[i] : NULL);
            if (m && !strcmp(m, "strict"))
                o->decode.errors = GW_ERRORS_STRICT;
            else if (m && !strcmp(m, "replace"))
                o->decode.errors = GW_ERRORS_REPLACE;
            else
                return usage_error("--encoding-errors wants strict or replace%s", "");
            continue;
        }
        if (!strncmp(a, "--diagnostics", 13)) {
            const char *m = a[13] == '=' ? a + 14 : (a[13] == '\0' && ++i < argc ? argv[i] : NULL);
            if (m && (!strcmp(m, "embed") || !strcmp(m, "none")))
                o->embed = !strcmp(m, "embed");
            else
                return usage_error("--diagnostics wants embed or none%s", "");
            continue;
        }
        if (!strcmp(a, "--param") || !strncmp(a, "--param=", 8)) {
            const char *pv = a[7] == '=' ? a + 8 : (++i < argc ? argv[i] : NULL);
            if (!pv)
                return usage_error("option %s needs a value", "--param");
            int rc = add_param(o, pv);
            if (rc >= 0)
                return rc;
            continue;
        }
        const char **slot = NULL;
        if (!strcmp(a, "-t") || !strcmp(a, "--to"))
            slot = &o->format;
        else if (!strcmp(a, "-o") || !strcmp(a, "--output"))
            slot = &o->output;
        else if (!strcmp(a, "--xslt"))
            slot = &o->xslt;
        else if (!strcmp(a, "--encoding"))
            slot = &o->decode.encoding;
        if (slot) {
            if (++i == argc)
                return usage_error("option %s needs a value", a);
            *slot = argv[i];
        } else if (!strncmp(a, "--to=", 5)) {
            o->format = a + 5;
        } else if (!strncmp(a, "--output=", 9)) {
            o->output = a + 9;
        } else if (!strncmp(a, "--xslt=", 7)) {
            o->xslt = a + 7;
        } else if (!strncmp(a, "--encoding=", 11)) {
            o->decode.encoding = a + 11;
        } else if (a[0] == '-' && a[1] != '\0') {
            return usage_error("unknown option %s", a);
        } else if (o->input) {
            return usage_error("more than one input file (%s)", a);
        } else {
            o->input = a;
        }
    }
    if (!o->input)
        o->input = "-";
    return -1;
}

static int exit_for(gw_status s)
{
    return s == GW_ERR_INPUT ? EXIT_INPUT : EXIT_USAGE;
}

static int report(const char *name, const gw_error *err)
{
    if (err->line)
        fprintf(stderr, "%s:%lu:%lu: error: %s\n", name, err->line, err->column, err->message);
    else
        fprintf(stderr, "gongwen: %s: %s\n", name, err->message);
    return exit_for(err->status);
}

/* Produces the requested format for doc, written to sink. */
static gw_status render(const options *o, const char *argv0, const gw_document *doc, gw_sink *sink,
                        gw_error *err)
{
    if (!o->xslt && !strcmp(o->format, "xml"))
        return gw_serialize_xml_to(doc, gw_sink_write, sink, err);
    gw_styles *st = gw_styles_new(NULL, argv0, err);
    if (!st)
        return err->status;
    const char *format = o->format;
    gw_status s = GW_OK;
    if (o->xslt) {
        format = "user stylesheet";
        s = gw_styles_add_file(st, format, o->xslt, err);
    }
    gw_transform_options xo = o->xform;
    xo.params = o->nparams ? o->params : NULL;
    xo.allow_io = o->allow_io;
    if (s == GW_OK)
        s = gw_transform_to(st, format, doc, &xo, gw_sink_write, sink, err);
    gw_styles_free(st);
    return s;
}

/* Renders into the output; a failed write is told by the output's name. */
static int produce(const options *o, const char *argv0, const char *name, const gw_document *doc)
{
    gw_error err = {0};
    const char *out_name = o->output ? o->output : "<stdout>";
    gw_sink *sink = gw_sink_open(o->output, o->max_output, &err);
    if (!sink)
        return report(out_name, &err);
    if (render(o, argv0, doc, sink, &err) != GW_OK && !gw_sink_failed(sink)) {
        gw_sink_abort(sink);
        return report(name, &err);
    }
    return gw_sink_commit(sink, &err) == GW_OK ? 0 : report(out_name, &err);
}

/* Runs the checker over the document just parsed and puts its findings in
 * the tree. */
static gw_status embed(const char *data, size_t len, const gw_text *text, gw_document *doc,
                       gw_error *err)
{
    gw_check_options copt = {0};
    gw_diags diags = {0};
    gw_status s = gw_check_parsed(data, len, text, doc, &copt, &diags, err);
    if (s == GW_OK) {
        gw_diags_sort(&diags);
        s = gw_embed_diagnostics(doc, &diags, err);
    }
    gw_diags_free(&diags);
    return s;
}

/* Decodes the input, reporting replacements and (with -v) the encoding. */
static gw_text *decode(const options *o, const char *name, const char *data, size_t len,
                       gw_error *err)
{
    gw_text *t = gw_decode_with(data, len, &o->decode, err);
    if (!t)
        return NULL;
    for (size_t i = 0; i < gw_text_warning_count(t); i++) {
        const gw_error *w = gw_text_warning(t, i);
        fprintf(stderr, "%s:%lu:%lu: warning: %s\n", name, w->line, w->column, w->message);
    }
    if (o->verbose)
        fprintf(stderr, "gongwen: %s: encoding %s\n", name, gw_text_encoding(t));
    return t;
}

int main(int argc, char **argv)
{
    if (argc > 1 && !strcmp(argv[1], "check"))
        return gw_check_main(argc - 1, argv + 1);
    options o = {0};
    int rc = parse_args(argc, argv, &o);
    if (rc >= 0) {
        free_options(&o);
        return rc;
    }
    const char *name = strcmp(o.input, "-") ? o.input : "<stdin>";
    gw_error err = {0};
    char *data = NULL;
    size_t len = 0;
    gw_text *text = NULL;
    gw_document *doc = NULL;
    rc = 0;
    if (gw_read_path(o.input, &data, &len, &err) != GW_OK ||
        !(text = decode(&o, name, data, len, &err)) ||
        !(doc = gw_parse(text, strcmp(o.input, "-") ? o.input : NULL, &err)) ||
        (o.embed && embed(data, len, text, doc, &err) != GW_OK)) {
        rc = report(name, &err);
    } else {
        rc = produce(&o, argv[0], name, doc);
    }
    gw_document_free(doc);
    gw_text_free(text);
    free(data);
    free_options(&o);
    xsltCleanupGlobals();
    xmlCleanupParser();
    return rc;
}
