/* The command-line conventions shared by the converter and `gongwen
 * check` (see cli.h). getopt_long is GNU's, hence _GNU_SOURCE here only. */
#define _GNU_SOURCE
#include "cli.h"
#include "gongwen.h"
#include "intl.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const struct option shared[] = {
    {"encoding", required_argument, NULL, GW_OPT_ENCODING},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
};

void gw_cli_begin(gw_cli *c, const char *prog, const char *help, int argc, char **argv,
                  const char *shortopts, const struct option *own)
{
    memset(c, 0, sizeof *c);
    c->prog = prog;
    c->help = help;
    c->argc = argc;
    c->argv = argv;
    /* ':' first: a missing value is told apart from an unknown option */
    snprintf(c->shortopts, sizeof c->shortopts, ":%shV", shortopts);
    size_t n = 0;
    for (; n < GW_CLI_MAX_OPTIONS - 4 && own[n].name; n++)
        c->all[n] = own[n];
    for (size_t k = 0; k < sizeof shared / sizeof shared[0]; k++)
        c->all[n++] = shared[k];
    /* the rest is zero: the end of the table. optind 0 restarts GNU getopt */
    optind = 0;
    opterr = 0;
}

/* The option as the user wrote it, for a message: "-x", "--name". */
static void written(const gw_cli *c, char *out, size_t cap)
{
    const char *a = c->argv[optind - 1];
    if (!strncmp(a, "--", 2) || !optopt)
        snprintf(out, cap, "%.*s", (int)strcspn(a, "="), a);
    else
        snprintf(out, cap, "-%c", optopt);
}

int gw_cli_next(gw_cli *c, const char **value, int *status)
{
    for (;;) {
        int longindex = -1;
        int opt = getopt_long(c->argc, c->argv, c->shortopts, c->all, &longindex);
        char name[64];
        if (opt == -1)
            return GW_CLI_DONE;
        *value = optarg;
        /* -t=html: the value of a short option written with an '=' */
        if (optarg && longindex < 0 && optarg[0] == '=' && optarg != c->argv[optind - 1])
            *value = optarg + 1;
        switch (opt) {
        case 'h':
            fputs(_(c->help), stdout);
            *status = fflush(stdout) == 0 ? 0 : GW_EXIT_USAGE;
            return GW_CLI_EXIT;
        case 'V':
            printf("gongwen %s\n", GW_VERSION);
            *status = fflush(stdout) == 0 ? 0 : GW_EXIT_USAGE;
            return GW_CLI_EXIT;
        case GW_OPT_ENCODING:
            c->encoding = *value;
            continue;
        case ':':
            written(c, name, sizeof name);
            *status = gw_cli_usage_error(c, _("option %s needs a value"), name);
            return GW_CLI_EXIT;
        case '?':
            written(c, name, sizeof name);
            /* --help=x: GNU getopt names the option in optopt */
            if (optopt && !strncmp(c->argv[optind - 1], "--", 2) &&
                strchr(c->argv[optind - 1], '='))
                *status = gw_cli_usage_error(c, _("option %s takes no value"), name);
            else
                *status = gw_cli_usage_error(c, _("unknown option %s"), name);
            return GW_CLI_EXIT;
        default:
            return opt;
        }
    }
}

int gw_cli_options(gw_cli *c, gw_cli_option_fn option, void *ctx)
{
    const char *v = NULL;
    int opt, status = 0;
    while ((opt = gw_cli_next(c, &v, &status)) != GW_CLI_DONE) {
        if (opt == GW_CLI_EXIT)
            return status;
        int rc = option(c, ctx, opt, v);
        if (rc >= 0)
            return rc;
    }
    return -1;
}

char **gw_cli_operands(const gw_cli *c, int *n)
{
    *n = c->argc - optind;
    return c->argv + optind;
}

int gw_cli_usage_error(const gw_cli *c, const char *fmt, ...)
{
    fprintf(stderr, "%s: ", c->prog);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    fprintf(stderr, _("Try '%s --help'."), c->prog);
    fputc('\n', stderr);
    return GW_EXIT_USAGE;
}

int gw_cli_choice(const gw_cli *c, const char *option, const char *value,
                  const char *const *choices)
{
    char list[256];
    size_t len = 0, n = 0;
    for (; choices[n]; n++)
        if (!strcmp(choices[n], value))
            return (int)n;
    list[0] = '\0';
    for (size_t i = 0; i < n && len < sizeof list; i++) {
        const char *sep = i == 0 ? "" : i + 1 == n ? _(" or ") : _(", ");
        int k = snprintf(list + len, sizeof list - len, "%s%s", sep, choices[i]);
        len += k > 0 ? (size_t)k : 0;
    }
    gw_cli_usage_error(c, _("%s wants %s, not '%s'"), option, list, value);
    return -1;
}

void gw_cli_error(const char *prog, const char *name, const char *message)
{
    fprintf(stderr, "%s: ", prog);
    if (name) {
        gw_put_name(stderr, name);
        fputs(": ", stderr);
    }
    /* library messages quote names too (a stylesheet's path) */
    gw_put_name(stderr, message);
    fputc('\n', stderr);
}

void gw_cli_at(const char *name, unsigned long line, unsigned long column, const char *kind,
               const char *message)
{
    gw_put_name(stderr, name);
    fprintf(stderr, ":%lu:%lu: %s: ", line, column, kind);
    gw_put_name(stderr, message);
    fputc('\n', stderr);
}

int gw_cli_count(const char *v, size_t *n)
{
    char *end = NULL;
    errno = 0;
    unsigned long long k = *v >= '0' && *v <= '9' ? strtoull(v, &end, 10) : 0;
    if (!end || errno || *end || k > SIZE_MAX)
        return -1;
    *n = (size_t)k;
    return 0;
}
