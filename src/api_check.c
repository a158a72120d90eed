/* The checker in the public API (gw_checker, gw_check_source,
 * gw_check_document): a thin layer over the internal one (checker.h) that
 * gives callers structs they own, rules by id and messages in the
 * language they ask for. */
#define _GNU_SOURCE /* dladdr: the catalogues are found beside the library */
#include "checker.h"
#include "intl.h"

#include <dlfcn.h>
#include <limits.h>
#include <locale.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#ifndef GW_LOCALEDIR
#define GW_LOCALEDIR "/usr/local/share/locale"
#endif

struct gw_checker {
    gw_check_options opt; /* opt.encoding points into encoding */
    char *encoding;
    char *locale; /* the locale whose LC_MESSAGES speaks; NULL: the thread's */
};

struct gw_diagnostics {
    gw_diagnostic *v;
    size_t n;
};

const char *gw_check_severity_name(gw_severity s)
{
    return s >= GW_SEV_NOTE && s <= GW_SEV_ERROR ? gw_severity_name(s) : NULL;
}

size_t gw_check_rule_count(void)
{
    return GW_R_COUNT;
}

const char *gw_check_rule_id(size_t i)
{
    return i < GW_R_COUNT ? gw_rule_name((gw_rule)i) : NULL;
}

gw_severity gw_check_rule_severity(size_t i)
{
    return i < GW_R_COUNT ? gw_rule_severity((gw_rule)i) : GW_SEV_NOTE;
}

const char *gw_check_rule_description(size_t i)
{
    return i < GW_R_COUNT ? gw_rule_description((gw_rule)i) : NULL;
}

gw_checker *gw_checker_new(void)
{
    return calloc(1, sizeof(gw_checker));
}

void gw_checker_free(gw_checker *ck)
{
    if (!ck)
        return;
    free(ck->encoding);
    free(ck->locale);
    free(ck);
}

gw_status gw_checker_set_rule(gw_checker *ck, const char *id, int enabled, gw_error *err)
{
    if (!strcmp(id, "all")) {
        memset(ck->opt.disabled, !enabled, sizeof ck->opt.disabled);
        return GW_OK;
    }
    gw_rule r = gw_rule_find(id);
    if (r == GW_R_COUNT)
        return gw_fail(err, GW_ERR_USAGE, 0, 0, "unknown rule '%s'", id);
    ck->opt.disabled[r] = !enabled;
    return GW_OK;
}

void gw_checker_set_allow_level_skip(gw_checker *ck, int allow)
{
    ck->opt.allow_level_skip = allow != 0;
}

/* *slot becomes a copy of s (NULL or "" for none). */
static gw_status set_string(char **slot, const char *s, gw_error *err)
{
    char *copy = NULL;
    if (s && *s && !(copy = strdup(s)))
        return gw_fail_nomem(err);
    free(*slot);
    *slot = copy;
    return GW_OK;
}

gw_status gw_checker_set_encoding(gw_checker *ck, const char *encoding, gw_error *err)
{
    gw_status s = set_string(&ck->encoding, encoding, err);
    ck->opt.encoding = ck->encoding;
    return s;
}

/* The installed locale that speaks language, written to out; 0 if none.
 * A bare language code gets the territory of gongwen's catalogue for it. */
static int find_locale(const char *language, char *out, size_t cap)
{
    static const struct {
        const char *code, *locale;
    } territory[] = {{"zh", "zh_CN"}, {"en", "C"}};
    const char *base = language;
    for (size_t i = 0; i < sizeof territory / sizeof territory[0]; i++)
        if (!strcmp(language, territory[i].code))
            base = territory[i].locale;
    if (!strcmp(base, "C") || !strcmp(base, "POSIX"))
        return snprintf(out, cap, "C") < (int)cap;
    const char *const forms[] = {"%s.UTF-8", "%s.utf8", "%s"};
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
        if (snprintf(out, cap, forms[i], base) >= (int)cap)
            return 0;
        locale_t l = newlocale(LC_MESSAGES_MASK, out, (locale_t)0);
        if (l) {
            freelocale(l);
            return 1;
        }
    }
    return 0;
}

gw_status gw_checker_set_language(gw_checker *ck, const char *language, gw_error *err)
{
    if (!language || !*language)
        return set_string(&ck->locale, NULL, err);
    char name[128];
    if (!find_locale(language, name, sizeof name))
        return gw_fail(err, GW_ERR_USAGE, 0, 0,
                       "no locale for language '%s' is installed (see locale -a)", language);
    return set_string(&ck->locale, name, err);
}

/* ---- catalogues --------------------------------------------------------- */

static int has_catalogue(const char *dir)
{
    char path[PATH_MAX];
    struct stat st;
    return snprintf(path, sizeof path, "%s/zh_CN/LC_MESSAGES/%s.mo", dir, GW_TEXT_DOMAIN) <
               (int)sizeof path &&
           stat(path, &st) == 0;
}

/* A program that did not bind gongwen's text domain (only the command line
 * does) gets the catalogues of the installation the library belongs to:
 * $GONGWEN_LOCALEDIR, then from the library's directory ../share/locale
 * (lib/), ../../share/locale (a multiarch lib/TRIPLET/) or ../po (the
 * build tree), then the directory compiled in. */
static void bind_once(void)
{
    const char *bound = bindtextdomain(GW_TEXT_DOMAIN, NULL);
    if (bound && has_catalogue(bound))
        return;
    const char *env = getenv("GONGWEN_LOCALEDIR");
    if (env && *env) {
        bindtextdomain(GW_TEXT_DOMAIN, env);
        bind_textdomain_codeset(GW_TEXT_DOMAIN, "UTF-8");
        return;
    }
    char dir[PATH_MAX], try[PATH_MAX + 32];
    Dl_info info;
    const char *found = has_catalogue(GW_LOCALEDIR) ? GW_LOCALEDIR : NULL;
    if (dladdr((void *)gw_checker_new, &info) && info.dli_fname &&
        strlen(info.dli_fname) < sizeof dir) {
        strcpy(dir, info.dli_fname);
        char *slash = strrchr(dir, '/');
        *(slash ? slash : dir) = '\0';
        const char *const rel[] = {"../share/locale", "../../share/locale", "../po"};
        for (size_t i = 0; i < sizeof rel / sizeof rel[0]; i++) {
            snprintf(try, sizeof try, "%s/%s", slash ? dir : ".", rel[i]);
            if (has_catalogue(try)) {
                found = try;
                break;
            }
        }
    }
    if (found)
        bindtextdomain(GW_TEXT_DOMAIN, found);
    bind_textdomain_codeset(GW_TEXT_DOMAIN, "UTF-8");
}

static pthread_once_t bound_once = PTHREAD_ONCE_INIT;

/* ---- checking ----------------------------------------------------------- */

/* The calling thread speaks ck's language until speak_end(*saved). */
static gw_status speak_begin(const gw_checker *ck, locale_t *mine, locale_t *saved, gw_error *err)
{
    pthread_once(&bound_once, bind_once);
    *mine = *saved = (locale_t)0;
    if (!ck || !ck->locale)
        return GW_OK;
    locale_t base = duplocale(uselocale((locale_t)0));
    if (!base)
        return gw_fail_nomem(err);
    *mine = newlocale(LC_MESSAGES_MASK, ck->locale, base);
    if (!*mine) {
        freelocale(base);
        return gw_fail(err, GW_ERR_USAGE, 0, 0, "locale %s cannot be loaded", ck->locale);
    }
    *saved = uselocale(*mine);
    return GW_OK;
}

static void speak_end(locale_t mine, locale_t saved)
{
    if (!mine)
        return;
    uselocale(saved);
    freelocale(mine);
}

/* The internal list, sorted, as the public one; its messages move. */
static gw_diagnostics *publish(gw_diags *d, gw_error *err)
{
    gw_diagnostics *out = calloc(1, sizeof *out);
    if (!out || (d->n && !(out->v = calloc(d->n, sizeof *out->v)))) {
        free(out);
        gw_diags_free(d);
        gw_fail_nomem(err);
        return NULL;
    }
    gw_diags_sort(d);
    for (size_t i = 0; i < d->n; i++) {
        const gw_diag *g = &d->v[i];
        out->v[i] = (gw_diagnostic){g->rule,     g->severity,   g->line,   g->column,
                                    g->end_line, g->end_column, g->message};
        d->v[i].message = NULL;
    }
    out->n = d->n;
    gw_diags_free(d);
    return out;
}

static const gw_check_options *options_of(const gw_checker *ck)
{
    static const gw_check_options defaults;
    return ck ? &ck->opt : &defaults;
}

gw_diagnostics *gw_check_source(const gw_checker *ck, const char *bytes, size_t len, gw_error *err)
{
    gw_error own = {0};
    err = err ? err : &own;
    locale_t mine, saved;
    if (speak_begin(ck, &mine, &saved, err) != GW_OK)
        return NULL;
    gw_diags d = {0};
    gw_text *t = gw_check_bytes(bytes, len, options_of(ck), &d, err);
    speak_end(mine, saved);
    if (!t) {
        gw_diags_free(&d);
        return NULL;
    }
    gw_text_free(t);
    return publish(&d, err);
}

gw_diagnostics *gw_check_document(const gw_checker *ck, const gw_text *text, const gw_document *doc,
                                  const char *bytes, size_t len, gw_error *err)
{
    gw_error own = {0};
    err = err ? err : &own;
    locale_t mine, saved;
    if (speak_begin(ck, &mine, &saved, err) != GW_OK)
        return NULL;
    if (!bytes) {
        bytes = gw_text_data(text);
        len = gw_text_length(text);
    }
    gw_diags d = {0};
    gw_status s = gw_check_parsed(bytes, len, text, doc, options_of(ck), &d, err);
    speak_end(mine, saved);
    if (s != GW_OK) {
        gw_diags_free(&d);
        return NULL;
    }
    return publish(&d, err);
}

size_t gw_diagnostics_count(const gw_diagnostics *d)
{
    return d ? d->n : 0;
}

const gw_diagnostic *gw_diagnostics_get(const gw_diagnostics *d, size_t i)
{
    return d && i < d->n ? &d->v[i] : NULL;
}

void gw_diagnostics_free(gw_diagnostics *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->n; i++)
        free((char *)d->v[i].message);
    free(d->v);
    free(d);
}
