/* The readers' libFuzzer harness, built once per reader with
 * -DGW_FUZZ_FROM=GW_FROM_DOCX, _HTML, _PDF or _MARKDOWN (fuzz_docx,
 * fuzz_html, fuzz_pdf, fuzz_markdown): the input is the whole file, read by that reader without
 * sniffing, so a zip-, HTML- or PDF-shaped corpus (tests/fuzz/corpus-*)
 * stays one reader's. A separate harness each, not one byte choosing:
 * the three corpora share nothing, and a zip mutated into a web page is
 * a wasted execution. fuzz_docx takes an input that is not a ZIP as the
 * body of word/document.xml and packs it (stored) itself: mutations of a
 * ZIP rarely survive its checksums, and the WordprocessingML is where
 * the reader's own code is. Beyond no crash: a refusal is GW_ERR_BAD_SOURCE or
 * out of memory with one line of message (no newline inside), and what a
 * reader returns parses into a report that holds the reader's text
 * losslessly. libzip, libxml2 and poppler are not instrumented: coverage
 * is that of the readers in src/. */
#include "fuzz_common.h"
#include "invariants.h"
#include "readers.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* little-endian fields of a ZIP header */
static unsigned char *le(unsigned char *p, uint32_t v, int bytes)
{
    for (int i = 0; i < bytes; i++)
        *p++ = (unsigned char)(v >> (8 * i));
    return p;
}

static uint32_t crc32_of(const uint8_t *d, size_t n)
{
    uint32_t c = 0xFFFFFFFFu;
    for (size_t i = 0; i < n; i++) {
        c ^= d[i];
        for (int k = 0; k < 8; k++)
            c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1)));
    }
    return ~c;
}

/* A ZIP holding data, stored, as word/document.xml; malloc'ed, *len set. */
static unsigned char *pack_document(const uint8_t *data, size_t size, size_t *len)
{
    static const char name[] = "word/document.xml";
    const size_t nl = sizeof name - 1;
    uint32_t crc = crc32_of(data, size);
    unsigned char *z = malloc(30 + nl + size + 46 + nl + 22);
    if (!z)
        return NULL;
    unsigned char *p = le(z, 0x04034B50u, 4);
    p = le(p, 20, 2), p = le(p, 0, 2), p = le(p, 0, 2), p = le(p, 0, 4);
    p = le(p, crc, 4), p = le(p, (uint32_t)size, 4), p = le(p, (uint32_t)size, 4);
    p = le(p, (uint32_t)nl, 2), p = le(p, 0, 2);
    memcpy(p, name, nl), p += nl;
    memcpy(p, data, size), p += size;
    unsigned char *central = p;
    p = le(p, 0x02014B50u, 4), p = le(p, 20, 2), p = le(p, 20, 2), p = le(p, 0, 2), p = le(p, 0, 2);
    p = le(p, 0, 4), p = le(p, crc, 4), p = le(p, (uint32_t)size, 4), p = le(p, (uint32_t)size, 4);
    p = le(p, (uint32_t)nl, 2), p = le(p, 0, 2), p = le(p, 0, 2), p = le(p, 0, 2), p = le(p, 0, 2);
    p = le(p, 0, 4), p = le(p, 0, 4);
    memcpy(p, name, nl), p += nl;
    uint32_t central_len = (uint32_t)(p - central), central_at = (uint32_t)(central - z);
    p = le(p, 0x06054B50u, 4), p = le(p, 0, 2), p = le(p, 0, 2), p = le(p, 1, 2), p = le(p, 1, 2);
    p = le(p, central_len, 4), p = le(p, central_at, 4), p = le(p, 0, 2);
    *len = (size_t)(p - z);
    return z;
}

#ifndef GW_FUZZ_FROM
#error "build with -DGW_FUZZ_FROM=GW_FROM_DOCX, GW_FROM_HTML, GW_FROM_PDF or GW_FROM_MARKDOWN"
#endif

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    gw_fuzz_quiet();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    unsigned char *packed = NULL;
    if (GW_FUZZ_FROM == GW_FROM_DOCX && (size < 2 || memcmp(data, "PK", 2))) {
        if (!(packed = pack_document(data, size, &size)))
            return 0;
        data = packed;
    }
    gw_error err = {0};
    gw_text *text = gw_read_source((const char *)data, size, GW_FUZZ_FROM, NULL, &err);
    free(packed);
    if (!text) {
        if (err.status != GW_ERR_BAD_SOURCE && err.status != GW_ERR_NOMEM &&
            err.status != GW_ERR_INVALID_BYTE)
            gw_fuzz_fail("a refusal of an unexpected kind", gw_status_string(err.status));
        if (!err.message[0] || strchr(err.message, '\n'))
            gw_fuzz_fail("a refusal not in one line", err.message);
        return 0;
    }
    gw_document *doc = gw_parse(text, NULL, &err);
    if (!doc)
        gw_fuzz_fail("parse failed", err.message);
    char *why = gw_inv_lossless(gw_document_xml(doc), gw_text_data(text), gw_text_length(text));
    if (why)
        gw_fuzz_fail("not lossless", why);
    gw_document_free(doc);
    gw_text_free(text);
    return 0;
}
