/* Unit suites, one per module; run_unit runs them all. */
#ifndef GW_TEST_SUITES_H
#define GW_TEST_SUITES_H

#include <check.h>

#include "gongwen.h"

Suite *utf8_suite(void);
Suite *input_suite(void);
Suite *lines_suite(void);
Suite *numeral_suite(void);
Suite *marker_suite(void);
Suite *sentence_suite(void);
Suite *lead_suite(void);
Suite *table_suite(void);
Suite *blocks_suite(void);
Suite *tree_suite(void);
Suite *samples_suite(void);
Suite *check_suite(void);
Suite *property_suite(void);
Suite *sha256_suite(void);
Suite *provenance_suite(void);
Suite *readers_suite(void);
Suite *package_suite(void);
Suite *api_check_suite(void);
Suite *xmlout_suite(void);

/* Parses a NUL-terminated UTF-8 string; aborts the test on failure. */
gw_document *parse_string(const char *s);

/* The XML text content of the document with white space removed, and the
 * same for a source string (with the <ctl> mapping applied); malloc'ed. */
char *doc_text_compact(const gw_document *doc);
char *source_text_compact(const char *s, size_t len);

/* Number of nodes matching an XPath (prefix g: is the gongwen namespace). */
int xpath_count(const gw_document *doc, const char *expr);
/* String value of an XPath expression; malloc'ed. */
char *xpath_string(const gw_document *doc, const char *expr);

#endif
