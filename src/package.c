/* Zip packages from Flat OPC and flat OpenDocument descriptions: see
 * package.h. libxml2 serializes each part, libzip writes the archive in
 * memory. */
#include "package.h"
#include "names.h"
#include "xmlerr.h"
#include "zip_api.h"

#include <libxml/xmlsave.h>

#include <stdlib.h>
#include <string.h>

/* 1980-01-01 00:00 in MS-DOS form, the earliest date a zip entry can hold:
 * a fixed date keeps the output reproducible */
#define DOS_DATE ((0 << 9) | (1 << 5) | 1)
#define DOS_TIME 0

#define MAX_PARTS 64

/* The entries' bytes, kept until the archive is written: libzip reads
 * them at zip_close. */
#define MAX_ENTRIES (MAX_PARTS + 8)

/* The archive being written, and libzip's functions. */
typedef struct {
    const gw_zip_api *z;
    zip_t *za;
    void *copies[MAX_ENTRIES]; /* owned */
    size_t ncopies;
} archive;

static int is_named(const xmlNode *n, const char *ns, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && n->ns && n->ns->href &&
           !strcmp((const char *)n->ns->href, ns) && !strcmp((const char *)n->name, name);
}

static xmlNode *first_element(xmlNode *n)
{
    for (; n; n = n->next)
        if (n->type == XML_ELEMENT_NODE)
            return n;
    return NULL;
}

int gw_package_is(const xmlDoc *doc)
{
    const xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
    return is_named(root, GW_PKG_NS, GW_PKG_PACKAGE) ||
           is_named(root, GW_ODF_OFFICE_NS, GW_ODF_DOCUMENT);
}

/* Adds a copy of data[0..len) as entry name; store: no compression. */
static gw_status add_entry(archive *a, const char *name, const void *data, size_t len, int store,
                           gw_error *err)
{
    if (a->ncopies == MAX_ENTRIES)
        return gw_fail(err, GW_ERR_STYLESHEET_FAILED, 0, 0, "a package of more than %d entries",
                       MAX_ENTRIES);
    void *copy = malloc(len ? len : 1);
    if (!copy)
        return gw_fail_nomem(err);
    memcpy(copy, data, len);
    a->copies[a->ncopies++] = copy;
    /* the copy stays ours (freep = 0): libzip 1.7 frees a buffer it was
     * given or not, depending on where zip_source_buffer failed */
    zip_source_t *s = a->z->source_buffer(a->za, copy, len, 0);
    if (!s)
        return gw_fail_nomem(err);
    zip_int64_t i = a->z->file_add(a->za, name, s, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
    if (i < 0) {
        a->z->source_free(s);
        return gw_fail(err, GW_ERR_NOMEM, 0, 0, "cannot add %s to the package: %s", name,
                       a->z->strerror(a->za));
    }
    if (a->z->file_set_dostime(a->za, (zip_uint64_t)i, DOS_TIME, DOS_DATE, 0) < 0 ||
        a->z->set_file_compression(a->za, (zip_uint64_t)i, store ? ZIP_CM_STORE : ZIP_CM_DEFLATE,
                                   0) < 0)
        return gw_fail(err, GW_ERR_NOMEM, 0, 0, "cannot add %s to the package: %s", name,
                       a->z->strerror(a->za));
    return GW_OK;
}

/* Serializes doc (UTF-8, with an XML declaration) as entry name. */
static gw_status add_doc(archive *a, const char *name, xmlDoc *doc, gw_error *err)
{
    xmlChar *buf = NULL;
    int size = 0;
    xmlDocDumpMemoryEnc(doc, &buf, &size, "UTF-8");
    if (!buf)
        return gw_fail_nomem(err);
    gw_status s = add_entry(a, name, buf, (size_t)size, 0, err);
    xmlFree(buf);
    return s;
}

/* A new document whose root is a copy of element (with its namespaces). */
static xmlDoc *doc_of(const xmlNode *element)
{
    xmlDoc *d = xmlNewDoc(BAD_CAST "1.0");
    xmlNode *copy = d ? xmlDocCopyNode((xmlNode *)element, d, 1) : NULL;
    if (!copy) {
        xmlFreeDoc(d);
        return NULL;
    }
    xmlDocSetRootElement(d, copy);
    return d;
}

/* A new document with a root element ns:name carrying every namespace
 * declared on like (so copied children need no declarations of their own). */
static xmlDoc *doc_like(const xmlNode *like, const char *ns, const char *name, xmlNode **root)
{
    xmlDoc *d = xmlNewDoc(BAD_CAST "1.0");
    xmlNode *r = d ? xmlNewDocNode(d, NULL, BAD_CAST name, NULL) : NULL;
    if (!r) {
        xmlFreeDoc(d);
        return NULL;
    }
    xmlDocSetRootElement(d, r);
    for (const xmlNs *n = like->nsDef; n; n = n->next) {
        xmlNs *copy = xmlNewNs(r, n->href, n->prefix);
        if (copy && n->href && !strcmp((const char *)n->href, ns))
            xmlSetNs(r, copy);
    }
    if (!r->ns) {
        xmlNs *own = xmlNewNs(r, BAD_CAST ns, NULL);
        if (!own) {
            xmlFreeDoc(d);
            return NULL;
        }
        xmlSetNs(r, own);
    }
    *root = r;
    return d;
}

/* ---- Flat OPC ---------------------------------------------------------- */

typedef struct {
    const char *name; /* without the leading '/'; borrowed from the tree */
    const char *type;
    xmlNode *data;
} opc_part;

static gw_status opc_parts(xmlNode *root, opc_part *parts, size_t *n, gw_error *err)
{
    *n = 0;
    for (xmlNode *p = root->children; p; p = p->next) {
        if (!is_named(p, GW_PKG_NS, GW_PKG_PART))
            continue;
        xmlChar *name = xmlGetNsProp(p, BAD_CAST GW_PKG_NAME, BAD_CAST GW_PKG_NS);
        xmlChar *type = xmlGetNsProp(p, BAD_CAST GW_PKG_CONTENT_TYPE, BAD_CAST GW_PKG_NS);
        xmlNode *data = NULL;
        for (xmlNode *c = p->children; c; c = c->next)
            if (is_named(c, GW_PKG_NS, GW_PKG_XMLDATA))
                data = first_element(c->children);
        int good = name && name[0] == '/' && name[1] && type && data;
        /* the strings live in the tree as attribute text; keep pointers to
         * the tree's copies rather than the ones just allocated */
        xmlFree(name);
        xmlFree(type);
        if (!good)
            return gw_fail(err, GW_ERR_STYLESHEET_FAILED, 0, 0,
                           "the stylesheet wrote a package part without a name, a content type "
                           "or XML data (line %ld)",
                           xmlGetLineNo(p));
        if (*n == MAX_PARTS)
            return gw_fail(err, GW_ERR_STYLESHEET_FAILED, 0, 0,
                           "the package has more than %d parts", MAX_PARTS);
        xmlAttr *an = xmlHasNsProp(p, BAD_CAST GW_PKG_NAME, BAD_CAST GW_PKG_NS);
        xmlAttr *at = xmlHasNsProp(p, BAD_CAST GW_PKG_CONTENT_TYPE, BAD_CAST GW_PKG_NS);
        parts[*n].name = (const char *)an->children->content + 1;
        parts[*n].type = (const char *)at->children->content;
        parts[(*n)++].data = data;
    }
    if (*n == 0)
        return gw_fail(err, GW_ERR_STYLESHEET_FAILED, 0, 0,
                       "the stylesheet wrote a package with no parts");
    return GW_OK;
}

/* A new document whose root element name is in namespace uri (with
 * prefix, or as the default); *ns is that namespace. NULL when out of
 * memory. */
static xmlDoc *new_doc(const char *name, const char *uri, const char *prefix, xmlNs **ns)
{
    xmlDoc *d = xmlNewDoc(BAD_CAST "1.0");
    xmlNode *r = d ? xmlNewDocNode(d, NULL, BAD_CAST name, NULL) : NULL;
    *ns = r ? xmlNewNs(r, BAD_CAST uri, BAD_CAST prefix) : NULL;
    if (!*ns) {
        xmlFreeNode(r);
        xmlFreeDoc(d);
        return NULL;
    }
    xmlDocSetRootElement(d, r);
    xmlSetNs(r, *ns);
    return d;
}

/* [Content_Types].xml: one Override per part, Defaults for the rest */
static xmlDoc *content_types(const opc_part *parts, size_t n)
{
    xmlNs *ns;
    xmlDoc *d = new_doc(GW_OPC_TYPES, GW_OPC_TYPES_NS, NULL, &ns);
    if (!d)
        return NULL;
    xmlNode *r = xmlDocGetRootElement(d);
    static const char *const defaults[][2] = {
        {"rels", "application/vnd.openxmlformats-package.relationships+xml"},
        {"xml", "application/xml"},
    };
    int ok = 1;
    for (size_t i = 0; ok && i < sizeof defaults / sizeof defaults[0]; i++) {
        xmlNode *e = xmlNewChild(r, ns, BAD_CAST GW_OPC_DEFAULT, NULL);
        ok = e && gw_new_prop(e, GW_OPC_EXTENSION, defaults[i][0]) == GW_OK &&
             gw_new_prop(e, GW_OPC_CONTENT_TYPE, defaults[i][1]) == GW_OK;
    }
    for (size_t i = 0; ok && i < n; i++) {
        char path[1024];
        snprintf(path, sizeof path, "/%s", parts[i].name);
        xmlNode *e = xmlNewChild(r, ns, BAD_CAST GW_OPC_OVERRIDE, NULL);
        ok = e && gw_new_prop(e, GW_OPC_PART_NAME, path) == GW_OK &&
             gw_new_prop(e, GW_OPC_CONTENT_TYPE, parts[i].type) == GW_OK;
    }
    if (!ok) {
        xmlFreeDoc(d);
        return NULL;
    }
    return d;
}

static gw_status zip_opc(archive *a, xmlNode *root, gw_error *err)
{
    opc_part parts[MAX_PARTS];
    size_t n;
    gw_status s = opc_parts(root, parts, &n, err);
    if (s != GW_OK)
        return s;
    xmlDoc *types = content_types(parts, n);
    if (!types)
        return gw_fail_nomem(err);
    s = add_doc(a, "[Content_Types].xml", types, err);
    xmlFreeDoc(types);
    for (size_t i = 0; s == GW_OK && i < n; i++) {
        xmlDoc *d = doc_of(parts[i].data);
        if (!d)
            return gw_fail_nomem(err);
        s = add_doc(a, parts[i].name, d, err);
        xmlFreeDoc(d);
    }
    return s;
}

/* ---- flat OpenDocument ------------------------------------------------- */

/* The office:document-NAME file holding copies of the children of root
 * named in keep (a NULL-terminated list of office: local names). */
static gw_status odf_file(archive *a, xmlNode *root, const char *file, const char *name,
                          const char *const *keep, gw_error *err)
{
    xmlNode *r = NULL;
    xmlDoc *d = doc_like(root, GW_ODF_OFFICE_NS, name, &r);
    if (!d)
        return gw_fail_nomem(err);
    xmlChar *version = xmlGetNsProp(root, BAD_CAST GW_ODF_VERSION, BAD_CAST GW_ODF_OFFICE_NS);
    int ok = !version || xmlNewNsProp(r, r->ns, BAD_CAST GW_ODF_VERSION, version);
    xmlFree(version);
    for (xmlNode *c = root->children; ok && c; c = c->next) {
        int wanted = 0;
        for (const char *const *k = keep; *k && !wanted; k++)
            wanted = is_named(c, GW_ODF_OFFICE_NS, *k);
        if (!wanted)
            continue;
        /* cloned against the new root, the copy uses the declarations
         * the root already has instead of repeating them */
        xmlNode *copy = NULL;
        ok = xmlDOMWrapCloneNode(NULL, c->doc, c, &copy, d, r, 1, 0) == 0 && copy;
        if (ok && !xmlAddChild(r, copy)) {
            xmlFreeNode(copy);
            ok = 0;
        }
    }
    gw_status s = ok ? add_doc(a, file, d, err) : gw_fail_nomem(err);
    xmlFreeDoc(d);
    return s;
}

static xmlDoc *odf_manifest(const char *mimetype, const char *version)
{
    static const char *const files[][2] = {
        {"content.xml", "text/xml"},
        {"styles.xml", "text/xml"},
        {"meta.xml", "text/xml"},
    };
    xmlNs *ns;
    xmlDoc *d = new_doc(GW_MF_MANIFEST, GW_ODF_MANIFEST_NS, "manifest", &ns);
    if (!d)
        return NULL;
    xmlNode *r = xmlDocGetRootElement(d);
    int ok = xmlNewNsProp(r, ns, BAD_CAST GW_MF_VERSION, BAD_CAST version) != NULL;
    xmlNode *e = ok ? xmlNewChild(r, ns, BAD_CAST GW_MF_FILE_ENTRY, NULL) : NULL;
    ok = e && xmlNewNsProp(e, ns, BAD_CAST GW_MF_FULL_PATH, BAD_CAST "/") &&
         xmlNewNsProp(e, ns, BAD_CAST GW_MF_VERSION, BAD_CAST version) &&
         xmlNewNsProp(e, ns, BAD_CAST GW_MF_MEDIA_TYPE, BAD_CAST mimetype);
    for (size_t i = 0; ok && i < sizeof files / sizeof files[0]; i++) {
        e = xmlNewChild(r, ns, BAD_CAST GW_MF_FILE_ENTRY, NULL);
        ok = e && xmlNewNsProp(e, ns, BAD_CAST GW_MF_FULL_PATH, BAD_CAST files[i][0]) &&
             xmlNewNsProp(e, ns, BAD_CAST GW_MF_MEDIA_TYPE, BAD_CAST files[i][1]);
    }
    if (!ok) {
        xmlFreeDoc(d);
        return NULL;
    }
    return d;
}

static gw_status zip_odf(archive *a, xmlNode *root, gw_error *err)
{
    static const char *const content[] = {"scripts", "font-face-decls", "automatic-styles", "body",
                                          NULL};
    static const char *const styles[] = {"font-face-decls", "styles", "automatic-styles",
                                         "master-styles", NULL};
    static const char *const meta[] = {"meta", NULL};
    xmlChar *mime = xmlGetNsProp(root, BAD_CAST GW_ODF_MIMETYPE, BAD_CAST GW_ODF_OFFICE_NS);
    xmlChar *version = xmlGetNsProp(root, BAD_CAST GW_ODF_VERSION, BAD_CAST GW_ODF_OFFICE_NS);
    gw_status s = GW_OK;
    if (!mime || !*mime || !version) {
        s = gw_fail(err, GW_ERR_STYLESHEET_FAILED, 0, 0,
                    "the stylesheet wrote an OpenDocument without office:mimetype or "
                    "office:version");
    } else {
        /* the mimetype entry comes first and is stored, so that the type can
         * be read at a fixed offset */
        s = add_entry(a, "mimetype", mime, strlen((const char *)mime), 1, err);
        if (s == GW_OK)
            s = odf_file(a, root, "content.xml", "document-content", content, err);
        if (s == GW_OK)
            s = odf_file(a, root, "styles.xml", "document-styles", styles, err);
        if (s == GW_OK)
            s = odf_file(a, root, "meta.xml", "document-meta", meta, err);
        xmlDoc *m = s == GW_OK ? odf_manifest((const char *)mime, (const char *)version) : NULL;
        if (s == GW_OK && !m)
            s = gw_fail_nomem(err);
        if (s == GW_OK)
            s = add_doc(a, "META-INF/manifest.xml", m, err);
        xmlFreeDoc(m);
    }
    xmlFree(mime);
    xmlFree(version);
    return s;
}

/* ---- the archive ------------------------------------------------------- */

/* Reads the whole of a closed in-memory archive into a malloc'ed buffer. */
static gw_status take_bytes(const gw_zip_api *z, zip_source_t *src, char **out, size_t *len,
                            gw_error *err)
{
    zip_stat_t st;
    if (z->source_open(src) < 0)
        return gw_fail(err, GW_ERR_NOMEM, 0, 0, "cannot read the package back");
    gw_status s = GW_OK;
    z->stat_init(&st);
    char *buf = NULL;
    if (z->source_stat(src, &st) < 0 || !(st.valid & ZIP_STAT_SIZE)) {
        s = gw_fail(err, GW_ERR_NOMEM, 0, 0, "cannot read the package back");
    } else if (!(buf = malloc(st.size ? st.size : 1))) {
        s = gw_fail_nomem(err);
    } else if (z->source_read(src, buf, st.size) != (zip_int64_t)st.size) {
        s = gw_fail(err, GW_ERR_NOMEM, 0, 0, "cannot read the package back");
    }
    z->source_close(src);
    if (s != GW_OK) {
        free(buf);
        return s;
    }
    *out = buf;
    *len = st.size;
    return GW_OK;
}

gw_status gw_package_zip(const xmlDoc *doc, char **out, size_t *len, gw_error *err)
{
    xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
    if (!gw_package_is(doc))
        return gw_fail(err, GW_ERR_STYLESHEET_FAILED, 0, 0,
                       "the stylesheet's result is not a package (pkg:package or "
                       "office:document)");
    const gw_zip_api *z = gw_zip_api_load(err);
    if (!z)
        return GW_ERR_BAD_SOURCE;
    zip_error_t ze;
    z->error_init(&ze);
    zip_source_t *src = z->source_buffer_create(NULL, 0, 0, &ze);
    zip_t *za = NULL;
    if (src) {
        /* the archive would free its source on close: the bytes are read
         * from it afterwards */
        z->source_keep(src);
        za = z->open_from_source(src, ZIP_TRUNCATE, &ze);
    }
    z->error_fini(&ze);
    if (!za) {
        z->source_free(src);
        return gw_fail(err, GW_ERR_NOMEM, 0, 0, "cannot create the package");
    }
    gw_xmlerr w;
    gw_xmlerr_begin(&w);
    archive a = {z, za, {NULL}, 0};
    gw_status s =
        is_named(root, GW_PKG_NS, GW_PKG_PACKAGE) ? zip_opc(&a, root, err) : zip_odf(&a, root, err);
    if (gw_xmlerr_end(&w) != GW_OK && s == GW_OK)
        s = gw_fail_nomem(err);
    if (s == GW_OK && z->close(za) < 0)
        s = gw_fail(err, GW_ERR_NOMEM, 0, 0, "cannot write the package: %s", z->strerror(za));
    else if (s == GW_OK)
        za = NULL;
    if (za)
        z->discard(za);
    for (size_t i = 0; i < a.ncopies; i++)
        free(a.copies[i]);
    if (s == GW_OK)
        s = take_bytes(z, src, out, len, err);
    z->source_free(src);
    return s;
}
