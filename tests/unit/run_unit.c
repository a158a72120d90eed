#include "suites.h"

#include <libxml/parser.h>
#include <stdlib.h>

int main(void)
{
    static Suite *(*const all[])(void) = {
        utf8_suite,     input_suite,   lines_suite,    numeral_suite, marker_suite,
        sentence_suite, lead_suite,    table_suite,    blocks_suite,  tree_suite,
        samples_suite,  check_suite,   property_suite, sha256_suite,  provenance_suite,
        readers_suite,  package_suite, api_check_suite, xmlout_suite};
    SRunner *sr = srunner_create(all[0]());
    for (size_t i = 1; i < sizeof all / sizeof all[0]; i++)
        srunner_add_suite(sr, all[i]());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    xmlCleanupParser();
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
