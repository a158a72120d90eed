#include "suites.h"

#include <stdlib.h>
#include <string.h>

static gw_error decode_error(const char *s, size_t len)
{
    gw_error err = {0};
    gw_text *t = gw_decode(s, len, &err);
    ck_assert_ptr_null(t);
    ck_assert_int_eq(err.status, GW_ERR_INVALID_BYTE);
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

/* 一、总则 in GB18030 */
#define GB_LINE "\xD2\xBB\xA1\xA2\xD7\xDC\xD4\xF2"

static gw_text *decode_opts(const char *s, size_t len, const char *enc, gw_errors_mode mode)
{
    gw_decode_options o = {enc, mode};
    gw_error err = {0};
    gw_text *t = gw_decode_with(s, len, &o, &err);
    ck_assert_msg(t != NULL, "decode failed: %s", err.message);
    return t;
}

START_TEST(gb18030_is_detected)
{
    gw_text *t = decode_opts(GB_LINE "\n", 9, NULL, GW_ERRORS_STRICT);
    ck_assert_str_eq(gw_text_data(t), "一、总则\n");
    ck_assert_str_eq(gw_text_encoding(t), "GB18030");
    gw_text_free(t);
}
END_TEST

/* Big5 bytes decode as GB18030 too, into rare characters: the reading
 * that has the common characters in their share wins. */
START_TEST(big5_is_detected)
{
    static const char big5[] =
        "\xB9\x4C\xA5\x68\xA4\x40\xA6\x7E\xA1\x41\xA5\xFE\xA5\xAB\xB8\x67\xC0\xD9\xB9\x42\xA6\xE6"
        "\xC3\xAD"
        "\xA4\xA4\xA6\x56\xA6\x6E\xA1\x41\xA6\x61\xB0\xCF\xA5\xCD\xB2\xA3\xC1\x60\xAD\xC8\xBC\x57"
        "\xAA\xF8"
        "\xA1\x43\xA7\xDA\xAD\xCC\xB0\xED\xAB\xF9\xC3\xAD\xA4\xA4\xA8\x44\xB6\x69\xA4\x75\xA7\x40"
        "\xC1\x60"
        "\xB0\xF2\xBD\xD5\xA1\x41\xB1\xC0\xB0\xCA\xB0\xAA\xBD\xE8\xB6\x71\xB5\x6F\xAE\x69\xA1\x41"
        "\xA6\x55"
        "\xB6\xB5\xA8\xC6\xB7\x7E\xA8\xFA\xB1\x6F\xB7\x73\xB6\x69\xAE\x69\xA1\x43\x0A";
    gw_text *t = decode_opts(big5, sizeof big5 - 1, NULL, GW_ERRORS_STRICT);
    ck_assert_str_eq(gw_text_encoding(t), "BIG5");
    ck_assert_str_eq(gw_text_data(t), "過去一年，全市經濟運行穩中向好，地區生產總值增長。我們堅持穩"
                                      "中求進工作總基調，推動高質量發展，各項事業取得新進展。\n");
    ck_assert_uint_eq(gw_text_warning_count(t), 0);
    gw_text_free(t);
}
END_TEST

/* A detected decoding into private-use code points (GBK's user-defined
 * area) is no Chinese text: a warning names --encoding. */
START_TEST(implausible_decoding_warns)
{
    char bytes[200];
    for (size_t i = 0; i < 100; i++) {
        bytes[2 * i] = (char)0xAA;
        bytes[2 * i + 1] = (char)(0xA1 + i % 50);
    }
    gw_text *t = decode_opts(bytes, sizeof bytes, NULL, GW_ERRORS_STRICT);
    ck_assert_str_eq(gw_text_encoding(t), "GB18030");
    ck_assert_uint_eq(gw_text_warning_count(t), 1);
    ck_assert_ptr_nonnull(strstr(gw_text_warning(t, 0)->message, "--encoding"));
    gw_text_free(t);
    /* real GB18030 text draws no warning */
    t = decode_opts("\xD5\xFE\xB8\xAE\xB9\xA4\xD7\xF7\xB1\xA8\xB8\xE6", 12, NULL, GW_ERRORS_STRICT);
    ck_assert_uint_eq(gw_text_warning_count(t), 0);
    gw_text_free(t);
}
END_TEST

START_TEST(valid_utf8_wins_over_gb18030)
{
    gw_text *t = decode_opts("一、总则", strlen("一、总则"), NULL, GW_ERRORS_STRICT);
    ck_assert_str_eq(gw_text_encoding(t), "UTF-8");
    gw_text_free(t);
}
END_TEST

START_TEST(gb18030_error_position)
{
    /* line 2: 总 then a byte no GB18030 sequence starts with */
    gw_error e = decode_error(GB_LINE "\n\xD7\xDC\xFF", 12);
    ck_assert_uint_eq(e.line, 2);
    ck_assert_uint_eq(e.column, 2);
    ck_assert_ptr_nonnull(strstr(e.message, "GB18030"));
}
END_TEST

START_TEST(utf16_and_utf32_by_bom)
{
    gw_text *t = decode_opts("\xFF\xFE\x00\x4E\x0A\x00", 6, NULL, GW_ERRORS_STRICT);
    ck_assert_str_eq(gw_text_data(t), "一\n");
    ck_assert_str_eq(gw_text_encoding(t), "UTF-16LE");
    gw_text_free(t);
    t = decode_opts("\xFE\xFF\x4E\x00", 4, NULL, GW_ERRORS_STRICT);
    ck_assert_str_eq(gw_text_data(t), "一");
    gw_text_free(t);
    t = decode_opts("\xFF\xFE\x00\x00\x00\x4E\x00\x00", 8, NULL, GW_ERRORS_STRICT);
    ck_assert_str_eq(gw_text_data(t), "一");
    ck_assert_str_eq(gw_text_encoding(t), "UTF-32LE");
    gw_text_free(t);
}
END_TEST

START_TEST(encoding_given_overrides_detection)
{
    gw_text *t = decode_opts(GB_LINE, 8, "GBK", GW_ERRORS_STRICT);
    ck_assert_str_eq(gw_text_data(t), "一、总则");
    ck_assert_str_eq(gw_text_encoding(t), "GBK");
    gw_text_free(t);
    gw_decode_options o = {"no-such-encoding", GW_ERRORS_STRICT};
    gw_error err = {0};
    ck_assert_ptr_null(gw_decode_with("a", 1, &o, &err));
    ck_assert_int_eq(err.status, GW_ERR_UNKNOWN_ENCODING);
}
END_TEST

START_TEST(replace_mode_warns_once_per_line)
{
    gw_text *t = decode_opts("a\xFF\xFE\xFF"
                             "b\nc\xFF\n",
                             9, "UTF-8", GW_ERRORS_REPLACE);
    ck_assert_str_eq(gw_text_data(t), "a\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"
                                      "b\nc\xEF\xBF\xBD\n");
    ck_assert_uint_eq(gw_text_warning_count(t), 2);
    ck_assert_uint_eq(gw_text_warning(t, 0)->line, 1);
    ck_assert_uint_eq(gw_text_warning(t, 0)->column, 2);
    ck_assert_uint_eq(gw_text_warning(t, 1)->line, 2);
    gw_text_free(t);
    t = decode_opts(GB_LINE "\xFF", 9, "GB18030", GW_ERRORS_REPLACE);
    ck_assert_str_eq(gw_text_data(t), "一、总则\xEF\xBF\xBD");
    ck_assert_uint_eq(gw_text_warning_count(t), 1);
    gw_text_free(t);
}
END_TEST

/* Warnings far apart and after every kind of line end; the later inputs
 * are tried as GB18030 first, which fails, so the text is decoded twice. */
START_TEST(replace_positions_follow_line_ends)
{
    gw_text *t =
        decode_opts("\xFF\r\xFF\r\n a\xFF\n\n\xFF\r\r\n\xFF", 15, "UTF-8", GW_ERRORS_REPLACE);
    static const unsigned long want[][2] = {{1, 1}, {2, 1}, {3, 3}, {5, 1}, {7, 1}};
    ck_assert_uint_eq(gw_text_warning_count(t), 5);
    for (size_t i = 0; i < 5; i++) {
        ck_assert_uint_eq(gw_text_warning(t, i)->line, want[i][0]);
        ck_assert_uint_eq(gw_text_warning(t, i)->column, want[i][1]);
    }
    gw_text_free(t);
    t = decode_opts("\n\n\xD6\xD0\xFF\xFF\n\xFF", 8, NULL, GW_ERRORS_REPLACE);
    ck_assert_str_eq(gw_text_encoding(t), "GB18030");
    ck_assert_uint_eq(gw_text_warning_count(t), 2);
    ck_assert_uint_eq(gw_text_warning(t, 0)->line, 3);
    ck_assert_uint_eq(gw_text_warning(t, 0)->column, 2);
    ck_assert_uint_eq(gw_text_warning(t, 1)->line, 4);
    gw_text_free(t);
    /* as GB18030 these bytes are three characters, as UTF-8 two (中中):
     * UTF-8 wins the tie, and its column is counted afresh */
    t = decode_opts("\xE4\xB8\xAD\xE4\xB8\xAD\xFF", 7, NULL, GW_ERRORS_REPLACE);
    ck_assert_str_eq(gw_text_encoding(t), "UTF-8");
    ck_assert_uint_eq(gw_text_warning(t, 0)->column, 3);
    gw_text_free(t);
}
END_TEST

/* Every status has a name and a description, and the exit codes are the
 * README's: 1 for the document's or stylesheet's faults, 2 for the rest. */
START_TEST(statuses_are_named_and_mapped)
{
    for (int i = 0; i < GW_STATUS_COUNT; i++) {
        ck_assert_str_ne(gw_status_name((gw_status)i), "GW_ERR_UNKNOWN");
        ck_assert_str_ne(gw_status_string((gw_status)i), "unknown status");
    }
    ck_assert_str_eq(gw_status_name(GW_ERR_NOMEM), "GW_ERR_NOMEM");
    ck_assert_str_eq(gw_status_string(GW_ERR_UNKNOWN_ENCODING), "unknown encoding");
    ck_assert_str_eq(gw_status_name(GW_STATUS_COUNT), "GW_ERR_UNKNOWN");
    ck_assert_int_eq(gw_status_exit(GW_OK), 0);
    ck_assert_int_eq(gw_status_exit(GW_ERR_INVALID_BYTE), 1);
    ck_assert_int_eq(gw_status_exit(GW_ERR_BAD_STYLESHEET), 1);
    ck_assert_int_eq(gw_status_exit(GW_ERR_STYLESHEET_FAILED), 1);
    ck_assert_int_eq(gw_status_exit(GW_ERR_UNKNOWN_ENCODING), 2);
    ck_assert_int_eq(gw_status_exit(GW_ERR_UNKNOWN_FORMAT), 2);
    ck_assert_int_eq(gw_status_exit(GW_ERR_NOMEM), 2);
    ck_assert_int_eq(gw_status_exit(GW_ERR_IO), 2);
    ck_assert_int_eq(gw_status_exit(GW_ERR_USAGE), 2);
    gw_error err = {0};
    ck_assert_int_eq(gw_fail_nomem(&err), GW_ERR_NOMEM);
    ck_assert_str_eq(err.message, "out of memory");
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
    tcase_add_test(tc, gb18030_is_detected);
    tcase_add_test(tc, big5_is_detected);
    tcase_add_test(tc, implausible_decoding_warns);
    tcase_add_test(tc, valid_utf8_wins_over_gb18030);
    tcase_add_test(tc, gb18030_error_position);
    tcase_add_test(tc, utf16_and_utf32_by_bom);
    tcase_add_test(tc, encoding_given_overrides_detection);
    tcase_add_test(tc, replace_mode_warns_once_per_line);
    tcase_add_test(tc, replace_positions_follow_line_ends);
    tcase_add_test(tc, statuses_are_named_and_mapped);
    suite_add_tcase(s, tc);
    return s;
}
