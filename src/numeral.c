#include "numeral.h"
#include "utf8.h"

/* Whether cp is a Chinese digit, its value in *v; units set *unit to 10,
 * 100, 1000 (0 for a digit). As gw_is_digit. */
static int cn_digit(uint32_t cp, int *v, int *unit)
{
    static const struct {
        uint32_t cp;
        int v, unit;
    } tab[] = {
        {0x3007, 0, 0},    /* 〇 */
        {0x96F6, 0, 0},    /* 零 */
        {0x4E00, 1, 0},    /* 一 */
        {0x4E8C, 2, 0},    /* 二 */
        {0x4E24, 2, 0},    /* 两 */
        {0x4E09, 3, 0},    /* 三 */
        {0x56DB, 4, 0},    /* 四 */
        {0x4E94, 5, 0},    /* 五 */
        {0x516D, 6, 0},    /* 六 */
        {0x4E03, 7, 0},    /* 七 */
        {0x516B, 8, 0},    /* 八 */
        {0x4E5D, 9, 0},    /* 九 */
        {0x5341, 0, 10},   /* 十 */
        {0x767E, 0, 100},  /* 百 */
        {0x5343, 0, 1000}, /* 千 */
    };
    for (size_t i = 0; i < sizeof tab / sizeof tab[0]; i++) {
        if (tab[i].cp == cp) {
            *unit = tab[i].unit;
            *v = tab[i].v;
            return 1;
        }
    }
    return 0;
}

size_t gw_cn_numeral(const char *s, size_t len, int *v)
{
    size_t i = 0, end = 0;
    int total = 0, cur = 0, digits = 0, units = 0, positional = 0;
    while (i < len && digits + units < 8) {
        size_t j = i;
        int d, unit;
        if (!cn_digit(gw_next(s, len, &j), &d, &unit))
            break;
        if (unit) {
            if (cur == 0 && unit == 10 && total == 0)
                cur = 1; /* 十一 = 11 */
            total += cur * unit;
            cur = 0;
            units++;
        } else {
            positional = positional * 10 + d;
            cur = d;
            digits++;
        }
        i = j;
        end = i;
    }
    if (end == 0)
        return 0;
    *v = (units == 0 && digits > 1) ? positional : total + cur;
    return end;
}

size_t gw_arabic_numeral(const char *s, size_t len, int maxdigits, int *v)
{
    size_t i = 0;
    int n = 0, val = 0, d;
    while (i < len) {
        size_t j = i;
        if (!gw_is_digit(gw_next(s, len, &j), &d))
            break;
        if (++n > maxdigits)
            return 0;
        val = val * 10 + d;
        i = j;
    }
    if (n == 0)
        return 0;
    *v = val;
    return i;
}
