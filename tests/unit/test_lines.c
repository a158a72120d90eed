#include "suites.h"
#include "lines.h"

#include <string.h>

static gw_lines split(const char *s)
{
    gw_lines l;
    ck_assert_int_eq(gw_lines_split(s, strlen(s), &l), GW_OK);
    return l;
}

static void expect_line(const gw_lines *l, size_t i, const char *text)
{
    ck_assert_uint_lt(i, l->n);
    ck_assert_uint_eq(l->v[i].len, strlen(text));
    ck_assert(memcmp(l->v[i].s, text, l->v[i].len) == 0);
}

START_TEST(every_line_end_form)
{
    gw_lines l = split("a\nb\r\nc\rd");
    ck_assert_uint_eq(l.n, 4);
    expect_line(&l, 0, "a");
    expect_line(&l, 1, "b");
    expect_line(&l, 2, "c");
    expect_line(&l, 3, "d");
    gw_lines_free(&l);
}
END_TEST

START_TEST(cr_cr_lf_is_two_line_ends)
{
    gw_lines l = split("a\r\r\nb\n");
    ck_assert_uint_eq(l.n, 3);
    expect_line(&l, 0, "a");
    expect_line(&l, 1, "");
    expect_line(&l, 2, "b");
    gw_lines_free(&l);
}
END_TEST

START_TEST(final_line_end_opens_no_line)
{
    gw_lines l = split("a\n");
    ck_assert_uint_eq(l.n, 1);
    gw_lines_free(&l);
    l = split("a\n\n");
    ck_assert_uint_eq(l.n, 2);
    gw_lines_free(&l);
    l = split("");
    ck_assert_uint_eq(l.n, 0);
    gw_lines_free(&l);
    l = split("\r");
    ck_assert_uint_eq(l.n, 1);
    gw_lines_free(&l);
}
END_TEST

/* The word-at-a-time scan finds what a byte loop finds: a break (LF, CR
 * or neither) at every offset of a 40-byte run from every start, among
 * bytes that differ from LF and CR in one bit and UTF-8 lead bytes. */
START_TEST(line_break_finds_the_first_lf_or_cr)
{
    static const char fill[] = "\x0b\x0c\x09\x8a\x8d\xe4\xb8\x80x";
    for (int kind = 0; kind < 3; kind++)
        for (size_t at = 0; at < 40; at++)
            for (size_t from = 0; from <= 40; from++) {
                char t[40];
                for (size_t i = 0; i < sizeof t; i++)
                    t[i] = fill[(i * 7 + at) % (sizeof fill - 1)];
                if (kind < 2)
                    t[at] = kind ? '\r' : '\n';
                size_t want = from;
                while (want < sizeof t && t[want] != '\n' && t[want] != '\r')
                    want++;
                ck_assert_uint_eq(gw_line_break(t, sizeof t, from), want);
            }
}
END_TEST

Suite *lines_suite(void)
{
    Suite *s = suite_create("lines");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, every_line_end_form);
    tcase_add_test(tc, cr_cr_lf_is_two_line_ends);
    tcase_add_test(tc, final_line_end_opens_no_line);
    tcase_add_test(tc, line_break_finds_the_first_lf_or_cr);
    suite_add_tcase(s, tc);
    return s;
}
