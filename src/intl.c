/* Where the message catalogues are, and the user's locale. */
#include "intl.h"

#include <limits.h>
#include <locale.h>
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
 * is there; `make` compiles the catalogues into po/LANG/LC_MESSAGES). */
static int build_tree(char *out, size_t cap)
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
    if (snprintf(linguas, sizeof linguas, "%s/po/LINGUAS", exe) >= (int)sizeof linguas ||
        stat(linguas, &st) != 0)
        return 0;
    return snprintf(out, cap, "%s/po", exe) < (int)cap;
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
    else if (build_tree(dir, sizeof dir))
        bindtextdomain(GW_TEXT_DOMAIN, dir);
    else
        bindtextdomain(GW_TEXT_DOMAIN, GW_LOCALEDIR);
    bind_textdomain_codeset(GW_TEXT_DOMAIN, "UTF-8");
}
