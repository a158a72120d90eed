/* The fast libFuzzer harness: bytes -> decode -> parse, and only the cheap
 * invariants (no crash, the text lossless, the tree's shape: a report
 * element at the root, every element in the report namespace). No
 * grammar validation, round trip, stylesheet or checker: those are
 * fuzz_gongwen.c's, at a hundredth of the speed. The first byte chooses
 * options as there (bits 0-1 encoding, bit 2 replacement). */
#include "fuzz_common.h"
#include "invariants.h"
#include "names.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const encodings[] = {NULL, "GB18030", "UTF-16LE", NULL};

#define fail gw_fuzz_fail

/* every element in the report's namespace; returns the number of them */
static size_t shape(xmlNodePtr n, const xmlChar *ns)
{
    size_t count = 0;
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (!n->ns || !xmlStrEqual(n->ns->href, ns))
            fail("element outside the report namespace", (const char *)n->name);
        count += 1 + shape(n->children, ns);
    }
    return count;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    uint8_t opt = data[0];
    gw_decode_options o = {encodings[opt & 3], (opt & 4) ? GW_ERRORS_REPLACE : GW_ERRORS_STRICT};
    gw_error err = {0};
    gw_text *text = gw_decode_with((const char *)data + 1, size - 1, &o, &err);
    if (!text)
        return 0; /* bad input is allowed to fail, cleanly */
    gw_document *doc = gw_parse(text, NULL, &err);
    if (!doc)
        fail("parse failed", err.message);
    xmlDocPtr xml = gw_document_xml(doc);
    xmlNodePtr root = xmlDocGetRootElement(xml);
    if (!root || !root->ns || strcmp((const char *)root->name, GW_E_REPORT))
        fail("the root is not a report", NULL);
    shape(root, root->ns->href);
    char *why = gw_inv_lossless(xml, gw_text_data(text), gw_text_length(text));
    if (why)
        fail("not lossless", why);
    gw_document_free(doc);
    gw_text_free(text);
    return 0;
}
