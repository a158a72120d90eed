#include "suites.h"
#include "marker.h"

#include <string.h>

static void expect(const char *s, gw_family f, int n, const char *marker)
{
    gw_marker m;
    ck_assert_msg(gw_marker_scan(s, strlen(s), &m), "no marker in %s", s);
    ck_assert_msg(m.family == f, "%s: family %s, want %s", s, gw_family_name(m.family),
                  gw_family_name(f));
    ck_assert_int_eq(m.n, n);
    ck_assert_uint_eq(m.len, strlen(marker));
    ck_assert(memcmp(s, marker, m.len) == 0);
}

static void reject(const char *s)
{
    gw_marker m;
    ck_assert_msg(!gw_marker_scan(s, strlen(s), &m), "%s read as a %s marker", s,
                  gw_family_name(m.family));
}

START_TEST(part_chapter_section_markers)
{
    expect("第一编 总论", GW_F_BIAN, 1, "第一编");
    expect("第三篇　构建新发展格局", GW_F_PIAN, 3, "第三篇");
    expect("第二部分　主要目标任务", GW_F_BUFEN, 2, "第二部分");
    reject("第一部门负责");
    expect("第十二章 推进数字中国", GW_F_ZHANG, 12, "第十二章");
    expect("第二节 发展形势", GW_F_JIE, 2, "第二节");
    expect("第三章", GW_F_ZHANG, 3, "第三章");
    expect("第一章经济社会发展的指导思想", GW_F_ZHANG, 1, "第一章");
    expect("第1章 总则", GW_F_ZHANG, 1, "第1章");
    expect("第一，坚持党的领导。", GW_F_DI, 1, "第一，");
    expect("第二、加快发展。", GW_F_DI, 2, "第二、");
}
END_TEST

START_TEST(numbered_markers_in_every_form)
{
    expect("一、2023年工作回顾", GW_F_CN, 1, "一、");
    expect("十二、加强政府自身建设", GW_F_CN, 12, "十二、");
    expect("二.加快发展", GW_F_CN, 2, "二.");
    expect("二十一、其他", GW_F_CN, 21, "二十一、");
    expect("（一）着力扩需求。", GW_F_CN_PAREN, 1, "（一）");
    expect("(二)推进改革", GW_F_CN_PAREN, 2, "(二)");
    expect("（十）突出加固底板", GW_F_CN_PAREN, 10, "（十）");
    expect("1.生活性服务业", GW_F_ARABIC, 1, "1.");
    expect("2、建设", GW_F_ARABIC, 2, "2、");
    expect("１．推进", GW_F_ARABIC, 1, "１．");
    expect("12.加强", GW_F_ARABIC, 12, "12.");
    expect("（1）加快", GW_F_ARABIC_PAREN, 1, "（1）");
    expect("(3)完善", GW_F_ARABIC_PAREN, 3, "(3)");
    expect("（4)混用括号", GW_F_ARABIC_PAREN, 4, "（4)");
    expect("(五）混用括号", GW_F_CN_PAREN, 5, "(五）");
    expect("（２）完善", GW_F_ARABIC_PAREN, 2, "（２）");
    expect("①提高", GW_F_CIRCLED, 1, "①");
    expect("⑳提高", GW_F_CIRCLED, 20, "⑳");
    expect("⑵提高", GW_F_ARABIC_PAREN, 2, "⑵");
    expect("1)抓招引。", GW_F_ARABIC_HALF, 1, "1)");
    expect("12）抓开工", GW_F_ARABIC_HALF, 12, "12）");
    expect("一是大力推动经济高质量发展。", GW_F_SHI, 1, "一是");
    expect("十是统筹发展和安全", GW_F_SHI, 10, "十是");
    /* letter-spaced markers from PDF or OCR text */
    expect("第 一 章 发展环境", GW_F_ZHANG, 1, "第 一 章");
    expect("（ 1 ）加快", GW_F_ARABIC_PAREN, 1, "（ 1 ）");
    expect("1 . 加强科技创新", GW_F_ARABIC, 1, "1 .");
    expect("１ ２ ． 推进", GW_F_ARABIC, 12, "１ ２ ．");
    /* a year right after the number: no decimal is followed by 年 */
    expect("14.2025年10件民生实事：加大扶持力度", GW_F_ARABIC, 14, "14.");
}
END_TEST

START_TEST(prose_is_not_a_marker)
{
    reject("2024年是中华人民共和国成立75周年");
    reject("1.5万亩高标准农田");
    reject("1、2月份，全市经济");
    reject("1.20256年");
    reject("3.2025亿元");
    reject("6.0%的增速");
    reject("一、二季度经济增长较快");
    reject("一、二、三产业协调发展");
    reject("第一次全国污染源普查");
    reject("第一批试点城市");
    reject("“十四五”时期");
    reject("十四五时期");
    reject("（2024年1月15日）");
    reject("（以下简称《纲要》）");
    reject("五是否落实");
    reject("是一个");
    reject("2023年，全区实现");
    reject("0.5个百分点");
    reject("（0）");
    reject("0)");
    reject("3)2的比例");
    /* letter-spaced figures stay prose */
    reject("2 0 0 5年，全国粮食产量");
    reject("6 .5 %的增长");
    reject("1 0 0 万人");
    reject("");
}
END_TEST

START_TEST(dash_markers)
{
    ck_assert_uint_eq(gw_dash_len("——经济", strlen("——经济")), strlen("——"));
    ck_assert_uint_eq(gw_dash_len("――经济", strlen("――经济")), strlen("――"));
    ck_assert_uint_eq(gw_dash_len("--经济", strlen("--经济")), 2);
    ck_assert_uint_eq(gw_dash_len("----经济", strlen("----经济")), 4);
    ck_assert_uint_eq(gw_dash_len("-1.2%", 5), 0);
    /* 一一 before a date: OCR's reading of a subtitle's —— */
    ck_assert_uint_eq(gw_dash_len("一一2025年1月19日在重庆市", strlen("一一2025年1月19日在重庆市")),
                      strlen("一一"));
    /* - - and －－ with a space: OCR reads the halves of —— apart */
    ck_assert_uint_eq(gw_dash_len("- -经济", strlen("- -经济")), 3);
    ck_assert_uint_eq(gw_dash_len("－ －经济", strlen("－ －经济")), strlen("－ －"));
    ck_assert_uint_eq(gw_dash_len("- 经济", strlen("- 经济")), 0);
    /* docx2txt writes each half of —— as " -- " */
    ck_assert_uint_eq(gw_dash_len("--  -- 经济", strlen("--  -- 经济")), strlen("--  --"));
    ck_assert_uint_eq(gw_dash_len("— —经济", strlen("— —经济")), strlen("— —"));
    ck_assert_uint_eq(gw_dash_len("--  经济", strlen("--  经济")), 2);
    ck_assert_uint_eq(gw_dash_len("- 2 -", 5), 0);
    ck_assert_uint_eq(gw_dash_len("经济", strlen("经济")), 0);
    /* 一一 for a dash before a short first sentence, not in prose */
    ck_assert_uint_eq(gw_dash_len("一一经济保持增长。国内生产总值增长",
                                  strlen("一一经济保持增长。国内生产总值增长")),
                      strlen("一一"));
    ck_assert_uint_eq(
        gw_dash_len("一一对应的帮扶机制已经全面建立起来并且覆盖到了全部贫困村和贫困户。",
                    strlen("一一对应的帮扶机制已经全面建立起来并且覆盖到了全部贫困村和贫困户。")),
        0);
    ck_assert_uint_eq(gw_dash_len("一一一", strlen("一一一")), 0);
}
END_TEST

Suite *marker_suite(void)
{
    Suite *s = suite_create("marker");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, part_chapter_section_markers);
    tcase_add_test(tc, numbered_markers_in_every_form);
    tcase_add_test(tc, prose_is_not_a_marker);
    tcase_add_test(tc, dash_markers);
    suite_add_tcase(s, tc);
    return s;
}
