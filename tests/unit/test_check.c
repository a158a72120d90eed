/* gongwen check: markers written back, the rules on small inputs, the
 * positions they report, and the output formats. */
#include "suites.h"
#include "checker.h"
#include "check_rules.h"

#include <json-c/json.h>
#include <stdlib.h>
#include <string.h>

static void with(const char *num, int n, const char *want)
{
    char *got = gw_marker_with(num, n);
    ck_assert_ptr_nonnull(got);
    ck_assert_msg(!strcmp(got, want), "%s with %d: %s, want %s", num, n, got, want);
    free(got);
}

START_TEST(marker_written_with_another_number)
{
    with("（四）", 3, "（三）");
    with("(四)", 3, "(三)");
    with("第四节", 3, "第三节");
    with("第十二章", 9, "第九章");
    with("第九章", 10, "第十章");
    with("第十章", 21, "第二十一章");
    with("一百零五、", 110, "一百一十、");
    with("三是", 2, "二是");
    with("4.", 3, "3.");
    with("１２．", 9, "９．");
    with("④", 3, "③");
    with("⑳", 21, "㉑");
    with("⑷", 2, "⑵");
    with("专栏2", 1, "专栏1");
    with("——", 2, "2");
    /* thousands: the whole numeral is replaced, in the heading's words */
    with("（一千）", 1, "（一）");
    with("（九千九百九十九）", 1000, "（一千）");
    with("（一）", 1010, "（一千零一十）");
    with("（一）", 2005, "（二千零五）");
    with("（一）", 9999, "（九千九百九十九）");
    ck_assert_int_eq(gw_marker_value("（九千九百九十九）"), 9999);
}
END_TEST

static int same_form(const char *a, const char *b)
{
    char *fa = gw_marker_form(a), *fb = gw_marker_form(b);
    ck_assert_ptr_nonnull(fa);
    ck_assert_ptr_nonnull(fb);
    int same = !strcmp(fa, fb);
    free(fa);
    free(fb);
    return same;
}

START_TEST(marker_forms)
{
    ck_assert(same_form("（一）", "（十二）"));
    ck_assert(same_form("1.", "12."));
    ck_assert(same_form("一、", "二 、"));
    ck_assert(!same_form("（一）", "(二)"));
    ck_assert(!same_form("1.", "2、"));
    ck_assert(!same_form("1.", "２."));
    ck_assert(!same_form("（1）", "⑴"));
    ck_assert_int_eq(gw_marker_value("专栏12"), 12);
    ck_assert_int_eq(gw_marker_value("第二十三章"), 23);
    ck_assert_int_eq(gw_marker_value("⑤"), 5);
    ck_assert_int_eq(gw_marker_value("专栏："), 0);
}
END_TEST

START_TEST(rule_table)
{
    for (int r = 0; r < GW_R_COUNT; r++) {
        ck_assert_int_eq(gw_rule_find(gw_rule_name((gw_rule)r)), r);
        ck_assert(strlen(gw_rule_description((gw_rule)r)) > 0);
        for (int k = 0; k < r; k++)
            ck_assert_str_ne(gw_rule_name((gw_rule)r), gw_rule_name((gw_rule)k));
    }
    ck_assert_int_eq(gw_rule_find("no-such-rule"), GW_R_COUNT);
    ck_assert_int_eq(gw_rule_severity(GW_R_ENCODING), GW_SEV_ERROR);
    ck_assert_int_eq(gw_rule_severity(GW_R_WHITESPACE), GW_SEV_NOTE);
    ck_assert_int_eq(gw_rule_severity(GW_R_NUMBERING_GAP), GW_SEV_WARNING);
}
END_TEST

/* Checks s with all rules but those in disabled (a NULL-terminated list). */
static gw_diags check_str(const char *s, size_t len, const char *const *disabled)
{
    gw_check_options opt;
    memset(&opt, 0, sizeof opt);
    for (; disabled && *disabled; disabled++)
        opt.disabled[gw_rule_find(*disabled)] = 1;
    gw_diags d = {0};
    gw_error err = {0};
    gw_text *t = gw_check_bytes(s, len, &opt, &d, &err);
    ck_assert_msg(t != NULL, "check failed: %s", err.message);
    gw_text_free(t);
    gw_diags_sort(&d);
    return d;
}

static void expect_diag(const gw_diags *d, size_t i, const char *rule, unsigned long line,
                        unsigned long col, unsigned long end_col)
{
    ck_assert_msg(i < d->n, "only %zu diagnostics", d->n);
    const gw_diag *g = &d->v[i];
    ck_assert_msg(!strcmp(g->rule, rule) && g->line == line && g->column == col &&
                      g->end_column == end_col,
                  "diagnostic %zu: %s %lu:%lu-%lu (%s), want %s %lu:%lu-%lu", i, g->rule, g->line,
                  g->column, g->end_column, g->message, rule, line, col, end_col);
}

START_TEST(numbering_positions_and_messages)
{
    const char *s = "一、总则\n\n（一）第一项。正文。\n\n（二）第二项。正文。\n\n"
                    "  （四）第四项。正文。\n";
    gw_diags d = check_str(s, strlen(s), NULL);
    ck_assert_uint_eq(d.n, 1);
    expect_diag(&d, 0, "numbering-gap", 7, 3, 6);
    ck_assert_str_eq(d.v[0].message, "expected （三）, found （四）");
    ck_assert_int_eq(d.v[0].severity, GW_SEV_WARNING);
    gw_diags_free(&d);
}
END_TEST

START_TEST(inferred_heading_is_the_missing_one)
{
    const char *s = "第八章\n\n优化社会治理环境\n\n进一步转变社会治理理念。\n\n加强民主法治建设\n"
                    "坚定不移走中国特色社会主义法治道路。\n\n第二节　建设公正司法环境\n\n"
                    "依托现代信息技术手段。\n";
    const char *const off[] = {"numbering-restart", NULL};
    gw_diags d = check_str(s, strlen(s), off);
    ck_assert_uint_eq(d.n, 2);
    /* 第八章 with no 第一章 before it is a gap too */
    expect_diag(&d, 0, "numbering-gap", 1, 1, 4);
    expect_diag(&d, 1, "numbering-gap", 7, 1, 9);
    ck_assert(strstr(d.v[1].message, "第一节") != NULL);
    gw_diags_free(&d);
}
END_TEST

/* A report whose parts carry no number: no part is a missing one. */
START_TEST(unnumbered_parts_are_no_gap)
{
    const char *s = "2024年工作回顾\n\n2024年是新中国成立75周年，是实现规划目标任务的关键之年。\n\n"
                    "一是稳定态势持续向好。牢固树立总体国家安全观。\n\n"
                    "2025年工作安排\n\n今年是“十四五”规划收官之年，也是承上启下之年。\n\n"
                    "（一）坚决维护社会和谐稳定。扎实推进建设。\n";
    gw_diags d = check_str(s, strlen(s), NULL);
    ck_assert_uint_eq(d.n, 0);
    gw_diags_free(&d);
}
END_TEST

START_TEST(brackets_report_the_opener)
{
    const char *s = "一、总则\n\n贯彻《规划纲要，推动（高质量）发展。\n\n新增就业5万人）。\n";
    gw_diags d = check_str(s, strlen(s), NULL);
    ck_assert_uint_eq(d.n, 2);
    expect_diag(&d, 0, "bracket-unbalanced", 3, 3, 4);
    expect_diag(&d, 1, "bracket-unbalanced", 5, 8, 9);
    gw_diags_free(&d);
}
END_TEST

/* The bracket and punctuation scans pass over bytes, not characters: the
 * columns they report still count characters of every length (𠀀 four
 * bytes, é two), an apostrophe between Latin letters is no quote, and a
 * closer at the very start of a line has nothing before it. */
START_TEST(scans_count_columns_in_characters)
{
    const char *s = "一、总则\n\n正文𠀀é abc China’s 内容（未闭合。\n\n"
                    "𠀀é中文,中文一二三四五六七八九十“引号\n\n’开头（甲）乙）丙\n";
    gw_diags d = check_str(s, strlen(s), NULL);
    ck_assert_uint_eq(d.n, 5);
    expect_diag(&d, 0, "bracket-unbalanced", 3, 20, 21);
    expect_diag(&d, 1, "punct-halfwidth", 5, 5, 6);
    expect_diag(&d, 2, "quote-unbalanced", 5, 18, 19);
    expect_diag(&d, 3, "quote-unbalanced", 7, 1, 2);
    expect_diag(&d, 4, "bracket-unbalanced", 7, 8, 9);
    gw_diags_free(&d);
}
END_TEST

/* gw_check_take lets the read buffer go once the text stands for it, and
 * keeps it when the encoding rule still needs the bytes. */
START_TEST(take_frees_bytes_the_text_stands_for)
{
    gw_check_options opt;
    memset(&opt, 0, sizeof opt);
    const char *const inputs[] = {"一、总则\n\n正文（\n", "一、总则\n\n正\377文（\n"};
    for (int bad = 0; bad < 2; bad++) {
        size_t len = strlen(inputs[bad]);
        char *bytes = malloc(len);
        ck_assert_ptr_nonnull(bytes);
        memcpy(bytes, inputs[bad], len);
        gw_diags d = {0}, want = {0};
        gw_error err = {0};
        gw_text *t = gw_check_take(&bytes, len, &opt, &d, &err);
        ck_assert_ptr_nonnull(t);
        ck_assert_int_eq(bytes == NULL, !bad);
        gw_text *u = gw_check_bytes(inputs[bad], len, &opt, &want, &err);
        ck_assert_ptr_nonnull(u);
        gw_diags_sort(&d);
        gw_diags_sort(&want);
        ck_assert_uint_eq(d.n, want.n);
        ck_assert_uint_eq(d.n, bad ? 2 : 1);
        for (size_t i = 0; i < d.n; i++)
            expect_diag(&d, i, want.v[i].rule, want.v[i].line, want.v[i].column,
                        want.v[i].end_column);
        free(bytes);
        gw_text_free(t);
        gw_text_free(u);
        gw_diags_free(&d);
        gw_diags_free(&want);
    }
}
END_TEST

/* gw_check_bytes takes where paragraphs start and markers end from what
 * the parse recorded (gw_parse_marked); gw_check_parsed reads them from
 * the tree. Both find the same, here on text made of headings, markers,
 * page lines, brackets and wrapped lines in every arrangement a fixed
 * generator gives. */
START_TEST(recorded_marks_match_the_tree)
{
    static const char *const pieces[] = {
        "一、", "（一）", "1.",     "（1）",      "①",    "第一章", "第二节", "专栏1",
        "一是", "——",     "",       "　　",       "  ",   "\t",     "第1页",  "- 2 -",
        "（",   "）",     "“",      "”",          "表1 ", "注：",   "［1］",  "发展",
        "改革", "2024年", "12.5%,", "项目\t数量", "1)",   "(2)"};
    const size_t npieces = sizeof pieces / sizeof pieces[0];
    unsigned long seed = 12345;
    size_t cap = 1 << 16, len = 0;
    char *s = malloc(cap);
    ck_assert_ptr_nonnull(s);
    for (int line = 0; line < 800; line++) {
        seed = seed * 6364136223846793005UL + 1442695040888963407UL;
        int n = (int)((seed >> 33) % 9);
        for (int k = 0; k < n; k++) {
            seed = seed * 6364136223846793005UL + 1442695040888963407UL;
            const char *p = pieces[(seed >> 33) % npieces];
            ck_assert(len + strlen(p) + 2 < cap);
            memcpy(s + len, p, strlen(p));
            len += strlen(p);
        }
        s[len++] = '\n';
    }
    gw_diags got = check_str(s, len, NULL), want = {0};
    gw_check_options opt;
    memset(&opt, 0, sizeof opt);
    gw_error err = {0};
    gw_text *t = gw_decode(s, len, &err);
    ck_assert_ptr_nonnull(t);
    gw_document *doc = gw_parse(t, NULL, &err);
    ck_assert_ptr_nonnull(doc);
    ck_assert_int_eq(gw_check_parsed(s, len, t, doc, &opt, &want, &err), GW_OK);
    gw_diags_sort(&want);
    ck_assert_uint_gt(want.n, 100);
    ck_assert_uint_eq(got.n, want.n);
    for (size_t i = 0; i < got.n; i++) {
        expect_diag(&got, i, want.v[i].rule, want.v[i].line, want.v[i].column,
                    want.v[i].end_column);
        ck_assert_str_eq(got.v[i].message, want.v[i].message);
    }
    gw_diags_free(&got);
    gw_diags_free(&want);
    gw_document_free(doc);
    gw_text_free(t);
    free(s);
}
END_TEST

START_TEST(every_invalid_sequence_with_its_position)
{
    /* two on one line, one after a lone CR, one after CRLF */
    const char s[] = "一、总则\n\n正文\377内容\344\270字\r错\200误\r\n又\300。\n";
    gw_diags d = check_str(s, sizeof s - 1, NULL);
    ck_assert_uint_eq(d.n, 4);
    expect_diag(&d, 0, "encoding", 3, 3, 4);
    expect_diag(&d, 1, "encoding", 3, 6, 7);
    expect_diag(&d, 2, "encoding", 4, 2, 3);
    expect_diag(&d, 3, "encoding", 5, 2, 3);
    ck_assert_int_eq(d.v[0].severity, GW_SEV_ERROR);
    ck_assert_str_eq(d.v[1].message, "invalid UTF-8 sequence 0xE4 0xB8 (shown as U+FFFD)");
    gw_diags_free(&d);
}
END_TEST

START_TEST(disabled_rules_stay_silent)
{
    const char *s = "一、总则 \n\n正文,内容。\n";
    const char *const off[] = {"whitespace", "punct-halfwidth", NULL};
    gw_diags d = check_str(s, strlen(s), NULL);
    ck_assert_uint_eq(d.n, 2);
    expect_diag(&d, 0, "whitespace", 1, 5, 6);
    expect_diag(&d, 1, "punct-halfwidth", 3, 3, 4);
    gw_diags_free(&d);
    d = check_str(s, strlen(s), off);
    ck_assert_uint_eq(d.n, 0);
    gw_diags_free(&d);
}
END_TEST

START_TEST(sort_is_stable)
{
    gw_diags d = {0};
    gw_diags_add(&d, "b", GW_SEV_NOTE, 2, 1, 2, 2, "second");
    gw_diags_add(&d, "a", GW_SEV_NOTE, 1, 5, 1, 6, "first");
    gw_diags_add(&d, "c", GW_SEV_NOTE, 2, 1, 2, 2, "third");
    gw_diags_sort(&d);
    ck_assert_str_eq(d.v[0].message, "first");
    ck_assert_str_eq(d.v[1].message, "second");
    ck_assert_str_eq(d.v[2].message, "third");
    gw_diags_free(&d);
}
END_TEST

/* With max set, the kept are the first max by position (ties in the
 * order of addition) of what an unlimited list holds, whatever the order
 * they came in; the rest are counted by severity and the first of them
 * placed. Pseudo-random positions with many ties, for several max. */
START_TEST(cap_keeps_the_first_by_position)
{
    const size_t sizes[] = {1, 2, 7, 64, 499, 500, 501};
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        gw_diags all = {0}, cap = {.max = sizes[s]};
        unsigned long x = 12345;
        for (int i = 0; i < 500; i++) {
            x = x * 1103515245 + 12345;
            unsigned long line = 1 + (x >> 16) % 40, col = 1 + (x >> 8) % 3;
            gw_severity sev = (gw_severity)((x >> 4) % 3);
            gw_diags_add(&all, "r", sev, line, col, line, col + 1, "%d", i);
            gw_diags_add(&cap, "r", sev, line, col, line, col + 1, "%d", i);
        }
        gw_diags_sort(&all);
        gw_diags_sort(&cap);
        size_t kept = sizes[s] < all.n ? sizes[s] : all.n;
        ck_assert_uint_eq(cap.n, kept);
        ck_assert_uint_eq(gw_diags_omitted(&cap), all.n - kept);
        size_t by_sev[3] = {0, 0, 0};
        for (size_t i = 0; i < all.n; i++) {
            if (i < kept)
                ck_assert_str_eq(cap.v[i].message, all.v[i].message);
            else
                by_sev[all.v[i].severity]++;
        }
        for (int k = 0; k < 3; k++)
            ck_assert_uint_eq(cap.omitted[k], by_sev[k]);
        gw_diag note;
        ck_assert_int_eq(gw_diags_omitted_note(&cap, &note), kept < all.n);
        if (kept < all.n) {
            ck_assert_uint_eq(note.line, all.v[kept].line);
            ck_assert_uint_eq(note.column, all.v[kept].column);
            ck_assert_uint_eq(note.end_column, all.v[kept].end_column);
            ck_assert_int_eq(note.severity, GW_SEV_NOTE);
            ck_assert_str_eq(note.rule, GW_OMITTED_RULE);
            ck_assert_ptr_nonnull(strstr(note.message, "more finding"));
            free(note.message);
        }
        gw_diags_free(&all);
        gw_diags_free(&cap);
    }
}
END_TEST

/* Output of a format into a string (malloc'ed). */
static char *render(int which, const gw_diag_file *f)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    ck_assert_ptr_nonnull(fp);
    if (which == 0)
        gw_diag_print_text(fp, f, 0, 0);
    else if (which == 1)
        ck_assert_int_eq(gw_diag_print_json(fp, f, 1), GW_OK);
    else
        ck_assert_int_eq(gw_diag_print_sarif(fp, f, 1), GW_OK);
    fclose(fp);
    return buf;
}

START_TEST(caret_under_wide_characters)
{
    const char *text = "一、总则\n\t序  言\n";
    gw_diags d = {0};
    gw_diags_add(&d, "whitespace", GW_SEV_NOTE, 2, 3, 2, 5, "white space");
    gw_diag_file f = {"x.txt", text, strlen(text), &d};
    char *out = render(0, &f);
    ck_assert_str_eq(out, "x.txt:2:3: note: white space [whitespace]\n"
                          "    2 | \t序  言\n"
                          "      | \t  ^~\n");
    free(out);
    gw_diags_free(&d);
}
END_TEST

START_TEST(json_and_sarif_parse)
{
    gw_diags d = {0};
    gw_diags_add(&d, "numbering-gap", GW_SEV_WARNING, 7, 3, 7, 6, "expected %s, found %s", "（三）",
                 "\"（四）\"");
    gw_diag_file f = {"dir/报告 1.txt", NULL, 0, &d};
    char *out = render(1, &f);
    json_object *arr = json_tokener_parse(out);
    ck_assert_ptr_nonnull(arr);
    ck_assert_int_eq(json_object_array_length(arr), 1);
    json_object *o = json_object_array_get_idx(arr, 0), *v;
    ck_assert(json_object_object_get_ex(o, "message", &v));
    ck_assert_str_eq(json_object_get_string(v), "expected （三）, found \"（四）\"");
    ck_assert(json_object_object_get_ex(o, "endColumn", &v));
    ck_assert_int_eq(json_object_get_int(v), 6);
    json_object_put(arr);
    free(out);
    out = render(2, &f);
    json_object *log = json_tokener_parse(out);
    ck_assert_ptr_nonnull(log);
    ck_assert(json_object_object_get_ex(log, "version", &v));
    ck_assert_str_eq(json_object_get_string(v), "2.1.0");
    ck_assert(strstr(out, "\"uri\": \"dir/%E6%8A%A5%E5%91%8A%201.txt\"") != NULL);
    ck_assert(strstr(out, "\"ruleIndex\": 0") != NULL);
    json_object_put(log);
    free(out);
    gw_diags_free(&d);
}
END_TEST

Suite *check_suite(void)
{
    Suite *s = suite_create("check");
    TCase *tc = tcase_create("check");
    tcase_add_test(tc, marker_written_with_another_number);
    tcase_add_test(tc, marker_forms);
    tcase_add_test(tc, rule_table);
    tcase_add_test(tc, numbering_positions_and_messages);
    tcase_add_test(tc, inferred_heading_is_the_missing_one);
    tcase_add_test(tc, unnumbered_parts_are_no_gap);
    tcase_add_test(tc, brackets_report_the_opener);
    tcase_add_test(tc, scans_count_columns_in_characters);
    tcase_add_test(tc, take_frees_bytes_the_text_stands_for);
    tcase_add_test(tc, recorded_marks_match_the_tree);
    tcase_add_test(tc, every_invalid_sequence_with_its_position);
    tcase_add_test(tc, disabled_rules_stay_silent);
    tcase_add_test(tc, sort_is_stable);
    tcase_add_test(tc, cap_keeps_the_first_by_position);
    tcase_add_test(tc, caret_under_wide_characters);
    tcase_add_test(tc, json_and_sarif_parse);
    suite_add_tcase(s, tc);
    return s;
}
