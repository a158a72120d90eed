/* Diagnostics as a SARIF 2.1.0 log, the format code-review tools ingest:
 * one run of the tool "gongwen" with its rules, each result pointing at a
 * region of its file. Columns are characters (columnKind
 * unicodeCodePoints), end columns exclusive, as SARIF defines them. */
#include "checker.h"
#include "intl.h"
#include "diag_json.h"

#include <stdlib.h>
#include <string.h>

#define SARIF_SCHEMA                                                                               \
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

typedef struct {
    gw_status status; /* GW_ERR_NOMEM once an addition failed; nothing is added after it */
} builder;

/* A new object added to parent under key (or appended when parent is an
 * array and key NULL); NULL after any failure. */
static json_object *add(builder *b, json_object *parent, const char *key, json_object *child)
{
    int rc = !child ? -1
             : key  ? json_object_object_add(parent, key, child)
                    : json_object_array_add(parent, child);
    if (rc != 0) {
        json_object_put(child);
        b->status = GW_ERR_NOMEM;
        return NULL;
    }
    return child;
}

static json_object *add_object(builder *b, json_object *parent, const char *key)
{
    return b->status != GW_OK ? NULL : add(b, parent, key, json_object_new_object());
}

static json_object *add_array(builder *b, json_object *parent, const char *key)
{
    return b->status != GW_OK ? NULL : add(b, parent, key, json_object_new_array());
}

static void add_string(builder *b, json_object *obj, const char *key, const char *value)
{
    if (b->status == GW_OK && gw_json_add_string(obj, key, value) != GW_OK)
        b->status = GW_ERR_NOMEM;
}

static void add_int(builder *b, json_object *obj, const char *key, unsigned long value)
{
    if (b->status == GW_OK && gw_json_add_int(obj, key, value) != GW_OK)
        b->status = GW_ERR_NOMEM;
}

static void add_text(builder *b, json_object *obj, const char *key, const char *text)
{
    json_object *m = add_object(b, obj, key);
    if (m)
        add_string(b, m, "text", text);
}

/* A file name as a URI reference: relative paths stay relative, absolute
 * ones become file:// URIs; bytes outside the unreserved set are
 * percent-encoded. */
static char *to_uri(const char *name)
{
    static const char keep[] = "-._~/";
    size_t len = strlen(name);
    char *out = malloc(len * 3 + 8);
    if (!out)
        return NULL;
    size_t o = 0;
    if (name[0] == '/') {
        memcpy(out, "file://", 7);
        o = 7;
    }
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)name[i];
        if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
            strchr(keep, ch))
            out[o++] = (char)ch;
        else
            o += (size_t)sprintf(out + o, "%%%02X", ch);
    }
    out[o] = '\0';
    return out;
}

static void driver(builder *b, json_object *run)
{
    json_object *tool = add_object(b, run, "tool");
    json_object *drv = add_object(b, tool, "driver");
    if (!drv)
        return;
    add_string(b, drv, "name", "gongwen");
    add_string(b, drv, "version", GW_VERSION);
    json_object *rules = add_array(b, drv, "rules");
    for (int r = 0; r < GW_R_COUNT && rules; r++) {
        json_object *rule = add_object(b, rules, NULL);
        if (!rule)
            return;
        add_string(b, rule, "id", gw_rule_name((gw_rule)r));
        add_text(b, rule, "shortDescription", _(gw_rule_description((gw_rule)r)));
        json_object *conf = add_object(b, rule, "defaultConfiguration");
        if (conf)
            add_string(b, conf, "level", gw_severity_name(gw_rule_severity((gw_rule)r)));
    }
}

static void result(builder *b, json_object *results, const char *uri, const gw_diag *d)
{
    json_object *res = add_object(b, results, NULL);
    if (!res)
        return;
    add_string(b, res, "ruleId", d->rule);
    gw_rule r = gw_rule_find(d->rule);
    if (r != GW_R_COUNT) /* the note of omitted findings is no rule's */
        add_int(b, res, "ruleIndex", (unsigned long)r);
    add_string(b, res, "level", gw_severity_name(d->severity));
    add_text(b, res, "message", d->message);
    json_object *locs = add_array(b, res, "locations");
    json_object *phys = add_object(b, add_object(b, locs, NULL), "physicalLocation");
    json_object *art = add_object(b, phys, "artifactLocation");
    json_object *region = add_object(b, phys, "region");
    if (!art || !region)
        return;
    add_string(b, art, "uri", uri);
    add_int(b, region, "startLine", d->line);
    add_int(b, region, "startColumn", d->column);
    add_int(b, region, "endLine", d->end_line);
    add_int(b, region, "endColumn", d->end_column);
}

gw_status gw_diag_print_sarif(FILE *fp, const gw_diag_file *files, size_t n)
{
    builder b = {GW_OK};
    json_object *log = json_object_new_object();
    if (!log)
        return GW_ERR_NOMEM;
    add_string(&b, log, "$schema", SARIF_SCHEMA);
    add_string(&b, log, "version", "2.1.0");
    json_object *run = add_object(&b, add_array(&b, log, "runs"), NULL);
    driver(&b, run);
    if (run)
        add_string(&b, run, "columnKind", "unicodeCodePoints");
    json_object *artifacts = add_array(&b, run, "artifacts");
    json_object *results = add_array(&b, run, "results");
    for (size_t f = 0; f < n && b.status == GW_OK; f++) {
        char *uri = to_uri(files[f].name);
        if (!uri) {
            b.status = GW_ERR_NOMEM;
            break;
        }
        json_object *art = add_object(&b, add_object(&b, artifacts, NULL), "location");
        if (art)
            add_string(&b, art, "uri", uri);
        for (size_t k = 0; k < files[f].diags->n && b.status == GW_OK; k++)
            result(&b, results, uri, &files[f].diags->v[k]);
        gw_diag note;
        int noted = gw_diags_omitted_note(files[f].diags, &note);
        if (noted < 0)
            b.status = GW_ERR_NOMEM;
        else if (noted) {
            result(&b, results, uri, &note);
            free(note.message);
        }
        free(uri);
    }
    gw_status rc = b.status != GW_OK ? b.status : gw_json_write(fp, log);
    json_object_put(log);
    return rc;
}
