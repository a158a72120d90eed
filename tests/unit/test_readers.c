#include "suites.h"
#include "hints.h"
#include "readers.h"
#include "rlines.h"

#include <stdlib.h>
#include <string.h>

static gw_from sniff(const char *s, size_t len)
{
    gw_error err = {0};
    gw_from f = gw_sniff(s, len, 0, &err);
    if (f == GW_FROM_AUTO)
        ck_assert_int_eq(err.status, GW_ERR_BAD_SOURCE);
    return f;
}

/* sniff of a string without NUL bytes */
static gw_from sniff_str(const char *s)
{
    return sniff(s, strlen(s));
}

START_TEST(sniff_by_content)
{
    ck_assert_int_eq(sniff_str("%PDF-1.7\n"), GW_FROM_PDF);
    ck_assert_int_eq(sniff_str("\xEF\xBB\xBF  <!doctype HTML><p>"), GW_FROM_HTML);
    ck_assert_int_eq(sniff_str("<!-- saved -->\n<HTML lang=zh>"), GW_FROM_HTML);
    ck_assert_int_eq(sniff_str("<?xml version=\"1.0\"?><html>"), GW_FROM_HTML);
    ck_assert_int_eq(sniff_str("<htmlx>一、总则"), GW_FROM_TEXT);
    ck_assert_int_eq(sniff_str("一、总则\n"), GW_FROM_TEXT);
    ck_assert_int_eq(sniff_str("PK\003\004....word/document.xml"), GW_FROM_DOCX);
    ck_assert_int_eq(sniff_str("PK\003\004....xl/workbook.xml"), GW_FROM_AUTO);
    /* UTF-16 with its BOM is text; NUL bytes without one are binary */
    ck_assert_int_eq(sniff("\xFF\xFE\x00\x4E\x01\x30", 6), GW_FROM_TEXT);
    ck_assert_int_eq(sniff("ab\0\0cd\0\0", 8), GW_FROM_AUTO);
    gw_error err = {0};
    ck_assert_int_eq(gw_sniff("ab\0\0cd\0\0", 8, 1, &err), GW_FROM_TEXT);
}
END_TEST

static int md(const char *s)
{
    return gw_looks_markdown(s, strlen(s));
}

/* Markdown is told by its marks, often enough that plain text would not
 * have them by chance */
START_TEST(markdown_by_its_marks)
{
    /* bold: pandoc writes a Word file's bold leads and headings so, after
     * an indent, a dash, or mid-line */
    ck_assert(
        md("**一、总体要求**\n\n\u3000\u3000**持续抓链条强集群。**实施\n\n——**向新而行。**全\n"));
    ck_assert(md("**2025年重庆市政府工作报告**\n\n一、总体要求\n")); /* a bold title */
    ck_assert(md("# 标题\n\n## 一、总体要求\n"));
    ck_assert(!md("# 2024年政府工作报告\n\n一、总体要求\n")); /* a scraped title line */
    ck_assert(!md("#1 标题\n#2 标题\n"));
    ck_assert(md("| 指标 | 单位 |\n|---|:--:|\n| 地区生产总值 | 亿元 |\n"));
    /* a row of dashes alone, ** with nothing bold, a fill-in blank */
    ck_assert(!md("---\ntitle: x\n---\n"));
    ck_assert(!md("a ** b\nc ** d\ne ** f\n"));
    ck_assert(!md("____年____月\n____年____月\n____年____月\n"));
    ck_assert(!md("一、总体要求\n（一）持续抓链条强集群。实施…\n"));
}
END_TEST

START_TEST(refusals_say_what_it_is)
{
    static const char ole2[] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
    char doc[64] = {0}, enc[64] = {0};
    memcpy(doc, ole2, 8);
    memcpy(enc, ole2, 8);
    const char *name = "EncryptedPackage";
    for (size_t i = 0; name[i]; i++)
        enc[20 + 2 * i] = name[i]; /* its directory entry, UTF-16LE */
    gw_error err = {0};
    ck_assert_int_eq(gw_sniff(doc, sizeof doc, 0, &err), GW_FROM_AUTO);
    ck_assert_ptr_nonnull(strstr(err.message, "save it as .docx"));
    ck_assert_int_eq(gw_sniff(enc, sizeof enc, 0, &err), GW_FROM_AUTO);
    ck_assert_ptr_nonnull(strstr(err.message, "encrypted"));
    ck_assert_int_eq(gw_sniff("\x89PNG\r\n\x1a\n....", 12, 0, &err), GW_FROM_AUTO);
    ck_assert_ptr_nonnull(strstr(err.message, "PNG"));
    ck_assert_int_eq(gw_sniff("\x7f"
                              "ELF\2\1\1",
                              7, 0, &err),
                     GW_FROM_AUTO);
    ck_assert_ptr_nonnull(strstr(err.message, "program"));
}
END_TEST

/* A reader's text with hints, parsed. */
static gw_document *parse_hinted(const char *s, gw_hint *h, size_t n)
{
    gw_error err = {0};
    gw_hint *copy = malloc(n * sizeof *copy);
    ck_assert_ptr_nonnull(copy);
    memcpy(copy, h, n * sizeof *copy);
    gw_text *t = gw_text_from_reader(s, strlen(s), GW_FROM_DOCX, copy, n, &err);
    ck_assert_ptr_nonnull(t);
    gw_document *d = gw_parse(t, NULL, &err);
    ck_assert_ptr_nonnull(d);
    gw_text_free(t);
    return d;
}

/* The decision every reader makes of a line's bold opening: a lead unless
 * a marker opens it or it holds the whole line. */
static long opening(const char *line, const char *bold)
{
    size_t first = strspn(line, " "), end = strlen(line);
    return gw_rl_opening_lead(line, 0, first, first + strlen(bold), end);
}

START_TEST(bold_openings_decide_alike)
{
    ck_assert_int_eq(opening("  扩大内需。推进", "扩大内需。"), (long)strlen("  扩大内需。"));
    ck_assert_int_eq(opening("一、总体要求。推进", "一、总体要求。"), GW_LEAD_GUESS);
    ck_assert_int_eq(opening("专栏1 重大工程 推进", "专栏1 重大工程"), GW_LEAD_GUESS);
    ck_assert_int_eq(opening("——向新而行。全力", "——向新而行。"), GW_LEAD_GUESS);
    ck_assert_int_eq(opening("名词解释：", "名词解释："), GW_LEAD_GUESS);
    /* the whole line but for 。 and spaces: for the reader to place */
    ck_assert_int_eq(opening("扩大内需。 ", "扩大内需"), 0);
    ck_assert_int_eq(opening("扩大内需", "扩大内需"), 0);
}
END_TEST

START_TEST(hints_decide_leads)
{
    /* the guesser takes line 2's first sentence as a lead, not line 3's
     * long one; the hints say the opposite, and are trusted */
    const char *s = "一、总则\n"
                    "持续抓链条强集群。实施制造业高质量发展三年行动。\n"
                    "全面推进城乡建设和乡村振兴战略深入实施并取得实效，全年新增就业六万人以上。\n";
    const char *lead3 = "全面推进城乡建设和乡村振兴战略深入实施并取得实效，";
    gw_hint h[3] = {{GW_LEAD_GUESS, 0, 0, 0}, {0, 0, 0, 0}, {(long)strlen(lead3), 0, 0, 0}};
    gw_document *d = parse_hinted(s, h, 3);
    ck_assert_int_eq(xpath_count(d, "//g:p[@line=2]/g:lead"), 0);
    char *lead = xpath_string(d, "string(//g:p[@line=3]/g:lead)");
    ck_assert_str_eq(lead, lead3);
    free(lead);
    char *format = xpath_string(d, "string(/g:report/@format)");
    ck_assert_str_eq(format, "docx");
    free(format);
    gw_document_free(d);
    /* without hints the same text is guessed as ever */
    d = parse_string(s);
    ck_assert_int_eq(xpath_count(d, "//g:p[@line=2]/g:lead"), 1);
    ck_assert_int_eq(xpath_count(d, "/g:report/@format"), 0);
    gw_document_free(d);
}
END_TEST

START_TEST(hints_make_tables_and_furniture)
{
    /* two cells a row would never be guessed a table (three are needed) */
    const char *s = "一、总则\n指标\t目标\n增长\t5%\n扬州市人民政府\n";
    gw_hint h[4] = {{GW_LEAD_GUESS, 0, 0, 0},
                    {0, GW_HINT_TABLE_FIRST, 0, 0},
                    {0, GW_HINT_TABLE_ROW, 0, 0},
                    {0, 0, 1, 0}};
    gw_document *d = parse_hinted(s, h, 4);
    ck_assert_int_eq(xpath_count(d, "//g:table//g:row"), 2);
    ck_assert_int_eq(xpath_count(d, "//g:page[@line=4]"), 1);
    gw_document_free(d);
    d = parse_string(s);
    ck_assert_int_eq(xpath_count(d, "//g:table"), 0);
    gw_document_free(d);
}
END_TEST

/* A PDF's printed lines: the page above ended early, so the first line of
 * the next that is no furniture starts a paragraph, though the line before
 * the page number filled the measure */
START_TEST(hints_start_a_paragraph_after_a_page_that_ended_early)
{
    const char *s = "一、总则\n"
                    "全面落实耕地保护和粮食安全责任制，推进高标准农田建设，强化盐碱\n"
                    "地综合利用，推广农业社会化服务，粮食总产量稳定在七十三亿斤以上\n"
                    "，推进公交带货进村、农副产品搭便车进城，完善农村电商冷链设施。\n"
                    "— 7 —\n"
                    "加快建设宜居宜业和美乡村。高标准编制村庄规划，持续实施乡村建设\n"
                    "和农村人居环境整治提升行动，改善农房三千户，改造农村户厕十万户\n"
                    "。\n";
    gw_hint h[8];
    for (int i = 0; i < 8; i++)
        h[i] = (gw_hint){GW_LEAD_GUESS, 0, 0, GW_PRINTED_LINE};
    h[5].printed = GW_PRINTED_GOES_ON; /* the line above the page number filled the measure */
    gw_document *d = parse_hinted(s, h, 8);
    ck_assert_int_eq(xpath_count(d, "//g:p[@line=6]"), 0);
    gw_document_free(d);
    /* the page ended early: marked on its first line, the page number */
    h[4].printed = GW_PRINTED_STARTS;
    d = parse_hinted(s, h, 8);
    ck_assert_int_eq(xpath_count(d, "//g:p[@line=6]"), 1);
    ck_assert_int_eq(xpath_count(d, "//g:page[@line=5]"), 1);
    gw_document_free(d);
}
END_TEST

Suite *readers_suite(void)
{
    Suite *s = suite_create("readers");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, sniff_by_content);
    tcase_add_test(tc, refusals_say_what_it_is);
    tcase_add_test(tc, markdown_by_its_marks);
    tcase_add_test(tc, hints_start_a_paragraph_after_a_page_that_ended_early);
    tcase_add_test(tc, hints_decide_leads);
    tcase_add_test(tc, hints_make_tables_and_furniture);
    tcase_add_test(tc, bold_openings_decide_alike);
    suite_add_tcase(s, tc);
    return s;
}
