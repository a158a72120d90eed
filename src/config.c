/* The project configuration file (see config.h), read with json-c: JSON
 * because json-c is a dependency already and Debian has no C library for
 * TOML. */
/* realpath() */
#define _XOPEN_SOURCE 700
#include "config.h"
#include "intl.h"

#include <json-c/json.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void gw_config_init(gw_config *c)
{
    memset(c, 0, sizeof *c);
    c->allow_level_skip = -1;
    c->fail_on = -1;
    c->max_diagnostics = -1;
}

void gw_config_free(gw_config *c)
{
    free(c->encoding);
    gw_config_init(c);
}

/* The line and column of byte offset at in s. */
static void position(const char *s, size_t at, unsigned long *line, unsigned long *col)
{
    *line = 1;
    *col = 1;
    for (size_t i = 0; i < at && s[i]; i++) {
        if (s[i] == '\n') {
            ++*line;
            *col = 1;
        } else if (((unsigned char)s[i] & 0xC0) != 0x80) {
            ++*col;
        }
    }
}

/* One rule's setting: "off"/false, "on"/true, or a severity. */
static int rule_value(json_object *v, unsigned char *on, unsigned char *sev)
{
    gw_severity s;
    if (json_object_is_type(v, json_type_boolean)) {
        *on = json_object_get_boolean(v) ? 2 : 1;
        return 0;
    }
    if (!json_object_is_type(v, json_type_string))
        return -1;
    const char *t = json_object_get_string(v);
    if (!strcmp(t, "off") || !strcmp(t, "on")) {
        *on = !strcmp(t, "on") ? 2 : 1;
        return 0;
    }
    if (gw_severity_parse(t, &s) != GW_OK)
        return -1;
    *on = 2;
    *sev = (unsigned char)(s + 1);
    return 0;
}

/* what: a message id holding one %s, the setting's name */
static gw_status bad(gw_error *err, const char *path, const char *what, const char *key)
{
    char msg[256];
    snprintf(msg, sizeof msg, _(what), key);
    return gw_fail(err, GW_ERR_USAGE, 0, 0, "%s: %s", path, msg);
}

static gw_status rules(json_object *o, const char *path, gw_config *c, gw_error *err)
{
    if (!json_object_is_type(o, json_type_object))
        return bad(err, path, N_("'%s' is not an object of rule settings"), "rules");
    json_object *all;
    unsigned char on = 0, sev = 0;
    if (json_object_object_get_ex(o, "all", &all)) {
        if (rule_value(all, &on, &sev) != 0)
            return bad(err, path, N_("rule '%s' is not off, on or a severity"), "all");
        memset(c->rule, on, sizeof c->rule);
        memset(c->severity, sev, sizeof c->severity);
    }
    json_object_object_foreach(o, key, v)
    {
        if (!strcmp(key, "all"))
            continue;
        gw_rule r = gw_rule_find(key);
        if (r == GW_R_COUNT)
            return bad(err, path, N_("unknown rule '%s' (see gongwen check --list-rules)"), key);
        on = sev = 0;
        if (rule_value(v, &on, &sev) != 0)
            return bad(err, path, N_("rule '%s' is not off, on or a severity"), key);
        c->rule[r] = on;
        c->severity[r] = sev;
    }
    return GW_OK;
}

static gw_status settings(json_object *top, const char *path, gw_config *c, gw_error *err)
{
    if (!json_object_is_type(top, json_type_object))
        return gw_fail(err, GW_ERR_USAGE, 0, 0, _("%s: not a JSON object"), path);
    json_object_object_foreach(top, key, v)
    {
        gw_status st = GW_OK;
        gw_severity s;
        if (!strcmp(key, "rules")) {
            st = rules(v, path, c, err);
        } else if (!strcmp(key, "allow-level-skip")) {
            if (!json_object_is_type(v, json_type_boolean))
                return bad(err, path, N_("'%s' is not true or false"), key);
            c->allow_level_skip = json_object_get_boolean(v);
        } else if (!strcmp(key, "fail-on")) {
            if (!json_object_is_type(v, json_type_string) ||
                gw_severity_parse(json_object_get_string(v), &s) != GW_OK)
                return bad(err, path, N_("'%s' is not error, warning or note"), key);
            c->fail_on = (int)s;
        } else if (!strcmp(key, "max-diagnostics")) {
            if (!json_object_is_type(v, json_type_int) || json_object_get_int64(v) < 0 ||
                json_object_get_int64(v) > LONG_MAX)
                return bad(err, path, N_("'%s' is not a number of findings (0: all)"), key);
            c->max_diagnostics = (long)json_object_get_int64(v);
        } else if (!strcmp(key, "encoding")) {
            if (!json_object_is_type(v, json_type_string) || !*json_object_get_string(v))
                return bad(err, path, N_("'%s' is not an encoding name"), key);
            free(c->encoding);
            if (!(c->encoding = strdup(json_object_get_string(v))))
                return gw_fail_nomem(err);
        } else {
            return bad(err, path,
                       N_("unknown setting '%s' (rules, allow-level-skip, fail-on, "
                          "max-diagnostics and encoding are known)"),
                       key);
        }
        if (st != GW_OK)
            return st;
    }
    return GW_OK;
}

gw_status gw_config_load(const char *path, gw_config *c, gw_error *err)
{
    char *data = NULL;
    size_t len = 0;
    gw_status st = gw_read_path(path, &data, &len, err);
    if (st != GW_OK) {
        char why[sizeof err->message];
        snprintf(why, sizeof why, "%s", err->message);
        return gw_fail(err, st, 0, 0, "%s: %s", path, why);
    }
    json_tokener *tok = len < INT_MAX ? json_tokener_new() : NULL;
    json_object *top = tok ? json_tokener_parse_ex(tok, data, (int)len + 1) : NULL;
    if (!tok) {
        st = len < INT_MAX ? gw_fail_nomem(err)
                           : gw_fail(err, GW_ERR_USAGE, 0, 0, _("%s: too large"), path);
    } else if (json_tokener_get_error(tok) != json_tokener_success || !top) {
        unsigned long line, col;
        position(data, json_tokener_get_parse_end(tok), &line, &col);
        st = gw_fail(err, GW_ERR_USAGE, line, col, _("%s:%lu:%lu: not JSON: %s"), path, line, col,
                     json_tokener_error_desc(json_tokener_get_error(tok)));
    } else {
        st = settings(top, path, c, err);
    }
    json_object_put(top);
    if (tok)
        json_tokener_free(tok);
    free(data);
    return st;
}

char *gw_config_find(const char *file, int *oom)
{
    *oom = 0;
    char *dir = NULL;
    if (!file || !strcmp(file, "-")) {
        dir = getcwd(NULL, 0);
    } else {
        /* the directory part of the name, made absolute so that the walk
         * can go above where it was named from */
        const char *slash = strrchr(file, '/');
        char *part = slash ? strndup(file, (size_t)(slash - file) + (slash == file)) : strdup(".");
        dir = part ? realpath(part, NULL) : NULL;
        *oom = !part;
        free(part);
    }
    if (!dir)
        return NULL;
    size_t n = strlen(dir);
    char *path = malloc(n + sizeof "/" GW_CONFIG_NAME);
    if (!path) {
        *oom = 1;
        free(dir);
        return NULL;
    }
    for (;;) {
        struct stat st;
        snprintf(path, n + sizeof "/" GW_CONFIG_NAME, "%.*s/%s", (int)n,
                 n == 1 && dir[0] == '/' ? "" : dir, GW_CONFIG_NAME);
        if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
            break;
        if (n <= 1) {
            free(path);
            path = NULL;
            break;
        }
        while (n > 1 && dir[n - 1] != '/')
            n--;
        if (n > 1)
            n--; /* the slash, unless it is the root */
    }
    free(dir);
    return path;
}

void gw_config_apply(const gw_config *c, gw_check_options *o, gw_severity *fail_on,
                     size_t *max_diagnostics)
{
    for (int r = 0; r < GW_R_COUNT; r++) {
        if (c->rule[r])
            o->disabled[r] = c->rule[r] == 1;
        if (c->severity[r])
            o->severity[r] = c->severity[r];
    }
    if (c->allow_level_skip >= 0)
        o->allow_level_skip = c->allow_level_skip;
    if (c->encoding)
        o->encoding = c->encoding;
    if (fail_on && c->fail_on >= 0)
        *fail_on = (gw_severity)c->fail_on;
    if (max_diagnostics && c->max_diagnostics >= 0)
        *max_diagnostics = (size_t)c->max_diagnostics;
}
