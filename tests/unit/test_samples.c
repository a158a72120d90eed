/* The five sample reports: every one validates against the grammar and
 * keeps every character of its input. Run from tests/. */
#include "invariants.h"
#include "suites.h"

#include <dirent.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const samples[] = {"haizhou-14th-plan", "lianyungang-2024", "nantong-2024",
                                      "xuzhou-2024", "yangzhou-2024"};

static char *slurp(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    ck_assert_msg(fp != NULL, "cannot open %s", path);
    char *data;
    gw_error err = {0};
    ck_assert_int_eq(gw_read_stream(fp, &data, len, &err), GW_OK);
    fclose(fp);
    return data;
}

static int contains(const char *hay, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = 0; i + k <= n; i++)
        if (memcmp(hay + i, needle, k) == 0)
            return 1;
    return 0;
}

static gw_document *parse_sample(const char *name, char **src, size_t *len)
{
    char path[256];
    snprintf(path, sizeof path, "../samples/%s.txt", name);
    *src = slurp(path, len);
    gw_error err = {0};
    gw_text *t = gw_decode(*src, *len, &err);
    ck_assert_ptr_nonnull(t);
    gw_document *d = gw_parse(t, path, &err);
    ck_assert_ptr_nonnull(d);
    gw_text_free(t);
    return d;
}

START_TEST(sample_validates_against_grammar)
{
    xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewParserCtxt("../grammar/gongwen.rng");
    xmlRelaxNGPtr schema = xmlRelaxNGParse(pc);
    ck_assert_msg(schema != NULL, "grammar/gongwen.rng does not compile");
    xmlRelaxNGValidCtxtPtr vc = xmlRelaxNGNewValidCtxt(schema);
    char *src;
    size_t len;
    gw_document *d = parse_sample(samples[_i], &src, &len);
    ck_assert_msg(xmlRelaxNGValidateDoc(vc, gw_document_xml(d)) == 0, "%s is not valid",
                  samples[_i]);
    gw_document_free(d);
    free(src);
    xmlRelaxNGFreeValidCtxt(vc);
    xmlRelaxNGFree(schema);
    xmlRelaxNGFreeParserCtxt(pc);
}
END_TEST

START_TEST(sample_is_lossless)
{
    char *src;
    size_t len;
    gw_document *d = parse_sample(samples[_i], &src, &len);
    char *a = doc_text_compact(d), *b = source_text_compact(src, len);
    ck_assert_msg(strcmp(a, b) == 0, "%s loses text", samples[_i]);
    free(a);
    free(b);
    free(src);
    gw_document_free(d);
}
END_TEST

START_TEST(sample_lines_point_at_their_text)
{
    /* every title's line attribute names the source line its text is on */
    char *src;
    size_t len;
    gw_document *d = parse_sample(samples[_i], &src, &len);
    int titles = xpath_count(d, "//g:section/g:title[not(../@inferred)]");
    ck_assert_int_gt(titles, 0);
    for (int k = 1; k <= titles; k++) {
        char expr[128];
        snprintf(expr, sizeof expr, "(//g:section/g:title[not(../@inferred)])[%d]/@line", k);
        char *line = xpath_string(d, expr);
        snprintf(expr, sizeof expr, "(//g:section/g:title[not(../@inferred)])[%d]/g:num", k);
        char *num = xpath_string(d, expr);
        long n = strtol(line, NULL, 10);
        const char *p = src;
        for (long i = 1; i < n; i++)
            p = strchr(p, '\n') + 1;
        const char *eol = strchr(p, '\n');
        size_t ll = eol ? (size_t)(eol - p) : strlen(p);
        ck_assert_msg(*num == '\0' || contains(p, ll, num), "%s: marker %s not on line %ld",
                      samples[_i], num, n);
        free(line);
        free(num);
    }
    free(src);
    gw_document_free(d);
}
END_TEST

START_TEST(sample_round_trips_through_serialization)
{
    /* serialized and parsed back, the text is the same to the byte:
     * indentation never lands inside an element that holds text */
    char *src, *xml;
    size_t len, xml_len;
    gw_document *d = parse_sample(samples[_i], &src, &len);
    gw_error err = {0};
    ck_assert_int_eq(gw_serialize_xml(d, &xml, &xml_len, &err), GW_OK);
    xmlDocPtr back = xmlReadMemory(xml, (int)xml_len, NULL, NULL, XML_PARSE_NONET);
    ck_assert_ptr_nonnull(back);
    const char *where =
        gw_inv_same_tree(xmlDocGetRootElement(gw_document_xml(d)), xmlDocGetRootElement(back));
    ck_assert_msg(where == NULL, "%s: <%s> changes on a round trip", samples[_i], where);
    xmlFreeDoc(back);
    free(xml);
    free(src);
    gw_document_free(d);
}
END_TEST

typedef struct {
    char *data;
    size_t len, pieces;
} pieces;

static int collect(void *ctx, const char *data, size_t len)
{
    pieces *p = ctx;
    char *d = realloc(p->data, p->len + len + 1);
    ck_assert_ptr_nonnull(d);
    memcpy(d + p->len, data, len);
    p->data = d;
    p->len += len;
    p->pieces++;
    return 0;
}

static int refuse(void *ctx, const char *data, size_t len)
{
    (void)ctx;
    (void)data;
    (void)len;
    return -1;
}

START_TEST(output_is_streamed)
{
    /* the XML and a stylesheet's result reach the writer in pieces (no
     * single int-sized string), the same bytes as the in-memory calls */
    char *src, *whole;
    size_t len, whole_len;
    gw_document *d = parse_sample(samples[_i], &src, &len);
    gw_error err = {0};
    pieces p = {0};
    ck_assert_int_eq(gw_serialize_xml_to(d, collect, &p, &err), GW_OK);
    ck_assert_int_eq(gw_serialize_xml(d, &whole, &whole_len, &err), GW_OK);
    ck_assert_uint_gt(p.pieces, 1);
    ck_assert(p.len == whole_len && !memcmp(p.data, whole, whole_len));
    free(whole);
    free(p.data);
    gw_styles *st = gw_styles_new("../xslt", NULL, &err);
    ck_assert_ptr_nonnull(st);
    pieces h = {0};
    ck_assert_int_eq(gw_transform_to(st, "html", d, NULL, collect, &h, &err), GW_OK);
    ck_assert_int_eq(gw_transform(st, "html", d, NULL, 0, &whole, &whole_len, &err), GW_OK);
    ck_assert_uint_gt(h.pieces, 1);
    ck_assert(h.len == whole_len && !memcmp(h.data, whole, whole_len));
    /* a writer that refuses stops the output with GW_ERR_IO */
    ck_assert_int_eq(gw_transform_to(st, "html", d, NULL, refuse, NULL, &err), GW_ERR_IO);
    ck_assert_int_eq(gw_serialize_xml_to(d, refuse, NULL, &err), GW_ERR_IO);
    gw_styles_free(st);
    free(whole);
    free(h.data);
    free(src);
    gw_document_free(d);
}
END_TEST

/* Inputs the fuzzer once broke (tests/fuzz/regressions), replayed with the
 * harness's reading of the first byte: bits 0-1 the encoding, bit 2 the
 * replacement mode. Each must now decode or fail cleanly, and give a valid,
 * lossless tree that survives a round trip. */
START_TEST(fuzz_regressions_hold)
{
    static const char *const encodings[] = {NULL, "GB18030", "UTF-16LE", NULL};
    xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewParserCtxt("../grammar/gongwen.rng");
    xmlRelaxNGPtr schema = xmlRelaxNGParse(pc);
    ck_assert_ptr_nonnull(schema);
    DIR *dir = opendir("fuzz/regressions");
    ck_assert_ptr_nonnull(dir);
    int seen = 0;
    for (struct dirent *e; (e = readdir(dir));) {
        if (e->d_name[0] == '.')
            continue;
        char path[512];
        snprintf(path, sizeof path, "fuzz/regressions/%s", e->d_name);
        size_t len;
        char *data = slurp(path, &len);
        seen++;
        if (len == 0) {
            free(data);
            continue;
        }
        unsigned char opt = (unsigned char)data[0];
        gw_decode_options o = {encodings[opt & 3],
                               (opt & 4) ? GW_ERRORS_REPLACE : GW_ERRORS_STRICT};
        gw_error err = {0};
        gw_text *t = gw_decode_with(data + 1, len - 1, &o, &err);
        if (t) {
            gw_document *d = gw_parse(t, NULL, &err);
            ck_assert_ptr_nonnull(d);
            xmlRelaxNGValidCtxtPtr vc = xmlRelaxNGNewValidCtxt(schema);
            ck_assert_msg(xmlRelaxNGValidateDoc(vc, gw_document_xml(d)) == 0, "%s invalid", path);
            xmlRelaxNGFreeValidCtxt(vc);
            char *why = gw_inv_lossless(gw_document_xml(d), gw_text_data(t), gw_text_length(t));
            ck_assert_msg(why == NULL, "%s: %s", path, why);
            char *xml;
            size_t xml_len;
            ck_assert_int_eq(gw_serialize_xml(d, &xml, &xml_len, &err), GW_OK);
            xmlDocPtr back = xmlReadMemory(xml, (int)xml_len, NULL, NULL, XML_PARSE_NONET);
            ck_assert_msg(back != NULL, "%s: serialized XML does not parse", path);
            ck_assert_ptr_null(gw_inv_same_tree(xmlDocGetRootElement(gw_document_xml(d)),
                                                xmlDocGetRootElement(back)));
            xmlFreeDoc(back);
            free(xml);
            gw_document_free(d);
            gw_text_free(t);
        }
        free(data);
    }
    closedir(dir);
    ck_assert_int_gt(seen, 0);
    xmlRelaxNGFree(schema);
    xmlRelaxNGFreeParserCtxt(pc);
}
END_TEST

Suite *samples_suite(void)
{
    Suite *s = suite_create("samples");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    int n = (int)(sizeof samples / sizeof samples[0]);
    tcase_add_loop_test(tc, sample_validates_against_grammar, 0, n);
    tcase_add_loop_test(tc, sample_is_lossless, 0, n);
    tcase_add_loop_test(tc, sample_lines_point_at_their_text, 0, n);
    tcase_add_loop_test(tc, sample_round_trips_through_serialization, 0, n);
    tcase_add_test(tc, fuzz_regressions_hold);
    tcase_add_loop_test(tc, output_is_streamed, 0, 1);
    suite_add_tcase(s, tc);
    return s;
}
