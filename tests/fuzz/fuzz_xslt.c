/* The stylesheets' libFuzzer harness: bytes -> decode -> parse -> one
 * stylesheet, chosen by the first byte (bits 0-2 as in fuzz_fast.c, the
 * rest the format). One harness for every format rather than one each:
 * libxslt and the stylesheets are not instrumented, so coverage cannot
 * tell one stylesheet's paths from another's and separate harnesses would
 * be copies of the same feedback; the byte spreads the inputs over the
 * formats evenly with one corpus and one build. What each output must be:
 * within a linear bound of the input; an XML format (DocBook) well-formed;
 * a text format valid UTF-8; a package (docx, odt) a ZIP that opens.
 * No grammar validation, round trip or checker: fuzz_gongwen.c's. */
#include "docx.h"
#include "fuzz_common.h"
#include "utf8.h"

#include <libxml/parser.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* generous: markup for one character of input is well below this */
#define OUTPUT_BYTES_PER_INPUT_BYTE 64
#define OUTPUT_SLACK 16384

static const char *const encodings[] = {NULL, "GB18030", "UTF-16LE", NULL};
static gw_fuzz_formats formats;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    gw_fuzz_load_formats(&formats);
    gw_fuzz_quiet();
    return 0;
}

static int is_xml(const gw_format *fm)
{
    size_t n = strlen(fm->media_type);
    return !strcmp(fm->media_type, "application/xml") ||
           (n > 4 && !strcmp(fm->media_type + n - 4, "+xml"));
}

static void check_output(const gw_format *fm, const char *out, size_t len)
{
    if (!fm->text) {
        gw_error err = {0};
        gw_package *p = gw_package_open(out, len, &err);
        if (!p)
            gw_fuzz_fail("the package is no ZIP", fm->name);
        gw_package_close(p);
    } else if (gw_utf8_validate(out, len) != len) {
        gw_fuzz_fail("output is not UTF-8", fm->name);
    } else if (is_xml(fm)) {
        xmlDocPtr x = xmlReadMemory(out, (int)len, NULL, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR);
        if (!x)
            gw_fuzz_fail("output is not well-formed XML", fm->name);
        xmlFreeDoc(x);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    uint8_t opt = data[0];
    gw_decode_options o = {encodings[opt & 3], (opt & 4) ? GW_ERRORS_REPLACE : GW_ERRORS_STRICT};
    const gw_format *fm = formats.format[(size_t)(opt >> 3) % formats.n];
    gw_error err = {0};
    gw_text *text = gw_decode_with((const char *)data + 1, size - 1, &o, &err);
    if (!text)
        return 0; /* bad input is allowed to fail, cleanly */
    gw_document *doc = gw_parse(text, NULL, &err);
    if (!doc)
        gw_fuzz_fail("parse failed", err.message);
    char *out;
    size_t len;
    if (gw_transform(formats.styles, fm->name, doc, NULL, 0, &out, &len, &err) != GW_OK)
        gw_fuzz_fail("stylesheet failed", fm->name);
    if (len > size * OUTPUT_BYTES_PER_INPUT_BYTE + OUTPUT_SLACK)
        gw_fuzz_fail("output larger than the linear bound", fm->name);
    check_output(fm, out, len);
    free(out);
    gw_document_free(doc);
    gw_text_free(text);
    return 0;
}
