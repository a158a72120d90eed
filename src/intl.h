/* Translation of the messages of `gongwen check`: English message ids
 * looked up with gettext in the "gongwen" domain (po/), so that the
 * library never changes the caller's own text domain. */
#ifndef GW_INTL_H
#define GW_INTL_H

#include <libintl.h>

#define GW_TEXT_DOMAIN "gongwen"
#define _(msgid) dgettext(GW_TEXT_DOMAIN, msgid)
#define N_(msgid) msgid
#define P_(one, many, n) dngettext(GW_TEXT_DOMAIN, one, many, n)

/* Picks the catalogue directory ($GONGWEN_LOCALEDIR, po/ beside the
 * executable in a build tree, else the installed locale directory) and
 * the user's locale. */
void gw_intl_init(void);

#endif
