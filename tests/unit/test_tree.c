#include "suites.h"
#include "xmlerr.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void expect_string(const gw_document *d, const char *xpath, const char *want)
{
    char *got = xpath_string(d, xpath);
    ck_assert_msg(strcmp(got, want) == 0, "%s = '%s', want '%s'", xpath, got, want);
    free(got);
}

static void expect_lossless(const char *src)
{
    gw_document *d = parse_string(src);
    char *a = doc_text_compact(d), *b = source_text_compact(src, strlen(src));
    ck_assert_str_eq(a, b);
    free(a);
    free(b);
    gw_document_free(d);
}

START_TEST(depth_follows_order_of_families)
{
    gw_document *d = parse_string("一、回顾\n（一）经济。正文。\n一是稳。正文。\n二是进。正文。\n"
                                  "（二）产业。正文。\n二、任务\n一是直接在部分下。正文。\n");
    ck_assert_int_eq(xpath_count(d, "/g:report/g:body/g:section"), 2);
    ck_assert_int_eq(xpath_count(d, "//g:section[@id='s1.1.2' and @family='shi' and @n='2']"), 1);
    ck_assert_int_eq(xpath_count(d, "//g:section[@id='s1.2' and @family='cn-paren']"), 1);
    /* 一是 under 二、 with no （一） between: the family is not open, so it
     * goes one level below the part */
    ck_assert_int_eq(xpath_count(d, "//g:section[@id='s2.1' and @family='shi']"), 1);
    expect_string(d, "//g:section[@id='s1.1']/g:title", "（一）经济。");
    expect_string(d, "//g:section[@id='s1.1']/g:title/g:num", "（一）");
    expect_string(d, "//g:section[@id='s1.1']/@runin", "true");
    expect_string(d, "//g:section[@id='s1.1']/g:p", "正文。");
    gw_document_free(d);
}
END_TEST

/* Text copied from a PDF whose fonts map glyphs to the Kangxi and CJK
 * radicals (⼀ U+2F00 for 一, ⼯ U+2F2F for 工, ⺠ U+2EA0 for 民) reads as
 * what it shows; the tree keeps the radicals, as the text has them, at
 * the same columns. */
START_TEST(radicals_read_as_the_ideographs_they_show)
{
    gw_document *d = parse_string("2025年⼈⺠政府⼯作报告\n各位代表：\n⼀、2024年⼯作回顾\n"
                                  "（⼀）经济运⾏稳中有进。正⽂。\n⼆、2025年⼯作安排\n");
    ck_assert_int_eq(xpath_count(d, "/g:report/g:front/g:title"), 1);
    ck_assert_int_eq(xpath_count(d, "/g:report/g:body/g:section[@family='cn']"), 2);
    expect_string(d, "//g:section[@id='s1']/g:title", "⼀、2024年⼯作回顾");
    expect_string(d, "//g:section[@id='s1.1']/g:title/g:num", "（⼀）");
    expect_string(d, "//g:section[@id='s2']/@n", "2");
    expect_string(d, "/g:report/g:front/g:title", "2025年⼈⺠政府⼯作报告");
    gw_document_free(d);
}
END_TEST

START_TEST(address_closes_to_top_level)
{
    gw_document *d =
        parse_string("一、任务\n（一）产业。正文。\n各位代表，今年任务很重。我们要干。\n"
                     "强化社会治理。推进全过程人民民主。\n");
    /* the address and the lead after it belong to the part, not to （一） */
    ck_assert_int_eq(xpath_count(d, "/g:report/g:body/g:section/g:p[@role='address']"), 1);
    ck_assert_int_eq(xpath_count(d, "/g:report/g:body/g:section/g:p/g:lead"), 1);
    gw_document_free(d);
}
END_TEST

START_TEST(preface_is_closed_by_first_chapter)
{
    gw_document *d = parse_string("序言\n正文。\n第一章 总则\n第一节 基础\n正文。\n");
    ck_assert_int_eq(xpath_count(d, "/g:report/g:body/g:section"), 2);
    ck_assert_int_eq(xpath_count(d, "/g:report/g:body/g:section[@family='zhang']/g:section"), 1);
    gw_document_free(d);
}
END_TEST

START_TEST(unnumbered_title_fills_a_numbering_gap)
{
    gw_document *d =
        parse_string("第八章\n优化社会治理环境\n引言段落，很长很长。\n加强民主法治建设\n"
                     "坚定不移走中国特色社会主义法治道路。\n第二节 推动社会信用建设\n");
    ck_assert_int_eq(
        xpath_count(d, "//g:section[@family='zhang']/g:section[@family='jie' and @n='1' and "
                       "@inferred='true' and @line='4']"),
        1);
    ck_assert_int_eq(xpath_count(d, "//g:section[@family='zhang']/g:section"), 2);
    gw_document_free(d);
}
END_TEST

START_TEST(short_line_without_gap_stays_a_paragraph)
{
    gw_document *d = parse_string("第一节 总则\n加强民主法治建设\n正文。\n第二节 其他\n");
    ck_assert_int_eq(xpath_count(d, "//g:section"), 2);
    gw_document_free(d);
}
END_TEST

/* Parts without numbers: two short title lines, no 一、 anywhere, the first
 * before any heading. A report with 一、 keeps such a line a paragraph. */
START_TEST(unnumbered_parts_of_a_report)
{
    gw_document *d = parse_string(
        "2024年工作回顾\n2024年是新中国成立75周年，是实现“十四五”规划目标任务的关键之年。\n"
        "一是稳定态势持续向好。牢固树立总体国家安全观。\n二是发展动能不断增强。完成投资。\n"
        "2025年工作安排\n今年是“十四五”规划收官之年，也是本届政府承上启下之年。\n"
        "（一）坚决维护社会和谐稳定。扎实推进中华民族共同体建设。\n");
    ck_assert_int_eq(
        xpath_count(d, "/g:report/g:body/g:section[@family='cn' and @inferred='true']"), 2);
    ck_assert_int_eq(xpath_count(d, "/g:report/g:body/g:section[@n='1']/g:section[@family='shi']"),
                     2);
    ck_assert_int_eq(
        xpath_count(d, "/g:report/g:body/g:section[@n='2']/g:section[@family='cn-paren']"), 1);
    gw_document_free(d);
    d = parse_string("一、2024年工作回顾\n2024年是新中国成立75周年，是实现规划目标的关键之年。\n"
                     "主要经济指标完成情况\n全年地区生产总值增长6.3%，固定资产投资增长19.6%。\n"
                     "今后工作打算\n今年是“十四五”规划收官之年，也是承上启下之年。\n");
    ck_assert_int_eq(xpath_count(d, "//g:section"), 1);
    gw_document_free(d);
}
END_TEST

START_TEST(dash_items_group_into_one_list)
{
    gw_document *d =
        parse_string("——经济发展稳中有进。预计增长。\n——产业结构优化升级。工业。\n正文。\n"
                     "——另一组。内容。\n");
    ck_assert_int_eq(xpath_count(d, "//g:list[@type='dash']"), 2);
    ck_assert_int_eq(xpath_count(d, "//g:list[1]/g:item"), 2);
    expect_string(d, "//g:list[1]/g:item[1]/g:lead", "经济发展稳中有进。");
    expect_string(d, "//g:list[1]/g:item[1]/g:num", "——");
    gw_document_free(d);
}
END_TEST

START_TEST(table_with_category_groups)
{
    gw_document *d =
        parse_string("主要指标\n\n\t分类\n\t指标\n\t2020年\n\t属性\n\n"
                     "\t经\n济\n\t总值\n\t653\n\t预期性\n\n\t\n\t效率\n\t≥80\n\t约束性\n\n"
                     "\t民\n生\n\t收入\n\t—\n\t预期性\n");
    ck_assert_int_eq(xpath_count(d, "//g:table[@line='1']/g:caption"), 1);
    ck_assert_int_eq(xpath_count(d, "//g:thead/g:row/g:cell"), 4);
    ck_assert_int_eq(xpath_count(d, "//g:tbody/g:group"), 2);
    expect_string(d, "//g:group[1]/g:category", "经济");
    ck_assert_int_eq(xpath_count(d, "//g:group[1]/g:row"), 2);
    ck_assert_int_eq(xpath_count(d, "//g:cell[@type='number' and @value='653']"), 1);
    ck_assert_int_eq(xpath_count(d, "//g:cell[@type='compare' and @op='ge' and @value='80']"), 1);
    ck_assert_int_eq(xpath_count(d, "//g:cell[@type='none']"), 1);
    gw_document_free(d);
}
END_TEST

/* 表1 labels a caption as 专栏1 labels a box; 表彰… is a word */
START_TEST(caption_label_is_num)
{
    gw_document *d = parse_string("表3-1　主要指标\n指标\t2020年\t2025年\n总值\t653\t800\n\n"
                                  "表彰奖励情况\n类别\t人数\t比例\n先进\t12\t3%\n");
    expect_string(d, "//g:table[1]/g:caption/g:num", "表3-1");
    ck_assert_int_eq(xpath_count(d, "//g:table[2]/g:caption"), 1);
    ck_assert_int_eq(xpath_count(d, "//g:table[2]/g:caption/g:num"), 0);
    gw_document_free(d);
}
END_TEST

START_TEST(controls_map_to_ctl_elements)
{
    gw_document *d = parse_string("a\001b\013c\n");
    expect_string(d, "//g:ctl[1]/@cp", "0001");
    expect_string(d, "//g:ctl[1]", "␁");
    expect_string(d, "//g:ctl[2]/@cp", "000B");
    expect_string(d, "//g:ctl[2]", "");
    gw_document_free(d);
}
END_TEST

START_TEST(lossless_on_odd_inputs)
{
    expect_lossless("");
    expect_lossless("\n\n\n");
    expect_lossless("  \t \r\n　\n");
    expect_lossless("一、\n（一）\n第三章\n\n——\n专栏：\n名词解释\n附件1\n");
    expect_lossless("各位代表：\n政府工作报告\n\t\n\t\n\t\n\t\n\t\n");
    expect_lossless("a\001b\013c\x7f\n");
    expect_lossless("第三章\n\n标题\n\n第三章\n");
    expect_lossless("\t1\n\t2\n\t3\n\t4\n经\n\n\n济\n");
    /* page lines inside a hard-wrapped run-in title and paragraph */
    expect_lossless("（一）创新宏观调控，保持经济运行在合理区间。面对贸易保\n"
                    "— 2 —\n护主义抬头、疫情冲击等风险挑战，我们坚持不搞大水漫灌，\n"
                    "实施好积极的财政政策，累计新增减税降费超过十万亿，有效\n"
                    "激发了市场主体活力，稳住了宏观经济大盘，经济运行总体\n"
                    "平稳，发展质量稳步提升，城镇新增就业持续保持较高水平，\n"
                    "— 3 —\n"
                    "居民收入增长与经济增长基本同步。\n");
}

START_TEST(table_of_contents_is_not_headings)
{
    gw_document *d =
        parse_string("目  录\n第一篇　开启新征程\n第一章　发展环境……………3\n"
                     "第二章　指导方针 5\n第二篇　坚持创新驱动发展\n\n第一篇　开启新征程\n"
                     "第一章　发展环境\n正文。\n");
    ck_assert_int_eq(xpath_count(d, "/g:report/g:body/g:toc/g:entry"), 4);
    ck_assert_int_eq(xpath_count(d, "//g:section"), 2);
    ck_assert_int_eq(xpath_count(d, "//g:section[@line='7' and @family='pian']"), 1);
    gw_document_free(d);
}
END_TEST

/* 第一节 is listed again under each chapter; the text begins at the first
 * marker repeated at its own level */
START_TEST(multi_level_contents)
{
    gw_document *d = parse_string("目录\n第一章　发展基础\t2\n第一节　成就\t2\n第二节　环境\t5\n"
                                  "第二章　总体要求\t7\n第一节　指导思想\t7\n\n"
                                  "第一章　发展基础\n第一节　成就\n正文。\n");
    ck_assert_int_eq(xpath_count(d, "/g:report/g:body/g:toc/g:entry"), 5);
    ck_assert_int_eq(xpath_count(d, "//g:section"), 2);
    ck_assert_int_eq(xpath_count(d, "//g:section[@line='8' and @family='zhang']"), 1);
    gw_document_free(d);
}
END_TEST

/* a PDF or OCR copy runs the contents together: 目录 and the first
 * entries on one line, several chapters on the next, each after its page
 * number; none of them is a heading */
START_TEST(contents_run_together)
{
    gw_document *d = parse_string("目录序言……1第一篇指导思想……2第一章发展基础……2\n"
                                  "第二章指导思想……5第二篇创新驱动……12\n\n"
                                  "序言\n正文。\n第一篇指导思想\n第一章发展基础\n正文。\n");
    expect_string(d, "/g:report/g:body/g:toc/g:title", "目录");
    ck_assert_int_eq(xpath_count(d, "/g:report/g:body/g:toc/g:entry"), 5);
    expect_string(d, "/g:report/g:body/g:toc/g:entry[4]", "第二章指导思想……5");
    ck_assert_int_eq(xpath_count(d, "//g:section"), 3);
    ck_assert_int_eq(xpath_count(d, "//g:section[@line='4' and @family='preface']"), 1);
    gw_document_free(d);
    /* without leaders, spaces between; a line of prose opening with 目录 stays prose */
    d = parse_string("目  录 序言 1 第一章 发展基础 2\n\n序言\n\n正文。\n\n"
                     "第一章 发展基础\n\n目录清单管理全面推行，第一批12项。\n");
    ck_assert_int_eq(xpath_count(d, "/g:report/g:body/g:toc/g:entry"), 2);
    ck_assert_int_eq(xpath_count(d, "//g:section"), 2);
    ck_assert_int_eq(xpath_count(d, "//g:p[@line='9']"), 1);
    gw_document_free(d);
    expect_lossless("目录序言……1第一篇指导思想……2\n第一章发展基础……2第二章指导思想……5\n");
}
END_TEST

/* 目录 between the speaker and 各位代表：: the contents are front matter,
 * and the salutation after them is the salutation; contents with no front
 * item after them stay in the body */
START_TEST(contents_among_the_front_matter)
{
    gw_document *d = parse_string("政府工作报告\n省长　陆振华\n\n目　录\n"
                                  "一、2024年工作回顾……………（ 1 ）\n二、2025年重点工作………（10）\n\n"
                                  "各位代表：\n\n现在，我代表省人民政府向大会报告工作。\n"
                                  "一、2024年工作回顾\n过去一年极不平凡。\n");
    expect_string(d, "/g:report/g:front/g:salutation", "各位代表：");
    expect_string(d, "/g:report/g:front/g:toc/g:title", "目　录");
    ck_assert_int_eq(xpath_count(d, "/g:report/g:front/g:toc/following-sibling::*"), 1);
    ck_assert_int_eq(xpath_count(d, "/g:report/g:front/g:toc/g:entry"), 2);
    ck_assert_int_eq(xpath_count(d, "/g:report/g:body/g:toc"), 0);
    ck_assert_int_eq(xpath_count(d, "//g:section"), 1);
    gw_document_free(d);
    /* a cover title, the contents, then the title page: one title, the
     * last before the subtitle */
    d = parse_string(
        "政府工作报告\n目录\n一、回顾……1\n二、安排……5\n"
        "政府工作报告\n——2025年1月16日在省第十四届人民代表大会第三次会议上\n各位代表：\n"
        "一、回顾\n正文。\n");
    ck_assert_int_eq(xpath_count(d, "/g:report/g:front/g:title"), 1);
    ck_assert_int_eq(xpath_count(d, "/g:report/g:front/g:title[@line='5']"), 1);
    ck_assert_int_eq(xpath_count(d, "/g:report/g:front/g:toc"), 1);
    ck_assert_int_eq(xpath_count(d, "/g:report/g:front/g:salutation"), 1);
    gw_document_free(d);
    d = parse_string("政府工作报告\n省长　陆振华\n目录\n一、回顾……1\n二、安排……5\n"
                     "一、回顾\n正文。\n");
    ck_assert_int_eq(xpath_count(d, "/g:report/g:front/g:toc"), 0);
    ck_assert_int_eq(xpath_count(d, "/g:report/g:body/g:toc/g:entry"), 2);
    gw_document_free(d);
    expect_lossless("政府工作报告\n目录\n一、回顾……1\n各位代表：\n一、回顾\n");
}
END_TEST

/* contents whose 目录 line a copy lost: entries with leader dots or page
 * numbers, or headings the text repeats later in the same order, are
 * contents; headings that do not come again, two paged lines, or the
 * figures of a table row are not */
START_TEST(contents_without_their_title)
{
    gw_document *d = parse_string("纲要\n\n前  言……………1\n第一章  发展基础……………3\n"
                                  "第一节  发展成就……………3\n第二章  总体要求……………6\n\n"
                                  "前  言\n正文。\n第一章  发展基础\n第一节  发展成就\n正文。\n"
                                  "第二章  总体要求\n正文。\n");
    ck_assert_int_eq(xpath_count(d, "/g:report/g:body/g:toc[not(g:title)]/g:entry"), 4);
    ck_assert_int_eq(xpath_count(d, "//g:section"), 4);
    ck_assert_int_eq(xpath_count(d, "//g:section[@line='8' and @family='preface']"), 1);
    gw_document_free(d);
    /* tab and page number, no leaders (a Word export) */
    d = parse_string("第一章　发展基础\t2\n第一节　成就\t2\n第二章　总体要求\t7\n\n"
                     "第一章　发展基础\n第一节　成就\n正文。\n第二章　总体要求\n正文。\n");
    ck_assert_int_eq(xpath_count(d, "/g:report/g:body/g:toc/g:entry"), 3);
    ck_assert_int_eq(xpath_count(d, "//g:section"), 3);
    gw_document_free(d);
    /* a part listed without a page between paged chapters, all before the
     * salutation */
    d = parse_string("政府工作报告\n第一篇　总体要求\n第一章　发展基础……3\n第二章　发展目标……5\n"
                     "第二篇　主要任务\n第三章　创新……9\n各位代表：\n第一篇　总体要求\n"
                     "第一章　发展基础\n正文。\n");
    ck_assert_int_eq(xpath_count(d, "/g:report/g:front/g:toc[not(g:title)]/g:entry"), 5);
    expect_string(d, "/g:report/g:front/g:salutation", "各位代表：");
    ck_assert_int_eq(xpath_count(d, "//g:section"), 2);
    gw_document_free(d);
    /* neither title nor page numbers: the text repeats the run */
    d = parse_string("规划\n序言\n第一章 发展基础\n第二章 总体要求\n第三章 主要任务\n"
                     "序言\n正文。\n第一章 发展基础\n正文。\n第二章 总体要求\n正文。\n"
                     "第三章 主要任务\n正文。\n");
    ck_assert_int_eq(xpath_count(d, "/g:report/g:body/g:toc/g:entry"), 4);
    ck_assert_int_eq(xpath_count(d, "//g:section"), 4);
    gw_document_free(d);
    /* a run of headings the text does not repeat */
    d = parse_string("第一篇 总体要求\n第一章 发展基础\n第一节 发展成就\n正文。\n"
                     "第二节 发展环境\n正文。\n");
    ck_assert_int_eq(xpath_count(d, "//g:toc"), 0);
    ck_assert_int_eq(xpath_count(d, "//g:section"), 4);
    gw_document_free(d);
    /* once the headings began, a repeated run is text (a summary's list) */
    d = parse_string("第一章 发展基础\n正文。\n一、甲\n二、乙\n三、丙\n一、甲\n正文。\n"
                     "二、乙\n正文。\n三、丙\n正文。\n");
    ck_assert_int_eq(xpath_count(d, "//g:toc"), 0);
    gw_document_free(d);
    /* two paged lines; rows of figures */
    d = parse_string("一、回顾……1\n二、安排……5\n正文。\n1.城镇化率（%）\t46\t56\n"
                     "2.研发投入（%）\t2\t3\n3.森林覆盖率（%）\t30\t32\n");
    ck_assert_int_eq(xpath_count(d, "//g:toc"), 0);
    gw_document_free(d);
    /* an ellipsis in prose, words after it */
    d = parse_string("正文。\n1.引进项目……等5个\n2.新建园区……共8家\n3.改造小区……计12个\n");
    ck_assert_int_eq(xpath_count(d, "//g:toc"), 0);
    gw_document_free(d);
    /* one figure a row, but going back as no page number does */
    d = parse_string("正文。\n1.城镇化率（%） 56\n2.研发投入强度（%） 3\n3.森林覆盖率（%） 30\n");
    ck_assert_int_eq(xpath_count(d, "//g:toc"), 0);
    gw_document_free(d);
    expect_lossless("前言……1\n第一章发展基础……3第二章总体要求……6\n前言\n正文。\n");
}
END_TEST

/* a PDF copy glued a heading to its first sentence (第一章发展基础“十三五”
 * 时期，…。): the title ends where the contents list it; without prose after
 * it, or without a listing, the heading keeps its line */
START_TEST(contents_split_a_heading_glued_to_its_text)
{
    gw_document *d = parse_string("目录\n第一章发展基础……2\n第二章 指导思想……5\n\n"
                                  "第一章发展基础“十三五”时期，全市经济取得显著成就。\n"
                                  "第二章指导思想坚持以新思想为指导。\n第三章发展目标和主要任务\n");
    expect_string(d, "//g:section[@id='s1']/g:title", "第一章发展基础");
    expect_string(d, "//g:section[@id='s1']/g:p", "“十三五”时期，全市经济取得显著成就。");
    expect_string(d, "//g:section[@id='s2']/g:title", "第二章指导思想");
    expect_string(d, "//g:section[@id='s3']/g:title", "第三章发展目标和主要任务");
    gw_document_free(d);
}
END_TEST

/* OCR glued 二、2025年工作安排 to the end of the paragraph above it: after a
 * sentence end, the next number of a part family with a bare title running
 * to the line's end opens its section; 一、二季度 and a run-in's sentences
 * stay text */
START_TEST(heading_glued_to_the_paragraph_above)
{
    gw_document *d =
        parse_string("一、2024年工作回顾\n过去一年，我们取得显著成效。\n"
                     "成绩来之不易。二、2025年工作安排\n今年是关键一年。一、二季度经济平稳。\n"
                     "（一）稳增长。正文。三、四季度继续增长。\n");
    ck_assert_int_eq(xpath_count(d, "/g:report/g:body/g:section"), 2);
    expect_string(d, "//g:section[@id='s2']/g:title", "二、2025年工作安排");
    expect_string(d, "//g:section[@id='s1']/g:p[2]", "成绩来之不易。");
    ck_assert_int_eq(xpath_count(d, "//g:section[@id='s2']/g:section"), 1);
    gw_document_free(d);
    /* a number out of sequence is no heading (三、 before any 二、), nor
     * a line that stops on a comma */
    d = parse_string("一、回顾\n成绩来之不易。三、重点工作\n成绩来之不易。二、重点工作，\n");
    ck_assert_int_eq(xpath_count(d, "//g:section"), 1);
    gw_document_free(d);
    expect_lossless("一、回顾\n成绩来之不易。二、安排\n");
}
END_TEST

/* what gongwen -t text writes reads back the same: a two-column table (one
 * tab per row) under its caption is a table, and a quoted term after
 * numbered notes (“双碳”：…) is one more note; a page label there is not */
START_TEST(text_output_reads_back)
{
    gw_document *d = parse_string("表2　重大项目一览表\n项目名称\t建设内容\n"
                                  "智能终端产业园\t建设标准厂房20万平方米\n"
                                  "城市更新工程\t改造老旧小区120个\n\n名词解释\n"
                                  "［1］两新：指推动大规模设备更新和消费品以旧换新。\n"
                                  "“双碳”：指碳达峰与碳中和。\n相关链接：市政府门户网站首页\n");
    ck_assert_int_eq(xpath_count(d, "//g:table/g:tbody/g:row"), 2);
    ck_assert_int_eq(xpath_count(d, "//g:table/g:thead/g:row/g:cell"), 2);
    ck_assert_int_eq(xpath_count(d, "//g:note"), 2);
    gw_document_free(d);
    /* without a caption two tab fields are no table */
    d = parse_string("正文。\n项目名称\t建设内容\n智能终端产业园\t厂房\n");
    ck_assert_int_eq(xpath_count(d, "//g:table"), 0);
    gw_document_free(d);
}
END_TEST

/* a page break inside a 专栏: the page number and the running header (a
 * copy of the title) stay in the box, which goes on after them */
START_TEST(page_break_inside_a_box)
{
    gw_document *d =
        parse_string("某省发展规划纲要\n\n第一章　创新\n\n专栏1　重大工程\n"
                     "1．示范区：建设核心区。\n2．平台：建设实验室。\n\n· 4 ·\n"
                     "某省发展规划纲要\n\n3．人才：引进人才。\n\n第二章　开放\n正文。\n");
    ck_assert_int_eq(xpath_count(d, "//g:box/g:item"), 3);
    ck_assert_int_eq(xpath_count(d, "//g:box/g:page"), 2);
    ck_assert_int_eq(xpath_count(d, "//g:section"), 2);
    expect_lossless("某省发展规划纲要\n\n专栏1　重大工程\n1．示范区。\n· 4 ·\n某省发展规划纲要\n"
                    "2．平台。\n");
    gw_document_free(d);
}
END_TEST

START_TEST(note_references_link_to_their_notes)
{
    gw_document *d =
        parse_string("一、回顾\n培育“专精特新”［1］企业，“四上”企业[2]增加，另见［9］。\n"
                     "注释\n［1］专精特新：指专业化。\n［2］“四上”企业：指规模以上。\n");
    ck_assert_int_eq(xpath_count(d, "//g:p/g:ref"), 2);
    expect_string(d, "//g:p/g:ref[1]/@target", "n1");
    expect_string(d, "//g:p/g:ref[2]", "[2]");
    /* ［9］ names no note; a note's own number is no reference */
    ck_assert_int_eq(xpath_count(d, "//g:note//g:ref"), 0);
    ck_assert_int_eq(xpath_count(d, "//g:note[@id='n2']/g:num"), 1);
    gw_document_free(d);
}
END_TEST

/* A note whose definition a web copy put on the next line holds it: no
 * loose paragraph is left in the notes. */
START_TEST(note_holds_definition_below)
{
    gw_document *d =
        parse_string("一、回顾\n推进“一降三减”［1］。\n\n名词解释\n\n［1］一降三减：\n\n"
                     "指降低成本、减少审批。\n\n2.“四上”企业：\n指规模以上工业企业。\n");
    expect_string(d, "//g:note[@id='n1']/g:term", "一降三减");
    expect_string(d, "//g:note[@id='n1']", "［1］一降三减：指降低成本、减少审批。");
    expect_string(d, "//g:note[@id='n2']", "2.“四上”企业：指规模以上工业企业。");
    ck_assert_int_eq(xpath_count(d, "//g:section[@family='notes']/g:p"), 0);
    gw_document_free(d);
}
END_TEST

START_TEST(page_lines_stay_in_place)
{
    gw_document *d = parse_string("（一）创新宏观调控，保持经济运行在合理\n"
                                  "— 2 —\n"
                                  "区间。面对贸易保护主义抬头，我们坚持不\n"
                                  "搞大水漫灌，实施好积极的财政政策，累计\n"
                                  "新增减税降费，有效激发了市场主体活力，\n"
                                  "稳住了宏观经济大盘，经济运行总体平稳，\n"
                                  "发展质量稳步提升，就业持续保持较高水平\n"
                                  "居民收入增长与经济增长基本同步。\n"
                                  "第 3 页\n");
    ck_assert_int_eq(xpath_count(d, "//g:section/g:title/g:page[@line='2']"), 1);
    expect_string(d, "//g:section/g:title", "（一）创新宏观调控，保持经济运行在合理— 2 —区间。");
    ck_assert_int_eq(xpath_count(d, "//g:section/g:page[@line='9']"), 1);
    gw_document_free(d);
}
END_TEST
END_TEST

static void write_file(const char *dir, const char *name, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *fp = fopen(path, "w");
    ck_assert_ptr_nonnull(fp);
    fputs(text, fp);
    fclose(fp);
}

static gw_status transform(gw_styles *st, const char *format, const gw_document *d, gw_error *err)
{
    char *out = NULL;
    size_t len = 0;
    gw_status s = gw_transform(st, format, d, NULL, 0, &out, &len, err);
    free(out);
    return s;
}

/* Each way a stylesheet can fail has a status of its own, which a caller
 * can branch on (GW_ERR_INPUT used to stand for both of the first two). */
START_TEST(stylesheet_failures_have_their_own_status)
{
    char dir[] = "/tmp/gw_stylesXXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    write_file(dir, "bad.xsl", "<xsl:stylesheet");
    write_file(dir, "stop.xsl",
               "<xsl:stylesheet version=\"1.0\" "
               "xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\">"
               "<xsl:template match=\"/\"><xsl:message terminate=\"yes\">stop</xsl:message>"
               "</xsl:template></xsl:stylesheet>");
    gw_error err = {0};
    gw_styles *st = gw_styles_new(dir, NULL, &err);
    ck_assert_ptr_nonnull(st);
    gw_document *d = parse_string("一、总则\n");
    ck_assert_int_eq(transform(st, "bad", d, &err), GW_ERR_BAD_STYLESHEET);
    ck_assert_int_eq(err.status, GW_ERR_BAD_STYLESHEET);
    ck_assert_int_eq(transform(st, "stop", d, &err), GW_ERR_STYLESHEET_FAILED);
    ck_assert_int_eq(transform(st, "none", d, &err), GW_ERR_UNKNOWN_FORMAT);
    ck_assert_int_eq(gw_status_exit(GW_ERR_UNKNOWN_FORMAT), 2);
    gw_styles_free(st);
    gw_document_free(d);
    ck_assert_ptr_null(gw_styles_new("/nonexistent/gw", NULL, &err));
    ck_assert_int_eq(err.status, GW_ERR_IO);
    char path[256];
    snprintf(path, sizeof path, "%s/bad.xsl", dir);
    unlink(path);
    snprintf(path, sizeof path, "%s/stop.xsl", dir);
    unlink(path);
    rmdir(dir);
}
END_TEST

/* Short attribute values and texts live in their text node (no
 * allocation of their own); libxml2 reads, replaces, grows, serializes and
 * frees them as its own (the sanitizer run and valgrind see the frees). */
START_TEST(short_text_kept_in_its_node)
{
    xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
    ck_assert_ptr_nonnull(doc);
    doc->dict = xmlDictCreate();
    xmlNodePtr root = xmlNewDocNode(doc, NULL, BAD_CAST "r", NULL);
    ck_assert_ptr_nonnull(root);
    xmlDocSetRootElement(doc, root);
    const char *longer = "a value of sixteen bytes or more";
    ck_assert_int_eq(gw_new_prop(root, "line", "123456789012345"), GW_OK);
    ck_assert_int_eq(gw_new_prop(root, "id", longer), GW_OK);
    ck_assert_int_eq(gw_new_prop(root, "end", "7"), GW_OK);
    xmlAttrPtr a = xmlHasProp(root, BAD_CAST "line");
    ck_assert_ptr_eq(a->children->content, (xmlChar *)&a->children->properties);
    ck_assert_ptr_eq(a->children->parent, (xmlNodePtr)a);
    xmlChar *v = xmlGetProp(root, BAD_CAST "line");
    ck_assert_str_eq((char *)v, "123456789012345");
    xmlFree(v);
    ck_assert_ptr_nonnull(xmlSetProp(root, BAD_CAST "end", BAD_CAST "8"));
    xmlNodePtr t = gw_new_text(doc, "", 0);
    ck_assert_ptr_nonnull(t);
    ck_assert_ptr_nonnull(xmlAddChild(root, t));
    xmlNodeAddContentLen(t, BAD_CAST "正文", (int)strlen("正文"));
    xmlNodePtr u = gw_new_text(doc, "<&>", 3);
    ck_assert_ptr_nonnull(xmlAddChild(xmlNewChild(root, NULL, BAD_CAST "p", NULL), u));
    xmlChar *out;
    int n;
    xmlDocDumpMemoryEnc(doc, &out, &n, "UTF-8");
    ck_assert_str_eq((char *)out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                  "<r line=\"123456789012345\" id=\"a value of sixteen bytes or "
                                  "more\" end=\"8\">正文<p>&lt;&amp;&gt;</p></r>\n");
    xmlFree(out);
    xmlFreeDoc(doc);
}
END_TEST

Suite *tree_suite(void)
{
    Suite *s = suite_create("tree");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, depth_follows_order_of_families);
    tcase_add_test(tc, radicals_read_as_the_ideographs_they_show);
    tcase_add_test(tc, short_text_kept_in_its_node);
    tcase_add_test(tc, address_closes_to_top_level);
    tcase_add_test(tc, preface_is_closed_by_first_chapter);
    tcase_add_test(tc, unnumbered_title_fills_a_numbering_gap);
    tcase_add_test(tc, short_line_without_gap_stays_a_paragraph);
    tcase_add_test(tc, unnumbered_parts_of_a_report);
    tcase_add_test(tc, dash_items_group_into_one_list);
    tcase_add_test(tc, table_with_category_groups);
    tcase_add_test(tc, caption_label_is_num);
    tcase_add_test(tc, controls_map_to_ctl_elements);
    tcase_add_test(tc, lossless_on_odd_inputs);
    tcase_add_test(tc, page_lines_stay_in_place);
    tcase_add_test(tc, table_of_contents_is_not_headings);
    tcase_add_test(tc, multi_level_contents);
    tcase_add_test(tc, contents_run_together);
    tcase_add_test(tc, contents_among_the_front_matter);
    tcase_add_test(tc, contents_without_their_title);
    tcase_add_test(tc, heading_glued_to_the_paragraph_above);
    tcase_add_test(tc, contents_split_a_heading_glued_to_its_text);
    tcase_add_test(tc, text_output_reads_back);
    tcase_add_test(tc, page_break_inside_a_box);
    tcase_add_test(tc, note_references_link_to_their_notes);
    tcase_add_test(tc, note_holds_definition_below);
    tcase_add_test(tc, stylesheet_failures_have_their_own_status);
    suite_add_tcase(s, tc);
    return s;
}
