/* json-c helpers shared by the JSON and SARIF formats. */
#ifndef GW_DIAG_JSON_H
#define GW_DIAG_JSON_H

#include "diag.h"

#include <json-c/json.h>

/* Add a member; return 0, or -1 when out of memory. */
int gw_json_add_string(json_object *obj, const char *key, const char *value);
int gw_json_add_int(json_object *obj, const char *key, unsigned long value);
/* Writes root, indented, and a newline: 0, GW_DIAG_NOMEM or -1 as
 * gw_diag_print_json. */
int gw_json_write(FILE *fp, json_object *root);

#endif
