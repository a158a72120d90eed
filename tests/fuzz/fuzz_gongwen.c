/* libFuzzer (and AFL++) harness over the whole pipeline: bytes -> decode
 * -> parse -> tree -> every stylesheet. The first byte chooses options, as
 * cmark's harness does. Beyond "no crash" it checks, for every input that
 * decodes: the tree validates against grammar/gongwen.rng, the text is
 * lossless, serializing and re-parsing gives the same tree, the lean tree
 * (-t xml's) is written as the attached one, and no output
 * grows beyond a linear bound of the input. The same bytes then go through
 * `gongwen check`: every diagnostic must point inside the text, and the
 * JSON and SARIF renderings must parse. Run from the repository root (or
 * set GONGWEN_ROOT). Built with -DGW_FUZZ_CHECK_ONLY it is the harness of
 * `gongwen check` alone (fuzz_check). */
#include "checker.h"
#include "fuzz_common.h"
#include "invariants.h"
#include "xmlout.h"

#include <json-c/json.h>

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* generous: markup for one character of input is well below this */
#define OUTPUT_BYTES_PER_INPUT_BYTE 64
#define OUTPUT_SLACK 16384

static const char *const encodings[] = {NULL, "GB18030", "UTF-16LE", NULL};

static xmlRelaxNGPtr schema;
static gw_fuzz_formats formats;

static void quiet(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

#define fail gw_fuzz_fail

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    char path[4096];
    snprintf(path, sizeof path, "%s/grammar/gongwen.rng", gw_fuzz_root());
    xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewParserCtxt(path);
    schema = xmlRelaxNGParse(pc);
    xmlRelaxNGFreeParserCtxt(pc);
    if (!schema)
        fail("cannot load", path);
    gw_fuzz_load_formats(&formats);
    gw_fuzz_quiet();
    return 0;
}

static void check_tree(const gw_document *doc, const gw_text *text, size_t input_len)
{
    xmlDocPtr xml = gw_document_xml(doc);
    xmlRelaxNGValidCtxtPtr vc = xmlRelaxNGNewValidCtxt(schema);
    xmlRelaxNGSetValidErrors(vc, quiet, quiet, NULL);
    int invalid = xmlRelaxNGValidateDoc(vc, xml);
    xmlRelaxNGFreeValidCtxt(vc);
    if (invalid)
        fail("tree does not validate against the grammar", NULL);
    char *why = gw_inv_lossless(xml, gw_text_data(text), gw_text_length(text));
    if (why)
        fail("not lossless", why);
    char *out;
    size_t len;
    gw_error err = {0};
    if (gw_serialize_xml(doc, &out, &len, &err) != GW_OK)
        fail("cannot serialize", err.message);
    if (len > input_len * OUTPUT_BYTES_PER_INPUT_BYTE + OUTPUT_SLACK)
        fail("XML larger than the linear bound", NULL);
    xmlDocPtr back = xmlReadMemory(out, (int)len, NULL, NULL, XML_PARSE_NONET);
    if (!back)
        fail("serialized XML does not parse", NULL);
    const char *where = gw_inv_same_tree(xmlDocGetRootElement(xml), xmlDocGetRootElement(back));
    if (where)
        fail("re-parsed tree differs at", where);
    xmlFreeDoc(back);
    free(out);
}

/* The tree kept lean (its ranges beside it, written by gongwen's own
 * writer, as -t xml and a batch of XML do) is written as the same tree
 * with its ranges attached, which libxml2 writes. */
static void check_lean(const gw_document *doc, const gw_text *text)
{
    gw_error err = {0};
    gw_document *lean = gw_parse_lean(text, NULL, &err);
    if (!lean)
        fail("lean parse failed", err.message);
    char *want, *got;
    size_t want_len, got_len;
    if (gw_serialize_xml(doc, &want, &want_len, &err) != GW_OK ||
        gw_serialize_xml(lean, &got, &got_len, &err) != GW_OK)
        fail("cannot serialize", err.message);
    if (want_len != got_len || memcmp(want, got, want_len) != 0)
        fail("the lean tree is written differently", NULL);
    free(want);
    free(got);
    gw_document_free(lean);
}

/* Number of lines of a decoded text, as the parser counts them. */
/* counted here, not with gw_lines_split, so the oracle is independent of the code under test */
static unsigned long count_lines(const char *s, size_t n)
{
    unsigned long lines = 1;
    for (size_t i = 0; i < n; i++)
        if (s[i] == '\n' || (s[i] == '\r' && (i + 1 == n || s[i + 1] != '\n')))
            lines++;
    return lines;
}

/* Renders the diagnostics as JSON or SARIF into memory; it must parse. */
static void check_rendering(const gw_diag_file *file, int sarif)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    if (!fp)
        return;
    gw_status rc = sarif ? gw_diag_print_sarif(fp, file, 1) : gw_diag_print_json(fp, file, 1);
    fclose(fp);
    if (rc == GW_OK) {
        json_object *o = json_tokener_parse(buf);
        if (!o)
            fail(sarif ? "SARIF does not parse" : "JSON does not parse", NULL);
        json_object_put(o);
    }
    free(buf);
}

static void check_diagnostics(const uint8_t *data, size_t size, const char *encoding)
{
    gw_check_options opt = {0};
    opt.encoding = encoding;
    opt.allow_level_skip = size & 1;
    gw_diags diags = {0};
    gw_error err = {0};
    gw_text *text = gw_check_bytes((const char *)data, size, &opt, &diags, &err);
    if (!text) {
        gw_diags_free(&diags);
        return;
    }
    unsigned long lines = count_lines(gw_text_data(text), gw_text_length(text));
    for (size_t i = 0; i < diags.n; i++) {
        const gw_diag *d = &diags.v[i];
        if (d->line < 1 || d->line > lines || d->column < 1 || d->end_line < d->line ||
            (d->end_line == d->line && d->end_column < d->column))
            fail("diagnostic outside the text", d->rule);
    }
    gw_diags_sort(&diags);
    gw_diag_file file = {"fuzz.txt", gw_text_data(text), gw_text_length(text), &diags};
    FILE *null = fopen("/dev/null", "w");
    if (null) {
        gw_diag_print_text(null, &file, 1, 0);
        fclose(null);
    }
    check_rendering(&file, 0);
    check_rendering(&file, 1);
    gw_diags_free(&diags);
    gw_text_free(text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    uint8_t opt = data[0];
    gw_decode_options o = {encodings[opt & 3], (opt & 4) ? GW_ERRORS_REPLACE : GW_ERRORS_STRICT};
    const gw_format *fm = formats.format[(size_t)(opt >> 3) % formats.n];
    gw_error err = {0};
    check_diagnostics(data + 1, size - 1, o.encoding);
#ifdef GW_FUZZ_CHECK_ONLY
    return 0;
#endif
    /* a zip, a web page, a PDF or Markdown goes to its reader, as gongwen
     * does (gw_read: what no reader takes is refused) */
    gw_text *text = gw_read((const char *)data + 1, size - 1, NULL, &o, &err);
    if (!text)
        return 0; /* bad input is allowed to fail, cleanly */
    gw_document *doc = gw_parse(text, NULL, &err);
    if (!doc)
        fail("parse failed", err.message);
    check_tree(doc, text, size);
    check_lean(doc, text);
    char *out;
    size_t len;
    if (gw_transform(formats.styles, fm->name, doc, NULL, 0, &out, &len, &err) != GW_OK)
        fail("stylesheet failed", fm->name);
    if (len > size * OUTPUT_BYTES_PER_INPUT_BYTE + OUTPUT_SLACK)
        fail("output larger than the linear bound", fm->name);
    free(out);
    gw_document_free(doc);
    gw_text_free(text);
    return 0;
}
