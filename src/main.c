/* The gongwen command line: the converter (`gongwen check` is
 * cli_check.c; what both share, cli.c). */
#include "batch.h"
#include "checker.h"
#include "cli.h"
#include "embed.h"
#include "formats.h"
#include "gongwen.h"
#include "intl.h"
#include "lsp.h"
#include "output.h"
#include "readers.h"
#include "xmlout.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <libxslt/xslt.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

static const char usage[] =
    N_("usage: gongwen [-t FORMAT] [--xslt FILE] [--param NAME=VALUE]... [-o FILE] [FILE|-]\n"
       "       gongwen [-t FORMAT[,FORMAT]...] -O OUTDIR [-j N] FILE|DIR...\n"
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
       "      --source-name NAME\n"
       "                       the name the XML records as the source (default:\n"
       "                       the input's file name without its directories)\n"
       "      --timestamp      record the conversion time (SOURCE_DATE_EPOCH if\n"
       "                       set, else now); off by default, so that the same\n"
       "                       input gives the same output\n"
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
       "Many files at once (a batch):\n"
       "  -O, --output-dir DIR write each input's FORMAT to DIR/NAME.EXT, the tree\n"
       "                       under each directory named mirrored under DIR\n"
       "  -j, --jobs N         convert N files at a time (default: the CPUs)\n"
       "      --include GLOB   only the files under a directory that match GLOB\n"
       "                       (their name or path below it; repeatable)\n"
       "      --exclude GLOB   not the files or directories that match GLOB\n"
       "      --manifest FILE  record each input (JSON Lines): checksum, outputs,\n"
       "                       counts, status, time\n"
       "      --incremental    skip inputs whose checksum the manifest records with\n"
       "                       their outputs still in place\n"
       "      --max-input=SIZE a larger input fails unread (default 1G; 0: none);\n"
       "                       --max-output, --xslt-timeout, --xslt-read apply to\n"
       "                       each file too\n"
       "      --max-files=N    refuse a batch of more than N inputs (0: no limit)\n"
       "      --max-total=SIZE refuse a batch whose inputs add up to more than\n"
       "                       SIZE bytes (0: no limit)\n"
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
    OPT_INCLUDE,
    OPT_EXCLUDE,
    OPT_MANIFEST,
    OPT_INCREMENTAL,
    OPT_SOURCE_NAME,
    OPT_TIMESTAMP,
    OPT_MAX_OUTPUT,
    OPT_TIMEOUT,
    OPT_READ,
    OPT_FROM,
    OPT_MAX_FILES,
    OPT_MAX_INPUT,
    OPT_MAX_TOTAL,
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
    {"output-dir", required_argument, NULL, 'O'},
    {"jobs", required_argument, NULL, 'j'},
    {"include", required_argument, NULL, OPT_INCLUDE},
    {"exclude", required_argument, NULL, OPT_EXCLUDE},
    {"manifest", required_argument, NULL, OPT_MANIFEST},
    {"incremental", no_argument, NULL, OPT_INCREMENTAL},
    {"source-name", required_argument, NULL, OPT_SOURCE_NAME},
    {"timestamp", no_argument, NULL, OPT_TIMESTAMP},
    {"from", required_argument, NULL, OPT_FROM},
    {"max-output", required_argument, NULL, OPT_MAX_OUTPUT},
    {"xslt-timeout", required_argument, NULL, OPT_TIMEOUT},
    {"xslt-read", required_argument, NULL, OPT_READ},
    {"max-files", required_argument, NULL, OPT_MAX_FILES},
    {"max-input", required_argument, NULL, OPT_MAX_INPUT},
    {"max-total", required_argument, NULL, OPT_MAX_TOTAL},
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
    const char *source_name;     /* --source-name, or NULL */
    long long converted;         /* --timestamp's time, or -1 */
    gw_batch_options batch;      /* -O and what goes with it */
    int batch_limits;            /* a --max-files, --max-input or --max-total given */
    char *format_buf;            /* owned copy of -t's list, split */
    char **operands;
    int noperands;
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
    free(o->format_buf);
}

/* -t html,md: the batch's formats; -1 to go on, or an exit status. */
static int split_formats(const gw_cli *c, options *o)
{
    gw_batch_options *b = &o->batch;
    free(o->format_buf);
    b->nformats = 0;
    if (!(o->format_buf = malloc(strlen(o->format) + 1))) {
        gw_cli_error("gongwen", NULL, _("out of memory"));
        return GW_EXIT_USAGE;
    }
    strcpy(o->format_buf, o->format);
    for (char *save = NULL, *f = strtok_r(o->format_buf, ",", &save); f;
         f = strtok_r(NULL, ",", &save)) {
        if (b->nformats == GW_BATCH_MAX_FORMATS)
            return gw_cli_usage_error(c, _("more than %d formats"), GW_BATCH_MAX_FORMATS);
        b->formats[b->nformats++] = f;
    }
    if (!b->nformats)
        return gw_cli_usage_error(c, "%s", _("-t names no format"));
    return -1;
}

/* A glob for --include or --exclude; -1 to go on, or an exit status. */
static int add_glob(const gw_cli *c, const char **list, size_t *n, const char *glob)
{
    if (*n == GW_BATCH_MAX_GLOBS)
        return gw_cli_usage_error(c, _("more than %d patterns"), GW_BATCH_MAX_GLOBS);
    list[(*n)++] = glob;
    return -1;
}

/* The batch's own options; -1 to go on, or an exit status. */
static int batch_option(const gw_cli *c, gw_batch_options *b, int opt, const char *v)
{
    char *end;
    long n;
    switch (opt) {
    case 'O':
        if (!*v)
            return gw_cli_usage_error(c, "%s", _("empty output directory name"));
        b->outdir = v;
        break;
    case 'j':
        n = strtol(v, &end, 10);
        if (*end || end == v || n < 1 || n > 1024)
            return gw_cli_usage_error(c, _("-j wants a number of jobs from 1 to 1024, not '%s'"),
                                      v);
        b->jobs = (int)n;
        break;
    case OPT_INCLUDE:
        return add_glob(c, b->include, &b->ninclude, v);
    case OPT_EXCLUDE:
        return add_glob(c, b->exclude, &b->nexclude, v);
    case OPT_MANIFEST:
        if (!*v)
            return gw_cli_usage_error(c, "%s", _("empty manifest file name"));
        b->manifest = v;
        break;
    case OPT_INCREMENTAL:
        b->incremental = 1;
        break;
    }
    return -1;
}

/* --timestamp: $SOURCE_DATE_EPOCH (reproducible builds' convention) when
 * set, else now; -1 to go on, or an exit status. */
static int conversion_time(const gw_cli *c, long long *when)
{
    const char *env = getenv("SOURCE_DATE_EPOCH");
    if (!env || !*env) {
        *when = (long long)time(NULL);
        return -1;
    }
    char *end;
    errno = 0;
    long long v = strtoll(env, &end, 10);
    /* up to the year 9999, which the recorded form can hold */
    if (*end || errno || v < 0 || v > 253402300799LL)
        return gw_cli_usage_error(c, _("SOURCE_DATE_EPOCH wants seconds since 1970, not '%s'"),
                                  env);
    *when = v;
    return -1;
}

/* A size in bytes, with K, M or G: 0, or -1 when v is none. */
static int size_value(const char *v, unsigned long long *size)
{
    char *end = NULL;
    errno = 0;
    unsigned long long n = *v >= '0' && *v <= '9' ? strtoull(v, &end, 10) : 0;
    int shift = !end ? -1 : *end == 'K' ? 10 : *end == 'M' ? 20 : *end == 'G' ? 30 : *end ? -1 : 0;
    if (shift < 0 || errno || (*end && end[1]) || n > (~0ULL >> shift))
        return -1;
    *size = n << shift;
    return 0;
}

/* --max-output=SIZE (K, M, G) and --xslt-timeout=SECONDS; -1 to go on, or
 * an exit status. */
static int limit(const gw_cli *c, options *o, int opt, const char *v)
{
    if (opt == OPT_TIMEOUT) {
        size_t n;
        if (gw_cli_count(v, &n) != 0 || n > 86400)
            return gw_cli_usage_error(c, _("--xslt-timeout wants seconds (0 to 86400), not '%s'"),
                                      v);
        o->xform.timeout = (unsigned)n;
        return -1;
    }
    if (size_value(v, &o->max_output) != 0)
        return gw_cli_usage_error(c, _("--max-output wants bytes with K, M or G, not '%s'"), v);
    return -1;
}

/* --max-files=N, --max-input=SIZE, --max-total=SIZE: a batch's limits;
 * -1 to go on, or an exit status. */
static int batch_limit(const gw_cli *c, options *o, int opt, const char *v)
{
    gw_batch_options *b = &o->batch;
    o->batch_limits = 1;
    if (opt == OPT_MAX_FILES) {
        if (gw_cli_count(v, &b->max_files) != 0)
            return gw_cli_usage_error(c, _("--max-files wants a number of files, not '%s'"), v);
        return -1;
    }
    if (size_value(v, opt == OPT_MAX_INPUT ? &b->max_input : &b->max_total) != 0)
        return gw_cli_usage_error(c, _("%s wants bytes with K, M or G, not '%s'"),
                                  opt == OPT_MAX_INPUT ? "--max-input" : "--max-total", v);
    return -1;
}

/* One of the converter's own options; -1 to go on, or an exit status. */
static int option(const gw_cli *c, void *ctx, int opt, const char *v)
{
    options *o = ctx;
    static const char *const errors[] = {"strict", "replace", NULL};
    static const char *const diagnostics[] = {"embed", "none", NULL};
    static const char *const sources[] = {"text", "docx", "html", "pdf", "markdown", NULL};
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
    case OPT_SOURCE_NAME:
        if (!*v || strchr(v, '/'))
            return gw_cli_usage_error(c, _("--source-name wants a file name without '/', not '%s'"),
                                      v);
        o->source_name = v;
        break;
    case OPT_TIMESTAMP:
        return conversion_time(c, &o->converted);
    case OPT_MAX_OUTPUT:
    case OPT_TIMEOUT:
        return limit(c, o, opt, v);
    case OPT_READ:
        if ((k = gw_cli_choice(c, "--xslt-read", v, reads)) < 0)
            return GW_EXIT_USAGE;
        o->xform.read = read_of[k];
        break;
    case OPT_MAX_FILES:
    case OPT_MAX_INPUT:
    case OPT_MAX_TOTAL:
        return batch_limit(c, o, opt, v);
    default:
        return batch_option(c, &o->batch, opt, v);
    }
    return -1;
}

/* What a batch run needs besides its options; -1 to go on, or an exit
 * status. */
static int check_batch(const gw_cli *c, options *o, char **files, int n)
{
    gw_batch_options *b = &o->batch;
    if (!n)
        return gw_cli_usage_error(c, "%s",
                                  _("-O OUTDIR wants the files or directories to convert"));
    if (o->output)
        return gw_cli_usage_error(c, "%s", _("-o and -O go separately: one file, or a directory"));
    if (o->xslt)
        return gw_cli_usage_error(c, "%s", _("--xslt is for one file; a batch takes -t FORMAT"));
    if (b->incremental && !b->manifest)
        return gw_cli_usage_error(c, "%s", _("--incremental needs --manifest FILE"));
    if (!o->format)
        o->format = "xml";
    int rc = split_formats(c, o);
    if (rc >= 0)
        return rc;
    b->params = o->nparams ? o->params : NULL;
    b->decode = o->decode;
    b->allow_io = o->allow_io;
    b->embed = o->embed;
    b->converted = o->converted;
    b->progress = isatty(2);
    b->max_output = o->max_output;
    b->timeout = o->xform.timeout;
    b->read = o->xform.read;
    if (o->source_name)
        return gw_cli_usage_error(c, "%s",
                                  _("--source-name is for one file: a batch records "
                                    "each input's own name"));
    o->operands = files;
    o->noperands = n;
    return -1;
}

/* Returns -1 to go on, or an exit status. */
static int parse_args(int argc, char **argv, options *o)
{
    gw_cli c;
    gw_cli_begin(&c, "gongwen", usage, argc, argv, "t:o:vO:j:", long_options);
    int rc = gw_cli_options(&c, option, o);
    if (rc >= 0)
        return rc;
    o->decode.encoding = c.encoding;
    int n;
    char **files = gw_cli_operands(&c, &n);
    if (o->batch.outdir)
        return check_batch(&c, o, files, n);
    if (o->batch.manifest || o->batch.incremental || o->batch.ninclude || o->batch.nexclude)
        return gw_cli_usage_error(&c, "%s",
                                  _("--manifest, --incremental, --include and "
                                    "--exclude go with -O OUTDIR"));
    if (o->batch_limits)
        return gw_cli_usage_error(&c, "%s",
                                  _("--max-files, --max-input and --max-total go with -O OUTDIR"));
    struct stat st;
    if (n > 1)
        return gw_cli_usage_error(&c,
                                  _("more than one input file (%s): convert several with "
                                    "-O OUTDIR"),
                                  files[1]);
    if (n == 1 && stat(files[0], &st) == 0 && S_ISDIR(st.st_mode))
        return gw_cli_usage_error(&c, _("%s is a directory: convert its files with -O OUTDIR"),
                                  files[0]);
    if (o->format && strchr(o->format, ','))
        return gw_cli_usage_error(&c, "%s", _("several formats need -O OUTDIR"));
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

/* The tree, its root recording the source's name (--source-name, else the
 * input's file name without directories), checksum and size. Its ranges
 * stay beside it (xmlout.h) until a stylesheet or --embed needs them. */
static gw_document *parse(const options *o, const gw_text *text, const char *data, size_t len,
                          gw_error *err)
{
    const char *base = strrchr(o->input, '/');
    gw_parse_options p = {o->source_name, data, len, o->converted};
    if (!p.source && strcmp(o->input, "-"))
        p.source = base ? base + 1 : o->input;
    return gw_parse_lean(text, &p, err);
}

/* The input's bytes once decoded. When the text is those very bytes
 * (UTF-8 taken as it is, the usual case) the read buffer is freed and the
 * text stands for it: the input is then not held twice while the tree is
 * built (an eighth of -t xml's peak memory, and the kernel's time to
 * clear those pages). --embed reads the bytes later and keeps them. */
static const char *input_bytes(const options *o, const gw_text *text, char **data, size_t len)
{
    if (o->embed || gw_text_length(text) != len || memcmp(gw_text_data(text), *data, len) != 0)
        return *data;
    free(*data);
    *data = NULL;
    return gw_text_data(text);
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
        !(doc = parse(o, text, input_bytes(o, text, &data, in_len), in_len, &err)) ||
        (o->embed && gw_embed_check(data, in_len, text, doc, NULL, &err) != GW_OK) ||
        /* xslt/'s stylesheets read no range but the line */
        (st && !o->xslt && gw_document_keep_lines(doc) != GW_OK && gw_fail_nomem(&err))) {
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
#if defined(__GLIBC__) && defined(M_MXFAST)
    /* A tree is a few hundred thousand small nodes, freed all at once at
     * the end: glibc's fast bins keep each freed chunk apart and then
     * merge them all in malloc_consolidate (an eighth of check's time and
     * of -t xml's on the samples x30). Without them a free merges with its
     * neighbours as it goes: 7 % less CPU for xml, html and check alike. */
    mallopt(M_MXFAST, 0);
#endif
    gw_intl_init();
    if (argc > 1 && !strcmp(argv[1], "check"))
        return gw_check_main(argc - 1, argv + 1);
    if (argc > 1 && !strcmp(argv[1], "lsp"))
        return gw_lsp_main(argc - 1, argv + 1);
    options o = {0};
    o.converted = -1;
    o.max_output = 1ULL << 30;
    o.batch.max_input = 1ULL << 30;
    o.xform.timeout = 60;
    int rc = parse_args(argc, argv, &o);
    if (rc >= 0) {
        free_options(&o);
        return rc;
    }
    if (o.batch.outdir) {
        gw_error err = {0};
        gw_init();
        gw_styles *st = gw_styles_new(NULL, argv[0], &err);
        rc = st ? gw_batch_run(&o.batch, st, o.operands, o.noperands) : report(NULL, &err);
        gw_styles_free(st);
        free_options(&o);
        xsltCleanupGlobals();
        xmlCleanupParser();
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
