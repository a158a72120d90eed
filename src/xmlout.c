/* Indented XML as libxml2 2.9's serializer writes it (see xmlout.h). The
 * rules copied from xmlNodeDumpOutputInternal and xmlDocContentDumpOutput:
 * an element with a text child has nothing added inside it (format off
 * until it closes); elsewhere each element starts on its own line,
 * indented two spaces a level up to 30 levels; an element without
 * children is written <x/>; text escapes & < > and CR, attribute values
 * also " and LF and TAB; characters beyond ASCII are written as they are
 * (the output is UTF-8). tests/unit/test_xmlout.c holds the two equal. */
#include "xmlout.h"

#include <libxml/parserInternals.h> /* xmlStringTextNoenc */
#include <stdlib.h>
#include <string.h>

#define OUT_BUF 16384
#define INDENT_MAX 30 /* libxml2's MAX_INDENT (60) over its indent size (2) */

typedef struct {
    gw_write_fn write;
    void *ctx;
    int failed;
    size_t n;
    char buf[OUT_BUF];
} out;

static void flush(out *o)
{
    if (o->n && !o->failed && o->write(o->ctx, o->buf, o->n) != 0)
        o->failed = 1;
    o->n = 0;
}

static void put(out *o, const char *s, size_t len)
{
    if (len > OUT_BUF - o->n) {
        flush(o);
        if (len >= OUT_BUF) {
            if (!o->failed && o->write(o->ctx, s, len) != 0)
                o->failed = 1;
            return;
        }
    }
    memcpy(o->buf + o->n, s, len);
    o->n += len;
}

static void put_str(out *o, const char *s)
{
    put(o, s, strlen(s));
}

/* What a byte becomes in text (in_attr 0) or in an attribute value
 * (in_attr 1), or NULL when it stays as it is. */
static const char *entity(unsigned char c, int in_attr)
{
    switch (c) {
    case '<':
        return "&lt;";
    case '>':
        return "&gt;";
    case '&':
        return "&amp;";
    case '\r':
        return "&#13;";
    case '"':
        return in_attr ? "&quot;" : NULL;
    case '\n':
        return in_attr ? "&#10;" : NULL;
    case '\t':
        return in_attr ? "&#9;" : NULL;
    default:
        return NULL;
    }
}

static void escaped(out *o, const xmlChar *s, int in_attr)
{
    const xmlChar *run = s;
    for (; *s; s++) {
        /* everything that is escaped is ASCII below '?' */
        if (*s > '>')
            continue;
        const char *e = entity(*s, in_attr);
        if (!e)
            continue;
        put(o, (const char *)run, (size_t)(s - run));
        put_str(o, e);
        run = s + 1;
    }
    put(o, (const char *)run, (size_t)(s - run));
}

static void name_of(out *o, const xmlNs *ns, const xmlChar *name)
{
    if (ns && ns->prefix) {
        put_str(o, (const char *)ns->prefix);
        put(o, ":", 1);
    }
    put_str(o, (const char *)name);
}

/* As xmlBufWriteQuotedString: double quotes unless the value holds one. */
static void quoted(out *o, const xmlChar *s)
{
    if (!strchr((const char *)s, '"')) {
        put(o, "\"", 1);
        put_str(o, (const char *)s);
        put(o, "\"", 1);
    } else if (!strchr((const char *)s, '\'')) {
        put(o, "'", 1);
        put_str(o, (const char *)s);
        put(o, "'", 1);
    } else {
        put(o, "\"", 1);
        for (; *s; s++)
            if (*s == '"')
                put_str(o, "&quot;");
            else
                put(o, (const char *)s, 1);
        put(o, "\"", 1);
    }
}

static void attribute(out *o, const xmlAttr *a)
{
    put(o, " ", 1);
    name_of(o, a->ns, a->name);
    put(o, "=\"", 2);
    for (const xmlNode *k = a->children; k; k = k->next) {
        if (k->type == XML_TEXT_NODE && k->content)
            escaped(o, k->content, 1);
        else if (k->type == XML_ENTITY_REF_NODE) {
            put(o, "&", 1);
            put_str(o, (const char *)k->name);
            put(o, ";", 1);
        }
    }
    put(o, "\"", 1);
}

static void ranges(out *o, const gw_range_rec *rec)
{
    const long v[4] = {rec->line, rec->column, rec->end_line, rec->end_column};
    for (int i = 0; i < 4; i++) {
        char buf[24];
        put(o, " ", 1);
        put_str(o, gw_range_names[i]);
        put(o, "=\"", 2);
        put_str(o, gw_decimal(buf, v[i]));
        put(o, "\"", 1);
    }
}

static void start_tag(out *o, const gw_ranges *r, const xmlNode *e)
{
    put(o, "<", 1);
    name_of(o, e->ns, e->name);
    for (const xmlNs *ns = e->nsDef; ns; ns = ns->next) {
        if (ns->type != XML_LOCAL_NAMESPACE || !ns->href ||
            (ns->prefix && !strcmp((const char *)ns->prefix, "xml")))
            continue;
        put(o, " xmlns", 6);
        if (ns->prefix) {
            put(o, ":", 1);
            put_str(o, (const char *)ns->prefix);
        }
        put(o, "=", 1);
        quoted(o, ns->href);
    }
    const gw_range_rec *rec = r ? gw_ranges_of(r, e) : NULL;
    unsigned i = 0;
    for (const xmlAttr *a = e->properties;; a = a->next, i++) {
        if (rec && i == rec->pos)
            ranges(o, rec);
        if (!a)
            break;
        attribute(o, a);
    }
}

static void indent(out *o, int level)
{
    static const char spaces[2 * INDENT_MAX + 1] =
        "                                                            ";
    put(o, spaces, 2 * (size_t)(level > INDENT_MAX ? INDENT_MAX : level));
}

static void cdata(out *o, const xmlChar *s)
{
    if (!s || !*s) {
        put_str(o, "<![CDATA[]]>");
        return;
    }
    /* "]]>" cannot stand inside a section: it is cut after "]]" */
    const xmlChar *start = s, *end = s;
    for (; *end; end++) {
        if (end[0] == ']' && end[1] == ']' && end[2] == '>') {
            end += 2;
            put_str(o, "<![CDATA[");
            put(o, (const char *)start, (size_t)(end - start));
            put_str(o, "]]>");
            start = end;
        }
    }
    if (start != end) {
        put_str(o, "<![CDATA[");
        put_str(o, (const char *)start);
        put_str(o, "]]>");
    }
}

/* One of the document's children and everything below it, without
 * recursion: a tree may be deep. */
static void node(out *o, const gw_ranges *r, const xmlNode *root)
{
    const xmlNode *cur = root, *unformatted = NULL;
    int level = 0, format = 1;
    for (;;) {
        switch (cur->type) {
        case XML_ELEMENT_NODE:
            if (cur != root && format)
                indent(o, level);
            start_tag(o, r, cur);
            if (!cur->children) {
                put(o, "/>", 2);
                break;
            }
            if (format)
                for (const xmlNode *k = cur->children; k; k = k->next)
                    if (k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE ||
                        k->type == XML_ENTITY_REF_NODE) {
                        format = 0;
                        unformatted = cur;
                        break;
                    }
            put(o, format ? ">\n" : ">", format ? 2 : 1);
            level++;
            cur = cur->children;
            continue;
        case XML_TEXT_NODE:
            if (cur->content) {
                if (cur->name == xmlStringTextNoenc)
                    put_str(o, (const char *)cur->content);
                else
                    escaped(o, cur->content, 0);
            }
            break;
        case XML_CDATA_SECTION_NODE:
            cdata(o, cur->content);
            break;
        case XML_PI_NODE:
        case XML_COMMENT_NODE:
            if (cur != root && format)
                indent(o, level);
            if (cur->type == XML_PI_NODE) {
                put(o, "<?", 2);
                put_str(o, (const char *)cur->name);
                if (cur->content) {
                    put(o, " ", 1);
                    put_str(o, (const char *)cur->content);
                }
                put(o, "?>", 2);
            } else if (cur->content) {
                put(o, "<!--", 4);
                put_str(o, (const char *)cur->content);
                put(o, "-->", 3);
            }
            break;
        default:
            break;
        }
        for (;;) {
            if (cur == root)
                return;
            if (format)
                put(o, "\n", 1);
            if (cur->next) {
                cur = cur->next;
                break;
            }
            cur = cur->parent;
            if (level > 0)
                level--;
            if (format)
                indent(o, level);
            put(o, "</", 2);
            name_of(o, cur->ns, cur->name);
            put(o, ">", 1);
            if (cur == unformatted) {
                format = 1;
                unformatted = NULL;
            }
        }
    }
}

gw_status gw_xml_write(const xmlDoc *doc, const gw_ranges *r, gw_write_fn write, void *ctx)
{
    out *o = malloc(sizeof *o);
    if (!o)
        return GW_ERR_NOMEM;
    o->write = write;
    o->ctx = ctx;
    o->failed = 0;
    o->n = 0;
    put_str(o, "<?xml version=");
    quoted(o, doc->version ? doc->version : BAD_CAST "1.0");
    put_str(o, " encoding=\"UTF-8\"");
    if (doc->standalone == 0 || doc->standalone == 1)
        put_str(o, doc->standalone ? " standalone=\"yes\"" : " standalone=\"no\"");
    put(o, "?>\n", 3);
    for (const xmlNode *k = doc->children; k; k = k->next) {
        node(o, r, k);
        put(o, "\n", 1);
    }
    flush(o);
    gw_status s = o->failed ? GW_ERR_IO : GW_OK;
    free(o);
    return s;
}
