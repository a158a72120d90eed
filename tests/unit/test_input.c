#include "suites.h"

#include <stdlib.h>
#include <string.h>

static gw_error decode_error(const char *s, size_t len)
{
    gw_error err = {0};
    gw_text *t = gw_decode(s, len, &err);
    ck_assert_ptr_null(t);
    ck_assert_int_eq(err.status, GW_ERR_INPUT);
    return err;
}

START_TEST(bom_is_not_a_character)
{
    gw_error err = {0};
    gw_text *t = gw_decode("\xEF\xBB\xBF一、", 9, &err);
    ck_assert_ptr_nonnull(t);
    ck_assert_uint_eq(gw_text_length(t), 6);
    ck_assert_str_eq(gw_text_data(t), "一、");
    ck_assert_str_eq(gw_text_encoding(t), "UTF-8");
    gw_text_free(t);
}
END_TEST

START_TEST(invalid_utf8_has_line_and_column)
{
    /* columns count characters: 一二 then the bad byte is column 3 */
    gw_error e = decode_error("ok\n一二\xFFx\n", 10);
    ck_assert_uint_eq(e.line, 2);
    ck_assert_uint_eq(e.column, 3);
    ck_assert_ptr_nonnull(strstr(e.message, "0xFF"));
}
END_TEST

START_TEST(invalid_utf8_position_follows_line_end_rule)
{
    /* CRLF is one line end, a lone CR is one, \r\r\n is two */
    gw_error e = decode_error("a\r\nb\rc\r\r\n\xC0", 10);
    ck_assert_uint_eq(e.line, 5);
    ck_assert_uint_eq(e.column, 1);
    /* the BOM does not shift columns */
    e = decode_error("\xEF\xBB\xBF"
                     "ab\xFE",
                     6);
    ck_assert_uint_eq(e.line, 1);
    ck_assert_uint_eq(e.column, 3);
}
END_TEST

START_TEST(truncated_sequence_at_end)
{
    gw_error e = decode_error("一\xE4\xB8", 5);
    ck_assert_uint_eq(e.line, 1);
    ck_assert_uint_eq(e.column, 2);
}
END_TEST

START_TEST(empty_input_decodes)
{
    gw_error err = {0};
    gw_text *t = gw_decode("", 0, &err);
    ck_assert_ptr_nonnull(t);
    ck_assert_uint_eq(gw_text_length(t), 0);
    gw_text_free(t);
}
END_TEST

START_TEST(reads_a_stream)
{
    FILE *fp = tmpfile();
    ck_assert_ptr_nonnull(fp);
    for (int i = 0; i < 100000; i++)
        fputs("一", fp);
    rewind(fp);
    char *data;
    size_t len;
    gw_error err = {0};
    ck_assert_int_eq(gw_read_stream(fp, &data, &len, &err), GW_OK);
    ck_assert_uint_eq(len, 300000);
    fclose(fp);
    free(data);
}
END_TEST

Suite *input_suite(void)
{
    Suite *s = suite_create("input");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, bom_is_not_a_character);
    tcase_add_test(tc, invalid_utf8_has_line_and_column);
    tcase_add_test(tc, invalid_utf8_position_follows_line_end_rule);
    tcase_add_test(tc, truncated_sequence_at_end);
    tcase_add_test(tc, empty_input_decodes);
    tcase_add_test(tc, reads_a_stream);
    suite_add_tcase(s, tc);
    return s;
}
