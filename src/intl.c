/* How messages reach the user: where the catalogues are, the user's
 * locale, and names shown without the control characters they may hold. */
#include "intl.h"
#include "utf8.h"

#include <limits.h>
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef GW_LOCALEDIR
#ifdef GW_DATADIR
/* $(PREFIX)/share/gongwen/../locale = $(PREFIX)/share/locale */
#define GW_LOCALEDIR GW_DATADIR "/../locale"
#else
#define GW_LOCALEDIR "/usr/local/share/locale"
#endif
#endif

/* po/ beside the running executable, when it is a build tree (po/LINGUAS
 * is there; `make` compiles the catalogues into po/LANG/LC_MESSAGES), else
 * ../share/locale from it when that holds gongwen's catalogues (an
 * installed gongwen, wherever its PREFIX). */
static int beside_exe(char *out, size_t cap)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return 0;
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (!slash)
        return 0;
    *slash = '\0';
    char linguas[PATH_MAX + 16];
    struct stat st;
    if (snprintf(linguas, sizeof linguas, "%s/po/LINGUAS", exe) < (int)sizeof linguas &&
        stat(linguas, &st) == 0)
        return snprintf(out, cap, "%s/po", exe) < (int)cap;
    /* any catalogue of ours will do to tell an installed tree */
    if (snprintf(linguas, sizeof linguas, "%s/../share/locale/zh_CN/LC_MESSAGES/%s.mo", exe,
                 GW_TEXT_DOMAIN) < (int)sizeof linguas &&
        stat(linguas, &st) == 0)
        return snprintf(out, cap, "%s/../share/locale", exe) < (int)cap;
    return 0;
}

void gw_intl_init(void)
{
    setlocale(LC_ALL, "");
    /* numbers in JSON and messages keep the C form whatever the locale */
    setlocale(LC_NUMERIC, "C");
    char dir[PATH_MAX + 8];
    const char *env = getenv("GONGWEN_LOCALEDIR");
    if (env && *env)
        bindtextdomain(GW_TEXT_DOMAIN, env);
    else if (beside_exe(dir, sizeof dir))
        bindtextdomain(GW_TEXT_DOMAIN, dir);
    else
        bindtextdomain(GW_TEXT_DOMAIN, GW_LOCALEDIR);
    bind_textdomain_codeset(GW_TEXT_DOMAIN, "UTF-8");
}

/* The escape for the character at s (of *len bytes, set), written to out
 * (at least 5 bytes), or "" when it prints as it is. */
static void escape_of(const char *s, size_t *len, char out[5])
{
    uint32_t cp;
    size_t n = gw_utf8_decode(s, strlen(s), &cp);
    out[0] = '\0';
    *len = n ? n : 1;
    if (!n) {
        snprintf(out, 5, "\\x%02X", (unsigned)(unsigned char)s[0]);
    } else if (cp == '\t' || cp == '\n' || cp == '\r') {
        snprintf(out, 5, "\\%c", cp == '\t' ? 't' : cp == '\n' ? 'n' : 'r');
    } else if (cp < 0x20 || cp == 0x7F) {
        snprintf(out, 5, "\\x%02X", (unsigned)cp);
    } else if (cp >= 0x80 && cp < 0xA0) {
        /* C1 controls (CSI among them) are escapes on many terminals */
        snprintf(out, 5, "\\u%02X", (unsigned)cp);
    }
}

static int needs_escaping(const char *name)
{
    char e[5];
    for (size_t n; *name; name += n) {
        escape_of(name, &n, e);
        if (e[0])
            return 1;
    }
    return 0;
}

void gw_put_name(FILE *fp, const char *name)
{
    if (!needs_escaping(name)) {
        fputs(name, fp);
        return;
    }
    char e[5];
    for (size_t n; *name; name += n) {
        escape_of(name, &n, e);
        if (e[0])
            fputs(e, fp);
        else if (*name == '\\')
            fputs("\\\\", fp);
        else
            fwrite(name, 1, n, fp);
    }
}

const char *gw_shown_name(const char *name, char **owned)
{
    *owned = NULL;
    if (!needs_escaping(name))
        return name;
    char *buf = NULL;
    size_t size = 0;
    FILE *fp = open_memstream(&buf, &size);
    if (!fp)
        return NULL;
    gw_put_name(fp, name);
    if (fclose(fp) != 0) {
        free(buf);
        return NULL;
    }
    return *owned = buf;
}
