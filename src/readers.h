/* Structured sources: what a file is by its content (sniff.c), and the
 * readers that turn .docx, .html and .pdf into the text the recognizer
 * reads, one paragraph per line, with hints (hints.h). Every reader
 * returns a new gw_text the caller frees, or NULL with err set: GW_ERR_BAD_SOURCE
 * and one line saying what the file is and what to do when it cannot be
 * read, GW_ERR_NOMEM when out of memory. */
#ifndef GW_READERS_H
#define GW_READERS_H

#include "gongwen.h"
#include "hints.h"

#include <stddef.h>

/* What bytes hold: GW_FROM_TEXT, _DOCX, _HTML or _PDF (Markdown is text until
 * decoded: gw_looks_markdown); GW_FROM_AUTO with
 * err set (GW_ERR_BAD_SOURCE) for a file no reader takes (a legacy .doc, an
 * encrypted document, an image, a program, other binary data). nul_ok:
 * NUL bytes alone do not make data binary (an encoding such as UTF-16LE
 * was named). */
gw_from gw_sniff(const char *bytes, size_t len, int nul_ok, gw_error *err);

/* "text", "docx", "html", "pdf", "markdown" into *out; GW_ERR_USAGE for another name. */
gw_status gw_from_parse(const char *name, gw_from *out);

gw_text *gw_read_docx(const char *bytes, size_t len, gw_error *err);
/* encoding: the page's encoding when known (NULL: its meta tag, else UTF-8) */
gw_text *gw_read_html(const char *bytes, size_t len, const char *encoding, gw_error *err);
gw_text *gw_read_pdf(const char *bytes, size_t len, gw_error *err);
/* utf8: the decoded text of a Markdown file */
gw_text *gw_read_markdown(const char *utf8, size_t len, gw_error *err);
/* Whether decoded text is Markdown rather than plain text: it marks bold,
 * headings or tables as Markdown does (tunables.h says how often). */
int gw_looks_markdown(const char *utf8, size_t len);

/* The text of bytes in format from (GW_FROM_AUTO: sniffed; an --encoding
 * given reads as text unless from says otherwise). Text is decoded with
 * opts (may be NULL). */
gw_text *gw_read_source(const char *bytes, size_t len, gw_from from, const gw_decode_options *opts,
                        gw_error *err);

#endif
