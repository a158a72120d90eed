/* Tables of contents: 目录 and its entries, and contents whose title a
 * copy lost, known by their leader dots and page numbers or by headings
 * the text repeats. */
#include "toc.h"
#include "sentence.h"
#include "tunables.h"
#include "utf8.h"

#include <string.h>

/* Bytes of 目录, 目　录 or 目次 at the start of sp, 0 if it does not start so. */
static size_t toc_word_len(gw_span sp)
{
    size_t i = gw_skip_space(sp.s, sp.len, 0);
    if (gw_next(sp.s, sp.len, &i) != 0x76EE) /* 目 */
        return 0;
    i = gw_skip_space(sp.s, sp.len, i);
    uint32_t cp = gw_next(sp.s, sp.len, &i);
    return cp == 0x5F55 || cp == 0x6B21 ? i : 0; /* 录 次 */
}

int gw_toc_word(gw_span sp)
{
    size_t k = toc_word_len(sp);
    if (!k)
        return 0;
    k = gw_skip_space(sp.s, sp.len, k);
    if (gw_starts(sp.s + k, sp.len - k, "："))
        k += strlen("：");
    else if (k < sp.len && sp.s[k] == ':')
        k++;
    return gw_skip_space(sp.s, sp.len, k) == sp.len;
}

/* Byte offset of the first leader (…… ... ···) in sp, sp.len if none. */
static size_t leader_at(gw_span sp)
{
    static const char *const leaders[] = {"…", "...", "···", "．．", "‥"};
    size_t best = sp.len;
    for (size_t k = 0; k < sizeof leaders / sizeof leaders[0]; k++)
        for (size_t i = 0; i + strlen(leaders[k]) <= sp.len && i < best; i++)
            if (!memcmp(sp.s + i, leaders[k], strlen(leaders[k])))
                best = i;
    return best;
}

/* A contents line: leader dots, or a page number at its end. */
static int has_leader_or_page(gw_span sp)
{
    if (leader_at(sp) < sp.len)
        return 1;
    int d;
    size_t i = 0, last = 0;
    while (i < sp.len) {
        uint32_t cp = gw_next(sp.s, sp.len, &i);
        if (!gw_is_space(cp))
            last = cp;
    }
    return gw_is_digit((uint32_t)last, &d) && !gw_sentence_end(sp.s, sp.len);
}

/* Markers listed so far in a table of contents, with their families in
 * the order they first appeared: 第二章 restarts the 节 below it, so 第一节
 * may be listed again under each chapter. */
enum { LISTED_MAX = 256 };
typedef struct {
    gw_marker v[LISTED_MAX];
    size_t n;
    gw_family order[GW_F_COUNT];
    size_t norder;
} listed;

static size_t family_rank(listed *l, gw_family f)
{
    for (size_t r = 0; r < l->norder; r++)
        if (l->order[r] == f)
            return r;
    l->order[l->norder] = f;
    return l->norder++;
}

/* Records m; returns 1 if it was listed already (the text has begun). */
static int list_marker(listed *l, const gw_marker *m)
{
    size_t rank = family_rank(l, m->family), kept = 0;
    for (size_t k = 0; k < l->n; k++)
        if (family_rank(l, l->v[k].family) <= rank)
            l->v[kept++] = l->v[k];
    l->n = kept;
    for (size_t k = 0; k < l->n; k++)
        if (l->v[k].family == m->family && l->v[k].n == m->n)
            return 1;
    if (l->n < LISTED_MAX)
        l->v[l->n++] = *m;
    return 0;
}

/* Whether two lines read the same, white space aside (序　言 and 序言). */
static int same_words(gw_span a, gw_span b)
{
    size_t i = 0, j = 0;
    for (;;) {
        i = gw_skip_space(a.s, a.len, i);
        j = gw_skip_space(b.s, b.len, j);
        if (i == a.len || j == b.len)
            return i == a.len && j == b.len;
        if (gw_next(a.s, a.len, &i) != gw_next(b.s, b.len, &j))
            return 0;
    }
}

/* A contents line without its leader dots and page number. */
gw_span gw_toc_entry_name(gw_span sp)
{
    size_t end = sp.len;
    while (end > 0) {
        size_t at = end - 1;
        while (at > 0 && ((unsigned char)sp.s[at] & 0xC0) == 0x80)
            at--;
        int d;
        uint32_t cp = gw_peek(sp.s, sp.len, at);
        if (!gw_is_space(cp) && !gw_is_digit(cp, &d) && cp != 0x2026 && cp != '.' && cp != 0xFF0E &&
            cp != 0xB7 && cp != 0x2025)
            break;
        end = at;
    }
    sp.len = end;
    return sp;
}

/* An unnumbered part at the start of a contents entry: 序言…, 附件1…. */
static int starts_unnumbered_part(gw_span sp)
{
    static const char *const words[] = {"序言",     "前言", "引言", "导言", "结束语", "结语",
                                        "名词解释", "注释", "附件", "附录", "附表",   "后记"};
    for (size_t k = 0; k < sizeof words / sizeof words[0]; k++)
        if (gw_starts(sp.s, sp.len, words[k]))
            return 1;
    return 0;
}

/* Whether an entry starts at sp: a marker (第一篇…, 一、…) or an unnumbered part. */
static int starts_entry(gw_span sp)
{
    gw_marker m;
    return gw_marker_scan(sp.s, sp.len, &m) || starts_unnumbered_part(sp);
}

/* Bytes of the first entry of a contents line. A PDF or OCR copy runs the
 * entries together (第一章发展基础……2第二章指导思想……5): an entry ends
 * after its page number where the next one starts. */
static size_t entry_len(gw_span sp)
{
    size_t i = 0;
    int d;
    while (i < sp.len) {
        size_t at = i;
        if (!gw_is_digit(gw_next(sp.s, sp.len, &i), &d))
            continue;
        while (i < sp.len && gw_is_digit(gw_peek(sp.s, sp.len, i), &d))
            gw_next(sp.s, sp.len, &i);
        size_t next = gw_skip_space(sp.s, sp.len, i);
        gw_span rest = {sp.line, sp.s + next, sp.len - next};
        if (at > 0 && next < sp.len && starts_entry(rest))
            return i;
    }
    return sp.len;
}

/* 目录 alone, or 目录 run together with its first entries (目录序言……1第一篇…). */
static int is_toc_heading(gw_span sp)
{
    if (gw_toc_word(sp))
        return 1;
    size_t k = toc_word_len(sp);
    if (!k)
        return 0;
    k = gw_skip_space(sp.s, sp.len, k);
    gw_span rest = {sp.line, sp.s + k, sp.len - k};
    return starts_entry(rest) && has_leader_or_page(rest);
}

static gw_block *add(gw_blocks *out, gw_block_kind kind, gw_span sp)
{
    gw_block *b = gw_blocks_add(out, kind, sp.line);
    if (b)
        b->text = sp;
    return b;
}

/* Adds the entries of one contents line; returns 0 when out of memory. */
static int add_entries(gw_blocks *out, gw_span e, listed *seen)
{
    while (e.len) {
        gw_span one = {e.line, e.s, entry_len(e)};
        gw_marker m;
        if (gw_marker_scan(one.s, one.len, &m))
            list_marker(seen, &m);
        if (!add(out, GW_B_TOC_ENTRY, one))
            return 0;
        size_t next = gw_skip_space(e.s, e.len, one.len);
        e.s += next;
        e.len -= next;
    }
    return 1;
}

/* What a contents entry names: a numbered part (第一章 发展基础, 一、…) or
 * an unnumbered one (序　言, 名词解释, 附件1 …), short as a title. */
static int names_entry(gw_span name)
{
    gw_marker m;
    return gw_short_title(name, GW_TITLE_LINE_MAX) &&
           (gw_marker_scan(name.s, name.len, &m) || gw_unnumbered_part(name) ||
            starts_unnumbered_part(name));
}

/* White space, then a page number (1 to 4 digits), then nothing: what
 * follows an entry's name when the contents set no leader dots. Two
 * numbers are the figures of a table row (城镇化率（%）	46	56). */
static int spaced_page(const char *s, size_t len)
{
    int d;
    size_t i = gw_skip_space(s, len, 0), digits = 0;
    if (i == 0)
        return 0;
    while (i < len && gw_is_digit(gw_peek(s, len, i), &d)) {
        gw_next(s, len, &i);
        digits++;
    }
    return digits >= 1 && digits <= 4 && gw_skip_space(s, len, i) == len;
}

/* The number that ends s (its last run of digits), -1 if it has none. */
static long last_number(const char *s, size_t len)
{
    long v = -1;
    int d, in_run = 0;
    size_t i = 0;
    while (i < len) {
        if (!gw_is_digit(gw_next(s, len, &i), &d)) {
            in_run = 0;
            continue;
        }
        if (!in_run)
            v = d;
        else if (v < 100000) /* no page runs so far; stop before overflow */
            v = v * 10 + d;
        in_run = 1;
    }
    return v;
}

/* Leader dots, then a page number, perhaps in brackets, and nothing else
 * (……（ 8 ）, ……12): what follows an entry's name. Prose broken off by
 * an ellipsis goes on in words (……等5个). */
static int leader_page(const char *s, size_t len)
{
    int d, digits = 0;
    size_t i = 0;
    while (i < len) {
        uint32_t cp = gw_next(s, len, &i);
        digits |= gw_is_digit(cp, &d);
        if (!gw_is_digit(cp, &d) && !gw_is_space(cp) && cp != 0x2026 && cp != 0x2025 && cp != '.' &&
            cp != 0xFF0E && cp != 0xB7 && cp != '(' && cp != ')' && cp != 0xFF08 && cp != 0xFF09)
            return 0;
    }
    return digits;
}

/* An entry of contents by its own look, with no 目录 above it: it opens
 * with an entry's name, and leader dots then a page number follow the name
 * (一、2024年工作回顾……（1）), or white space and a page number end it
 * (第一章　发展基础	2). Sets *page to its page number. A heading never
 * ends so. */
static int paged_entry(gw_span one, long *page)
{
    size_t lead = leader_at(one);
    gw_span name = gw_toc_entry_name(one);
    if (lead < one.len) {
        name.len = gw_trim_end(one.s, lead);
        if (!leader_page(one.s + lead, one.len - lead))
            return 0;
    } else if (!spaced_page(one.s + name.len, one.len - name.len)) {
        return 0;
    }
    *page = last_number(one.s + name.len, one.len - name.len);
    return name.len && *page >= 0 && names_entry(name);
}

/* Whether sp ends as a contents line does: in a page number, perhaps in
 * brackets. Looked at first, as most lines end otherwise. */
static int ends_in_page(gw_span sp)
{
    size_t at = gw_trim_end(sp.s, sp.len);
    while (at > 0 && ((unsigned char)sp.s[at - 1] & 0xC0) == 0x80)
        at--;
    int d;
    uint32_t cp = at > 0 ? gw_peek(sp.s, sp.len, at - 1) : 0;
    return gw_is_digit(cp, &d) || cp == ')' || cp == 0xFF09;
}

/* Whether the lines from i on hold at least GW_TOC_ENTRIES_MIN entries
 * with their page numbers (paged_entry), the pages never going back (a
 * table's figures do). A part the contents list without a page (第二篇
 * 主要任务 above its chapters) may stand between them, one line at a
 * time. */
static int paged_run(const gw_lines *lines, size_t i)
{
    size_t n = 0;
    long prev = -1;
    int bare = 0; /* the line before named a part without a page */
    for (size_t j = i; j < lines->n && n < GW_TOC_ENTRIES_MIN; j = gw_next_nonblank(lines, j + 1)) {
        gw_span e = gw_line_span(lines, j);
        size_t here = 0;
        long page;
        while (e.len && ends_in_page(e)) {
            gw_span one = {e.line, e.s, entry_len(e)};
            if (!paged_entry(one, &page) || page < prev)
                break;
            prev = page;
            here++;
            size_t next = gw_skip_space(e.s, e.len, one.len);
            e.s += next;
            e.len -= next;
        }
        n += here;
        if (here && !e.len)
            bare = 0;
        else if (!here && !bare && names_entry(e))
            bare = 1;
        else
            break;
    }
    return n >= GW_TOC_ENTRIES_MIN;
}

size_t gw_starts_with_words(gw_span text, gw_span words)
{
    size_t i = 0, j = 0;
    for (;;) {
        j = gw_skip_space(words.s, words.len, j);
        if (j == words.len)
            return i;
        i = gw_skip_space(text.s, text.len, i);
        if (i == text.len || gw_next(text.s, text.len, &i) != gw_next(words.s, words.len, &j))
            return 0;
    }
}

/* The first line from j on that starts with the words of name, lines->n
 * if none does. */
static size_t find_again(const gw_lines *lines, size_t j, gw_span name)
{
    for (; j < lines->n; j++)
        if (gw_starts_with_words(gw_line_span(lines, j), name))
            return j;
    return lines->n;
}

/* Whether the lines from i on are a run of at least GW_TOC_ENTRIES_MIN
 * headings alone on their lines (第一章　发展基础, 序言) that the text
 * repeats, in the same order, after the run: contents that kept neither
 * their title nor their page numbers. A text never repeats its own
 * headings, so the first run of them that comes again lists them. */
static int repeated_run(const gw_lines *lines, size_t i)
{
    enum { CHECKED_MAX = 64 }; /* entries compared with the text: enough to tell */
    size_t at[CHECKED_MAX], n = 0, j = i;
    listed seen = {0};
    gw_span first = {0, NULL, 0};
    for (; j < lines->n; j = gw_next_nonblank(lines, j + 1)) {
        gw_span e = gw_line_span(lines, j);
        gw_marker m;
        int marked = gw_marker_scan(e.s, e.len, &m);
        gw_span name = gw_toc_entry_name(e);
        if (!(marked && gw_short_title(e, GW_TITLE_LINE_MAX)) && !gw_unnumbered_part(name))
            break;
        if ((marked && list_marker(&seen, &m)) || (first.len && same_words(first, name)))
            break;
        if (!first.len)
            first = name;
        if (n < CHECKED_MAX)
            at[n] = j;
        n++;
    }
    if (n < GW_TOC_ENTRIES_MIN)
        return 0;
    for (size_t k = 0; k < n && k < CHECKED_MAX; k++) {
        j = find_again(lines, j, gw_toc_entry_name(gw_line_span(lines, at[k])));
        if (j++ >= lines->n)
            return 0;
    }
    return 1;
}

int gw_toc_starts(const gw_lines *lines, size_t i, int headed)
{
    gw_span sp = gw_line_span(lines, i);
    if (is_toc_heading(sp))
        return 1;
    if (!starts_entry(sp) && !gw_unnumbered_part(gw_toc_entry_name(sp)))
        return 0;
    return paged_run(lines, i) || (!headed && repeated_run(lines, i));
}

/* 目录 and its entries. The contents end at the first line that is not an
 * entry, or at a marker already listed at its level or a repeat of the
 * first entry: there the text itself begins. */
gw_status gw_toc_scan(const gw_lines *lines, size_t i, gw_blocks *out, size_t *after)
{
    listed seen = {0};
    gw_span sp = gw_line_span(lines, i);
    /* without its title the contents stand at their first entry */
    size_t word = gw_toc_word(sp) ? sp.len : toc_word_len(sp);
    gw_span title = {sp.line, sp.s, word};
    size_t k = gw_skip_space(sp.s, sp.len, word);
    gw_span rest = {sp.line, sp.s + k, sp.len - k};
    if (!add(out, GW_B_TOC, title) || !add_entries(out, rest, &seen))
        return GW_ERR_NOMEM;
    i++;
    gw_span first = {0, NULL, 0};
    if (rest.len) /* the text begins where 序言 of 目录序言……1 comes again */
        first = gw_toc_entry_name((gw_span){rest.line, rest.s, entry_len(rest)});
    for (;;) {
        size_t j = gw_next_nonblank(lines, i);
        if (j >= lines->n)
            break;
        gw_span e = gw_line_span(lines, j);
        gw_marker m;
        int marked = gw_marker_scan(e.s, e.len, &m);
        if (!has_leader_or_page(e) && !(marked && gw_short_title(e, GW_TITLE_LINE_MAX)) &&
            !gw_unnumbered_part(e))
            break;
        gw_span head = {e.line, e.s, entry_len(e)};
        if ((marked && list_marker(&seen, &m)) ||
            (first.len && same_words(first, gw_toc_entry_name(head))))
            break;
        if (!first.len)
            first = gw_toc_entry_name(head);
        if (!add(out, GW_B_TOC_ENTRY, head))
            return GW_ERR_NOMEM;
        size_t more_at = gw_skip_space(e.s, e.len, head.len);
        gw_span more = {e.line, e.s + more_at, e.len - more_at};
        if (!add_entries(out, more, &seen))
            return GW_ERR_NOMEM;
        i = j + 1;
    }
    *after = i;
    return GW_OK;
}
