/* Markers written back: the number a gap expected, in the form the
 * document uses, and the form of a marker for telling mixed ones apart. */
#include "check_rules.h"
#include "numeral.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

static const char *const cn_digits[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

static int is_cn_numeral(uint32_t cp)
{
    static const char *const chars = "〇零一二三四五六七八九十百千两";
    char buf[5];
    buf[gw_utf8_encode(cp, buf)] = '\0';
    return cp >= 0x80 && strstr(chars, buf) != NULL;
}

/* n in Chinese as a heading writes it: 三, 十二, 二十, 一百零五, 一千零一十.
 * Beyond what gw_cn_numeral reads (9999) it is written in digits. */
static void cn_numeral(int n, char *out, size_t cap)
{
    out[0] = '\0';
    if (n <= 0 || n > 9999) {
        snprintf(out, cap, "%d", n);
        return;
    }
    static const char *const units[] = {"千", "百", "十", ""};
    const int digits[] = {n / 1000, n / 100 % 10, n / 10 % 10, n % 10};
    size_t o = 0;
    int zero = 0; /* a zero place since the last digit written: 零 */
    for (int i = 0; i < 4 && o < cap; i++) {
        if (digits[i] == 0) {
            zero = o > 0;
            continue;
        }
        /* 十二 at the start, 一百一十二 after a higher place */
        const char *d = i == 2 && digits[i] == 1 && o == 0 ? "" : cn_digits[digits[i]];
        o += (size_t)snprintf(out + o, cap - o, "%s%s%s", zero ? "零" : "", d, units[i]);
        zero = 0;
    }
}

/* Enclosed forms: first code point for 1 and how many there are. */
static const struct {
    uint32_t first;
    int from, count;
} enclosed[] = {
    {0x2460, 1, 20},  /* ① */
    {0x3251, 21, 15}, /* ㉑ */
    {0x32B1, 36, 15}, /* ㊱ */
    {0x2474, 1, 20},  /* ⑴ */
    {0x2488, 1, 20},  /* ⒈ */
};

/* Which enclosed series cp is in (index into enclosed), or GW_NONE.
 * Circled numbers beyond 20 continue the ① series. */
static size_t enclosed_series(uint32_t cp)
{
    for (size_t i = 0; i < sizeof enclosed / sizeof enclosed[0]; i++)
        if (cp >= enclosed[i].first && cp < enclosed[i].first + (uint32_t)enclosed[i].count)
            return i < 3 ? 0 : i;
    return GW_NONE;
}

static size_t enclosed_char(int series, int n, char *out)
{
    int last = series == 0 ? 2 : series;
    for (int i = series; i <= last; i++)
        if (n >= enclosed[i].from && n < enclosed[i].from + enclosed[i].count)
            return gw_utf8_encode(enclosed[i].first + (uint32_t)(n - enclosed[i].from), out);
    return 0;
}

typedef struct {
    size_t from, to; /* bytes of the ordinal within the marker */
    enum { ORD_NONE, ORD_CN, ORD_ASCII, ORD_WIDE, ORD_ENCLOSED } kind;
    int series;
} ordinal;

static ordinal find_ordinal(const char *s, size_t len)
{
    ordinal o = {0, 0, ORD_NONE, 0};
    size_t i = 0;
    while (i < len) {
        size_t at = i;
        uint32_t cp = gw_next(s, len, &i);
        int v;
        size_t series = enclosed_series(cp);
        int digit = gw_is_digit(cp, &v);
        if (series != GW_NONE) {
            o = (ordinal){at, i, ORD_ENCLOSED, (int)series};
            return o;
        }
        if (!digit && !is_cn_numeral(cp))
            continue;
        o.from = at;
        o.kind = digit ? (cp < 0x80 ? ORD_ASCII : ORD_WIDE) : ORD_CN;
        size_t j = i;
        while (j < len) {
            size_t k = j;
            uint32_t c2 = gw_next(s, len, &k);
            if (digit ? !gw_is_digit(c2, &v) : !is_cn_numeral(c2))
                break;
            j = k;
        }
        o.to = j;
        return o;
    }
    return o;
}

static char *splice(const char *s, const ordinal *o, const char *mid)
{
    size_t len = strlen(s), m = strlen(mid);
    char *out = malloc(len - (o->to - o->from) + m + 1);
    if (!out)
        return NULL;
    memcpy(out, s, o->from);
    memcpy(out + o->from, mid, m);
    strcpy(out + o->from + m, s + o->to);
    return out;
}

char *gw_marker_with(const char *num, int n)
{
    size_t len = strlen(num);
    ordinal o = find_ordinal(num, len);
    char mid[64];
    mid[0] = '\0';
    switch (o.kind) {
    case ORD_NONE: {
        char *out = malloc(24);
        if (out)
            snprintf(out, 24, "%d", n);
        return out;
    }
    case ORD_CN:
        cn_numeral(n, mid, sizeof mid);
        break;
    case ORD_ASCII:
        snprintf(mid, sizeof mid, "%d", n);
        break;
    case ORD_WIDE: {
        char ascii[24];
        size_t m = 0;
        snprintf(ascii, sizeof ascii, "%d", n);
        for (const char *p = ascii; *p && m + 4 < sizeof mid; p++)
            m += *p == '-' ? 0 : gw_utf8_encode(0xFF10 + (uint32_t)(*p - '0'), mid + m);
        mid[m] = '\0';
        break;
    }
    case ORD_ENCLOSED: {
        size_t k = enclosed_char(o.series, n, mid);
        if (k)
            mid[k] = '\0';
        else
            snprintf(mid, sizeof mid, "(%d)", n);
        break;
    }
    }
    return splice(num, &o, mid);
}

char *gw_marker_form(const char *num)
{
    size_t len = strlen(num);
    ordinal o = find_ordinal(num, len);
    const char *mid = o.kind == ORD_CN      ? "#"
                      : o.kind == ORD_ASCII ? "9"
                      : o.kind == ORD_WIDE  ? "９"
                                            : "";
    char enc[8];
    if (o.kind == ORD_ENCLOSED) {
        enc[enclosed_char(o.series, 1, enc)] = '\0';
        mid = enc;
    }
    char *s = o.kind == ORD_NONE ? strdup(num) : splice(num, &o, mid);
    if (!s)
        return NULL;
    /* white space inside a marker (一 、) is layout, not form */
    size_t w = 0, i = 0, n = strlen(s);
    while (i < n) {
        size_t at = i;
        if (!gw_is_space(gw_next(s, n, &i))) {
            memmove(s + w, s + at, i - at);
            w += i - at;
        }
    }
    s[w] = '\0';
    return s;
}

int gw_marker_value(const char *num)
{
    size_t len = strlen(num);
    ordinal o = find_ordinal(num, len);
    int v = 0;
    switch (o.kind) {
    case ORD_NONE:
        return 0;
    case ORD_CN:
        return gw_cn_numeral(num + o.from, o.to - o.from, &v) ? v : 0;
    case ORD_ASCII:
    case ORD_WIDE:
        return gw_arabic_numeral(num + o.from, o.to - o.from, 4, &v) ? v : 0;
    case ORD_ENCLOSED: {
        size_t i = o.from;
        uint32_t cp = gw_next(num, len, &i);
        int last = o.series == 0 ? 2 : o.series;
        for (int s = o.series; s <= last; s++)
            if (cp >= enclosed[s].first && cp < enclosed[s].first + (uint32_t)enclosed[s].count)
                return enclosed[s].from + (int)(cp - enclosed[s].first);
        return 0;
    }
    }
    return 0;
}
