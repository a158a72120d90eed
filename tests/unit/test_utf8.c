#include "suites.h"
#include "unicode_tables.h"
#include "utf8.h"

START_TEST(decodes_valid_sequences)
{
    uint32_t cp;
    ck_assert_uint_eq(gw_utf8_decode("A", 1, &cp), 1);
    ck_assert_uint_eq(cp, 'A');
    ck_assert_uint_eq(gw_utf8_decode("\xC3\xA9", 2, &cp), 2);
    ck_assert_uint_eq(cp, 0xE9);
    ck_assert_uint_eq(gw_utf8_decode("一", 3, &cp), 3);
    ck_assert_uint_eq(cp, 0x4E00);
    ck_assert_uint_eq(gw_utf8_decode("\xF0\x9F\x98\x80", 4, &cp), 4);
    ck_assert_uint_eq(cp, 0x1F600);
}
END_TEST

START_TEST(rejects_invalid_sequences)
{
    uint32_t cp;
    ck_assert_uint_eq(gw_utf8_decode("\x80", 1, &cp), 0);             /* stray continuation */
    ck_assert_uint_eq(gw_utf8_decode("\xC0\x80", 2, &cp), 0);         /* overlong NUL */
    ck_assert_uint_eq(gw_utf8_decode("\xE0\x80\x80", 3, &cp), 0);     /* overlong */
    ck_assert_uint_eq(gw_utf8_decode("\xED\xA0\x80", 3, &cp), 0);     /* surrogate */
    ck_assert_uint_eq(gw_utf8_decode("\xF4\x90\x80\x80", 4, &cp), 0); /* > U+10FFFF */
    ck_assert_uint_eq(gw_utf8_decode("\xE4\xB8", 2, &cp), 0);         /* truncated */
    ck_assert_uint_eq(gw_utf8_decode("\xFF", 1, &cp), 0);
}
END_TEST

START_TEST(validate_points_at_first_bad_byte)
{
    ck_assert_uint_eq(gw_utf8_validate("ab一c", 6), 6);
    ck_assert_uint_eq(gw_utf8_validate("ab\xFF一", 6), 2);
    ck_assert_uint_eq(gw_utf8_validate("一\xE4\xB8", 5), 3);
}
END_TEST

START_TEST(radicals_fold_to_ideographs)
{
    ck_assert_uint_eq(gw_radical_ideograph(0x2F00), 0x4E00); /* ⼀ 一 */
    ck_assert_uint_eq(gw_radical_ideograph(0x2EA0), 0x6C11); /* ⺠ 民 */
    ck_assert_uint_eq(gw_radical_ideograph(0x2ED3), 0x957F); /* ⻓ 长 */
    ck_assert_uint_eq(gw_radical_ideograph(0x4E00), 0);
    ck_assert_uint_eq(gw_radical_ideograph(0x201C), 0);
    char *out;
    const char plain[] = "“一、工作”——";
    ck_assert_int_eq(gw_fold_radicals(plain, strlen(plain), &out), 0);
    ck_assert_ptr_null(out);
    const char pdf[] = "“⼀、⼯作”⺠";
    ck_assert_int_eq(gw_fold_radicals(pdf, strlen(pdf), &out), 1);
    ck_assert_int_eq(memcmp(out, "“一、工作”民", strlen(pdf)), 0);
    free(out);
    /* a radical cut at the end is left as it is */
    ck_assert_int_eq(gw_fold_radicals("\xE2\xBC", 2, &out), 0);
}
END_TEST

START_TEST(white_space_classes)
{
    ck_assert(gw_is_space(' '));
    ck_assert(gw_is_space('\t'));
    ck_assert(gw_is_space(0x3000));
    ck_assert(gw_is_space(0xA0));
    ck_assert(gw_is_space(0x1F));
    ck_assert(!gw_is_space(0x4E00));
    ck_assert(!gw_is_space(0x3001));
    ck_assert(!gw_is_space(0));
}
END_TEST

/* gw_is_space answers ASCII without its table: the two must agree */
START_TEST(white_space_is_the_table)
{
    unsigned long wrong = 0;
    uint32_t last = gw_space_ranges[gw_space_ranges_count - 1].last;
    for (uint32_t cp = 0; cp <= last + 0x100; cp++) {
        int in = 0;
        for (size_t k = 0; k < gw_space_ranges_count; k++)
            in |= cp >= gw_space_ranges[k].first && cp <= gw_space_ranges[k].last;
        wrong += gw_is_space(cp) != in;
    }
    ck_assert_uint_eq(wrong, 0);
}
END_TEST

/* The decoder against the definition (RFC 3629), byte by byte, for every
 * lead byte with every pair of following bytes and samples of the fourth. */
static size_t reference_decode(const unsigned char *s, size_t len, uint32_t *cp)
{
    size_t n = s[0] < 0x80 ? 1 : s[0] >> 5 == 6 ? 2 : s[0] >> 4 == 14 ? 3 : s[0] >> 3 == 30 ? 4 : 0;
    if (n == 0 || len < n)
        return 0;
    uint32_t v = n == 1 ? s[0] : s[0] & (0x7F >> n);
    for (size_t k = 1; k < n; k++) {
        if (s[k] >> 6 != 2)
            return 0;
        v = v << 6 | (s[k] & 0x3F);
    }
    static const uint32_t min[] = {0, 0, 0x80, 0x800, 0x10000};
    if (v < min[n] || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return n;
}

START_TEST(decoder_matches_definition)
{
    unsigned char b[4];
    unsigned long wrong = 0, first = 0;
    /* a lead byte below 0xC0 decides alone: one follower pattern is enough */
    for (unsigned x = 0; x < 256 * 256 * 256; x += x >> 16 < 0xC0 ? 256 * 256 : 1) {
        b[0] = (unsigned char)(x >> 16);
        b[1] = (unsigned char)(x >> 8);
        b[2] = (unsigned char)x;
        b[3] = (unsigned char)(0x80 + (x * 7) % 0x50);
        for (size_t len = 1; len <= 4; len++) {
            uint32_t want = 0, got = 0;
            size_t n = reference_decode(b, len, &want);
            if (gw_utf8_decode((const char *)b, len, &got) != n || (n && got != want))
                first = wrong++ ? first : x;
            /* the validator's own three-byte path agrees: a sequence
             * alone is valid exactly when it decodes whole */
            size_t valid = gw_utf8_validate((const char *)b, len);
            if ((n == len && valid != len) || (n == 0 && valid != 0))
                first = wrong++ ? first : x;
        }
    }
    ck_assert_msg(wrong == 0, "%lu sequences decoded wrongly, the first %06lX", wrong, first);
}
END_TEST

START_TEST(counts_and_trims)
{
    const char *s = "　一 二　";
    ck_assert_uint_eq(gw_utf8_count(s, strlen(s)), 5);
    ck_assert_uint_eq(gw_count_nonspace(s, strlen(s)), 2);
    ck_assert_uint_eq(gw_skip_space(s, strlen(s), 0), 3);
    ck_assert_uint_eq(gw_trim_end(s, strlen(s)), strlen("　一 二"));
    char buf[4];
    ck_assert_uint_eq(gw_utf8_encode(0x2401, buf), 3);
    ck_assert(memcmp(buf, "␁", 3) == 0);
}
END_TEST

/* The trims' first-byte and last-character shortcuts, and gw_has_space's
 * steps over bytes, give what walking
 * the characters gives: every string of up to four pieces drawn from
 * white space of each width, Han, ASCII, full-width forms and broken
 * sequences (lone lead and continuation bytes, a surrogate, a truncated
 * character), at every start and length. */
static size_t walked_skip(const char *s, size_t len, size_t i)
{
    while (i < len) {
        size_t j = i;
        if (!gw_is_space(gw_next(s, len, &j)))
            break;
        i = j;
    }
    return i;
}

static size_t walked_trim(const char *s, size_t len)
{
    size_t end = 0, i = 0;
    while (i < len)
        if (!gw_is_space(gw_next(s, len, &i)))
            end = i;
    return end;
}

static int walked_has(const char *s, size_t len)
{
    for (size_t i = 0; i < len;)
        if (gw_is_space(gw_next(s, len, &i)))
            return 1;
    return 0;
}

START_TEST(trims_agree_with_walking)
{
    static const char *const piece[] = {
        " ",    "\t",           "\xC2\xA0",     "\xE1\x9A\x80", "\xE2\x80\x83",     "\xE3\x80\x80",
        "a",    "\xE4\xB8\x80", "\xEF\xBC\x8C", "\xE3\x80\x82", "\xF0\xA0\x80\x80", "\xE4\xB8",
        "\x80", "\xED\xA0\x80", "\xE4",         "\xFF",         "\xC3\xA9"};
    const size_t np = sizeof piece / sizeof piece[0];
    unsigned long wrong = 0;
    char buf[32];
    for (size_t a = 0; a < np; a++)
        for (size_t b = 0; b < np; b++)
            for (size_t c = 0; c < np; c++)
                for (size_t d = 0; d < np; d++) {
                    int n = snprintf(buf, sizeof buf, "%s%s%s%s", piece[a], piece[b], piece[c],
                                     piece[d]);
                    for (size_t i = 0; i <= (size_t)n; i++)
                        for (size_t len = i; len <= (size_t)n; len++) {
                            wrong += gw_skip_space(buf, len, i) != walked_skip(buf, len, i);
                            wrong += gw_trim_end(buf + i, len - i) != walked_trim(buf + i, len - i);
                            wrong += gw_has_space(buf + i, len - i) != walked_has(buf + i, len - i);
                        }
                }
    ck_assert_msg(wrong == 0, "%lu trims differ from walking the characters", wrong);
}
END_TEST

/* gw_utf8_count, eight bytes at a time, counts what a byte at a time
 * counts, for every start and length (words straddling characters). */
START_TEST(count_agrees_with_bytewise)
{
    static const char text[] =
        "a中\xc2\xa9\xf0\x9f\x98\x80，b　一二三四五六七八九十xyz\xf0\x9f\x98\x80é";
    size_t n = sizeof text - 1;
    for (size_t from = 0; from < n; from++) {
        for (size_t len = 0; from + len <= n; len++) {
            size_t want = 0;
            for (size_t i = from; i < from + len; i++)
                want += ((unsigned char)text[i] & 0xC0) != 0x80;
            ck_assert_uint_eq(gw_utf8_count(text + from, len), want);
        }
    }
}
END_TEST

/* The bounded counts answer what the full counts answer, for every bound
 * around each prefix's count: one- to four-byte characters and spaces
 * (ASCII, U+3000) that gw_count_nonspace skips. */
START_TEST(bounded_counts_agree)
{
    static const char text[] = "a　中 b\xc2\xa9\xf0\x9f\x98\x80，\t一二　x  三";
    for (size_t len = 0; len < sizeof text; len++) {
        if (len < sizeof text - 1 && (text[len] & 0xC0) == 0x80)
            continue; /* not a character boundary */
        size_t chars = gw_utf8_count(text, len), solid = gw_count_nonspace(text, len);
        for (size_t max = 0; max <= chars + 2; max++) {
            ck_assert_int_eq(gw_chars_at_most(text, len, max), chars <= max);
            ck_assert_int_eq(gw_nonspace_at_most(text, len, max), solid <= max);
        }
    }
}
END_TEST

START_TEST(xml_forbidden_characters)
{
    ck_assert(gw_is_xml_forbidden(0));
    ck_assert(gw_is_xml_forbidden(1));
    ck_assert(gw_is_xml_forbidden(0xFFFE));
    ck_assert(!gw_is_xml_forbidden('\t'));
    ck_assert(!gw_is_xml_forbidden('\n'));
    ck_assert(!gw_is_xml_forbidden(0x7F));
    ck_assert(!gw_is_xml_forbidden(0x4E00));
}
END_TEST

/* CJK Extension H (Unicode 15) is Han and wide: the hand-written ranges
 * stopped at Extension G. */
START_TEST(extension_h_is_han)
{
    ck_assert(gw_is_han(0x31350)); /* 𱍐, the first of Extension H */
    ck_assert(gw_is_han(0x323AF)); /* the last */
    ck_assert_int_eq(gw_display_width(0x31350), 2);
    ck_assert_int_eq(gw_display_width(0x323AF), 2);
    ck_assert(gw_is_han(0x4E00));
    ck_assert(gw_is_han(0x3007));  /* 〇 */
    ck_assert(!gw_is_han(0x3005)); /* 々 is Han script but no ideograph */
    ck_assert(!gw_is_han(0x2F00)); /* ⼀, a radical */
    ck_assert(!gw_is_han(0x3001));
    ck_assert(!gw_is_han('A'));
}
END_TEST

/* Ambiguous-width punctuation is set at full width in Chinese text. */
START_TEST(chinese_punctuation_is_wide)
{
    ck_assert_int_eq(gw_display_width(0x201C), 2); /* “ */
    ck_assert_int_eq(gw_display_width(0x201D), 2); /* ” */
    ck_assert_int_eq(gw_display_width(0x2014), 2); /* — */
    ck_assert_int_eq(gw_display_width(0x2026), 2); /* … */
    ck_assert_int_eq(gw_display_width(0x00B7), 2); /* · */
    ck_assert_int_eq(gw_display_width(0x3001), 2); /* 、 */
    ck_assert_int_eq(gw_display_width(0xFF0C), 2); /* ， */
    ck_assert_int_eq(gw_display_width('a'), 1);
    ck_assert_int_eq(gw_display_width(' '), 1);
    ck_assert_int_eq(gw_display_width(0xFF61), 1); /* ｡ half-width */
    ck_assert_int_eq(gw_display_width(0x0301), 1); /* a combining mark stays narrow */
}
END_TEST

Suite *utf8_suite(void)
{
    Suite *s = suite_create("utf8");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, decodes_valid_sequences);
    tcase_add_test(tc, rejects_invalid_sequences);
    tcase_add_test(tc, validate_points_at_first_bad_byte);
    tcase_add_test(tc, white_space_classes);
    tcase_add_test(tc, white_space_is_the_table);
    tcase_add_test(tc, decoder_matches_definition);
    tcase_add_test(tc, counts_and_trims);
    tcase_add_test(tc, trims_agree_with_walking);
    tcase_add_test(tc, bounded_counts_agree);
    tcase_add_test(tc, count_agrees_with_bytewise);
    tcase_add_test(tc, xml_forbidden_characters);
    tcase_add_test(tc, extension_h_is_han);
    tcase_add_test(tc, chinese_punctuation_is_wide);
    tcase_add_test(tc, radicals_fold_to_ideographs);
    suite_add_tcase(s, tc);
    return s;
}
