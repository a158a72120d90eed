#include "suites.h"
#include "sentence.h"
#include "utf8.h"

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

/* Every quote, bracket and sentence end the scans know, each inside and
 * outside the others, among Han and the characters whose first bytes are
 * theirs (E2 —, E3 、, EF ，): the scans that step over most bytes find
 * the ends and the commas where decoding each character finds them. */
static const char *const pieces[] = {"“",  "”",  "‘",  "’",  "「", "」", "『", "』", "《",
                                     "》", "〈", "〉", "（", "）", "(",  ")",  "【", "】",
                                     "［", "］", "[",  "]",  "。", "！", "？", "!",  "?",
                                     "，", "、", "—",  "中", "a",  "：", "…"};

static int nesting_of(uint32_t cp)
{
    if (cp == '(' || cp == '[' || cp == 0x201C || cp == 0x2018 || cp == 0xFF08 || cp == 0xFF3B ||
        (cp >= 0x3008 && cp <= 0x3010 && cp % 2 == 0))
        return 1;
    if (cp == ')' || cp == ']' || cp == 0x201D || cp == 0x2019 || cp == 0xFF09 || cp == 0xFF3D ||
        (cp >= 0x3009 && cp <= 0x3011 && cp % 2 == 1))
        return -1;
    return 0;
}

/* gw_sentence_end (want_cp 0) or gw_find_outside, one character at a time */
static size_t by_characters(const char *s, size_t len, uint32_t want_cp)
{
    size_t i = 0, first_any = 0;
    int depth = 0;
    while (i < len) {
        size_t at = i;
        uint32_t cp = gw_next(s, len, &i);
        if (want_cp && depth == 0 && cp == want_cp)
            return at;
        if (!want_cp && (cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == '!' || cp == '?')) {
            if (depth == 0)
                return i;
            if (!first_any)
                first_any = i;
        }
        depth += nesting_of(cp);
        if (depth < 0)
            depth = 0;
    }
    return want_cp ? len : depth > 0 ? first_any : 0;
}

START_TEST(scans_agree_with_decoding_each_character)
{
    size_t n = sizeof pieces / sizeof pieces[0];
    uint32_t x = 12345;
    for (int round = 0; round < 4000; round++) {
        char s[256];
        size_t len = 0;
        for (int k = 0; k < 12; k++) {
            x = x * 1103515245u + 12345u;
            const char *p = pieces[(x >> 8) % n];
            memcpy(s + len, p, strlen(p));
            len += strlen(p);
        }
        ck_assert_uint_eq(gw_sentence_end(s, len), by_characters(s, len, 0));
        ck_assert_uint_eq(gw_find_outside(s, len, 0xFF0C), by_characters(s, len, 0xFF0C));
        ck_assert_uint_eq(gw_find_outside(s, len, 0x4E2D), by_characters(s, len, 0x4E2D));
        ck_assert_uint_eq(gw_find_outside(s, len, 'a'), by_characters(s, len, 'a'));
    }
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
    tcase_add_test(tc, scans_agree_with_decoding_each_character);
    suite_add_tcase(s, tc);
    return s;
}
