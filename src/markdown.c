/* Markdown (CommonMark with GitHub's tables), as scrapers and note tools
 * save reports: read by cmark-gfm, opened with dlopen the first time a
 * Markdown file is read (as poppler and libzip are, see dl.h).
 *
 * The markup (#, **, >, |, list bullets) is not text; what the reader sees
 * is, as in a .docx: the inlines' text, code and list numbers. Each block
 * stands on the line of the source where it starts (the lines between are
 * left empty), so that line numbers in the outline and in diagnostics are
 * the file's own; bold opening a paragraph is its lead, as in a .docx. */
#include "readers.h"
#include "dl.h"
#include "rlines.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define GW_CMARK_SONAME "libcmark-gfm-extensions.so.0.29.0.gfm.6"

/* The cmark-gfm functions, by slot and name (cmark_ prefix left out). The
 * extensions' library depends on the core one, so one dlopen serves both. */
#define FUNCTIONS(X)                                                                               \
    X(gfm_core_extensions_ensure_registered)                                                       \
    X(find_syntax_extension)                                                                       \
    X(parser_new)                                                                                  \
    X(parser_attach_syntax_extension)                                                              \
    X(parser_feed)                                                                                 \
    X(parser_finish)                                                                               \
    X(parser_free)                                                                                 \
    X(node_free)                                                                                   \
    X(node_get_type)                                                                               \
    X(node_get_type_string)                                                                        \
    X(node_get_literal)                                                                            \
    X(node_get_start_line)                                                                         \
    X(node_get_start_column)                                                                       \
    X(node_get_list_type)                                                                          \
    X(node_get_list_start)                                                                         \
    X(node_get_list_delim)                                                                         \
    X(node_previous)                                                                               \
    X(node_next)                                                                                   \
    X(node_parent)                                                                                 \
    X(iter_new)                                                                                    \
    X(iter_next)                                                                                   \
    X(iter_get_node)                                                                               \
    X(iter_free)

#define MEMBER(f) __typeof__(&cmark_##f) f;
typedef struct {
    FUNCTIONS(MEMBER)
} md_api;
#undef MEMBER

static md_api api;
static int api_ok;
static pthread_mutex_t api_lock = PTHREAD_MUTEX_INITIALIZER;

static void load(void)
{
#define SLOT(f) {"cmark_" #f, (void **)&api.f},
    static const gw_dl_symbol fns[] = {FUNCTIONS(SLOT)};
#undef SLOT
    api_ok =
        gw_dl_load(GW_CMARK_SONAME, "libcmark-gfm-extensions.so", fns, sizeof fns / sizeof fns[0]);
    /* registers the table extension in a process-wide registry: once,
     * under the lock, before any thread parses */
    if (api_ok)
        api.gfm_core_extensions_ensure_registered();
}

static const md_api *api_load(gw_error *err)
{
    if (!gw_dl_retry(&api_lock, &api_ok, load)) {
        gw_fail(err, GW_ERR_BAD_SOURCE, 0, 0,
                "reading Markdown needs cmark-gfm (" GW_CMARK_SONAME
                "), which is not installed; --from text reads the file as plain text");
        return NULL;
    }
    return &api;
}

/* ---- the walk ------------------------------------------------------------ */

typedef struct {
    const md_api *a;
    gw_rl rl;
    int bold;  /* inside ** or __ */
    int stray; /* "**" that cmark left as text, still to be read as bold marks */
    int stray_bold;
    int item_open; /* a list number opened the line: its paragraph goes on it */
    int first_row; /* the next table row is a table's first */
    int first_cell;
    const char *src; /* the Markdown read, and where its line `line` starts */
    size_t len, at;
    int line;
} walk;

/* Ends the open line and leaves empty lines up to source line `line`, so
 * that the next line opened is that line. */
static void go_to(walk *w, int line)
{
    gw_rl_end(&w->rl);
    while (!w->rl.oom && line > 0 && w->rl.n + 1 < (size_t)line) {
        gw_rl_line *l = gw_rl_open(&w->rl);
        if (l)
            l->filler = 1;
        gw_rl_end(&w->rl);
    }
}

static int is_type(const walk *w, cmark_node *n, const char *name)
{
    const char *t = w->a->node_get_type_string(n);
    return t && !strcmp(t, name);
}

/* CommonMark lets "**" close only where it is not between punctuation and
 * a letter, so "**持续抓链条强集群。**实施…", as Chinese text writes its
 * bold, stays unmatched and cmark leaves both marks as text. Such marks
 * still pair up within their paragraph (an odd last one is a literal
 * asterisk pair): counted when the paragraph opens, read as bold marks. */
static size_t strays_in(const walk *w, cmark_node *block)
{
    size_t k = 0;
    cmark_iter *it = w->a->iter_new(block);
    for (cmark_event_type ev; it && (ev = w->a->iter_next(it)) != CMARK_EVENT_DONE;) {
        cmark_node *n = w->a->iter_get_node(it);
        if (ev != CMARK_EVENT_ENTER || w->a->node_get_type(n) != CMARK_NODE_TEXT)
            continue;
        for (const char *s = w->a->node_get_literal(n); s && (s = strstr(s, "**")); s += 2)
            k++;
    }
    if (it)
        w->a->iter_free(it);
    return k & ~(size_t)1;
}

static void text(walk *w, const char *s)
{
    if (!s)
        return;
    const char *m;
    while (w->stray && (m = strstr(s, "**"))) {
        gw_rl_text(&w->rl, s, (size_t)(m - s), w->bold || w->stray_bold);
        w->stray_bold = !w->stray_bold;
        w->stray--;
        s = m + 2;
    }
    gw_rl_text(&w->rl, s, strlen(s), w->bold || w->stray_bold);
}

/* A line end inside a paragraph: nothing between two characters that are
 * not ASCII (Chinese text wrapped at any character), else a space. */
static void soft_break(walk *w, cmark_node *n)
{
    const char *before = w->rl.len ? &w->rl.s[w->rl.len - 1] : NULL;
    cmark_node *next = w->a->node_next(n);
    const char *after = next ? w->a->node_get_literal(next) : NULL;
    if (before && (unsigned char)*before >= 0x80 && after && (unsigned char)*after >= 0x80)
        return;
    gw_rl_text(&w->rl, " ", 1, w->bold);
}

/* The offset in the source of line `line` (1-based), len when there is
 * none. Blocks come in the order of their lines: the search goes on from
 * the last line asked for, so that reading is linear. */
static size_t line_at(walk *w, int line)
{
    if (line < w->line) {
        w->line = 1;
        w->at = 0;
    }
    for (; w->line < line && w->at < w->len; w->line++) {
        const char *nl = memchr(w->src + w->at, '\n', w->len - w->at);
        w->at = nl ? (size_t)(nl - w->src) + 1 : w->len;
    }
    return w->at;
}

/* The number before an item of an ordered list, as the file has it (a
 * gap or a repeat is what the checker is to see): its digits and the
 * delimiter, where cmark says the item starts; counted from the list's
 * start when they are not found there. */
static void item_number(walk *w, cmark_node *item)
{
    cmark_node *list = w->a->node_parent(item);
    if (!list || w->a->node_get_list_type(list) != CMARK_ORDERED_LIST)
        return;
    size_t at = line_at(w, w->a->node_get_start_line(item));
    int col = w->a->node_get_start_column(item);
    if (col > 0 && at + (size_t)col - 1 < w->len) {
        const char *d = w->src + at + col - 1;
        size_t k = 0;
        while (at + col - 1 + k < w->len && k < 10 && d[k] >= '0' && d[k] <= '9')
            k++;
        if (k && at + col - 1 + k < w->len && (d[k] == '.' || d[k] == ')')) {
            gw_rl_mark(&w->rl, d, k + 1);
            return;
        }
    }
    long k = w->a->node_get_list_start(list);
    for (cmark_node *p = w->a->node_previous(item); p; p = w->a->node_previous(p))
        k++;
    char num[32];
    int n = snprintf(num, sizeof num, "%ld%c", k,
                     w->a->node_get_list_delim(list) == CMARK_PAREN_DELIM ? ')' : '.');
    gw_rl_mark(&w->rl, num, (size_t)n);
}

/* Lines of a code or HTML block, each on its own line of the source: a
 * fenced block's first line is its fence. HTML tags are markup, not text. */
static void block_lines(walk *w, cmark_node *n, int html)
{
    int line = w->a->node_get_start_line(n);
    const char *s = w->a->node_get_literal(n);
    if (!html && line > 0) {
        /* the fence: up to three spaces, then ``` or ~~~ */
        size_t at = line_at(w, line), sp = 0;
        const char *src = w->src;
        while (sp < 3 && at + sp < w->len && src[at + sp] == ' ')
            sp++;
        if (at + sp + 3 <= w->len &&
            (!strncmp(src + at + sp, "```", 3) || !strncmp(src + at + sp, "~~~", 3)))
            line++;
    }
    while (s && *s) {
        size_t k = strcspn(s, "\n");
        go_to(w, line++);
        gw_rl_open(&w->rl);
        for (size_t i = 0; i < k;) {
            size_t t = html ? strcspn(s + i, "<") : k - i;
            if (t > k - i)
                t = k - i;
            gw_rl_text(&w->rl, s + i, t, 0);
            i += t;
            if (i < k) {
                const char *close = memchr(s + i, '>', k - i);
                i = close ? (size_t)(close - s) + 1 : k;
            }
        }
        gw_rl_end(&w->rl);
        s += k + (s[k] == '\n');
    }
}

/* A block whose inlines make one line: it starts on the line the source
 * has it (a list item's first paragraph goes on its number's line). */
static void open_block(walk *w, cmark_node *n)
{
    w->stray = (int)strays_in(w, n);
    w->stray_bold = 0;
    if (w->item_open) {
        w->item_open = 0;
        return;
    }
    go_to(w, w->a->node_get_start_line(n));
    gw_rl_open(&w->rl);
}

static void enter(walk *w, cmark_node *n)
{
    switch (w->a->node_get_type(n)) {
    case CMARK_NODE_PARAGRAPH:
    case CMARK_NODE_HEADING:
        open_block(w, n);
        break;
    case CMARK_NODE_ITEM:
        go_to(w, w->a->node_get_start_line(n));
        gw_rl_open(&w->rl);
        item_number(w, n);
        w->item_open = 1;
        break;
    case CMARK_NODE_CODE_BLOCK:
        w->item_open = 0;
        block_lines(w, n, 0);
        break;
    case CMARK_NODE_HTML_BLOCK:
        w->item_open = 0;
        block_lines(w, n, 1);
        break;
    case CMARK_NODE_TEXT:
    case CMARK_NODE_CODE:
        text(w, w->a->node_get_literal(n));
        break;
    case CMARK_NODE_SOFTBREAK:
        soft_break(w, n);
        break;
    case CMARK_NODE_LINEBREAK:
        gw_rl_end(&w->rl);
        break;
    case CMARK_NODE_HTML_INLINE: {
        /* <br> ends a line, as on a web page; other tags are markup */
        const char *s = w->a->node_get_literal(n);
        if (s && (!strncmp(s, "<br", 3) || !strncmp(s, "<BR", 3)))
            gw_rl_end(&w->rl);
        break;
    }
    case CMARK_NODE_STRONG:
        w->bold++;
        break;
    default:
        if (is_type(w, n, "table")) {
            w->first_row = 1;
        } else if (is_type(w, n, "table_row")) {
            go_to(w, w->a->node_get_start_line(n));
            gw_rl_line *l = gw_rl_open(&w->rl);
            if (l)
                l->hint.table = w->first_row ? GW_HINT_TABLE_FIRST : GW_HINT_TABLE_ROW;
            w->first_row = 0;
            w->first_cell = 1;
        } else if (is_type(w, n, "table_cell")) {
            w->stray = (int)strays_in(w, n);
            w->stray_bold = 0;
            if (!w->first_cell)
                gw_rl_put(&w->rl, "\t", 1);
            w->first_cell = 0;
        }
        break;
    }
}

static void leave(walk *w, cmark_node *n)
{
    switch (w->a->node_get_type(n)) {
    case CMARK_NODE_PARAGRAPH:
    case CMARK_NODE_HEADING:
        gw_rl_end(&w->rl);
        break;
    case CMARK_NODE_ITEM:
        w->item_open = 0; /* an empty item: its number stands alone */
        gw_rl_end(&w->rl);
        break;
    case CMARK_NODE_STRONG:
        w->bold--;
        break;
    default:
        if (is_type(w, n, "table_row"))
            gw_rl_end(&w->rl);
        break;
    }
}

/* ---- YAML front matter ---------------------------------------------------- */

/* The length of a YAML front matter block opening s ("---" alone on the
 * first line, up to the next "---" or "..." line), 0 when there is none:
 * CommonMark would read it as a rule and a heading. */
static size_t front_matter(const char *s, size_t len)
{
    if (len < 4 || strncmp(s, "---", 3) || (s[3] != '\n' && s[3] != '\r'))
        return 0;
    size_t at = 0;
    for (int lines = 0; at < len && lines < 100; lines++) {
        const char *nl = memchr(s + at, '\n', len - at);
        size_t end = nl ? (size_t)(nl - s) : len, k = end - at;
        if (k && s[at + k - 1] == '\r')
            k--;
        if (lines > 0 && k == 3 && (!strncmp(s + at, "---", 3) || !strncmp(s + at, "...", 3)))
            return nl ? end + 1 : len;
        at = nl ? end + 1 : len;
    }
    return 0;
}

/* The front matter's lines as they are, one each. */
static void front_lines(walk *w, const char *s, size_t len)
{
    for (size_t at = 0; at < len;) {
        const char *nl = memchr(s + at, '\n', len - at);
        size_t k = (nl ? (size_t)(nl - s) : len) - at;
        gw_rl_open(&w->rl);
        gw_rl_text(&w->rl, s + at, k && s[at + k - 1] == '\r' ? k - 1 : k, 0);
        gw_rl_end(&w->rl);
        at += k + 1;
    }
}

/* ---- reading ------------------------------------------------------------- */

/* A fence of pandoc's fenced divs (":::", "::: article", "::: {.nav}")
 * alone on its line: Markdown that pandoc writes from a web page and
 * CommonMark does not know; markup, and the end of a block. */
static int div_fence(const char *s, size_t n)
{
    while (n && (s[n - 1] == '\n' || s[n - 1] == '\r'))
        n--;
    return n >= 3 && !memcmp(s, ":::", 3) && (n == 3 || s[3] == ':' || s[3] == ' ' || s[3] == '{');
}

static cmark_node *parse(const md_api *a, const char *s, size_t len, size_t skip)
{
    cmark_parser *p = a->parser_new(CMARK_OPT_UNSAFE);
    if (!p)
        return NULL;
    cmark_syntax_extension *table = a->find_syntax_extension("table");
    if (table)
        a->parser_attach_syntax_extension(p, table);
    /* the front matter's lines, and fences of divs, are fed as empty lines:
     * the blocks after them keep their line numbers */
    for (size_t i = 0; i < skip; i++)
        if (s[i] == '\n')
            a->parser_feed(p, "\n", 1);
    for (size_t at = skip; at < len;) {
        const char *nl = memchr(s + at, '\n', len - at);
        size_t end = nl ? (size_t)(nl - s) + 1 : len;
        if (div_fence(s + at, end - at))
            a->parser_feed(p, "\n", nl ? 1 : 0);
        else
            a->parser_feed(p, s + at, end - at);
        at = end;
    }
    cmark_node *doc = a->parser_finish(p);
    a->parser_free(p);
    return doc;
}

gw_text *gw_read_markdown(const char *utf8, size_t len, gw_error *err)
{
    const md_api *a = api_load(err);
    if (!a)
        return NULL;
    size_t skip = front_matter(utf8, len);
    /* cmark-gfm aborts when it cannot allocate: nothing to catch here */
    cmark_node *doc = parse(a, utf8, len, skip);
    if (!doc) {
        gw_fail(err, GW_ERR_NOMEM, 0, 0, "out of memory");
        return NULL;
    }
    walk w;
    memset(&w, 0, sizeof w);
    w.a = a;
    w.src = utf8;
    w.len = len;
    w.line = 1;
    front_lines(&w, utf8, skip);
    cmark_iter *it = a->iter_new(doc);
    for (cmark_event_type ev; it && !w.rl.oom && (ev = a->iter_next(it)) != CMARK_EVENT_DONE;) {
        cmark_node *n = a->iter_get_node(it);
        if (ev == CMARK_EVENT_ENTER)
            enter(&w, n);
        else if (ev == CMARK_EVENT_EXIT)
            leave(&w, n);
    }
    if (it)
        a->iter_free(it);
    else
        w.rl.oom = 1;
    a->node_free(doc);
    return gw_rl_finish(&w.rl, GW_FROM_MARKDOWN, err);
}
