/* The text a reader of a structured source builds: lines (one paragraph
 * each) and what it knows of them, turned into hints (hints.h) once the
 * document is done. The .docx and .html readers share it, so bold reads as
 * a lead by the same rule whatever the source. */
#ifndef GW_RLINES_H
#define GW_RLINES_H

#include "hints.h"

#include <stddef.h>

typedef struct {
    size_t start;      /* byte offset of the line in the text */
    size_t lead_start; /* byte offset of its first character that is not a space */
    size_t bold_end;   /* byte offset past the bold that opens it; 0: none */
    int opens_bold;    /* its first text that is not a space is bold */
    int first_bold;    /* its first run, white space or not, is bold */
    int any_run;       /* a run has come */
    int marked;        /* a list number the reader added opens it */
    int filler;        /* empty, put there to keep the source's line numbers
                          (Markdown: a blank line between blocks) */
    gw_hint hint;      /* table and page set by the reader; lead by gw_rl_hints */
} gw_rl_line;

typedef struct {
    char *s; /* owned, NUL-terminated; every line ends in '\n' */
    size_t len, cap;
    gw_rl_line *lines; /* owned */
    size_t n, ncap;
    int open;      /* a line is open (text goes to lines[n-1]) */
    int any_text;  /* the open line has text that is not a space */
    int bold_open; /* ... and the bold opening it has not ended */
    int oom;       /* an allocation failed: everything after is dropped */
} gw_rl;

/* Opens a new line (ending the open one); NULL when out of memory. */
gw_rl_line *gw_rl_open(gw_rl *r);
/* Ends the open line, if any. */
void gw_rl_end(gw_rl *r);
/* Text of a run, bold or not, into the open line (opened if none is). */
void gw_rl_text(gw_rl *r, const char *s, size_t n, int bold);
/* Text the reader adds (a list number): no run, no bold. */
void gw_rl_mark(gw_rl *r, const char *s, size_t n);
/* Raw bytes (a tab between cells). */
void gw_rl_put(gw_rl *r, const char *s, size_t n);
/* The byte offset of line i's '\n'. */
size_t gw_rl_line_end(const gw_rl *r, size_t i);
/* Drops line i (text and record). */
void gw_rl_drop(gw_rl *r, size_t i);
/* One hint per line (malloc'ed; NULL when out of memory): the author's
 * bold as leads when the document uses bold for leads at all. */
gw_hint *gw_rl_hints(const gw_rl *r);
/* The lead hint that a bold opening [first, bold_end) of the line
 * [start, end) of s makes, the same for every reader: GW_LEAD_GUESS when it
 * is a marker's (一、 专栏 ——: a heading's, not a lead), 0 when it holds the
 * whole line but for white space and 。 (the caller knows whether that is
 * a lead alone on its line), else its length from start. */
long gw_rl_opening_lead(const char *s, size_t start, size_t first, size_t bold_end, size_t end);
void gw_rl_free(gw_rl *r);
/* The text r built, as a reader's gw_text of format f with its hints
 * (gw_text_from_reader); NULL with err set when out of memory, now or
 * while r was built. r is freed either way. */
gw_text *gw_rl_finish(gw_rl *r, gw_from f, gw_error *err);

#endif
