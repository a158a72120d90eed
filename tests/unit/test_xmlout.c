/* gongwen's own XML writer against libxml2's serializer, and ranges kept
 * beside the tree against ranges set as attributes. */
#include "suites.h"
#include "output.h"
#include "ranges.h"
#include "xmlerr.h"
#include "xmlout.h"

#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What libxml2 writes of doc (format 1, UTF-8); malloc'ed. */
static char *libxml2_text(xmlDocPtr doc)
{
    gw_buffer b = {0};
    gw_xml_writer w = {gw_buffer_write, &b, 0};
    xmlOutputBufferPtr out = gw_xml_writer_buffer(&w, NULL);
    ck_assert_ptr_nonnull(out);
    ck_assert_int_ge(xmlSaveFormatFileTo(out, doc, "UTF-8", 1), 0);
    return b.data;
}

static char *own_text(const xmlDoc *doc, const gw_ranges *r)
{
    gw_buffer b = {0};
    ck_assert_int_eq(gw_xml_write(doc, r, gw_buffer_write, &b), GW_OK);
    return b.data;
}

static char *serialized(const gw_document *d)
{
    char *out;
    size_t len;
    gw_error err = {0};
    ck_assert_int_eq(gw_serialize_xml(d, &out, &len, &err), GW_OK);
    return out;
}

/* The lean tree of src written by gongwen, the same tree with its ranges
 * attached, and the tree parsed as gw_parse_with makes it, written by
 * libxml2: all three the same bytes. */
static void expect_lean_equal(const char *src, size_t len, const char *source)
{
    gw_error err = {0};
    gw_text *t = gw_decode(src, len, &err);
    ck_assert_msg(t != NULL, "decode: %s", err.message);
    gw_parse_options o = {source, src, len, -1};
    gw_document *full = gw_parse_with(t, &o, &err), *lean = gw_parse_lean(t, &o, &err),
                *again = gw_parse_lean(t, &o, &err);
    ck_assert(full && lean && again);
    char *want = serialized(full), *got = serialized(lean);
    ck_assert_msg(strcmp(want, got) == 0, "lean tree written differently");
    ck_assert_ptr_nonnull(gw_document_xml(again)); /* attaches its ranges */
    char *attached = serialized(again);
    ck_assert_msg(strcmp(want, attached) == 0, "attached ranges differ");
    free(want);
    free(got);
    free(attached);
    gw_document_free(full);
    gw_document_free(lean);
    gw_document_free(again);
    gw_text_free(t);
}

START_TEST(lean_tree_is_written_as_the_full_one)
{
    static const char *const names[] = {"haizhou-14th-plan", "lianyungang-2024", "nantong-2024",
                                        "xuzhou-2024", "yangzhou-2024"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        char path[256];
        snprintf(path, sizeof path, "../samples/%s.txt", names[i]);
        char *data;
        size_t len;
        gw_error err = {0};
        ck_assert_int_eq(gw_read_path(path, &data, &len, &err), GW_OK);
        expect_lean_equal(data, len, names[i]);
        free(data);
    }
}
END_TEST

START_TEST(lean_tree_escapes_as_libxml2)
{
    /* markup characters and a CR in text, in a table, in a title, and in
     * the source name (an attribute) */
    static const char src[] = "关于<印发>&“通知”的报告\n\n各位代表：\n\n一、A&B<C>\"D\"\r\n"
                              "（一）标题。正文 & <b> \t 制表。\n\n表1 主要指标\n指标\t单位\t目标\n"
                              "增长<&>\t%\t5\n\n——破折号项&。\n［1］名词<a>：解释&。\n";
    expect_lean_equal(src, sizeof src - 1, "a&b<c>\"d\"'\te\n.txt");
    expect_lean_equal("", 0, NULL);
    expect_lean_equal("\n\n\n", 3, "");
}
END_TEST

/* A tree with every kind of node the writer knows, built by hand. */
static xmlDocPtr odd_tree(int depth)
{
    xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
    doc->standalone = 1;
    xmlAddChild((xmlNodePtr)doc, xmlNewDocPI(doc, BAD_CAST "pi", BAD_CAST "a=\"1\""));
    xmlAddChild((xmlNodePtr)doc, xmlNewDocPI(doc, BAD_CAST "empty", NULL));
    xmlAddChild((xmlNodePtr)doc, xmlNewDocComment(doc, BAD_CAST " before "));
    xmlNodePtr root = xmlNewDocNode(doc, NULL, BAD_CAST "r", NULL);
    xmlDocSetRootElement(doc, root);
    xmlSetNs(root, xmlNewNs(root, BAD_CAST "urn:x", NULL));
    xmlNsPtr p = xmlNewNs(root, BAD_CAST "urn:\"q\"", BAD_CAST "p");
    xmlNewNs(root, BAD_CAST "urn:\"q'\"", BAD_CAST "p2");
    xmlNewProp(root, BAD_CAST "a", BAD_CAST "<&>\"\n\r\t'中文");
    xmlNewNsProp(root, p, BAD_CAST "b", BAD_CAST "v");
    xmlNewChild(root, NULL, BAD_CAST "empty", NULL);
    xmlNodePtr mixed = xmlNewTextChild(root, p, BAD_CAST "mixed", BAD_CAST "t<&>\r\"\n\t中");
    xmlNodePtr inner = xmlNewChild(mixed, NULL, BAD_CAST "in", NULL);
    xmlNewChild(inner, NULL, BAD_CAST "deeper", NULL);
    xmlAddChild(mixed, xmlNewCDataBlock(doc, BAD_CAST "x]]>y]]>", 8));
    xmlAddChild(mixed, xmlNewCDataBlock(doc, BAD_CAST "", 0));
    xmlAddChild(root, xmlNewDocComment(doc, BAD_CAST "c"));
    xmlAddChild(root, xmlNewDocPI(doc, BAD_CAST "inner", BAD_CAST "x"));
    xmlNodePtr e = root;
    for (int i = 0; i < depth; i++)
        e = xmlNewChild(e, NULL, BAD_CAST "d", NULL);
    xmlNodeAddContent(e, BAD_CAST "bottom");
    xmlNewChild(root, NULL, BAD_CAST "last", NULL);
    xmlAddChild((xmlNodePtr)doc, xmlNewDocComment(doc, BAD_CAST "after"));
    return doc;
}

START_TEST(writer_equals_libxml2)
{
    /* past libxml2's 30 levels of indentation, and short of them */
    for (int depth = 0; depth <= 40; depth += 5) {
        xmlDocPtr doc = odd_tree(depth);
        char *want = libxml2_text(doc), *got = own_text(doc, NULL);
        ck_assert_msg(strcmp(want, got) == 0, "depth %d:\n%s\n---\n%s", depth, want, got);
        free(want);
        free(got);
        xmlFreeDoc(doc);
    }
}
END_TEST

START_TEST(ranges_keep_their_place_among_attributes)
{
    xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
    xmlNodePtr root = xmlNewDocNode(doc, NULL, BAD_CAST "r", NULL);
    xmlDocSetRootElement(doc, root);
    xmlNodePtr a = xmlNewChild(root, NULL, BAD_CAST "a", NULL),
               b = xmlNewChild(root, NULL, BAD_CAST "b", NULL);
    gw_ranges r = {0};
    xmlNewProp(a, BAD_CAST "id", BAD_CAST "s1");
    const long v1[4] = {1, 2, 3, 4}, v2[4] = {10, 20, 30, 4000000000L};
    ck_assert_int_eq(gw_ranges_set(&r, a, v1), GW_OK);
    xmlNewProp(a, BAD_CAST "n", BAD_CAST "1");
    ck_assert_int_eq(gw_ranges_set(&r, a, v2), GW_OK); /* replaced, in place */
    ck_assert_int_eq(gw_ranges_set(&r, b, v1), GW_OK);
    xmlNewProp(b, BAD_CAST "x", BAD_CAST "y");
    const long big[4] = {1, 1, 1, 5000000000L};
    ck_assert_int_eq(gw_ranges_set(&r, root, big), GW_ERR_NOMEM);
    char *side = own_text(doc, &r);
    ck_assert_ptr_nonnull(strstr(side, "<a id=\"s1\" line=\"10\" column=\"20\" end-line=\"30\" "
                                       "end-column=\"4000000000\" n=\"1\"/>"));
    ck_assert_ptr_nonnull(
        strstr(side, "<b line=\"1\" column=\"2\" end-line=\"3\" end-column=\"4\" x=\"y\"/>"));
    ck_assert_int_eq(gw_ranges_attach(&r, root), GW_OK);
    ck_assert_ptr_null(r.v);
    char *attached = libxml2_text(doc);
    ck_assert_str_eq(side, attached);
    free(side);
    free(attached);
    xmlFreeDoc(doc);
}
END_TEST

START_TEST(keep_lines_attaches_the_line_alone)
{
    static const char src[] = "一、总则\n（一）标题。正文。\n";
    gw_error err = {0};
    gw_text *t = gw_decode(src, sizeof src - 1, &err);
    gw_document *d = gw_parse_lean(t, NULL, &err), *full = gw_parse(t, NULL, &err);
    ck_assert(t && d && full);
    ck_assert_int_eq(gw_document_keep_lines(d), GW_OK);
    ck_assert_ptr_null(gw_document_tree(d)->_private); /* nothing beside it */
    char *got = serialized(d), *want = serialized(full);
    ck_assert_ptr_nonnull(strstr(got, "<num line=\"2\">（一）</num>"));
    ck_assert_ptr_null(strstr(got, "column="));
    ck_assert_ptr_null(strstr(got, "end-line="));
    /* the same tree but for the three dropped */
    ck_assert_int_eq(xpath_count(full, "//*[@line]"), xpath_count(d, "//*[@line]"));
    ck_assert_int_eq(xpath_count(full, "//*[@column]"), xpath_count(d, "//*[@line]"));
    ck_assert_int_gt(strlen(want), strlen(got));
    ck_assert_int_eq(gw_document_keep_lines(d), GW_OK); /* a second call changes nothing */
    free(got);
    free(want);
    gw_document_free(d);
    gw_document_free(full);
    gw_text_free(t);
}
END_TEST

static int refuse(void *ctx, const char *data, size_t len)
{
    (void)data;
    (void)len;
    ++*(int *)ctx;
    return -1;
}

START_TEST(a_refused_write_is_an_io_failure)
{
    xmlDocPtr doc = odd_tree(3);
    int calls = 0;
    ck_assert_int_eq(gw_xml_write(doc, NULL, refuse, &calls), GW_ERR_IO);
    ck_assert_int_eq(calls, 1); /* nothing is offered after a refusal */
    xmlFreeDoc(doc);
}
END_TEST

Suite *xmlout_suite(void)
{
    Suite *s = suite_create("xmlout");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, lean_tree_is_written_as_the_full_one);
    tcase_add_test(tc, lean_tree_escapes_as_libxml2);
    tcase_add_test(tc, writer_equals_libxml2);
    tcase_add_test(tc, ranges_keep_their_place_among_attributes);
    tcase_add_test(tc, a_refused_write_is_an_io_failure);
    tcase_add_test(tc, keep_lines_attaches_the_line_alone);
    suite_add_tcase(s, tc);
    return s;
}
