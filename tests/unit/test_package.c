#include "package.h"
#include "suites.h"

#include <libxml/parser.h>
#include <zip.h>

#include <stdlib.h>
#include <string.h>

#define PKG "xmlns:pkg='http://schemas.microsoft.com/office/2006/xmlPackage'"
#define OFFICE "xmlns:office='urn:oasis:names:tc:opendocument:xmlns:office:1.0'"

static xmlDoc *xml(const char *s)
{
    xmlDoc *d = xmlReadMemory(s, (int)strlen(s), "test.xml", NULL, XML_PARSE_NONET);
    ck_assert_ptr_nonnull(d);
    return d;
}

/* Zips s (which must succeed) and opens the archive; *bytes to free. */
static zip_t *zipped(const char *s, char **bytes, size_t *len)
{
    xmlDoc *d = xml(s);
    gw_error err = {0};
    ck_assert_int_eq(gw_package_zip(d, bytes, len, &err), GW_OK);
    xmlFreeDoc(d);
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(*bytes, *len, 0, &ze);
    ck_assert_ptr_nonnull(src);
    zip_t *za = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
    ck_assert_ptr_nonnull(za);
    zip_error_fini(&ze);
    return za;
}

/* The text of entry name, malloc'ed. */
static char *entry(zip_t *za, const char *name)
{
    zip_stat_t st;
    ck_assert_int_eq(zip_stat(za, name, 0, &st), 0);
    char *buf = calloc(1, st.size + 1);
    zip_file_t *f = zip_fopen(za, name, 0);
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(zip_fread(f, buf, st.size), (zip_int64_t)st.size);
    zip_fclose(f);
    return buf;
}

static gw_status fails(const char *s, gw_error *err)
{
    xmlDoc *d = xml(s);
    char *out = NULL;
    size_t len = 0;
    gw_status st = gw_package_zip(d, &out, &len, err);
    xmlFreeDoc(d);
    ck_assert_ptr_null(out);
    return st;
}

START_TEST(flat_opc_becomes_parts_and_content_types)
{
    char *bytes;
    size_t len;
    zip_t *za = zipped("<pkg:package " PKG ">"
                       "<pkg:part pkg:name='/word/document.xml' pkg:contentType='text/x-doc'>"
                       "<pkg:xmlData><w:document xmlns:w='urn:w'><w:p>文</w:p></w:document>"
                       "</pkg:xmlData></pkg:part></pkg:package>",
                       &bytes, &len);
    ck_assert_int_eq(zip_get_num_entries(za, 0), 2);
    ck_assert_str_eq(zip_get_name(za, 0, 0), "[Content_Types].xml");
    char *types = entry(za, "[Content_Types].xml");
    ck_assert_ptr_nonnull(
        strstr(types, "<Override PartName=\"/word/document.xml\" ContentType=\"text/x-doc\"/>"));
    char *doc = entry(za, "word/document.xml");
    /* the part is its own document: declaration, namespace, no pkg: */
    ck_assert_ptr_nonnull(strstr(doc, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
    ck_assert_ptr_nonnull(strstr(doc, "<w:document xmlns:w=\"urn:w\"><w:p>文</w:p></w:document>"));
    ck_assert_ptr_null(strstr(doc, "pkg"));
    free(types);
    free(doc);
    zip_close(za);
    free(bytes);
}
END_TEST

START_TEST(flat_odf_is_split_with_mimetype_first_and_stored)
{
    char *bytes;
    size_t len;
    zip_t *za = zipped("<office:document " OFFICE " office:version='1.2'"
                       " office:mimetype='application/vnd.oasis.opendocument.text'>"
                       "<office:meta/><office:styles/><office:automatic-styles/>"
                       "<office:master-styles/><office:body><office:text/></office:body>"
                       "</office:document>",
                       &bytes, &len);
    ck_assert_str_eq(zip_get_name(za, 0, 0), "mimetype");
    zip_stat_t st;
    ck_assert_int_eq(zip_stat_index(za, 0, 0, &st), 0);
    ck_assert_int_eq(st.comp_method, ZIP_CM_STORE);
    /* readable at the fixed offset 38 of the file, as ODF requires */
    ck_assert_int_eq(memcmp(bytes + 30, "mimetypeapplication/vnd.oasis.opendocument.text", 47), 0);
    char *content = entry(za, "content.xml");
    ck_assert_ptr_nonnull(strstr(content, "<office:document-content"));
    ck_assert_ptr_nonnull(strstr(content, "office:version=\"1.2\""));
    ck_assert_ptr_nonnull(strstr(content, "<office:body>"));
    ck_assert_ptr_null(strstr(content, "office:styles"));
    char *styles = entry(za, "styles.xml");
    ck_assert_ptr_nonnull(strstr(styles, "<office:styles/>"));
    ck_assert_ptr_nonnull(strstr(styles, "<office:master-styles/>"));
    ck_assert_ptr_null(strstr(styles, "office:body"));
    char *manifest = entry(za, "META-INF/manifest.xml");
    ck_assert_ptr_nonnull(strstr(manifest, "manifest:full-path=\"content.xml\""));
    free(content);
    free(styles);
    free(manifest);
    zip_close(za);
    free(bytes);
}
END_TEST

START_TEST(same_document_same_bytes)
{
    const char *s = "<pkg:package " PKG "><pkg:part pkg:name='/a.xml' pkg:contentType='t'>"
                    "<pkg:xmlData><a/></pkg:xmlData></pkg:part></pkg:package>";
    char *b1, *b2;
    size_t n1, n2;
    zip_t *z1 = zipped(s, &b1, &n1);
    zip_t *z2 = zipped(s, &b2, &n2);
    ck_assert_uint_eq(n1, n2);
    ck_assert_int_eq(memcmp(b1, b2, n1), 0);
    zip_close(z1);
    zip_close(z2);
    free(b1);
    free(b2);
}
END_TEST

START_TEST(bad_descriptions_are_errors)
{
    gw_error err = {0};
    ck_assert_int_eq(fails("<report/>", &err), GW_ERR_STYLESHEET_FAILED);
    ck_assert_int_eq(fails("<pkg:package " PKG "/>", &err), GW_ERR_STYLESHEET_FAILED);
    ck_assert_ptr_nonnull(strstr(err.message, "no parts"));
    ck_assert_int_eq(fails("<pkg:package " PKG "><pkg:part pkg:name='/a.xml'>"
                           "<pkg:xmlData><a/></pkg:xmlData></pkg:part></pkg:package>",
                           &err),
                     GW_ERR_STYLESHEET_FAILED);
    ck_assert_ptr_nonnull(strstr(err.message, "content type"));
    ck_assert_int_eq(fails("<office:document " OFFICE " office:version='1.2'/>", &err),
                     GW_ERR_STYLESHEET_FAILED);
    ck_assert_ptr_nonnull(strstr(err.message, "mimetype"));
}
END_TEST

Suite *package_suite(void)
{
    Suite *s = suite_create("package");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, flat_opc_becomes_parts_and_content_types);
    tcase_add_test(tc, flat_odf_is_split_with_mimetype_first_and_stored);
    tcase_add_test(tc, same_document_same_bytes);
    tcase_add_test(tc, bad_descriptions_are_errors);
    suite_add_tcase(s, tc);
    return s;
}
