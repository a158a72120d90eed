/* Property test for issue #6, "Lossless and well-formed, always": thousands
 * of generated documents that mix every convention the parser knows (front
 * matter, every marker family, run-in points, dash items, leads, boxes,
 * tables, notes, annexes, contents, page furniture, hard wrapping, any line
 * ends) with bytes and characters that have no business in a report. Each
 * goes through the public API as `gongwen --encoding-errors=replace` does,
 * and must give a tree that validates against grammar/gongwen.rng, keeps
 * every character, shows the characters XML cannot hold as
 * grammar/README.md §2 says, and serializes to well-formed XML that parses
 * back to the same tree. In strict mode the same bytes must decode to
 * themselves or fail with the line and column of the first bad byte.
 *
 * The generator is seeded (GW_PROPERTY_SEED, GW_PROPERTY_DOCS override the
 * seed and count): a failure names the seed and the document's index and
 * leaves its bytes in /tmp. GW_PROPERTY_REPLAY=FILE checks that one file
 * instead; `gongwen --encoding-errors=replace FILE` shows its tree. Run from
 * tests/. */
#include "invariants.h"
#include "suites.h"

#include <fcntl.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xmlversion.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/common_interface_defs.h>
#endif

#define PROPERTY_DOCS 3000
#define PROPERTY_SEED 0x676F6E6777656E06ull
/* The documents are split over loop iterations so that a crash (which
 * ends its forked iteration) costs a tenth of the run, not all of it. */
#define CHUNKS 10
/* Failing inputs written to /tmp and printed per iteration: enough to see
 * a pattern, not enough to flood the log when something breaks everywhere. */
#define MAX_REPORTED 5
#define REPORT_NS "urn:gongwen:report:1"

/* ---- a byte buffer ---------------------------------------------------- */

typedef struct {
    char *s;
    size_t len, cap;
} buf;

static void put(buf *b, const void *p, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *s = realloc(b->s, cap);
        ck_assert_ptr_nonnull(s);
        b->s = s;
        b->cap = cap;
    }
    if (n)
        memcpy(b->s + b->len, p, n);
    b->len += n;
    b->s[b->len] = '\0';
}

static void put_str(buf *b, const char *s)
{
    put(b, s, strlen(s));
}

/* Any value up to U+10FFFF in UTF-8's bit pattern, surrogates included
 * (ED A0 80 for U+D800): what a careless encoder writes. */
static void put_cp(buf *b, uint32_t cp)
{
    unsigned char o[4];
    size_t n;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        n = 1;
    } else if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        o[0] = (unsigned char)(0xF0 | (cp >> 18));
        o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
        o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[3] = (unsigned char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    put(b, o, n);
}

/* ---- the oracle's own reading of text ---------------------------------- */
/* Kept apart from src/utf8.c so that the checks do not share its mistakes. */

/* Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above
 * U+10FFFF. Returns the sequence length, 0 when s does not start one. */
static size_t utf8_char(const char *str, size_t len, uint32_t *cp)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t n;
    uint32_t v, min;
    if (len == 0)
        return 0;
    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    if ((s[0] & 0xE0) == 0xC0) {
        n = 2;
        v = s[0] & 0x1Fu;
        min = 0x80;
    } else if ((s[0] & 0xF0) == 0xE0) {
        n = 3;
        v = s[0] & 0x0Fu;
        min = 0x800;
    } else if ((s[0] & 0xF8) == 0xF0) {
        n = 4;
        v = s[0] & 0x07u;
        min = 0x10000;
    } else {
        return 0;
    }
    if (len < n)
        return 0;
    for (size_t k = 1; k < n; k++) {
        if ((s[k] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (s[k] & 0x3Fu);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return n;
}

/* Byte offset of the first byte that does not start valid UTF-8, or len. */
static size_t first_invalid(const char *s, size_t len)
{
    size_t i = 0;
    uint32_t cp;
    for (size_t n; i < len && (n = utf8_char(s + i, len - i, &cp)); i += n)
        ;
    return i;
}

static int has_utf8_bom(const char *s, size_t len)
{
    return len >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3);
}

/* White space as the lossless rule counts it: Python's str.split() set
 * (grammar/README.md §2). */
static int py_space(uint32_t cp)
{
    return (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x20) || cp == 0x85 || cp == 0xA0 ||
           cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 ||
           cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

/* The Char production of XML 1.0. */
static int xml_char(uint32_t cp)
{
    return cp == 0x09 || cp == 0x0A || cp == 0x0D || (cp >= 0x20 && cp <= 0xD7FF) ||
           (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

/* The content grammar/README.md §2 gives the <ctl> standing for cp: the
 * Control Picture for a C0 control, U+FFFD for U+FFFE and U+FFFF, nothing
 * (0) for the controls that count as white space. */
static uint32_t documented_ctl(uint32_t cp)
{
    if (cp <= 0x08 || (cp >= 0x0E && cp <= 0x1B))
        return 0x2400 + cp;
    if (cp == 0xFFFE || cp == 0xFFFF)
        return 0xFFFD;
    return 0;
}

/* s without white space; with map, each character XML cannot hold
 * replaced by its documented <ctl> content. Bytes that are not UTF-8 are
 * copied as they are (there should be none: the text is decoded). */
static void compact(buf *o, const char *s, size_t len, int map)
{
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = utf8_char(s + i, len - i, &cp);
        if (n == 0) {
            put(o, s + i++, 1);
            continue;
        }
        if (!py_space(cp)) {
            if (map && !xml_char(cp))
                put_cp(o, documented_ctl(cp));
            else
                put(o, s + i, n);
        }
        i += n;
    }
}

/* Line and column (characters, 1-based) just before byte at of s: LF, CRLF
 * and a lone CR each end a line, as README.md says. */
static void position_of(const char *s, size_t at, unsigned long *line, unsigned long *col)
{
    unsigned long ln = 1, c = 1;
    for (size_t i = 0; i < at;) {
        if (s[i] == '\n' || s[i] == '\r') {
            i += s[i] == '\r' && i + 1 < at && s[i + 1] == '\n' ? 2 : 1;
            ln++;
            c = 1;
            continue;
        }
        uint32_t cp;
        size_t n = utf8_char(s + i, at - i, &cp);
        i += n ? n : 1;
        c++;
    }
    *line = ln;
    *col = c;
}

/* Physical lines of decoded text: a final line end opens no new line. */
static unsigned long count_lines(const char *s, size_t len)
{
    unsigned long n = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '\r' && i + 1 < len && s[i + 1] == '\n')
            i++;
        n += s[i] == '\n' || s[i] == '\r';
    }
    return n + (len > 0 && s[len - 1] != '\n' && s[len - 1] != '\r');
}

/* The code point at line:col of valid UTF-8 text, or (uint32_t)-1. */
static uint32_t char_at(const char *s, size_t len, unsigned long line, unsigned long col)
{
    unsigned long ln = 1, c = 1;
    for (size_t i = 0; i < len && ln <= line;) {
        if (s[i] == '\n' || s[i] == '\r') {
            i += s[i] == '\r' && i + 1 < len && s[i + 1] == '\n' ? 2 : 1;
            ln++;
            c = 1;
            continue;
        }
        uint32_t cp;
        size_t n = utf8_char(s + i, len - i, &cp);
        if (ln == line && c == col)
            return n ? cp : (uint32_t)-1;
        i += n ? n : 1;
        c++;
    }
    return (uint32_t)-1;
}

/* A malloc'ed failure description. */
static char *failure(const char *fmt, ...)
{
    char *s = malloc(512);
    ck_assert_ptr_nonnull(s);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(s, 512, fmt, ap);
    va_end(ap);
    return s;
}

/* ---- the properties ---------------------------------------------------- */

static xmlRelaxNGPtr schema;

static void load_schema(void)
{
    xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewParserCtxt("../grammar/gongwen.rng");
    schema = xmlRelaxNGParse(pc);
    xmlRelaxNGFreeParserCtxt(pc);
}

static void free_schema(void)
{
    xmlRelaxNGFree(schema);
    schema = NULL;
}

/* Keeps the first validation error, placed by the element's line
 * attribute (nodes built in memory have no line number of their own).
 * libxml2 2.12 made the error const. */
#if LIBXML_VERSION >= 21200
static void first_error(void *ctx, const xmlError *e)
#else
static void first_error(void *ctx, xmlErrorPtr e)
#endif
{
    char *msg = ctx;
    if (*msg || !e || !e->message)
        return;
    xmlNodePtr n = e->node;
    xmlChar *line = NULL;
    for (xmlNodePtr p = n; p && p->type == XML_ELEMENT_NODE && !line; p = p->parent)
        line = xmlGetNoNsProp(p, BAD_CAST "line");
    snprintf(msg, 256, "<%s> near line %s: %s", n ? (const char *)n->name : "?",
             line ? (const char *)line : "?", e->message);
    xmlFree(line);
}

typedef struct {
    buf orig;             /* the text with each <ctl> put back as its character */
    unsigned long nlines; /* physical lines of the input */
    char *why;
} walker;

/* Text of a node or attribute value (where: "text" or the attribute's
 * name): valid UTF-8, only characters XML can hold, else the serialized
 * document could not be read back. */
static void check_chars(walker *w, const xmlChar *s, const char *where)
{
    size_t len = strlen((const char *)s);
    for (size_t i = 0; i < len && !w->why;) {
        uint32_t cp;
        size_t n = utf8_char((const char *)s + i, len - i, &cp);
        if (n == 0)
            w->why = failure("byte 0x%02X in %s is not UTF-8", (unsigned char)s[i], where);
        else if (!xml_char(cp))
            w->why = failure("U+%04X in %s: XML cannot hold it", (unsigned)cp, where);
        i += n ? n : 1;
    }
}

/* A <ctl>: cp is four upper-case hex digits naming a character XML cannot
 * hold, the content is what the documentation says it is; the original
 * character goes back into the walker's text. */
static void check_ctl(walker *w, xmlNodePtr c)
{
    xmlChar *cp = xmlGetNoNsProp(c, BAD_CAST "cp");
    xmlChar *got = xmlNodeGetContent(c);
    const char *content = got ? (const char *)got : "";
    size_t k = 0;
    while (cp && k < 5 && ((cp[k] >= '0' && cp[k] <= '9') || (cp[k] >= 'A' && cp[k] <= 'F')))
        k++;
    uint32_t v = cp ? (uint32_t)strtoul((const char *)cp, NULL, 16) : 0;
    buf want = {0};
    if (cp && k == 4 && cp[4] == '\0' && documented_ctl(v))
        put_cp(&want, documented_ctl(v));
    if (!cp || k != 4 || cp[4] != '\0') {
        w->why = failure("<ctl cp=\"%s\">: cp is not four upper-case hex digits",
                         cp ? (const char *)cp : "(none)");
    } else if (xml_char(v)) {
        w->why = failure("<ctl cp=\"%s\"> stands for a character XML can hold", (const char *)cp);
    } else if (strcmp(content, want.s ? want.s : "") != 0) {
        w->why = failure("<ctl cp=\"%s\"> holds '%s', grammar/README.md says '%s'",
                         (const char *)cp, content, want.s ? want.s : "");
    } else {
        for (xmlNodePtr child = c->children; child; child = child->next)
            if (child->type == XML_ELEMENT_NODE)
                w->why = failure("<ctl cp=\"%s\"> has an element inside", (const char *)cp);
        put_cp(&w->orig, v);
    }
    free(want.s);
    xmlFree(got);
    xmlFree(cp);
}

/* line="N": a physical line of the input. */
static void check_line(walker *w, xmlNodePtr e, const xmlChar *v)
{
    char *end;
    unsigned long n = strtoul((const char *)v, &end, 10);
    if (*v < '1' || *v > '9' || *end || n > w->nlines)
        w->why = failure("<%s line=\"%s\">: the input has %lu lines", (const char *)e->name,
                         (const char *)v, w->nlines);
}

static void walk(walker *w, xmlNodePtr parent)
{
    for (xmlNodePtr c = parent->children; c && !w->why; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            const xmlChar *t = c->content ? c->content : BAD_CAST "";
            check_chars(w, t, "text");
            put_str(&w->orig, (const char *)t);
            continue;
        }
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (!c->ns || !xmlStrEqual(c->ns->href, BAD_CAST REPORT_NS)) {
            w->why = failure("<%s> is not in the gongwen namespace", (const char *)c->name);
            return;
        }
        for (xmlAttrPtr a = c->properties; a && !w->why; a = a->next) {
            xmlChar *v = xmlNodeListGetString(c->doc, a->children, 1);
            check_chars(w, v ? v : BAD_CAST "", (const char *)a->name);
            if (!w->why && xmlStrEqual(a->name, BAD_CAST "line"))
                check_line(w, c, v ? v : BAD_CAST "");
            xmlFree(v);
        }
        if (w->why)
            return;
        if (xmlStrEqual(c->name, BAD_CAST "ctl"))
            check_ctl(w, c);
        else
            walk(w, c);
    }
}

/* The characters XML cannot hold come back from the tree: each <ctl>'s cp
 * in its place gives the input, white space aside. */
static char *check_reversible(xmlDocPtr doc, const char *text, size_t len)
{
    walker w = {{0}, count_lines(text, len), NULL};
    walk(&w, (xmlNodePtr)doc);
    if (!w.why) {
        buf a = {0}, b = {0};
        compact(&a, w.orig.s ? w.orig.s : "", w.orig.len, 0);
        compact(&b, text, len, 0);
        if (a.len != b.len || (a.len && memcmp(a.s, b.s, a.len) != 0)) {
            size_t i = 0;
            while (i < a.len && i < b.len && a.s[i] == b.s[i])
                i++;
            w.why = failure("with <ctl> reversed, the text differs at byte %zu of %zu/%zu", i,
                            a.len, b.len);
        }
        /* the shared oracle applies the mapping the documentation gives */
        buf m = {0};
        compact(&m, text, len, 1);
        char *theirs = gw_inv_compact(text, len, 1);
        ck_assert_ptr_nonnull(theirs);
        if (!w.why && (strlen(theirs) != m.len || memcmp(theirs, m.s ? m.s : "", m.len) != 0))
            w.why = failure("gw_inv_compact's control mapping differs from grammar/README.md");
        free(theirs);
        free(m.s);
        free(a.s);
        free(b.s);
    }
    free(w.orig.s);
    return w.why;
}

/* Elements that hold only elements (grammar/README.md §1): between their
 * children, indentation is allowed to come and go. */
static int is_container(const xmlChar *name)
{
    static const char *const containers[] = {"report", "front", "body",       "section", "list",
                                             "box",    "table", "thead",      "tbody",   "group",
                                             "row",    "toc",   "diagnostics"};
    for (size_t k = 0; k < sizeof containers / sizeof containers[0]; k++)
        if (xmlStrEqual(name, BAD_CAST containers[k]))
            return 1;
    return 0;
}

/* Stricter than gw_inv_same_tree, which compares text only where the
 * original element has a text node: the same names and attributes, and
 * every element that holds text keeps it to the byte, so indentation that
 * creeps into <p><lead>…</lead></p> is caught. */
static char *tree_diff(xmlNodePtr a, xmlNodePtr b)
{
    if (!xmlStrEqual(a->name, b->name))
        return failure("<%s> became <%s>", (const char *)a->name, (const char *)b->name);
    int na = 0, nb = 0;
    for (xmlAttrPtr x = a->properties; x; x = x->next, na++) {
        /* by namespace too: the root's dc: attributes are qualified */
        const xmlChar *ns = x->ns ? x->ns->href : NULL;
        xmlChar *va = xmlGetNsProp(a, x->name, ns), *vb = xmlGetNsProp(b, x->name, ns);
        int same = va && vb && xmlStrEqual(va, vb);
        xmlFree(va);
        xmlFree(vb);
        if (!same)
            return failure("<%s %s=…> changes", (const char *)a->name, (const char *)x->name);
    }
    for (xmlAttrPtr x = b->properties; x; x = x->next)
        nb++;
    if (na != nb)
        return failure("<%s> has %d attributes, then %d", (const char *)a->name, na, nb);
    if (!is_container(a->name)) {
        xmlChar *ta = xmlNodeGetContent(a), *tb = xmlNodeGetContent(b);
        int same = xmlStrEqual(ta, tb);
        xmlFree(ta);
        xmlFree(tb);
        if (!same)
            return failure("the text of <%s> changes", (const char *)a->name);
    }
    xmlNodePtr ca = gw_inv_next_element(a->children), cb = gw_inv_next_element(b->children);
    for (; ca && cb; ca = gw_inv_next_element(ca->next), cb = gw_inv_next_element(cb->next)) {
        char *why = tree_diff(ca, cb);
        if (why)
            return why;
    }
    return ca || cb ? failure("<%s> gains or loses children", (const char *)a->name) : NULL;
}

/* Serialized XML parses back (no network, no entities fetched) to the same
 * tree. */
static char *check_round_trip(xmlDocPtr doc, const char *xml, size_t len, const char *how)
{
    xmlDocPtr back = xmlReadMemory(xml, (int)len, NULL, NULL,
                                   XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!back) {
        const xmlError *e = xmlGetLastError();
        return failure("%s output is not well-formed XML: line %d: %s", how, e ? e->line : 0,
                       e && e->message ? e->message : "?");
    }
    xmlNodePtr ra = xmlDocGetRootElement(doc), rb = xmlDocGetRootElement(back);
    const char *where = gw_inv_same_tree(ra, rb);
    char *why = where ? failure("<%s> changes on a round trip through %s", where, how) : NULL;
    char *diff = why ? NULL : tree_diff(ra, rb);
    if (diff) {
        why = failure("round trip through %s: %s", how, diff);
        free(diff);
    }
    xmlFreeDoc(back);
    return why;
}

static char *check_tree(const gw_document *d, const char *text, size_t len)
{
    xmlDocPtr doc = gw_document_xml(d);
    char msg[256] = "";
    xmlRelaxNGValidCtxtPtr vc = xmlRelaxNGNewValidCtxt(schema);
    ck_assert_ptr_nonnull(vc);
    xmlRelaxNGSetValidStructuredErrors(vc, first_error, msg);
    int invalid = xmlRelaxNGValidateDoc(vc, doc);
    xmlRelaxNGFreeValidCtxt(vc);
    if (invalid)
        return failure("tree does not validate against grammar/gongwen.rng: %s", msg);
    char *why = gw_inv_lossless(doc, text, len);
    if (why) {
        char *f = failure("not lossless: %s", why);
        free(why);
        return f;
    }
    if ((why = check_reversible(doc, text, len)))
        return why;
    /* libxml2's own serialization, and gongwen's indented one */
    xmlChar *raw = NULL;
    int raw_len = 0;
    xmlDocDumpMemory(doc, &raw, &raw_len);
    ck_assert_ptr_nonnull(raw);
    why = check_round_trip(doc, (const char *)raw, (size_t)raw_len, "xmlDocDumpMemory");
    xmlFree(raw);
    if (why)
        return why;
    char *out;
    size_t out_len;
    gw_error err = {0};
    if (gw_serialize_xml(d, &out, &out_len, &err) != GW_OK)
        return failure("gw_serialize_xml failed: %s", err.message);
    why = check_round_trip(doc, out, out_len, "gw_serialize_xml");
    free(out);
    return why;
}

/* Strict mode: valid UTF-8 decodes to itself (a UTF-8 BOM dropped); any
 * other input fails with GW_ERR_INVALID_BYTE at the first bad byte, and never
 * crashes, whether the encoding is given or detected. Given as GB18030 or
 * UTF-16LE, the bytes decode to UTF-8 or fail the same clean way. */
static char *check_strict(const char *bytes, size_t len)
{
    size_t skip = has_utf8_bom(bytes, len) ? 3 : 0;
    size_t bad = skip + first_invalid(bytes + skip, len - skip);
    gw_decode_options o = {"UTF-8", GW_ERRORS_STRICT};
    gw_error err = {0};
    gw_text *t = gw_decode_with(bytes, len, &o, &err);
    char *why = NULL;
    if (bad == len) {
        if (!t)
            why = failure("valid UTF-8 rejected in strict mode: %lu:%lu: %s", err.line, err.column,
                          err.message);
        else if (gw_text_length(t) != len - skip ||
                 memcmp(gw_text_data(t), bytes + skip, len - skip) != 0)
            why = failure("valid UTF-8 changed by decoding");
    } else if (t) {
        why = failure("invalid UTF-8 (byte 0x%02X at offset %zu) accepted in strict mode",
                      (unsigned char)bytes[bad], bad);
    } else {
        unsigned long line, col;
        position_of(bytes + skip, bad - skip, &line, &col);
        if (err.status != GW_ERR_INVALID_BYTE || err.line != line || err.column != col)
            why = failure("strict mode reports status %d at %lu:%lu; the first bad byte is at "
                          "%lu:%lu",
                          (int)err.status, err.line, err.column, line, col);
    }
    gw_text_free(t);
    if (why)
        return why;
    /* detected: UTF-8 if valid, else GB18030 if that decodes, else an error */
    gw_decode_options detect = {NULL, GW_ERRORS_STRICT};
    gw_error derr = {0};
    t = gw_decode_with(bytes, len, &detect, &derr);
    if (!t && (derr.status != GW_ERR_INVALID_BYTE || derr.line == 0 || derr.column == 0))
        why = failure("detecting strict decode fails with status %d at %lu:%lu: %s",
                      (int)derr.status, derr.line, derr.column, derr.message);
    else if (!t && bad == len)
        why = failure("detecting strict decode rejects valid UTF-8");
    else if (t && first_invalid(gw_text_data(t), gw_text_length(t)) != gw_text_length(t))
        why = failure("detecting strict decode (%s) gives text that is not UTF-8",
                      gw_text_encoding(t));
    else if (t && bad == len && strcmp(gw_text_encoding(t), "UTF-8") != 0)
        why = failure("valid UTF-8 detected as %s", gw_text_encoding(t));
    gw_text_free(t);
    /* named encodings go through iconv: its errors need a position too */
    static const char *const named[] = {"GB18030", "UTF-16LE"};
    for (size_t k = 0; k < sizeof named / sizeof named[0] && !why; k++) {
        gw_decode_options n = {named[k], GW_ERRORS_STRICT};
        gw_error nerr = {0};
        t = gw_decode_with(bytes, len, &n, &nerr);
        if (!t && (nerr.status != GW_ERR_INVALID_BYTE || nerr.line == 0 || nerr.column == 0))
            why = failure("strict %s decode fails with status %d at %lu:%lu: %s", named[k],
                          (int)nerr.status, nerr.line, nerr.column, nerr.message);
        else if (t && first_invalid(gw_text_data(t), gw_text_length(t)) != gw_text_length(t))
            why = failure("strict %s decode gives text that is not UTF-8", named[k]);
        gw_text_free(t);
    }
    return why;
}

/* Replace mode: the text is UTF-8; valid UTF-8 comes through unchanged and
 * without warnings; each warning is one line's, in order, and points at a
 * U+FFFD. */
static char *check_replaced(const char *bytes, size_t len, const gw_text *t)
{
    const char *s = gw_text_data(t);
    size_t n = gw_text_length(t), skip = has_utf8_bom(bytes, len) ? 3 : 0;
    size_t warnings = gw_text_warning_count(t);
    int utf8 = strcmp(gw_text_encoding(t), "UTF-8") == 0;
    if (first_invalid(s, n) != n)
        return failure("replace mode leaves bytes that are not UTF-8 (%s)", gw_text_encoding(t));
    if (utf8 && skip + first_invalid(bytes + skip, len - skip) == len) {
        if (n != len - skip || memcmp(s, bytes + skip, n) != 0 || warnings)
            return failure("replace mode changes valid UTF-8");
    } else if (utf8 && warnings == 0) {
        return failure("invalid UTF-8 replaced without a warning");
    }
    unsigned long prev = 0;
    for (size_t k = 0; k < warnings; k++) {
        const gw_error *w = gw_text_warning(t, k);
        if (w->status != GW_ERR_INVALID_BYTE || w->line <= prev || w->column == 0)
            return failure("warning %zu: status %d at %lu:%lu after line %lu", k, (int)w->status,
                           w->line, w->column, prev);
        if (char_at(s, n, w->line, w->column) != 0xFFFD)
            return failure("warning at %lu:%lu does not point at a U+FFFD", w->line, w->column);
        prev = w->line;
    }
    return NULL;
}

/* Every property for one input, decoded as given (NULL: detected) with
 * replacement; NULL when all hold, else what broke (malloc'ed). */
static char *check_input(const char *bytes, size_t len, const char *encoding, const char *source)
{
    char *why = check_strict(bytes, len);
    if (why)
        return why;
    gw_decode_options o = {encoding, GW_ERRORS_REPLACE};
    gw_error err = {0};
    gw_text *t = gw_decode_with(bytes, len, &o, &err);
    if (!t)
        return failure("replace mode cannot decode: status %d at %lu:%lu: %s", (int)err.status,
                       err.line, err.column, err.message);
    why = check_replaced(bytes, len, t);
    if (!why) {
        gw_document *d = gw_parse(t, source, &err);
        if (!d)
            why = failure("gw_parse fails: %s", err.message);
        else
            why = check_tree(d, gw_text_data(t), gw_text_length(t));
        gw_document_free(d);
    }
    gw_text_free(t);
    return why;
}

/* ---- the generator ----------------------------------------------------- */

/* splitmix64: small, fast, and every state is a fresh stream, so each
 * document can be regenerated from the seed and its index alone. */
typedef struct {
    uint64_t state;
} rng;

static uint64_t rng_next(rng *r)
{
    uint64_t z = (r->state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static unsigned below(rng *r, unsigned n)
{
    return n ? (unsigned)(rng_next(r) % n) : 0;
}

static int chance(rng *r, unsigned percent)
{
    return below(r, 100) < percent;
}

static const char *pick_from(rng *r, const char *const *v, size_t n)
{
    return v[below(r, (unsigned)n)];
}

#define PICK(r, v) pick_from(r, v, sizeof v / sizeof v[0])

static const char *const topics[] = {
    "2023年工作回顾",
    "2024年工作安排",
    "着力扩大有效需求",
    "加快建设现代化产业体系",
    "全面推进乡村振兴",
    "持续改善生态环境",
    "切实保障和改善民生",
    "加强政府自身建设",
    "发展基础与形势",
    "总体要求",
    "深化重点领域改革",
    "推进高水平对外开放",
    "强化科技创新引领",
    "建设数字政府",
    "提升城市能级和品质",
    "发展环境",
    "指导思想",
    "主要目标",
    "统筹发展和安全",
    "加强民主法治建设",
    "“十四五”时期的主要任务",
    "构建新发展格局",
    "优化营商环境",
    "推动绿色低碳发展",
};

static const char *const clauses[] = {
    "实施制造业重点产业链高质量发展行动",
    "工业应税销售收入突破6000亿元",
    "地区生产总值增长6%左右",
    "新增城镇就业5.2万人",
    "完成固定资产投资1200亿元",
    "推动大众创业、万众创新",
    "坚持稳中求进工作总基调",
    "深入推进“放管服”改革",
    "打好污染防治攻坚战",
    "新建改造农村公路300公里",
    "居民人均可支配收入增长7.5%",
    "社会消费品零售总额（含网络零售）达到2000亿元",
    "用心用情解决群众“急难愁盼”问题",
    "加快建设《规划纲要》确定的重大项目",
    "一般公共预算收入增长5.3%，税收占比78%",
    "规上工业增加值增长8.5%",
    "新能源产业产值突破7000亿元",
    "实施城市更新行动，改造老旧小区120个",
    "全面落实国省稳增长一揽子政策",
    "逐月调度、逐旬推进经济运行",
    "PM2.5平均浓度下降到30微克/立方米",
    "5G基站累计达到1.2万个",
    "“一网通办”事项覆盖率达到98%",
};

/* Topic phrases as leads are written: short, no subject, no 了. */
static const char *const leads[] = {
    "持续抓链条强集群", "工业经济挑大梁",   "经济发展稳中有进", "创新动能加快集聚",
    "城乡面貌持续改善", "民生福祉不断增进", "改革开放纵深推进", "坚决守牢安全底线",
    "大力发展数字经济", "着力稳住外贸外资",
};

static const char *const openers[] = {"过去一年，", "今年是",   "一年来，", "总体来看，",
                                      "同时，",     "2023年，", "我们",     "面对复杂形势，"};

static const char *const places[] = {"扬州市", "北京市", "连云港市", "海州区", "江苏省", "全国"};

/* Marker families, in the order reports usually nest them. */
enum {
    F_BIAN,
    F_PIAN,
    F_BUFEN,
    F_ZHANG,
    F_JIE,
    F_CN,
    F_CN_PAREN,
    F_ARABIC,
    F_ARABIC_PAREN,
    F_CIRCLED,
    F_SHI,
    F_DI,
    F_ARABIC_HALF,
    F_COUNT
};

#define MAX_LEVELS 6

typedef struct {
    rng *r;
    buf out;        /* logical lines, each ended by '\n' */
    unsigned noise; /* percent chance of junk before each piece of text */
    unsigned blank; /* percent chance of blank lines after a line */
    int fam[MAX_LEVELS];
    size_t nfam;
    int count[MAX_LEVELS]; /* the last number given at each level */
    size_t level;          /* levels open */
    int notes;             /* numbered notes written so far */
} gen;

/* Junk that may stand anywhere in a line: a character from a troublesome
 * range, a malformed sequence, or text XML must escape. Never a line end:
 * those are added to whole documents afterwards. */
static void junk(rng *r, buf *o)
{
    static const char *const bad[] = {
        "\xED\xA0\x80",             /* U+D800 encoded as UTF-8 */
        "\xED\xBF\xBF",             /* U+DFFF */
        "\xED\xA0\xBD\xED\xB8\x80", /* a surrogate pair, CESU-8 style */
        "\xC0\x80",                 /* overlong U+0000 */
        "\xC0\xAF",                 /* overlong '/' */
        "\xC1\xBF",                 /* overlong */
        "\xE0\x80\x80",             /* overlong */
        "\xE0\x80\xAF",             /* overlong */
        "\xF0\x80\x80\x80",         /* overlong */
        "\xF0\x82\x82\xAC",         /* overlong U+20AC */
        "\xF4\x90\x80\x80",         /* above U+10FFFF */
        "\xF7\xBF\xBF\xBF",         /* above U+10FFFF */
        "\xF8\x88\x80\x80\x80",     /* five bytes */
        "\xFC\x84\x80\x80\x80\x80",
        "\x80", /* lone continuation bytes */
        "\xBF\xBF",
        "\xE4\xB8",     /* 一 cut short */
        "\xF0\x9F\x98", /* an emoji cut short */
        "\xC3",
        "\xFE",
        "\xFF",
        "\xFF\xFE", /* a UTF-16 BOM */
        "\xA1\xA1", /* GB18030 ideographic space */
        "\xB9\xFA", /* GB18030 国 */
    };
    static const char *const markup[] = {
        "<",   ">",         "&",    "&amp;", "&#0;",
        "]]>", "<![CDATA[", "<!--", "\"'",   "<?xml version=\"1.0\"?>",
        "&lt;"};
    static const uint32_t special[] = {
        0x0000,  0x0001,  0x0008,  0x000B, 0x000C, 0x001B, 0x001C, 0x001F, 0x007F,   0x0085,
        0x0080,  0x009F,  0x00A0,  0x0301, 0x200B, 0x200D, 0x2028, 0x2029, 0x202E,   0x3000,
        0xFEFF,  0xFFFD,  0xFFFE,  0xFFFF, 0xFDD0, 0xE000, 0x1680, 0x205F, 0x10FFFF, 0x1FFFE,
        0x1F600, 0x20000, 0xF0000, 0x2460, 0xFF08, 0xFF09, 0x201C, 0x201D, 0x3002,   0xFF1A,
    };
    switch (below(r, 10)) {
    case 0:
    case 1:
        put_str(o, PICK(r, bad));
        break;
    case 2:
        put_str(o, PICK(r, markup));
        break;
    case 3:
    case 4:
        put_cp(o, special[below(r, sizeof special / sizeof special[0])]);
        break;
    case 5: { /* a C0 control, U+0000 included, but no line end */
        uint32_t c = below(r, 32);
        put_cp(o, c == '\n' || c == '\r' ? 0 : c);
        break;
    }
    case 6: /* any scalar value */
        for (uint32_t c;;) {
            c = below(r, 0x110000);
            if (c != '\n' && c != '\r' && (c < 0xD800 || c > 0xDFFF)) {
                put_cp(o, c);
                break;
            }
        }
        break;
    case 7: /* a combining mark or variation selector with nothing to combine with */
        put_cp(o, chance(r, 50) ? 0x0300 + below(r, 0x70) : 0xFE00 + below(r, 16));
        break;
    case 8: { /* a few random bytes */
        unsigned n = 1 + below(r, 6);
        for (unsigned k = 0; k < n; k++) {
            char c = (char)below(r, 256);
            put(o, c == '\n' || c == '\r' ? "\x01" : &c, 1);
        }
        break;
    }
    default:
        put_cp(o, 0x4E00 + below(r, 0x5200)); /* a Han character */
        break;
    }
}

/* A piece of text, perhaps with junk before it. */
static void text(gen *g, const char *s)
{
    if (g->noise && chance(g->r, g->noise))
        junk(g->r, &g->out);
    put_str(&g->out, s);
}

static void end_line(gen *g)
{
    if (g->noise && chance(g->r, g->noise / 2))
        junk(g->r, &g->out);
    put(&g->out, "\n", 1);
    if (chance(g->r, g->blank)) {
        unsigned n = 1 + below(g->r, 2);
        for (unsigned k = 0; k < n; k++)
            put_str(&g->out, chance(g->r, 10) ? "　 \n" : "\n");
    }
}

static void cn_numeral(buf *o, int n)
{
    static const char *const d[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    int hundreds = n >= 100;
    if (hundreds) {
        put_str(o, d[n / 100 % 10]);
        put_str(o, "百");
        n %= 100;
        if (n && n < 10)
            put_str(o, "零");
    }
    if (n >= 10) {
        if (n >= 20 || hundreds)
            put_str(o, d[n / 10]);
        put_str(o, "十");
        n %= 10;
    }
    if (n)
        put_str(o, d[n]);
}

/* ASCII digits, or full-width ones as some typists use. */
static void arabic(buf *o, int n, int wide)
{
    char tmp[16];
    snprintf(tmp, sizeof tmp, "%d", n);
    for (const char *p = tmp; *p; p++)
        if (wide)
            put_cp(o, 0xFF10 + (uint32_t)(*p - '0'));
        else
            put(o, p, 1);
}

static void marker(gen *g, int fam, int n)
{
    rng *r = g->r;
    buf *o = &g->out;
    static const char *const part[] = {
        [F_BIAN] = "编", [F_PIAN] = "篇", [F_BUFEN] = "部分", [F_ZHANG] = "章", [F_JIE] = "节"};
    /* 第 一 章, （ 1 ）: letter-spaced as text extracted from a PDF is */
    const char *sp = chance(r, 4) ? " " : "";
    switch (fam) {
    case F_BIAN:
    case F_PIAN:
    case F_BUFEN:
    case F_ZHANG:
    case F_JIE:
        put_str(o, "第");
        put_str(o, sp);
        if (chance(r, 15))
            arabic(o, n, chance(r, 30));
        else
            cn_numeral(o, n);
        put_str(o, sp);
        put_str(o, part[fam]);
        break;
    case F_CN:
        cn_numeral(o, n);
        put_str(o, chance(r, 85) ? "、" : chance(r, 50) ? "．" : ".");
        break;
    case F_CN_PAREN:
        put_str(o, chance(r, 85) ? "（" : "(");
        put_str(o, sp);
        cn_numeral(o, n);
        put_str(o, sp);
        put_str(o, chance(r, 85) ? "）" : ")");
        break;
    case F_ARABIC:
        if (n <= 20 && chance(r, 8)) {
            put_cp(o, 0x2488 + (uint32_t)n - 1); /* ⒈ */
        } else {
            arabic(o, n, chance(r, 15));
            put_str(o, sp);
            put_str(o, chance(r, 60) ? "." : chance(r, 50) ? "．" : "、");
        }
        break;
    case F_ARABIC_PAREN:
        if (n <= 20 && chance(r, 10)) {
            put_cp(o, 0x2474 + (uint32_t)n - 1); /* ⑴ */
        } else {
            put_str(o, chance(r, 70) ? "（" : "(");
            put_str(o, sp);
            arabic(o, n, chance(r, 15));
            put_str(o, sp);
            put_str(o, chance(r, 70) ? "）" : ")");
        }
        break;
    case F_CIRCLED:
        if (n <= 20)
            put_cp(o, 0x2460 + (uint32_t)n - 1);
        else if (n <= 35)
            put_cp(o, 0x3251 + (uint32_t)n - 21);
        else
            put_cp(o, 0x32B1 + (uint32_t)(n % 15));
        break;
    case F_SHI:
        cn_numeral(o, n);
        put_str(o, "是");
        break;
    case F_ARABIC_HALF:
        arabic(o, n, chance(r, 15));
        put_str(o, chance(r, 70) ? ")" : "）");
        break;
    default:
        put_str(o, "第");
        cn_numeral(o, n);
        put_str(o, chance(r, 50) ? "，" : "、");
        break;
    }
}

/* One sentence of report prose, perhaps with a note reference. */
static void sentence(gen *g)
{
    rng *r = g->r;
    if (chance(r, 30))
        text(g, PICK(r, openers));
    unsigned n = chance(r, 15) ? 3 : 1 + below(r, 2);
    for (unsigned k = 0; k < n; k++) {
        if (k)
            text(g, chance(r, 70) ? "，" : chance(r, 50) ? "；" : "、");
        text(g, PICK(r, clauses));
        if (chance(r, 6)) {
            static const char *const refs[][2] = {{"［", "］"}, {"[", "]"}, {"【", "】"}};
            unsigned v = below(r, 3);
            put_str(&g->out, refs[v][0]);
            arabic(&g->out, 1 + (int)below(r, (unsigned)g->notes + 3), chance(r, 20));
            put_str(&g->out, refs[v][1]);
        }
    }
    if (chance(r, 4)) { /* 一是…；二是… inside the text */
        for (int k = 1; k <= 3; k++) {
            text(g, k == 1 ? "：" : "；");
            cn_numeral(&g->out, k);
            text(g, "是");
            text(g, PICK(r, clauses));
        }
    }
    static const char *const ends[] = {"。", "。", "。", "。", "。", "。", "！", "？", "", "；"};
    text(g, PICK(r, ends));
}

static void prose(gen *g, unsigned sentences)
{
    for (unsigned k = 0; k < sentences; k++)
        sentence(g);
}

static void paragraph(gen *g)
{
    prose(g, chance(g->r, 10) ? 3 : 1 + below(g->r, 2));
    end_line(g);
}

/* 持续抓链条强集群。实施…, or the lead alone with its body below. */
static void lead_paragraph(gen *g)
{
    text(g, PICK(g->r, leads));
    text(g, "。");
    if (chance(g->r, 15))
        end_line(g);
    prose(g, 1 + below(g->r, 2));
    end_line(g);
}

static void front_matter(gen *g)
{
    rng *r = g->r;
    static const char *const titles[] = {
        "政府工作报告",
        "政 府 工 作 报 告",
        "扬州市2024年政府工作报告",
        "海州区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要",
        "国民经济和社会发展第十四个五年规划纲要（草案）",
        "关于2023年国民经济和社会发展计划执行情况的报告",
    };
    static const char *const offices[] = {"市长", "国务院总理", "代市长",
                                          "区长", "省长",       "北京市市长"};
    static const char *const names[] = {"张三", "李强", "王进健", "龚 正", "殷勇", "欧阳明德"};
    static const char *const salutes[] = {"各位代表：", "同志们：", "尊敬的各位代表：",
                                          "各位代表:", "各位代表、各位委员："};
    if (chance(r, 8)) {
        text(g, "北京市2024年政府工作报告（全文）");
        end_line(g);
    }
    if (chance(r, 8)) {
        text(g, "发布时间：2024-01-28 10:30　　来源：北京日报");
        end_line(g);
    }
    if (chance(r, 80))
        text(g, PICK(r, titles));
    int sub = chance(r, 70);
    if (sub && chance(r, 85)) {
        if (!chance(r, 12))
            end_line(g); /* else run into the title: 政府工作报告——2024年… */
        switch (below(r, 4)) {
        case 0:
            text(g, "（2024年1月24日在");
            text(g, PICK(r, places));
            text(g, "第十四届人民代表大会第二次会议上）");
            break;
        case 1:
            text(g, "在");
            text(g, PICK(r, places));
            text(g, "第九届人民代表大会第三次会议上");
            break;
        case 2: /* wrapped over two lines */
            text(g, "——2023年3月5日在第十四届全国人民代表大会");
            end_line(g);
            text(g, "第一次会议上");
            break;
        default:
            text(g, chance(r, 80) ? "——" : chance(r, 50) ? "――" : "--");
            text(g, "2024年1月15日在");
            text(g, PICK(r, places));
            text(g, "第九届人民代表大会第三次会议上");
            break;
        }
        if (chance(r, 10)) { /* the speaker on the same line */
            text(g, " ");
            text(g, PICK(r, offices));
            text(g, "　");
            text(g, PICK(r, names));
        }
    }
    end_line(g);
    if (chance(r, 60)) {
        text(g, PICK(r, offices));
        text(g, chance(r, 50) ? "　" : "  ");
        text(g, PICK(r, names));
        end_line(g);
    }
    if (chance(r, 70)) {
        text(g, PICK(r, salutes));
        end_line(g);
    }
}

/* Which level the next heading goes to, and its number there. */
static size_t next_level(gen *g)
{
    rng *r = g->r;
    size_t k;
    if (g->level == 0)
        k = 0;
    else if (g->level < g->nfam && chance(r, 40))
        k = g->level; /* one deeper */
    else if (chance(r, 55))
        k = g->level - 1; /* a sibling */
    else
        k = below(r, (unsigned)g->level); /* back up */
    if (chance(r, 4))
        g->count[k] += 2; /* a gap */
    else if (chance(r, 3))
        g->count[k] = chance(r, 50) ? g->count[k] : 0; /* a repeat or a restart */
    g->count[k]++;
    for (size_t j = k + 1; j < MAX_LEVELS; j++)
        g->count[j] = 0;
    g->level = k + 1;
    return k;
}

static void heading(gen *g)
{
    rng *r = g->r;
    size_t k = next_level(g);
    int fam = g->fam[k], n = g->count[k];
    /* an unnumbered short line where number n - 1 is missing: the parser
     * infers the heading when the next marker skips exactly one */
    if (n > 1 && chance(r, 8)) {
        text(g, PICK(r, topics));
        end_line(g);
        paragraph(g);
        g->count[k] = ++n;
    }
    marker(g, fam, n);
    int part = fam <= F_JIE;
    if (part && chance(r, 15)) { /* 第三章 / its title on a line below */
        end_line(g);
        if (chance(r, 80))
            text(g, PICK(r, topics));
        end_line(g);
        return;
    }
    if (chance(r, 40))
        text(g, chance(r, 50) ? "　" : " ");
    if (!part && chance(r, 45)) { /* run in: the title is the first sentence */
        text(g, PICK(r, clauses));
        text(g, chance(r, 90) ? "。" : "！");
        prose(g, below(r, 2));
    } else {
        text(g, PICK(r, topics));
    }
    end_line(g);
}

/* ——经济发展稳中有进。预计… */
static void dash_items(gen *g)
{
    static const char *const dashes[] = {"——", "——", "——", "――", "－－", "--", "一一", "—", "──"};
    unsigned n = 1 + below(g->r, 5);
    for (unsigned k = 0; k < n; k++) {
        text(g, PICK(g->r, dashes));
        if (chance(g->r, 70)) {
            text(g, PICK(g->r, leads));
            text(g, "。");
        }
        prose(g, below(g->r, 2));
        end_line(g);
    }
}

static void address(gen *g)
{
    switch (below(g->r, 3)) {
    case 0:
        text(g, "各位代表！");
        break;
    case 1:
        text(g, "各位代表，");
        prose(g, 1);
        break;
    default:
        text(g, "各位代表,成绩来之不易。");
        break;
    }
    end_line(g);
}

/* 专栏 and its numbered projects. */
static void box(gen *g)
{
    rng *r = g->r;
    static const char *const titles[] = {"重点工程", "服务业重点工程、重点项目",
                                         "“十四五”数字经济重大工程", "为民办实事项目"};
    int title_below = 0;
    switch (below(r, 5)) {
    case 0:
        text(g, "专栏");
        arabic(&g->out, 1 + (int)below(r, 12), 0);
        text(g, "  ");
        break;
    case 1:
        text(g, chance(r, 80) ? "专栏：" : "专栏:");
        break;
    case 2:
        text(g, "专栏 ");
        arabic(&g->out, 1 + (int)below(r, 12), 0);
        title_below = 1;
        break;
    case 3:
        text(g, "专栏");
        title_below = 1;
        break;
    default:
        text(g, "专栏");
        cn_numeral(&g->out, 1 + (int)below(r, 12));
        text(g, "　");
        break;
    }
    if (title_below)
        end_line(g);
    text(g, PICK(r, titles));
    end_line(g);
    unsigned style = below(r, 7), items = below(r, 7);
    for (unsigned k = 1; k <= items; k++) {
        int n = (int)k + (chance(r, 5) ? 1 : 0);
        switch (style) {
        case 0:
            arabic(&g->out, n, 0);
            text(g, ".");
            break;
        case 1:
            arabic(&g->out, n, 1);
            text(g, "．");
            break;
        case 2:
            text(g, "（");
            arabic(&g->out, n, 0);
            text(g, "）");
            break;
        case 3:
            put_cp(&g->out, 0x2460 + (uint32_t)n - 1);
            break;
        case 4: /* 01　新一代人工智能 / its description below */
            text(g, "0");
            arabic(&g->out, n, 0);
            text(g, "　");
            text(g, PICK(r, topics));
            end_line(g);
            sentence(g);
            end_line(g);
            continue;
        case 5:
            text(g, "［");
            arabic(&g->out, n, 0);
            text(g, "］");
            break;
        default:
            arabic(&g->out, n, 0);
            text(g, "、");
            break;
        }
        text(g, PICK(r, topics));
        if (chance(r, 80)) {
            text(g, chance(r, 85) ? "：" : ":");
            sentence(g);
        }
        end_line(g);
    }
}

/* A value as indicator tables print them. */
static void cell_value(gen *g)
{
    static const char *const values[] = {
        "653",      "1000",
        "3.45",     "12,000",
        "１２．５", "75%",
        "-1.5",     "+3",
        "−2",       "≥80",
        ">=5",      "<5.5",
        "＜5.5",    "≤5.5",
        "≧ 3",      "—",
        "--",       "/",
        "…",        "*",
        "",         "预期性",
        "约束性",   "〔5.3〕",
        "60.6*",    "与经济增长基本同步",
        "6左右",    "0",
        "1.",       ".5",
        "5.5.5",    "—5",
        "%",        "12%%",
    };
    text(g, PICK(g->r, values));
}

/* 主要指标: caption, perhaps a unit line, then rows of tab-separated cells,
 * the first column perhaps a category left empty for "same as above". */
static void table(gen *g)
{
    rng *r = g->r;
    static const char *const captions[] = {"主要指标",
                                           "“十四五”时期经济社会发展主要指标",
                                           "表1  重大项目投资安排",
                                           "2024年主要预期目标",
                                           "表 2：主要指标",
                                           "表3-1 重点项目"};
    static const char *const units[] = {"单位：亿元", "（单位：%）", "单位:万人", "单位：%"};
    static const char *const heads[] = {"2020年", "2025年", "年均增长", "属性", "累计"};
    static const char *const cats[] = {"经济发展", "创新驱动", "民生福祉", "绿色生态"};
    if (chance(r, 80)) {
        text(g, PICK(r, captions));
        end_line(g);
        if (chance(r, 35)) {
            text(g, PICK(r, units));
            end_line(g);
        }
    }
    unsigned cols = 2 + below(r, 5), rows = 1 + below(r, 8);
    int grouped = cols >= 3 && chance(r, 40);
    const char *sep = chance(r, 90) ? "\t" : chance(r, 50) ? "  " : "　　";
    if (grouped) {
        text(g, "类别");
        put_str(&g->out, sep);
    }
    text(g, "指标");
    for (unsigned c = 1; c < cols; c++) {
        put_str(&g->out, sep);
        text(g, PICK(r, heads));
    }
    put_str(&g->out, "\n");
    for (unsigned k = 0; k < rows; k++) {
        if (grouped) {
            if (k == 0 || chance(r, 30))
                text(g, PICK(r, cats));
            put_str(&g->out, sep);
        }
        text(g, PICK(r, clauses));
        for (unsigned c = 1; c < cols; c++) {
            put_str(&g->out, sep);
            cell_value(g);
        }
        put_str(&g->out, chance(r, 10) ? "\n\n" : "\n");
    }
    end_line(g);
}

/* The same table one cell a line, each behind a tab, as Word exports it;
 * a category written one character a line below its cell. */
static void vertical_table(gen *g)
{
    rng *r = g->r;
    unsigned cols = 3 + below(r, 4), rows = 1 + below(r, 5);
    for (unsigned k = 0; k <= rows; k++) {
        for (unsigned c = 0; c < cols; c++) {
            put_str(&g->out, "\t");
            if (k == 0)
                text(g, c == 0 ? "类别" : "指标");
            else if (c == 0 && chance(r, 50))
                ;
            else
                cell_value(g);
            put_str(&g->out, "\n");
            if (c == 0 && k > 0 && chance(r, 20))
                put_str(&g->out, "经\n济\n强\n");
        }
        put_str(&g->out, "\n");
    }
}

/* 名词解释 and its entries: numbered, bracketed, bare terms, a term alone
 * with its definition below. */
static void notes(gen *g)
{
    rng *r = g->r;
    static const char *const heads[] = {"名词解释", "注释", "注释：", "注 解", "名词注释", "附注"};
    static const char *const terms[] = {"“四上”企业", "“八八战略”", "“两旧一村”", "专精特新",
                                        "“一网通办”"};
    text(g, PICK(r, heads));
    end_line(g);
    unsigned n = 1 + below(r, 6);
    for (unsigned k = 0; k < n; k++) {
        switch (below(r, 5)) {
        case 0:
            arabic(&g->out, ++g->notes, 0);
            text(g, ".");
            text(g, PICK(r, terms));
            text(g, "：");
            sentence(g);
            break;
        case 1:
            text(g, "［");
            arabic(&g->out, ++g->notes, chance(r, 30));
            text(g, "］");
            sentence(g);
            break;
        case 2:
            text(g, PICK(r, terms));
            text(g, "：");
            sentence(g);
            break;
        case 3:
            text(g, PICK(r, terms));
            end_line(g);
            sentence(g);
            break;
        default:
            sentence(g);
            break;
        }
        end_line(g);
    }
}

/* 目录 with entries; the text after it repeats their markers. */
static void contents(gen *g)
{
    rng *r = g->r;
    static const char *const heads[] = {"目  录", "目录", "目 次"};
    text(g, PICK(r, heads));
    end_line(g);
    unsigned n = 1 + below(r, 5);
    for (unsigned k = 1; k <= n; k++) {
        marker(g, g->fam[0], (int)k);
        text(g, "　");
        text(g, PICK(r, topics));
        if (chance(r, 70))
            text(g, chance(r, 50) ? "……………………" : "...");
        if (chance(r, 80))
            arabic(&g->out, (int)(k * 3), 0);
        end_line(g);
    }
}

static void page_line(gen *g)
{
    static const char *const forms[] = {"— %d —",           "-%d-", "- %d -",
                                        "第 %d 页 共 9 页", "%d/9", "－%d－"};
    char tmp[64];
    snprintf(tmp, sizeof tmp, PICK(g->r, forms), 1 + (int)below(g->r, 40));
    text(g, tmp);
    end_line(g);
}

/* One line tens of kilobytes long: prose, or a run of one thing that a
 * scanner might take quadratic time over. Runs of characters that become
 * <ctl> stop at a few thousand: libxml2's RelaxNG validation of that many
 * siblings is slow (its cost, not gongwen's) and the count proves nothing
 * more. */
static void long_line(gen *g)
{
    rng *r = g->r;
    static const char *const runs[] = {"（", "“",  "一",    "\t",   "　",   "第一",        "——",
                                       "。", "1.", "［1］", "\xFF", "\x01", "\xEF\xBF\xBE"};
    size_t k = below(r, sizeof runs / sizeof runs[0]);
    size_t target = g->out.len + (k >= 10 ? 500 + below(r, 3000) : 2000 + below(r, 30000));
    int is_prose = chance(r, 50);
    while (g->out.len < target) {
        if (is_prose)
            sentence(g);
        else
            put_str(&g->out, runs[k]);
    }
    end_line(g);
}

/* A line of junk only. */
static void junk_line(gen *g)
{
    unsigned n = 1 + below(g->r, 60);
    for (unsigned k = 0; k < n; k++)
        junk(g->r, &g->out);
    end_line(g);
}

/* The body: headings and what goes under them, in random order. */
static void body(gen *g)
{
    rng *r = g->r;
    if (chance(r, 8))
        contents(g);
    if (chance(r, 8)) {
        static const char *const prefaces[] = {"序  言", "前言", "引言", "导 言"};
        text(g, PICK(r, prefaces));
        end_line(g);
        paragraph(g);
    }
    unsigned blocks = 2 + below(r, chance(r, 10) ? 60 : 20);
    for (unsigned k = 0; k < blocks; k++) {
        unsigned w = below(r, 100);
        if (w < 25)
            heading(g);
        else if (w < 50)
            paragraph(g);
        else if (w < 60)
            lead_paragraph(g);
        else if (w < 66)
            dash_items(g);
        else if (w < 69)
            address(g);
        else if (w < 73)
            box(g);
        else if (w < 77)
            table(g);
        else if (w < 79)
            vertical_table(g);
        else if (w < 82)
            notes(g);
        else if (w < 84) {
            static const char *const annexes[] = {"附件1　2023年区政府为民办实事项目完成情况",
                                                  "附件", "附件：", "附录二", "附表1  主要指标"};
            text(g, PICK(r, annexes));
            end_line(g);
        } else if (w < 87)
            page_line(g);
        else if (w < 89) {
            static const char *const endings[] = {"结束语", "结语："};
            text(g, PICK(r, endings));
            end_line(g);
        } else if (w < 95 && g->noise)
            junk_line(g);
        else
            paragraph(g);
    }
    if (chance(r, 2))
        long_line(g);
}

/* The marker families a document uses, outermost first: a government
 * report's, a plan's, or any few in any order (the parser nests by first
 * appearance, so every order must give a valid tree). */
static void families(gen *g)
{
    rng *r = g->r;
    static const int report[] = {F_CN,           F_CN_PAREN,    F_ARABIC,
                                 F_ARABIC_PAREN, F_ARABIC_HALF, F_CIRCLED};
    static const int report_shi[] = {F_CN, F_CN_PAREN, F_SHI, F_DI};
    static const int plan[] = {F_PIAN, F_ZHANG, F_JIE, F_CN, F_CN_PAREN, F_ARABIC};
    static const int parts[] = {F_BIAN, F_BUFEN, F_CN, F_CN_PAREN, F_ARABIC, F_CIRCLED};
    static const struct {
        const int *v;
        size_t n;
    } templates[] = {{report, 6}, {report_shi, 4}, {plan, 6}, {parts, 6}};
    size_t t = below(r, 5);
    if (t < 4) {
        /* a plan without 篇, a report without 一、 */
        size_t skip = chance(r, 30) ? 1 : 0, n = 2 + below(r, 5);
        g->nfam = n < templates[t].n - skip ? n : templates[t].n - skip;
        for (size_t k = 0; k < g->nfam; k++)
            g->fam[k] = templates[t].v[k + skip];
        return;
    }
    g->nfam = 2 + below(r, MAX_LEVELS - 1);
    for (size_t k = 0; k < g->nfam; k++)
        g->fam[k] = (int)below(r, F_COUNT);
}

static void line_end(rng *r, unsigned style, buf *o)
{
    static const char *const ends[] = {"\n", "\r\n", "\r", "\r\r\n"};
    put_str(o, ends[style < 3 ? style : below(r, 4)]);
}

/* Logical lines to bytes: indentation, line ends, and for a document laid
 * out as a PDF copy, lines hard-wrapped every 28-41 characters with page
 * numbers and a running header between pages. */
static void lay_out(rng *r, const buf *logical, buf *o)
{
    static const char *const indents[] = {"", "　　", "  ", "    ", "\xC2\xA0", " \t"};
    unsigned eol = below(r, 100), style = eol < 55 ? 0 : eol < 75 ? 1 : eol < 83 ? 2 : 3;
    int pdf = chance(r, 15);
    unsigned width = 28 + below(r, 14), page_len = 15 + below(r, 20), on_page = 0, page = 1;
    unsigned indent = chance(r, 60) ? 0 : 1 + below(r, 3);
    const char *header =
        pdf && chance(r, 60) ? (chance(r, 50) ? "政府工作报告" : "2024年政府工作报告") : NULL;
    const char *s = logical->s ? logical->s : "";
    for (size_t at = 0; at < logical->len;) {
        const char *nl = memchr(s + at, '\n', logical->len - at);
        size_t len = nl ? (size_t)(nl - (s + at)) : logical->len - at;
        const char *line = s + at;
        at += len + 1;
        int tabbed = len > 0 && line[0] == '\t';
        if (len && !tabbed && indent)
            put_str(o, pdf ? "　　" : indents[indent == 3 ? below(r, 6) : indent]);
        if (!pdf || tabbed || memchr(line, '\t', len)) {
            put(o, line, len);
            line_end(r, style, o);
            continue;
        }
        /* hard-wrapped: cut every width characters, a page break now and then */
        size_t i = 0;
        do {
            size_t from = i;
            for (unsigned c = 0; c < width && i < len; c++) {
                uint32_t cp;
                size_t n = utf8_char(line + i, len - i, &cp);
                i += n ? n : 1;
            }
            put(o, line + from, i - from);
            line_end(r, style, o);
            if (++on_page >= page_len) {
                char tmp[32];
                snprintf(tmp, sizeof tmp, chance(r, 70) ? "— %u —" : "- %u -", ++page);
                put_str(o, tmp);
                line_end(r, style, o);
                if (header) {
                    put_str(o, header);
                    line_end(r, style, o);
                }
                on_page = 0;
            }
        } while (i < len);
    }
}

/* A few blind edits anywhere, inside characters too: junk, line ends,
 * BOMs, changed and dropped bytes. */
static void mutate(rng *r, buf *doc, unsigned edits)
{
    static const char *const breaks[] = {"\n",   "\r",           "\r\n",     "\r\r\n",      "\n\n",
                                         "\n\r", "\xEF\xBB\xBF", "\xC2\x85", "\xE2\x80\xA8"};
    for (unsigned k = 0; k < edits; k++) {
        buf piece = {0}, out = {0};
        size_t at = below(r, (unsigned)doc->len + 1), drop = 0;
        switch (below(r, 5)) {
        case 0:
        case 1:
            junk(r, &piece);
            break;
        case 2:
            put_str(&piece, PICK(r, breaks));
            break;
        case 3: {
            char c = (char)below(r, 256);
            put(&piece, &c, 1);
            drop = 1;
            break;
        }
        default:
            drop = 1 + below(r, 4);
            break;
        }
        if (at + drop > doc->len)
            drop = doc->len - at;
        put(&out, doc->s, at);
        put(&out, piece.s, piece.len);
        put(&out, doc->s + at + drop, doc->len - at - drop);
        free(piece.s);
        free(doc->s);
        *doc = out;
    }
}

/* One document, from its own stream: the bytes, the encoding to give the
 * decoder (NULL: detect, as gongwen does by default) and a source name. */
static void generate(rng *r, buf *doc, const char **encoding, const char **source)
{
    static const unsigned noise[] = {0, 0, 0, 0, 0, 0, 2,  2,  2,  2,
                                     2, 2, 6, 6, 6, 6, 20, 20, 50, 50};
    static const char *const sources[] = {NULL, NULL, NULL, "report.txt",
                                          "报告\x01<&>\xFF\xED\xA0\x80.txt"};
    *encoding = chance(r, 30) ? "UTF-8" : NULL;
    *source = PICK(r, sources);
    if (chance(r, 2)) { /* no report at all: bytes, or nothing */
        unsigned n = chance(r, 20) ? 0 : below(r, 3000);
        for (unsigned k = 0; k < n; k++) {
            char c = (char)below(r, 256);
            put(doc, &c, 1);
        }
        put(doc, "", 0);
        return;
    }
    gen g = {0};
    g.r = r;
    g.noise = noise[below(r, sizeof noise / sizeof noise[0])];
    g.blank = below(r, 80);
    families(&g);
    if (chance(r, 60))
        front_matter(&g);
    body(&g);
    lay_out(r, &g.out, doc);
    free(g.out.s);
    if (g.noise)
        mutate(r, doc, below(r, g.noise / 2 + 2));
    unsigned bom = below(r, 100);
    if (bom < 7) {
        static const char *const boms[] = {"\xEF\xBB\xBF",
                                           "\xEF\xBB\xBF",
                                           "\xEF\xBB\xBF",
                                           "\xEF\xBB\xBF",
                                           "\xEF\xBB\xBF\xEF\xBB\xBF",
                                           "\xFF\xFE",
                                           "\xFE\xFF"};
        buf out = {0};
        put_str(&out, boms[bom]);
        put(&out, doc->s, doc->len);
        free(doc->s);
        *doc = out;
    }
    put(doc, "", 0); /* never NULL, even when empty */
}

/* ---- reporting --------------------------------------------------------- */

/* The document being checked, for the one failure the loop cannot report
 * itself: the process dying inside the library. A signal handler (or,
 * under AddressSanitizer, its death callback) writes it out with
 * async-signal-safe calls only; it is static because a handler has no
 * other way in. */
static struct {
    const char *data;
    size_t len;
    char path[128];
    char note[256];
    size_t note_len;
} in_flight;

static const int crash_signals[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};
static struct sigaction previous[sizeof crash_signals / sizeof crash_signals[0]];

static void save_in_flight(void)
{
    if (!in_flight.data)
        return;
    int fd = open(in_flight.path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0) {
        ssize_t w = write(fd, in_flight.data, in_flight.len);
        (void)w;
        close(fd);
    }
    ssize_t w = write(STDERR_FILENO, in_flight.note, in_flight.note_len);
    (void)w;
    in_flight.data = NULL;
}

/* Saves the input, puts the previous handler back and returns: the faulting
 * instruction runs again and the old handler (the default, or a
 * sanitizer's) reports it as if we had never been there. abort() raises
 * again by itself. */
static void on_crash(int sig)
{
    save_in_flight();
    for (size_t k = 0; k < sizeof crash_signals / sizeof crash_signals[0]; k++)
        if (crash_signals[k] == sig)
            sigaction(sig, &previous[k], NULL);
}

static void watch_crashes(int on)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_crash;
    sigemptyset(&sa.sa_mask);
    for (size_t k = 0; k < sizeof crash_signals / sizeof crash_signals[0]; k++) {
        if (on)
            sigaction(crash_signals[k], &sa, &previous[k]);
        else
            sigaction(crash_signals[k], &previous[k], NULL);
    }
#if defined(__SANITIZE_ADDRESS__)
    __sanitizer_set_death_callback(on ? save_in_flight : NULL);
#endif
    in_flight.data = NULL;
}

static void input_path(char *path, size_t cap, unsigned long long seed, int index)
{
    snprintf(path, cap, "/tmp/gongwen-property-%016llx-%d.txt", seed, index);
}

static void save(const char *path, const char *data, size_t len)
{
    FILE *fp = fopen(path, "wb");
    if (fp) {
        fwrite(data, 1, len, fp);
        fclose(fp);
    }
}

static unsigned long long env_number(const char *name, unsigned long long fallback)
{
    const char *v = getenv(name);
    return v && *v ? strtoull(v, NULL, 0) : fallback;
}

/* A fixed input with a name to report it by. */
typedef struct {
    const char *name;
    const char *bytes;
    size_t len;
} input_case;

/* Every property for a fixed input, its encoding detected and given:
 * 1 when all hold, else 0 with what broke in msg. */
static int case_holds(const input_case *c, char *msg, size_t cap)
{
    char *why = check_input(c->bytes, c->len, NULL, NULL);
    if (!why)
        why = check_input(c->bytes, c->len, "UTF-8", "case.txt");
    if (why)
        snprintf(msg, cap, "%s: %s", c->name, why);
    free(why);
    return why == NULL;
}

/* GW_PROPERTY_REPLAY=FILE: every property for that file, decoded both ways. */
static void replay(const char *path)
{
    FILE *fp = fopen(path, "rb");
    ck_assert_msg(fp != NULL, "cannot open %s", path);
    char *data;
    size_t len;
    gw_error err = {0};
    ck_assert_int_eq(gw_read_stream(fp, &data, &len, &err), GW_OK);
    fclose(fp);
    input_case c = {path, data, len};
    char msg[600];
    int ok = case_holds(&c, msg, sizeof msg);
    free(data);
    ck_assert_msg(ok, "%s", msg);
}

/* ---- the tests --------------------------------------------------------- */

START_TEST(generated_documents_keep_their_properties)
{
    unsigned long long seed = env_number("GW_PROPERTY_SEED", PROPERTY_SEED);
    int total = (int)env_number("GW_PROPERTY_DOCS", PROPERTY_DOCS);
    const char *replay_path = getenv("GW_PROPERTY_REPLAY");
    ck_assert_msg(schema != NULL, "grammar/gongwen.rng does not compile");
    if (replay_path) {
        if (_i == 0)
            replay(replay_path);
        return;
    }
    int per = (total + CHUNKS - 1) / CHUNKS, from = _i * per;
    int to = from + per < total ? from + per : total, failed = 0;
    char *first = NULL;
    watch_crashes(1);
    for (int k = from; k < to; k++) {
        rng r = {seed ^ (uint64_t)k * 0xD1B54A32D192ED03ull};
        buf doc = {0};
        const char *encoding, *source;
        generate(&r, &doc, &encoding, &source);
        input_path(in_flight.path, sizeof in_flight.path, seed, k);
        in_flight.note_len = (size_t)snprintf(
            in_flight.note, sizeof in_flight.note,
            "property: document %d (seed 0x%016llx) crashed the library; input in %s\n", k, seed,
            in_flight.path);
        if (in_flight.note_len >= sizeof in_flight.note)
            in_flight.note_len = sizeof in_flight.note - 1;
        in_flight.len = doc.len;
        in_flight.data = doc.s;
        char *why = check_input(doc.s, doc.len, encoding, source);
        in_flight.data = NULL;
        if (why && ++failed <= MAX_REPORTED) {
            save(in_flight.path, doc.s, doc.len);
            fprintf(stderr,
                    "property: document %d (seed 0x%016llx, encoding %s): %s\n"
                    "  input in %s; replay with GW_PROPERTY_REPLAY=%s ./run_unit\n",
                    k, seed, encoding ? encoding : "detected", why, in_flight.path, in_flight.path);
        }
        if (why && !first) {
            first = failure("document %d (seed 0x%016llx): %s; input in %s", k, seed, why,
                            in_flight.path);
        }
        free(why);
        free(doc.s);
    }
    watch_crashes(0);
    if (failed) {
        char msg[600];
        snprintf(msg, sizeof msg, "%d of documents %d-%d fail; first: %s", failed, from, to - 1,
                 first);
        free(first);
        ck_abort_msg("%s", msg);
    }
}
END_TEST

/* The generator itself: the same seed gives the same bytes, and it really
 * produces what the properties are about. */
START_TEST(generator_is_deterministic_and_covers_the_hard_cases)
{
    int nul = 0, ffff = 0, surrogate = 0, overlong = 0, combining = 0, cr = 0, bom_inside = 0,
        long_run = 0;
    for (int k = 0; k < 400; k++) {
        rng r1 = {PROPERTY_SEED ^ (uint64_t)k * 0xD1B54A32D192ED03ull}, r2 = r1;
        buf a = {0}, b = {0};
        const char *e1, *e2, *s1, *s2;
        generate(&r1, &a, &e1, &s1);
        generate(&r2, &b, &e2, &s2);
        ck_assert_msg(a.len == b.len && !memcmp(a.s, b.s, a.len) && e1 == e2 && s1 == s2,
                      "document %d differs between two runs", k);
        nul |= memchr(a.s, 0, a.len) != NULL;
        size_t run = 0;
        for (size_t i = 0; i < a.len; i++) {
            const char *p = a.s + i;
            size_t left = a.len - i;
            ffff |= left >= 3 && !memcmp(p, "\xEF\xBF\xBF", 3);
            surrogate |= left >= 3 && !memcmp(p, "\xED\xA0\x80", 3);
            overlong |= left >= 2 && !memcmp(p, "\xC0\x80", 2);
            combining |= left >= 2 && !memcmp(p, "\xCC\x81", 2);
            cr |= *p == '\r' && (left == 1 || p[1] != '\n');
            bom_inside |= i > 0 && left >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3);
            run = *p == '\n' ? 0 : run + 1;
            long_run |= run > 10000;
        }
        free(a.s);
        free(b.s);
    }
    ck_assert(nul && ffff && surrogate && overlong && combining && cr && bom_inside && long_run);
}
END_TEST

/* Small inputs for each troublesome character, checked on every run
 * whatever the generator happens to produce. */
static const input_case edge_cases[] = {
#define EDGE(name, lit)                                                                            \
    {                                                                                              \
        name, lit, sizeof lit - 1                                                                  \
    }
    EDGE("empty", ""),
    EDGE("NUL in a heading", "一、总体\0要求\n"),
    EDGE("every C0 control",
         "各位代表：\n\x01\x02\x03\x04\x05\x06\x07\x08\t\x0B\x0C\x0E\x0F"
         "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1A\x1B\x1C\x1D\x1E\x1F。\n"),
    EDGE("U+FFFE and U+FFFF", "（一）\xEF\xBF\xBE关键一年\xEF\xBF\xBF。\n"),
    EDGE("encoded surrogate", "一是\xED\xA0\x80推进。\n"),
    EDGE("overlong NUL", "——\xC0\x80经济发展稳中有进。预计增长。\n"),
    EDGE("lone combining mark", "\xCC\x81\n\xCC\x81一、\xCC\x81\n"),
    EDGE("BOM in the middle",
         "\xEF\xBB\xBF政府工作报告\n\xEF\xBB\xBF各位代表：\n一、\xEF\xBB\xBF回顾\n"),
    EDGE("lone CR and CR CR LF", "一、回顾\r（一）经济\r\r\n1.工业\r\n"),
    EDGE("controls as a cell", "指标\t2020年\t2025年\n\x01\t\x0B\t\xEF\xBF\xBF\n"),
    EDGE("markup characters", "一、<a>&amp;]]></a>\n<?xml?>&#0;\n"),
    EDGE("cut at the end", "一、总体要求\n\xE4\xB8"),
#undef EDGE
};

START_TEST(edge_case_holds)
{
    ck_assert_msg(schema != NULL, "grammar/gongwen.rng does not compile");
    char msg[600];
    ck_assert_msg(case_holds(&edge_cases[_i], msg, sizeof msg), "%s", msg);
}
END_TEST

/* Inputs on which this suite found a property broken, minimized. They stay
 * after the fix; the issue #6 report says what each one shows. */
static const input_case found[] = {
#define FOUND(name, lit)                                                                           \
    {                                                                                              \
        name, lit, sizeof lit - 1                                                                  \
    }
    /* Three unpunctuated lines with commas make the text read as hard-wrapped,
     * so 第 and 一章 join into one heading, 第一章, with no title; the line
     * below its first line, 一章, is then taken as its title as well: the
     * text holds 一章 twice. */
    FOUND("wrapped 第 / 一章 written twice", "　　甲乙丙丁，甲乙丙丁甲乙丙丁甲乙\n"
                                             "甲乙丙丁，甲乙丙丁甲乙丙丁甲乙\n"
                                             "甲乙丙丁，甲乙丙丁甲乙丙丁甲乙\n"
                                             "　　第\n"
                                             "一章\n"),
    /* A PDF table whose first rows are wrapped pieces of the header cut
     * from it by page lines: those rows went into a group of their own with
     * no category, which the grammar requires (found by fuzz_gongwen). */
    FOUND("group of header pieces past a page break",
          "          每万人口高价值发明专利拥有        .85      15       [6.5]           预期性\n"
          "- 9 -\n"
          "澜川市国民经济和社会发展第十五个五屴规划纲要\n"
          "          数字经济核心产业增加值占地区      10.2     15       [4.8]        01-20 1  "
          "预期性\n"
          "- 9 -\n"
          "澜川市国民经济和社会发展第十五个五屴规划纲要\n"
          "          数字经济核心产业增加值占地区      10.2     15       [4.8]        01-甲甲      "
          "  8.5      15       [6.5]           预期性\n"
          "          数字甲甲（微克/立方米）  [6.5]         千甲甲期性\n"
          "甲篇　甲\n"),
#undef FOUND
};

START_TEST(found_input_holds)
{
    ck_assert_msg(schema != NULL, "grammar/gongwen.rng does not compile");
    char msg[600];
    ck_assert_msg(case_holds(&found[_i], msg, sizeof msg), "%s", msg);
}
END_TEST

Suite *property_suite(void)
{
    Suite *s = suite_create("property");
    TCase *tc = tcase_create("core");
    /* the grammar is compiled once, before the iterations fork */
    tcase_add_unchecked_fixture(tc, load_schema, free_schema);
    tcase_set_timeout(tc, 120);
    tcase_add_loop_test(tc, generated_documents_keep_their_properties, 0, CHUNKS);
    tcase_add_test(tc, generator_is_deterministic_and_covers_the_hard_cases);
    tcase_add_loop_test(tc, edge_case_holds, 0, (int)(sizeof edge_cases / sizeof edge_cases[0]));
    tcase_add_loop_test(tc, found_input_holds, 0, (int)(sizeof found / sizeof found[0]));
    suite_add_tcase(s, tc);
    return s;
}
