#include "layout.h"
#include "hints.h"
#include "marker.h"
#include "sentence.h"
#include "table.h"
#include "tunables.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

static size_t trimmed(const gw_line *l, const char **s)
{
    size_t b = gw_skip_space(l->s, l->len, 0);
    *s = l->s + b;
    return gw_trim_end(l->s + b, l->len - b);
}

static int is_dashlike(uint32_t cp)
{
    return cp == '-' || cp == 0x2014 || cp == 0x2015 || cp == 0x2013 || cp == 0xFF0D ||
           cp == 0x2500 || cp == 0xB7 || cp == 0x30FB;
}

int gw_is_page_number(const char *s, size_t len)
{
    size_t i = 0, digits = 0, dashes = 0, words = 0;
    int d;
    while (i < len) {
        uint32_t cp = gw_next(s, len, &i);
        if (gw_is_digit(cp, &d))
            digits++;
        else if (is_dashlike(cp))
            dashes++;
        else if (cp == 0x7B2C /* 第 */ || cp == 0x9875 /* 页 */ || cp == 0x5171 /* 共 */ ||
                 cp == '/')
            words++;
        else if (!gw_is_space(cp))
            return 0;
    }
    /* a bare number is only a page number when the caller knows the text
     * is laid out in pages; here it needs dashes or 第…页 around it */
    return digits > 0 && digits <= 8 && (dashes > 0 || words > 0);
}

/* Whether a line ends with closing punctuation; with clauses, ； and ：
 * count too (they end a line of a list or an introduction). */
static int ends_sentence(const char *s, size_t len, int clauses)
{
    static const char *const closers[] = {"”", "’", "）", ")", "」", "』", "》"};
    for (int again = 1; again;) {
        again = 0;
        for (size_t k = 0; k < sizeof closers / sizeof closers[0]; k++) {
            size_t n = strlen(closers[k]);
            if (len > n && memcmp(s + len - n, closers[k], n) == 0) {
                len -= n;
                again = 1;
            }
        }
    }
    static const char *const stops[] = {"。", "！", "？", "!", "?", "；", "："};
    size_t nstops = clauses ? sizeof stops / sizeof stops[0] : 5;
    for (size_t k = 0; k < nstops; k++) {
        size_t n = strlen(stops[k]);
        if (len >= n && memcmp(s + len - n, stops[k], n) == 0)
            return 1;
    }
    return 0;
}

static int starts_marker(const char *s, size_t len)
{
    gw_marker m;
    return gw_marker_scan(s, len, &m) || gw_dash_len(s, len) || gw_starts(s, len, "专栏");
}

/* A marker that opens a block of its own in indented text; 一是 and 第一，
 * run on inside a paragraph, and a paragraph they open is indented. */
static int starts_block(const char *s, size_t len)
{
    gw_marker m;
    if (gw_marker_scan(s, len, &m))
        return m.family != GW_F_SHI && m.family != GW_F_DI;
    return gw_dash_len(s, len) || gw_starts(s, len, "专栏");
}

/* A short line without a sentence in it: 名词解释, 附件2, 序　言 */
static int is_title_line(const char *s, size_t len)
{
    return gw_chars_at_most(s, len, GW_LAYOUT_TITLE_LINE_MAX) && !gw_sentence_end(s, len) &&
           gw_find_outside(s, len, 0xFF0C) == len;
}

/* A heading's last line ends on a word or a bracket, never on a comma or
 * colon that leads on to the next line. */
static int heading_ends(const char *s, size_t len)
{
    static const char *const leads[] = {"，", "、", "；", "：", ",", ";", ":"};
    for (size_t k = 0; k < sizeof leads / sizeof leads[0]; k++) {
        size_t n = strlen(leads[k]);
        if (len >= n && memcmp(s + len - n, leads[k], n) == 0)
            return 0;
    }
    return 1;
}

static int is_indented(const gw_line *l)
{
    /* a form feed opens a page (pdftotext's copy), not the paragraph */
    size_t from = l->len && l->s[0] == '\f';
    size_t b = gw_skip_space(l->s, l->len, from);
    return b > from && b < l->len && l->s[from] != '\t';
}

/* Whether the next line of text after line i (past blank lines and page
 * furniture) opens a block of its own: indented, or a marker. A title
 * line stands before one; the short last line before a page break goes on
 * after it. */
static int block_follows(const gw_lines *lines, const unsigned char *page, size_t i)
{
    for (size_t j = i + 1; j < lines->n; j++) {
        const char *s;
        size_t len = trimmed(&lines->v[j], &s);
        if (len == 0 || page[j])
            continue;
        return is_indented(&lines->v[j]) || starts_marker(s, len) || gw_table_starts(lines, j);
    }
    return 1;
}

/* Counts prose lines and those that stop mid-sentence. */
static int looks_wrapped(const gw_lines *lines)
{
    size_t prose = 0, broken = 0;
    for (size_t i = 0; i < lines->n; i++) {
        const char *s;
        size_t len = trimmed(&lines->v[i], &s);
        if (lines->v[i].len && lines->v[i].s[0] == '\t')
            continue;
        if (gw_chars_at_most(s, len, 15 - 1) || gw_find_outside(s, len, 0xFF0C) == len ||
            starts_marker(s, len))
            continue;
        prose++;
        broken += !ends_sentence(s, len, 1);
    }
    return broken >= GW_WRAP_MIN_LINES && broken * 100 >= prose * GW_WRAP_MIN_SHARE;
}

/* Whether the characters of line a, white space left out, are a
 * subsequence of line b's, fewer of them, in runs parted by plain spaces
 * where b has characters that a lacks: a PDF viewer's copy of the next
 * page's first line that the printer drew, in part, at the foot of the
 * page (Chromium; pdf.js copies every glyph, even those drawn off the
 * page), set right above the line it repeats, a space where glyphs were
 * left out. An author's name line (国务院总理　李克强) or numbered title
 * (02　新能源汽车) that the next paragraph repeats is parted by the
 * ideographic space; a letter-spaced title (政 府 工 作 报 告) leaves out
 * nothing between its characters. */
static int echoes_next(const char *a, size_t alen, const char *b, size_t blen)
{
    /* no space in a, no skip: most lines are ruled out without reading b */
    if (!gw_has_space(a, alen))
        return 0;
    size_t i = 0, j = 0, chars = 0, skips = 0, at = 0, matched = 0;
    int space = 0;
    while (i < alen) {
        uint32_t cp = gw_next(a, alen, &i);
        if (cp == 0x3000)
            return 0;
        if (gw_is_space(cp)) {
            space = 1;
            continue;
        }
        for (;;) {
            if (j >= blen)
                return 0;
            uint32_t c = gw_next(b, blen, &j);
            if (gw_is_space(c))
                continue;
            at++;
            if (c == cp)
                break;
        }
        /* a space of a's where b goes on with what a left out */
        skips += space && chars && at > matched + 1;
        matched = at;
        space = 0;
        chars++;
    }
    /* fewer of them: some of b's were not drawn */
    size_t all = at;
    while (j < blen)
        all += !gw_is_space(gw_next(b, blen, &j));
    return chars >= 2 && skips > 0 && chars < all;
}

static int cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

/* Whether a line has a gap of two or more spaces inside it: a row of a
 * table set in columns, as wide as the page rather than the text. */
static int has_gap(const char *s, size_t len)
{
    size_t i = 0, run = 0;
    while (i < len) {
        uint32_t cp = gw_next(s, len, &i);
        run = gw_is_space(cp) ? run + 1 : 0;
        if (run >= 2)
            return 1;
    }
    return 0;
}

/* The width a line's characters take, white space left out (a copy puts
 * spaces between Han characters and digits that the page did not have):
 * Han characters count two, digits and Latin letters one. Lines of a
 * hard-wrapped copy fill the measure alike by this, whatever their mix of
 * characters, where their counts of characters do not. */
static size_t ink_width(const char *s, size_t len)
{
    size_t i = 0, w = 0;
    while (i < len) {
        uint32_t cp = gw_next(s, len, &i);
        if (!gw_is_space(cp))
            w += (size_t)gw_display_width(cp);
    }
    return w;
}

/* The length of a full line by measure (gw_utf8_count, ink_width): the
 * 90th percentile of the lines of text. */
static size_t full_line(const gw_lines *lines, size_t (*measure)(const char *, size_t))
{
    size_t *len = malloc((lines->n + 1) * sizeof *len), n = 0;
    if (!len)
        return 0;
    for (size_t i = 0; i < lines->n; i++) {
        const char *s;
        size_t l = trimmed(&lines->v[i], &s);
        if (l && lines->v[i].s[0] != '\t' && !has_gap(s, l))
            len[n++] = measure(s, l);
    }
    qsort(len, n, sizeof *len, cmp_size);
    size_t full = n ? len[n * 9 / 10] : 0;
    free(len);
    return full;
}

static int header_candidate(const gw_line *l, const char **s, size_t *len)
{
    *len = trimmed(l, s);
    /* a header is a name, not a clause: no comma; and no one character,
     * which is the tail of a line wrapped at the foot of a page (力 of 新动力)
     * more often than it repeats as a header */
    return *len && l->s[0] != '\t' && gw_chars_at_most(*s, *len, GW_HEADER_MAX) &&
           !gw_nonspace_at_most(*s, *len, 1) && !gw_sentence_end(*s, *len) &&
           !starts_marker(*s, *len) && gw_find_outside(*s, *len, 0xFF0C) == *len &&
           gw_find_outside(*s, *len, 0x3001) == *len;
}

/* The nearest non-blank lines above and below line i (lines->n when
 * there is none). */
static void neighbours(const gw_lines *lines, size_t i, size_t *up, size_t *down)
{
    size_t u = i, d = i + 1;
    while (u > 0 && gw_trim_end(lines->v[u - 1].s, lines->v[u - 1].len) == 0)
        u--;
    while (d < lines->n && gw_trim_end(lines->v[d].s, lines->v[d].len) == 0)
        d++;
    *up = u ? u - 1 : lines->n;
    *down = d;
}

/* Whether the nearest non-blank line above or below line i is a page
 * number. */
static int beside_page_number(const gw_lines *lines, const unsigned char *number, size_t i)
{
    size_t up, down;
    neighbours(lines, i, &up, &down);
    return (up < lines->n && number[up]) || (down < lines->n && number[down]);
}

/* Page 1 has no running header: the first copy of a line, above the first
 * page number, is the title the header repeats. */
static int title_copy(const size_t *first_of, size_t first_number, size_t i)
{
    return i < first_number && first_of[i] == i;
}

/* Running headers: the same short unpunctuated line over and over in a
 * hard-wrapped copy, or a copy of another line (the title) right beside a
 * page number in any copy. Lines are bucketed by hash, so this stays linear
 * in practice. number[i] says line i is a page number. */
static void mark_headers(const gw_lines *lines, const unsigned char *number, int wrapped,
                         unsigned char *page)
{
    /* twice as many buckets as lines: chains stay short (200,000 distinct
     * lines in 4,096 fixed buckets made this quadratic) */
    size_t buckets = 4096;
    while (buckets < 2 * lines->n && buckets < ((size_t)1 << 30))
        buckets *= 2;
    size_t none = GW_NONE;
    size_t *head = malloc(buckets * sizeof *head);
    unsigned *hash = malloc((lines->n + 1) * sizeof *hash);       /* compared before the text */
    size_t *chain = malloc((lines->n + 1) * sizeof *chain);       /* next line in the bucket */
    size_t *first_of = malloc((lines->n + 1) * sizeof *first_of); /* its first copy */
    unsigned *copies = calloc(lines->n + 1, sizeof *copies);
    unsigned char *marked = calloc(lines->n + 1, 1); /* by first copy */
    if (!head || !hash || !chain || !first_of || !copies || !marked)
        goto out;
    for (size_t b = 0; b < buckets; b++)
        head[b] = none;
    for (size_t i = 0; i < lines->n; i++) {
        const char *s;
        size_t len;
        first_of[i] = none;
        if (!header_candidate(&lines->v[i], &s, &len))
            continue;
        unsigned h = 2166136261u;
        for (size_t k = 0; k < len; k++)
            h = (h ^ (unsigned char)s[k]) * 16777619u;
        size_t b = h & (buckets - 1);
        hash[i] = h;
        for (size_t j = head[b]; j != none && first_of[i] == none; j = chain[j]) {
            const char *t;
            if (hash[j] != h)
                continue;
            size_t tl = trimmed(&lines->v[j], &t);
            if (tl == len && memcmp(s, t, len) == 0)
                first_of[i] = j;
        }
        if (first_of[i] == none) {
            first_of[i] = i;
            chain[i] = head[b];
            head[b] = i;
        }
        copies[first_of[i]]++;
    }
    /* without page numbers, pages (and so page 1) are not known */
    size_t first_number = 0;
    while (first_number < lines->n && !number[first_number])
        first_number++;
    if (first_number == lines->n)
        first_number = 0;
    for (size_t i = 0; i < lines->n; i++) {
        if (first_of[i] == none || title_copy(first_of, first_number, i))
            continue;
        unsigned c = copies[first_of[i]];
        if ((wrapped && c >= GW_HEADER_MIN_REPEATS) ||
            (c >= 2 && (first_of[i] != i || i > first_number) &&
             beside_page_number(lines, number, i)))
            marked[first_of[i]] = 1;
    }
    /* once one copy is a header, every copy is (the one beside a bare 2 as
     * much as the one beside — 1 —), but for the title */
    for (size_t i = 0; i < lines->n; i++)
        if (first_of[i] != none && marked[first_of[i]] && !title_copy(first_of, first_number, i))
            page[i] = 1;
out:
    free(head);
    free(hash);
    free(chain);
    free(first_of);
    free(copies);
    free(marked);
}

/* Whether line i, a neighbour of a bare number, is page furniture or prose
 * (lines->n: the edge of the text). */
static int prose_or_page(const gw_lines *lines, const unsigned char *page, size_t i)
{
    if (i >= lines->n || page[i])
        return 1;
    const char *s;
    size_t len = trimmed(&lines->v[i], &s);
    return gw_utf8_count(s, len) >= GW_PROSE_LINE_MIN || ends_sentence(s, len, 0);
}

int gw_is_bare_number(const char *s, size_t len)
{
    size_t i = 0, digits = 0;
    int d;
    while (i < len) {
        if (!gw_is_digit(gw_next(s, len, &i), &d))
            return 0;
        digits++;
    }
    return digits > 0 && digits <= GW_PAGE_DIGITS_MAX;
}

static int is_bare_number(const gw_line *l)
{
    const char *s;
    size_t len = trimmed(l, &s);
    return l->len && l->s[0] != '\t' && gw_is_bare_number(s, len);
}

/* A hard-wrapped copy's page numbers may be bare (3): a short number alone
 * on its line between lines of prose or page furniture, not among the
 * short cells of a table. Marked in page. */
static void mark_bare_numbers(const gw_lines *lines, unsigned char *page)
{
    for (size_t i = 0; i < lines->n; i++) {
        if (page[i] || !is_bare_number(&lines->v[i]))
            continue;
        size_t up, down;
        neighbours(lines, i, &up, &down);
        if (prose_or_page(lines, page, up) && prose_or_page(lines, page, down))
            page[i] = 1;
    }
}

int gw_is_script_line(const char *s, size_t len)
{
    if (len == 0 || len > GW_SCRIPT_MAX)
        return 0;
    for (size_t i = 0; i < len; i++)
        if (!((s[i] >= '0' && s[i] <= '9') || (s[i] == '.' && i > 0 && i + 1 < len)))
            return 0;
    return 1;
}

static int ends_latin(const char *s, size_t len)
{
    char c = len ? s[len - 1] : 0;
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* The next non-blank line after i, at most one blank line between;
 * GW_NONE when there is none. */
static size_t near_below(const gw_lines *lines, size_t i)
{
    const char *s;
    for (size_t j = i + 1; j < lines->n && j <= i + 2; j++)
        if (trimmed(&lines->v[j], &s))
            return j;
    return GW_NONE;
}

/* PM / 2.5 / 年平均浓度…: a web copy breaks the line around a <sub> or
 * <sup>; the number and the line after it go on with the paragraph whose
 * line ends in the letters it belongs to (a blank line between allowed). */
static void join_split_scripts(const gw_lines *lines, gw_layout *out)
{
    for (size_t i = 0; i < lines->n; i++) {
        const char *p, *s, *n;
        size_t plen = trimmed(&lines->v[i], &p);
        size_t at = near_below(lines, i);
        if (!ends_latin(p, plen) || at == GW_NONE)
            continue;
        size_t slen = trimmed(&lines->v[at], &s);
        size_t next = near_below(lines, at);
        if (!gw_is_script_line(s, slen) || next == GW_NONE || out->page[next])
            continue;
        size_t nlen = trimmed(&lines->v[next], &n);
        if (starts_marker(n, nlen))
            continue;
        out->page[at] = 0; /* 10 of PM10 amid prose is no page number */
        out->cont[at] = 1;
        out->cont[next] = 1;
    }
}

/* ，统筹发展和安全。: no paragraph opens with a comma, an enumeration
 * comma, a semicolon or a stop, and no page line either. */
static int opens_mid_sentence(const char *s, size_t len)
{
    uint32_t cp = gw_peek(s, len, 0);
    return cp == 0xFF0C || cp == ',' || cp == 0x3001 || cp == 0xFF1B || cp == ';' || cp == 0x3002 ||
           cp == 0xFF01 || cp == 0xFF1F;
}

/* Whether line p leaves a quote or bracket open that line s closes before
 * opening one of its own: a copy broke the line inside “Discover Jiangxi”
 * (pandoc and html2text wrap at spaces) or right after “. No paragraph
 * ends mid-sentence inside a quote that the next one closes. */
static int breaks_inside_quote(const char *p, size_t plen, const char *s, size_t len)
{
    enum { PAIRS = 6 };
    static const uint32_t pairs[PAIRS][2] = {{0x201C, 0x201D}, {0x2018, 0x2019}, {0x300A, 0x300B},
                                             {0xFF08, 0xFF09}, {0x3010, 0x3011}, {0x300C, 0x300D}};
    /* each line is read once, for all the pairs (asked of every line that
     * ends no sentence) */
    size_t depth[PAIRS] = {0}, open = 0;
    for (size_t i = 0; i < plen;) {
        uint32_t cp = gw_next(p, plen, &i);
        for (size_t k = 0; k < PAIRS; k++)
            if (cp == pairs[k][0])
                depth[k]++;
            else if (cp == pairs[k][1] && depth[k])
                depth[k]--;
    }
    for (size_t k = 0; k < PAIRS; k++)
        open += depth[k] != 0;
    /* a pair open at p's end: s closes it before it opens another */
    for (size_t i = 0; i < len && open;) {
        uint32_t cp = gw_next(s, len, &i);
        for (size_t k = 0; k < PAIRS; k++) {
            if (!depth[k])
                continue;
            if (cp == pairs[k][1])
                return 1;
            if (cp == pairs[k][0]) {
                depth[k] = 0;
                open--;
            }
        }
    }
    return 0;
}

/* A copy that broke the line before such a mark (a PDF or OCR wrap), or
 * inside a quote, goes on with the paragraph above (a blank line between
 * allowed). */
static void join_leading_commas(const gw_lines *lines, gw_layout *out)
{
    const char *p = NULL; /* the content line before, if any */
    size_t plen = 0;
    size_t blanks = 0; /* blank lines since it; page lines do not count */
    for (size_t i = 0; i < lines->n; i++) {
        const char *s;
        size_t len = trimmed(&lines->v[i], &s);
        if (len == 0) {
            blanks++;
            continue;
        }
        if (out->page[i])
            continue;
        if (p && blanks <= 1 &&
            (opens_mid_sentence(s, len) ||
             (!ends_sentence(p, plen, 1) && breaks_inside_quote(p, plen, s, len))))
            out->cont[i] = 1;
        p = s;
        plen = len;
        blanks = 0;
    }
}

/* Whether the copy's paragraphs run over several lines: lines of text per
 * line that ends one short of the measure. Where they do, a sentence of a
 * paragraph ends where a line does far more often than a paragraph's last
 * line fills the measure, and a line ending a sentence at the measure goes
 * on (the next sentence opens no paragraph, and is no lead); where
 * paragraphs are a line or two, it ends one. */
static int long_paragraphs(const gw_lines *lines, size_t wide)
{
    size_t text = 0, ends = 0;
    for (size_t i = 0; i < lines->n; i++) {
        const char *s;
        size_t len = trimmed(&lines->v[i], &s);
        if (!len || starts_marker(s, len))
            continue;
        text++;
        ends += ink_width(s, len) * 100 < wide * GW_HABIT_SHORT_SHARE;
    }
    /* a few lines tell nothing of the copy's habit */
    return text >= GW_HABIT_SAMPLE_LINES && text >= GW_LONG_PARAGRAPH_LINES * (ends ? ends : 1);
}

/* Where the item numbered want of the run-in series m (一是/二是, 第一，)
 * stands in lines [from, to) (to < from: read upwards): 1 opening a line,
 * 0 inside one, -1 not found. */
static int series_item_at(const gw_lines *lines, size_t from, size_t to, const gw_marker *m,
                          int want)
{
    for (size_t j = from; j != to; j = to > from ? j + 1 : j - 1) {
        const char *s;
        size_t len = trimmed(&lines->v[j], &s);
        for (size_t k = 0; k < len;) {
            gw_marker x;
            if (gw_marker_scan(s + k, len - k, &x) && x.family == m->family && x.n == want)
                return k == 0;
            gw_next(s, len, &k);
        }
    }
    return -1;
}

/* Whether line i opens with an item of a run-in series (一是, 第一，) whose
 * neighbours in it stand inside lines: the series runs on in its
 * paragraph, and a copy broke the line before this item only because the
 * sentence before it filled the measure. Where they open lines (二是… as
 * a paragraph's heading), so does this one. */
static int series_runs_in(const gw_lines *lines, size_t i)
{
    const char *s;
    size_t len = trimmed(&lines->v[i], &s);
    gw_marker m;
    if (!gw_marker_scan(s, len, &m) || (m.family != GW_F_SHI && m.family != GW_F_DI))
        return 0;
    size_t w = GW_SERIES_WINDOW;
    int at = m.n > 1
                 ? series_item_at(lines, i - 1, i > w ? i - w - 1 : (size_t)-1, &m, m.n - 1)
                 : series_item_at(lines, i + 1, i + 1 + w < lines->n ? i + 1 + w : lines->n, &m, 2);
    return at == 0;
}

/* Whether line p, ending a sentence, runs to the measure in a copy of long
 * paragraphs, and line s below it opens no block and is no title
 * (名词解释); an indented line below opens a paragraph whatever this says. */
static int at_measure(const gw_lines *lines, size_t i, int long_paras, const char *p, size_t plen,
                      const char *s, size_t len, size_t wide)
{
    return long_paras && ink_width(p, plen) * 100 >= wide * GW_MEASURE_SHARE &&
           (!starts_marker(s, len) || series_runs_in(lines, i)) && !is_title_line(s, len);
}

/* How the headings of each family stand in a hard-wrapped copy, learnt
 * from those that show it: standalone[f] counts short marker lines with no
 * sentence in them (the title alone), runin[f] marker lines with a
 * sentence end in them (title, then body). A report may set a part's
 * headings alone and another part's run in (一、回顾: （一）title alone;
 * 三、政府建设: （一）title. body), so each part learns its own; the parts'
 * own headings (一、 第一章) are learnt over the whole copy. */
typedef struct {
    size_t standalone[GW_F_COUNT], runin[GW_F_COUNT];
} heading_habit;

static int top_family(gw_family f)
{
    return f == GW_F_BIAN || f == GW_F_PIAN || f == GW_F_ZHANG || f == GW_F_BUFEN || f == GW_F_CN;
}

/* Whether content line i fills the measure (full characters) and stops
 * mid-sentence, and is no heading's first line. */
static int cut_mid_sentence(const gw_lines *lines, const gw_layout *out, size_t i, size_t full)
{
    const char *p;
    size_t plen = trimmed(&lines->v[i], &p);
    return !ends_sentence(p, plen, 1) &&
           gw_utf8_count(p, plen) * 100 >= full * GW_FULL_LINE_SHARE &&
           !(starts_marker(p, plen) && !out->cont[i]);
}

/* Whether the copy sets a blank line between every two lines of text
 * (pdftotext -layout or a PDF viewer copying widely spaced lines): a single
 * blank line then parts nothing, and paragraphs are told as in any
 * hard-wrapped copy. */
static int double_spaced(const gw_lines *lines)
{
    size_t apart = 0, together = 0;
    for (size_t i = 0; i + 2 < lines->n; i++) {
        if (!gw_trim_end(lines->v[i].s, lines->v[i].len))
            continue;
        if (gw_trim_end(lines->v[i + 1].s, lines->v[i + 1].len))
            together++;
        else if (gw_trim_end(lines->v[i + 2].s, lines->v[i + 2].len))
            apart++;
    }
    return apart >= GW_WRAP_MIN_LINES && apart * 100 >= (apart + together) * GW_DOUBLE_SHARE;
}

/* A line clearly shorter than a line of text, with no sentence in it: a
 * title alone, or a wrapped title's last words (a line of text runs to the
 * measure but for the last of a paragraph, which ends a sentence). */
static int short_phrase(const char *s, size_t len, size_t wide)
{
    return ink_width(s, len) * 100 < wide * GW_HABIT_SHORT_SHARE && !gw_sentence_end(s, len);
}

/* Whether the line below line i (past the blank lines of a double-spaced
 * copy, as mutool and pdftotext -layout give) is a short phrase: line i's
 * title wrapped onto it and ended there. */
static int tail_below(const gw_lines *lines, size_t i, size_t wide, size_t spacing)
{
    const char *s = NULL;
    size_t j = i + 1, len = 0;
    for (size_t skipped = 0; j < lines->n && skipped <= spacing; j++, skipped++)
        if ((len = trimmed(&lines->v[j], &s)) != 0)
            break;
    return len && !starts_marker(s, len) && short_phrase(s, len, wide);
}

/* The habits of lines [from, to); from is where a part starts, and the
 * part goes on to the next part heading (returned). to: the copy's end
 * for the whole copy, else the caller's lines->n (the part is found). */
static size_t learn_headings(const gw_lines *lines, size_t from, int whole, size_t wide,
                             size_t spacing, heading_habit *h)
{
    memset(h, 0, sizeof *h);
    size_t i;
    for (i = from; i < lines->n; i++) {
        const char *s;
        size_t len = trimmed(&lines->v[i], &s);
        gw_marker m;
        if (!len || !gw_marker_scan(s, len, &m))
            continue;
        if (!whole && i > from && top_family(m.family))
            break;
        if (gw_sentence_end(s, len))
            h->runin[m.family]++;
        else if (short_phrase(s, len, wide) || tail_below(lines, i, wide, spacing))
            h->standalone[m.family]++;
    }
    return i;
}

/* Whether line p, a marker line as long as a line of text, is a heading
 * standing alone whose paragraph starts on the next line: its family's
 * headings stand alone in this copy, none runs in, nothing in it leads on
 * (no sentence, no closing comma), and the next line is full too, a first
 * line of text rather than a title's last words (为保障国家粮食安全和重要农牧 /
 * 产品供给作出新贡献). */
static int heading_alone(const heading_habit *whole, const heading_habit *part, const char *p,
                         size_t plen, const char *s, size_t len, size_t wide)
{
    gw_marker m;
    if (!gw_marker_scan(p, plen, &m))
        return 0;
    const heading_habit *h = top_family(m.family) ? whole : part;
    if (h->runin[m.family] || h->standalone[m.family] < GW_HABIT_MIN || gw_sentence_end(p, plen) ||
        !heading_ends(p, plen))
        return 0;
    return ink_width(s, len) * 100 >= wide * GW_FULL_LINE_SHARE;
}

gw_status gw_layout_scan(const gw_lines *lines, gw_layout *out)
{
    memset(out, 0, sizeof *out);
    size_t n = lines->n ? lines->n : 1;
    out->page = calloc(n, 1);
    out->cont = calloc(n, 1);
    if (!out->page || !out->cont) {
        gw_layout_free(out);
        return GW_ERR_NOMEM;
    }
    for (size_t i = 0; i < lines->n; i++) {
        const char *s;
        size_t len = trimmed(&lines->v[i], &s);
        out->page[i] = len && gw_is_page_number(s, len);
    }
    out->wrapped = looks_wrapped(lines);
    unsigned char *number = malloc(n);
    if (!number) {
        gw_layout_free(out);
        return GW_ERR_NOMEM;
    }
    memcpy(number, out->page, n);
    if (out->wrapped)
        mark_bare_numbers(lines, number);
    mark_headers(lines, number, out->wrapped, out->page);
    if (out->wrapped)
        mark_bare_numbers(lines, out->page);
    free(number);
    for (size_t i = 0; i < lines->n; i++) {
        const char *s;
        size_t len = trimmed(&lines->v[i], &s);
        if (len && opens_mid_sentence(s, len))
            out->page[i] = 0;
    }
    /* a partial copy of the next line, drawn where it does not show */
    for (size_t i = 0; i < lines->n; i++) {
        const char *s, *u;
        size_t len = trimmed(&lines->v[i], &s), up, down;
        if (!len || lines->v[i].s[0] == '\t')
            continue;
        neighbours(lines, i, &up, &down);
        if (down < lines->n && lines->v[down].s[0] != '\t') {
            size_t ulen = trimmed(&lines->v[down], &u);
            if (echoes_next(s, len, u, ulen))
                out->page[i] = 1;
        }
    }
    /* the reader's page furniture (a PDF's) is furniture to the joining
     * below too: a line is judged against the last line of text above it,
     * not a copy of the next page's first line drawn at the page's foot */
    if (lines->hints)
        for (size_t i = 0; i < lines->n; i++)
            if (lines->hints[i].printed && !lines->hints[i].table && lines->hints[i].page)
                out->page[i] = 1;
    if (!out->wrapped) {
        join_split_scripts(lines, out);
        join_leading_commas(lines, out);
        return GW_OK;
    }
    size_t indented = 0, nonblank = 0;
    for (size_t i = 0; i < lines->n; i++) {
        if (gw_trim_end(lines->v[i].s, lines->v[i].len) == 0)
            continue;
        nonblank++;
        indented += is_indented(&lines->v[i]);
    }
    int by_indent = indented * 100 >= nonblank * GW_INDENT_MIN_SHARE &&
                    indented * 100 <= nonblank * GW_INDENT_MAX_SHARE;
    size_t full = full_line(lines, gw_utf8_count), wide = full_line(lines, ink_width);
    int long_paras = long_paragraphs(lines, wide);
    heading_habit whole, part;
    size_t spacing = double_spaced(lines); /* blank lines that part nothing */
    learn_headings(lines, 0, 1, wide, spacing, &whole);
    size_t part_end = 0;
    size_t prev = GW_NONE; /* last content line */
    int crossed_page = 0, crossed_blank = 0;
    size_t blanks = 0;
    /* whether the block so far is a heading: unindented where paragraphs
     * are indented, no sentence in it */
    int in_heading = 0;
    size_t heading_chars = 0;
    for (size_t i = 0; i < lines->n; i++) {
        const char *s;
        size_t len = trimmed(&lines->v[i], &s);
        if (len == 0) {
            /* mutool sets the form feed between pages on a line of its own,
             * blank lines around it: a page break, which parts nothing */
            if (memchr(lines->v[i].s, '\f', lines->v[i].len))
                crossed_page = 1;
            else
                crossed_blank = ++blanks > spacing;
            continue;
        }
        size_t gap = blanks;
        blanks = 0;
        if (out->page[i]) {
            crossed_page = 1;
            continue;
        }
        /* one blank line more than the copy sets, below a full line that
         * stops mid-sentence: OCR cut the paragraph there (at a column or
         * page edge), not its author */
        if (crossed_blank && gap == spacing + 1 && prev != GW_NONE &&
            cut_mid_sentence(lines, out, prev, full) && !starts_marker(s, len))
            crossed_blank = 0;
        /* pdftotext ends a page with a blank line and opens the next with a
         * form feed: a page break, which parts no paragraph */
        if (lines->v[i].s[0] == '\f')
            crossed_page = 1;
        if (i >= part_end)
            part_end = learn_headings(lines, i, 0, wide, spacing, &part);
        /* a table's first line starts a block, whatever stands above it */
        if (prev != GW_NONE && (!crossed_blank || crossed_page) && lines->v[i].s[0] != '\t' &&
            lines->v[prev].s[0] != '\t' && !gw_table_starts(lines, i)) {
            const char *p;
            size_t plen = trimmed(&lines->v[prev], &p);
            /* an unindented marker or title after a finished sentence is a
             * heading, and so is a marker below a heading (第一篇…/第一章…),
             * which ends without a stop but not on a comma (…三件事，/一是) */
            if (by_indent)
                out->cont[i] = !is_indented(&lines->v[i]) &&
                               !((starts_block(s, len) ||
                                  (is_title_line(s, len) && block_follows(lines, out->page, i))) &&
                                 ends_sentence(p, plen, 0)) &&
                               !(starts_marker(s, len) && in_heading && heading_ends(p, plen));
            /* a full line stopped mid-sentence goes on below, even where
             * the next line opens like a marker (…三件事，/ 一是…); only a
             * marker line of its own (（一）加快… / 1.推进…) is followed by
             * another heading */
            else
                out->cont[i] =
                    (!ends_sentence(p, plen, 1) ||
                     (!is_indented(&lines->v[i]) &&
                      at_measure(lines, i, long_paras, p, plen, s, len, wide))) &&
                    gw_utf8_count(p, plen) * 100 >= full * GW_FULL_LINE_SHARE &&
                    !(starts_marker(s, len) && !out->cont[prev] && starts_marker(p, plen)) &&
                    !(!out->cont[prev] && heading_alone(&whole, &part, p, plen, s, len, wide));
        }
        if (!out->cont[i]) {
            in_heading = !is_indented(&lines->v[i]);
            heading_chars = 0;
        }
        heading_chars += gw_utf8_count(s, len);
        in_heading =
            in_heading && !gw_sentence_end(s, len) && heading_chars <= GW_WRAPPED_HEADING_MAX;
        prev = i;
        crossed_page = crossed_blank = 0;
    }
    join_split_scripts(lines, out);
    join_leading_commas(lines, out);
    return GW_OK;
}

void gw_layout_free(gw_layout *l)
{
    free(l->page);
    free(l->cont);
    memset(l, 0, sizeof *l);
}
