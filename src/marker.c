#include "marker.h"
#include "numeral.h"
#include "sentence.h"
#include "utf8.h"

#include <string.h>

const char *gw_family_name(gw_family f)
{
    static const char *const names[GW_F_COUNT] = {
        [GW_F_NONE] = "none",
        [GW_F_BIAN] = "bian",
        [GW_F_PIAN] = "pian",
        [GW_F_ZHANG] = "zhang",
        [GW_F_JIE] = "jie",
        [GW_F_CN] = "cn",
        [GW_F_CN_PAREN] = "cn-paren",
        [GW_F_ARABIC] = "arabic",
        [GW_F_ARABIC_PAREN] = "arabic-paren",
        [GW_F_CIRCLED] = "circled",
        [GW_F_SHI] = "shi",
        [GW_F_DI] = "di",
        [GW_F_BUFEN] = "bufen",
        [GW_F_ARABIC_HALF] = "arabic-half",
        [GW_F_PREFACE] = "preface",
        [GW_F_ANNEX] = "annex",
        [GW_F_NOTES] = "notes",
    };
    return (unsigned)f < GW_F_COUNT ? names[f] : "none";
}

static int is_open_paren(uint32_t cp)
{
    return cp == '(' || cp == 0xFF08;
}

static int is_close_paren(uint32_t cp)
{
    return cp == ')' || cp == 0xFF09;
}

static int found(gw_marker *m, gw_family f, int n, size_t len)
{
    m->family = f;
    m->n = n;
    m->len = len;
    return 1;
}

/* 第 + numeral + 编/篇/章/节/部分, or 第 + numeral + ，/、 */
static int scan_di(const char *s, size_t len, gw_marker *m)
{
    if (!gw_starts(s, len, "第"))
        return 0;
    size_t i = strlen("第");
    int v;
    size_t k = gw_cn_numeral(s + i, len - i, &v);
    if (!k)
        k = gw_arabic_numeral(s + i, len - i, 3, &v);
    if (!k || v <= 0)
        return 0;
    i += k;
    size_t j = i;
    uint32_t cp = gw_next(s, len, &j);
    switch (cp) {
    case 0x7F16: /* 编 */
        return found(m, GW_F_BIAN, v, j);
    case 0x7BC7: /* 篇 */
        return found(m, GW_F_PIAN, v, j);
    case 0x7AE0: /* 章 */
        return found(m, GW_F_ZHANG, v, j);
    case 0x8282: /* 节 */
        return found(m, GW_F_JIE, v, j);
    case 0x90E8: /* 部 */
        return gw_starts(s + j, len - j, "分") ? found(m, GW_F_BUFEN, v, j + strlen("分")) : 0;
    case 0xFF0C: /* ， */
    case ',':
    case 0x3001: /* 、 */
        return found(m, GW_F_DI, v, j);
    default:
        return 0;
    }
}

/* The character after "一、" must not make it a list of numerals in prose:
 * 一、二季度, 一、二、三产业. */
static int prose_after_dun(const char *s, size_t len, size_t i)
{
    int v;
    size_t k = gw_cn_numeral(s + i, len - i, &v);
    if (!k)
        return 0;
    uint32_t next = gw_peek(s, len, i + k);
    return next == 0x3001 /* 、 */ || next == 0x5B63 /* 季 */ || next == 0x4EA7 /* 产 */;
}

static int scan_cn(const char *s, size_t len, gw_marker *m)
{
    int v;
    size_t i = gw_cn_numeral(s, len, &v);
    if (!i || v <= 0)
        return 0;
    size_t j = i;
    uint32_t cp = gw_next(s, len, &j);
    if ((cp == 0x3001 /* 、 */ || cp == 0xFF0E /* ． */ || cp == '.') &&
        !prose_after_dun(s, len, j))
        return found(m, GW_F_CN, v, j);
    if (cp == 0x662F /* 是 */ && v <= 99) {
        uint32_t next = gw_peek(s, len, j);
        if (next == 0x5426 /* 否 */)
            return 0;
        return found(m, GW_F_SHI, v, j);
    }
    return 0;
}

static int scan_paren(const char *s, size_t len, gw_marker *m)
{
    size_t i = 0;
    if (!is_open_paren(gw_next(s, len, &i)))
        return 0;
    int v;
    gw_family f = GW_F_CN_PAREN;
    size_t k = gw_cn_numeral(s + i, len - i, &v);
    if (!k) {
        k = gw_arabic_numeral(s + i, len - i, 3, &v);
        f = GW_F_ARABIC_PAREN;
    }
    if (!k || v <= 0)
        return 0;
    i += k;
    if (!is_close_paren(gw_next(s, len, &i)))
        return 0;
    return found(m, f, v, i);
}

/* Whether s opens with a year: four digits and 年 (2025年). */
static int starts_with_year(const char *s, size_t len)
{
    int v;
    size_t k = gw_arabic_numeral(s, len, 4, &v);
    return k && v >= 1000 && gw_starts(s + k, len - k, "年");
}

/* 1. １． 1、, and 1) 1）: the half parenthesis Word's list numbering and
 * many county texts use below (1). A digit right after means the number
 * goes on (1.5万, 1、2月) or is a formula, unless a year follows the
 * number (14.2025年10件民生实事：): no decimal has a 年 after it. */
static int scan_arabic(const char *s, size_t len, gw_marker *m)
{
    int v, d;
    size_t i = gw_arabic_numeral(s, len, 3, &v);
    if (!i || v <= 0)
        return 0;
    size_t j = i;
    uint32_t cp = gw_next(s, len, &j);
    gw_family f = cp == '.' || cp == 0xFF0E /* ． */ || cp == 0x3001 /* 、 */ ? GW_F_ARABIC
                  : is_close_paren(cp)                                        ? GW_F_ARABIC_HALF
                                                                              : GW_F_NONE;
    if (f == GW_F_NONE ||
        (gw_is_digit(gw_peek(s, len, j), &d) && !starts_with_year(s + j, len - j)))
        return 0;
    return found(m, f, v, j);
}

/* Single-character markers: ① ⑴ ⒈ */
static int scan_symbol(const char *s, size_t len, gw_marker *m)
{
    size_t i = 0;
    uint32_t cp = gw_next(s, len, &i);
    if (cp >= 0x2460 && cp <= 0x2473)
        return found(m, GW_F_CIRCLED, (int)(cp - 0x2460 + 1), i);
    if (cp >= 0x3251 && cp <= 0x325F)
        return found(m, GW_F_CIRCLED, (int)(cp - 0x3251 + 21), i);
    if (cp >= 0x32B1 && cp <= 0x32BF)
        return found(m, GW_F_CIRCLED, (int)(cp - 0x32B1 + 36), i);
    if (cp >= 0x2474 && cp <= 0x2487)
        return found(m, GW_F_ARABIC_PAREN, (int)(cp - 0x2474 + 1), i);
    if (cp >= 0x2488 && cp <= 0x249B)
        return found(m, GW_F_ARABIC, (int)(cp - 0x2488 + 1), i);
    return 0;
}

static int scan_any(const char *s, size_t len, gw_marker *m)
{
    memset(m, 0, sizeof *m);
    return scan_di(s, len, m) || scan_cn(s, len, m) || scan_paren(s, len, m) ||
           scan_arabic(s, len, m) || scan_symbol(s, len, m);
}

/* Markers can be letter-spaced in extracted text (第 一 章, （ 1 ）, 1 . 加强):
 * they are read from a copy of the line's start without white space, and
 * the length mapped back. 2 0 0 5年 stays prose as 2005年 does. */
#define SPACED_PREFIX 48

int gw_marker_scan(const char *s, size_t len, gw_marker *m)
{
    if (scan_any(s, len, m))
        return 1;
    char buf[SPACED_PREFIX + 4];
    size_t orig_end[SPACED_PREFIX + 4] = {0}; /* buf[0..k) came from s[0..orig_end[k]) */
    size_t i = 0, n = 0;
    int spaced = 0;
    while (i < len && n < SPACED_PREFIX) {
        size_t at = i;
        uint32_t cp = gw_next(s, len, &i);
        if (gw_is_space(cp)) {
            spaced = 1;
            continue;
        }
        memcpy(buf + n, s + at, i - at);
        for (size_t k = 0; k < i - at; k++)
            orig_end[n + k + 1] = i;
        n += i - at;
    }
    if (!spaced || !scan_any(buf, n, m))
        return 0;
    m->len = orig_end[m->len];
    return 1;
}

static int is_dash_piece(uint32_t cp)
{
    return cp == '-' || cp == 0xFF0D || cp == 0x2014 || cp == 0x2015 || cp == 0x2500;
}

static size_t skip_blanks(const char *s, size_t len, size_t i)
{
    while (i < len && s[i] == ' ')
        i++;
    return i;
}

size_t gw_dash_len(const char *s, size_t len)
{
    size_t i = 0, n = 0, longs = 0;
    while (i < len) {
        size_t j = i;
        uint32_t cp = gw_next(s, len, &j);
        if (cp == 0x2014 || cp == 0x2015 || cp == 0x2500) {
            longs++;
        } else if (cp == ' ' && n > 0 && is_dash_piece(gw_peek(s, len, skip_blanks(s, len, j)))) {
            /* - - : OCR reads the two halves of —— apart; docx2txt writes
             * each half as " -- " (--  --经济) */
            i = skip_blanks(s, len, j);
            continue;
        } else if (cp != '-' && cp != 0xFF0D) {
            break;
        }
        n++;
        i = j;
    }
    /* one long dash will do; short hyphens only in pairs, so "-1" stays text */
    if (longs > 0 || n >= 2)
        return i;
    /* 一一 typed for —— (OCR, careless input): only where a short first
     * sentence follows, as in a dash item, so 一一对应… stays prose, or a
     * date (一一2025年1月19日在…会议上: OCR reads a subtitle's dash so) */
    size_t k = n == 0 ? gw_twice_one_len(s, len) : 0;
    if (k && s[k] >= '0' && s[k] <= '9')
        return k;
    size_t end = k ? gw_sentence_end(s + k, len - k) : 0;
    return end && gw_utf8_count(s + k, end) <= 25 ? k : 0;
}

size_t gw_twice_one_len(const char *s, size_t len)
{
    static const char twice[] = "一一";
    size_t k = sizeof twice - 1;
    int v;
    return gw_starts(s, len, twice) && k < len && !gw_cn_numeral(s + k, len - k, &v) ? k : 0;
}
