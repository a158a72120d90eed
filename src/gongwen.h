/* gongwen: a document-structure compiler for Chinese official reports.
 *
 * Public API. The pipeline is
 *
 *     bytes --gw_decode--> gw_text (UTF-8) --gw_parse--> gw_document (libxml2 tree)
 *           --gw_transform--> output (XSLT stylesheets in xslt/)
 *
 * Ownership: every object returned by a gw_*_new / gw_decode / gw_parse call
 * belongs to the caller and is released with the matching gw_*_free. Strings
 * passed in are copied where they must outlive the call. Borrowed pointers
 * (marked "borrowed") live as long as the object they came from. Buffers
 * the library returns (char ** out parameters) are released with gw_free.
 *
 * Building on it: `pkg-config --cflags --libs gongwen` (the header includes
 * libxml2's). Only the functions marked GW_API are exported from
 * libgongwen.so; the rest of the library is internal.
 *
 * Global state: libxml2 and libxslt keep process-wide settings, so the
 * library touches some of them, all in gw_init (call it once before any
 * other thread uses libxml2; every gw_styles_new calls it too):
 *   - xmlInitParser();
 *   - exsltRegisterAll(): the EXSLT extensions (exsl:, str:, date:, ...)
 *     become available to every stylesheet of the process;
 *   - xsltSetLoaderFunc(): libxslt loads stylesheets, their imports and
 *     document() through gongwen's loader, which refuses the network and
 *     external entities unless a transformation allows I/O.
 * The first gw_check_source or gw_check_document binds gettext's "gongwen"
 * text domain (its message catalogues) to the installation the library
 * belongs to, unless the program bound it where the catalogues are.
 * During a call (and only then) the library installs its own libxml2
 * structured error handler for the calling thread and restores the
 * caller's before it returns; libxml2's messages about a stylesheet are
 * printed to standard error. Nothing else is global: after gw_init,
 * separate threads may parse and transform at once, each with its own
 * objects, sharing only a gw_styles whose formats were all prepared
 * (gw_styles_prepare) before the threads started.
 *
 * Errors, one convention throughout the library (internal headers too):
 * - A function that can fail returns gw_status: GW_OK, or the cause, which
 *   a caller can branch on (as expat's XML_Error). Where it takes a
 *   gw_error *err (which may be NULL) it also fills in the position and a
 *   message; gw_status_name / gw_status_string name any status.
 * - A function whose result is an object returns a pointer, NULL on
 *   failure, with the cause in err (gw_decode, gw_parse, gw_styles_new).
 *   An internal allocator that can fail only for want of memory
 *   (gw_blocks_add, gw_utf8_scrub, gw_marker_with) takes no err: its NULL
 *   is GW_ERR_NOMEM, which its caller reports.
 * - An object that goes on after a failure (a list of diagnostics, the
 *   tree builder) keeps the first failure in a gw_status field, so that
 *   long sequences of additions are checked once at the end.
 * - Not finding something is not an error: a search for an index returns
 *   GW_NONE, and a question ("is this a heading?") returns 0 or 1.
 * Exceptions: none inside the library (iconv's (size_t)-1 in decode.c is
 * iconv's own). The command line turns a status into its exit code with
 * gw_status_exit.
 */
#ifndef GONGWEN_H
#define GONGWEN_H

#include <stddef.h>
#include <stdio.h>

#include <libxml/tree.h>

#ifdef __cplusplus
extern "C" {
#endif

/* What libgongwen.so exports (the library is built -fvisibility=hidden). */
#if defined(__GNUC__)
#define GW_API __attribute__((visibility("default")))
#else
#define GW_API
#endif

#define GW_VERSION "0.1.0"
/* MAJOR * 10000 + MINOR * 100 + PATCH: compare with gw_version(). */
#define GW_VERSION_NUM 100

/* The version of the library actually loaded, as GW_VERSION_NUM. */
GW_API int gw_version(void);
/* The same as a string ("0.1.0"), static. */
GW_API const char *gw_version_string(void);

/* Sets up libxml2 and libxslt as the library needs them (see "Global
 * state" above). Safe to call more than once and from several threads. */
GW_API void gw_init(void);

/* Releases a buffer the library returned (gw_serialize_xml, gw_transform,
 * gw_read_path, ...). NULL is fine. */
GW_API void gw_free(void *p);

typedef enum {
    GW_OK = 0,
    GW_ERR_INVALID_BYTE,      /* the input is not in its encoding (line, column set) */
    GW_ERR_UNKNOWN_ENCODING,  /* iconv knows no encoding of the name asked for */
    GW_ERR_NOMEM,             /* an allocation failed */
    GW_ERR_IO,                /* a file or directory could not be read or written */
    GW_ERR_UNKNOWN_FORMAT,    /* no stylesheet for the output format asked for */
    GW_ERR_BAD_STYLESHEET,    /* a stylesheet does not compile */
    GW_ERR_STYLESHEET_FAILED, /* a stylesheet stopped with an error while running */
    GW_ERR_BAD_SOURCE,        /* a file no reader takes (a legacy .doc, an image, a program) or a
                                 damaged or refused original (an encrypted .docx, a zip bomb, a
                                 PDF with no text layer) */
    GW_ERR_USAGE,             /* any other request that cannot be met (too many stylesheets) */
    GW_STATUS_COUNT
} gw_status;

/* "not found", for functions that return an index or a length */
#define GW_NONE ((size_t)-1)

/* "GW_ERR_NOMEM": the enumerator's name, for logs and tests. */
GW_API const char *gw_status_name(gw_status s);
/* "out of memory": what went wrong, in English. */
GW_API const char *gw_status_string(gw_status s);
/* The command line's exit status for s, as the README states it: 0 for
 * GW_OK; 1 for faults of the document or stylesheet (an invalid byte, a
 * source no reader takes, a stylesheet that does not compile or fails); 2 for everything else
 * (usage, I/O, out of memory). */
GW_API int gw_status_exit(gw_status s);

/* Where and why something failed. line/column are 1-based; column counts
 * characters (code points), not bytes; 0 means "no position". */
typedef struct {
    gw_status status;
    unsigned long line;
    unsigned long column;
    char message[512];
} gw_error;

/* ---- input ------------------------------------------------------------ */

/* Input decoded to UTF-8: no BOM, valid UTF-8, line ends untouched. */
typedef struct gw_text gw_text;

/* Reads all of fp (a file or standard input). On success *data is a malloc'ed
 * buffer the caller frees. */
GW_API gw_status gw_read_stream(FILE *fp, char **data, size_t *len, gw_error *err);
/* The same for a file named path, "-" being standard input. The message
 * of a failure is strerror's, or "out of memory" (GW_ERR_NOMEM). */
GW_API gw_status gw_read_path(const char *path, char **data, size_t *len, gw_error *err);

typedef enum {
    GW_ERRORS_STRICT,  /* an invalid sequence is an error (the default) */
    GW_ERRORS_REPLACE, /* it becomes U+FFFD, with one warning per line */
} gw_errors_mode;

typedef struct {
    const char *encoding; /* NULL: detect (BOM, else UTF-8 if valid, else GB18030) */
    gw_errors_mode errors;
} gw_decode_options;

/* Decodes raw bytes to UTF-8 with iconv. A BOM (UTF-8, UTF-16, UTF-32) is
 * dropped and decides the encoding unless one is given; invalid input
 * fails with the line and column (in characters) of the first bad
 * sequence. The bytes are copied. opts may be NULL. */
GW_API gw_text *gw_decode_with(const char *bytes, size_t len, const gw_decode_options *opts,
                               gw_error *err);
/* gw_decode_with(bytes, len, NULL, err) */
GW_API gw_text *gw_decode(const char *bytes, size_t len, gw_error *err);
/* Reads a file's bytes as the gongwen command does, whatever they hold.
 * from names the format ("text", "docx", "html", "pdf", "markdown"), or is
 * NULL to tell it from the content: a Word file, a web page, a PDF,
 * Markdown, else text; text and Markdown are decoded with opts (may be
 * NULL). A file no reader takes (a legacy .doc, an encrypted document, an
 * image) fails with GW_ERR_BAD_SOURCE and one line saying what it is and
 * what to do; an unknown from with GW_ERR_USAGE. The text is what gw_parse
 * reads; the caller frees it with gw_text_free. */
GW_API gw_text *gw_read(const char *bytes, size_t len, const char *from,
                        const gw_decode_options *opts, gw_error *err);
GW_API const char *gw_text_data(const gw_text *t); /* borrowed */
GW_API size_t gw_text_length(const gw_text *t);
GW_API const char *gw_text_encoding(const gw_text *t); /* borrowed: "UTF-8", "GB18030", ... */
/* Replacements made in GW_ERRORS_REPLACE mode, one per line affected. */
GW_API size_t gw_text_warning_count(const gw_text *t);
GW_API const gw_error *gw_text_warning(const gw_text *t, size_t i); /* borrowed */
GW_API void gw_text_free(gw_text *t);

/* ---- parsing ---------------------------------------------------------- */

typedef struct gw_document gw_document;

/* What the root records about where the tree came from, besides what it
 * always records (the generator, the encoding, the line-end style, Dublin
 * Core title/date/creator from the front matter, the schema link). */
typedef struct {
    const char *source; /* the source's name (a file name, best without its
                           directories: archives travel); NULL: none */
    const char *bytes;  /* the input as read: its sha256 and size are recorded;
                           NULL: neither is */
    size_t len;
    long long converted; /* conversion time in seconds since the epoch,
                            recorded in UTC; negative: none (the output is
                            then reproducible) */
} gw_parse_options;

/* Parses decoded text into a tree. opts may be NULL (no source, no
 * checksum, no time). Fails only on allocation failure. */
GW_API gw_document *gw_parse_with(const gw_text *text, const gw_parse_options *opts, gw_error *err);
/* gw_parse_with, recording only source (may be NULL). */
GW_API gw_document *gw_parse(const gw_text *text, const char *source, gw_error *err);

/* The tree, borrowed: valid until gw_document_free. */
GW_API xmlDocPtr gw_document_xml(const gw_document *doc);
GW_API void gw_document_free(gw_document *doc);

/* ---- output ----------------------------------------------------------- */

/* Receives output as it is made: 0, or -1 to stop it (the writer keeps
 * the reason; the call it was given to then fails with GW_ERR_IO). */
typedef int (*gw_write_fn)(void *ctx, const char *data, size_t len);

/* Serializes the tree as indented XML into a malloc'ed buffer. */
GW_API gw_status gw_serialize_xml(const gw_document *doc, char **out, size_t *len, gw_error *err);
/* The same, streamed to write in pieces: no size limit but the writer's. */
GW_API gw_status gw_serialize_xml_to(const gw_document *doc, gw_write_fn write, void *ctx,
                                     gw_error *err);

/* Stylesheets: a compiled set, looked up by format name or alias
 * ("outline", "md", ...: the registry in formats.h names each one's file),
 * else as NAME.xsl, in dir. One set compiles each stylesheet once and
 * serves many documents. */
typedef struct gw_styles gw_styles;

/* dir may be NULL: then $GONGWEN_XSLT_DIR, the xslt/ directory beside the
 * executable at exe_path (a build tree), ../share/gongwen/xslt from that
 * executable's directory (installed under any prefix) and the data
 * directory compiled in are tried in that order. */
GW_API gw_styles *gw_styles_new(const char *dir, const char *exe_path, gw_error *err);
GW_API void gw_styles_free(gw_styles *st);

/* Compiles the stylesheet file at path and makes it available as format
 * name (a user's --xslt stylesheet). */
GW_API gw_status gw_styles_add_file(gw_styles *st, const char *name, const char *path,
                                    gw_error *err);

/* Compiles the stylesheet for format now, and checks params (as
 * gw_transform takes them) against the names and values it declares
 * (GW_ERR_USAGE saying what it takes), so that a caller can fail before it
 * reads any input. gw_transform does the same by itself. */
GW_API gw_status gw_styles_prepare(gw_styles *st, const char *format, const char *const *params,
                                   gw_error *err);

/* Applies the stylesheet for format to doc; the result text is malloc'ed.
 * params: NULL, or NULL-terminated name/value pairs passed as strings.
 * Stylesheets may not write files, create directories or use the network
 * unless allow_io is set. */
GW_API gw_status gw_transform(gw_styles *st, const char *format, const gw_document *doc,
                              const char *const *params, int allow_io, char **out, size_t *len,
                              gw_error *err);

/* What document() may read: any file (the default), none, or only files
 * under the stylesheet's own directory. */
typedef enum { GW_READ_ANY, GW_READ_NONE, GW_READ_DIR } gw_read_policy;

typedef struct {
    const char *const *params; /* as for gw_transform */
    int allow_io;              /* as for gw_transform */
    gw_read_policy read;
    unsigned timeout; /* seconds a transformation may run; 0: no limit */
} gw_transform_options;

/* gw_transform with options, the result streamed to write. A stylesheet
 * stopped by its time limit fails with GW_ERR_STYLESHEET_FAILED. opts may be NULL. */
gw_status gw_transform_to(gw_styles *st, const char *format, const gw_document *doc,
                          const gw_transform_options *opts, gw_write_fn write, void *ctx,
                          gw_error *err);

/* ---- checking (gongwen check) ------------------------------------------ */

/* How bad a finding is, in increasing order (so that a threshold compares). */
typedef enum {
    GW_SEV_NOTE,
    GW_SEV_WARNING,
    GW_SEV_ERROR,
} gw_severity;

/* "note", "warning", "error" (static, untranslated); NULL if s is none. */
GW_API const char *gw_check_severity_name(gw_severity s);

/* The rules, numbered 0 .. gw_check_rule_count() - 1 (the order of
 * `gongwen check --list-rules`; numbers may change between versions, ids
 * do not). For i out of range the functions return NULL (and
 * GW_SEV_NOTE). */
GW_API size_t gw_check_rule_count(void);
GW_API const char *gw_check_rule_id(size_t i); /* static: "numbering-gap" */
GW_API gw_severity gw_check_rule_severity(size_t i);
GW_API const char *gw_check_rule_description(size_t i); /* static, English */

/* What a check looks for and how it speaks: every rule enabled, messages
 * in the process's locale, the encoding detected. Owned by the caller
 * (gw_checker_free); one checker may serve several threads at once once
 * set up. */
typedef struct gw_checker gw_checker;

GW_API gw_checker *gw_checker_new(void); /* NULL when out of memory */
GW_API void gw_checker_free(gw_checker *ck);
/* Enables or disables the rule with id ("all": every rule). GW_ERR_USAGE
 * (err says so) for an id that names no rule. */
GW_API gw_status gw_checker_set_rule(gw_checker *ck, const char *id, int enabled, gw_error *err);
/* Skipping one heading level is no fault (--allow-level-skip). */
GW_API void gw_checker_set_allow_level_skip(gw_checker *ck, int allow);
/* The input's encoding for gw_check_source; NULL: detected. Copied. */
GW_API gw_status gw_checker_set_encoding(gw_checker *ck, const char *encoding, gw_error *err);
/* The messages' language: NULL or "" the process's locale (LC_MESSAGES,
 * as the command line); "en" (or "C") English; "zh" (or "zh_CN", or any
 * locale name) the language of that locale, which must be installed
 * (`locale -a`): otherwise GW_ERR_USAGE, saying so. The choice applies to
 * the calling thread during a check only (uselocale), never to the
 * process. As with gettext, $LANGUAGE, when set, still takes precedence
 * over any language but English. Copied. */
GW_API gw_status gw_checker_set_language(gw_checker *ck, const char *language, gw_error *err);

/* One finding. Lines and columns are 1-based, columns in characters of
 * the decoded text; the end is exclusive (end_column is the column just
 * after the last character), as in SARIF. */
typedef struct {
    const char *rule; /* the rule's id, static */
    gw_severity severity;
    unsigned long line, column, end_line, end_column;
    const char *message; /* UTF-8, in the checker's language; borrowed */
} gw_diagnostic;

/* What a check found, sorted by position; owned by the caller
 * (gw_diagnostics_free). */
typedef struct gw_diagnostics gw_diagnostics;

GW_API size_t gw_diagnostics_count(const gw_diagnostics *d);
/* The i-th finding, borrowed from d; NULL past the end. */
GW_API const gw_diagnostic *gw_diagnostics_get(const gw_diagnostics *d, size_t i);
GW_API void gw_diagnostics_free(gw_diagnostics *d);

/* Checks a file's bytes as `gongwen check` does: any format gongwen reads
 * (text in any encoding, .docx, .html, .pdf); bytes that do not decode are
 * replaced and reported (rule encoding), not fatal. ck NULL: the defaults.
 * NULL on failure with err set: out of memory, an unknown encoding, a
 * source no reader takes (GW_ERR_BAD_SOURCE), a language not installed. */
GW_API gw_diagnostics *gw_check_source(const gw_checker *ck, const char *bytes, size_t len,
                                       gw_error *err);
/* The same rules over a text already decoded and parsed (doc =
 * gw_parse(text)), neither done again. bytes/len: what text was decoded
 * from, read only when decoding replaced something (so that the encoding
 * rule can point at the bad bytes); NULL: the text's own. */
GW_API gw_diagnostics *gw_check_document(const gw_checker *ck, const gw_text *text,
                                         const gw_document *doc, const char *bytes, size_t len,
                                         gw_error *err);

/* Sets err (if not NULL) and returns status. */
GW_API gw_status gw_fail(gw_error *err, gw_status status, unsigned long line, unsigned long column,
                         const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;
/* gw_fail(err, GW_ERR_NOMEM, 0, 0, "out of memory") */
GW_API gw_status gw_fail_nomem(gw_error *err);

#ifdef __cplusplus
}
#endif

#endif
