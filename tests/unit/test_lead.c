#include "suites.h"
#include "lead.h"

#include <string.h>

static void lead(const char *s, const char *expected)
{
    size_t e = gw_lead_end(s, strlen(s), 0);
    ck_assert_msg(e == strlen(expected) && memcmp(s, expected, e) == 0, "%s: lead end %zu", s, e);
}

static void no_lead(const char *s)
{
    ck_assert_msg(gw_lead_end(s, strlen(s), 0) == 0, "%s read as a lead", s);
}

START_TEST(topic_phrases_are_leads)
{
    lead("持续抓链条强集群。实施制造业重点产业链高质量发展行动。", "持续抓链条强集群。");
    lead("加强政治建设，锤炼忠诚品格。坚持不懈用…", "加强政治建设，锤炼忠诚品格。");
    lead("以“两个毫不动摇”增活力。扎实推进…", "以“两个毫不动摇”增活力。");
    lead("经济总量不断扩大，产业结构得到新优化。2020年，全区…",
         "经济总量不断扩大，产业结构得到新优化。");
    lead("推动产业链供应链优化升级。实施制造业重点产业链高质量发展行动。",
         "推动产业链供应链优化升级。");
    /* openers match whole words: 综合实力 is not 综合分析, 未来产业 not 未来五年 */
    lead("综合实力跃上新台阶。地区生产总值突破8万亿元。", "综合实力跃上新台阶。");
    lead("未来产业加快布局。培育量子信息产业。", "未来产业加快布局。");
    lead("5G网络建设全面提速。累计建成基站17万个。", "5G网络建设全面提速。");
    lead("民营经济特别是中小企业活力迸发。新增市场主体。", "民营经济特别是中小企业活力迸发。");
    /* one command, longer than a topic phrase (the caller wants other
     * leads beside it) */
    lead("推动简政放权、放管结合、优化服务改革向纵深发展。全年取消审批事项165项。",
         "推动简政放权、放管结合、优化服务改革向纵深发展。");
    /* the body may name the place as its subject */
    lead("长三角一体化发展带来新空间。我省全域纳入长三角，合作不断深化。",
         "长三角一体化发展带来新空间。");
}
END_TEST

START_TEST(prose_openings_are_not_leads)
{
    no_lead("过去一年，面对复杂多变的外部环境，全市上下奋力拼搏。");
    no_lead("过去的一年，是克难奋进、攻坚突破的一年。全市上下坚持…");
    no_lead("一年来，我们坚持稳字当头。其后…");
    no_lead("今年是中华人民共和国成立75周年。做好今年工作…");
    no_lead("2023年，全区实现地区生产总值653亿元。其中…");
    no_lead("各位代表，蓝图催人奋进，实干创造未来。让我们…");
    no_lead("新征程新使命，对政府自身建设提出了更高的要求。我们必须…");
    no_lead("城市是一本打开的书。我们将…");
    /* a body that refers back makes the sentence a statement */
    no_lead("成绩来之不易。这是以习近平同志为核心的党中央坚强领导的结果。");
    /* a task heading stays one when the body comments on it */
    lead("推动大众创业、万众创新。这既可以扩大就业、增加居民收入。", "推动大众创业、万众创新。");
    /* a body opening with its subject follows a statement */
    no_lead("新的征程对政府工作提出新的更高要求。我们要坚持以人民为中心的发展思想。");
    /* a bracketed qualifier does not count towards a lead's length */
    lead("高水平建设中国（广西）自由贸易试验区南宁片区。深化制度创新。",
         "高水平建设中国（广西）自由贸易试验区南宁片区。");
    /* scene-setting first clause, perfective 了, reference to what came before */
    no_lead("新征程上，政府工作使命光荣、责任重大。我们要…");
    no_lead("党中央对今年工作作出了全面部署。我们要深入贯彻落实。");
    no_lead("实现上述目标，需要付出艰苦努力。各级政府要…");
    /* the closing call of a speech */
    no_lead("中华民族伟大复兴展现出光明前景。让我们更加紧密地团结起来，努力奋斗！");
}
END_TEST

START_TEST(other_non_leads)
{
    /* too long for a phrase set in bold; a long command with a figure is
     * no lead either, and one with a second clause is one only among leads
     * (the caller keeps it where the document sets leads around it) */
    no_lead("实施省重点项目700个以上，年度计划投资8000亿元以上。全年完成…");
    const char *two = "深化供给侧结构性改革，提高供给适应引领创造新需求能力。正文";
    ck_assert(gw_lead_needs_company(two, gw_lead_end(two, strlen(two), 0)));
    no_lead("在推进经济社会发展的同时，我们持之以恒加强政府自身建设。扎实开展…");
    /* a colon leads into a list, not a topic */
    no_lead("主要预期目标是：增长6%。其后");
    /* no body after it in the paragraph */
    no_lead("提升产业质态。");
    /* a question or exclamation is rhetoric */
    no_lead("怎么办？我们要…");
    /* no sentence at all */
    no_lead("加强民主法治建设");
    /* a measured result is a statement; a topic may count its items */
    no_lead("城镇新增就业6.2万人。城镇调查失业率控制在5.1%以内。");
    no_lead("粮食产量7.12亿吨。连续九年稳定在1.3万亿斤以上。");
    no_lead("研发投入增长12%。高新技术企业达到1126家。");
    lead("实施100个重大项目。聚焦先进制造业和现代服务业。", "实施100个重大项目。");
}
END_TEST

START_TEST(a_lead_alone_needs_the_caller)
{
    const char *s = "推动产业链供应链优化升级。";
    ck_assert_uint_eq(gw_lead_end(s, strlen(s), 1), strlen(s));
}
END_TEST

START_TEST(address_to_the_deputies)
{
    ck_assert(gw_is_address("各位代表！", strlen("各位代表！")));
    ck_assert(gw_is_address("各位代表，过去一年", strlen("各位代表，过去一年")));
    ck_assert(!gw_is_address("各位代表：", strlen("各位代表：")));
    ck_assert(!gw_is_address("代表们", strlen("代表们")));
}
END_TEST

/* Long and two-clause leads are leads to gw_lead_end, and flagged for the
 * caller, which keeps them only among other leads; a plain one is not. */
START_TEST(long_and_paired_leads_need_company)
{
    static const char *const flagged[] = {
        "加快国际经济中心建设，产业体系现代化水平持续提升。重点围绕发展新质生产力。",
        "深入推进长三角一体化发展，更好服务和融入国家发展战略。主动对接上海。",
        "厚望如山，使命如磐。在中国式现代化建设中奋勇争先。",
    };
    for (size_t k = 0; k < 3; k++) {
        const char *s = flagged[k];
        size_t e = gw_lead_end(s, strlen(s), 0);
        ck_assert_msg(e > 0, "%s: no lead", s);
        ck_assert_msg(gw_lead_needs_company(s, e), "%s: not flagged", s);
    }
    const char *plain = "大力提振消费。开展提振消费专项行动。";
    ck_assert(!gw_lead_needs_company(plain, gw_lead_end(plain, strlen(plain), 0)));
    /* 绿水青山就是金山银山 names a principle: its 是 is no copula */
    lead("拓展绿水青山就是金山银山理念转化实现路径。完善生态产品价值实现机制。",
         "拓展绿水青山就是金山银山理念转化实现路径。");
    /* longer than any topic, or a result with figures */
    no_lead("推动有潜力、有条件的产业加快培育，争取早日形成新赛道新动能并在全国率先取得突破性进展。"
            "低空经济要抓住机遇。");
    no_lead("全省粮食产量达到836.9亿斤，连续多年保持稳定增长态势。规上工业增加值增长。");
}
END_TEST

/* 人才是科技创新的根基。: a maxim on a one-word topic may head its
 * paragraph among other leads (flagged for company); a statement about a
 * longer subject stays prose. */
START_TEST(maxims_on_a_topic_need_company)
{
    const char *s = "人才是科技创新的根基。要以英才兴蒙工程为统领，精心引才。";
    size_t e = gw_lead_end(s, strlen(s), 0);
    ck_assert_uint_eq(e, strlen("人才是科技创新的根基。"));
    ck_assert(gw_lead_needs_company(s, e));
    s = "就业是最大的民生，要多措并举推动产业与就业互促共进。重大项目投资中产业投资占比近六成。";
    ck_assert(gw_lead_end(s, strlen(s), 0) > 0);
    /* with its reason the maxim runs past GW_LEAD_LONG_MAX (31 here); a
     * sentence as long without the one-word topic does not */
    s = "教育是最基本的民生需求，没有良好的教育既留不住人才也留不住人口。学前教育重点抓普及普惠。";
    ck_assert_uint_eq(gw_lead_end(s, strlen(s), 0),
                      strlen("教育是最基本的民生需求，没有良好的教育既留不住人才也留不住人口。"));
    ck_assert(gw_lead_needs_company(s, gw_lead_end(s, strlen(s), 0)));
    no_lead("建设更高水平的平安社区，没有良好的治理既留不住人才也留不住人口。学前教育重点抓普及。");
    no_lead("“十三五”时期是江西发展史上极不平凡的五年。面对错综复杂的国内外形势。");
    no_lead("改革开放是党和人民事业大踏步赶上时代的重要法宝。面对前进中的问题。");
    no_lead("城市是一本打开的书。我们将…");
}
END_TEST

/* A body that looks back over a span of time opens the account its first
 * sentence announced: that sentence is a statement. */
START_TEST(statements_announcing_an_account)
{
    no_lead("本届政府任期即将结束。五年来，我们在党中央坚强领导下砥砺奋进。");
    no_lead("成就令人鼓舞。过去一年，全省经济总量迈上新台阶。");
    lead("推动大众创业、万众创新。五年来，新增市场主体100万户。", "推动大众创业、万众创新。");
    /* in a document that sets its leads alone, a sentence alone is one
     * more, prose words or not; an intro, a figure or a body going on
     * from it are not */
    const char *body = "全岛封关运作准备工作全面完成，各项压力测试有序开展。";
    const char *s = "这一年，我们感恩奋进、埋头苦干，封关运作如期实现。";
    ck_assert(gw_lead_by_habit(s, strlen(s), body, strlen(body)));
    s = "一年来，主要做了以下工作。";
    ck_assert(!gw_lead_by_habit(s, strlen(s), body, strlen(body)));
    s = "全年新引进大学生超10万人。";
    ck_assert(!gw_lead_by_habit(s, strlen(s), body, strlen(body)));
    s = "成绩来之不易。";
    ck_assert(!gw_lead_by_habit(s, strlen(s), "这是全省人民团结奋斗的结果。",
                                strlen("这是全省人民团结奋斗的结果。")));
    s = "深化改革开放。推进要素市场化配置改革。";
    ck_assert(!gw_lead_by_habit(s, strlen(s), body, strlen(body)));
}
END_TEST

/* The word searches (是, 我们, 了) find a word at the lead's start and
 * just before its full stop, pass a byte that is the word's last byte
 * but not the word (犯 ends in 是's last byte), and pass over 是 inside
 * 实事求是 and 是否. */
START_TEST(word_search_reaches_both_ends)
{
    no_lead("是这样的安排。正文继续。");
    no_lead("安排了。正文继续。");
    no_lead("加快推进我们。正文继续。");
    no_lead("推进目标就是。正文继续。");
    lead("防犯风险。正文继续。", "防犯风险。");
    lead("实事求是抓落实。正文继续。", "实事求是抓落实。");
    lead("研究是否可行的办法。正文继续。", "研究是否可行的办法。");
}
END_TEST

Suite *lead_suite(void)
{
    Suite *s = suite_create("lead");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, topic_phrases_are_leads);
    tcase_add_test(tc, word_search_reaches_both_ends);
    tcase_add_test(tc, prose_openings_are_not_leads);
    tcase_add_test(tc, other_non_leads);
    tcase_add_test(tc, a_lead_alone_needs_the_caller);
    tcase_add_test(tc, address_to_the_deputies);
    tcase_add_test(tc, long_and_paired_leads_need_company);
    tcase_add_test(tc, maxims_on_a_topic_need_company);
    tcase_add_test(tc, statements_announcing_an_account);
    suite_add_tcase(s, tc);
    return s;
}
