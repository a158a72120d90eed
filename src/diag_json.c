/* Diagnostics as JSON: one array of {file, line, column, endLine,
 * endColumn, severity, rule, message} objects, written as they come in
 * the layout json-c's pretty printer gives; and the json-c helpers the
 * SARIF format builds its log with. */
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

/* A JSON string of s; bytes that are not UTF-8 written as U+FFFD, as
 * gw_utf8_scrub would have them (file names need not be UTF-8). */
static void put_string(FILE *fp, const char *s)
{
    static const char plain[] = "\"\\\b\f\n\r\t", escaped[] = "\"\\bfnrt";
    size_t len = strlen(s);
    fputc('"', fp);
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        uint32_t cp;
        size_t n = c < 0x80 ? 1 : gw_utf8_decode(s + i, len - i, &cp);
        const char *k = c < 0x80 && c ? strchr(plain, c) : NULL;
        if (n == 0)
            fputs("\xEF\xBF\xBD", fp);
        else if (k)
            fprintf(fp, "\\%c", escaped[k - plain]);
        else if (c < 0x20)
            fprintf(fp, "\\u%04x", c);
        else
            fwrite(s + i, 1, n, fp);
        i += n ? n : 1;
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

static void put_member_string(FILE *fp, const char *key, const char *value)
{
    indent(fp, 2);
    put_string(fp, key);
    fputs(": ", fp);
    put_string(fp, value);
}

static void put_member_int(FILE *fp, const char *key, unsigned long value)
{
    indent(fp, 2);
    put_string(fp, key);
    fprintf(fp, ": %" PRId64, (int64_t)value);
}

/* One diagnostic, as json-c's object of it at depth 1 was written. */
static void put_diag(FILE *fp, const char *file, const gw_diag *d)
{
    fputs("{\n", fp);
    put_member_string(fp, "file", file);
    fputs(",\n", fp);
    put_member_int(fp, "line", d->line);
    fputs(",\n", fp);
    put_member_int(fp, "column", d->column);
    fputs(",\n", fp);
    put_member_int(fp, "endLine", d->end_line);
    fputs(",\n", fp);
    put_member_int(fp, "endColumn", d->end_column);
    fputs(",\n", fp);
    put_member_string(fp, "severity", gw_severity_name(d->severity));
    fputs(",\n", fp);
    put_member_string(fp, "rule", d->rule);
    fputs(",\n", fp);
    put_member_string(fp, "message", d->message);
    fputs("\n", fp);
    indent(fp, 1);
    fputc('}', fp);
}

/* Written as it goes, one diagnostic at a time: an array of json-c
 * objects took 1.6 KB a finding (3 GB for 1.2 million). The notes of
 * omitted findings, all that allocates, are made before the first byte is
 * written, so that running out of memory writes nothing. */
gw_status gw_diag_print_json(FILE *fp, const gw_diag_file *files, size_t n)
{
    gw_diag *notes = calloc(n + 1, sizeof *notes);
    gw_status rc = notes ? GW_OK : GW_ERR_NOMEM;
    for (size_t f = 0; f < n && rc == GW_OK; f++)
        if (gw_diags_omitted_note(files[f].diags, &notes[f]) < 0)
            rc = GW_ERR_NOMEM;
    if (rc == GW_OK) {
        size_t written = 0;
        fputs("[\n", fp);
        for (size_t f = 0; f < n; f++) {
            size_t all = files[f].diags->n + (notes[f].message != NULL);
            for (size_t k = 0; k < all; k++) {
                fputs(written++ ? ",\n" : "", fp);
                indent(fp, 1);
                put_diag(fp, files[f].name,
                         k < files[f].diags->n ? &files[f].diags->v[k] : &notes[f]);
            }
        }
        fputs(written ? "\n]\n" : "]\n", fp);
        rc = ferror(fp) ? GW_ERR_IO : GW_OK;
    }
    for (size_t f = 0; f < n && notes; f++)
        free(notes[f].message);
    free(notes);
    return rc;
}
