/* The gongwen command line: the converter (`gongwen check` is
 * cli_check.c; what both share, cli.c). */
#include "checker.h"
#include "cli.h"
#include "embed.h"
#include "formats.h"
#include "gongwen.h"
#include "intl.h"
#include "lsp.h"
#include "output.h"
#include "readers.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <libxslt/xslt.h>

static const char usage[] =
    N_("usage: gongwen [-t FORMAT] [--xslt FILE] [--param NAME=VALUE]... [-o FILE] [FILE|-]\n"
       "       gongwen check [OPTION]... [FILE|-]...   (see gongwen check --help)\n"
       "\n"
       "Compiles a Chinese government report or plan (plain text) into a\n"
       "structured document.\n"
       "\n"
       "  -t, --to FORMAT      the output format: xml, html, markdown ... (see\n"
       "                       --list-formats; an alias such as md or htm works),\n"
       "                       or any stylesheet NAME.xsl in the stylesheet\n"
       "                       directory. Default: the one whose extension -o's\n"
       "                       file has (x.html: html), else xml\n"
       "      --list-formats   list the formats, one a line: NAME, STYLESHEET,\n"
       "                       EXTENSIONS, MEDIA-TYPE, text|binary, ALIASES\n"
       "                       separated by tabs\n"
       "      --xslt FILE      apply the stylesheet FILE to the tree instead\n"
       "      --param N=V      pass string parameter N to the stylesheet\n"
       "                       (repeatable; N must be one the stylesheet declares)\n"
       "      --allow-xslt-io  let stylesheets write files and use the network\n"
       "      --from FORMAT    the input's format: text, docx, html or pdf\n"
       "                       (default: detected from the content)\n"
       "      --encoding NAME  the input's encoding (default: BOM, else UTF-8 if\n"
       "                       valid, else GB18030); any name iconv knows\n"
       "      --encoding-errors=strict|replace\n"
       "                       invalid input is an error (default), or becomes\n"
       "                       U+FFFD with one warning per line\n"
       "      --diagnostics=embed|none\n"
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
       "Options take their value as --opt=VALUE or --opt VALUE (-tVALUE, -t VALUE\n"
       "or -t=VALUE); -- ends the options; - is standard input.\n"
       "Stylesheets are looked up in $GONGWEN_XSLT_DIR, then xslt/ beside the\n"
       "executable, then the installed data directory.\n"
       "Exit status: 0 success, 1 bad input, 2 usage or I/O error or out of memory.\n");

#define MAX_PARAMS 32

enum {
    OPT_XSLT = GW_OPT_OWN,
    OPT_PARAM,
    OPT_ALLOW_IO,
    OPT_ERRORS,
    OPT_DIAGNOSTICS,
    OPT_LIST,
    OPT_MAX_OUTPUT,
    OPT_TIMEOUT,
    OPT_READ,
    OPT_FROM
};

static const struct option long_options[] = {
    {"to", required_argument, NULL, 't'},
    {"output", required_argument, NULL, 'o'},
    {"verbose", no_argument, NULL, 'v'},
    {"xslt", required_argument, NULL, OPT_XSLT},
    {"param", required_argument, NULL, OPT_PARAM},
    {"allow-xslt-io", no_argument, NULL, OPT_ALLOW_IO},
    {"encoding-errors", required_argument, NULL, OPT_ERRORS},
    {"diagnostics", required_argument, NULL, OPT_DIAGNOSTICS},
    {"list-formats", no_argument, NULL, OPT_LIST},
    {"from", required_argument, NULL, OPT_FROM},
    {"max-output", required_argument, NULL, OPT_MAX_OUTPUT},
    {"xslt-timeout", required_argument, NULL, OPT_TIMEOUT},
    {"xslt-read", required_argument, NULL, OPT_READ},
    {NULL, 0, NULL, 0},
};

typedef struct {
    const char *format; /* -t, or NULL */
    const char *output;
    const char *input;
    const char *xslt;
    int allow_io;
    int verbose;
    int embed; /* --diagnostics=embed */
    unsigned long long max_output;
    gw_transform_options xform; /* read and timeout; params, allow_io set by convert */
    gw_decode_options decode;
    gw_from from;                           /* GW_FROM_AUTO: sniffed */
    const char *params[2 * MAX_PARAMS + 1]; /* name, value, ..., NULL */
    size_t nparams;
    char *param_buf[MAX_PARAMS]; /* owned copies of the names */
} options;

/* NAME=VALUE into the parameter list; -1 to go on, or an exit status. */
static int add_param(const gw_cli *c, options *o, const char *pv)
{
    const char *eq = strchr(pv, '=');
    if (!eq || eq == pv)
        return gw_cli_usage_error(c, _("--param wants NAME=VALUE, not '%s'"), pv);
    if (o->nparams == MAX_PARAMS)
        return gw_cli_usage_error(c, _("more than %d parameters"), MAX_PARAMS);
    char *name = malloc((size_t)(eq - pv) + 1);
    if (!name) {
        gw_cli_error("gongwen", NULL, _("out of memory"));
        return GW_EXIT_USAGE;
    }
    memcpy(name, pv, (size_t)(eq - pv));
    name[eq - pv] = '\0';
    o->param_buf[o->nparams] = name;
    o->params[2 * o->nparams] = name;
    o->params[2 * o->nparams + 1] = eq + 1;
    o->nparams++;
    o->params[2 * o->nparams] = NULL;
    return -1;
}

static void free_options(options *o)
{
    for (size_t i = 0; i < o->nparams; i++)
        free(o->param_buf[i]);
}

/* --max-output=SIZE (K, M, G) and --xslt-timeout=SECONDS; -1 to go on, or
 * an exit status. */
static int limit(const gw_cli *c, options *o, int opt, const char *v)
{
    char *end = NULL;
    errno = 0;
    unsigned long long n = *v >= '0' && *v <= '9' ? strtoull(v, &end, 10) : 0;
    if (opt == OPT_TIMEOUT) {
        if (!end || errno || *end || n > 86400)
            return gw_cli_usage_error(c, _("--xslt-timeout wants seconds (0 to 86400), not '%s'"),
                                      v);
        o->xform.timeout = (unsigned)n;
        return -1;
    }
    int shift = !end ? -1 : *end == 'K' ? 10 : *end == 'M' ? 20 : *end == 'G' ? 30 : *end ? -1 : 0;
    if (shift < 0 || errno || (*end && end[1]) || n > (~0ULL >> shift))
        return gw_cli_usage_error(c, _("--max-output wants bytes with K, M or G, not '%s'"), v);
    o->max_output = n << shift;
    return -1;
}

/* One of the converter's own options; -1 to go on, or an exit status. */
static int option(const gw_cli *c, options *o, int opt, const char *v)
{
    static const char *const errors[] = {"strict", "replace", NULL};
    static const char *const diagnostics[] = {"embed", "none", NULL};
    static const char *const sources[] = {"text", "docx", "html", "pdf", NULL};
    static const char *const reads[] = {"any", "dir", "none", NULL};
    static const gw_read_policy read_of[] = {GW_READ_ANY, GW_READ_DIR, GW_READ_NONE};
    int k;
    switch (opt) {
    case 't':
        o->format = v;
        break;
    case 'o':
        if (!*v)
            return gw_cli_usage_error(c, "%s", _("empty output file name"));
        o->output = v;
        break;
    case 'v':
        o->verbose = 1;
        break;
    case OPT_XSLT:
        if (!*v)
            return gw_cli_usage_error(c, "%s", _("empty stylesheet file name"));
        o->xslt = v;
        break;
    case OPT_PARAM:
        return add_param(c, o, v);
    case OPT_ALLOW_IO:
        o->allow_io = 1;
        break;
    case OPT_ERRORS:
        if ((k = gw_cli_choice(c, "--encoding-errors", v, errors)) < 0)
            return GW_EXIT_USAGE;
        o->decode.errors = k ? GW_ERRORS_REPLACE : GW_ERRORS_STRICT;
        break;
    case OPT_DIAGNOSTICS:
        if ((k = gw_cli_choice(c, "--diagnostics", v, diagnostics)) < 0)
            return GW_EXIT_USAGE;
        o->embed = k == 0;
        break;
    case OPT_FROM:
        if ((k = gw_cli_choice(c, "--from", v, sources)) < 0)
            return GW_EXIT_USAGE;
        o->from = (gw_from)(GW_FROM_TEXT + k);
        break;
    case OPT_LIST:
        return gw_formats_print(stdout) == 0 && fflush(stdout) == 0 ? 0 : GW_EXIT_USAGE;
    case OPT_MAX_OUTPUT:
    case OPT_TIMEOUT:
        return limit(c, o, opt, v);
    case OPT_READ:
        if ((k = gw_cli_choice(c, "--xslt-read", v, reads)) < 0)
            return GW_EXIT_USAGE;
        o->xform.read = read_of[k];
        break;
    }
    return -1;
}

/* Returns -1 to go on, or an exit status. */
static int parse_args(int argc, char **argv, options *o)
{
    gw_cli c;
    gw_cli_begin(&c, "gongwen", usage, argc, argv, "t:o:v", long_options);
    const char *v = NULL;
    int opt, status = 0;
    while ((opt = gw_cli_next(&c, &v, &status)) != GW_CLI_DONE) {
        if (opt == GW_CLI_EXIT)
            return status;
        int rc = option(&c, o, opt, v);
        if (rc >= 0)
            return rc;
    }
    o->decode.encoding = c.encoding;
    int n;
    char **files = gw_cli_operands(&c, &n);
    if (n > 1)
        return gw_cli_usage_error(&c, _("more than one input file (%s)"), files[1]);
    o->input = n ? files[0] : "-";
    if (!*o->input)
        return gw_cli_usage_error(&c, "%s", _("empty input file name"));
    return -1;
}

/* name NULL: a failure that is not the input's (a stylesheet's, say). */
static int report(const char *name, const gw_error *err)
{
    if (err->line && name)
        gw_cli_at(name, err->line, err->column, "error", err->message);
    else
        gw_cli_error("gongwen", name, err->message);
    return gw_status_exit(err->status);
}

/* The format: -t's, else the one whose extension the output file has,
 * else the tree. */
static const char *format_of(const options *o)
{
    const gw_format *f = NULL;
    if (o->format)
        return o->format;
    if (o->output && strcmp(o->output, "-") && (f = gw_format_for_path(o->output)))
        return f->name;
    return "xml";
}

#define USER_SHEET "user stylesheet" /* no format's name: it has a space */

/* The compiled stylesheet set for the output, NULL for the tree itself
 * (*err untouched) or on a failure; the parameters are checked too, all
 * before any input is read. */
static gw_styles *styles_for(const options *o, const char *format, const char *argv0, gw_error *err)
{
    const gw_format *f = gw_format_find(format);
    if (!o->xslt && f && !f->stylesheet) {
        if (o->nparams)
            gw_fail(err, GW_ERR_USAGE, 0, 0,
                    _("unknown parameter '%s': the %s format has no stylesheet to take it"),
                    o->params[0], f->name);
        return NULL;
    }
    gw_styles *st = gw_styles_new(NULL, argv0, err);
    if (!st)
        return NULL;
    gw_status s = GW_OK;
    if (o->xslt)
        s = gw_styles_add_file(st, USER_SHEET, o->xslt, err);
    if (s == GW_OK)
        s = gw_styles_prepare(st, o->xslt ? USER_SHEET : format, o->nparams ? o->params : NULL,
                              err);
    if (s != GW_OK) {
        gw_styles_free(st);
        return NULL;
    }
    return st;
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
    gw_text *t = gw_read_source(data, len, o->from, &o->decode, err);
    if (!t)
        return NULL;
    for (size_t i = 0; i < gw_text_warning_count(t); i++) {
        const gw_error *w = gw_text_warning(t, i);
        gw_cli_at(name, w->line, w->column, "warning", w->message);
    }
    if (o->verbose) {
        char msg[128];
        snprintf(msg, sizeof msg, _("encoding %s"), gw_text_encoding(t));
        gw_cli_error("gongwen", name, msg);
    }
    return t;
}

/* Reads, decodes and parses the input (checking it too with embed), then
 * renders it into sink; returns the exit status, any failure reported but
 * the sink's own (a write error, --max-output), which gw_sink_commit tells. */
static int convert(const options *o, gw_styles *st, const char *format, gw_sink *sink)
{
    const char *name = strcmp(o->input, "-") ? o->input : "<stdin>";
    gw_error err = {0};
    char *data = NULL;
    size_t in_len = 0;
    gw_text *text = NULL;
    gw_document *doc = NULL;
    int rc = 0;
    if (gw_read_path(o->input, &data, &in_len, &err) != GW_OK ||
        !(text = decode(o, name, data, in_len, &err)) ||
        !(doc = gw_parse(text, strcmp(o->input, "-") ? o->input : NULL, &err)) ||
        (o->embed && embed(data, in_len, text, doc, &err) != GW_OK)) {
        rc = report(name, &err);
    } else {
        gw_transform_options xo = o->xform;
        xo.params = o->nparams ? o->params : NULL;
        xo.allow_io = o->allow_io;
        gw_status s = st ? gw_transform_to(st, o->xslt ? USER_SHEET : format, doc, &xo,
                                           gw_sink_write, sink, &err)
                         : gw_serialize_xml_to(doc, gw_sink_write, sink, &err);
        /* a stylesheet that cannot read or write a file is not the
         * input's fault: its name stays out of the message */
        if (s != GW_OK && !gw_sink_failed(sink))
            rc = report(err.status == GW_ERR_IO ? NULL : name, &err);
    }
    gw_document_free(doc);
    gw_text_free(text);
    free(data);
    return rc;
}

int main(int argc, char **argv)
{
    gw_intl_init();
    if (argc > 1 && !strcmp(argv[1], "check"))
        return gw_check_main(argc - 1, argv + 1);
    if (argc > 1 && !strcmp(argv[1], "lsp"))
        return gw_lsp_main(argc - 1, argv + 1);
    options o = {0};
    o.max_output = 1ULL << 30;
    o.xform.timeout = 60;
    int rc = parse_args(argc, argv, &o);
    if (rc >= 0) {
        free_options(&o);
        return rc;
    }
    const char *format = format_of(&o);
    gw_error err = {0};
    gw_sink *sink = NULL;
    const char *out_name = o.output ? o.output : "<stdout>";
    gw_styles *st = styles_for(&o, format, argv[0], &err);
    if (!st && err.status != GW_OK)
        rc = report(NULL, &err);
    else if (!(sink = gw_sink_open(o.output, o.max_output, &err)))
        rc = report(out_name, &err);
    else if ((rc = convert(&o, st, format, sink)) != 0)
        gw_sink_abort(sink);
    else if (gw_sink_commit(sink, &err) != GW_OK)
        rc = report(out_name, &err);
    gw_styles_free(st);
    free_options(&o);
    xsltCleanupGlobals();
    xmlCleanupParser();
    return rc;
}
