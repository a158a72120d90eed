/* What every gongwen command shares on its command line: one option
 * parser (getopt_long, so --opt=value and --opt value, -tVALUE and -t
 * VALUE, bundled short options, -- ending the options; -t=VALUE is read
 * as -t VALUE since users type it), the options every command takes
 * (--encoding, -h/--help, -V/--version), usage errors, and file names
 * printed safely in messages. */
#ifndef GW_CLI_H
#define GW_CLI_H

#include <getopt.h>
#include <stdio.h>

#define GW_EXIT_USAGE 2
#define GW_CLI_MAX_OPTIONS 32

/* Codes of long options without a short form: a command numbers its own
 * from GW_OPT_OWN. */
enum { GW_OPT_ENCODING = 256, GW_OPT_OWN = 300 };

/* gw_cli_next's answers besides an option code. */
enum { GW_CLI_DONE = -1, GW_CLI_EXIT = -2 };

typedef struct {
    const char *prog;     /* "gongwen" or "gongwen check": starts each message */
    const char *help;     /* the help text, an untranslated message id */
    const char *encoding; /* --encoding NAME, or NULL */
    int argc;
    char **argv; /* borrowed; getopt_long reorders it */
    char shortopts[32];
    struct option all[GW_CLI_MAX_OPTIONS]; /* the command's, then the shared ones */
} gw_cli;

/* Starts parsing argv (argv[0] is the command's name) for a command
 * whose own options are shortopts (getopt's form, without the shared
 * "hV") and own (terminated by a zero entry; at most
 * GW_CLI_MAX_OPTIONS - 4). Everything is borrowed. */
void gw_cli_begin(gw_cli *c, const char *prog, const char *help, int argc, char **argv,
                  const char *shortopts, const struct option *own);
/* The next of the command's own options: its code, with its argument in
 * *value. The shared options are handled here. GW_CLI_DONE after the last
 * option (the operands follow, see gw_cli_operands); GW_CLI_EXIT when the
 * command is to end with *status: 0 after --help or --version, 2 after a
 * usage error (reported). */
int gw_cli_next(gw_cli *c, const char **value, int *status);
/* The arguments after the options (files, "-" for standard input). */
char **gw_cli_operands(const gw_cli *c, int *n);

/* A subcommand's own option opt with its value v (NULL for a flag) into
 * ctx: -1 to go on, or the exit status to end with. */
typedef int (*gw_cli_option_fn)(const gw_cli *c, void *ctx, int opt, const char *v);
/* Reads every option with gw_cli_next, giving the subcommand's own to
 * option: -1 when all were taken (the operands follow), or the exit
 * status to end with. */
int gw_cli_options(gw_cli *c, gw_cli_option_fn option, void *ctx);

/* Prints "PROG: MESSAGE" and the hint to try --help on standard error;
 * returns GW_EXIT_USAGE. fmt is translated by the caller. */
int gw_cli_usage_error(const gw_cli *c, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* The index of value among the NULL-terminated choices, or -1 after a
 * usage error naming them. */
int gw_cli_choice(const gw_cli *c, const char *option, const char *value,
                  const char *const *choices);

/* A count given to an option: decimal digits only, at most SIZE_MAX.
 * 0 with *n set, or -1. */
int gw_cli_count(const char *v, size_t *n);

/* "PROG: NAME: MESSAGE" (name NULL: "PROG: MESSAGE") on standard error,
 * name and message shown with gw_put_name (intl.h). */
void gw_cli_error(const char *prog, const char *name, const char *message);
/* "NAME:LINE:COLUMN: KIND: MESSAGE" on standard error. */
void gw_cli_at(const char *name, unsigned long line, unsigned long column, const char *kind,
               const char *message);

#endif
