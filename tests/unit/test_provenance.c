#include "provenance.h"
#include "suites.h"

#include <string.h>

START_TEST(finds_written_dates)
{
    char d[11];
    ck_assert(gw_find_date("——2024年1月21日在北京市", d));
    ck_assert_str_eq(d, "2024-01-21");
    ck_assert(gw_find_date("2023年工作回顾，2024年12月3日", d)); /* a year alone is no date */
    ck_assert_str_eq(d, "2024-12-03");
    ck_assert(!gw_find_date("12024年1月2日", d)); /* five digits: not a year */
    ck_assert(!gw_find_date("2024年13月2日", d));
    ck_assert(!gw_find_date("2024年1月", d));
    ck_assert(!gw_find_date("年1月2日", d));
}
END_TEST

START_TEST(line_end_styles)
{
    ck_assert_str_eq(gw_line_end_style("a\nb\n", 4), "lf");
    ck_assert_str_eq(gw_line_end_style("a\r\nb\r\n", 6), "crlf");
    ck_assert_str_eq(gw_line_end_style("a\rb\r", 4), "cr");
    ck_assert_str_eq(gw_line_end_style("a\r\nb\n", 5), "mixed");
    ck_assert_str_eq(gw_line_end_style("a\r\r\n", 4), "mixed"); /* \r\r\n is two */
    ck_assert_ptr_null(gw_line_end_style("ab", 2));
}
END_TEST

START_TEST(parse_records_checksum_only_when_given_bytes)
{
    static const char src[] = "一、总则\n正文。\n";
    gw_error err = {0};
    gw_text *t = gw_decode(src, sizeof src - 1, &err);
    ck_assert_ptr_nonnull(t);
    gw_parse_options o = {"a.txt", src, sizeof src - 1, -1};
    gw_document *with = gw_parse_with(t, &o, &err), *without = gw_parse(t, NULL, &err);
    ck_assert_ptr_nonnull(with);
    ck_assert_ptr_nonnull(without);
    xmlNodePtr r1 = xmlDocGetRootElement(gw_document_xml(with));
    xmlNodePtr r2 = xmlDocGetRootElement(gw_document_xml(without));
    xmlChar *size = xmlGetProp(r1, BAD_CAST "size");
    ck_assert_str_eq((char *)size, "23");
    xmlFree(size);
    ck_assert(!xmlHasProp(r2, BAD_CAST "sha256"));
    ck_assert(!xmlHasProp(r2, BAD_CAST "source"));
    ck_assert(!xmlHasProp(r1, BAD_CAST "converted"));
    gw_document_free(with);
    gw_document_free(without);
    gw_text_free(t);
}
END_TEST

Suite *provenance_suite(void)
{
    Suite *s = suite_create("provenance");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, finds_written_dates);
    tcase_add_test(tc, line_end_styles);
    tcase_add_test(tc, parse_records_checksum_only_when_given_bytes);
    suite_add_tcase(s, tc);
    return s;
}
