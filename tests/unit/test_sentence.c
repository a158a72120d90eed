#include "suites.h"
#include "sentence.h"

#include <string.h>

static void expect_title(const char *s, const char *first)
{
    size_t e = gw_sentence_end(s, strlen(s));
    ck_assert_msg(e == strlen(first) && memcmp(s, first, e) == 0, "%s: end at %zu", s, e);
}

START_TEST(first_sentence_end)
{
    expect_title("着力扩需求、稳增长，经济运行加速回升。认真落实…",
                 "着力扩需求、稳增长，经济运行加速回升。");
    expect_title("问题在哪里？我们要…", "问题在哪里？");
    expect_title("好！再来", "好！");
    ck_assert_uint_eq(gw_sentence_end("没有句号的标题", strlen("没有句号的标题")), 0);
}
END_TEST

START_TEST(sentence_end_inside_quotes_or_brackets_does_not_count)
{
    expect_title("提出“要干字当头。”的要求。其后", "提出“要干字当头。”的要求。");
    expect_title("实施（详见附件。）工程。然后", "实施（详见附件。）工程。");
    expect_title("落实《关于…的意见。》精神。然后", "落实《关于…的意见。》精神。");
}
END_TEST

START_TEST(unbalanced_quote_falls_back)
{
    /* a stray opening quote must not swallow the paragraph */
    expect_title("推进“放管服改革。然后继续", "推进“放管服改革。");
}
END_TEST

START_TEST(find_outside_quotes)
{
    const char *s = "“四上”企业：指规模以上";
    ck_assert_uint_eq(gw_find_outside(s, strlen(s), 0xFF1A), strlen("“四上”企业"));
    const char *t = "“注：内”外";
    ck_assert_uint_eq(gw_find_outside(t, strlen(t), 0xFF1A), strlen(t));
}
END_TEST

Suite *sentence_suite(void)
{
    Suite *s = suite_create("sentence");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, first_sentence_end);
    tcase_add_test(tc, sentence_end_inside_quotes_or_brackets_does_not_count);
    tcase_add_test(tc, unbalanced_quote_falls_back);
    tcase_add_test(tc, find_outside_quotes);
    suite_add_tcase(s, tc);
    return s;
}
