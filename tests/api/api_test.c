/* A program built the way a user of the installed library builds one:
 * only <gongwen.h> and `pkg-config --cflags --libs gongwen`. Compiled as C
 * and as C++ (tests/install.sh). Each step's result is checked, and the
 * program exits non-zero naming the first that failed. */
#include <gongwen.h>

#include <stdio.h>
#include <string.h>

static int fail(const char *what, const gw_error *err)
{
    fprintf(stderr, "api_test: %s: %s\n", what, err ? err->message : "wrong result");
    return 1;
}

int main(int argc, char **argv)
{
    if (argc != 2)
        return fail("usage: api_test XSLT_DIR", NULL);
    gw_init();
    gw_init(); /* a second call changes nothing */
    if (gw_version() != GW_VERSION_NUM || strcmp(gw_version_string(), GW_VERSION) != 0)
        return fail("the header's version is not the library's", NULL);
    static const char report[] = "关于测试的报告\n\n一、总体情况\n\n今年工作顺利。\n";
    gw_error err;
    memset(&err, 0, sizeof err);
    gw_text *text = gw_decode(report, sizeof report - 1, &err);
    if (!text)
        return fail("gw_decode", &err);
    if (strcmp(gw_text_encoding(text), "UTF-8") != 0)
        return fail("detected encoding", NULL);
    /* any source, as the command reads it: a web page's article */
    static const char page[] = "<!DOCTYPE html><html><body><div class=\"nav\">首页</div>"
                               "<div><p>一、总体情况</p><p>今年工作顺利，各项任务完成。</p></div>"
                               "</body></html>";
    gw_text *web = gw_read(page, sizeof page - 1, NULL, NULL, &err);
    if (!web)
        return fail("gw_read", &err);
    if (strncmp(gw_text_data(web), "一、总体情况\n", strlen("一、总体情况\n")) != 0)
        return fail("gw_read did not read the page's article", NULL);
    gw_text_free(web);
    if (gw_read(page, sizeof page - 1, "rtf", NULL, &err) || err.status != GW_ERR_USAGE)
        return fail("gw_read took an unknown format", NULL);
    gw_document *doc = gw_parse(text, "test.txt", &err);
    if (!doc)
        return fail("gw_parse", &err);
    char *xml = NULL;
    size_t len = 0;
    if (gw_serialize_xml(doc, &xml, &len, &err) != GW_OK)
        return fail("gw_serialize_xml", &err);
    if (!strstr(xml, "一、") || !strstr(xml, "今年工作顺利。"))
        return fail("the XML lost the text", NULL);
    gw_free(xml);
    gw_styles *st = gw_styles_new(argv[1], NULL, &err);
    if (!st)
        return fail("gw_styles_new", &err);
    char *html = NULL;
    if (gw_styles_prepare(st, "html", NULL, &err) != GW_OK ||
        gw_transform(st, "html", doc, NULL, 0, &html, &len, &err) != GW_OK)
        return fail("gw_transform", &err);
    if (!strstr(html, "<h") || !strstr(html, "总体情况"))
        return fail("the HTML has no heading", NULL);
    gw_free(html);
    if (gw_transform(st, "no-such-format", doc, NULL, 0, &html, &len, &err) !=
            GW_ERR_UNKNOWN_FORMAT ||
        strcmp(gw_status_name(err.status), "GW_ERR_UNKNOWN_FORMAT") != 0)
        return fail("an unknown format was accepted", NULL);
    gw_styles_free(st);

    /* the checker: findings as structs, messages in the language asked
     * for (the catalogue found beside the installed library) */
    static const char gap[] = "一、总则\n\n（一）第一项。\n\n（三）第三项。\n";
    gw_checker *ck = gw_checker_new();
    if (!ck || gw_checker_set_rule(ck, "whitespace", 0, &err) != GW_OK ||
        gw_checker_set_language(ck, "zh", &err) != GW_OK)
        return fail("gw_checker", &err);
    gw_diagnostics *d = gw_check_source(ck, gap, sizeof gap - 1, &err);
    if (!d)
        return fail("gw_check_source", &err);
    const gw_diagnostic *g = gw_diagnostics_get(d, 0);
    if (gw_diagnostics_count(d) != 1 || strcmp(g->rule, "numbering-gap") != 0 || g->line != 5 ||
        g->column != 1 || g->severity != GW_SEV_WARNING)
        return fail("gw_check_source found something else", NULL);
    if (!strstr(g->message, "此处应为"))
        return fail(g->message, NULL);
    gw_diagnostics_free(d);
    d = gw_check_document(NULL, text, doc, NULL, 0, &err);
    if (!d || gw_diagnostics_count(d) != 0)
        return fail("gw_check_document found faults in a sound report", &err);
    gw_diagnostics_free(d);
    gw_checker_free(ck);
    gw_document_free(doc);
    gw_text_free(text);
    puts("api_test: ok");
    return 0;
}
