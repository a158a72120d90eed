#include "suites.h"
#include "numeral.h"

#include <string.h>

static int cn(const char *s)
{
    int v = -1;
    size_t n = gw_cn_numeral(s, strlen(s), &v);
    return n ? v : -1;
}

START_TEST(chinese_numerals)
{
    ck_assert_int_eq(cn("一"), 1);
    ck_assert_int_eq(cn("九"), 9);
    ck_assert_int_eq(cn("十"), 10);
    ck_assert_int_eq(cn("十一"), 11);
    ck_assert_int_eq(cn("二十"), 20);
    ck_assert_int_eq(cn("二十三"), 23);
    ck_assert_int_eq(cn("九十九"), 99);
    ck_assert_int_eq(cn("一百"), 100);
    ck_assert_int_eq(cn("一百零五"), 105);
    ck_assert_int_eq(cn("两"), 2);
    ck_assert_int_eq(cn("〇"), 0);
    ck_assert_int_eq(cn("二〇三五"), 2035);
    ck_assert_int_eq(cn("三是"), 3);
    ck_assert_int_eq(cn("是"), -1);
    ck_assert_int_eq(cn(""), -1);
}
END_TEST

START_TEST(numeral_stops_at_other_text)
{
    int v;
    ck_assert_uint_eq(gw_cn_numeral("十二、", strlen("十二、"), &v), strlen("十二"));
    ck_assert_int_eq(v, 12);
}
END_TEST

START_TEST(arabic_numerals)
{
    int v = 0;
    ck_assert_uint_eq(gw_arabic_numeral("12.", 3, 3, &v), 2);
    ck_assert_int_eq(v, 12);
    ck_assert_uint_eq(gw_arabic_numeral("１２．", strlen("１２．"), 3, &v), 6);
    ck_assert_int_eq(v, 12);
    ck_assert_uint_eq(gw_arabic_numeral("2024年", strlen("2024年"), 3, &v), 0);
    ck_assert_uint_eq(gw_arabic_numeral("x", 1, 3, &v), 0);
}
END_TEST

Suite *numeral_suite(void)
{
    Suite *s = suite_create("numeral");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, chinese_numerals);
    tcase_add_test(tc, numeral_stops_at_other_text);
    tcase_add_test(tc, arabic_numerals);
    suite_add_tcase(s, tc);
    return s;
}
