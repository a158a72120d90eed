/* The project configuration of `gongwen check` and `gongwen lsp`: a JSON
 * file named .gongwen.json, found in the checked file's directory or the
 * nearest one above it, e.g.
 *   {"rules": {"whitespace": "off", "punct-halfwidth": "error"},
 *    "allow-level-skip": true, "fail-on": "warning", "encoding": "GB18030",
 *    "max-diagnostics": 200}
 * A rule is "off" or false, "on" or true, or a severity it is reported
 * at (and on); "all" names every rule and is applied before the others.
 * What the command line (or the editor's initializationOptions) says
 * overrides the file, which overrides the defaults. */
#ifndef GW_CONFIG_H
#define GW_CONFIG_H

#include "checker.h"

#define GW_CONFIG_NAME ".gongwen.json"

/* Settings, each possibly unset, so that layers can be stacked. */
typedef struct {
    unsigned char rule[GW_R_COUNT];     /* 0 unset, 1 off, 2 on */
    unsigned char severity[GW_R_COUNT]; /* 0 unset, else gw_severity + 1 */
    int allow_level_skip;               /* -1 unset, 0, 1 */
    int fail_on;                        /* -1 unset, else a gw_severity */
    long max_diagnostics;               /* -1 unset, else shown per file (0: all) */
    char *encoding;                     /* owned; NULL unset */
} gw_config;

/* Everything unset. */
void gw_config_init(gw_config *c);
void gw_config_free(gw_config *c);

/* Reads the file path into c, over what c holds. GW_OK; GW_ERR_IO when it
 * cannot be read, GW_ERR_USAGE when it is not what it should be (err's
 * message names the file, and the line and column of a syntax error),
 * GW_ERR_NOMEM. */
gw_status gw_config_load(const char *path, gw_config *c, gw_error *err);

/* The configuration file for file (NULL or "-": standard input, looked
 * up from the working directory): GW_CONFIG_NAME in file's directory or
 * the nearest one above; a malloc'ed path, or NULL when there is none
 * (*oom set if that is because memory ran out). */
char *gw_config_find(const char *file, int *oom);

/* Sets in o (and *fail_on and *max_diagnostics, where not NULL) what c
 * sets. o->encoding then borrows c's. */
void gw_config_apply(const gw_config *c, gw_check_options *o, gw_severity *fail_on,
                     size_t *max_diagnostics);

#endif
