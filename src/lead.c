#include "lead.h"
#include "sentence.h"
#include "utf8.h"

#include <string.h>

/* Openings of ordinary prose: time and discourse phrases that a topic
 * phrase never starts with (过去一年，… / 今年是… / 总体来看，…). */
static const char *const prose_openers[] = {
    "过去", "今年", "明年", "去年",   "今后",   "未来",     "近年",   "近期",   "现在",   "当前",
    "目前", "同时", "此外", "另外",   "总之",   "总的",     "总体",   "综合",   "但",     "然而",
    "因此", "所以", "只有", "如果",   "虽然",   "尽管",     "这",     "那",     "其中",   "随着",
    "经过", "回顾", "展望", "各位",   "让我们", "新的一年", "一年来", "五年来", "几年来", "多年来",
    "面对", "对照", "我",   "在看到", "在肯定", "特此",
};

/* Words that make a sentence a statement about something rather than a
 * topic phrase: the copula and first-person subjects. */
static const char *const statement_words[] = {"是", "我们", "我市", "我区", "我省", "我县", "我国"};

static int contains(const char *s, size_t len, const char *w)
{
    size_t n = strlen(w);
    for (size_t i = 0; i + n <= len; i++)
        if (memcmp(s + i, w, n) == 0)
            return 1;
    return 0;
}

static int reads_as_prose(const char *s, size_t len)
{
    for (size_t k = 0; k < sizeof prose_openers / sizeof prose_openers[0]; k++)
        if (gw_starts(s, len, prose_openers[k]))
            return 1;
    for (size_t k = 0; k < sizeof statement_words / sizeof statement_words[0]; k++)
        if (contains(s, len, statement_words[k]) && !contains(s, len, "实事求是"))
            return 1;
    int d;
    /* 2023年，… and other figures open statements, not topics */
    return gw_is_digit(gw_peek(s, len, 0), &d);
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
    size_t chars = gw_count_nonspace(s, mark);
    if (chars < 2 || chars > GW_LEAD_MAX)
        return 0;
    if (gw_find_outside(s, mark, 0xFF1A /* ： */) < mark || gw_find_outside(s, mark, ':') < mark ||
        gw_find_outside(s, mark, 0xFF1B /* ； */) < mark)
        return 0;
    if (reads_as_prose(s, mark))
        return 0;
    if (!alone && gw_trim_end(s + end, len - end) == 0)
        return 0;
    return end;
}
