#include "suites.h"
#include "blocks.h"
#include "hints.h"
#include "layout.h"
#include "utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    gw_lines lines;
    gw_blocks blocks;
} scanned;

static scanned scan(const char *s)
{
    scanned r;
    ck_assert_int_eq(gw_lines_split(s, strlen(s), &r.lines), GW_OK);
    ck_assert_int_eq(gw_blocks_scan(&r.lines, &r.blocks), GW_OK);
    return r;
}

static void done(scanned *r)
{
    gw_blocks_free(&r->blocks);
    gw_lines_free(&r->lines);
}

static const gw_block *block(const scanned *r, size_t i, gw_block_kind kind)
{
    ck_assert_uint_lt(i, r->blocks.n);
    ck_assert_int_eq(r->blocks.v[i].kind, kind);
    return &r->blocks.v[i];
}

static void expect_span(const char *s, size_t len, const char *text)
{
    ck_assert_msg(len == strlen(text) && memcmp(s, text, len) == 0, "got %.*s, want %s", (int)len,
                  s, text);
}

START_TEST(run_in_heading_splits_at_first_sentence_end)
{
    scanned r = scan("（一）着力扩需求、稳增长，经济运行加速回升。认真落实国家政策。\n");
    const gw_block *b = block(&r, 0, GW_B_HEADING);
    ck_assert(b->runin);
    expect_span(b->text.s + b->mark_len, b->title_len, "着力扩需求、稳增长，经济运行加速回升。");
    done(&r);
}
END_TEST

START_TEST(standalone_heading_keeps_whole_line)
{
    scanned r = scan("一、2023年工作回顾\n（一）着力巩固经济回升向好态势\n");
    const gw_block *b = block(&r, 0, GW_B_HEADING);
    ck_assert(!b->runin);
    expect_span(b->text.s + b->mark_len, b->title_len, "2023年工作回顾");
    b = block(&r, 1, GW_B_HEADING);
    expect_span(b->text.s + b->mark_len, b->title_len, "着力巩固经济回升向好态势");
    done(&r);
}
END_TEST

START_TEST(chapter_number_above_its_title)
{
    scanned r = scan(
        "第三章\n\n不断提高发展质效  着力打造实力海州\n\n始终把产业强区作为推动发展的核心战略。\n");
    const gw_block *b = block(&r, 0, GW_B_HEADING);
    ck_assert_int_eq(b->marker.family, GW_F_ZHANG);
    expect_span(b->more.s, b->more.len, "不断提高发展质效  着力打造实力海州");
    ck_assert_uint_eq(b->last, 2);
    block(&r, 1, GW_B_PARA);
    ck_assert_uint_eq(r.blocks.n, 2);
    done(&r);
}
END_TEST

START_TEST(one_is_in_mid_sentence_is_prose)
{
    scanned r = scan("我们要做到两点，一是稳，二是进。\n");
    block(&r, 0, GW_B_PARA);
    done(&r);
}
END_TEST

START_TEST(front_matter_in_full)
{
    scanned r =
        scan("政 府 工 作 报 告\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n"
             "国务院总理　李强\n\n各位代表：\n\n现在，我代表国务院，向大会报告政府工作。\n");
    block(&r, 0, GW_B_TITLE);
    const gw_block *b = block(&r, 1, GW_B_SUBTITLE);
    ck_assert_uint_eq(b->mark_len, strlen("——"));
    block(&r, 2, GW_B_AUTHOR);
    block(&r, 3, GW_B_SALUTATION);
    block(&r, 4, GW_B_PARA);
    done(&r);
}
END_TEST

/* A plan issued by a cover notice: the notice's lines (its title,
 * addressee, body, issuer and date) are front paragraphs, the date no
 * subtitle, and the title is the issued document's own, below them. */
START_TEST(cover_notice_above_the_title)
{
    scanned r = scan("某区人民政府关于印发《某区十五五规划纲要》的通知\n各街道，区直各部门：\n"
                     "现将《某区十五五规划纲要》印发给你们，请认真贯彻执行。\n某区人民政府\n"
                     "2026年2月10日\n某区十五五规划纲要\n第一章 发展基础\n");
    for (size_t i = 0; i < 5; i++)
        block(&r, i, GW_B_FRONT_PARA);
    const gw_block *b = block(&r, 5, GW_B_TITLE);
    expect_span(b->text.s, b->text.len, "某区十五五规划纲要");
    block(&r, 6, GW_B_HEADING);
    done(&r);
    /* a notice without the document's title below it names the document */
    r = scan("某区人民政府关于印发《某区十五五规划纲要》的通知\n各街道：\n第一章 发展基础\n");
    block(&r, 0, GW_B_TITLE);
    done(&r);
}
END_TEST

/* Markdown a scraper saved: the metadata block (--- … ---, however long) and
 * the # before the title are front furniture; the title is the title. */
START_TEST(scraped_wrapper_around_the_front)
{
    scanned r = scan("---\ntitle: 政府工作报告\na: 1\nb: 2\nc: 3\nd: 4\ne: 5\nf: 6\ng: 7\nh: 8\n"
                     "i: 9\nj: 10\nk: 11\nl: 12\nm: 13\n---\n> 仅供学习参考。\n"
                     "# 2024年政府工作报告\n各位代表：\n现在，我代表市人民政府报告工作。\n");
    for (size_t i = 0; i < 18; i++)
        block(&r, i, GW_B_FRONT_PARA);
    const gw_block *b = block(&r, 18, GW_B_TITLE);
    expect_span(b->text.s, b->text.len, "2024年政府工作报告");
    ck_assert_uint_eq(b->text.line, 17);
    block(&r, 19, GW_B_SALUTATION);
    done(&r);
}
END_TEST

/* PM / 2.5 / 年平均浓度…: a subscript a web copy put on a line of its own,
 * and the text after it, go on with the paragraph; a number alone after
 * prose that ends in Han is no subscript. */
START_TEST(split_subscripts_rejoined)
{
    scanned r = scan("全市细颗粒物（PM\n\n2.5\n\n）年平均浓度下降，PM\n10\n浓度下降5%。\n"
                     "完成任务\n12\n下一段。\n");
    const gw_block *b = block(&r, 0, GW_B_PARA);
    expect_span(b->text.s, b->text.len, "全市细颗粒物（PM2.5）年平均浓度下降，PM10浓度下降5%。");
    ck_assert_uint_eq(b->last, 6);
    ck_assert_uint_gt(r.blocks.n, 1);
    ck_assert_uint_eq(r.blocks.v[1].text.line, 7);
    ck_assert_uint_eq(r.blocks.v[1].last, 7);
    done(&r);
}
END_TEST

/* A line opening with ，、；(a PDF or OCR copy broke the line before it)
 * goes on with the paragraph above, across a page line or a blank line;
 * it opens no paragraph of its own. */
START_TEST(line_opening_with_a_comma_continues)
{
    scanned r = scan("坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神\n"
                     "，统筹发展和安全。\n\n（一）稳增长\n— 2 —\n、促就业。\n下一段。\n");
    const gw_block *b = block(&r, 0, GW_B_PARA);
    expect_span(
        b->text.s, b->text.len,
        "坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，统筹发展和安全。");
    b = block(&r, 1, GW_B_HEADING);
    ck_assert_uint_eq(b->last, 5);
    ck_assert_uint_eq(r.blocks.v[r.blocks.n - 1].text.line, 6);
    done(&r);
    /* a stop alone on the next line, and no page line either */
    r = scan("经济社会发展取得显著成效\n。\n\n——综合实力稳步提升。地区生产总值年均增长。\n");
    b = block(&r, 0, GW_B_PARA);
    expect_span(b->text.s, b->text.len, "经济社会发展取得显著成效。");
    block(&r, 1, GW_B_DASH);
    done(&r);
}
END_TEST

/* A copy that wraps at spaces (pandoc -t plain, html2text) breaks the
 * line inside “Discover Jiangxi” or right after “: the next line closes
 * the quote, so it goes on with the paragraph, and opens none. A
 * paragraph that ends a sentence with a quote left open (a typo) and the
 * next one closing it stay two: the checker reports each. */
START_TEST(line_broken_inside_a_quote_continues)
{
    scanned r = scan("大力实施“乐游江西”“Discover\nJiangxi”文旅推广计划。\n\n文化事业繁荣发展。“\n"
                     "探知齐鲁”特展广受好评。\n");
    const gw_block *b = block(&r, 0, GW_B_PARA);
    expect_span(b->text.s, b->text.len, "大力实施“乐游江西”“Discover Jiangxi”文旅推广计划。");
    ck_assert_uint_eq(b->last, 1);
    b = block(&r, 1, GW_B_PARA);
    ck_assert_uint_eq(b->last, 4);
    ck_assert_uint_eq(r.blocks.n, 2);
    done(&r);
    r = scan("地区生产总值增长6%（按可比价格计算。\n新增就业5万人），城乡居民收入稳步增长。\n");
    ck_assert_uint_eq(block(&r, 1, GW_B_PARA)->text.line, 1);
    done(&r);
}
END_TEST

/* 三、持续提升政府 / 治理效能和服务水平 / (introduction) / （一）…: a heading
 * the author broke into two paragraphs is one heading; where the document sets bare leads on lines
 * of their own (现代服务业提质扩容 below prose), the line under a heading is
 * a lead like them. */
START_TEST(heading_broken_over_two_lines)
{
    scanned r = scan("二、2025年主要任务\n做好今年工作，要坚持稳中求进。\n三、持续提升政府\n"
                     "治理效能和服务水平\n人民满意是衡量政府工作的根本标准，我们要一心为民。\n"
                     "（一）加强法治政府建设\n");
    block(&r, 0, GW_B_HEADING);
    block(&r, 1, GW_B_PARA);
    const gw_block *b = block(&r, 2, GW_B_HEADING);
    expect_span(b->more.s, b->more.len, "治理效能和服务水平");
    ck_assert_uint_eq(b->last, 3);
    block(&r, 3, GW_B_PARA);
    done(&r);
    r = scan("（一）聚焦产业转型\n数字经济加快壮大\n云澜数字港一期建成运营，引进软件企业四十家。\n"
             "现代服务业提质扩容\n新增限上商贸企业五十八家，商业街区入选省级示范。\n");
    ck_assert_uint_eq(block(&r, 0, GW_B_HEADING)->more.len, 0);
    b = block(&r, 1, GW_B_PARA);
    ck_assert_uint_eq(b->title_len, b->text.len);
    done(&r);
    /* a web page's bar and date line above the title (copied from a
     * browser) are no leads of the body's habit */
    r = scan(
        "首页 政务公开 政府工作报告\n发布时间：2025-01-25 09:30 来源：省政府办公厅\n\n"
        "2025年某省政府工作报告\n\n各位代表：\n\n现在，我代表省人民政府，向大会报告政府工作。\n\n"
        "三、持续提升政府\n\n治理效能和服务水平\n\n"
        "人民满意是衡量政府工作的根本标准，我们要一心为民。\n\n（一）加强法治政府建设\n");
    for (size_t k = 0; k < r.blocks.n; k++)
        if (r.blocks.v[k].kind == GW_B_HEADING) {
            expect_span(r.blocks.v[k].more.s, r.blocks.v[k].more.len, "治理效能和服务水平");
            break;
        }
    done(&r);
}
END_TEST

START_TEST(front_matter_on_one_line)
{
    scanned r =
        scan("政府工作报告——2024年3月5日在第十四届全国人民代表大会第二次会议上国务院总理 李强\n"
             "各位代表：\n");
    const gw_block *b = block(&r, 0, GW_B_TITLE);
    expect_span(b->text.s, b->text.len, "政府工作报告");
    b = block(&r, 1, GW_B_SUBTITLE);
    expect_span(b->text.s, b->text.len, "——2024年3月5日在第十四届全国人民代表大会第二次会议上");
    b = block(&r, 2, GW_B_AUTHOR);
    expect_span(b->text.s, b->text.len, "国务院总理 李强");
    ck_assert_uint_eq(b->text.line, 0);
    block(&r, 3, GW_B_SALUTATION);
    done(&r);
}
END_TEST

START_TEST(wrapped_subtitle_and_page_heading)
{
    scanned r =
        scan("2010年国务院政府工作报告\n政府工作报告\n——2024年1月15日在扬州市第九届人民代表大会\n"
             "第三次会议上\n市长　王进健\n各位代表：\n");
    block(&r, 0, GW_B_FRONT_PARA);
    block(&r, 1, GW_B_TITLE);
    const gw_block *b = block(&r, 2, GW_B_SUBTITLE);
    expect_span(b->more.s, b->more.len, "第三次会议上");
    block(&r, 3, GW_B_AUTHOR);
    ck_assert_uint_eq(r.blocks.v[3].text.line, 4);
    block(&r, 4, GW_B_SALUTATION);
    done(&r);
}
END_TEST

/* A PDF's centred front lines wrap where the measure ends, inside the
 * speaker's office: the subtitle, the speaker across both lines, and what
 * follows the speaker. */
START_TEST(speaker_wrapped_onto_the_next_line)
{
    scanned r = scan("2025年安徽省政府工作报告\n"
                     "2025年1月20日在安徽省第十四届人民代表大会第三次会议上安\n"
                     "徽省人民政府省长 王清宪作政府工作报告\n各位代表：\n");
    block(&r, 0, GW_B_TITLE);
    const gw_block *b = block(&r, 1, GW_B_SUBTITLE);
    expect_span(b->text.s, b->text.len, "2025年1月20日在安徽省第十四届人民代表大会第三次会议上");
    b = block(&r, 2, GW_B_AUTHOR);
    expect_span(b->text.s, b->text.len, "安");
    expect_span(b->more.s, b->more.len, "徽省人民政府省长 王清宪");
    ck_assert_uint_eq(b->last, 2);
    b = block(&r, 3, GW_B_FRONT_PARA);
    expect_span(b->text.s, b->text.len, "作政府工作报告");
    block(&r, 4, GW_B_SALUTATION);
    done(&r);
    /* a narrower page wraps before the meeting: the speaker follows the
     * subtitle's end on the second line, which may end with a stop */
    r = scan("2025年福建省政府工作报告\n2025年1月13日在福建省第十四届人民代表大会第三次\n"
             "会议上福建省人民政府省长赵龙作政府工作报告。\n各位代表：\n");
    b = block(&r, 1, GW_B_SUBTITLE);
    expect_span(b->more.s, b->more.len, "会议上");
    b = block(&r, 2, GW_B_AUTHOR);
    expect_span(b->text.s, b->text.len, "福建省人民政府省长赵龙");
    ck_assert_uint_eq(b->text.line, 2);
    b = block(&r, 3, GW_B_FRONT_PARA);
    expect_span(b->text.s, b->text.len, "作政府工作报告。");
    block(&r, 4, GW_B_SALUTATION);
    done(&r);
}
END_TEST

/* Front lines wrapped in two where neither half is one alone: a subtitle
 * cut before its meeting, one cut inside it with the rest ending like a
 * title, and a speaker whose name went to the next line. */
START_TEST(front_lines_wrapped_in_two)
{
    scanned r = scan("2025年新疆政府工作报告\n"
                     "2025年1月19日在新疆维吾尔自治区第十四届人民代表大\n"
                     "会第三次会议上\n省长\n胡玉亭\n各位代表：\n");
    block(&r, 0, GW_B_TITLE);
    const gw_block *b = block(&r, 1, GW_B_SUBTITLE);
    expect_span(b->more.s, b->more.len, "会第三次会议上");
    b = block(&r, 2, GW_B_AUTHOR);
    expect_span(b->text.s, b->text.len, "省长");
    expect_span(b->more.s, b->more.len, "胡玉亭");
    block(&r, 3, GW_B_SALUTATION);
    done(&r);
    r = scan("2025年上海市政府工作报告\n"
             "----2025年1月15日龚正市长在上海市第十六届人民代表大会第\n"
             "三次会议的政府工作报告\n各位代表：\n");
    block(&r, 0, GW_B_TITLE);
    b = block(&r, 1, GW_B_SUBTITLE);
    expect_span(b->more.s, b->more.len, "三次会议的政府工作报告");
    block(&r, 2, GW_B_SALUTATION);
    done(&r);
}
END_TEST

START_TEST(subtitle_dash_forms)
{
    const char *forms[] = {"----", "--", "――", "——"};
    for (size_t k = 0; k < 4; k++) {
        char src[512];
        snprintf(src, sizeof src,
                 "政府工作报告\n%s2024年1月15日在市第九届人民代表大会第三次会议上\n"
                 "市长 龚 正\n各位代表：\n",
                 forms[k]);
        scanned r = scan(src);
        block(&r, 0, GW_B_TITLE);
        const gw_block *b = block(&r, 1, GW_B_SUBTITLE);
        ck_assert_uint_eq(b->mark_len, strlen(forms[k]));
        block(&r, 2, GW_B_AUTHOR);
        block(&r, 3, GW_B_SALUTATION);
        done(&r);
    }
}
END_TEST

/* a bare date where the subtitle would be; a date inside prose is not one */
START_TEST(date_line_is_a_subtitle)
{
    const char *forms[] = {"2021年1月26日", "二〇二一年一月二十六日", "2021 年 1 月 26 日"};
    for (size_t k = 0; k < 3; k++) {
        char src[512];
        snprintf(src, sizeof src, "2021年政府工作报告\n\n%s\n\n市长　周　红\n\n各位代表：\n",
                 forms[k]);
        scanned r = scan(src);
        block(&r, 0, GW_B_TITLE);
        const gw_block *b = block(&r, 1, GW_B_SUBTITLE);
        expect_span(b->text.s, b->text.len, forms[k]);
        block(&r, 2, GW_B_AUTHOR);
        block(&r, 3, GW_B_SALUTATION);
        done(&r);
    }
    scanned r = scan("政府工作报告\n2021年1月26日召开会议\n各位代表：\n");
    block(&r, 0, GW_B_TITLE);
    ck_assert(r.blocks.v[1].kind != GW_B_SUBTITLE);
    done(&r);
}
END_TEST

START_TEST(no_front_matter)
{
    scanned r = scan("序  言\n“十四五”时期是我国全面建成小康社会之后的第一个五年。\n");
    const gw_block *b = block(&r, 0, GW_B_HEADING);
    ck_assert_int_eq(b->marker.family, GW_F_PREFACE);
    done(&r);
}
END_TEST

START_TEST(box_and_its_items)
{
    scanned r =
        scan("\t专栏：服务业重点工程、重点项目\n\n\t1.生活性服务业提质工程：德邦片区开发。\n"
             "2.旅游发展重点项目：园博园。\n6.233国道海州段工程。\n\n第三节 推动工业\n");
    const gw_block *b = block(&r, 0, GW_B_BOX);
    ck_assert_uint_eq(b->mark_len, strlen("专栏："));
    b = block(&r, 1, GW_B_BOX_ITEM);
    expect_span(b->text.s + b->mark_len, b->name_len, "生活性服务业提质工程");
    block(&r, 2, GW_B_BOX_ITEM);
    /* items run on while numbered; "6." is not the expected 3, so 6.233 is a number */
    block(&r, 3, GW_B_PARA);
    block(&r, 4, GW_B_HEADING);
    done(&r);
}
END_TEST

START_TEST(item_name_ends_before_an_ascii_question_mark)
{
    /* found by the fuzzer: a one-byte sentence end must not cut the
     * character before it in half */
    scanned r = scan("专栏：服务业\n1.生活性服务业?提质工程\n");
    const gw_block *b = block(&r, 1, GW_B_BOX_ITEM);
    expect_span(b->text.s + b->mark_len, b->name_len, "生活性服务业");
    done(&r);
}
END_TEST

START_TEST(notes_section)
{
    scanned r = scan("名词解释\n1.“四上”企业：指规模以上工业企业。\n［2］专精特新：指专业化。\n"
                     "“双碳”\n指碳达峰与碳中和。\n");
    const gw_block *b = block(&r, 0, GW_B_HEADING);
    ck_assert_int_eq(b->marker.family, GW_F_NOTES);
    b = block(&r, 1, GW_B_NOTE);
    expect_span(b->text.s + b->mark_len, b->name_len, "“四上”企业");
    b = block(&r, 2, GW_B_NOTE);
    ck_assert_int_eq(b->marker.n, 2);
    b = block(&r, 3, GW_B_NOTE);
    expect_span(b->more.s, b->more.len, "指碳达峰与碳中和。");
    done(&r);
}
END_TEST

START_TEST(dash_item_lead)
{
    scanned r = scan("——经济发展稳中有进。预计地区生产总值同比增长6%左右。\n");
    const gw_block *b = block(&r, 0, GW_B_DASH);
    expect_span(b->text.s + b->mark_len, b->title_len, "经济发展稳中有进。");
    done(&r);
}
END_TEST

START_TEST(box_title_below_and_items_with_descriptions)
{
    scanned r = scan("专栏3\n数字经济重点工程\n01　量子信息\n城域、城际量子通信技术研发。\n"
                     "02　集成电路\n集成电路设计工具研发。\n\n第三节 基础研究\n");
    const gw_block *b = block(&r, 0, GW_B_BOX);
    expect_span(b->more.s, b->more.len, "数字经济重点工程");
    b = block(&r, 1, GW_B_BOX_ITEM);
    ck_assert_int_eq(b->marker.n, 1);
    expect_span(b->more.s, b->more.len, "城域、城际量子通信技术研发。");
    b = block(&r, 2, GW_B_BOX_ITEM);
    ck_assert_int_eq(b->marker.n, 2);
    block(&r, 3, GW_B_HEADING);
    ck_assert_uint_eq(r.blocks.n, 4);
    done(&r);
}
END_TEST

START_TEST(caption_unit_line_and_row_table)
{
    scanned r = scan(
        "重大项目投资安排\n单位：亿元\n序号\t类别\t总投资\n1\t5G网络\t600\n2\t数据中心\t800\n");
    const gw_block *b = block(&r, 0, GW_B_TABLE);
    expect_span(b->text.s, b->text.len, "重大项目投资安排");
    expect_span(b->more.s, b->more.len, "单位：亿元");
    ck_assert_uint_eq(b->table.n, 3);
    done(&r);
}
END_TEST

START_TEST(page_numbers_are_not_dash_items)
{
    scanned r = scan("— 2 —\n——经济保持增长。正文。\n");
    block(&r, 0, GW_B_PAGE);
    block(&r, 1, GW_B_DASH);
    done(&r);
}
END_TEST

START_TEST(unnumbered_glossary_terms)
{
    scanned r =
        scan("名词解释\n“八八战略”：2003年7月提出的八项举措。\n数字经济“一号工程”：决策部署。\n");
    const gw_block *b = block(&r, 1, GW_B_NOTE);
    expect_span(b->text.s, b->name_len, "“八八战略”");
    b = block(&r, 2, GW_B_NOTE);
    expect_span(b->text.s, b->name_len, "数字经济“一号工程”");
    done(&r);
}
END_TEST

/* A web copy's labels below the notes (相关链接：, 责任编辑：王静) are no
 * glossary terms; a quoted term or a real definition is. */
START_TEST(page_labels_are_not_notes)
{
    scanned r = scan("注释：\n“五区共兴”：指推动全省五大片区发展。\n相关链接：\n"
                     "责任编辑：王静\n专精特新：指专业化、精细化、特色化、新颖化。\n");
    block(&r, 1, GW_B_NOTE);
    block(&r, 2, GW_B_PARA);
    block(&r, 3, GW_B_PARA);
    const gw_block *b = block(&r, 4, GW_B_NOTE);
    expect_span(b->text.s, b->name_len, "专精特新");
    done(&r);
}
END_TEST

/* A glossary given as an annex opens a notes section like 名词解释. */
START_TEST(glossary_annex)
{
    const char *forms[] = {"附件2 名词解释", "附件2：名词解释", "附件 注释", "附件二　名词解释",
                           "附件1 《政府工作报告》有关内容名词注释"};
    for (size_t k = 0; k < sizeof forms / sizeof forms[0]; k++) {
        char src[256];
        snprintf(src, sizeof src, "%s\n1、“村改”：指村级工业园升级改造。\n", forms[k]);
        scanned r = scan(src);
        const gw_block *b = block(&r, 0, GW_B_HEADING);
        ck_assert_int_eq(b->marker.family, GW_F_NOTES);
        expect_span(b->text.s, b->title_len, forms[k]);
        b = block(&r, 1, GW_B_NOTE);
        expect_span(b->text.s + b->mark_len, b->name_len, "“村改”");
        done(&r);
    }
    /* other annexes stay annexes */
    scanned r = scan("附件1 2024年区十件民生实事\n一、新建学校5所。\n");
    ck_assert_int_eq(block(&r, 0, GW_B_HEADING)->marker.family, GW_F_ANNEX);
    done(&r);
}
END_TEST

/* 附件 alone, its title on the next line: the annex's title; a title that
 * names a glossary opens the notes; a caption with its table stays a table. */
START_TEST(annex_title_on_the_next_line)
{
    scanned r = scan("附件\n2025年10件惠民实事\n一、稳定和扩大就业\n年度目标：新增就业50万人。\n");
    const gw_block *b = block(&r, 0, GW_B_HEADING);
    ck_assert_int_eq(b->marker.family, GW_F_ANNEX);
    expect_span(b->more.s, b->more.len, "2025年10件惠民实事");
    ck_assert_uint_eq(b->last, 1);
    block(&r, 1, GW_B_HEADING);
    done(&r);
    static const char *const glossaries[] = {"《政府工作报告》有关内容名词注释", "名词解释"};
    for (size_t k = 0; k < 2; k++) {
        char src[512];
        snprintf(src, sizeof src,
                 "附件1\n%s\n1.“两重”：国家重大战略实施和重点领域安全能力建设。\n"
                 "2.未来产业六大领域：未来材料、未来能源、未来生物。\n",
                 glossaries[k]);
        r = scan(src);
        b = block(&r, 0, GW_B_HEADING);
        ck_assert_int_eq(b->marker.family, GW_F_NOTES);
        expect_span(b->more.s, b->more.len, glossaries[k]);
        block(&r, 1, GW_B_NOTE);
        block(&r, 2, GW_B_NOTE);
        done(&r);
    }
    r = scan("附件\n临港经济开发区2025年主要经济指标计划表\n指标\t单位\t2025年目标\n"
             "地区生产总值\t亿元\t501\n规上工业总产值\t亿元\t1386\n");
    b = block(&r, 0, GW_B_HEADING);
    ck_assert_uint_eq(b->more.len, 0);
    block(&r, 1, GW_B_TABLE);
    done(&r);
}
END_TEST

/* A PDF copy: paragraphs wrapped every ~20 characters, starts indented. */
static const char wrapped[] = "　　一、过去一年工作回顾\n"
                              "　　2022年是党和国家历史上极为重要的一年。党的二十大胜利\n"
                              "召开，描绘了全面建设社会主义现代化国家的宏伟蓝图。面对风\n"
                              "高浪急的国际环境，我们坚持稳中求进工作总基调，全年经济\n"
                              "社会发展主要目标任务总体完成，国内生产总值增长百分之三，\n"
                              "城镇新增就业一千二百万人，居民消费价格上涨百分之二，粮\n"
                              "食产量创历史新高。\n"
                              "　　（一）创新宏观调控，保持经济运行在合理区间。面对贸易保\n"
                              "护主义抬头、疫情冲击等风险挑战，主要抓了三件事：\n"
                              "一是加强基础研究；二是完善体制机制；三是促进融通创新。\n"
                              "累计新增减税降费和退税缓税缓费超过\n"
                              "— 2 —\n"
                              "10万亿元，有效激发了市场主体活力。\n"
                              "　　（二）如期打赢脱贫攻坚战，巩固拓展脱贫攻坚\n"
                              "成果。坚持精准扶贫，聚焦深度贫困地区，强化政策倾斜支持。\n";

START_TEST(hard_wrapped_paragraphs_are_joined)
{
    scanned r = scan(wrapped);
    block(&r, 0, GW_B_HEADING);
    const gw_block *b = block(&r, 1, GW_B_PARA);
    ck_assert_uint_eq(b->text.line, 1);
    ck_assert_uint_eq(b->last, 6);
    /* no lead: the first sentence is a statement */
    ck_assert_uint_eq(b->title_len, 0);
    b = block(&r, 2, GW_B_HEADING);
    ck_assert(b->runin);
    /* 一是 inside the paragraph is not a heading; the page line stays inside */
    ck_assert_uint_eq(b->last, 12);
    ck_assert_uint_eq(b->npages, 1);
    expect_span(b->pages[0].line.s, b->pages[0].line.len, "— 2 —");
    b = block(&r, 3, GW_B_HEADING);
    /* the title runs over the line break */
    expect_span(b->text.s + b->mark_len, b->title_len,
                "如期打赢脱贫攻坚战，巩固拓展脱贫攻坚成果。");
    ck_assert_uint_eq(r.blocks.n, 4);
    done(&r);
}
END_TEST

START_TEST(running_headers_in_wrapped_text)
{
    /* the same page heading at the top of every page of a PDF copy */
    static const char *const pages[] = {"　　过去一年，我们坚持稳中求进工作总基调，全年经济社会发\n"
                                        "展主要目标任务总体完成，国内生产总值增长百分之三，城镇\n"
                                        "新增就业一千二百万人，居民消费价格上涨百分之二。\n",
                                        "　　一年来，我们着力扩大国内需求，推动消费加快恢复，稳定\n"
                                        "大宗消费，推动生活服务消费恢复，有效投资持续扩大，市场\n"
                                        "活力明显增强。\n",
                                        "　　我们坚持创新驱动发展，推动产业结构优化升级，深入实施\n"
                                        "创新驱动发展战略，推进科技自立自强，高技术制造业增加值\n"
                                        "占规模以上工业增加值比重提高。\n"};
    char src[8192] = "";
    for (int page = 0; page < 3; page++) {
        strcat(src, "2023年政府工作报告\n");
        strcat(src, pages[page]);
    }
    scanned r = scan(src);
    int headers = 0;
    for (size_t i = 0; i < r.blocks.n; i++)
        headers += r.blocks.v[i].kind == GW_B_PAGE;
    /* three headers, three paragraphs; the header is not the title */
    ck_assert_int_eq(headers, 3);
    ck_assert_uint_eq(r.blocks.n, 6);
    block(&r, 0, GW_B_PAGE);
    done(&r);
}
END_TEST

START_TEST(unwrapped_text_is_not_joined)
{
    scanned r = scan("一、回顾\n过去一年，我们砥砺前行，取得了新的成绩。\n"
                     "一年来，全市上下团结奋斗，经济运行稳中向好。\n二、任务\n");
    ck_assert_uint_eq(r.blocks.n, 4);
    done(&r);
}
END_TEST

/* Indented PDF text: a title or heading line ends without a stop, yet the
 * marker line below it (第一篇… / 第一章…, 第二章… / 一、…) is a heading of its
 * own; a heading's wrapped tail without a marker still joins it. */
START_TEST(heading_below_a_heading_is_not_joined)
{
    scanned r = scan("青阳市国民经济和社会发展第十五个五年规划纲要\n"
                     "第一篇　开启全面建设社会主义现代化新征程\n"
                     "第一章　发展基础和发展环境\n"
                     "　　“十三五”时期是全面建成小康社会决胜阶段，面对错综复杂的国际\n"
                     "形势、艰巨繁重的改革发展稳定任务，全市上下坚持以习近平新时代中国\n"
                     "特色社会主义思想为指导，经济社会发展取得新的重大成就。\n"
                     "第二章　坚持创新驱动发展，全面塑造发展\n"
                     "新优势\n"
                     "一、指导思想\n"
                     "　　高举中国特色社会主义伟大旗帜，深入贯彻党的十九大和十九届二中、\n"
                     "三中、四中、五中全会精神，坚持稳中求进工作总基调，以推动高质量发\n"
                     "展为主题。\n");
    ck_assert_uint_eq(r.blocks.n, 7);
    block(&r, 0, GW_B_TITLE);
    ck_assert_uint_eq(block(&r, 1, GW_B_HEADING)->last, 1);
    ck_assert_uint_eq(block(&r, 2, GW_B_HEADING)->text.line, 2);
    block(&r, 3, GW_B_PARA);
    const gw_block *b = block(&r, 4, GW_B_HEADING);
    expect_span(b->text.s + b->mark_len, b->title_len, "　坚持创新驱动发展，全面塑造发展新优势");
    ck_assert_uint_eq(block(&r, 5, GW_B_HEADING)->text.line, 8);
    block(&r, 6, GW_B_PARA);
    done(&r);
}
END_TEST

/* Indented PDF text: 二是 at the start of an unindented line goes on with
 * the paragraph even after a line that ends a sentence; a 二是 paragraph
 * of its own is indented. */
START_TEST(runin_point_at_a_line_start_goes_on)
{
    scanned r = scan("　　一、过去一年工作回顾\n"
                     "　　过去一年，我们坚持稳中求进工作总基调，全年经济社会发展主要目标\n"
                     "任务总体完成，重点抓了三个方面工作。一是稳住经济大盘，全年地区生\n"
                     "产总值增长百分之五。\n"
                     "二是保障改善民生，城镇新增就业十二万人，居民收入稳步增长，社会\n"
                     "保障水平持续提高。三是防范化解风险，守住了不发生系统性风险的底\n"
                     "线，社会大局和谐稳定。\n"
                     "　　二是深化改革开放。营商环境持续优化，新设市场主体增长百分之十\n"
                     "二，实际使用外资创历史新高，外贸进出口总额突破千亿元。\n");
    ck_assert_uint_eq(r.blocks.n, 3);
    block(&r, 0, GW_B_HEADING);
    ck_assert_uint_eq(block(&r, 1, GW_B_PARA)->last, 6);
    ck_assert_uint_eq(block(&r, 2, GW_B_HEADING)->text.line, 7);
    done(&r);
}
END_TEST

/* A web page sets a bold lead alone on its line without its stop: a short
 * phrase of Han characters before its body is the paragraph's lead; an
 * address or a phrase with a clause mark is not. */
START_TEST(bare_lead_alone)
{
    scanned r = scan("（一）聚焦产业转型，发展质效稳步提升\n"
                     "数字经济加快壮大\n"
                     "云澜数字港一期建成运营，引进软件和信息服务企业120家，获评省级软件名园。\n"
                     "各位代表\n"
                     "过去一年，我们坚持稳中求进工作总基调，全区经济社会发展呈现良好态势。\n"
                     "产业升级，加快推进\n"
                     "新增限上商贸企业58家，星澜里商业街区入选省级示范步行街。\n");
    const gw_block *b = block(&r, 1, GW_B_PARA);
    ck_assert_uint_eq(b->title_len, b->text.len);
    ck_assert_uint_eq(block(&r, 3, GW_B_PARA)->title_len, 0);
    ck_assert_uint_eq(block(&r, 5, GW_B_PARA)->title_len, 0);
    done(&r);
}
END_TEST

/* Indented PDF text: a table's caption and rows below a paragraph that
 * ends a sentence are not its wrapped lines. */
START_TEST(table_below_wrapped_paragraph)
{
    scanned r = scan("第二节　“十五五”时期主要目标\n"
                     "　　坚持以新时代中国特色社会主义思想为指导，完整准确全面贯\n"
                     "彻新发展理念，以推动高质量发展为主题，统筹发展和安全，奋力谱写\n"
                     "中国式现代化澜川篇章。\n"
                     "　　锚定二〇三五年远景目标，综合考虑发展趋势和条件，“十五五”时\n"
                     "期全市经济社会发展的主要目标是：综合实力实现新跃升，创新能力取得\n"
                     "新突破，城乡融合达到新水平，民生福祉实现新提高。\n"
                     "澜川市“十五五”时期经济社会发展主要指标\n"
                     "类别    指标                    2025年    2030年    属性\n"
                     "经济    地区生产总值增长（%）   6.1       5.5左右   预期性\n"
                     "        城镇化率（%）           68.4      72        预期性\n"
                     "民生    城镇调查失业率（%）     4.9       <5.5      预期性\n");
    ck_assert_uint_eq(r.blocks.n, 4);
    ck_assert_uint_eq(block(&r, 2, GW_B_PARA)->last, 6);
    const gw_block *b = block(&r, 3, GW_B_TABLE);
    ck_assert_uint_eq(b->text.line, 7);
    ck_assert_uint_eq(b->table.n, 4);
    done(&r);
}
END_TEST

/* The number of blocks of a kind. */
static size_t count_kind(const scanned *r, gw_block_kind kind)
{
    size_t n = 0;
    for (size_t i = 0; i < r->blocks.n; i++)
        n += r->blocks.v[i].kind == kind;
    return n;
}

/* Unindented PDF text: a full line stopped mid-sentence goes on below even
 * where the next line opens like a marker (一是, 一一). */
START_TEST(marker_at_a_wrapped_line_start_goes_on)
{
    scanned r = scan("过去一年，我们坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，经济\n"
                     "运行总体平稳，发展质量稳步提升，民生保障有力有效，社会大局和谐稳定，\n"
                     "全年地区生产总值增长百分之五点六，城镇新增就业十二万人。\n"
                     "（一）坚持稳住经济大盘，经济运行在承压中稳中向好。把稳增长放在突出位置，\n"
                     "全面落实国家稳经济一揽子政策和接续措施，多措并举，重点抓了三件事，\n"
                     "一是强化项目支撑，实施三个一批项目1120个，完成投资2400亿元；二是提振\n"
                     "市场消费，发放消费券1.5亿元；三是纾困惠企，新增减税降费160亿元。\n"
                     "对党中央部署的各项任务，我们逐项分解、明确责任、强化督查，逐条逐项\n"
                     "一一落实到位，主要做了以下工作。全年规上工业增加值增长百分之六。\n"
                     "（二）推进创新驱动发展，新动能不断成长。科技投入持续加大，创新平台\n"
                     "建设提速，高新技术企业数量增长百分之二十，技术合同成交额明显增长。\n");
    ck_assert_uint_eq(r.blocks.n, 4);
    block(&r, 0, GW_B_PARA);
    ck_assert_uint_eq(block(&r, 1, GW_B_HEADING)->last, 6);
    ck_assert_uint_eq(block(&r, 2, GW_B_PARA)->last, 8);
    block(&r, 3, GW_B_HEADING);
    done(&r);
}
END_TEST

/* A wrapped copy's bare page numbers, and a running header longer than a
 * report's name, are page lines; the header's first copy above the first
 * page number is the title. */
static const char paged[] =
    "江西省国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要\n"
    "　　“十四五”时期是我国全面建成小康社会、实现第一个百年奋斗目标之后，乘势\n"
    "而上开启全面建设社会主义现代化国家新征程的第一个五年，也是江西在加快革\n"
    "命老区高质量发展上作示范的关键五年。\n"
    "1\n"
    "江西省国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要\n"
    "　　本纲要根据省委建议编制，主要阐明全省发展战略意图、明确政府工作重点、\n"
    "引导规范市场主体行为，是未来五年全省经济社会发展的宏伟蓝图，是全省人民\n"
    "共同的行动纲领。\n"
    "2\n"
    "江西省国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要\n"
    "　　面对错综复杂的国际环境和艰巨繁重的改革发展稳定任务，全省上下坚决贯彻\n"
    "党中央决策部署，统筹推进疫情防控和经济社会发展，经济社会发展取得新的重\n"
    "大成就。\n"
    "3\n";

START_TEST(bare_page_numbers_and_long_running_headers)
{
    scanned r = scan(paged);
    block(&r, 0, GW_B_TITLE);
    ck_assert_uint_eq(count_kind(&r, GW_B_PAGE), 5);
    ck_assert_uint_eq(count_kind(&r, GW_B_PARA), 3);
    done(&r);
}
END_TEST

/* A line of one character in a hard-wrapped copy is the tail of the line
 * above (力 of 新动力 at the foot of a page), not a bare page number. */
START_TEST(one_character_line_is_no_page_number)
{
    scanned r = scan("　　全省经济运行稳中向好，主要指标增速高于全国平均水平，发展质量和效益\n"
                     "不断提升，民生保障有力有效，社会大局和谐稳定，经济社会发展取得新成就。\n"
                     "　　（五）重点领域改革不断深化，为全方位对内对外开放提供新动\n"
                     "力\n"
                     "　　扎实推进国企改革深化提升行动，新疆人才发展集团挂牌成立，组建医药、环\n"
                     "保、标检等3家专业化产业公司，与中石油共同组建新塔油气联合勘探公司。\n");
    ck_assert_uint_eq(count_kind(&r, GW_B_PAGE), 0);
    ck_assert(gw_is_bare_number("12", 2));
    ck_assert(!gw_is_bare_number("力", strlen("力")));
    ck_assert(!gw_is_bare_number("1力", strlen("1力")));
    done(&r);
}
END_TEST

/* Text copied out of a PDF (pdftotext; xinjiang-2025 and shaanxi-2025 as
 * LibreOffice prints them): no indent, no blank line, and headings nearly
 * as long as a line of text. Where a part's headings stand alone (two
 * here, (一) and (三), show it by ending on a short line), a heading is not
 * run into the first line of its text; one wrapped onto a short last line
 * keeps it. */
static const char alone_wrapped[] =
    "一年来，我们按照自治区党委决策部署，主要做了以下工作。\n"
    "(一)乡村全面振兴扎实推进，为保障国家粮食安全和重要农牧\n"
    "产品供给作出新贡献\n"
    "全面落实耕地保护和粮食安全党政同责，安排“三农”资金\n"
    "1137.8 亿元，全疆粮食播种面积 4440 万亩、新增 202.9 万亩，\n"
    "粮食增产 42.2 亿斤，总产 466 亿斤、全国排名上升到第 13 位，粮\n"
    "食单产 1050 斤、首次跃居全国第一。棉花总产 568.6 万吨、占全\n"
    "国 92.2%。果蔬产业提质增效，果品产量达到 1400 万吨，蔬菜产\n"
    "量 2313 万吨。出台稳定肉牛肉羊及奶产业发展九条政策措施，落\n"
    "实畜牧业发展各类资金 50.3 亿元，畜牧业稳步发展，肉类产量\n"
    "211.76 万吨、牛奶产量 198 万吨。水产品产量 19.65 万吨，新疆\n"
    "海鲜成为全国人民餐桌上的“新宠”。建设高标准农田 434 万亩，\n"
    "开展盐碱地综合治理，新增国家现代农业产业园 3 个、农业产业强\n"
    "镇 9 个，现代农业发展基础不断夯实。统筹用好中央 149.2 亿元乡\n"
    "村振兴补助资金，推动联农带农富民产业发展，学习运用“千万工\n"
    "\n"
    "程”经验，创建 15 个全国美丽宜居示范村。新疆正从昔日戈壁荒\n"
    "漠变成“塞上粮仓”，为保障国家粮食安全作出新疆贡献!\n"
    "(二)产业集群效应全面显现，为推动高质量发展积蓄新动能\n"
    "立足国家所需、新疆所能，编制实施新型电力系统、油气增储\n"
    "上产、煤炭清洁高效利用等战略规划，高质量推进新型工业化，加\n"
    "快构建体现新疆特色和优势的现代化产业体系。大力发展新能源产\n"
    "业，建成 3 个千万千瓦级新能源基地，乌昌石光伏集群列入国家先\n"
    "进制造业集群。加强新型电力系统建设，新能源并网装机 4037 万\n"
    "千瓦，总规模突破 1 亿千瓦、占全疆电力装机 50%以上，“疆电外\n"
    "送”1264 亿千瓦时，其中新能源占比近 1/3。全球单体规模最大的\n"
    "才、尊重创造的社会氛围日益浓厚，新疆正成为我国充满商机、投\n"
    "资兴业的热土!\n"
    "(三)重大项目加快布局建设，为构建基础设施“十张网”奠定\n"
    "新基石\n"
    "发挥投资拉动作用，健全“十大机制”、落实“六重清单”，\n"
    "\n"
    "用好中央预算内投资、超长期特别国债等各类政策资金，加快自治\n"
    "区“千百亿”重大工程和基础设施“十张网”建设，完成重点项目\n"
    "投资 3557 亿元。伊宁新机场高速公路、台斯水库、“疆电外送”\n";

static const char alone_long[] =
    "生。把高质量充分就业作为发展的优先目标，打好稳就业促增收硬\n"
    "仗，不断增强群众获得感幸福感安全感。三是坚持守牢底线、防范\n"
    "风险。把底线思维、极限思维贯穿政府工作全过程，保持戒惧之心、\n"
    "增强忧患意识、提高防范能力，牢牢守住社会稳定、债务金融、安\n"
    "全生产等风险底线，实现高质量发展和高水平安全良性互动。\n"
    "重点做好以下 9 项工作：\n"
    "（一）提振信心稳定预期，全方位扩大有效需求\n"
    "提高投资效益。抢抓“两重”“两新”政策机遇，紧盯国家超\n"
    "长期特别国债资金投向，扎实做好项目谋划、对接、推进工作，优\n"
    "化审批流程和要素保障，省级重点项目建立分层级分领域包联机制、\n"
    "完成投资 5000 亿元以上。紧扣产业体系建设抓项目，加快西安高\n"
    "新集成电路、比亚迪二期等项目建设，力争国能神华煤炭综合利用、\n"
    "延长千万吨炼化等项目开工建设，工业投资 4500 亿元以上。扩大\n"
    "专项债券投向领域和用作项目资本金范围。聚焦民生短板弱项扩投\n"
    "资，加大养老托育、供水供热供气等民生项目投入，加快推进城市\n"
    "更新，实施保障性住房、城中村改造、城市综合防护体系等建设，\n"
    "推进国家医学中心和区域医疗中心、高校“双一流”建设等项目，\n"
    "\n"
    "统筹救灾资金加快灾后重建，加快西安、宝鸡“平急两用”公共基\n"
    "础设施建设。紧跟区域发展布局强支撑，加快在建高铁、高速公路、\n"
    "机场、水利设施等进度，开工洋县至西乡和镇巴至陕川界等高速项\n"
    "目，推进国省道干线改造，力争西延高铁、麟法等 3 条高速、西安\n"
    "地铁 15 号线年内建成投运。\n"
    "大力提振消费。开展提振消费专项行动，深化“秦乐购”消费\n"
    "促进年活动，加力扩围实施消费品以旧换新，扩大汽车、家电、数\n"
    "码产品和家装厨卫等大宗消费。完善并提升住房建设标准，加大\n"
    "“好房子”供给，满足多层次住房需求。制定促进服务消费高质量\n"
    "发展实施方案，丰富多元化消费场景，健全健康、养老、托幼、家\n"
    "政等服务消费支持政策，积极挖掘数字、绿色、智能新型消费潜力。\n"
    "加快发展首发经济、银发经济、平台经济、夜间经济，完善现代商\n"
    "贸流通体系，扩大特色农产品电商消费，提升“吃住行游购娱”服\n"
    "务品质，释放文旅消费潜能。严厉打击损害消费者权益行为，进一\n"
    "步优化消费环境。\n"
    "（二）加强产业体系建设，因地制宜发展新质生产力\n"
    "巩固提升优势产业。持续稳煤扩油增气，加快杨家坪、可可盖\n"
    "等煤矿建设，推动榆林和延安气田挖潜扩能、宜黄区块增储上产，\n"
    "力争全年原煤产量 8 亿吨，天然气产量 370 亿方。加快陕煤煤炭分\n"
    "质利用、环氧树脂一期等项目建设，50 万吨甲醇制乙醇项目建成投\n";

static const gw_block *heading_at(const scanned *r, size_t line)
{
    for (size_t i = 0; i < r->blocks.n; i++)
        if (r->blocks.v[i].kind == GW_B_HEADING && r->blocks.v[i].text.line == line)
            return &r->blocks.v[i];
    ck_abort_msg("no heading at line %zu", line);
    return NULL;
}

static void expect_title(const gw_block *b, const char *want)
{
    char got[512];
    size_t n = 0;
    for (size_t i = b->mark_len; i < b->mark_len + b->title_len && n + 1 < sizeof got; i++)
        if (b->text.s[i] != ' ')
            got[n++] = b->text.s[i];
    for (size_t i = 0; b->more_joined && i < b->more.len && n + 1 < sizeof got; i++)
        if (b->more.s[i] != ' ')
            got[n++] = b->more.s[i];
    got[n] = '\0';
    ck_assert_str_eq(got, want);
}

START_TEST(headings_alone_in_a_copy_from_pdf)
{
    scanned r = scan(alone_wrapped);
    ck_assert(!heading_at(&r, 1)->runin);
    ck_assert(!heading_at(&r, 18)->runin);
    expect_title(heading_at(&r, 18), "产业集群效应全面显现，为推动高质量发展积蓄新动能");
    expect_title(heading_at(&r, 28), "重大项目加快布局建设，为构建基础设施“十张网”奠定新基石");
    done(&r);
    r = scan(alone_long);
    ck_assert(!heading_at(&r, 6)->runin);
    expect_title(heading_at(&r, 6), "提振信心稳定预期，全方位扩大有效需求");
    ck_assert(!heading_at(&r, 33)->runin);
    done(&r);
}
END_TEST

/* pdftotext -layout of widely spaced lines (anhui-2025): a blank line
 * between every two lines of text parts nothing; the indent opens a
 * paragraph. */
static const char double_spaced[] = "各位代表：\n"
                                    "\n"
                                    "  现在，我代表省人民政府，向大会报告政府工作，请予审议，\n"
                                    "\n"
                                    "并请省政协委员提出意见。\n"
                                    "\n"
                                    "  一、2024 年工作回顾\n"
                                    "\n"
                                    "  过去一年，是安徽发展史上具有重要里程碑意义的一年。在深\n"
                                    "\n"
                                    "入学习贯彻党的二十届三中全会精神的关键时刻，习近平总书记亲\n"
                                    "\n"
                                    "临安徽考察，发表重要讲话，为安徽全方位把脉定向、指路领航 。\n"
                                    "\n"
                                    "7100 万江淮儿女倍感温暖，倍受鼓舞，倍增干劲，沿着总书记指\n"
                                    "\n"
                                    "引的方向昂扬奋进。\n"
                                    "\n"
                                    "  一年来，全省上下坚持以习近平新时代中国特色社会主义思想\n"
                                    "\n"
                                    "为指导，全面贯彻党的二十大和二十届二中、三中全会精神，深入\n"
                                    "\n"
                                    "落实习近平总书记考察安徽重要讲话精神，深刻领悟“两个确立”\n"
                                    "\n"
                                    "的决定性意义，坚决做到“两个维护”，在省委坚强领导下，紧紧\n"
                                    "\n"
                                    "围绕打造具有重要影响力的“三地一区”，改革创新、创先争优，\n"
                                    "\n"
                                    "抢抓机遇、迎难而上，经济运行稳中有进、进中提质，高质量发展\n"
                                    "\n"
                                    "扎实推进，美好安徽建设迈出坚实步伐。\n";

START_TEST(double_spaced_copy)
{
    scanned r = scan(double_spaced);
    ck_assert_uint_eq(count_kind(&r, GW_B_PARA), 3);
    done(&r);
}
END_TEST

/* pdftotext ends a page with a blank line and opens the next with a form
 * feed (anhui-2025 printed by LibreOffice): the page break falls inside a
 * dash item, whose text goes on; the form feed is no indent. */
static const char form_feed[] = "过去一年，是安徽发展史上具有重要里程碑意义的一年。在深\n"
                                "入学习贯彻党的二十届三中全会精神的关键时刻，习近平总书记亲\n"
                                "临安徽考察，发表重要讲话，为安徽全方位把脉定向、指路领航 。\n"
                                "7100 万江淮儿女倍感温暖，倍受鼓舞，倍增干劲，沿着总书记指\n"
                                "引的方向昂扬奋进。\n"
                                "一年来，全省上下坚持以习近平新时代中国特色社会主义思想\n"
                                "为指导，全面贯彻党的二十大和二十届二中、三中全会精神，深入\n"
                                "落实习近平总书记考察安徽重要讲话精神，深刻领悟“两个确立”\n"
                                "的决定性意义，坚决做到“两个维护”，在省委坚强领导下，紧紧\n"
                                "围绕打造具有重要影响力的“三地一区”，改革创新、创先争优，\n"
                                "抢抓机遇、迎难而上，经济运行稳中有进、进中提质，高质量发展\n"
                                "扎实推进，美好安徽建设迈出坚实步伐。\n"
                                "——经济实力跃上新台阶。全省地区生产总值增长 5.8%，经\n"
                                "\n"
                                "\f济总量跨上 5 万亿元台阶。粮食产量 836.9 亿斤，再创历史新高。\n"
                                "规上工业增加值增长 9%，增速居工业大省第 1 位。社会消费品零\n"
                                "售总额、固定资产投资、一般公共预算收入等指标增速快于全国。\n"
                                "——科技创新策源地建设实现新突破。量子信息、聚变能源、\n"
                                "深空探测三大科创引领高地建设成效显著，“祖冲之三号”实现超\n"
                                "导量子计算最强优越性，聚变能源商业化进程走在世界前列，“天\n"
                                "都”双星实现绕月编队飞行。九韶内核软件、超导质子回旋加速器\n"
                                "等一批技术和产品打破国外垄断，多语种智能语音项目荣获国家科\n"
                                "技进步奖一等奖。每万人口高价值发明专利拥有量增长 28.2%。新\n"
                                "增高新技术企业 3500 家以上、科技型中小企业 7533 家、专精特\n"
                                "新“小巨人”企业 113 家，总数均居全国第一方阵，“乔木”参天、\n";

START_TEST(form_feed_page_break_inside_a_paragraph)
{
    scanned r = scan(form_feed);
    ck_assert_uint_eq(count_kind(&r, GW_B_DASH), 2);
    for (size_t i = 0; i < r.blocks.n; i++)
        ck_assert(strncmp(r.blocks.v[i].text.s, "济总量", strlen("济总量")) != 0);
    const gw_block *d = NULL;
    for (size_t i = 0; i < r.blocks.n && !d; i++)
        if (r.blocks.v[i].kind == GW_B_DASH)
            d = &r.blocks.v[i];
    ck_assert_ptr_nonnull(strstr(d->text.s, "济总量跨上"));
    done(&r);
}
END_TEST

/* The same page as mutool writes it: a blank line after every line, and
 * the form feed on a line of its own between the pages. */
START_TEST(form_feed_line_page_break_inside_a_paragraph)
{
    char *text = malloc(2 * sizeof form_feed + 8);
    ck_assert_ptr_nonnull(text);
    size_t o = 0;
    for (const char *c = form_feed; *c; c++) {
        if (*c == '\n' && c[1] == '\n')
            continue; /* pdftotext's blank line before the page break */
        if (*c == '\f') {
            text[o++] = '\f';
            text[o++] = '\n';
            continue;
        }
        text[o++] = *c;
        if (*c == '\n')
            text[o++] = '\n';
    }
    text[o] = '\0';
    scanned r = scan(text);
    ck_assert_uint_eq(count_kind(&r, GW_B_DASH), 2);
    for (size_t i = 0; i < r.blocks.n; i++)
        ck_assert(strncmp(r.blocks.v[i].text.s, "济总量", strlen("济总量")) != 0);
    done(&r);
    free(text);
}
END_TEST

/* A PDF's page furniture is furniture to the layout's joining too: the
 * copy of the next page's first line that Chromium draws at a page's foot
 * (the reader hints it as page furniture) stands between a heading as
 * long as a line, of a family whose headings stand alone, and the next
 * page's first line, which opens a paragraph of its own: it is no rest of
 * the heading, nor of the copy. */
START_TEST(printed_furniture_between_heading_and_paragraph)
{
    static const char *const text[] = {
        "一、2024年工作回顾",
        "（一）经济运行稳中有进",
        "全面贯彻党的二十大和二十届二中三中全会精神，坚持稳中求进",
        "工作总基调，完整准确全面贯彻新发展理念，加快构建新发展格局，",
        "经济运行总体平稳。",
        "（二）乡村振兴扎实推进",
        "扎实推进乡村全面振兴，粮食产量再创新高，新建高标准农田四百",
        "万亩，农村人居环境持续改善，和美乡村建设扎实推进，脱贫攻坚成",
        "果持续巩固拓展。",
        "（三）科技创新持续增强",
        "持续推动科技创新，研发投入强度稳步提高，新增高新技术企业一千",
        "家，科技型中小企业数量大幅增长，创新平台加快布局，科技成果转",
        "化能力增强。",
        "（四）产业集群效应全面显现，为推动高质量发展积蓄新动能",
        "立足国家所需、新疆所能，编制实施新型电力系统、油气增储上产、",
        "立足国家所需、新疆所能，编制实施新型电力系统、油气增储上产、",
        "煤炭清洁高效利用等战略规划，高质量推进新型工业化，加快构建体",
        "现新疆特色和优势的现代化产业体系。",
    };
    enum { N = sizeof text / sizeof text[0], FURNITURE = 14 };
    char buf[4096] = "";
    for (size_t i = 0; i < N; i++)
        strcat(strcat(buf, text[i]), "\n");
    scanned r;
    ck_assert_int_eq(gw_lines_split(buf, strlen(buf), &r.lines), GW_OK);
    gw_hint hints[N];
    for (size_t i = 0; i < N; i++)
        hints[i] = (gw_hint){GW_LEAD_GUESS, 0, i == FURNITURE, GW_PRINTED_LINE};
    r.lines.hints = hints;
    ck_assert_int_eq(gw_blocks_scan(&r.lines, &r.blocks), GW_OK);
    const gw_block *h = NULL;
    for (size_t i = 0; i < r.blocks.n; i++)
        if (r.blocks.v[i].kind == GW_B_HEADING && strstr(r.blocks.v[i].text.s, "产业集群"))
            h = &r.blocks.v[i];
    ck_assert_ptr_nonnull(h);
    ck_assert_msg(h->last == FURNITURE - 1, "heading took %.*s", (int)h->text.len, h->text.s);
    r.lines.hints = NULL;
    done(&r);
}
END_TEST

/* A PDF viewer's copy (pdf.js) of a page of Chromium's: the glyphs of the
 * next page's first line that Chromium drew at the page's foot come out
 * as a line of pieces right above that line. It is page furniture, and
 * the paragraph below opens with its lead. A letter-spaced title over a
 * line that holds its characters is no such copy: nothing of that line
 * stands between its characters. */
START_TEST(viewer_copy_of_the_next_line_is_furniture)
{
    scanned r = scan("930公⾥。4个项⽬获中国⼈居环境范例奖，福州⼊选⾸批城市更\n"
                     "新⽰范城市，⻰岩⼊选全国第四批⼀刻钟便⺠⽣活圈试点城市，\n"
                     "⽼百姓的⽣活⼜便利了许多，获得感⼜充实了许多。\n"
                     "和美乡村 活⼒ 保障粮⻝安全 格落实耕地保护和粮\n"
                     "和美乡村更具活⼒。保障粮⻝安全，严格落实耕地保护和粮\n"
                     "⻝安全责任制，耕地⾯积连续两年实现净增加，粮⻝播种⾯积\n"
                     "1266.6万亩、产量514.4万吨，均超额完成国家任务。杂交⽔稻制\n");
    int page = 0, lead = 0;
    for (size_t i = 0; i < r.blocks.n; i++) {
        const gw_block *b = &r.blocks.v[i];
        page |= b->kind == GW_B_PAGE && b->text.line == 3;
        lead |= b->kind == GW_B_PARA && b->text.line == 4 && b->title_len > 0;
    }
    ck_assert(page && lead);
    done(&r);
    r = scan("政 府 工 作 报 告\n——2012年政府工作报告全文\n");
    block(&r, 0, GW_B_TITLE);
    done(&r);
}
END_TEST

/* 一是 after a sentence that fills a printed line: where the series runs on
 * inside its paragraph (二是, 三是 stand mid-line), the copy broke the line
 * before 一是 only because the sentence filled it, and 一是 is no heading;
 * where the items open lines, they are headings. */
START_TEST(series_item_after_a_full_line)
{
    /* shaanxi 2025 printed by Chromium and copied from pdf.js, lines 175-235 */
    static const char text[] = "力不强；科技创新引领产业创新的机制还不健全，现代化产业体\n"
                               "系建设仍需加力；一些行业阶段性产能过剩，部分企业经营困\n"
                               "难；重点领域改革仍有不少硬骨头要啃；各类风险隐患仍然不\n"
                               "少；民生建设还有短板；生态环境保护治理任重道远；政府效能\n"
                               "有待进一步提升。我们一定正视困难，采取强有力措施加以解\n"
                               "决。\n"
                               "二、2025年工作安排\n"
                               "今年是“十四五”规划收官之年，也是进一步全面深化改革\n"
                               "的重要一年。做好政府工作，要坚持以习近平新时代中国特色社\n"
                               "会主义思想为指导，全面贯彻落实党的二十大和二十届二中、三\n"
                               "中全会精神及中央经济工作会议精神，深入学习贯彻习近平总书\n"
                               "记历次来陕考察重要讲话重要指示精神，坚持稳中求进工作总基\n"
                               "调，完整准确全面贯彻新发展理念，更加主动服务和融入构建新\n"
                               "发展格局，扎实推动高质量发展，进一步全面深化改革，扩大高\n"
                               "水平对内对外开放，以科技创新引领新质生产力发展，更好统筹\n"
                               "发展和安全，持续深化拓展“三个年”活动，大力发展县域经\n"
                               "济、民营经济、开放型经济、数字经济，加快建设以现代能源、\n"
                               "先进制造、战略性新兴产业、文化旅游等万亿级产业集群为支撑\n"
                               "的现代化产业体系，着力防范风险、稳定预期、激发活力，推动\n"
                               "经济持续回升向好，提高群众生活品质，保持社会和谐稳定，高\n"
                               "质量完成“十四五”规划目标任务，为实现“十五五”良好开局\n"
                               "打牢基础，奋力谱写中国式现代化建设的陕西新篇章。\n"
                               "全省发展的主要预期目标是：生产总值增长5%左右，固定资\n"
                               "产投资增速保持在全国平均水平以上，一般公共预算收入增长\n"
                               "3%，城乡居民人均可支配收入分别增长5%、6%，城镇新增就业\n"
                               "率\n"
                               "40万人以上，城镇调查失业率5.5%左右，居民消费价格涨幅2%左\n"
                               "右，粮食产量1300万吨以上。\n"
                               "当前，内外部环境依然纷繁复杂。要实现上述目标，我们必\n"
                               "须把握大势、增强定力，咬定青山不放松，突出抓好三个方面。\n"
                               "一是坚持稳中求进、以进促稳。把稳增长摆在更加突出的位置，\n"
                               "统筹扩内需、强产业、抓创新、促改革，坚定走好创新引领之\n"
                               "路、能源转化之路、文旅融合之路、绿色转型之路，以工作稳、\n"
                               "政策稳促进经济稳、市场稳。二是坚持就业优先、民生为大。就\n"
                               "业是最基本的民生。把高质量充分就业作为发展的优先目标，打\n"
                               "好稳就业促增收硬仗，不断增强群众获得感幸福感安全感。三是\n"
                               "坚持守牢底线、防范风险。把底线思维、极限思维贯穿政府工作\n"
                               "全过程，保持戒惧之心、增强忧患意识、提高防范能力，牢牢守\n"
                               "住社会稳定、债务金融、安全生产等风险底线，实现高质量发展\n"
                               "和高水平安全良性互动。\n"
                               "重点做好以下9项工作：\n"
                               "（一）提振信心稳定预期，全方位扩大有效需求\n"
                               "提高投资效益。抢抓“两重”“两新”政策机遇，紧盯国家超\n"
                               "长期特别国债资金投向，扎实做好项目谋划、对接、推进工作，\n"
                               "优化审批流程和要素保障，省级重点项目建立分层级分领域包联\n"
                               "机制、完成投资5000亿元以上。紧扣产业体系建设抓项目，加快\n"
                               "西安高新集成电路、比亚迪二期等项目建设，力争国能神华煤炭\n"
                               "综合利用、延长千万吨炼化等项目开工建设，工业投资4500亿元\n"
                               "以上。扩大专项债券投向领域和用作项目资本金范围。聚焦民生\n"
                               "短板弱项扩投资，加大养老托育、供水供热供气等民生项目投\n"
                               "入，加快推进城市更新，实施保障性住房、城中村改造、城市综\n"
                               "合防护体系等建设，推进国家医学中心和区域医疗中心、高校\n"
                               "“双一流”建设等项目，统筹救灾资金加快灾后重建，加快西\n"
                               "安、宝鸡“平急两用”公共基础设施建设。紧跟区域发展布局强\n"
                               "支撑，加快在建高铁、高速公路、机场、水利设施等进度，开工\n"
                               "洋县至西乡和镇巴至陕川界等高速项目，推进国省道干线改造，\n"
                               "力争西延高铁、麟法等3条高速、西安地铁15号线年内建成投运。\n"
                               "大力提振消费。开展提振消费专项行动，深化“秦乐购”消\n"
                               "费促进年活动，加力扩围实施消费品以旧换新，扩大汽车、家\n"
                               "电、数码产品和家装厨卫等大宗消费。完善并提升住房建设标\n"
                               "准，加大“好房子”供给，满足多层次住房需求。制定促进服务\n";
    scanned r = scan(text);
    for (size_t i = 0; i < r.blocks.n; i++)
        ck_assert(r.blocks.v[i].kind != GW_B_HEADING ||
                  strncmp(r.blocks.v[i].text.s, "一是", strlen("一是")) != 0);
    done(&r);
}
END_TEST

/* Numbers among the short cells of a table are no page numbers. */
START_TEST(bare_numbers_in_a_table_stay)
{
    scanned r = scan("　　全省经济运行稳中向好，主要指标增速高于全国平均水平，发展质量和效益\n"
                     "不断提升，民生保障有力有效，社会大局和谐稳定，经济社会发展取得新成就。\n"
                     "　　主要指标如下，生产总值增长百分之六，一般公共预算收入增长百分之五，\n"
                     "城镇\n653\n农村\n412\n");
    ck_assert_uint_eq(count_kind(&r, GW_B_PAGE), 0);
    done(&r);
}
END_TEST

/* In a file whose paragraphs are indented, an unindented short line after
 * a finished sentence is a heading of its own when a new block follows. */
START_TEST(unindented_title_line_in_indented_text)
{
    scanned r = scan("    务政府、责任政府、法治政府的要求，全面加强政府自身建设，努力提高\n"
                     "行政能力和服务水平，为全省经济社会发展提供有力保障，推动各项工作\n"
                     "落实。让我们团结一心，奋力拼搏，为构建中部崛起战略支点而努力奋斗！\n"
                     "名词解释\n"
                     "    1.“两型社会”：指资源节约型、环境友好型社会。2007年12月，国务\n"
                     "院批准武汉城市圈为全国两型社会建设综合配套改革试验区，开展先行先\n"
                     "试。\n");
    const gw_block *h = block(&r, 1, GW_B_HEADING);
    ck_assert_int_eq(h->marker.family, GW_F_NOTES);
    const gw_block *b = block(&r, 2, GW_B_NOTE);
    ck_assert_uint_eq(b->last, 6);
    ck_assert_uint_eq(r.blocks.n, 3);
    done(&r);
}
END_TEST

/* Box items hard-wrapped over several lines stay items. */
START_TEST(wrapped_box_items)
{
    scanned r = scan("　　争创国家级创新平台。围绕航空、中医药、稀土、有色金属、电子信息等优势\n"
                     "领域，积极争创国家实验室基地、国家重点实验室和国家技术创新中心，力争国\n"
                     "家级创新平台数量实现倍增。\n"
                     "　　高标准建设省实验室。按照一室一策原则，布局建设一批省实验室，推动中国科\n"
                     "学院赣江创新研究院、南昌大学等创新平台提质增效，形成梯次接续的创新平\n"
                     "台体系。\n"
                     "专栏1　重大创新平台建设工程\n"
                     "1.国家级创新平台：争创中医药、稀土功能材料、航空等领域国家重点实验室和国\n"
                     "家技术创新中心，建设国家级制造业创新中心。\n"
                     "2.省实验室：建设南昌实验室、赣江实验室、鄱阳湖湿地与流域研究实验室等省实\n"
                     "验室。\n"
                     "3.新型研发机构：支持中国科学院赣江创新研究院、北航江西研究院等新型研发机\n"
                     "构加快发展。\n");
    ck_assert_uint_eq(count_kind(&r, GW_B_BOX_ITEM), 3);
    const gw_block *b = block(&r, 5, GW_B_BOX_ITEM);
    expect_span(b->text.s + b->mark_len, b->name_len, "新型研发机构");
    ck_assert_uint_eq(b->last, 12);
    done(&r);
}
END_TEST

/* A plan's title wrapped before 和 is one title. */
START_TEST(title_in_two_halves)
{
    scanned r = scan("江西省国民经济和社会发展第十四个五年规划\n和二〇三五年远景目标纲要\n\n"
                     "序　言\n");
    const gw_block *b = block(&r, 0, GW_B_TITLE);
    expect_span(b->text.s, b->text.len, "江西省国民经济和社会发展第十四个五年规划");
    expect_span(b->more.s, b->more.len, "和二〇三五年远景目标纲要");
    block(&r, 1, GW_B_HEADING);
    done(&r);
    /* a page heading above the title is not its first half */
    r = scan("2018年政府工作报告\n政府工作报告\n——2018年3月5日在第十三届全国人民代表大会第一次"
             "会议上\n");
    b = block(&r, 1, GW_B_TITLE);
    ck_assert_uint_eq(b->more.len, 0);
    done(&r);
}
END_TEST

/* Contents without page numbers: unnumbered parts are entries too, and
 * the text begins where the first entry comes again. */
START_TEST(plain_contents)
{
    scanned r = scan("目　　录\n序　言\n第一篇　开启新征程\n第一章　发展基础\n名词解释\n\n"
                     "序　言\n“十四五”时期是关键五年。\n\n第一篇　开启新征程\n");
    block(&r, 0, GW_B_TOC);
    ck_assert_uint_eq(count_kind(&r, GW_B_TOC_ENTRY), 4);
    ck_assert_int_eq(block(&r, 5, GW_B_HEADING)->marker.family, GW_F_PREFACE);
    ck_assert_uint_eq(count_kind(&r, GW_B_NOTE), 0);
    done(&r);
    /* with page numbers, the entry is compared without them */
    r = scan("目　录\n序　言\t1\n第一章　发展基础\t2\n\n序　言\n正文。\n");
    ck_assert_uint_eq(count_kind(&r, GW_B_TOC_ENTRY), 2);
    ck_assert_int_eq(block(&r, 3, GW_B_HEADING)->marker.family, GW_F_PREFACE);
    done(&r);
}
END_TEST

/* 注：①… below a table, then ②… ③…: paragraphs, not headings. */
START_TEST(table_footnotes_are_no_headings)
{
    scanned r = scan("注：①地区生产总值按可比价计算。\n②［　］内为5年累计数。\n"
                     "③城镇调查失业率为年度控制目标。\n①坚持创新驱动。正文。\n");
    ck_assert_uint_eq(count_kind(&r, GW_B_PARA), 3);
    block(&r, 3, GW_B_HEADING);
    done(&r);
}
END_TEST

/* A bare date below the subtitle dates the speech: no second subtitle. */
START_TEST(date_below_the_subtitle)
{
    scanned r = scan("临港经济开发区管理委员会工作报告\n——在开发区2025年经济工作会议上\n"
                     "管委会主任　刘志强\n（2025年2月10日）\n各位领导、同志们：\n");
    ck_assert_uint_eq(count_kind(&r, GW_B_SUBTITLE), 1);
    block(&r, 3, GW_B_FRONT_PARA);
    done(&r);
}
END_TEST

/* ［1］一降三减： alone (a web copy breaks the line after the colon): the
 * note holds the definition below it, across a blank line; a term whose
 * next line is the next entry or a label keeps no definition. */
START_TEST(note_definition_on_the_next_line)
{
    scanned r = scan("名词解释\n\n［1］一降三减：\n\n指降低成本、减少审批。\n\n"
                     "2.“四上”企业:\n指规模以上工业企业。\n3.专精特新：\n4.低空经济：\n"
                     "相关链接：\n\n“双碳”：\n\n指碳达峰与碳中和。\n");
    const gw_block *b = block(&r, 1, GW_B_NOTE);
    expect_span(b->text.s + b->mark_len, b->name_len, "一降三减");
    expect_span(b->more.s, b->more.len, "指降低成本、减少审批。");
    b = block(&r, 2, GW_B_NOTE);
    expect_span(b->text.s + b->mark_len, b->name_len, "“四上”企业");
    expect_span(b->more.s, b->more.len, "指规模以上工业企业。");
    b = block(&r, 3, GW_B_NOTE);
    ck_assert_uint_eq(b->more.len, 0);
    b = block(&r, 4, GW_B_NOTE);
    ck_assert_uint_eq(b->more.len, 0);
    block(&r, 5, GW_B_PARA);
    b = block(&r, 6, GW_B_NOTE);
    expect_span(b->text.s, b->name_len, "“双碳”");
    expect_span(b->more.s, b->more.len, "指碳达峰与碳中和。");
    ck_assert_uint_eq(r.blocks.n, 7);
    done(&r);
}
END_TEST

/* Below numbered notes, an unnumbered TERM：… line is a page's label. */
START_TEST(label_below_numbered_notes)
{
    scanned r = scan("名词解释\n1.“两新”政策：指推动大规模设备更新和消费品以旧换新政策。\n"
                     "相关链接：滨江区2024年政府工作报告\n");
    block(&r, 1, GW_B_NOTE);
    block(&r, 2, GW_B_PARA);
    done(&r);
}
END_TEST

/* A box set as a table of projects: the box, then its table (no caption). */
START_TEST(box_of_a_table)
{
    scanned r = scan("专栏2　数字产业重点项目\n领域\t项目名称\t建设内容\n"
                     "电子信息\t智能终端产业园\t建设标准厂房\n软件服务\t大数据产业园\t引进企业\n"
                     "数字文旅\t智慧景区\t建设智慧导览\n");
    const gw_block *b = block(&r, 0, GW_B_BOX);
    expect_span(b->text.s + b->mark_len, b->text.len - b->mark_len, "　数字产业重点项目");
    b = block(&r, 1, GW_B_TABLE);
    ck_assert_uint_eq(b->text.len, 0);
    ck_assert_uint_eq(b->table.n, 4);
    ck_assert_uint_eq(r.blocks.n, 2);
    done(&r);
}
END_TEST

/* A line that carries title, subtitle and speaker beats a page heading
 * above it. */
START_TEST(merged_front_line_beats_a_page_heading)
{
    scanned r = scan("首页 > 政务公开 > 政府工作报告\n2024年湖南省政府工作报告（全文）\n\n"
                     "政府工作报告——2024年1月21日在湖南省第十四届人民代表大会第二次会议上"
                     "　湖南省省长　毛伟明\n各位代表：\n");
    size_t at = 0;
    while (at < r.blocks.n && r.blocks.v[at].kind != GW_B_TITLE)
        at++;
    ck_assert_uint_eq(block(&r, at, GW_B_TITLE)->text.line, 3);
    ck_assert_uint_eq(count_kind(&r, GW_B_TITLE), 1);
    ck_assert_uint_eq(count_kind(&r, GW_B_SUBTITLE), 1);
    ck_assert_uint_eq(count_kind(&r, GW_B_AUTHOR), 1);
    done(&r);
}
END_TEST

/* Word copies of 2025 reports: a session line without ——, behind a 来源
 * credit, or carrying the speaker and 作政府工作报告; the title above stays. */
START_TEST(session_lines_of_word_copies)
{
    static const char *const forms[] = {
        "2025年广西政府工作报告\n来源：广西日报\n"
        "2025年1月13日在广西壮族自治区第十四届人民代表大会第三次会议上\n"
        "自治区主席 艾尔肯·吐尼亚孜\n各位代表：\n",
        "2025年河南省政府工作报告\n"
        "2025年1月18日在河南省第十四届人民代表大会第三次会议上河南省人民政府省长王凯作政府"
        "工作报告\n\n各位代表：\n",
        "2025年江西省政府工作报告\n来源：江西省人民政府2025年1月17日在江西省第十四届人民代表"
        "大会第三次会议上省长叶建春作政府工作报告。\n各位代表：\n",
    };
    static const char *const authors[] = {"自治区主席 艾尔肯·吐尼亚孜", "河南省人民政府省长王凯",
                                          "省长叶建春"};
    for (size_t k = 0; k < 3; k++) {
        scanned r = scan(forms[k]);
        const gw_block *b = block(&r, 0, GW_B_TITLE);
        ck_assert_uint_eq(b->text.line, 0);
        ck_assert_uint_eq(count_kind(&r, GW_B_TITLE), 1);
        ck_assert_uint_eq(count_kind(&r, GW_B_SUBTITLE), 1);
        ck_assert_uint_eq(count_kind(&r, GW_B_AUTHOR), 1);
        ck_assert_uint_eq(count_kind(&r, GW_B_SALUTATION), 1);
        for (size_t i = 0; i < r.blocks.n; i++)
            if (r.blocks.v[i].kind == GW_B_AUTHOR)
                expect_span(r.blocks.v[i].text.s, r.blocks.v[i].text.len, authors[k]);
            else if (r.blocks.v[i].kind == GW_B_SUBTITLE)
                ck_assert(gw_starts(r.blocks.v[i].text.s, r.blocks.v[i].text.len, "2025年1月1"));
        done(&r);
    }
    /* ----…会议的政府工作报告 ends like a title but is the subtitle */
    scanned r =
        scan("2025年上海市政府工作报告\n----2025年1月15日龚正市长在上海市第十六届人民代表大会"
             "第三次会议的政府工作报告\n各位代表：\n");
    ck_assert_uint_eq(block(&r, 0, GW_B_TITLE)->text.line, 0);
    block(&r, 1, GW_B_SUBTITLE);
    done(&r);
    /* a bare name between title and salutation is the speaker; a short
     * word that is no name (全文 in brackets) is not */
    r = scan("2021年政府工作报告\n李克强\n\n各位代表：\n");
    expect_span(block(&r, 1, GW_B_AUTHOR)->text.s, r.blocks.v[1].text.len, "李克强");
    done(&r);
    r = scan("2021年政府工作报告\n（全文）\n各位代表：\n");
    ck_assert_uint_eq(count_kind(&r, GW_B_AUTHOR), 0);
    done(&r);
    /* a sentence of prose with a date and a meeting is no session line */
    r = scan("政府工作报告\n2025年1月15日在大会上，代表们审议了报告。\n各位代表：\n");
    ck_assert_uint_eq(count_kind(&r, GW_B_SUBTITLE), 0);
    done(&r);
}
END_TEST

/* An unquoted term alone on its line, its definition below saying 指… */
START_TEST(unquoted_term_above_its_definition)
{
    scanned r = scan("名词解释\n“一网统管”\n指城市运行一网统管。\n低空经济\n"
                     "指以民用有人驾驶和无人驾驶航空器为牵引的综合性经济形态。\n");
    ck_assert_uint_eq(count_kind(&r, GW_B_NOTE), 2);
    const gw_block *b = block(&r, 2, GW_B_NOTE);
    expect_span(b->text.s, b->name_len, "低空经济");
    done(&r);
}
END_TEST

/* A header printed twice, once beside — 1 — and once beside a bare 2: both
 * copies and both numbers are page lines. */
START_TEST(header_beside_page_numbers)
{
    static const char *const para =
        "　　深入实施创新名城建设行动，新增高新技术企业一百五十二家、科技型中小企\n"
        "业一千二百四十家，软件和信息服务业营收突破一千一百亿元，数字经济核心产\n"
        "业增加值占比达到百分之十五，创新驱动发展的动力更加强劲，发展后劲明显\n";
    char src[4096] = "";
    strcat(src, para);
    strcat(src, "— 1 —\n2024年鼓楼区政府工作报告\n");
    strcat(src, para);
    strcat(src, "2\n2024年鼓楼区政府工作报告\n");
    strcat(src, para);
    scanned r = scan(src);
    size_t pages = 0;
    for (size_t i = 0; i < r.blocks.n; i++)
        pages += r.blocks.v[i].kind == GW_B_PAGE ? 1 : r.blocks.v[i].npages;
    ck_assert_uint_eq(pages, 4);
    done(&r);
}
END_TEST

/* A long command is a lead among leads, plain prose on its own. */
START_TEST(long_lead_needs_company)
{
    scanned r =
        scan("推动简政放权、放管结合、优化服务改革向纵深发展。全年取消下放行政审批事项165项。\n"
             "深化财税金融改革。推进财政资金统筹使用。\n"
             "第一节　整合优化科技资源配置\n"
             "以国家战略性需求为导向推进创新体系优化组合，加快构建战略科技力量。\n"
             "优化提升国家工程研究中心、国家技术创新中心等创新基地。推进科研力量优化配置。\n");
    ck_assert_uint_gt(block(&r, 0, GW_B_PARA)->title_len, 0);
    ck_assert_uint_gt(block(&r, 1, GW_B_PARA)->title_len, 0);
    ck_assert_uint_eq(block(&r, 4, GW_B_PARA)->title_len, 0);
    done(&r);
}
END_TEST

/* Two-clause and long leads stand beside a plain lead or in a run of three;
 * a rhetorical pair among prose, or a topic whose next line turns to the
 * deputies, is no lead. */
START_TEST(leads_from_the_document_habits)
{
    scanned r = scan("（一）完善区域布局\n"
                     "深入推进长三角一体化发展，更好服务和融入国家发展战略。主动对接上海。\n"
                     "加快皖北地区全面振兴。全面提升皖北基础设施建设水平。\n"
                     "（二）建设国际中心\n"
                     "加快国际经济中心建设，产业体系现代化水平持续提升。重点发展新质生产力。\n"
                     "加快国际金融中心建设，金融“四个体系”持续完善。发布“科创板八条”。\n"
                     "加快国际贸易中心建设，链接全球能力深化拓展。举办进口博览会。\n"
                     "二、今年工作\n"
                     "今年是“十四五”规划收官之年，做好政府工作意义重大。\n"
                     "决战重在行动，决胜唯有实干。做好今年工作，必须坚持党的领导。\n"
                     "今年要重点抓好以下十个方面工作。\n"
                     "继续办好10件惠民实事。\n"
                     "各位代表！人民政府为人民，让人民过上幸福生活是我们的头等大事。\n");
    ck_assert_uint_gt(block(&r, 1, GW_B_PARA)->title_len, 0);
    ck_assert_uint_gt(block(&r, 2, GW_B_PARA)->title_len, 0);
    for (size_t i = 4; i <= 6; i++)
        ck_assert_uint_gt(block(&r, i, GW_B_PARA)->title_len, 0);
    ck_assert_uint_eq(block(&r, 9, GW_B_PARA)->title_len, 0);
    ck_assert_uint_eq(block(&r, 11, GW_B_PARA)->title_len, 0);
    done(&r);
    /* two maxims in a row before a plain lead: the run stands beside it,
     * the first as much as the second */
    r = scan(
        "（十）办好民生实事\n"
        "就业是最大的民生，要多措并举推动产业与就业互促共进。各级政府要把就业促进行动作为头等大事。"
        "\n"
        "教育是最基本的民生需求，没有良好的教育既留不住人才也留不住人口。学前教育重点抓普及普惠。\n"
        "深化医药卫生体制改革。推动优质医疗资源扩容下沉。\n");
    for (size_t i = 1; i <= 3; i++)
        ck_assert_uint_gt(block(&r, i, GW_B_PARA)->title_len, 0);
    done(&r);
    /* the same two without a plain lead at either end are prose */
    r = scan(
        "（十）办好民生实事\n"
        "就业是最大的民生，要多措并举推动产业与就业互促共进。各级政府要把就业促进行动作为头等大事。"
        "\n"
        "教育是最基本的民生需求，没有良好的教育既留不住人才也留不住人口。学前教育重点抓普及普惠。\n"
        "（十一）统筹发展和安全\n");
    ck_assert_uint_eq(block(&r, 1, GW_B_PARA)->title_len, 0);
    ck_assert_uint_eq(block(&r, 2, GW_B_PARA)->title_len, 0);
    done(&r);
}
END_TEST

/* A report that sets its leads alone on their lines does so throughout: a
 * sentence alone above its body is a lead there even when it reads as
 * prose; an intro (以下), a statement the body goes on from (这是…, 五年来，…)
 * and the same sentence in a report without the habit stay prose. */
START_TEST(leads_alone_by_the_document_habit)
{
    static const char body[] =
        "全岛封关运作准备工作全面完成，各项压力测试有序开展，口岸设施建设全面完成并通过验收。\n";
    static const char habit[] =
        "经济运行回升向好。\n"
        "全省地区生产总值稳步增长，固定资产投资止跌回升，社会消费品零售总额保持增长。\n"
        "改革开放纵深推进。\n"
        "营商环境持续优化，重点领域改革取得突破，制度型开放稳步扩大，自由贸易港政策红利释放。\n"
        "风险防控扎实有效。\n"
        "金融风险总体可控，不良贷款率保持较低水平，房地产市场平稳运行，政府债务风险有序化解。\n";
    char text[2048];
    snprintf(
        text, sizeof text,
        "这一年，我们感恩奋进、埋头苦干，封关运作如期实现。\n%s%s"
        "一年来，主要做了以下工作。\n%s"
        "成绩来之不易。\n这是以习近平同志为核心的党中央坚强领导的结果，是全省人民团结奋斗的结果。\n"
        "本届政府任期即将结束。\n五年来，我们在党中央坚强领导下，团结带领全省人民砥砺奋进，各项事业"
        "取得新进展。\n",
        body, habit, body);
    scanned r = scan(text);
    ck_assert_uint_gt(block(&r, 0, GW_B_PARA)->title_len, 0);
    ck_assert_uint_eq(block(&r, 8, GW_B_PARA)->title_len, 0);
    ck_assert_uint_eq(block(&r, 10, GW_B_PARA)->title_len, 0);
    ck_assert_uint_eq(block(&r, 12, GW_B_PARA)->title_len, 0);
    done(&r);
    /* without the habit the same line is prose */
    snprintf(text, sizeof text, "这一年，我们感恩奋进、埋头苦干，封关运作如期实现。\n%s", body);
    r = scan(text);
    ck_assert_uint_eq(block(&r, 0, GW_B_PARA)->title_len, 0);
    done(&r);
}
END_TEST

/* A heading title the author broke over two paragraphs: the second half
 * reads as a lead without its stop, but in a document that sets no other
 * such lead, standing where the section's introduction goes (sub-headings
 * follow), it goes on with the title. A document that sets its leads bare
 * keeps the lead below its heading (bare_lead_alone: one bare lead, no
 * sub-heading after it). */
START_TEST(heading_broken_over_two_paragraphs)
{
    static const char body[] =
        "人民满意是衡量政府工作的根本标准，全市政府系统要坚持以人民为中心的发展思想。\n";
    char text[2048];
    snprintf(text, sizeof text,
             "建设更高水平的平安重庆。强化地方债务、房地产、金融等领域风险防范化解。\n"
             "三、持续提升政府\n治理效能和服务水平\n%s"
             "（一）以政治铸魂淬炼忠诚。旗帜鲜明讲政治，坚定拥护“两个确立”。\n",
             body);
    scanned r = scan(text);
    const gw_block *h = block(&r, 1, GW_B_HEADING);
    expect_span(h->more.s, h->more.len, "治理效能和服务水平");
    ck_assert(h->more_joined);
    ck_assert_uint_eq(h->last, 2);
    ck_assert_uint_eq(block(&r, 2, GW_B_PARA)->text.line, 3);
    done(&r);
    /* a line above a 第二节 stands for the missing 第一节, no title's tail */
    snprintf(text, sizeof text, "第二章　重点任务\n加强民主法治建设\n%s第二节　提升治理能力\n%s",
             body, body);
    r = scan(text);
    ck_assert_uint_eq(block(&r, 0, GW_B_HEADING)->more.len, 0);
    done(&r);
    /* the same where the document sets other leads bare */
    snprintf(text, sizeof text,
             "三、持续提升政府\n治理效能和服务水平\n%s"
             "（一）以政治铸魂淬炼忠诚\n城市功能持续完善\n%s社会治理不断加强\n%s",
             body, body, body);
    r = scan(text);
    ck_assert_uint_eq(block(&r, 0, GW_B_HEADING)->more.len, 0);
    ck_assert_uint_gt(block(&r, 1, GW_B_PARA)->title_len, 0);
    done(&r);
    snprintf(text, sizeof text,
             "（一）聚焦产业转型\n数字经济加快壮大\n%s"
             "（二）坚定不移抓更新\n推进片区综合开发\n%s"
             "城市功能持续完善\n%s",
             body, body, body);
    r = scan(text);
    ck_assert_uint_eq(block(&r, 0, GW_B_HEADING)->more.len, 0);
    ck_assert_uint_gt(block(&r, 1, GW_B_PARA)->title_len, 0);
    done(&r);
}
END_TEST

/* A note list as OCR reads it: numbers without their point (1两重”:,
 * 2…“两新”:), and a quote closed by a straight one, which hides the
 * colon from a bracket-aware search */
START_TEST(ocr_note_list)
{
    scanned r = scan("名词解释\n\n1两重”: 国家重大战略实施。\n\n2…“两新”: 大规模设备更新。\n\n"
                     "3.沪滇“16+16\"园区共建: 上海16个区与云南。\n");
    ck_assert_uint_eq(count_kind(&r, GW_B_NOTE), 3);
    const gw_block *last = &r.blocks.v[r.blocks.n - 1];
    ck_assert_int_eq(last->kind, GW_B_NOTE);
    expect_span(last->text.s + last->mark_len, last->name_len, "沪滇“16+16\"园区共建");
    done(&r);
}
END_TEST

/* OCR reads a transcribed name's · as . */
START_TEST(ocr_dotted_name)
{
    scanned r = scan("2025年新疆政府工作报告\n\n自治区主席 艾尔肯.吐尼亚孜\n\n各位代表：\n");
    ck_assert_uint_eq(count_kind(&r, GW_B_AUTHOR), 1);
    done(&r);
}
END_TEST

/* OCR reads —— as 一一: where it opens paragraph after paragraph they are
 * dash items, however long the first sentence (a lone 一一 at a
 * paragraph's start may be the adverb, and is left to gw_dash_len) */
START_TEST(ocr_dashes_in_a_run)
{
    const char *one = "一一我们坚持锚定目标不松劲，以超常规举措拼经济促发展，全力推动经济企稳向好。"
                      "深化按季抓、月跟踪。\n\n";
    const char *two =
        "一一我们坚持聚焦关键领域、关键问题，集中力量、重点突破，确保七大攻坚战见行见效。"
        "成立专班、制定方案。\n";
    char s[1024];
    snprintf(s, sizeof s, "%s%s", one, two);
    scanned r = scan(s);
    ck_assert_uint_eq(count_kind(&r, GW_B_DASH), 2);
    done(&r);
    r = scan(one);
    ck_assert_uint_eq(count_kind(&r, GW_B_DASH), 0);
    done(&r);
}
END_TEST

/* OCR mangles （八） into (/八) or 〈x): where the （N） headings are due,
 * such a paragraph is the next of them; a word in brackets is not */
START_TEST(ocr_garbled_paren_heading)
{
    scanned r = scan("一、总体要求\n\n（七）加强生态保护。推进治理。\n\n"
                     "(/八) 守牢红线底线，全省社会大局保持平安和谐稳定。完善机制。\n\n"
                     "(中医类) 落地实施。中原农谷集聚种业研发团队。\n\n（完）\n");
    const gw_block *b = NULL;
    for (size_t i = 0; i < r.blocks.n && !b; i++)
        if (r.blocks.v[i].kind == GW_B_HEADING && r.blocks.v[i].marker.n == 8)
            b = &r.blocks.v[i];
    ck_assert_ptr_nonnull(b);
    ck_assert_int_eq(b->marker.family, GW_F_CN_PAREN);
    ck_assert_int_eq(b->marker.n, 8);
    ck_assert_uint_eq(b->mark_len, strlen("(/八)"));
    ck_assert_uint_eq(count_kind(&r, GW_B_HEADING), 3);
    done(&r);
    /* without （N） headings before it, nothing is due */
    r = scan("一、总体要求\n\n(/八) 守牢红线底线。完善机制。\n");
    ck_assert_uint_eq(count_kind(&r, GW_B_HEADING), 1);
    done(&r);
}
END_TEST

/* A blank line below a full line that stops mid-sentence is OCR's cut
 * (a column or page edge) in a copy that sets paragraphs apart */
START_TEST(ocr_blank_line_mid_sentence)
{
    scanned r = scan("省科学院在先进材料、量子科技、人工智能等领域形成一批重大\n"
                     "科技成果。中原医学科学城智能医学研究设施启动建设，国家医学\n\n"
                     "中心落地实施。中原农谷集聚种业研发团队53支，培育优良品种\n"
                     "161个，创新平台体系更加完善。\n\n"
                     "加快建设现代化产业体系。推动传统产业转型升级，提高产业链\n"
                     "供应链韧性和安全水平，做强做优实体经济。\n");
    ck_assert_uint_eq(count_kind(&r, GW_B_PARA), 2);
    done(&r);
}
END_TEST

Suite *blocks_suite(void)
{
    Suite *s = suite_create("blocks");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, run_in_heading_splits_at_first_sentence_end);
    tcase_add_test(tc, line_broken_inside_a_quote_continues);
    tcase_add_test(tc, standalone_heading_keeps_whole_line);
    tcase_add_test(tc, chapter_number_above_its_title);
    tcase_add_test(tc, one_is_in_mid_sentence_is_prose);
    tcase_add_test(tc, front_matter_in_full);
    tcase_add_test(tc, front_matter_on_one_line);
    tcase_add_test(tc, wrapped_subtitle_and_page_heading);
    tcase_add_test(tc, speaker_wrapped_onto_the_next_line);
    tcase_add_test(tc, front_lines_wrapped_in_two);
    tcase_add_test(tc, headings_alone_in_a_copy_from_pdf);
    tcase_add_test(tc, double_spaced_copy);
    tcase_add_test(tc, form_feed_page_break_inside_a_paragraph);
    tcase_add_test(tc, form_feed_line_page_break_inside_a_paragraph);
    tcase_add_test(tc, printed_furniture_between_heading_and_paragraph);
    tcase_add_test(tc, viewer_copy_of_the_next_line_is_furniture);
    tcase_add_test(tc, series_item_after_a_full_line);
    tcase_add_test(tc, one_character_line_is_no_page_number);
    tcase_add_test(tc, no_front_matter);
    tcase_add_test(tc, subtitle_dash_forms);
    tcase_add_test(tc, date_line_is_a_subtitle);
    tcase_add_test(tc, session_lines_of_word_copies);
    tcase_add_test(tc, leads_from_the_document_habits);
    tcase_add_test(tc, leads_alone_by_the_document_habit);
    tcase_add_test(tc, heading_broken_over_two_paragraphs);
    tcase_add_test(tc, box_and_its_items);
    tcase_add_test(tc, item_name_ends_before_an_ascii_question_mark);
    tcase_add_test(tc, notes_section);
    tcase_add_test(tc, dash_item_lead);
    tcase_add_test(tc, box_title_below_and_items_with_descriptions);
    tcase_add_test(tc, caption_unit_line_and_row_table);
    tcase_add_test(tc, page_numbers_are_not_dash_items);
    tcase_add_test(tc, unnumbered_glossary_terms);
    tcase_add_test(tc, page_labels_are_not_notes);
    tcase_add_test(tc, glossary_annex);
    tcase_add_test(tc, annex_title_on_the_next_line);
    tcase_add_test(tc, marker_at_a_wrapped_line_start_goes_on);
    tcase_add_test(tc, heading_below_a_heading_is_not_joined);
    tcase_add_test(tc, runin_point_at_a_line_start_goes_on);
    tcase_add_test(tc, bare_lead_alone);
    tcase_add_test(tc, table_below_wrapped_paragraph);
    tcase_add_test(tc, bare_page_numbers_and_long_running_headers);
    tcase_add_test(tc, bare_numbers_in_a_table_stay);
    tcase_add_test(tc, unindented_title_line_in_indented_text);
    tcase_add_test(tc, wrapped_box_items);
    tcase_add_test(tc, title_in_two_halves);
    tcase_add_test(tc, plain_contents);
    tcase_add_test(tc, table_footnotes_are_no_headings);
    tcase_add_test(tc, date_below_the_subtitle);
    tcase_add_test(tc, label_below_numbered_notes);
    tcase_add_test(tc, note_definition_on_the_next_line);
    tcase_add_test(tc, cover_notice_above_the_title);
    tcase_add_test(tc, scraped_wrapper_around_the_front);
    tcase_add_test(tc, split_subscripts_rejoined);
    tcase_add_test(tc, line_opening_with_a_comma_continues);
    tcase_add_test(tc, heading_broken_over_two_lines);
    tcase_add_test(tc, box_of_a_table);
    tcase_add_test(tc, merged_front_line_beats_a_page_heading);
    tcase_add_test(tc, unquoted_term_above_its_definition);
    tcase_add_test(tc, header_beside_page_numbers);
    tcase_add_test(tc, long_lead_needs_company);
    tcase_add_test(tc, hard_wrapped_paragraphs_are_joined);
    tcase_add_test(tc, ocr_dashes_in_a_run);
    tcase_add_test(tc, ocr_dotted_name);
    tcase_add_test(tc, ocr_note_list);
    tcase_add_test(tc, ocr_garbled_paren_heading);
    tcase_add_test(tc, ocr_blank_line_mid_sentence);
    tcase_add_test(tc, unwrapped_text_is_not_joined);
    tcase_add_test(tc, running_headers_in_wrapped_text);
    suite_add_tcase(s, tc);
    return s;
}
