/* The `gongwen check` command line: options, the files, the output
 * format, the summary line and the exit status. */
#include "checker.h"
#include "intl.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define EXIT_FOUND 1
#define EXIT_USAGE 2

static const char usage_text[] =
    N_("usage: gongwen check [OPTION]... [FILE|-]...\n"
       "\n"
       "Reports the faults in the structure and text of each report, without\n"
       "writing any output document.\n"
       "\n"
       "      --format=text|json|sarif\n"
       "                         diagnostics as compilers print them on standard\n"
       "                         error (default), or one JSON array, or a SARIF\n"
       "                         2.1.0 log, on standard output\n"
       "      --color=auto|always|never\n"
       "                         colour the text format (auto: when standard error\n"
       "                         is a terminal)\n"
       "      --no-caret         do not show the source line and caret\n"
       "      --disable RULE     do not check RULE (repeatable; \"all\" for every rule)\n"
       "      --enable RULE      check RULE again (repeatable; \"all\")\n"
       "      --fail-on error|warning|note\n"
       "                         exit 1 when a diagnostic at least this severe is\n"
       "                         reported (default error)\n"
       "      --allow-level-skip a heading may skip one level (一、 holding 1.)\n"
       "      --encoding NAME    the input's encoding (default: detected)\n"
       "      --list-rules       list the rules with their default severity\n"
       "  -h, --help             show this help\n"
       "\n"
       "Exit status: 0 nothing at or above --fail-on, 1 something, 2 usage or\n"
       "I/O error.\n");

typedef enum { FORMAT_TEXT, FORMAT_JSON, FORMAT_SARIF } format;

typedef struct {
    gw_check_options check;
    format fmt;
    int color; /* -1 auto */
    int no_caret;
    gw_severity fail_on;
    char **files;
    int nfiles;
} options;

static int usage_error(const char *msg, const char *arg)
{
    fputs("gongwen check: ", stderr);
    fprintf(stderr, msg, arg);
    fprintf(stderr, "\n%s\n", _("Try 'gongwen check --help'."));
    return EXIT_USAGE;
}

static int set_rule(options *o, const char *name, int disable)
{
    if (!strcmp(name, "all")) {
        memset(o->check.disabled, disable, sizeof o->check.disabled);
        return -1;
    }
    gw_rule r = gw_rule_find(name);
    if (r == GW_R_COUNT)
        return usage_error(_("unknown rule '%s' (see --list-rules)"), name);
    o->check.disabled[r] = (unsigned char)disable;
    return -1;
}

static void list_rules(void)
{
    for (int r = 0; r < GW_R_COUNT; r++)
        printf("%-20s %-8s %s\n", gw_rule_name((gw_rule)r),
               gw_severity_name(gw_rule_severity((gw_rule)r)), _(gw_rule_description((gw_rule)r)));
}

/* The value of option name at argv[*i]: after '=' or the next argument.
 * NULL when a is not that option; *missing set when it has no value. */
static const char *value_of(const char *name, int argc, char **argv, int *i, int *missing)
{
    const char *a = argv[*i];
    size_t n = strlen(name);
    if (strncmp(a, name, n) != 0)
        return NULL;
    if (a[n] == '=')
        return a + n + 1;
    if (a[n] != '\0')
        return NULL;
    if (*i + 1 >= argc) {
        *missing = 1;
        return NULL;
    }
    return argv[++*i];
}

static int option_value(options *o, const char *name, const char *v)
{
    if (!strcmp(name, "--format")) {
        if (!strcmp(v, "text"))
            o->fmt = FORMAT_TEXT;
        else if (!strcmp(v, "json"))
            o->fmt = FORMAT_JSON;
        else if (!strcmp(v, "sarif"))
            o->fmt = FORMAT_SARIF;
        else
            return usage_error(_("--format wants text, json or sarif, not '%s'"), v);
    } else if (!strcmp(name, "--color")) {
        if (!strcmp(v, "auto"))
            o->color = -1;
        else if (!strcmp(v, "always"))
            o->color = 1;
        else if (!strcmp(v, "never"))
            o->color = 0;
        else
            return usage_error(_("--color wants auto, always or never, not '%s'"), v);
    } else if (!strcmp(name, "--fail-on")) {
        if (gw_severity_parse(v, &o->fail_on) != GW_OK)
            return usage_error(_("--fail-on wants error, warning or note, not '%s'"), v);
    } else if (!strcmp(name, "--disable") || !strcmp(name, "--enable")) {
        return set_rule(o, v, name[2] == 'd');
    } else {
        o->check.encoding = v;
    }
    return -1;
}

/* Returns -1 to go on, or an exit status. */
static int parse_args(int argc, char **argv, options *o)
{
    static const char *const with_value[] = {"--format",  "--color",  "--fail-on",
                                             "--disable", "--enable", "--encoding"};
    int only_files = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (only_files || a[0] != '-' || !strcmp(a, "-")) {
            o->files[o->nfiles++] = argv[i];
            continue;
        }
        if (!strcmp(a, "--")) {
            only_files = 1;
            continue;
        }
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(_(usage_text), stdout);
            return 0;
        }
        if (!strcmp(a, "--list-rules")) {
            list_rules();
            return 0;
        }
        if (!strcmp(a, "--allow-level-skip")) {
            o->check.allow_level_skip = 1;
            continue;
        }
        if (!strcmp(a, "--no-caret")) {
            o->no_caret = 1;
            continue;
        }
        int handled = 0;
        for (size_t k = 0; k < sizeof with_value / sizeof with_value[0] && !handled; k++) {
            int missing = 0;
            const char *v = value_of(with_value[k], argc, argv, &i, &missing);
            if (missing)
                return usage_error(_("option %s needs a value"), with_value[k]);
            if (!v)
                continue;
            int rc = option_value(o, with_value[k], v);
            if (rc >= 0)
                return rc;
            handled = 1;
        }
        if (!handled)
            return usage_error(_("unknown option %s"), a);
    }
    if (o->nfiles == 0)
        o->files[o->nfiles++] = "-";
    return -1;
}

/* "3 warnings, 1 error in 2 files" on standard error. */
static void summary(const size_t count[3], size_t files)
{
    char list[256] = "";
    size_t o = 0;
    static const gw_severity order[] = {GW_SEV_WARNING, GW_SEV_ERROR, GW_SEV_NOTE};
    for (size_t k = 0; k < 3; k++) {
        unsigned long n = (unsigned long)count[order[k]];
        if (!n || o >= sizeof list)
            continue;
        const char *fmt = order[k] == GW_SEV_WARNING ? P_("%lu warning", "%lu warnings", n)
                          : order[k] == GW_SEV_ERROR ? P_("%lu error", "%lu errors", n)
                                                     : P_("%lu note", "%lu notes", n);
        if (o)
            o += (size_t)snprintf(list + o, sizeof list - o, "%s", _(", "));
        if (o < sizeof list)
            o += (size_t)snprintf(list + o, sizeof list - o, fmt, n);
    }
    char in[64];
    snprintf(in, sizeof in, P_("%lu file", "%lu files", (unsigned long)files),
             (unsigned long)files);
    if (o)
        fprintf(stderr, _("%s in %s\n"), list, in);
    else
        fprintf(stderr, _("no problems in %s\n"), in);
}

static int check_file(const options *o, const char *path, gw_diag_file *f, gw_diags *diags,
                      gw_text **text)
{
    const char *name = strcmp(path, "-") ? path : "<stdin>";
    gw_error err = {0};
    char *data = NULL;
    size_t len = 0;
    f->name = name;
    f->diags = diags;
    if (gw_read_path(path, &data, &len, &err) == GW_OK)
        *text = gw_check_bytes(data, len, &o->check, diags, &err);
    free(data);
    if (!*text) {
        fprintf(stderr, "gongwen: %s: %s\n", name, err.message);
        return -1;
    }
    gw_diags_sort(diags);
    f->text = gw_text_data(*text);
    f->text_len = gw_text_length(*text);
    return 0;
}

static int run(options *o)
{
    size_t n = (size_t)o->nfiles;
    gw_diag_file *files = calloc(n, sizeof *files);
    gw_diags *diags = calloc(n, sizeof *diags);
    gw_text **texts = calloc(n, sizeof *texts);
    int rc = 0, color = o->color < 0 ? isatty(STDERR_FILENO) && !getenv("NO_COLOR") : o->color;
    size_t count[3] = {0, 0, 0}, done = 0;
    if (!files || !diags || !texts) {
        fputs("gongwen: out of memory\n", stderr);
        rc = EXIT_USAGE;
        n = 0;
    }
    for (size_t i = 0; i < n; i++) {
        if (check_file(o, o->files[i], &files[done], &diags[done], &texts[done]) != 0) {
            rc = EXIT_USAGE;
            continue;
        }
        for (size_t k = 0; k < diags[done].n; k++) {
            count[diags[done].v[k].severity]++;
            if (diags[done].v[k].severity >= o->fail_on && rc == 0)
                rc = EXIT_FOUND;
        }
        if (o->fmt == FORMAT_TEXT)
            gw_diag_print_text(stderr, &files[done], color, o->no_caret);
        done++;
    }
    gw_status wrote = GW_OK;
    if (o->fmt == FORMAT_JSON)
        wrote = gw_diag_print_json(stdout, files, done);
    else if (o->fmt == FORMAT_SARIF)
        wrote = gw_diag_print_sarif(stdout, files, done);
    if (wrote == GW_ERR_NOMEM) {
        fputs("gongwen: out of memory\n", stderr);
        rc = gw_status_exit(wrote);
    } else if (wrote != GW_OK || fflush(stdout) != 0) {
        fprintf(stderr, "gongwen: %s\n", _("cannot write the diagnostics"));
        rc = gw_status_exit(GW_ERR_IO);
    }
    summary(count, done);
    for (size_t i = 0; i < done; i++) {
        gw_diags_free(&diags[i]);
        gw_text_free(texts[i]);
    }
    free(files);
    free(diags);
    free(texts);
    return rc;
}

int gw_check_main(int argc, char **argv)
{
    gw_intl_init();
    options o;
    memset(&o, 0, sizeof o);
    o.color = -1;
    o.fail_on = GW_SEV_ERROR;
    o.files = calloc((size_t)argc + 1, sizeof *o.files);
    if (!o.files) {
        fputs("gongwen: out of memory\n", stderr);
        return EXIT_USAGE;
    }
    int rc = parse_args(argc, argv, &o);
    if (rc < 0)
        rc = run(&o);
    free(o.files);
    xmlCleanupParser();
    return rc;
}
