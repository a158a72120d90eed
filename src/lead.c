#include "lead.h"
#include "sentence.h"
#include "utf8.h"

#include <string.h>

/* Openings of ordinary prose: time and discourse phrases that a topic
 * phrase never starts with (过去一年，… / 今年是… / 总体来看，…). Whole
 * words, so 综合实力… and 未来产业… stay possible leads. */
static const char *const prose_openers[] = {
    "过去",     "今年",   "明年",     "去年",     "今后",   "未来五年", "未来一个", "未来一段",
    "近年来",   "近期",   "现在",     "当前",     "目前",   "同时",     "此外",     "另外",
    "总之",     "总的来", "总的看",   "总体来看", "总体上", "总体而言", "综合分析", "综合来看",
    "综合判断", "但",     "然而",     "因此",     "所以",   "只有",     "如果",     "虽然",
    "尽管",     "这",     "那",       "其中",     "随着",   "经过",     "回顾",     "展望",
    "各位",     "让我们", "新的一年", "一年来",   "五年来", "几年来",   "多年来",   "面对",
    "对照",     "我",     "在看到",   "在肯定",   "特此",   "为此",     "对此",     "为实现",
    "实现上述",
};

/* Words that make a sentence a statement about something rather than a
 * topic phrase: first-person subjects, the perfective 了, reference back. */
static const char *const statement_words[] = {"我们", "我市", "我区", "我省", "我县",
                                              "我国", "了",   "上述", "必须"};

/* 是 as a copula; not in 特别是, 尤其是, 实事求是, 还是, 或是, 凡是, 总是. */
static const char *const not_copula[] = {"特别是",
                                         "尤其是",
                                         "实事求是",
                                         "还是",
                                         "或是",
                                         "凡是",
                                         "总是",
                                         "但是",
                                         "要是",
                                         "是否",
                                         "绿水青山就是金山银山"};

#define COUNT(words) (sizeof words / sizeof words[0])

static int starts_with_any(const char *s, size_t len, const char *const *words, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (gw_starts(s, len, words[k]))
            return 1;
    return 0;
}

/* The offset of the first w[0..n) in s[from..len), or len. memchr looks
 * for w's last byte: a continuation byte in Chinese, where a lead byte
 * (E4..E9) starts every other character. */
static size_t find(const char *s, size_t len, size_t from, const char *w, size_t n)
{
    while (n && from + n <= len) {
        const char *last = memchr(s + from + n - 1, w[n - 1], len - from - (n - 1));
        if (!last)
            break;
        size_t at = (size_t)(last - s) - (n - 1);
        if (memcmp(s + at, w, n) == 0)
            return at;
        from = at + 1;
    }
    return len;
}

static int contains(const char *s, size_t len, const char *w)
{
    return find(s, len, 0, w, strlen(w)) < len;
}

/* The byte offset of the first 是 used as a copula in s, or len. */
static size_t copula_at(const char *s, size_t len)
{
    const char *shi = "是";
    size_t n = strlen(shi);
    for (size_t i = 0; (i = find(s, len, i, shi, n)) < len; i++) {
        int excused = 0;
        for (size_t k = 0; k < sizeof not_copula / sizeof not_copula[0] && !excused; k++) {
            size_t w = strlen(not_copula[k]);
            /* the word may end at 是 (特别是) or start with it (是否) */
            for (size_t back = 0; back + n <= w && !excused; back += n)
                excused =
                    i >= back && i - back + w <= len && memcmp(s + i - back, not_copula[k], w) == 0;
        }
        if (!excused)
            return i;
    }
    return len;
}

static int has_copula(const char *s, size_t len)
{
    return copula_at(s, len) < len;
}

/* 人才是科技创新的根基。/ 就业是最大的民生，…: a maxim on a topic named by
 * one word (two characters) may head its paragraph; a longer subject
 * (“十三五”时期是…五年。改革开放是…法宝。) makes a statement about it. */
static int topic_maxim(const char *s, size_t len)
{
    size_t at = copula_at(s, len), i = 0, n = 0;
    while (i < at)
        if (!gw_is_han(gw_next(s, at, &i)) || ++n > 2)
            return 0;
    return n == 2;
}

/* A first clause that sets the scene: 新征程上，/ 发展中，/ 一年来， */
static int locative_opener(const char *s, size_t len)
{
    static const char *const ends[] = {"上", "中", "下", "来", "后", "前", "里", "时"};
    size_t comma = gw_find_outside(s, len, 0xFF0C);
    if (comma == len || !gw_chars_at_most(s, comma, 6))
        return 0;
    for (size_t k = 0; k < sizeof ends / sizeof ends[0]; k++) {
        size_t n = strlen(ends[k]);
        if (comma >= n && memcmp(s + comma - n, ends[k], n) == 0)
            return 1;
    }
    return 0;
}

/* 2023年，… and other figures open statements, not topics; 5G网络… does not. */
static int starts_with_figure(const char *s, size_t len)
{
    int d;
    size_t i = 0;
    while (i < len && gw_is_digit(gw_peek(s, len, i), &d))
        gw_next(s, len, &i);
    if (i == 0)
        return 0;
    uint32_t next = gw_peek(s, len, i);
    return !((next >= 'A' && next <= 'Z') || (next >= 'a' && next <= 'z'));
}

/* 6.2万人, 7.12亿吨, 5.1%: a measured quantity (a decimal point, a percent
 * sign, or 万/亿 after the digits) reports a result; a topic may count
 * its items (实施100个重大项目) but does not measure. */
static int states_a_figure(const char *s, size_t len)
{
    size_t i = 0;
    int digits = 0, d;
    while (i < len) {
        uint32_t cp = gw_next(s, len, &i);
        if (gw_is_digit(cp, &d)) {
            digits = 1;
            continue;
        }
        if (digits && (cp == '%' || cp == 0xFF05 || cp == 0x4E07 /* 万 */ || cp == 0x4EBF /* 亿 */))
            return 1;
        if (digits && (cp == '.' || cp == 0xFF0E) && i < len && gw_is_digit(gw_peek(s, len, i), &d))
            return 1;
        digits = 0;
    }
    return 0;
}

static int reads_as_prose(const char *s, size_t len)
{
    if (starts_with_any(s, len, prose_openers, COUNT(prose_openers)))
        return 1;
    for (size_t k = 0; k < sizeof statement_words / sizeof statement_words[0]; k++)
        if (contains(s, len, statement_words[k]))
            return 1;
    return (has_copula(s, len) && !topic_maxim(s, len)) || locative_opener(s, len) ||
           starts_with_figure(s, len) || states_a_figure(s, len);
}

/* A body that refers back (这是…, 这些…, 此…) comments on the sentence
 * before it, one that opens with its subject (…提出新的更高要求。我们要…)
 * goes on from it, and a closing call (…展现出光明前景。让我们…) ends the
 * speech: that sentence was a statement (成绩来之不易。这是…). Under a topic
 * phrase the measures follow without any of them. */
static int body_goes_on(const char *s, size_t len)
{
    /* …, and one that looks back over a span of time (本届政府任期即将结束。
     * 五年来，…) opens the account a statement announced */
    static const char *const openers[] = {"这",     "此",     "我们",   "让我们", "五年来",
                                          "一年来", "几年来", "多年来", "近年来", "过去"};
    size_t i = gw_skip_space(s, len, 0);
    return starts_with_any(s + i, len - i, openers, COUNT(openers));
}

/* Characters of a lead, not counting a bracketed qualifier: 建设中国（广西）
 * 自由贸易试验区 is as long a topic as 建设中国自由贸易试验区. */
static size_t lead_chars(const char *s, size_t len)
{
    size_t i = 0, n = 0;
    int depth = 0;
    while (i < len) {
        uint32_t cp = gw_next(s, len, &i);
        if (cp == 0xFF08 || cp == '(')
            depth++;
        else if ((cp == 0xFF09 || cp == ')') && depth > 0)
            depth--;
        else if (!depth && !gw_is_space(cp))
            n++;
    }
    return n;
}

/* Verbs a task heading opens with (推动大众创业、万众创新。这既可以…): such a
 * sentence is a topic even when the body goes on to comment on it. */
static const char *const task_verbs[] = {
    "推动", "推进", "加快", "加强", "实施", "深化", "坚持", "促进", "提高", "提升", "扩大",
    "保持", "着力", "大力", "持续", "积极", "全面", "切实", "稳步", "健全", "完善", "构建",
    "建设", "打造", "培育", "发展", "做好", "抓好", "落实", "强化", "优化", "创新", "激发",
};

/* 推动简政放权、放管结合、优化服务改革向纵深发展。: a task set as one
 * command may run longer than a topic phrase, as long as it stays one
 * clause (no ，) without figures. */
static int long_task(const char *s, size_t len, size_t chars)
{
    if (chars > GW_LEAD_TASK_MAX || !starts_with_any(s, len, task_verbs, COUNT(task_verbs)) ||
        gw_find_outside(s, len, 0xFF0C) < len || gw_find_outside(s, len, ',') < len)
        return 0;
    int d;
    for (size_t i = 0; i < len;)
        if (gw_is_digit(gw_next(s, len, &i), &d))
            return 0;
    return 1;
}

/* A lead past GW_LEAD_MAX that is no single command: as long as a run of
 * parallel topics may be (加快国际经济中心建设，产业体系现代化水平持续提升),
 * without figures, which belong to results; a maxim on a one-word topic
 * gives its reason in a second clause (教育是最基本的民生需求，没有良好的教育
 * 既留不住人才也留不住人口。) and may run longer. */
static int long_topic(const char *s, size_t len, size_t chars)
{
    int d;
    if (chars > (topic_maxim(s, len) ? GW_LEAD_MAXIM_MAX : GW_LEAD_LONG_MAX))
        return 0;
    for (size_t i = 0; i < len;)
        if (gw_is_digit(gw_next(s, len, &i), &d))
            return 0;
    return 1;
}

static size_t without_stop(const char *s, size_t end)
{
    size_t dot = strlen("。");
    return end >= dot && memcmp(s + end - dot, "。", dot) == 0 ? end - dot : end;
}

int gw_lead_is_long(const char *s, size_t end)
{
    return lead_chars(s, without_stop(s, end)) > GW_LEAD_MAX;
}

int gw_lead_needs_company(const char *s, size_t end)
{
    end = without_stop(s, end);
    return gw_lead_is_long(s, end) || gw_find_outside(s, end, 0xFF0C) < end ||
           gw_find_outside(s, end, ',') < end || has_copula(s, end);
}

int gw_is_address(const char *s, size_t len)
{
    if (!gw_starts(s, len, "各位代表"))
        return 0;
    size_t i = strlen("各位代表");
    uint32_t cp = gw_peek(s, len, i);
    return cp == 0xFF01 || cp == '!' || cp == 0xFF0C || cp == ',';
}

size_t gw_lead_end(const char *s, size_t len, int alone)
{
    size_t end = gw_sentence_end(s, len);
    if (!end)
        return 0;
    /* Only a full stop closes a topic phrase; ！ and ？ belong to rhetoric. */
    size_t dot = strlen("。");
    if (end < dot || memcmp(s + end - dot, "。", dot) != 0)
        return 0;
    size_t mark = end - dot;
    size_t chars = lead_chars(s, mark);
    if (chars < 2 ||
        (chars > GW_LEAD_MAX && !long_task(s, mark, chars) && !long_topic(s, mark, chars)))
        return 0;
    if (gw_find_outside(s, mark, 0xFF1A /* ： */) < mark || gw_find_outside(s, mark, ':') < mark ||
        gw_find_outside(s, mark, 0xFF1B /* ； */) < mark)
        return 0;
    if (reads_as_prose(s, mark))
        return 0;
    if (!alone && gw_trim_end(s + end, len - end) == 0)
        return 0;
    if (gw_lead_goes_on(s, mark, s + end, len - end))
        return 0;
    return end;
}

int gw_lead_goes_on(const char *s, size_t len, const char *body, size_t blen)
{
    return body_goes_on(body, blen) && !starts_with_any(s, len, task_verbs, COUNT(task_verbs));
}

int gw_lead_by_habit(const char *s, size_t len, const char *body, size_t blen)
{
    static const char *const announce[] = {"以下", "如下"};
    size_t end = gw_sentence_end(s, len), dot = strlen("。");
    if (!end || gw_trim_end(s + end, len - end) > 0 || end < dot ||
        memcmp(s + end - dot, "。", dot) != 0)
        return 0;
    size_t mark = end - dot;
    if (lead_chars(s, mark) > GW_LEAD_LONG_MAX || gw_find_outside(s, mark, 0xFF1A) < mark ||
        gw_find_outside(s, mark, ':') < mark || gw_find_outside(s, mark, 0xFF1B) < mark)
        return 0;
    int d;
    for (size_t i = 0; i < mark;)
        if (gw_is_digit(gw_next(s, mark, &i), &d))
            return 0;
    for (size_t k = 0; k < COUNT(announce); k++)
        if (contains(s, mark, announce[k]))
            return 0;
    return !gw_lead_goes_on(s, mark, body, blen);
}
