/* UTF-8 decoding and the character classes the recognizers need. */
#ifndef GW_UTF8_H
#define GW_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Decodes one code point at s[0..len). Returns its byte length (1..4) and
 * stores it in *cp; returns 0 for an invalid or truncated sequence (overlong
 * forms, surrogates and values above U+10FFFF are invalid). */
size_t gw_utf8_decode(const char *s, size_t len, uint32_t *cp);

/* Encodes cp into out (at least 4 bytes); returns the byte length. */
size_t gw_utf8_encode(uint32_t cp, char *out);

/* Byte offset of the first invalid sequence in s[0..len), or len if valid. */
size_t gw_utf8_validate(const char *s, size_t len);

/* Number of code points in a valid UTF-8 string. */
size_t gw_utf8_count(const char *s, size_t len);

/* The classes below are looked up in tables generated from the Unicode
 * Character Database (unicode_tables.c, tools/gen_unicode.py). */

/* White space as the lossless rule counts it (Python's str.split() set):
 * ASCII space and \t\n\v\f\r, U+001C..U+001F, NBSP, U+3000 ideographic space, and the Unicode space
 * separators U+2000..U+200A, U+2028, U+2029, U+202F, U+205F, U+1680, U+0085. */
int gw_is_space(uint32_t cp);

/* Han ideograph: CJK unified ideographs and extensions A to H,
 * compatibility ideographs, 〇 and the Hangzhou numerals. */
int gw_is_han(uint32_t cp);

/* Columns the character takes in fixed-width text: 2 for East Asian wide
 * and full-width characters (Han, kana, Hangul, full-width forms, U+3000)
 * and for the ambiguous ones (“ ” — … ·), which a Chinese font sets at
 * full width; else 1. */
int gw_display_width(uint32_t cp);

/* The unified ideograph that radical cp stands for (⼀ U+2F00 -> 一, ⺠
 * U+2EA0 -> 民), 0 when cp is no radical with one in the BMP. */
uint32_t gw_radical_ideograph(uint32_t cp);

/* The offset of the next character at or after i that may be a radical
 * (its UTF-8 E2 BA 80 to E2 BF 9F), or len: E2 leads only a few other
 * characters of a report (“ ” — …), so this is a memchr. */
size_t gw_next_radical(const char *s, size_t len, size_t i);

/* A copy of s[0..len) with every radical gw_radical_ideograph knows
 * replaced by its ideograph, three UTF-8 bytes for three: text copied
 * from a PDF whose fonts map glyphs to the radicals (⼀、⼯作) reads as
 * what it shows, at the same offsets. 0 when s holds none (*out NULL), 1
 * with *out malloc'ed (len bytes, not terminated), -1 out of memory. */
int gw_fold_radicals(const char *s, size_t len, char **out);

/* ASCII or full-width digit; returns its value in *v. */
int gw_is_digit(uint32_t cp, int *v);

/* Characters XML 1.0 cannot carry in text. */
int gw_is_xml_forbidden(uint32_t cp);

/* Decode helper for already-validated text: cp at s[*i], advancing *i. */
uint32_t gw_next(const char *s, size_t len, size_t *i);

/* Code point at byte offset i without advancing (0 at end). */
uint32_t gw_peek(const char *s, size_t len, size_t i);

/* Skips white space from byte offset i; returns the new offset. */
size_t gw_skip_space(const char *s, size_t len, size_t i);

/* Byte length of s with trailing white space removed. */
size_t gw_trim_end(const char *s, size_t len);
/* Whether s holds white space (gw_is_space) anywhere: stepping over the
 * bytes that start no white space, as the trims do. */
int gw_has_space(const char *s, size_t len);

/* Whether s[0..len) starts with the UTF-8 string lit. */
int gw_starts(const char *s, size_t len, const char *lit);

/* Number of code points in s[0..len) that are not white space. */
size_t gw_count_nonspace(const char *s, size_t len);

/* Whether gw_utf8_count (gw_count_nonspace) of s[0..len) is at most max:
 * they stop counting once max is passed. The recognizers ask whether a
 * line is short of every line, and most of a report's lines are long
 * paragraphs (counting each whole was a tenth of -t xml's time). */
int gw_chars_at_most(const char *s, size_t len, size_t max);
int gw_nonspace_at_most(const char *s, size_t len, size_t max);

/* A copy of the NUL-terminated s that any UTF-8 consumer accepts: bytes
 * that are not UTF-8 become U+FFFD, and, unless xml_as is 0, characters
 * XML cannot carry become the code point xml_as. For text that is not the
 * document's (file names, messages), where no exact copy is owed.
 * malloc'ed; NULL when out of memory. */
char *gw_utf8_scrub(const char *s, uint32_t xml_as);

#endif
