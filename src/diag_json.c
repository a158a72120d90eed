/* Diagnostics as JSON: one array of {file, line, column, endLine,
 * endColumn, severity, rule, message} objects, built with json-c so that
 * escaping is the library's business, not ours. */
#include "diag_json.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

gw_status gw_json_add_string(json_object *obj, const char *key, const char *value)
{
    char *safe = gw_utf8_scrub(value, 0); /* file names need not be UTF-8 */
    json_object *v = safe ? json_object_new_string(safe) : NULL;
    free(safe);
    if (!v || json_object_object_add(obj, key, v) != 0) {
        json_object_put(v);
        return GW_ERR_NOMEM;
    }
    return GW_OK;
}

gw_status gw_json_add_int(json_object *obj, const char *key, unsigned long value)
{
    json_object *v = json_object_new_int64((int64_t)value);
    if (!v || json_object_object_add(obj, key, v) != 0) {
        json_object_put(v);
        return GW_ERR_NOMEM;
    }
    return GW_OK;
}

/* The writer below stands in for json_object_to_json_string_ext, whose
 * output it copies byte for byte (pretty, spaced, '/' unescaped): json-c
 * 0.16 leaves out text it cannot append to its growing buffer and says
 * nothing, so under memory pressure "column" could come out as "". This
 * one allocates nothing. */
static void indent(FILE *fp, int depth)
{
    for (int i = 0; i < depth; i++)
        fputs("  ", fp);
}

static void put_string(FILE *fp, const char *s)
{
    static const char plain[] = "\"\\\b\f\n\r\t", escaped[] = "\"\\bfnrt";
    fputc('"', fp);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        const char *k = strchr(plain, c);
        if (k)
            fprintf(fp, "\\%c", escaped[k - plain]);
        else if (c < 0x20)
            fprintf(fp, "\\u%04x", c);
        else
            fputc(c, fp);
    }
    fputc('"', fp);
}

static void put_value(FILE *fp, json_object *v, int depth)
{
    switch (json_object_get_type(v)) {
    case json_type_object: {
        struct json_object_iterator it = json_object_iter_begin(v);
        struct json_object_iterator end = json_object_iter_end(v);
        fputs("{\n", fp);
        for (size_t i = 0; !json_object_iter_equal(&it, &end); json_object_iter_next(&it), i++) {
            fputs(i ? ",\n" : "", fp);
            indent(fp, depth + 1);
            put_string(fp, json_object_iter_peek_name(&it));
            fputs(": ", fp);
            put_value(fp, json_object_iter_peek_value(&it), depth + 1);
        }
        fputs(json_object_object_length(v) ? "\n" : "", fp);
        indent(fp, depth);
        fputc('}', fp);
        break;
    }
    case json_type_array: {
        size_t n = json_object_array_length(v);
        fputs("[\n", fp);
        for (size_t i = 0; i < n; i++) {
            fputs(i ? ",\n" : "", fp);
            indent(fp, depth + 1);
            put_value(fp, json_object_array_get_idx(v, i), depth + 1);
        }
        fputs(n ? "\n" : "", fp);
        indent(fp, depth);
        fputc(']', fp);
        break;
    }
    case json_type_int:
        fprintf(fp, "%" PRId64, json_object_get_int64(v));
        break;
    case json_type_string:
        put_string(fp, json_object_get_string(v));
        break;
    default: /* the diagnostics hold no other types */
        fputs("null", fp);
        break;
    }
}

gw_status gw_json_write(FILE *fp, json_object *root)
{
    put_value(fp, root, 0);
    fputc('\n', fp);
    return ferror(fp) ? GW_ERR_IO : GW_OK;
}

static json_object *diag_object(const char *file, const gw_diag *d)
{
    json_object *o = json_object_new_object();
    if (!o)
        return NULL;
    if (gw_json_add_string(o, "file", file) != GW_OK ||
        gw_json_add_int(o, "line", d->line) != GW_OK ||
        gw_json_add_int(o, "column", d->column) != GW_OK ||
        gw_json_add_int(o, "endLine", d->end_line) != GW_OK ||
        gw_json_add_int(o, "endColumn", d->end_column) != GW_OK ||
        gw_json_add_string(o, "severity", gw_severity_name(d->severity)) != GW_OK ||
        gw_json_add_string(o, "rule", d->rule) != GW_OK ||
        gw_json_add_string(o, "message", d->message) != GW_OK) {
        json_object_put(o);
        return NULL;
    }
    return o;
}

gw_status gw_diag_print_json(FILE *fp, const gw_diag_file *files, size_t n)
{
    json_object *arr = json_object_new_array();
    gw_status rc = arr ? GW_OK : GW_ERR_NOMEM;
    for (size_t f = 0; f < n && rc == GW_OK; f++) {
        gw_diag note;
        int noted = gw_diags_omitted_note(files[f].diags, &note);
        size_t all = files[f].diags->n + (noted == 1);
        rc = noted < 0 ? GW_ERR_NOMEM : GW_OK;
        for (size_t k = 0; k < all && rc == GW_OK; k++) {
            const gw_diag *d = k < files[f].diags->n ? &files[f].diags->v[k] : &note;
            json_object *o = diag_object(files[f].name, d);
            if (!o || json_object_array_add(arr, o) != 0) {
                json_object_put(o);
                rc = GW_ERR_NOMEM;
            }
        }
        if (noted == 1)
            free(note.message);
    }
    if (rc == GW_OK)
        rc = gw_json_write(fp, arr);
    json_object_put(arr);
    return rc;
}
