/* json-c helpers shared by the JSON and SARIF formats. */
#ifndef GW_DIAG_JSON_H
#define GW_DIAG_JSON_H

#include "diag.h"

#include <json-c/json.h>

/* Add a member; GW_ERR_NOMEM when out of memory. */
gw_status gw_json_add_string(json_object *obj, const char *key, const char *value);
gw_status gw_json_add_int(json_object *obj, const char *key, unsigned long value);
/* Writes root, indented, and a newline; GW_ERR_IO on a write error. */
gw_status gw_json_write(FILE *fp, json_object *root);

#endif
