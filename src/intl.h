/* Translation of gongwen's messages: English message ids looked up with
 * gettext in the "gongwen" domain (po/), so that the library never
 * changes the caller's own text domain; and names shown safely in them. */
#ifndef GW_INTL_H
#define GW_INTL_H

#include <libintl.h>
#include <stdio.h>

#define GW_TEXT_DOMAIN "gongwen"
#define _(msgid) dgettext(GW_TEXT_DOMAIN, msgid)
#define N_(msgid) msgid
#define P_(one, many, n) dngettext(GW_TEXT_DOMAIN, one, many, n)

/* Picks the catalogue directory ($GONGWEN_LOCALEDIR, po/ beside the
 * executable in a build tree, else the installed locale directory) and
 * the user's locale. */
void gw_intl_init(void);

/* Writes name (a file's, or a message quoting one) as it is safe to show
 * on a terminal: control characters (C0, DEL, C1) and bytes that are not
 * UTF-8 as \t \n \r \xHH or \uHH, and then a backslash as \\ (a name
 * that needs none of this prints as it is). Every message that prints a
 * name goes through here. */
void gw_put_name(FILE *fp, const char *name);
/* The same as a string: name itself when it prints as it is, else a
 * malloc'ed escaped copy, also stored in *owned for the caller to free;
 * NULL when out of memory. */
const char *gw_shown_name(const char *name, char **owned);

#endif
