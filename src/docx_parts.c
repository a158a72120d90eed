/* A .docx is a ZIP package of XML parts: read through libzip, with bounds
 * on what is decompressed, since the sizes in a ZIP are the sender's word. */
#include "docx.h"
#include "xmlerr.h"
#include "zip_api.h"

#include <errno.h>

#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

/* The largest part read (the text of a report is a few MB of XML), and how
 * many times its compressed size a part may grow: XML compresses some
 * 10:1, a zip bomb by thousands. */
#define PART_MAX (64UL << 20)
#define RATIO_MAX 200
/* Parts this small may have any ratio (an empty header compresses well). */
#define RATIO_FREE (1UL << 20)

struct gw_package {
    const gw_zip_api *z;
    zip_t *zip;
};

static int climbs_out(const char *name)
{
    if (name[0] == '/' || name[0] == '\\' || strstr(name, "..\\"))
        return 1;
    for (const char *s = name; (s = strstr(s, "..")); s += 2)
        if ((s == name || s[-1] == '/') && (s[2] == '/' || s[2] == '\0'))
            return 1;
    return 0;
}

gw_package *gw_package_open(const char *bytes, size_t len, gw_error *err)
{
    const gw_zip_api *zf = gw_zip_api_load(err);
    if (!zf)
        return NULL;
    zip_error_t ze;
    zf->error_init(&ze);
    errno = 0;
    zip_source_t *src = zf->source_buffer_create(bytes, len, 0, &ze);
    zip_t *z = src ? zf->open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze) : NULL;
    if (!z) {
        /* libzip reports some failed allocations as the read that needed them */
        int nomem = zf->error_code_zip(&ze) == ZIP_ER_MEMORY || errno == ENOMEM;
        if (src)
            zf->source_free(src);
        zf->error_fini(&ze);
        if (nomem)
            gw_fail(err, GW_ERR_NOMEM, 0, 0, "out of memory");
        else
            gw_fail(err, GW_ERR_BAD_SOURCE, 0, 0,
                    "a damaged Word document (its ZIP package cannot be read)");
        return NULL;
    }
    zf->error_fini(&ze);
    zip_int64_t n = zf->get_num_entries(z, 0);
    for (zip_int64_t i = 0; i < n; i++) {
        const char *name = zf->get_name(z, (zip_uint64_t)i, ZIP_FL_ENC_RAW);
        if (!name || climbs_out(name)) {
            gw_fail(err, GW_ERR_BAD_SOURCE, 0, 0,
                    "an unsafe Word document: refused (an entry named '%s')", name ? name : "?");
            zf->discard(z); /* after the message: it owns name */
            return NULL;
        }
    }
    gw_package *p = malloc(sizeof *p);
    if (!p) {
        zf->discard(z);
        gw_fail(err, GW_ERR_NOMEM, 0, 0, "out of memory");
        return NULL;
    }
    p->z = zf;
    p->zip = z;
    return p;
}

void gw_package_close(gw_package *p)
{
    if (!p)
        return;
    p->z->discard(p->zip);
    free(p);
}

size_t gw_package_count(gw_package *p)
{
    zip_int64_t n = p->z->get_num_entries(p->zip, 0);
    return n > 0 ? (size_t)n : 0;
}

const char *gw_package_name(gw_package *p, size_t i)
{
    return p->z->get_name(p->zip, i, ZIP_FL_ENC_RAW);
}

/* The bytes of entry i, at most its stated size; NULL with err set. */
static char *read_entry(gw_package *p, zip_uint64_t i, const char *name, size_t *len, gw_error *err)
{
    zip_stat_t st;
    if (p->z->stat_index(p->zip, i, 0, &st) < 0 || !(st.valid & ZIP_STAT_SIZE) ||
        !(st.valid & ZIP_STAT_COMP_SIZE)) {
        gw_fail(err, GW_ERR_BAD_SOURCE, 0, 0, "a damaged Word document (%s)", name);
        return NULL;
    }
    if (st.size > PART_MAX || (st.size > RATIO_FREE && st.size / RATIO_MAX > st.comp_size)) {
        gw_fail(err, GW_ERR_BAD_SOURCE, 0, 0,
                "refused: %s would decompress to %llu bytes from %llu (a zip bomb?)", name,
                (unsigned long long)st.size, (unsigned long long)st.comp_size);
        return NULL;
    }
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) {
        gw_fail(err, GW_ERR_BAD_SOURCE, 0, 0,
                "an encrypted Word document: remove the password and save it again as .docx");
        return NULL;
    }
    char *buf = malloc((size_t)st.size + 1);
    if (!buf) {
        gw_fail(err, GW_ERR_NOMEM, 0, 0, "out of memory");
        return NULL;
    }
    errno = 0;
    zip_file_t *f = p->z->fopen_index(p->zip, i, 0);
    zip_int64_t got = f ? p->z->fread(f, buf, st.size) : -1;
    char extra;
    /* libzip stops at the stated size and checks the CRC at the end */
    if (got != (zip_int64_t)st.size || (f && p->z->fread(f, &extra, 1) != 0)) {
        int nomem = errno == ENOMEM;
        if (f)
            p->z->fclose(f);
        free(buf);
        if (nomem)
            gw_fail(err, GW_ERR_NOMEM, 0, 0, "out of memory");
        else
            gw_fail(err, GW_ERR_BAD_SOURCE, 0, 0, "a damaged Word document (%s cannot be unpacked)",
                    name);
        return NULL;
    }
    p->z->fclose(f);
    buf[st.size] = '\0';
    *len = (size_t)st.size;
    return buf;
}

xmlDocPtr gw_package_xml(gw_package *p, const char *name, int *missing, gw_error *err)
{
    *missing = 0;
    zip_int64_t i = p->z->name_locate(p->zip, name, 0);
    if (i < 0) {
        *missing = 1;
        return NULL;
    }
    size_t len = 0;
    char *buf = read_entry(p, (zip_uint64_t)i, name, &len, err);
    if (!buf)
        return NULL;
    if (len > (size_t)0x7fffffff) {
        free(buf);
        gw_fail(err, GW_ERR_BAD_SOURCE, 0, 0, "refused: %s is too large", name);
        return NULL;
    }
    gw_xmlerr w;
    gw_xmlerr_begin(&w);
    w.quiet = 1; /* a part that does not parse is refused below in one line */
    xmlDocPtr d = xmlReadMemory(buf, (int)len, name, NULL,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    free(buf);
    if (gw_xmlerr_end(&w)) {
        xmlFreeDoc(d);
        gw_fail(err, GW_ERR_NOMEM, 0, 0, "out of memory");
        return NULL;
    }
    if (!d || !xmlDocGetRootElement(d)) {
        xmlFreeDoc(d);
        gw_fail(err, GW_ERR_BAD_SOURCE, 0, 0, "a damaged Word document (%s is not well-formed XML)",
                name);
        return NULL;
    }
    return d;
}

/* ---- WordprocessingML helpers ---------------------------------------------- */

int gw_w_is(const xmlNode *node, const char *local)
{
    return node && node->type == XML_ELEMENT_NODE && node->ns && node->ns->href &&
           strstr((const char *)node->ns->href, "wordprocessingml") &&
           !strcmp((const char *)node->name, local);
}

const char *gw_w_attr(const xmlNode *node, const char *local)
{
    for (const xmlAttr *a = node ? node->properties : NULL; a; a = a->next)
        if (!strcmp((const char *)a->name, local) && a->children &&
            a->children->type == XML_TEXT_NODE)
            return (const char *)a->children->content;
    return NULL;
}

xmlNode *gw_w_child(const xmlNode *node, const char *local)
{
    for (xmlNode *c = node ? node->children : NULL; c; c = c->next)
        if (gw_w_is(c, local))
            return c;
    return NULL;
}
