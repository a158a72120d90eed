/* Numerals as official texts write them. */
#ifndef GW_NUMERAL_H
#define GW_NUMERAL_H

#include <stddef.h>

/* A Chinese numeral at s: 一…九, 十, 百, 千, with 〇/零 and 两 (一百零五,
 * 二十, 十一, 九十九; digit-by-digit forms such as 二〇三五 too). Returns the
 * bytes consumed and the value in *v, or 0 when s does not start with one. */
size_t gw_cn_numeral(const char *s, size_t len, int *v);

/* ASCII or full-width decimal digits, at most maxdigits of them (a longer run
 * is not a match). Returns the bytes consumed and the value in *v, or 0. */
size_t gw_arabic_numeral(const char *s, size_t len, int maxdigits, int *v);

#endif
