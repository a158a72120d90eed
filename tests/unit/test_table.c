#include "suites.h"
#include "table.h"

#include <string.h>

static gw_cell_type classify(const char *s, char *value, const char **op)
{
    return gw_cell_classify(s, strlen(s), value, 64, op);
}

START_TEST(typed_cells)
{
    char v[64];
    const char *op;
    ck_assert_int_eq(classify("653", v, &op), GW_CELL_NUMBER);
    ck_assert_str_eq(v, "653");
    ck_assert_int_eq(classify("3.45", v, &op), GW_CELL_NUMBER);
    ck_assert_str_eq(v, "3.45");
    ck_assert_int_eq(classify("６.０", v, &op), GW_CELL_NUMBER);
    ck_assert_str_eq(v, "6.0");
    ck_assert_int_eq(classify("-1.2", v, &op), GW_CELL_NUMBER);
    ck_assert_str_eq(v, "-1.2");
    ck_assert_int_eq(classify("1,000", v, &op), GW_CELL_NUMBER);
    ck_assert_str_eq(v, "1000");
    ck_assert_int_eq(classify("5%", v, &op), GW_CELL_NUMBER);
    ck_assert_int_eq(classify("—", v, &op), GW_CELL_NONE);
    ck_assert_int_eq(classify("--", v, &op), GW_CELL_NONE);
    ck_assert_int_eq(classify("", v, &op), GW_CELL_EMPTY);
    ck_assert_int_eq(classify("≥80", v, &op), GW_CELL_COMPARE);
    ck_assert_str_eq(op, "ge");
    ck_assert_str_eq(v, "80");
    ck_assert_int_eq(classify(">80", v, &op), GW_CELL_COMPARE);
    ck_assert_str_eq(op, "gt");
    ck_assert_int_eq(classify("≤ 5.5", v, &op), GW_CELL_COMPARE);
    ck_assert_str_eq(op, "le");
    ck_assert_int_eq(classify("完成市下达任务", v, &op), GW_CELL_TEXT);
    ck_assert_int_eq(classify("5.", v, &op), GW_CELL_TEXT);
    ck_assert_int_eq(classify("6左右", v, &op), GW_CELL_TEXT);
    ck_assert_int_eq(classify("2020年", v, &op), GW_CELL_TEXT);
    /* beyond the 18 digits every XML Schema validator takes, a figure is text */
    ck_assert_int_eq(classify("123456789012345678", v, &op), GW_CELL_NUMBER);
    ck_assert_str_eq(v, "123456789012345678");
    ck_assert_int_eq(classify("1234567890.12345678", v, &op), GW_CELL_NUMBER);
    ck_assert_int_eq(classify("1234567890123456789", v, &op), GW_CELL_TEXT);
    ck_assert_int_eq(classify("≥1234567890123456789", v, &op), GW_CELL_TEXT);
    /* a value that does not fit the caller's buffer is no number either */
    ck_assert_int_eq(gw_cell_classify("12345", 5, v, 4, &op), GW_CELL_TEXT);
    ck_assert_int_eq(gw_cell_classify("123", 3, v, 4, &op), GW_CELL_NUMBER);
    ck_assert_str_eq(v, "123");
}
END_TEST

static gw_lines lines_of(const char *s)
{
    gw_lines l;
    ck_assert_int_eq(gw_lines_split(s, strlen(s), &l), GW_OK);
    return l;
}

/* The table that starts on the first line of src, with n rows; the caller
 * frees l and t. */
static void table_of(const char *src, gw_lines *l, gw_table *t, size_t n)
{
    *l = lines_of(src);
    ck_assert(gw_table_starts(l, 0));
    ck_assert_int_eq(gw_table_scan(l, 0, t), GW_OK);
    ck_assert_uint_eq(t->n, n);
}

static const char *cell(const gw_table *t, size_t r, size_t c)
{
    ck_assert_uint_lt(r, t->n);
    ck_assert_uint_lt(c, t->rows[r].n);
    return t->rows[r].cells[c].text;
}

/* A web copy's table, one cell per line with a blank line between cells:
 * the table that starts at line at, with n rows. */
static void web_table(const char *src, size_t at, gw_lines *l, gw_table *t, size_t n)
{
    *l = lines_of(src);
    ck_assert(gw_table_starts(l, at));
    ck_assert_int_eq(gw_table_scan(l, at, t), GW_OK);
    ck_assert_uint_eq(t->n, n);
}

/* Rows by their numbers below 序号; a category printed once stands in the
 * first row of its group, the next rows get an empty cell there; a wrapped
 * cell is one cell, a doubled blank line an empty cell; the note below
 * the table is no cell. */
START_TEST(web_copy_numbered_rows)
{
    const char *src = "表1 主要指标\n\n类别\n\n序号\n\n指标\n\n2030年\n\n属性\n\n"
                      "经济发展\n\n1\n\n地区生产总值增长\n\n5.5左右\n\n预期性\n\n"
                      "2\n\n全员劳动\n生产率\n\n\n预期性\n\n"
                      "绿色生态\n\n3\n\n能耗降低\n\n完成任务\n\n约束性\n\n注：表中为累计数。\n";
    gw_lines l;
    gw_table t;
    web_table(src, 2, &l, &t, 4);
    ck_assert_uint_eq(t.rows[0].n, 5);
    ck_assert_str_eq(cell(&t, 0, 1), "序号");
    ck_assert_str_eq(cell(&t, 1, 0), "经济发展");
    ck_assert_str_eq(cell(&t, 1, 4), "预期性");
    ck_assert_uint_eq(t.rows[2].n, 5);
    ck_assert_str_eq(cell(&t, 2, 0), "");
    ck_assert_str_eq(cell(&t, 2, 2), "全员劳动生产率");
    ck_assert_str_eq(cell(&t, 2, 3), "");
    ck_assert_str_eq(cell(&t, 3, 0), "绿色生态");
    ck_assert_str_eq(cell(&t, 3, 4), "约束性");
    ck_assert_uint_eq(t.last, 38);
    gw_table_free(&t);
    gw_lines_free(&l);
}
END_TEST

/* Without row numbers, rows of a 主要指标 table end with the indicator's
 * kind below 属性; a two-column table has rows as wide as its header. */
START_TEST(web_copy_rows_by_kind_and_by_width)
{
    const char *src = "民生福祉主要指标\n\n类别\n\n指标\n\n属性\n\n民生\n\n失业率\n\n"
                      "预期性\n\n收入增长\n\n预期性\n\n坚持尽力而为。\n";
    gw_lines l;
    gw_table t;
    web_table(src, 2, &l, &t, 3);
    ck_assert_str_eq(cell(&t, 2, 0), "");
    ck_assert_str_eq(cell(&t, 2, 1), "收入增长");
    gw_table_free(&t);
    gw_lines_free(&l);
    src = "表2 重大项目一览表\n\n项目名称\n\n建设内容\n\n产业园\n\n建设厂房\n\n"
          "更新工程\n\n改造小区\n\n余下\n";
    web_table(src, 2, &l, &t, 3);
    ck_assert_str_eq(cell(&t, 2, 1), "改造小区");
    ck_assert_uint_eq(t.last, 12);
    gw_table_free(&t);
    gw_lines_free(&l);
}
END_TEST

/* Short lines with blank lines between are no table without a header that
 * names columns under a caption (or starting with 序号). */
START_TEST(web_copy_needs_a_header)
{
    gw_lines l = lines_of("主要指标\n\n经济发展\n\n地区生产总值\n\n预期性\n\n完成\n");
    ck_assert(!gw_table_starts(&l, 2));
    gw_lines_free(&l);
    l = lines_of("一、过去一年\n\n项目名称\n\n建设内容\n\n产业园\n\n建设厂房\n");
    ck_assert(!gw_table_starts(&l, 2));
    gw_lines_free(&l);
    /* the unit line is above the header, not in it; tab-indented lines are
     * another table form's cells */
    l = lines_of("主要指标\n\n单位：%\n\n指标\n\n数值\n\n产值\n\n12\n");
    ck_assert(!gw_table_starts(&l, 2));
    ck_assert(gw_table_starts(&l, 4));
    gw_lines_free(&l);
    l = lines_of("主要指标\n\n指标\n\n\t分类\n\t指标\n\t2025年\n\t属性\n");
    ck_assert(!gw_table_starts(&l, 2));
    ck_assert(gw_table_starts(&l, 4));
    gw_lines_free(&l);
}
END_TEST

START_TEST(cell_per_line_table_with_vertical_text)
{
    const char *src = "\t分类\n\t指标\n\t2020年\n\t指标   属性\n\n"
                      "\t经\n济\n\n强\n\t总值（亿元）\n\t653\n\t预期性\n\n"
                      "\t\n\t劳动生产率\n\t14.6\n\t预期性\n\n"
                      "下一段正文，与表格无关，很长很长很长很长很长。\n";
    gw_lines l;
    gw_table t;
    table_of(src, &l, &t, 3);
    ck_assert_uint_eq(t.rows[0].n, 4);
    ck_assert_str_eq(cell(&t, 0, 3), "指标属性");
    ck_assert_str_eq(cell(&t, 1, 0), "经济强");
    ck_assert_uint_eq(t.rows[1].cells[0].line, 5);
    ck_assert_str_eq(cell(&t, 1, 2), "653");
    ck_assert_str_eq(cell(&t, 2, 0), "");
    ck_assert_str_eq(cell(&t, 2, 1), "劳动生产率");
    ck_assert_uint_eq(t.last, 16);
    gw_table_free(&t);
    gw_lines_free(&l);
}
END_TEST

START_TEST(row_per_line_table)
{
    const char *src = "指标\t2020年\t2025年\t属性\n地区生产总值（亿元）\t653\t1000\t预期性\n"
                      "\t14.6\t20.8\t预期性\n正文。\n";
    gw_lines l;
    gw_table t;
    table_of(src, &l, &t, 3);
    ck_assert_str_eq(cell(&t, 1, 0), "地区生产总值（亿元）");
    ck_assert_str_eq(cell(&t, 2, 0), "");
    ck_assert_str_eq(cell(&t, 2, 3), "预期性");
    gw_table_free(&t);
    gw_lines_free(&l);
}
END_TEST

START_TEST(box_items_are_not_a_table)
{
    const char *src =
        "\t专栏：服务业重点工程\n\n\t1.生活性服务业提质工程：德邦、天然居等重点商业片区开发。\n"
        "2.旅游发展重点项目：园博园。\n";
    gw_lines l = lines_of(src);
    for (size_t i = 0; i < l.n; i++)
        ck_assert(!gw_table_starts(&l, i));
    gw_lines_free(&l);
}
END_TEST

/* The layout form of a PDF copy: columns aligned with spaces, a merged
 * category cell printed on its own line between two rows. */
START_TEST(space_aligned_table)
{
    const char *src = "  类别      指    标              2015年    2020年    属性\n"
                      "            1.生产总值（亿元）    37010     53000     预期性\n"
                      "  经济发展  2.人均生产总值（元）  39209     55000     预期性\n"
                      "  创新驱动\n"
                      "            3.发明专利（件）      1.9       4         预期性\n"
                      "  注：[ ]内为五年累计数。\n";
    gw_lines l;
    gw_table t;
    table_of(src, &l, &t, 4);
    ck_assert_uint_eq(t.last, 4);
    ck_assert_uint_eq(t.rows[0].n, 5);
    ck_assert_str_eq(cell(&t, 0, 1), "指标");
    ck_assert_str_eq(cell(&t, 1, 0), "");
    ck_assert_str_eq(cell(&t, 1, 2), "37010");
    ck_assert_str_eq(cell(&t, 2, 0), "经济发展");
    ck_assert_str_eq(cell(&t, 2, 1), "2.人均生产总值（元）");
    ck_assert_uint_eq(t.rows[3].n, 5);
    ck_assert_str_eq(cell(&t, 3, 0), "创新驱动");
    ck_assert_str_eq(cell(&t, 3, 1), "3.发明专利（件）");
    ck_assert_str_eq(cell(&t, 3, 4), "预期性");
    gw_table_free(&t);
    gw_lines_free(&l);
}
END_TEST

/* Headings and prose set with double spaces are not a table. */
START_TEST(double_spaced_headings_are_not_a_table)
{
    const char *src = "第二篇  坚持创新驱动  培育发展新动力\n\n"
                      "第三章  建设创新型河南  加快构建创新体系\n\n"
                      "第一节  强化企业创新主体地位\n"
                      "    培育创新型企业。实施创新型企业培育工程，支持企业建设研发中心。\n";
    gw_lines l = lines_of(src);
    for (size_t i = 0; i < l.n; i++)
        ck_assert(!gw_table_starts(&l, i));
    gw_lines_free(&l);
}
END_TEST

/* A table ends where a heading follows it after a blank line, even a
 * heading that is set in three spaced parts like a row. */
START_TEST(space_aligned_table_ends_at_a_heading)
{
    const char *src = "  指标        2015年   2020年\n"
                      "  生产总值    37010    53000\n"
                      "  城镇化率    46.85    56\n"
                      "\n"
                      "第二篇  坚持创新驱动  培育发展新动力\n";
    gw_lines l;
    gw_table t;
    table_of(src, &l, &t, 3);
    ck_assert_uint_eq(t.last, 2);
    gw_table_free(&t);
    gw_lines_free(&l);
}
END_TEST

/* The table scanned from src has n rows; gw_table_categories finds
 * categories (want 1) or not (want 0) and, when it finds them, the owner of
 * each body row r is owner[r]. */
static void owners_are(const char *src, size_t n, int want, const size_t *owner)
{
    gw_lines l;
    gw_table t;
    table_of(src, &l, &t, n);
    size_t got[16] = {0};
    ck_assert(n <= 16);
    int found = -1;
    ck_assert_int_eq(gw_table_categories(&t, got, &found), GW_OK);
    ck_assert_int_eq(found, want);
    for (size_t r = 1; want && r < n; r++)
        ck_assert_msg(got[r] == owner[r], "row %zu: owner %zu, want %zu", r, got[r], owner[r]);
    gw_table_free(&t);
    gw_lines_free(&l);
}

/* A PDF centres a merged category on its rows: on the middle row of an odd
 * group, alone between the two middle rows of an even one. */
START_TEST(centred_categories_span_rows_above_and_below)
{
    const char *src = "  类别      指    标          2015年    2020年\n"
                      "            1.生产总值        37010     53000\n"
                      "  经济发展  2.人均生产总值    39209     55000\n"
                      "            3.城镇化率        46        56\n"
                      "            4.研发投入        1.9       2.5\n"
                      "  创新驱动\n"
                      "            5.发明专利        1.9       4\n"
                      "  民生福祉  6.就业            1         2\n";
    owners_are(src, 7, 1, (const size_t[]){0, 2, 2, 2, 5, 5, 6});
}
END_TEST

/* When centring does not fit, a row goes with the nearest label. */
START_TEST(uncentred_categories_go_to_the_nearest_label)
{
    const char *src = "  类别      指    标          2015年    2020年\n"
                      "            1.生产总值        37010     53000\n"
                      "  经济发展  2.人均生产总值    39209     55000\n"
                      "  民生福祉  3.就业            1         2\n"
                      "            4.收入            1         2\n";
    owners_are(src, 5, 1, (const size_t[]){0, 2, 2, 3, 3});
}
END_TEST

/* A page number a PDF printed across a table: a page row, not a row's
 * cell, a category or the table's end, and no column of its own; the
 * centred categories are fitted to the rows around it. */
START_TEST(page_number_inside_a_table)
{
    const char *src = "  类别      指    标          2015年    2020年\n"
                      "            1.生产总值        37010     53000\n"
                      "                          — 5 —\n"
                      "  经济发展  2.人均生产总值    39209     55000\n"
                      "            3.城镇化率        46        56\n"
                      "  创新驱动  4.发明专利        1.9       4\n"
                      "第12页\n"
                      "            5.研发投入        1.9       2.5\n"
                      "  注：[ ]内为五年累计数。\n";
    gw_lines l;
    gw_table t;
    table_of(src, &l, &t, 8);
    ck_assert_uint_eq(t.last, 7);
    ck_assert_uint_eq(t.rows[0].n, 4);
    ck_assert(t.rows[2].page && t.rows[6].page);
    ck_assert_uint_eq(t.rows[2].n, 1);
    ck_assert_str_eq(cell(&t, 2, 0), "— 5 —");
    ck_assert_str_eq(cell(&t, 6, 0), "第12页");
    ck_assert_str_eq(cell(&t, 1, 2), "37010");
    ck_assert_str_eq(cell(&t, 7, 1), "5.研发投入");
    ck_assert(!t.rows[1].page && !t.rows[3].page && !t.rows[7].page);
    gw_table_free(&t);
    gw_lines_free(&l);
    owners_are(src, 8, 1, (const size_t[]){0, 3, 3, 3, 3, 5, 5, 5});
}
END_TEST

/* A header printed over two lines, the second with several cells: header
 * wraps, not a body row that a category would claim; the first body row,
 * its first cell empty too, has figures and stays a row. */
START_TEST(two_line_header_with_categories)
{
    const char *src = "  类别      指    标          2020年    2025年    年均增长\n"
                      "                              基数      目标      （%）\n"
                      "            1.生产总值        6500      9000      6.5\n"
                      "  经济发展  2.人均生产总值    39209     55000     6\n"
                      "            3.城镇化率        46        56        ［10］\n"
                      "  创新驱动  4.发明专利        1.9       4         ［2.1］\n";
    gw_lines l;
    gw_table t;
    table_of(src, &l, &t, 6);
    ck_assert(t.rows[1].wrap);
    ck_assert_str_eq(cell(&t, 1, 2), "基数");
    ck_assert(!t.rows[2].wrap && !t.rows[3].wrap);
    gw_table_free(&t);
    gw_lines_free(&l);
    owners_are(src, 6, 1, (const size_t[]){0, 0, 3, 3, 3, 5});
}
END_TEST

/* The last row's wrapped cell: its second line ends the table, no row
 * below it; a heading under the table, indented as deep, does not. */
START_TEST(last_row_wrapped)
{
    const char *src = "  类别      指    标          2020年    2025年\n"
                      "            1.生产总值        6500      9000\n"
                      "  经济发展  2.人均生产总值    39209     55000\n"
                      "  创新驱动  3.研发投入强度    2.1       2.5\n"
                      "              （%）\n"
                      "            （三）主要任务\n";
    gw_lines l;
    gw_table t;
    table_of(src, &l, &t, 5);
    ck_assert_uint_eq(t.last, 4);
    ck_assert(t.rows[4].wrap);
    ck_assert_str_eq(cell(&t, 4, 1), "（%）");
    gw_table_free(&t);
    gw_lines_free(&l);
    /* with no such line, the heading stays out of the table */
    table_of("  类别      指    标          2020年    2025年\n"
             "            1.生产总值        6500      9000\n"
             "  经济发展  2.人均生产总值    39209     55000\n"
             "            （三）主要任务\n",
             &l, &t, 3);
    ck_assert_uint_eq(t.last, 2);
    gw_table_free(&t);
    gw_lines_free(&l);
}
END_TEST

/* A label printed on the second line of a wrapped name: the line is the
 * name's piece (and holds the label), the table goes on, and the label is
 * centred on its three rows. A two-cell row whose second cell starts at
 * the name column is a row. */
START_TEST(label_on_a_wrapped_line)
{
    const char *src = "  类别      指    标                2020年    2025年\n"
                      "            1.地区生产总值（亿元）  6500      9000\n"
                      "            2.地区生产总值年均增长  6.5       6左右\n"
                      "  经济发展    （%）\n"
                      "            3.城镇化率（%）         46        56\n"
                      "  创新驱动  4.研发投入强度（%）     2.1       2.5\n"
                      "  安全保障  5.粮食产量\n"
                      "            6.能源产量              4.6       4.8\n";
    gw_lines l;
    gw_table t;
    table_of(src, &l, &t, 8);
    ck_assert(t.rows[3].wrap);
    ck_assert_str_eq(cell(&t, 3, 0), "经济发展");
    ck_assert_str_eq(cell(&t, 3, 1), "（%）");
    ck_assert(!t.rows[6].wrap);
    gw_table_free(&t);
    gw_lines_free(&l);
    owners_are(src, 8, 1, (const size_t[]){0, 3, 3, 3, 3, 5, 6, 6});
}
END_TEST

/* A page break inside a table: the page number and the running header at
 * the top of the next page are page lines, and a wrapped name just above
 * the break is its row's piece; a short label after a page number stays a
 * label. */
START_TEST(page_break_with_running_header)
{
    const char *src = "类别    指标                    2025年    2030年    属性\n"
                      "经济    地区生产总值增长（%）   6.1       5.5左右   预期性\n"
                      "        城镇化率（%）           68.4      72        预期性\n"
                      "          （常住人口）\n"
                      "- 9 -\n"
                      "澜川市国民经济和社会发展第十五个五年规划纲要\n"
                      "        研发经费投入强度（%）   2.6       3.2       预期性\n"
                      "- 10 -\n"
                      "民生\n"
                      "        城镇调查失业率（%）     4.9       <5.5      预期性\n";
    gw_lines l;
    gw_table t;
    table_of(src, &l, &t, 9);
    ck_assert_uint_eq(t.last, 9);
    ck_assert(t.rows[3].wrap && !t.rows[3].page);
    ck_assert(t.rows[4].page && t.rows[5].page);
    ck_assert_str_eq(cell(&t, 5, 0), "澜川市国民经济和社会发展第十五个五年规划纲要");
    ck_assert(t.rows[7].page);
    ck_assert_str_eq(cell(&t, 8, 0), "民生");
    ck_assert(!t.rows[8].page);
    gw_table_free(&t);
    gw_lines_free(&l);
}
END_TEST

/* A name wrapped at its own column (量（件） under 每万人口…拥有) continues
 * its row, long or short; a label at the left edge does not. */
START_TEST(name_wrapped_at_its_column)
{
    const char *src = "类别      指标                          2025年   2030年\n"
                      "创新驱动  研发经费投入强度（%）         2.6      3.2\n"
                      "          每万人口高价值发明专利拥有    8.5      15\n"
                      "          量（件）\n"
                      "          数字经济核心产业增加值占地区  10.2     15\n"
                      "          生产总值比重（%）\n"
                      "民生\n"
                      "          城镇调查失业率（%）           4.9      5.5\n";
    gw_lines l;
    gw_table t;
    table_of(src, &l, &t, 7);
    ck_assert(t.rows[3].wrap && t.rows[5].wrap);
    ck_assert_str_eq(cell(&t, 3, 1), "量（件）");
    ck_assert_str_eq(cell(&t, 5, 1), "生产总值比重（%）");
    ck_assert(t.rows[6].label_above);
    ck_assert_str_eq(cell(&t, 6, 0), "民生");
    gw_table_free(&t);
    gw_lines_free(&l);
}
END_TEST

/* Word and tab tables give the category on the group's first row. */
START_TEST(top_categories_fill_down)
{
    const char *src = "类别\t指标\t2020年\t2025年\n"
                      "经济发展\t生产总值\t1\t2\n"
                      "\t城镇化率\t3\t4\n"
                      "\t研发投入\t5\t6\n"
                      "民生福祉\t就业\t7\t8\n"
                      "\t收入\t9\t10\n";
    owners_are(src, 6, 1, (const size_t[]){0, 1, 1, 1, 4, 4});
    /* a tab table whose first body row is empty has no categories */
    owners_are("类别\t指标\t2020年\n\t生产总值\t1\n经济\t城镇化率\t3\n", 3, 0, NULL);
}
END_TEST

/* A wrapped cell's second line under its row is a row of its own, not a
 * category label for the row below, and does not stop the table. */
START_TEST(wrapped_cell_piece_is_no_label)
{
    const char *src = "  类别      指    标                2020年    2025年\n"
                      "            1.地区生产总值年均增长  6.5       6左右\n"
                      "              （%）\n"
                      "  经济发展  2.人均生产总值（元）    39209     55000\n"
                      "            3.城镇化率（%）         46        56\n";
    gw_lines l;
    gw_table t;
    table_of(src, &l, &t, 5);
    ck_assert_str_eq(cell(&t, 2, 0), "");
    ck_assert_str_eq(cell(&t, 2, 1), "（%）");
    ck_assert_str_eq(cell(&t, 3, 0), "经济发展");
    ck_assert_uint_eq(t.rows[3].line, 3);
    ck_assert(t.rows[2].wrap && !t.rows[1].wrap && !t.rows[3].wrap);
    gw_table_free(&t);
    gw_lines_free(&l);
    /* the piece goes with its row; centring is fitted without it */
    owners_are(src, 5, 1, (const size_t[]){0, 3, 3, 3, 3});
}
END_TEST

Suite *table_suite(void)
{
    Suite *s = suite_create("table");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, typed_cells);
    tcase_add_test(tc, cell_per_line_table_with_vertical_text);
    tcase_add_test(tc, row_per_line_table);
    tcase_add_test(tc, box_items_are_not_a_table);
    tcase_add_test(tc, space_aligned_table);
    tcase_add_test(tc, double_spaced_headings_are_not_a_table);
    tcase_add_test(tc, space_aligned_table_ends_at_a_heading);
    tcase_add_test(tc, centred_categories_span_rows_above_and_below);
    tcase_add_test(tc, uncentred_categories_go_to_the_nearest_label);
    tcase_add_test(tc, top_categories_fill_down);
    tcase_add_test(tc, wrapped_cell_piece_is_no_label);
    tcase_add_test(tc, page_number_inside_a_table);
    tcase_add_test(tc, two_line_header_with_categories);
    tcase_add_test(tc, last_row_wrapped);
    tcase_add_test(tc, label_on_a_wrapped_line);
    tcase_add_test(tc, page_break_with_running_header);
    tcase_add_test(tc, name_wrapped_at_its_column);
    tcase_add_test(tc, web_copy_numbered_rows);
    tcase_add_test(tc, web_copy_rows_by_kind_and_by_width);
    tcase_add_test(tc, web_copy_needs_a_header);
    suite_add_tcase(s, tc);
    return s;
}
