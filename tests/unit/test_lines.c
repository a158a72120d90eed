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

Suite *lines_suite(void)
{
    Suite *s = suite_create("lines");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, every_line_end_form);
    tcase_add_test(tc, cr_cr_lf_is_two_line_ends);
    tcase_add_test(tc, final_line_end_opens_no_line);
    suite_add_tcase(s, tc);
    return s;
}
