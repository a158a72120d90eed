/* The checker as the public API gives it (gw_checker, gw_check_source,
 * gw_check_document): findings as structs, rules by id, messages in the
 * language asked for and only for the call. */
#include "suites.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

/* one numbering gap: （四） after （二） on line 7, columns 3 to 6 */
static const char gap[] = "一、总则\n\n（一）第一项。正文。\n\n（二）第二项。正文。\n\n"
                          "  （四）第四项。正文。\n";

static gw_diagnostics *check(const gw_checker *ck, const char *s, size_t len)
{
    gw_error err = {0};
    gw_diagnostics *d = gw_check_source(ck, s, len, &err);
    ck_assert_msg(d != NULL, "gw_check_source failed: %s", err.message);
    return d;
}

START_TEST(findings_are_structs)
{
    gw_diagnostics *d = check(NULL, gap, sizeof gap - 1);
    ck_assert_uint_eq(gw_diagnostics_count(d), 1);
    const gw_diagnostic *g = gw_diagnostics_get(d, 0);
    ck_assert_str_eq(g->rule, "numbering-gap");
    ck_assert_int_eq(g->severity, GW_SEV_WARNING);
    ck_assert_uint_eq(g->line, 7);
    ck_assert_uint_eq(g->column, 3);
    ck_assert_uint_eq(g->end_line, 7);
    ck_assert_uint_eq(g->end_column, 6);
    ck_assert_str_eq(g->message, "expected （三）, found （四）");
    ck_assert_ptr_null(gw_diagnostics_get(d, 1));
    gw_diagnostics_free(d);
}
END_TEST

START_TEST(messages_in_the_language_asked_for)
{
    gw_checker *ck = gw_checker_new();
    gw_error err = {0};
    gw_diagnostics *d;
    locale_t zh = newlocale(LC_MESSAGES_MASK, "zh_CN.UTF-8", (locale_t)0);
    if (zh) {
        freelocale(zh);
        ck_assert_int_eq(gw_checker_set_language(ck, "zh", &err), GW_OK);
        d = check(ck, gap, sizeof gap - 1);
        ck_assert_str_eq(gw_diagnostics_get(d, 0)->message, "此处应为（三），实为（四）");
        gw_diagnostics_free(d);
    } else {
        /* a package build without the locale (make deps makes it) */
        ck_assert_int_eq(gw_checker_set_language(ck, "zh", &err), GW_ERR_USAGE);
        fprintf(stderr, "api_check: no zh_CN.UTF-8 locale: only its absence was tested\n");
    }
    /* only for the call: the thread's locale is back, a default check is English */
    ck_assert_ptr_eq(uselocale((locale_t)0), LC_GLOBAL_LOCALE);
    d = check(NULL, gap, sizeof gap - 1);
    ck_assert_str_eq(gw_diagnostics_get(d, 0)->message, "expected （三）, found （四）");
    gw_diagnostics_free(d);
    ck_assert_int_eq(gw_checker_set_language(ck, "en", &err), GW_OK);
    d = check(ck, gap, sizeof gap - 1);
    ck_assert_str_eq(gw_diagnostics_get(d, 0)->message, "expected （三）, found （四）");
    gw_diagnostics_free(d);
    ck_assert_int_eq(gw_checker_set_language(ck, "xx_NOWHERE", &err), GW_ERR_USAGE);
    ck_assert(strstr(err.message, "xx_NOWHERE") != NULL);
    gw_checker_free(ck);
}
END_TEST

START_TEST(rules_by_id)
{
    const char s[] = "一、总则 \n\n正文,内容。\n";
    gw_checker *ck = gw_checker_new();
    gw_error err = {0};
    ck_assert_int_eq(gw_checker_set_rule(ck, "whitespace", 0, &err), GW_OK);
    gw_diagnostics *d = check(ck, s, sizeof s - 1);
    ck_assert_uint_eq(gw_diagnostics_count(d), 1);
    ck_assert_str_eq(gw_diagnostics_get(d, 0)->rule, "punct-halfwidth");
    gw_diagnostics_free(d);
    /* all off, then one on */
    ck_assert_int_eq(gw_checker_set_rule(ck, "all", 0, &err), GW_OK);
    ck_assert_int_eq(gw_checker_set_rule(ck, "whitespace", 1, &err), GW_OK);
    d = check(ck, s, sizeof s - 1);
    ck_assert_uint_eq(gw_diagnostics_count(d), 1);
    ck_assert_str_eq(gw_diagnostics_get(d, 0)->rule, "whitespace");
    ck_assert_int_eq(gw_diagnostics_get(d, 0)->severity, GW_SEV_NOTE);
    gw_diagnostics_free(d);
    ck_assert_int_eq(gw_checker_set_rule(ck, "no-such-rule", 0, &err), GW_ERR_USAGE);
    ck_assert(strstr(err.message, "no-such-rule") != NULL);
    gw_checker_free(ck);
}
END_TEST

START_TEST(rule_table)
{
    size_t n = gw_check_rule_count();
    ck_assert_uint_gt(n, 10);
    int gap_seen = 0;
    for (size_t i = 0; i < n; i++) {
        ck_assert_ptr_nonnull(gw_check_rule_id(i));
        ck_assert_ptr_nonnull(gw_check_rule_description(i));
        gap_seen |= !strcmp(gw_check_rule_id(i), "numbering-gap");
    }
    ck_assert(gap_seen);
    ck_assert_ptr_null(gw_check_rule_id(n));
    ck_assert_ptr_null(gw_check_rule_description(n));
    ck_assert_str_eq(gw_check_severity_name(GW_SEV_ERROR), "error");
    ck_assert_ptr_null(gw_check_severity_name((gw_severity)7));
}
END_TEST

/* A text decoded with replacements: the encoding rule needs the bytes. */
START_TEST(document_check_reads_the_bytes_it_is_given)
{
    const char s[] = "一、总则\n\n正文\377内容。\n";
    gw_decode_options o = {"UTF-8", GW_ERRORS_REPLACE};
    gw_error err = {0};
    gw_text *t = gw_decode_with(s, sizeof s - 1, &o, &err);
    ck_assert_ptr_nonnull(t);
    gw_document *doc = gw_parse(t, NULL, &err);
    ck_assert_ptr_nonnull(doc);
    gw_diagnostics *d = gw_check_document(NULL, t, doc, s, sizeof s - 1, &err);
    ck_assert_ptr_nonnull(d);
    ck_assert_uint_eq(gw_diagnostics_count(d), 1);
    const gw_diagnostic *g = gw_diagnostics_get(d, 0);
    ck_assert_str_eq(g->rule, "encoding");
    ck_assert_int_eq(g->severity, GW_SEV_ERROR);
    ck_assert_uint_eq(g->line, 3);
    ck_assert_uint_eq(g->column, 3);
    ck_assert_str_eq(g->message, "invalid UTF-8 sequence 0xFF (shown as U+FFFD)");
    gw_diagnostics_free(d);
    /* the same findings as a check of the source */
    gw_diagnostics *e = check(NULL, s, sizeof s - 1);
    ck_assert_uint_eq(gw_diagnostics_count(e), 1);
    ck_assert_str_eq(gw_diagnostics_get(e, 0)->message,
                     "invalid UTF-8 sequence 0xFF (shown as U+FFFD)");
    gw_diagnostics_free(e);
    gw_document_free(doc);
    gw_text_free(t);
}
END_TEST

START_TEST(a_source_no_reader_takes_fails)
{
    static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    gw_error err = {0};
    ck_assert_ptr_null(gw_check_source(NULL, png, sizeof png - 1, &err));
    ck_assert_int_eq(err.status, GW_ERR_BAD_SOURCE);
    gw_checker *ck = gw_checker_new();
    ck_assert_int_eq(gw_checker_set_encoding(ck, "NO-SUCH-ENCODING", &err), GW_OK);
    ck_assert_ptr_null(gw_check_source(ck, gap, sizeof gap - 1, &err));
    ck_assert_int_eq(err.status, GW_ERR_UNKNOWN_ENCODING);
    gw_checker_free(ck);
}
END_TEST

Suite *api_check_suite(void)
{
    Suite *s = suite_create("api_check");
    TCase *tc = tcase_create("api_check");
    tcase_add_test(tc, findings_are_structs);
    tcase_add_test(tc, messages_in_the_language_asked_for);
    tcase_add_test(tc, rules_by_id);
    tcase_add_test(tc, rule_table);
    tcase_add_test(tc, document_check_reads_the_bytes_it_is_given);
    tcase_add_test(tc, a_source_no_reader_takes_fails);
    suite_add_tcase(s, tc);
    return s;
}
