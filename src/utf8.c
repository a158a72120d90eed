#include "utf8.h"
#include "unicode_tables.h"

#include <stdlib.h>
#include <string.h>

/* The checks of gw_utf8_decode in the order a Chinese report needs them:
 * ASCII, then the three-byte sequences of Han and CJK punctuation. Inline,
 * since every later stage steps through the text with it. */
static inline size_t decode(const unsigned char *s, size_t len, uint32_t *cp)
{
    unsigned c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c >= 0xE0 && c <= 0xEF) {
        if (len < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
            return 0;
        uint32_t v = ((uint32_t)(c & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
        if (v < 0x800 || (v >= 0xD800 && v <= 0xDFFF))
            return 0;
        *cp = v;
        return 3;
    }
    if (c >= 0xC2 && c <= 0xDF) {
        if (len < 2 || (s[1] & 0xC0) != 0x80)
            return 0;
        *cp = ((uint32_t)(c & 0x1F) << 6) | (s[1] & 0x3F);
        return 2;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (len < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80)
            return 0;
        uint32_t v = ((uint32_t)(c & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) |
                     ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
        if (v < 0x10000 || v > 0x10FFFF)
            return 0;
        *cp = v;
        return 4;
    }
    return 0;
}

size_t gw_utf8_decode(const char *str, size_t len, uint32_t *cp)
{
    return len == 0 ? 0 : decode((const unsigned char *)str, len, cp);
}

size_t gw_utf8_encode(uint32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

size_t gw_utf8_validate(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        const unsigned char *u = (const unsigned char *)s + i;
        if (u[0] < 0x80) {
            i++;
            continue;
        }
        /* E1..EC, EE, EF and two continuation bytes: a three-byte
         * character that can be neither overlong (E0) nor a surrogate
         * (ED), as most of a Chinese text's are; no value to compute */
        if (len - i >= 3 && u[0] >= 0xE1 && u[0] <= 0xEF && u[0] != 0xED && (u[1] & 0xC0) == 0x80 &&
            (u[2] & 0xC0) == 0x80) {
            i += 3;
            continue;
        }
        uint32_t cp;
        size_t n = decode((const unsigned char *)s + i, len - i, &cp);
        if (n == 0)
            return i;
        i += n;
    }
    return len;
}

size_t gw_utf8_count(const char *s, size_t len)
{
    /* eight bytes at a time: a continuation byte is one whose top bit is
     * set and the next one clear; the tree's columns count every line up
     * to each element, and check's rules count again */
    const uint64_t highs = 0x8080808080808080u;
    size_t n = 0, i = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t x;
        memcpy(&x, s + i, 8);
        uint64_t cont = x & ~(x << 1) & highs;
        /* cont has at most one bit per byte, each at the byte's top:
         * multiplying sums them into the top byte */
        n += 8 - (size_t)(((cont >> 7) * 0x0101010101010101u) >> 56);
    }
    for (; i < len; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            n++;
    return n;
}

/* Binary search of a generated table. Most characters of a report fall
 * outside the space table's span (Han) or below the others' (ASCII): the
 * bounds answer them at once. */
static int in_ranges(const gw_range *r, size_t n, uint32_t cp)
{
    if (cp < r[0].first || cp > r[n - 1].last)
        return 0;
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cp < r[mid].first)
            hi = mid;
        else if (cp > r[mid].last)
            lo = mid + 1;
        else
            return 1;
    }
    return 0;
}

int gw_is_space(uint32_t cp)
{
    /* ASCII without the search (a report's digits and Latin letters fall
     * inside the table's span): \t..\r, U+001C..U+001F and the space are
     * its only white space; test_utf8.c holds this to the table */
    if (cp < 0x80)
        return (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x20);
    return in_ranges(gw_space_ranges, gw_space_ranges_count, cp);
}

int gw_is_han(uint32_t cp)
{
    return in_ranges(gw_han_ranges, gw_han_ranges_count, cp);
}

uint32_t gw_radical_ideograph(uint32_t cp)
{
    const gw_fold *f = gw_radical_folds;
    size_t lo = 0, hi = gw_radical_folds_count;
    if (cp < f[0].from || cp > f[hi - 1].from)
        return 0;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cp < f[mid].from)
            hi = mid;
        else if (cp > f[mid].from)
            lo = mid + 1;
        else
            return f[mid].to;
    }
    return 0;
}

size_t gw_next_radical(const char *s, size_t len, size_t i)
{
    for (const char *p; i + 2 < len && (p = memchr(s + i, 0xE2, len - 2 - i)); i++) {
        i = (size_t)(p - s);
        unsigned char b = (unsigned char)s[i + 1];
        if (b >= 0xBA && b <= 0xBF)
            return i;
    }
    return len;
}

int gw_fold_radicals(const char *s, size_t len, char **out)
{
    *out = NULL;
    for (size_t i = gw_next_radical(s, len, 0); i < len; i = gw_next_radical(s, len, i + 1)) {
        size_t k = i;
        uint32_t to = gw_radical_ideograph(gw_next(s, len, &k));
        if (!to || k - i != 3 || to < 0x800 || to > 0xFFFF)
            continue;
        if (!*out) {
            if (!(*out = malloc(len)))
                return -1;
            memcpy(*out, s, len);
        }
        gw_utf8_encode(to, *out + i);
    }
    return *out != NULL;
}

int gw_display_width(uint32_t cp)
{
    return in_ranges(gw_wide_ranges, gw_wide_ranges_count, cp) ? 2 : 1;
}

int gw_is_digit(uint32_t cp, int *v)
{
    if (cp >= '0' && cp <= '9') {
        *v = (int)(cp - '0');
        return 1;
    }
    if (cp >= 0xFF10 && cp <= 0xFF19) {
        *v = (int)(cp - 0xFF10);
        return 1;
    }
    return 0;
}

int gw_is_xml_forbidden(uint32_t cp)
{
    if (cp < 0x20)
        return cp != 0x09 && cp != 0x0A && cp != 0x0D;
    return cp == 0xFFFE || cp == 0xFFFF || (cp >= 0xD800 && cp <= 0xDFFF);
}

uint32_t gw_next(const char *s, size_t len, size_t *i)
{
    uint32_t cp = 0;
    size_t n = *i < len ? decode((const unsigned char *)s + *i, len - *i, &cp) : 0;
    /* Input is validated before parsing; stepping one byte keeps loops
     * finite should a caller ever hand us something else. */
    *i += n ? n : 1;
    return n ? cp : 0xFFFD;
}

uint32_t gw_peek(const char *s, size_t len, size_t i)
{
    if (i >= len)
        return 0;
    return gw_next(s, len, &i);
}

/* Whether byte b starts what cannot be white space, whatever follows:
 * ASCII past the space, or a lead byte of U+4000 and above (Han, the
 * full-width forms), where no white space is; a broken sequence there
 * decodes to U+FFFD, no white space either. Lines are trimmed at both
 * ends many times over, and nearly all start and end so. */
static int never_space(unsigned char b)
{
    return (b > 0x20 && b < 0x80) || b >= 0xE4;
}

/* Whether s ends in ASCII past the space or a whole three-byte character
 * from U+4000 on (never_space). */
static int ends_no_space(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s + len;
    if (len && u[-1] > 0x20 && u[-1] < 0x80)
        return 1;
    return len >= 3 && u[-3] >= 0xE4 && u[-3] < 0xF0 && (u[-2] & 0xC0) == 0x80 &&
           (u[-1] & 0xC0) == 0x80;
}

size_t gw_skip_space(const char *s, size_t len, size_t i)
{
    if (i < len && never_space((unsigned char)s[i]))
        return i;
    while (i < len) {
        size_t j = i;
        if (!gw_is_space(gw_next(s, len, &j)))
            break;
        i = j;
    }
    return i;
}

int gw_has_space(const char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        unsigned char b = (unsigned char)s[i];
        if (never_space(b) || (b & 0xC0) == 0x80) {
            i++;
            continue;
        }
        if (gw_is_space(gw_next(s, len, &i)))
            return 1;
    }
    return 0;
}

size_t gw_trim_end(const char *s, size_t len)
{
    /* from the end backwards: lines are trimmed many times over, and most
     * end in at most a few spaces */
    if (ends_no_space(s, len))
        return len;
    size_t e = len;
    while (e > 0) {
        size_t j = e - 1;
        while (j > 0 && e - j < 4 && ((unsigned char)s[j] & 0xC0) == 0x80)
            j--;
        size_t k = j;
        uint32_t cp = gw_next(s, e, &k);
        if (k != e)
            break; /* not one whole character: the forward walk decides */
        if (!gw_is_space(cp))
            return e;
        e = j;
    }
    size_t end = 0, i = 0;
    while (i < e) {
        uint32_t cp = gw_next(s, e, &i);
        if (!gw_is_space(cp))
            end = i;
    }
    return end;
}

int gw_starts(const char *s, size_t len, const char *lit)
{
    size_t n = strlen(lit);
    return len >= n && memcmp(s, lit, n) == 0;
}

size_t gw_count_nonspace(const char *s, size_t len)
{
    size_t n = 0, i = 0;
    while (i < len)
        if (!gw_is_space(gw_next(s, len, &i)))
            n++;
    return n;
}

int gw_chars_at_most(const char *s, size_t len, size_t max)
{
    /* a character is one to four bytes */
    if (len <= max)
        return 1;
    if (len / 4 > max)
        return 0;
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80 && ++n > max)
            return 0;
    return 1;
}

int gw_nonspace_at_most(const char *s, size_t len, size_t max)
{
    size_t n = 0, i = 0;
    if (len <= max)
        return 1;
    while (i < len)
        if (!gw_is_space(gw_next(s, len, &i)) && ++n > max)
            return 0;
    return 1;
}

char *gw_utf8_scrub(const char *s, uint32_t xml_as)
{
    size_t len = strlen(s), o = 0;
    char *out = malloc(len * 3 + 1); /* U+FFFD is 3 bytes, the byte it stands for 1 */
    if (!out)
        return NULL;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = gw_utf8_decode(s + i, len - i, &cp);
        if (n == 0) {
            o += gw_utf8_encode(0xFFFD, out + o);
            i++;
        } else if (xml_as && gw_is_xml_forbidden(cp)) {
            o += gw_utf8_encode(xml_as, out + o);
            i += n;
        } else {
            memcpy(out + o, s + i, n);
            o += n;
            i += n;
        }
    }
    out[o] = '\0';
    return out;
}
