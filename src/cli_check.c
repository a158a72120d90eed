/* The `gongwen check` command line: options, the files, the output
 * format, the summary line and the exit status. */
#include "batch.h"
#include "checker.h"
#include "cli_fix.h"
#include "config.h"
#include "cli.h"
#include "intl.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define EXIT_FOUND 1
#define EXIT_USAGE GW_EXIT_USAGE

static const char usage_text[] =
    N_("usage: gongwen check [OPTION]... [FILE|-]...\n"
       "\n"
       "Reports the faults in the structure and text of each report, without\n"
       "writing any output document.\n"
       "\n"
       "      --format=text|json|sarif|github\n"
       "                         diagnostics as compilers print them on standard\n"
       "                         error (default), or one JSON array, a SARIF 2.1.0\n"
       "                         log, or GitHub Actions workflow commands\n"
       "                         (annotations), on standard output\n"
       "      --color=auto|always|never\n"
       "                         colour the text format (auto: when standard error\n"
       "                         is a terminal)\n"
       "      --no-caret         do not show the source line and caret\n"
       "      --fix              apply the fixes that are sure (trailing white\n"
       "                         space, ASCII punctuation between Chinese\n"
       "                         characters, numbering gaps and duplicates) to\n"
       "                         each file in place, then report what remains\n"
       "      --diff             show those fixes as a unified diff on standard\n"
       "                         output instead; no file changes\n"
       "      --disable RULE     do not check RULE (repeatable; \"all\" for every rule)\n"
       "      --enable RULE      check RULE again (repeatable; \"all\")\n"
       "      --max-diagnostics=N\n"
       "                         show at most N findings of each file, the first\n"
       "                         by position, and a note of how many more there\n"
       "                         are (default 1000; 0: all of them)\n"
       "      --fail-on error|warning|note\n"
       "                         exit 1 when a diagnostic at least this severe is\n"
       "                         reported (default error)\n"
       "      --allow-level-skip a heading may skip one level (一、 holding 1.)\n"
       "      --config FILE      read the settings from FILE instead of the\n"
       "                         .gongwen.json found in the checked file's\n"
       "                         directory or the nearest one above it\n"
       "      --no-config        read no configuration file\n"
       "      --encoding NAME    the input's encoding (default: detected)\n"
       "      --list-rules       list the rules with their default severity\n"
       "      --include GLOB     in a directory, check only the files whose name\n"
       "                         or path below it matches GLOB (repeatable)\n"
       "      --exclude GLOB     skip the files and directories matching GLOB\n"
       "  -h, --help             show this help\n"
       "  -V, --version          show the version\n"
       "\n"
       "A directory stands for the files under it (recursively, in name order,\n"
       "skipping names that start with '.').\n"
       "Options given override the configuration file's settings.\n"
       "Options take their value as --opt=VALUE or --opt VALUE; -- ends the\n"
       "options; - is standard input.\n"
       "Exit status: 0 nothing at or above --fail-on, 1 something, 2 usage or\n"
       "I/O error or out of memory.\n");

typedef enum { FORMAT_TEXT, FORMAT_JSON, FORMAT_SARIF, FORMAT_GITHUB } format;

typedef struct {
    gw_config cli;          /* what the command line sets */
    const char *config;     /* --config FILE */
    int no_config;          /* --no-config */
    gw_config project;      /* the configuration file last read */
    char *project_path;     /* and its name (owned), NULL if none */
    gw_check_options check; /* the file's options (borrows the two above) */
    format fmt;
    int color; /* -1 auto */
    int no_caret;
    size_t max_diagnostics; /* the file's; 0: all */
    gw_severity fail_on;    /* the file's */
    gw_fix_mode fix;        /* --fix, --diff */
    char **files;
    int nfiles;
    gw_batch_options walk; /* --include, --exclude */
    gw_jobs found;         /* the files under directories; files[] borrows */
} options;

enum {
    OPT_FORMAT = GW_OPT_OWN,
    OPT_COLOR,
    OPT_NO_CARET,
    OPT_DISABLE,
    OPT_ENABLE,
    OPT_FAIL_ON,
    OPT_LEVEL_SKIP,
    OPT_LIST_RULES,
    OPT_INCLUDE,
    OPT_EXCLUDE,
    OPT_FIX,
    OPT_DIFF,
    OPT_CONFIG,
    OPT_NO_CONFIG,
    OPT_MAX_DIAGNOSTICS
};

static const struct option long_options[] = {
    {"format", required_argument, NULL, OPT_FORMAT},
    {"color", required_argument, NULL, OPT_COLOR},
    {"no-caret", no_argument, NULL, OPT_NO_CARET},
    {"disable", required_argument, NULL, OPT_DISABLE},
    {"enable", required_argument, NULL, OPT_ENABLE},
    {"fail-on", required_argument, NULL, OPT_FAIL_ON},
    {"allow-level-skip", no_argument, NULL, OPT_LEVEL_SKIP},
    {"list-rules", no_argument, NULL, OPT_LIST_RULES},
    {"include", required_argument, NULL, OPT_INCLUDE},
    {"fix", no_argument, NULL, OPT_FIX},
    {"diff", no_argument, NULL, OPT_DIFF},
    {"config", required_argument, NULL, OPT_CONFIG},
    {"no-config", no_argument, NULL, OPT_NO_CONFIG},
    {"max-diagnostics", required_argument, NULL, OPT_MAX_DIAGNOSTICS},
    {"exclude", required_argument, NULL, OPT_EXCLUDE},
    {NULL, 0, NULL, 0},
};

static int set_rule(const gw_cli *c, options *o, const char *name, int disable)
{
    if (!strcmp(name, "all")) {
        memset(o->cli.rule, disable ? 1 : 2, sizeof o->cli.rule);
        return -1;
    }
    gw_rule r = gw_rule_find(name);
    if (r == GW_R_COUNT)
        return gw_cli_usage_error(c, _("unknown rule '%s' (see --list-rules)"), name);
    o->cli.rule[r] = disable ? 1 : 2;
    return -1;
}

static int list_rules(void)
{
    for (int r = 0; r < GW_R_COUNT; r++)
        printf("%-20s %-8s %s\n", gw_rule_name((gw_rule)r),
               gw_severity_name(gw_rule_severity((gw_rule)r)), _(gw_rule_description((gw_rule)r)));
    return fflush(stdout) == 0 ? 0 : EXIT_USAGE;
}

/* One option; -1 to go on, or an exit status. */
static int option(const gw_cli *c, void *ctx, int opt, const char *v)
{
    options *o = ctx;
    static const char *const formats[] = {"text", "json", "sarif", "github", NULL};
    static const char *const colors[] = {"auto", "always", "never", NULL};
    static const char *const severities[] = {"error", "warning", "note", NULL};
    int k;
    switch (opt) {
    case OPT_FORMAT:
        if ((k = gw_cli_choice(c, "--format", v, formats)) < 0)
            return EXIT_USAGE;
        o->fmt = (format)k;
        break;
    case OPT_COLOR:
        if ((k = gw_cli_choice(c, "--color", v, colors)) < 0)
            return EXIT_USAGE;
        o->color = k == 0 ? -1 : k == 1;
        break;
    case OPT_FAIL_ON:
        if (gw_severity_parse(v, &o->fail_on) == GW_OK) {
            o->cli.fail_on = (int)o->fail_on;
        } else {
            gw_cli_choice(c, "--fail-on", v, severities);
            return EXIT_USAGE;
        }
        break;
    case OPT_DISABLE:
    case OPT_ENABLE:
        return set_rule(c, o, v, opt == OPT_DISABLE);
    case OPT_NO_CARET:
        o->no_caret = 1;
        break;
    case OPT_LEVEL_SKIP:
        o->cli.allow_level_skip = 1;
        break;
    case OPT_LIST_RULES:
        return list_rules();
    case OPT_FIX:
    case OPT_DIFF:
        o->fix = opt == OPT_FIX ? GW_FIX_WRITE : GW_FIX_DIFF;
        break;
    case OPT_CONFIG:
        o->config = v;
        break;
    case OPT_NO_CONFIG:
        o->no_config = 1;
        break;
    case OPT_MAX_DIAGNOSTICS:
        if (gw_cli_count(v, &o->max_diagnostics) != 0 || o->max_diagnostics > LONG_MAX)
            return gw_cli_usage_error(
                c, _("--max-diagnostics wants a number of findings, not '%s'"), v);
        o->cli.max_diagnostics = (long)o->max_diagnostics;
        break;
    case OPT_INCLUDE:
    case OPT_EXCLUDE: {
        gw_batch_options *w = &o->walk;
        const char **list = opt == OPT_INCLUDE ? w->include : w->exclude;
        size_t *n = opt == OPT_INCLUDE ? &w->ninclude : &w->nexclude;
        if (*n == GW_BATCH_MAX_GLOBS)
            return gw_cli_usage_error(c, _("more than %d patterns"), GW_BATCH_MAX_GLOBS);
        list[(*n)++] = v;
        break;
    }
    }
    return -1;
}

/* --fix and --diff with the rest of the command line; -1 to go on, or an
 * exit status. */
static int fix_usage(const gw_cli *c, const options *o)
{
    if (o->fix == GW_FIX_DIFF && o->fmt != FORMAT_TEXT)
        return gw_cli_usage_error(c, "%s",
                                  _("--diff writes to standard output: use the text format"));
    for (int i = 0; o->fix == GW_FIX_WRITE && i < o->nfiles; i++)
        if (!strcmp(o->files[i], "-"))
            return gw_cli_usage_error(c, "%s",
                                      _("--fix changes files: use --diff for standard input"));
    return -1;
}

/* Returns -1 to go on, or an exit status. */
static int parse_args(int argc, char **argv, options *o)
{
    gw_cli c;
    gw_cli_begin(&c, "gongwen check", usage_text, argc, argv, "", long_options);
    int rc = gw_cli_options(&c, option, o);
    if (rc >= 0)
        return rc;
    if (c.encoding && !(o->cli.encoding = strdup(c.encoding))) {
        gw_cli_error("gongwen", NULL, _("out of memory"));
        return EXIT_USAGE;
    }
    if (o->config && o->no_config)
        return gw_cli_usage_error(&c, "%s", _("--config and --no-config exclude each other"));
    int n;
    char **files = gw_cli_operands(&c, &n);
    for (int i = 0; i < n; i++) {
        if (!*files[i])
            return gw_cli_usage_error(&c, "%s", _("empty input file name"));
        o->files[o->nfiles++] = files[i];
    }
    if (o->nfiles == 0)
        o->files[o->nfiles++] = "-";
    return fix_usage(&c, o);
}

/* "3 warnings, 1 error in 2 files" on standard error, and how many files
 * could not be checked at all. */
static void summary(const size_t count[3], size_t files, size_t failed)
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
    char not [96] = "";
    if (failed)
        snprintf(not, sizeof not,
                 P_("%lu file could not be checked", "%lu files could not be checked",
                    (unsigned long)failed),
                 (unsigned long)failed);
    if (failed && !files)
        fprintf(stderr, "%s\n", not );
    else if (o)
        fprintf(stderr, failed ? _("%s in %s; %s\n") : _("%s in %s\n"), list, in, not );
    else
        fprintf(stderr, failed ? _("no problems in %s; %s\n") : _("no problems in %s\n"), in, not );
}

/* Reads the configuration file path into o->project unless it is the one
 * read last; 0, or -1 (reported). */
static int read_project(options *o, const char *path)
{
    if (o->project_path && !strcmp(o->project_path, path))
        return 0;
    gw_config_free(&o->project);
    free(o->project_path);
    gw_error err = {0};
    if (!(o->project_path = strdup(path)) || gw_config_load(path, &o->project, &err) != GW_OK) {
        gw_cli_error("gongwen", NULL, o->project_path ? err.message : _("out of memory"));
        gw_config_free(&o->project);
        free(o->project_path);
        o->project_path = NULL;
        return -1;
    }
    return 0;
}

/* Sets o->check and o->fail_on for the file at path: the defaults, then
 * the project's configuration file, then the command line. 0, or -1 when
 * the configuration cannot be read (reported). */
static int file_options(options *o, const char *path)
{
    memset(&o->check, 0, sizeof o->check);
    o->fail_on = GW_SEV_ERROR;
    o->max_diagnostics = GW_DIAGS_MAX_DEFAULT;
    if (!o->no_config) {
        int oom = 0;
        char *found = o->config ? NULL : gw_config_find(path, &oom);
        const char *use = o->config ? o->config : found;
        int rc = oom ? -1 : use ? read_project(o, use) : 0, have = use != NULL;
        free(found);
        if (oom)
            gw_cli_error("gongwen", NULL, _("out of memory"));
        if (rc != 0)
            return -1;
        if (have)
            gw_config_apply(&o->project, &o->check, &o->fail_on, &o->max_diagnostics);
    }
    gw_config_apply(&o->cli, &o->check, &o->fail_on, &o->max_diagnostics);
    return 0;
}

/* With --fix or --diff, fixes the file's bytes *data (replaced by the
 * fixed ones, which are checked then); 0 when the file cannot be checked
 * (reported). */
static int fix(const options *o, const char *path, const char *name, char **data, size_t *len)
{
    char *fixed = NULL;
    size_t n = 0;
    if (o->fix == GW_FIX_OFF)
        return 1;
    if (gw_fix_file(path, name, *data, *len, &o->check, o->fix, stdout, &fixed, &n) < 0)
        return 0;
    if (fixed) {
        free(*data);
        *data = fixed;
        *len = n;
    }
    return 1;
}

/* Checks the file at path into f; *shown gets the escaped copy of its
 * name the text format prints, if one was made. 0, or the exit status of
 * a file that could not be checked. */
static int check_file(options *o, const char *path, gw_diag_file *f, gw_diags *diags,
                      gw_text **text, char **shown)
{
    const char *name = strcmp(path, "-") ? path : "<stdin>";
    gw_error err = {0};
    char *data = NULL;
    size_t len = 0;
    int reported = 0;
    /* JSON, SARIF and GitHub escape the name themselves */
    f->name = o->fmt == FORMAT_TEXT ? gw_shown_name(name, shown) : name;
    f->diags = diags;
    if (!f->name)
        gw_fail(&err, GW_ERR_NOMEM, 0, 0, "out of memory");
    else if (file_options(o, path) != 0)
        reported = 1;
    else if (gw_read_path(path, &data, &len, &err) == GW_OK &&
             !(reported = !fix(o, path, name, &data, &len))) {
        diags->max = o->max_diagnostics; /* the file's, once file_options read it */
        *text = gw_check_take(&data, len, &o->check, diags, &err);
    }
    free(data);
    if (!*text) {
        if (!reported)
            gw_cli_error("gongwen", name, err.message);
        gw_diags_free(diags); /* what a failed check found is not reported */
        free(*shown);
        *shown = NULL;
        /* a file no reader takes is bad input, exit 1 as the converter's */
        return err.status != GW_OK ? gw_status_exit(err.status) : EXIT_USAGE;
    }
    gw_diags_sort(diags);
    f->text = gw_text_data(*text);
    f->text_len = gw_text_length(*text);
    return 0;
}

/* The operands with each directory replaced by the files under it;
 * -1 to go on, or an exit status. */
static int expand_directories(options *o)
{
    size_t n = 0, cap = 0;
    char **out = NULL;
    for (int i = 0; i < o->nfiles; i++) {
        struct stat st;
        size_t from = o->found.n;
        int dir = strcmp(o->files[i], "-") && stat(o->files[i], &st) == 0 && S_ISDIR(st.st_mode);
        gw_error err = {0};
        char *name = NULL;
        if (dir && gw_batch_list(&o->walk, &o->files[i], 1, &o->found, &err, &name) != GW_OK) {
            gw_cli_error("gongwen", name, err.message);
            free(name);
            free(out);
            return EXIT_USAGE;
        }
        size_t add = dir ? o->found.n - from : 1;
        if (n + add > cap) {
            cap = 2 * (n + add);
            char **v = realloc(out, cap * sizeof *v);
            if (!v) {
                free(out);
                gw_cli_error("gongwen", NULL, _("out of memory"));
                return EXIT_USAGE;
            }
            out = v;
        }
        if (!dir)
            out[n++] = o->files[i];
        for (size_t k = from; dir && k < o->found.n; k++)
            out[n++] = o->found.v[k].path;
    }
    free(o->files);
    o->files = out;
    o->nfiles = (int)n;
    return -1;
}

static int run(options *o)
{
    size_t n = (size_t)o->nfiles;
    gw_diag_file *files = calloc(n, sizeof *files);
    gw_diags *diags = calloc(n, sizeof *diags);
    gw_text **texts = calloc(n, sizeof *texts);
    char **shown = calloc(n, sizeof *shown);
    int rc = 0, color = o->color < 0 ? isatty(STDERR_FILENO) && !getenv("NO_COLOR") : o->color;
    size_t count[3] = {0, 0, 0}, done = 0, failed = 0;
    if (!files || !diags || !texts || !shown) {
        gw_cli_error("gongwen", NULL, _("out of memory"));
        rc = EXIT_USAGE;
        failed = n;
        n = 0;
    }
    for (size_t i = 0; i < n; i++) {
        int bad =
            check_file(o, o->files[i], &files[done], &diags[done], &texts[done], &shown[done]);
        if (bad) {
            rc = bad > rc ? bad : rc;
            failed++;
            continue;
        }
        /* what was found, shown or not (--max-diagnostics) */
        size_t found[3] = {diags[done].omitted[0], diags[done].omitted[1], diags[done].omitted[2]};
        for (size_t k = 0; k < diags[done].n; k++)
            found[diags[done].v[k].severity]++;
        for (int sev = GW_SEV_NOTE; sev <= GW_SEV_ERROR; sev++) {
            count[sev] += found[sev];
            if (found[sev] && sev >= (int)o->fail_on && rc == 0)
                rc = EXIT_FOUND;
        }
        if (o->fmt == FORMAT_TEXT) {
            gw_diag_print_text(stderr, &files[done], color, o->no_caret);
            /* printed: nothing of the file is needed again (a check of
             * 1,000 files held them all to the end) */
            gw_diags_free(&diags[done]);
            free(shown[done]);
            shown[done] = NULL;
        }
        /* only the text format's excerpts read the text */
        gw_text_free(texts[done]);
        texts[done] = NULL;
        files[done].text = NULL;
        files[done].text_len = 0;
        done++;
    }
    gw_status wrote = GW_OK;
    if (o->fmt == FORMAT_JSON)
        wrote = gw_diag_print_json(stdout, files, done);
    else if (o->fmt == FORMAT_SARIF)
        wrote = gw_diag_print_sarif(stdout, files, done);
    else if (o->fmt == FORMAT_GITHUB)
        wrote = gw_diag_print_github(stdout, files, done);
    if (wrote == GW_ERR_NOMEM) {
        gw_cli_error("gongwen", NULL, _("out of memory"));
        rc = gw_status_exit(wrote);
    } else if (wrote != GW_OK || fflush(stdout) != 0) {
        fprintf(stderr, "gongwen: %s\n", _("cannot write the diagnostics"));
        rc = gw_status_exit(GW_ERR_IO);
    }
    summary(count, done, failed);
    for (size_t i = 0; i < done; i++) {
        gw_diags_free(&diags[i]);
        gw_text_free(texts[i]);
        free(shown[i]);
    }
    free(shown);
    free(files);
    free(diags);
    free(texts);
    return rc;
}

int gw_check_main(int argc, char **argv)
{
    options o;
    memset(&o, 0, sizeof o);
    o.color = -1;
    o.fail_on = GW_SEV_ERROR;
    o.max_diagnostics = GW_DIAGS_MAX_DEFAULT;
    gw_config_init(&o.cli);
    gw_config_init(&o.project);
    o.files = calloc((size_t)argc + 1, sizeof *o.files);
    if (!o.files) {
        gw_cli_error("gongwen", NULL, _("out of memory"));
        return EXIT_USAGE;
    }
    int rc = parse_args(argc, argv, &o);
    if (rc < 0 && o.config && read_project(&o, o.config) != 0)
        rc = EXIT_USAGE; /* a --config that cannot be read fails at once */
    if (rc < 0)
        rc = expand_directories(&o);
    if (rc < 0)
        rc = run(&o);
    free(o.files);
    gw_jobs_free(&o.found);
    gw_config_free(&o.cli);
    gw_config_free(&o.project);
    free(o.project_path);
    xmlCleanupParser();
    return rc;
}
