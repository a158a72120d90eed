/* Diagnostics: what `gongwen check` found, where, and how bad it is, kept
 * in a list that the output formats (text, JSON, SARIF) read. */
#ifndef GW_DIAG_H
#define GW_DIAG_H

#include "gongwen.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

/* gw_severity (note, warning, error) is public: gongwen.h. */

/* A region of the decoded text. Lines and columns are 1-based; columns
 * count characters. The end is exclusive, as in SARIF: end_column is the
 * column just after the last character. */
typedef struct {
    unsigned long line, column, end_line, end_column;
    gw_severity severity;
    const char *rule;  /* static: the rule id */
    char *message;     /* owned, already translated */
    unsigned long seq; /* the order of addition, for ties in position */
} gw_diag;

typedef struct {
    gw_diag *v;
    size_t n, cap;
    gw_status status; /* GW_ERR_NOMEM once an addition failed */
    /* At most max kept (0: all), the first by position: a text where
     * every character is a finding (5 MB of unclosed brackets) would
     * print a gigabyte of excerpts. The others are only counted, by
     * severity, and the first of them placed. */
    size_t max;
    size_t omitted[3];
    gw_diag first_omitted; /* its message is not kept */
    unsigned long added;   /* diagnostics offered so far */
} gw_diags;

/* Appends a diagnostic; the message is formatted with printf rules. On
 * allocation failure sets d->status and drops the diagnostic. */
void gw_diags_add(gw_diags *d, const char *rule, gw_severity sev, unsigned long line,
                  unsigned long column, unsigned long end_line, unsigned long end_column,
                  const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 8, 9)))
#endif
    ;

void gw_diags_vadd(gw_diags *d, const char *rule, gw_severity sev, unsigned long line,
                   unsigned long column, unsigned long end_line, unsigned long end_column,
                   const char *fmt, va_list args);

/* The max `gongwen check` and the language server keep of a file unless
 * told otherwise: the real reports in tests/ have at most 36 findings,
 * and a file with thousands is no report (a paste of binary, a table of
 * brackets) whose every finding anyone reads; past this the text format
 * prints a gigabyte of excerpts and an editor stalls drawing them. */
#define GW_DIAGS_MAX_DEFAULT 1000

/* Counts the diagnostic as omitted, and says so, when max are kept and
 * it does not come before the last of them: what gw_diags_vadd would do,
 * asked before its message is made. 0 when it would be kept. */
int gw_diags_omits(gw_diags *d, const char *rule, gw_severity sev, unsigned long line,
                   unsigned long column, unsigned long end_line, unsigned long end_column);

/* How many were offered but not kept (max), at any severity. */
size_t gw_diags_omitted(const gw_diags *d);
/* The note every format puts where the first omitted finding was: "N
 * more findings from here on are not shown", translated, of rule
 * GW_OMITTED_RULE (the option's name, no rule of check's) at that
 * finding's range. 0 when nothing was omitted, 1 with *note set (its
 * message owned by the caller), -1 when out of memory. */
#define GW_OMITTED_RULE "max-diagnostics"
int gw_diags_omitted_note(const gw_diags *d, gw_diag *note);
/* That note for n findings omitted from first on, its message naming
 * the option that shows them (hint) or not (the language server has
 * none); the message is owned by the caller, NULL when out of memory. */
gw_diag gw_omitted_note(const gw_diag *first, size_t n, int hint);

/* Sorts by position (line, column), keeping the order of equal ones. */
void gw_diags_sort(gw_diags *d);
void gw_diags_free(gw_diags *d);

/* "error", "warning", "note": the untranslated keyword that compilers
 * print and problem matchers look for. */
const char *gw_severity_name(gw_severity s);
/* Parses a keyword into *s; GW_ERR_USAGE when it names no severity. */
gw_status gw_severity_parse(const char *name, gw_severity *s);

/* ---- output ----------------------------------------------------------- */

/* One file's diagnostics with what the formats need to show them. */
typedef struct {
    const char *name; /* the file as named on the command line */
    const char *text; /* decoded text (for source lines), may be NULL */
    size_t text_len;
    const gw_diags *diags;
} gw_diag_file;

/* GCC style: FILE:LINE:COL: SEVERITY: MESSAGE [RULE], then (unless
 * no_caret) the source line and a caret under the column. color: use
 * ANSI colours. */
void gw_diag_print_text(FILE *fp, const gw_diag_file *f, int color, int no_caret);
/* The text format's note of the findings --max-diagnostics left out, if
 * any: FILE:LINE:COL: note: MESSAGE, at the first of them. */
void gw_diag_print_omitted(FILE *fp, const gw_diag_file *f, int color);

/* All files' diagnostics as one JSON array, or as a SARIF 2.1.0 log.
 * GW_ERR_NOMEM when out of memory, before anything is written; GW_ERR_IO
 * on a write error. */
gw_status gw_diag_print_json(FILE *fp, const gw_diag_file *files, size_t n);
gw_status gw_diag_print_sarif(FILE *fp, const gw_diag_file *files, size_t n);
/* GitHub Actions workflow commands (::warning file=…,line=…::message),
 * one line per diagnostic; GW_ERR_NOMEM or GW_ERR_IO as above. */
gw_status gw_diag_print_github(FILE *fp, const gw_diag_file *files, size_t n);

#endif
