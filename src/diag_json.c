/* Diagnostics as JSON: one array of {file, line, column, endLine,
 * endColumn, severity, rule, message} objects, built with json-c so that
 * escaping is the library's business, not ours. */
#include "diag_json.h"

#include <stdlib.h>
#include <string.h>

#include "utf8.h"

int gw_json_add_string(json_object *obj, const char *key, const char *value)
{
    char *safe = gw_utf8_scrub(value, 0); /* file names need not be UTF-8 */
    json_object *v = safe ? json_object_new_string(safe) : NULL;
    free(safe);
    if (!v || json_object_object_add(obj, key, v) != 0) {
        json_object_put(v);
        return -1;
    }
    return 0;
}

int gw_json_add_int(json_object *obj, const char *key, unsigned long value)
{
    json_object *v = json_object_new_int64((int64_t)value);
    if (!v || json_object_object_add(obj, key, v) != 0) {
        json_object_put(v);
        return -1;
    }
    return 0;
}

int gw_json_write(FILE *fp, json_object *root)
{
    const char *s = json_object_to_json_string_ext(
        root, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED | JSON_C_TO_STRING_NOSLASHESCAPE);
    if (!s)
        return -1;
    int rc = fputs(s, fp) < 0 || fputc('\n', fp) == EOF ? -1 : 0;
    return rc;
}

static json_object *diag_object(const char *file, const gw_diag *d)
{
    json_object *o = json_object_new_object();
    if (!o)
        return NULL;
    if (gw_json_add_string(o, "file", file) || gw_json_add_int(o, "line", d->line) ||
        gw_json_add_int(o, "column", d->column) || gw_json_add_int(o, "endLine", d->end_line) ||
        gw_json_add_int(o, "endColumn", d->end_column) ||
        gw_json_add_string(o, "severity", gw_severity_name(d->severity)) ||
        gw_json_add_string(o, "rule", d->rule) || gw_json_add_string(o, "message", d->message)) {
        json_object_put(o);
        return NULL;
    }
    return o;
}

int gw_diag_print_json(FILE *fp, const gw_diag_file *files, size_t n)
{
    json_object *arr = json_object_new_array();
    int rc = arr ? 0 : -1;
    for (size_t f = 0; f < n && rc == 0; f++) {
        for (size_t k = 0; k < files[f].diags->n && rc == 0; k++) {
            json_object *o = diag_object(files[f].name, &files[f].diags->v[k]);
            if (!o || json_object_array_add(arr, o) != 0) {
                json_object_put(o);
                rc = -1;
            }
        }
    }
    if (rc == 0)
        rc = gw_json_write(fp, arr);
    json_object_put(arr);
    return rc;
}
