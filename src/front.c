/* Front matter: the title, the ——…会议上 subtitle, the speaker line and the
 * salutation that open a report, in any combination, any of them missing,
 * and possibly run together on one line. Lines around them that are none of
 * these (datelines, page headings, timestamps) stay paragraphs. */
#include "blocks.h"
#include "toc.h"
#include "numeral.h"
#include "sentence.h"
#include "tunables.h"
#include "utf8.h"

#include <string.h>

/* s without white space, into buf (cap bytes); returns its length, or
 * GW_NONE when it does not fit. */
static size_t compact(const char *s, size_t len, char *buf, size_t cap)
{
    size_t o = 0, i = 0;
    while (i < len) {
        size_t at = i;
        if (gw_is_space(gw_next(s, len, &i)))
            continue;
        if (o + (i - at) >= cap)
            return GW_NONE;
        memcpy(buf + o, s + at, i - at);
        o += i - at;
    }
    buf[o] = '\0';
    return o;
}

static int ends_with(const char *s, size_t len, const char *lit)
{
    size_t n = strlen(lit);
    return len >= n && memcmp(s + len - n, lit, n) == 0;
}

static int has_any(const char *s, size_t len, const char *const *lits, size_t nlits)
{
    for (size_t k = 0; k < nlits; k++) {
        size_t n = strlen(lits[k]);
        for (size_t i = 0; i + n <= len; i++)
            if (memcmp(s + i, lits[k], n) == 0)
                return 1;
    }
    return 0;
}

static const char *const clause_marks[] = {"。", "，", "；", "：", "！", "？",
                                           ",",  ";",  ":",  "!",  "?"};

static int is_title(const char *s, size_t len)
{
    static const char *const kinds[] = {"报告", "纲要", "规划", "计划", "决议",
                                        "報告", "綱要", "規劃", "計劃", "決議"};
    char buf[512];
    size_t n = compact(s, len, buf, sizeof buf);
    if (n == GW_NONE || gw_utf8_count(buf, n) > GW_DOC_TITLE_MAX ||
        has_any(buf, n, clause_marks, sizeof clause_marks / sizeof clause_marks[0]))
        return 0;
    gw_marker m;
    if (gw_marker_scan(buf, n, &m))
        return 0;
    /* …纲要（草案） */
    if (ends_with(buf, n, "）") || ends_with(buf, n, ")")) {
        size_t open = gw_find_outside(buf, n, 0xFF08);
        if (open == n)
            open = gw_find_outside(buf, n, '(');
        if (open < n)
            n = open;
    }
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
        if (ends_with(buf, n, kinds[k]) && gw_utf8_count(buf, n) >= 4)
            return 1;
    return 0;
}

/* 江西省国民经济和社会发展第十四个五年规划 / 和二〇三五年远景目标纲要: a
 * long title wrapped at the conjunction that joins its two halves. */
static int title_wraps(gw_span above, gw_span title)
{
    static const char *const joins[] = {"和", "与", "及", "暨"};
    char buf[512];
    size_t n = compact(above.s, above.len, buf, sizeof buf);
    gw_marker m;
    if (n == GW_NONE || n == 0 || gw_utf8_count(buf, n) > GW_DOC_TITLE_MAX ||
        has_any(buf, n, clause_marks, sizeof clause_marks / sizeof clause_marks[0]) ||
        gw_marker_scan(buf, n, &m))
        return 0;
    for (size_t k = 0; k < sizeof joins / sizeof joins[0]; k++)
        if (ends_with(buf, n, joins[k]) || gw_starts(title.s, title.len, joins[k]))
            return 1;
    return 0;
}

static int mentions_meeting(const char *s, size_t len)
{
    static const char *const words[] = {"会议", "大会", "日"};
    return has_any(s, len, words, sizeof words / sizeof words[0]);
}

/* One number then unit, e.g. 2021 then 年; returns the bytes, 0 if not. */
static size_t number_unit(const char *s, size_t len, const char *unit)
{
    int v;
    size_t k = gw_arabic_numeral(s, len, 4, &v);
    if (!k)
        k = gw_cn_numeral(s, len, &v);
    return k && gw_starts(s + k, len - k, unit) ? k + strlen(unit) : 0;
}

/* The bytes of the date (2025年1月20日) that buf[0..n) starts with, 0 if none. */
static size_t date_prefix(const char *buf, size_t n)
{
    size_t i = 0;
    static const char *const units[] = {"年", "月", "日"};
    for (size_t u = 0; u < 3; u++) {
        size_t k = number_unit(buf + i, n - i, units[u]);
        if (!k)
            return 0;
        i += k;
    }
    return i;
}

/* 2021年1月26日 or 二〇二一年一月二十六日 alone on its line: the date of
 * the speech, printed where a subtitle would be. */
static int is_date_line(const char *buf, size_t n)
{
    return n > 0 && date_prefix(buf, n) == n;
}

/* The bytes of the bracket pair around buf[0..n) (（…） or (…)), 0 if none. */
static size_t bracket_bytes(const char *buf, size_t n)
{
    if (gw_starts(buf, n, "（") && ends_with(buf, n, "）"))
        return strlen("（");
    return gw_starts(buf, n, "(") && ends_with(buf, n, ")") ? 1 : 0;
}

/* 2025年2月10日 or （2025年2月10日）: a date and nothing else. */
static int is_bare_date(gw_span sp)
{
    char buf[512];
    size_t n = compact(sp.s, sp.len, buf, sizeof buf);
    if (n == GW_NONE)
        return 0;
    size_t b = bracket_bytes(buf, n);
    return n >= 2 * b && is_date_line(buf + b, n - 2 * b);
}

/* 2025年1月20日在…会议上 (with the speaker and 作政府工作报告 after it, as Word
 * copies print it): a date, then 在, then the meeting. A date is what tells
 * it from a sentence of prose, and from a title ending in 报告. */
static int is_session(const char *s, size_t len)
{
    char buf[512];
    size_t n = compact(s, len, buf, sizeof buf);
    if (n == GW_NONE)
        return 0;
    size_t d = date_prefix(buf, n);
    static const char *const prose[] = {"，", "；", "！", "？", ",", ";"};
    return d > 0 && gw_starts(buf + d, n - d, "在") && mentions_meeting(buf + d, n - d) &&
           !has_any(buf, n, prose, sizeof prose / sizeof prose[0]);
}

/* ——2024年1月15日在…会议上, （2024年…会议上）, 在…会议上, 2021年1月26日 */
static int is_subtitle(const char *s, size_t len)
{
    size_t d = gw_dash_len(s, len);
    if (d > 0)
        return d < len && mentions_meeting(s + d, len - d);
    if (is_session(s, len))
        return 1;
    char buf[512];
    size_t n = compact(s, len, buf, sizeof buf);
    if (n != GW_NONE && is_date_line(buf, n))
        return 1;
    if (n == GW_NONE || !mentions_meeting(buf, n))
        return 0;
    if (bracket_bytes(buf, n))
        return 1;
    return gw_starts(buf, n, "在") && ends_with(buf, n, "上");
}

/* 来源：江西省人民政府2025年1月17日在…会议上…: the byte offset where a session
 * line starts behind a source credit, 0 if the line is not one. */
static size_t credit_then_session(gw_span sp)
{
    if (!gw_starts(sp.s, sp.len, "来源"))
        return 0;
    size_t i = 0;
    while (i < sp.len) {
        size_t at = i;
        gw_next(sp.s, sp.len, &i);
        if (at > 0 && is_session(sp.s + at, sp.len - at))
            return at;
    }
    return 0;
}

/* A subtitle that stops before 会议上 goes on on the next line. */
static int subtitle_complete(const char *s, size_t len)
{
    char buf[512];
    size_t n = compact(s, len, buf, sizeof buf);
    if (n != GW_NONE && ends_with(buf, n, "。")) /* …作政府工作报告。 */
        n -= strlen("。");
    return n == GW_NONE || ends_with(buf, n, "上") || ends_with(buf, n, "）") ||
           ends_with(buf, n, ")") || ends_with(buf, n, "讲话") || ends_with(buf, n, "报告");
}

/* A transcribed name's dot: · and ・, and what OCR reads them as (. ． •) */
static int name_dot(uint32_t cp)
{
    return cp == 0xB7 || cp == 0x30FB || cp == '.' || cp == 0xFF0E || cp == 0x2022;
}

static int name_char(uint32_t cp)
{
    return gw_is_han(cp) || name_dot(cp);
}

/* buf[0..n) without white space is a name: two to four Han characters, or
 * up to GW_NAME_DOTTED_MAX for a transcribed name (艾尔肯·吐尼亚孜). */
static int is_name(const char *buf, size_t n)
{
    int dotted = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp = gw_next(buf, n, &i);
        if (!name_char(cp))
            return 0;
        dotted |= name_dot(cp);
    }
    size_t chars = gw_utf8_count(buf, n);
    return chars >= 2 && chars <= (dotted ? GW_NAME_DOTTED_MAX : 4);
}

/* 市长 XXX, 国务院总理 李强, 上海市市长 龚 正: an office, then a name, nothing
 * else. */
static int is_author(const char *s, size_t len)
{
    static const char *const offices[] = {"总理", "长", "主任", "主席", "书记"};
    char buf[256];
    size_t n = compact(s, len, buf, sizeof buf);
    if (n == GW_NONE || gw_utf8_count(buf, n) > GW_AUTHOR_MAX)
        return 0;
    size_t i = 0, name_from = 0;
    while (i < n) {
        size_t at = i;
        if (!name_char(gw_next(buf, n, &i)))
            return 0;
        for (size_t k = 0; k < sizeof offices / sizeof offices[0]; k++) {
            size_t ol = strlen(offices[k]);
            if (at + ol <= n && memcmp(buf + at, offices[k], ol) == 0)
                name_from = at + ol;
        }
    }
    return name_from > 0 && is_name(buf + name_from, n - name_from);
}

/* 安徽省人民政府省长 王清宪作政府工作报告: the bytes of the speaker before 作…,
 * 0 when s is not a speaker followed by 作. */
static size_t author_then_verb(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        size_t at = i;
        gw_next(s, len, &i);
        if (at > 0 && gw_starts(s + at, len - at, "作") && is_author(s, at))
            return at;
    }
    return 0;
}

/* 李克强 alone: a name of two to four Han characters (or a transcribed one
 * with ·), nothing else. */
static int is_bare_name(gw_span sp)
{
    char buf[64];
    size_t n = compact(sp.s, sp.len, buf, sizeof buf);
    return n != GW_NONE && is_name(buf, n);
}

static int is_salutation(const char *s, size_t len)
{
    char buf[256];
    size_t n = compact(s, len, buf, sizeof buf);
    if (n == GW_NONE || gw_utf8_count(buf, n) > GW_AUTHOR_MAX)
        return 0;
    return (gw_starts(buf, n, "各位") || gw_starts(buf, n, "同志们") ||
            gw_starts(buf, n, "尊敬的")) &&
           (ends_with(buf, n, "：") || ends_with(buf, n, ":"));
}

static gw_status add_span(gw_blocks *out, gw_block_kind kind, gw_span sp)
{
    gw_block *b = gw_blocks_add(out, kind, sp.line);
    if (!b)
        return GW_ERR_NOMEM;
    b->text = sp;
    b->last = sp.line;
    if (kind == GW_B_SUBTITLE)
        b->mark_len = gw_dash_len(sp.s, sp.len);
    return GW_OK;
}

static gw_span sub_span(gw_span sp, size_t from, size_t to)
{
    gw_span r = {sp.line, sp.s + from, to - from};
    size_t b = gw_skip_space(r.s, r.len, 0);
    r.s += b;
    r.len = gw_trim_end(r.s, r.len - b);
    return r;
}

/* Where the session of "——…会议上国务院总理 李强" ends: the byte offset
 * past the 上 that a speaker follows (alone, or before 作…), 0 if none. */
static size_t session_end(gw_span sp)
{
    const char *shang = "上";
    size_t n = strlen(shang);
    for (size_t i = 0; i + n <= sp.len; i++) {
        if (memcmp(sp.s + i, shang, n) != 0)
            continue;
        gw_span author = sub_span(sp, i + n, sp.len);
        if (author.len &&
            (author_then_verb(author.s, author.len) || is_author(author.s, author.len)))
            return i + n;
    }
    return 0;
}

/* The speaker that sp holds from byte from on. With tail_ok,
 * "省长王凯作政府工作报告" leaves 作政府工作报告 as a front paragraph (the
 * grammar wants a salutation after it); else the speaker keeps it. */
static gw_status add_speaker(gw_blocks *out, gw_span sp, size_t from, int tail_ok)
{
    gw_span author = sub_span(sp, from, sp.len);
    size_t verb = author_then_verb(author.s, author.len);
    if (!verb || !tail_ok)
        return add_span(out, GW_B_AUTHOR, author);
    size_t at = (size_t)(author.s - sp.s);
    gw_status st = add_span(out, GW_B_AUTHOR, sub_span(sp, at, at + verb));
    return st != GW_OK ? st : add_span(out, GW_B_FRONT_PARA, sub_span(sp, at + verb, sp.len));
}

/* Splits "——…会议上国务院总理 李强" into subtitle and speaker. */
static gw_status add_subtitle_author(gw_blocks *out, gw_span sp, int tail_ok)
{
    size_t cut = session_end(sp);
    if (!cut)
        return add_span(out, GW_B_SUBTITLE, sp);
    gw_status st = add_span(out, GW_B_SUBTITLE, sub_span(sp, 0, cut));
    return st != GW_OK ? st : add_speaker(out, sp, cut, tail_ok);
}

/* a then b in buf (cap bytes): a front line wrapped in two, read as one.
 * Returns the length, 0 when they do not fit. */
static size_t join_two(gw_span a, gw_span b, char *buf, size_t cap)
{
    if (a.len + b.len >= cap)
        return 0;
    memcpy(buf, a.s, a.len);
    memcpy(buf + a.len, b.s, b.len);
    return a.len + b.len;
}

/* "…会议上安" above "徽省人民政府省长 王清宪作政府工作报告": a speaker wrapped
 * onto the next line (a PDF's centred lines, a hard-wrapped copy of one).
 * Adds the subtitle, the speaker (its second half as more) and, with
 * tail_ok, what follows the speaker as a front paragraph. Returns 1 when it
 * did, 0 when the lines are not that (nothing added), -1 when out of
 * memory. */
static int add_wrapped_author(gw_blocks *out, gw_span sp, gw_span next, int tail_ok)
{
    const char *shang = "上";
    size_t n = strlen(shang);
    char joined[256];
    for (size_t i = 0; i + n <= sp.len; i++) {
        if (memcmp(sp.s + i, shang, n) != 0)
            continue;
        gw_span tail = sub_span(sp, i + n, sp.len);
        size_t len = tail.len ? join_two(tail, next, joined, sizeof joined) : 0;
        if (!len || gw_utf8_count(tail.s, tail.len) > GW_AUTHOR_MAX)
            continue;
        size_t verb = author_then_verb(joined, len);
        size_t upto = verb ? verb : is_author(joined, len) ? len : 0;
        if (upto <= tail.len)
            continue;
        gw_block *b;
        if (add_span(out, GW_B_SUBTITLE, sub_span(sp, 0, i + n)) != GW_OK ||
            add_span(out, GW_B_AUTHOR, tail) != GW_OK)
            return -1;
        b = &out->v[out->n - 1];
        size_t cut = verb && tail_ok ? upto - tail.len : next.len;
        b->more = sub_span(next, 0, cut);
        b->last = next.line;
        if (cut < next.len &&
            add_span(out, GW_B_FRONT_PARA, sub_span(next, cut, next.len)) != GW_OK)
            return -1;
        return 1;
    }
    return 0;
}

/* 政府工作报告——2024年…会议上 李强: a title run into its subtitle. Returns the
 * byte offset of the dash, or 0. */
static size_t title_dash(gw_span sp)
{
    size_t i = 0;
    while (i < sp.len) {
        size_t at = i;
        gw_next(sp.s, sp.len, &i);
        size_t d = gw_dash_len(sp.s + at, sp.len - at);
        if (d && at > 0) {
            if (is_title(sp.s, at) && is_subtitle(sp.s + at, sp.len - at))
                return at;
            return 0;
        }
    }
    return 0;
}

/* …关于印发《…》的通知: the notice a plan is issued by, printed above it. */
static int is_notice(gw_span sp)
{
    char buf[512];
    size_t n = compact(sp.s, sp.len, buf, sizeof buf);
    static const char *const issues[] = {"印发", "发布", "颁布"};
    return n != GW_NONE && gw_utf8_count(buf, n) <= GW_DOC_TITLE_MAX + 20 &&
           ends_with(buf, n, "的通知") && has_any(buf, n, issues, 3) &&
           !has_any(buf, n, clause_marks, sizeof clause_marks / sizeof clause_marks[0]);
}

/* Bytes of the marks a Markdown copy puts before its title (# , ## ). */
static size_t hash_mark(gw_span sp)
{
    size_t i = 0;
    while (i < sp.len && i < 6 && sp.s[i] == '#')
        i++;
    return i > 0 && i < sp.len && gw_is_space(gw_peek(sp.s, sp.len, i)) ? i : 0;
}

/* ---, the line that opens and closes a scraper's metadata block (YAML). */
static int is_rule(gw_span sp)
{
    size_t i = 0;
    while (i < sp.len && sp.s[i] == '-')
        i++;
    return i >= 3 && i == sp.len;
}

/* Past a metadata block (--- … ---) at the top of lines from i: the line
 * after its closing rule, or i when there is none. */
static size_t after_metadata(const gw_lines *lines, size_t i)
{
    while (i < lines->n && gw_line_span(lines, i).len == 0)
        i++;
    if (i >= lines->n || !is_rule(gw_line_span(lines, i)))
        return i;
    for (size_t j = i + 1; j < lines->n && j <= i + GW_METADATA_MAX_LINES; j++)
        if (is_rule(gw_line_span(lines, j)))
            return j + 1;
    return i;
}

/* L_TOC: a table of contents printed among the front lines (目录 below
 * the speaker, 各位代表： after it); front matter where a front item
 * follows it, as a front p would be. */
typedef enum {
    L_OTHER,
    L_TITLE,
    L_TITLE_SUB,
    L_SUB,
    L_CREDIT_SUB,
    L_AUTHOR,
    L_SALUTE,
    L_TOC
} line_kind;

static line_kind classify(gw_span sp)
{
    if (is_salutation(sp.s, sp.len))
        return L_SALUTE;
    /* ——…会议的政府工作报告 and 2025年…会议上…作政府工作报告 end like a title
     * but open with what no title opens with */
    if ((gw_dash_len(sp.s, sp.len) || is_session(sp.s, sp.len)) && is_subtitle(sp.s, sp.len))
        return L_SUB;
    if (credit_then_session(sp))
        return L_CREDIT_SUB;
    if (is_title(sp.s, sp.len))
        return L_TITLE;
    if (title_dash(sp))
        return L_TITLE_SUB;
    if (is_subtitle(sp.s, sp.len))
        return L_SUB;
    if (is_author(sp.s, sp.len))
        return L_AUTHOR;
    return L_OTHER;
}

/* Appends the blocks of toc (spans into the lines, owning nothing). */
static gw_status add_toc(gw_blocks *out, const gw_blocks *toc)
{
    for (size_t j = 0; j < toc->n; j++) {
        gw_block *b = gw_blocks_add(out, toc->v[j].kind, toc->v[j].text.line);
        if (!b)
            return GW_ERR_NOMEM;
        *b = toc->v[j];
    }
    return GW_OK;
}

static gw_status front_scan(const gw_lines *lines, const unsigned char *page, gw_blocks *out,
                            size_t *after, gw_blocks *toc);

/* Whether front line j+1 stands right below line j: next to it, or with
 * one blank line between (a double-spaced copy, as pdftotext -layout
 * gives widely spaced lines). */
static int stands_below(const size_t *idx, size_t j)
{
    return idx[j + 1] - idx[j] <= 2;
}

/* Whether lines a and b read together as a front line of kind want:
 * 2025年1月19日在…人民代表大 above 会第三次会议上 (a subtitle wrapped before it
 * says which meeting), 省长 above 胡玉亭 (a speaker whose name went to the
 * next line). */
static int joined_is(gw_span a, gw_span b, line_kind want)
{
    char joined[512];
    size_t len = join_two(a, b, joined, sizeof joined);
    return len && classify((gw_span){a.line, joined, len}) == want;
}

gw_status gw_front_scan(const gw_lines *lines, const unsigned char *page, gw_blocks *out,
                        size_t *after)
{
    gw_blocks toc = {0};
    gw_status st = front_scan(lines, page, out, after, &toc);
    gw_blocks_free(&toc);
    return st;
}

/* toc: where a table of contents among the front lines is read (the
 * caller frees it). */
static gw_status front_scan(const gw_lines *lines, const unsigned char *page, gw_blocks *out,
                            size_t *after, gw_blocks *toc)
{
    *after = 0;
    line_kind kind[GW_FRONT_MAX_LINES] = {L_OTHER};
    size_t idx[GW_FRONT_MAX_LINES] = {0}, k = 0;
    unsigned char name_below[GW_FRONT_MAX_LINES] = {0}; /* 省长 above 胡玉亭 */
    /* a scraper's metadata block is furniture above the front, however
     * long; a cover notice's body may run longer than a front line */
    size_t start = after_metadata(lines, 0), notice = GW_NONE;
    for (size_t i = start; i < lines->n && k < GW_FRONT_MAX_LINES; i++) {
        gw_span sp = gw_line_span(lines, i);
        if (sp.len == 0)
            continue;
        if (!toc->n && !page[i] && gw_toc_starts(lines, i, 0)) {
            size_t next;
            if (gw_toc_scan(lines, i, toc, &next) != GW_OK)
                return GW_ERR_NOMEM;
            idx[k] = i;
            kind[k++] = L_TOC;
            i = next - 1;
            continue;
        }
        gw_marker m;
        if (gw_marker_scan(sp.s, sp.len, &m) ||
            (notice == GW_NONE && gw_utf8_count(sp.s, sp.len) > GW_FRONT_MAX_CHARS))
            break;
        idx[k] = i;
        kind[k] = page[i] ? L_OTHER : classify(sp);
        if (notice == GW_NONE && kind[k] == L_OTHER && is_notice(sp))
            notice = k;
        if (kind[k++] == L_SALUTE)
            break;
    }
    /* a subtitle or speaker wrapped in two lines, neither one alone */
    for (size_t j = 0; j + 1 < k; j++) {
        gw_span a = gw_line_span(lines, idx[j]), b = gw_line_span(lines, idx[j + 1]);
        if (kind[j] != L_OTHER || kind[j + 1] != L_OTHER || !stands_below(idx, j))
            continue;
        if (joined_is(a, b, L_SUB)) {
            kind[j] = L_SUB;
        } else if (is_bare_name(b) && joined_is(a, b, L_AUTHOR)) {
            kind[j] = L_AUTHOR;
            name_below[j] = 1;
        }
    }
    /* Below a cover notice, its addressee, body, issuer and date are the
     * notice's: the issued document's own title comes after them, and a
     * date there dates the notice, not a speech. */
    if (notice != GW_NONE) {
        size_t own = k;
        for (size_t j = notice + 1; j < k && own == k; j++)
            if (kind[j] == L_TITLE)
                own = j;
        for (size_t j = notice + 1; j < own; j++)
            kind[j] = L_OTHER;
        if (own == k)
            kind[notice] = L_TITLE;
    }
    /* A bare name between the title and the subtitle, speaker or
     * salutation is the speaker without an office (李克强 below 2021年政府工作
     * 报告, as a web copy keeps it). */
    for (size_t j = 1; j + 1 < k; j++)
        if (kind[j] == L_OTHER && kind[j - 1] == L_TITLE &&
            (kind[j + 1] == L_SALUTE || kind[j + 1] == L_SUB || kind[j + 1] == L_CREDIT_SUB) &&
            is_bare_name(gw_line_span(lines, idx[j])))
            kind[j] = L_AUTHOR;
    /* A date below the subtitle and speaker dates the speech: it is no
     * second subtitle. */
    for (size_t j = 0, subs = 0; j < k; j++)
        if (kind[j] == L_SUB && subs++ > 0 && is_bare_date(gw_line_span(lines, idx[j])))
            kind[j] = L_OTHER;
    /* The title is the last title line before the subtitle, speaker or
     * salutation: a page heading above it is debris. */
    size_t first_after = k, title = k, end = 0;
    for (size_t j = 0; j < k; j++) {
        if (kind[j] == L_SUB || kind[j] == L_CREDIT_SUB || kind[j] == L_AUTHOR ||
            kind[j] == L_SALUTE || kind[j] == L_TITLE_SUB) {
            first_after = j;
            break;
        }
    }
    for (size_t j = 0; j < first_after; j++)
        if (kind[j] == L_TITLE)
            title = j;
    /* 政府工作报告——…会议上 李强 carries the title itself; a title line above
     * it is a page heading (2024年湖南省政府工作报告（全文）) */
    if (first_after < k && kind[first_after] == L_TITLE_SUB)
        title = first_after;
    for (size_t j = 0; j < k; j++)
        if (j == title || kind[j] == L_SUB || kind[j] == L_CREDIT_SUB || kind[j] == L_AUTHOR ||
            kind[j] == L_SALUTE)
            end = j + 1;
    int salute = k > 0 && kind[k - 1] == L_SALUTE;
    if (end == 0)
        return GW_OK;
    /* the title's first half on the line right above it */
    int halves = title < k && kind[title] == L_TITLE && title > 0 &&
                 (kind[title - 1] == L_TITLE || kind[title - 1] == L_OTHER) &&
                 idx[title - 1] + 1 == idx[title] &&
                 title_wraps(gw_line_span(lines, idx[title - 1]), gw_line_span(lines, idx[title]));
    for (size_t i = 0; i < start; i++) {
        gw_span sp = gw_line_span(lines, i);
        if (sp.len && add_span(out, GW_B_FRONT_PARA, sp) != GW_OK)
            return GW_ERR_NOMEM;
    }
    for (size_t j = 0; j < end; j++) {
        gw_span sp = gw_line_span(lines, idx[j]);
        gw_status rc = GW_OK;
        if (halves && j + 1 == title) {
            rc = add_span(out, GW_B_TITLE, sp);
            if (rc == GW_OK) {
                gw_block *b = &out->v[out->n - 1];
                b->more = gw_line_span(lines, idx[title]);
                b->last = idx[title];
            }
            j++;
        } else if (j == title && kind[j] == L_TITLE_SUB) {
            size_t d = title_dash(sp);
            rc = add_span(out, GW_B_TITLE, sub_span(sp, 0, d));
            if (rc == GW_OK)
                rc = add_subtitle_author(out, sub_span(sp, d, sp.len), salute);
        } else if (j == title && hash_mark(sp)) {
            /* # 政府工作报告 (Markdown a scraper saved): the marks are furniture */
            rc = add_span(out, GW_B_FRONT_PARA, sub_span(sp, 0, hash_mark(sp)));
            if (rc == GW_OK)
                rc = add_span(out, GW_B_TITLE, sub_span(sp, hash_mark(sp), sp.len));
        } else if (j == title) {
            rc = add_span(out, GW_B_TITLE, sp);
        } else if (kind[j] == L_CREDIT_SUB) {
            size_t at = credit_then_session(sp);
            rc = add_span(out, GW_B_FRONT_PARA, sub_span(sp, 0, at));
            if (rc == GW_OK)
                rc = add_subtitle_author(out, sub_span(sp, at, sp.len), salute);
        } else if (kind[j] == L_SUB) {
            /* the subtitle or its speaker wrapped onto the next line */
            /* the line below may end like a title: …作政府工作报告 of a
             * speaker, …会议的政府工作报告 of the subtitle */
            int close_below =
                j + 1 < k && j + 1 != title && stands_below(idx, j) && kind[j + 1] == L_TITLE;
            int goes_on = j + 1 < k && (kind[j + 1] == L_OTHER || close_below);
            gw_span next = goes_on ? gw_line_span(lines, idx[j + 1]) : sp;
            int w = goes_on && stands_below(idx, j) ? add_wrapped_author(out, sp, next, salute) : 0;
            if (w < 0)
                return GW_ERR_NOMEM;
            if (w == 0) {
                rc = add_subtitle_author(out, sp, salute);
                gw_block *b = &out->v[out->n - 1];
                w = rc == GW_OK && goes_on && b->kind == GW_B_SUBTITLE &&
                    !subtitle_complete(sp.s, sp.len) && subtitle_complete(next.s, next.len);
                /* …人民代表大会第三次 / 会议上安徽省人民政府省长 王清宪作…:
                 * the speaker follows on the second line (a narrow page) */
                size_t cut = w ? session_end(next) : 0;
                if (w) {
                    b->more = cut ? sub_span(next, 0, cut) : next;
                    b->last = next.line;
                }
                if (cut)
                    rc = add_speaker(out, next, cut, salute);
            }
            if (w > 0) {
                j++;
                if (end < j + 1)
                    end = j + 1;
            }
        } else if (kind[j] == L_AUTHOR) {
            rc = add_span(out, GW_B_AUTHOR, sp);
            if (rc == GW_OK && name_below[j]) {
                gw_block *b = &out->v[out->n - 1];
                b->more = gw_line_span(lines, idx[++j]);
                b->last = b->more.line;
                if (end < j + 1)
                    end = j + 1;
            }
        } else if (kind[j] == L_SALUTE) {
            rc = add_span(out, GW_B_SALUTATION, sp);
        } else if (kind[j] == L_TOC) {
            rc = add_toc(out, toc);
        } else {
            rc = add_span(out, GW_B_FRONT_PARA, sp);
        }
        if (rc != GW_OK)
            return rc;
    }
    *after = out->v[out->n - 1].last + 1;
    return GW_OK;
}
