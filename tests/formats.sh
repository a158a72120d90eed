#!/bin/sh
# The output formats, every one with a stylesheet and text output that
# `gongwen --list-formats` lists, on every sample, every corpus case, the
# made-up sources below (control characters; a tab table whose cells need
# CSV quoting; an empty file; long runs of paragraphs between subsections;
# PDF tables) and two hand-written trees (the corners of the grammar;
# elements and shapes it does not allow, as a later version may bring):
#   - gongwen -t FORMAT gives the same bytes as xsltproc xslt/FORMAT.xsl on
#     gongwen's XML (for the trees: the stylesheet runs);
#   - where tests/golden/FORMAT/ exists, each sample equals its golden file
#     tests/golden/FORMAT/NAME.EXT (EXT: the last part of the format's
#     extension), and so does a hand-written tree that has one;
# and, for DocBook, CSV and text, their own checks:
#   - DocBook: valid against the DocBook 5.0 schema (jing), rendered by
#     DocBook XSL (html/docbook.xsl) with nothing on stderr, and holding all
#     of the report's text (tests/formats_check.py docbook);
#   - CSV: parses with Python's csv module, same field count on every record
#     of a table, each table equal to the report's; haizhou's first table
#     equals tests/gold/haizhou-14th-plan.table1.csv cell by cell (white
#     space removed);
#   - text: its non-white-space characters equal the source's (controls
#     mapped as tests/lossless.py maps them), or the tree's text; gongwen
#     reads the same outline (KIND, DEPTH, TITLE) from it as from the source.
# Usage: sh tests/formats.sh ./gongwen   (from the repository root)
#        UPDATE=1 sh tests/formats.sh ./gongwen   rewrites the golden files
# Needs: xsltproc python3 jing docbook5-xml docbook-xsl-ns (Debian packages).
set -u
GW=${1:-./gongwen}
UPDATE=${UPDATE:-}
# the stylesheets: where gongwen finds them
XSL=${GONGWEN_XSLT_DIR:-xslt}
DB_RNG=/usr/share/xml/docbook/schema/rng/5.0/docbook.rng
DB_XSL=/usr/share/xml/docbook/stylesheet/docbook-xsl-ns/html/docbook.xsl
. "$(dirname "$0")/lib.sh"

for tool in xsltproc python3 jing; do
    command -v "$tool" >/dev/null 2>&1 || bad "$tool not installed (apt-get install xsltproc python3 jing)"
done
# the command gives xslt/'s stylesheets the line of each element's range
# and not the rest (src/ranges.h, gw_ranges_attach_lines): none reads them
if grep -n '@column\|@end-line\|@end-column' "$XSL"/*.xsl; then
    bad "a stylesheet reads a range attribute other than @line; the command drops those (gw_document_keep_lines)"
else ok; fi
[ -f "$DB_RNG" ] || bad "$DB_RNG missing (apt-get install docbook5-xml)"
[ -f "$DB_XSL" ] || bad "$DB_XSL missing (apt-get install docbook-xsl-ns)"

# FORMAT:EXTENSION:STYLESHEET for each format with a stylesheet and text
# output (the usual extension: the first listed)
FORMATS=$("$GW" --list-formats |
    awk -F '\t' '$2 != "-" && $5 == "text" { sub(/,.*/, "", $3); print $1 ":" $3 ":" $2 }')
[ -n "$FORMATS" ] || bad "gongwen --list-formats lists no stylesheet formats"

# golden NAME FORMAT EXT FILE [optional]: FILE equals
# tests/golden/FORMAT/NAME.EXT (EXT's last part) when that directory
# exists; "optional": only when that file exists
golden() {
    g=tests/golden/$2/$1.${3##*.}
    [ -d "tests/golden/$2" ] || return 0
    [ "${5:-}" = optional ] && [ ! -f "$g" ] && return 0
    if [ -n "$UPDATE" ]; then
        cp "$4" "$g" && ok
    elif cmp -s "$g" "$4"; then ok; else
        bad "$1: $2 differs from $g"
        diff "$g" "$4" 2>&1 | head -n 10
    fi
}

# checks NAME XML SOURCE: the three formats' own checks (SOURCE empty for a
# hand-written tree: the text is compared with the tree's). The Python checks
# are listed and run at the end, all in one process.
checks() {
    if [ -n "$3" ]; then
        printf 'text\t%s\t%s\n' "$3" "$T/$1.txt" >>"$T/checks.list"
    else
        printf 'text-xml\t%s\t%s\n' "$2" "$T/$1.txt" >>"$T/checks.list"
    fi
    if [ "$1" = haizhou-14th-plan ]; then
        printf 'csv\t%s\t%s\t%s\n' "$2" "$T/$1.csv" tests/gold/haizhou-14th-plan.table1.csv >>"$T/checks.list"
    else
        printf 'csv\t%s\t%s\n' "$2" "$T/$1.csv" >>"$T/checks.list"
    fi
    printf 'docbook\t%s\t%s\n' "$2" "$T/$1.dbk.xml" >>"$T/checks.list"
    if xsltproc --nonet "$DB_XSL" "$T/$1.dbk.xml" >"$T/$1.db.html" 2>"$T/render.err" && [ ! -s "$T/render.err" ]; then
        ok
    else
        bad "$1: DocBook XSL: $(head -c 300 "$T/render.err")"
    fi
    # what DocBook XSL makes of it reads right: no full stop of its own
    # after a lead's (。.), no empty heading (各位代表！ continuations)
    # (DocBook XSL writes ISO-8859-1: 。 is &#12290;)
    if grep -q '。\.\|&#12290;\.' "$T/$1.db.html"; then bad "$1: DocBook XSL output has 。."; else ok; fi
    if python3 -c '
import re, sys
s = open(sys.argv[1], encoding="latin-1").read()
empty = [m.group(0)[:80] for m in re.finditer(r"<h([1-6])[^>]*>(.*?)</h\1>", s, re.S)
         if not re.sub(r"<[^>]*>|\s", "", m.group(2))]
print("\n".join(empty[:3])); sys.exit(1 if empty else 0)' "$T/$1.db.html" >"$T/empty.out" 2>&1; then ok; else
        bad "$1: DocBook XSL output has empty headings: $(head -c 200 "$T/empty.out")"
    fi
    # a ［1］ naming a note is a cross-reference DocBook XSL resolves to
    # the note's printed number (an unresolved one prints ???)
    if grep -q '<xref ' "$T/$1.dbk.xml"; then
        if grep -q 'class="xref"' "$T/$1.db.html" && ! grep -q '???' "$T/$1.db.html" &&
            grep -q 'class="xref" href="#[^"]*"[^>]*>[^<]' "$T/$1.db.html"; then ok; else
            bad "$1: DocBook XSL does not render the note references as ［N］ links"
        fi
    fi
    echo "$T/$1.dbk.xml" >>"$T/docbook.list"
}

# --- sources: samples (with golden files), corpus cases, made-up cases ---
mkdir "$T/src"
printf '政府工作报告\n各位代表：\n一、总则\n（一）第一项。正文\001含\034控制\177字符\357\277\276与\tTAB。\n' >"$T/src/x-ctl.txt"
printf '政府工作报告\n一、主要指标\n表1　主要指标\n类别\t指标\t2020年\t2025年\t属性\n经济发展\t1.GDP增长,实际（%%）\t2.3\t"约"5\t预期性\n\t2.劳动生产率\t2.5\t—\t预期性\n创新驱动\t3.研发投入\t—\t>7\t约束性\n注：数据为初步统计。\n' >"$T/src/x-quote.txt"
: >"$T/src/x-empty.txt"
# x-pdf: a PDF layout table, categories centred on their rows, one 指标
# wrapped onto a second line
cat >"$T/src/x-pdf.txt" <<'EOF'
政府工作报告
表1　主要指标
  类别      指    标                2020年    2025年    属性
            1.地区生产总值年均增长  6.5       6左右     预期性
              （%）
  经济发展  2.人均生产总值（元）    39209     55000     预期性
            3.城镇化率（%）         46        56        预期性
            4.研发投入强度（%）     2.1       2.5       预期性
  创新驱动
            5.发明专利（件）        1.9       4         预期性
EOF
# x-pdf-head: a header cell wrapped onto a second line (（年均增长） under 指标)
cat >"$T/src/x-pdf-head.txt" <<'EOF'
表1　主要指标
  类别      指    标                2020年    2025年
              （年均增长）
            1.地区生产总值          6.5       6左右
  经济发展  2.人均生产总值（元）    39209     55000
            3.城镇化率（%）         46        56
EOF
# x-pdf-head2: a header over two lines, several cells on the second
cat >"$T/src/x-pdf-head2.txt" <<'EOF'
表1　主要指标
  类别      指    标                2020年    2025年    年均增长
                                    基数      目标      （%）
            1.地区生产总值（亿元）  6500      9000      6.5
  经济发展  2.人均生产总值（元）    39209     55000     6
            3.城镇化率（%）         46        56        ［10］
  创新驱动  4.发明专利（件）        1.9       4         ［2.1］
EOF
# x-pdf-label: a category label on the wrapped line of a name
cat >"$T/src/x-pdf-label.txt" <<'EOF'
表1　主要指标
  类别      指    标                2020年    2025年    属性
            1.地区生产总值（亿元）  6500      9000      预期性
            2.地区生产总值年均增长  6.5       6左右     预期性
  经济发展    （%）
            3.城镇化率（%）         46        56        预期性
  创新驱动  4.研发投入强度（%）     2.1       2.5       预期性
EOF
# x-pdf-page: page numbers printed across a PDF table, one inside a group,
# one (bare) between groups
cat >"$T/src/x-pdf-page.txt" <<'EOF'
表1　主要指标
  类别      指    标                2020年    2025年
            1.地区生产总值年均增长  6.5       6左右
                                 — 5 —
  经济发展  2.人均生产总值（元）    39209     55000
            3.城镇化率（%）         46        56
                                   6
  创新驱动  4.研发投入强度（%）     2.1       2.5
EOF
# x-long: 3500 paragraphs between two subsections (deeper than libxslt's
# 3000 nested templates), 300 subsections each followed by an address
python3 -c '
lines = ["一、总则", "（一）第一项。正文。", "各位代表！"] + ["第%d段。" % i for i in range(3500)]
for i in range(300):
    lines += ["（%d）第%d项。正文。" % (i + 1, i + 2), "各位代表！", "第%d段之后。" % i]
print("\n".join(lines + ["二、附则", "本报告自印发之日起施行。"] + ["尾段%d。" % i for i in range(10)]))
' >"$T/src/x-long.txt"

for src in samples/*.txt tests/corpus/*.txt "$T"/src/*.txt; do
    name=$(basename "$src" .txt)
    if ! "$GW" -o "$T/$name.xml" "$src"; then bad "$name: gongwen failed"; continue; fi
    # samples.sh and corpus.sh validate theirs; the made-up ones are here
    case $src in "$T"/src/*)
        if xmllint --noout --relaxng grammar/gongwen.rng "$T/$name.xml" 2>"$T/err"; then ok; else
            bad "$name: not valid against grammar/gongwen.rng: $(head -c 300 "$T/err")"; fi ;;
    esac
    for fe in $FORMATS; do
        f=${fe%%:*} e=${fe#*:} x=${fe##*:}; e=${e%:*} out=$T/$name.$e
        if "$GW" -t "$f" -o "$out" "$src"; then ok; else bad "$name: gongwen -t $f failed"; continue; fi
        if xsltproc "$XSL/$x" "$T/$name.xml" >"$T/x.out" && cmp -s "$out" "$T/x.out"; then ok; else
            bad "$name: gongwen -t $f and xsltproc xslt/$x differ"; fi
        case $src in samples/*) golden "$name" "$f" "$e" "$out" ;; esac
    done
    checks "$name" "$T/$name.xml" "$src"
    # the text is the report back: gongwen reads the same outline from it
    # (line numbers aside)
    if "$GW" -t outline "$src" | cut -f 2- >"$T/o1" && "$GW" -t outline "$T/$name.txt" | cut -f 2- >"$T/o2" &&
        cmp -s "$T/o1" "$T/o2"; then ok; else
        bad "$name: the text output reads back as another outline"; diff "$T/o1" "$T/o2" | head -n 6; fi
done

# the x-quote table needed quoting: "1.GDP增长,实际（%）" and """约""5"
if grep -q '^1,表1 主要指标,,经济发展,"1.GDP增长,实际（%）",2.3,"""约""5",预期性' "$T/x-quote.csv"; then ok; else
    bad "x-quote: CSV quoting: $(head -n 2 "$T/x-quote.csv")"; fi
# the PDF tables' records, without the three fields that name the table
# (their captions hold no comma)
for f in x-pdf x-pdf-head x-pdf-head2 x-pdf-label x-pdf-page; do
    sed 's/^[^,]*,[^,]*,[^,]*,//' "$T/$f.csv" >"$T/$f.body.csv"
done
# x-pdf: each row has its category, the wrapped 指标 is joined
printf '%s\r\n' 类别,指标,2020年,2025年,属性 经济发展,1.地区生产总值年均增长（%）,6.5,6左右,预期性 \
    经济发展,2.人均生产总值（元）,39209,55000,预期性 经济发展,3.城镇化率（%）,46,56,预期性 \
    创新驱动,4.研发投入强度（%）,2.1,2.5,预期性 创新驱动,5.发明专利（件）,1.9,4,预期性 >"$T/x-pdf.want"
if cmp -s "$T/x-pdf.want" "$T/x-pdf.body.csv"; then ok; else
    bad "x-pdf: CSV of a PDF table"; diff "$T/x-pdf.want" "$T/x-pdf.body.csv" | head -n 8; fi
printf '%s\r\n' 类别,指标（年均增长）,2020年,2025年 经济发展,1.地区生产总值,6.5,6左右 \
    经济发展,2.人均生产总值（元）,39209,55000 经济发展,3.城镇化率（%）,46,56 >"$T/x-pdf-head.want"
if cmp -s "$T/x-pdf-head.want" "$T/x-pdf-head.body.csv"; then ok; else
    bad "x-pdf-head: CSV of a wrapped header"; diff "$T/x-pdf-head.want" "$T/x-pdf-head.body.csv" | head -n 8; fi
printf '%s\r\n' 类别,指标,2020年基数,2025年目标,年均增长（%） 经济发展,1.地区生产总值（亿元）,6500,9000,6.5 \
    经济发展,2.人均生产总值（元）,39209,55000,6 经济发展,3.城镇化率（%）,46,56,［10］ \
    创新驱动,4.发明专利（件）,1.9,4,［2.1］ >"$T/x-pdf-head2.want"
if cmp -s "$T/x-pdf-head2.want" "$T/x-pdf-head2.body.csv"; then ok; else
    bad "x-pdf-head2: CSV of a two-line header"; diff "$T/x-pdf-head2.want" "$T/x-pdf-head2.body.csv" | head -n 8; fi
printf '%s\r\n' 类别,指标,2020年,2025年,属性 经济发展,1.地区生产总值（亿元）,6500,9000,预期性 \
    经济发展,2.地区生产总值年均增长（%）,6.5,6左右,预期性 经济发展,3.城镇化率（%）,46,56,预期性 \
    创新驱动,4.研发投入强度（%）,2.1,2.5,预期性 >"$T/x-pdf-label.want"
if cmp -s "$T/x-pdf-label.want" "$T/x-pdf-label.body.csv"; then ok; else
    bad "x-pdf-label: CSV of a label on a wrapped line"; diff "$T/x-pdf-label.want" "$T/x-pdf-label.body.csv" | head -n 8; fi
# x-pdf-page: the page lines are in the XML between the rows, in no CSV
# row, and hidden rows of the HTML table
printf '%s\r\n' 类别,指标,2020年,2025年 经济发展,1.地区生产总值年均增长,6.5,6左右 \
    经济发展,2.人均生产总值（元）,39209,55000 经济发展,3.城镇化率（%）,46,56 \
    创新驱动,4.研发投入强度（%）,2.1,2.5 >"$T/x-pdf-page.want"
if cmp -s "$T/x-pdf-page.want" "$T/x-pdf-page.body.csv"; then ok; else
    bad "x-pdf-page: CSV of a table with page lines"; diff "$T/x-pdf-page.want" "$T/x-pdf-page.body.csv" | head -n 8; fi
if grep -q '<page line="4"[^>]*>— 5 —</page>' "$T/x-pdf-page.xml" && grep -q '<page line="7"[^>]*>6</page>' "$T/x-pdf-page.xml" &&
    [ "$("$GW" -t html "$T/src/x-pdf-page.txt" | grep -c '<tr class="page" hidden="hidden">')" -eq 2 ]; then ok; else
    bad "x-pdf-page: page lines not kept in the table"; fi
# CRLF by default, LF on request, the same through gongwen and xsltproc
if [ "$(tr -cd '\r' <"$T/haizhou-14th-plan.csv" | wc -c)" -eq "$(wc -l <"$T/haizhou-14th-plan.csv")" ]; then ok; else
    bad "haizhou: CSV records must end in CRLF"; fi
"$GW" -t csv --param eol=lf samples/haizhou-14th-plan.txt >"$T/lf.csv"
xsltproc --stringparam eol lf "$XSL/csv.xsl" "$T/haizhou-14th-plan.xml" >"$T/lf2.csv"
if cmp -s "$T/lf.csv" "$T/lf2.csv" && ! grep -q "$(printf '\r')" "$T/lf.csv" &&
    [ "$(tr -d '\r' <"$T/haizhou-14th-plan.csv" | cmp - "$T/lf.csv" && echo same)" = same ]; then ok; else
    bad "haizhou: CSV with eol=lf"; fi
# the empty file: no text, no tables, an article with a fallback title
if [ ! -s "$T/x-empty.txt" ] && [ ! -s "$T/x-empty.csv" ] && grep -q '<title role="fallback">x-empty</title>' "$T/x-empty.dbk.xml"; then
    ok; else bad "x-empty: outputs of the empty file"; fi

# --- hand-written trees: xsltproc only ---
# x-edges: valid against grammar/gongwen.rng, the corners of the grammar
cat >"$T/x-edges.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<report xmlns="urn:gongwen:report:1" version="1" encoding="UTF-8" source="edges/x-edges.txt" generator="gongwen 0.1.0">
  <front>
    <p line="1">2024年政府工作报告（全文）</p>
    <title line="2">政 府 工 作 报 告</title>
    <p line="3">（征求意见稿）</p>
    <subtitle line="4"><num>——</num>2024年1月10日在某市第一届人民代表大会第三次会议上</subtitle>
    <subtitle line="5">（第二稿）</subtitle>
    <author line="6">某市市长 王 某</author>
    <author line="7">代市长李某</author>
    <toc line="8"><title line="8">目录</title><entry line="8">一、只有标题的部分……1</entry></toc>
    <salutation line="8">各位代表：</salutation>
  </front>
  <body>
    <toc line="9"><title line="9">目　录</title><entry line="10">一、只有标题的部分</entry><entry line="11">二、工作安排</entry></toc>
    <p line="12">开头段落，含<ctl cp="0001">␁</ctl>控制字符、"引号"、&amp;、&lt;与<ctl cp="001C"/>分隔符，见注释<ref target="n4">［1］</ref>。</p>
    <section id="s1" line="13" family="cn" n="1">
      <title line="13"><num>一、</num>只有标题的部分</title>
    </section>
    <p line="14" role="address">各位代表！</p>
    <p line="15"><lead>只有导语。</lead></p>
    <page line="16">— 2 —</page>
    <section id="s2" line="17" family="cn" n="2">
      <title line="17"><num>二、</num>工作安排</title>
      <section id="s2.1" line="18" family="cn-paren" n="1" runin="true">
        <title line="18"><num>（一）</num>第一项。</title>
        <p line="18">正文，逗号,与"引号"，跨页<page line="19">— 3 —</page>接续。</p>
      </section>
      <p line="20" role="address">各位代表！</p>
      <section id="s2.2" line="21" family="cn-paren" n="2" inferred="true">
        <title line="21">推断的标题</title>
        <list type="dash" line="22">
          <item line="22"><num>——</num><lead>有导语。</lead>正文。</item>
          <item line="23"><num>——</num>没有导语的条目。</item>
        </list>
        <box id="b1" line="24">
          <title line="24"><num>专栏1</num>没有条目的专栏</title>
        </box>
        <box id="b2" line="25">
          <title line="25"><num>专栏2</num>重大项目</title>
          <item line="26" n="1"><num>01</num><name>名称</name>：说明。</item>
          <item line="27" n="2"><num>02</num><name>独占一行的名称</name>下一行的说明。</item>
          <item line="29"><num>［0］</num>没有名称的条目。</item>
        </box>
        <toc line="30"><title line="30">目录</title></toc>
        <toc line="30"><entry line="30">一、只有标题的部分……1</entry><entry line="30">二、工作安排……3</entry></toc>
      </section>
      <p line="31">尾段一。</p>
      <p line="32">尾段二。</p>
    </section>
    <section id="s3" line="33" family="notes">
      <title line="33">注释</title>
      <p line="34">说明段。</p>
      <note id="n1" line="35" n="1"><num>1.</num><term>“甲”</term>：甲的解释。</note>
      <p line="36">之后的段落。</p>
    </section>
    <section id="s4" line="37" family="annex">
      <title line="37">附件</title>
      <table id="t1" line="38">
        <thead>
          <row line="38"><cell line="38" type="text">项目</cell><cell line="38" type="text">说明</cell><cell line="38" type="text">金额</cell></row>
        </thead>
        <tbody>
          <row line="39"><cell line="39" type="text">甲,乙</cell><cell line="39" type="text">说"明"</cell><cell line="39" type="number" value="1.5">1.5</cell></row>
          <row line="40"><cell line="40" type="text">跨
行</cell></row>
          <row line="41"><cell line="41" type="text">丙</cell><cell line="41" type="empty"/><cell line="41" type="compare" op="ge" value="80">≥80</cell><cell line="41" type="text">多出一列</cell></row>
        </tbody>
      </table>
      <table id="t2" line="42">
        <caption line="42">只有表头</caption>
        <unit line="43">单位：万元</unit>
        <thead><row line="44"><cell line="44" type="text">甲</cell><cell line="44" type="text">乙</cell></row></thead>
      </table>
      <table id="t3" line="45">
        <caption line="45">分组</caption>
        <thead><row line="46"><cell line="46" type="text">类别</cell><cell line="46" type="text">指标</cell><cell line="46" type="text">数值</cell></row></thead>
        <tbody>
          <group line="47">
            <category line="47">甲类</category>
            <row line="47"/>
            <row line="48"><cell line="48" type="text">一</cell><cell line="48" type="number" value="1">1</cell></row>
            <row line="49"><cell line="49" type="text">二</cell></row>
          </group>
          <group line="50">
            <category line="50">乙类</category>
            <row line="50"><cell line="50" type="text">三</cell><cell line="50" type="none">—</cell></row>
          </group>
        </tbody>
      </table>
      <table id="t4" line="51">
        <caption line="51">单列</caption>
        <thead><row line="52"><cell line="52" type="text">值</cell></row></thead>
        <tbody>
          <row line="53"><cell line="53" type="empty"/></row>
          <row line="54"><cell line="54" type="text">x</cell></row>
        </tbody>
      </table>
    </section>
    <section id="s5" line="55" family="notes">
      <title line="55">名词解释</title>
      <note id="n4" line="56" n="1"><num>［1］</num><term>乙</term>：乙的解释。</note>
      <note id="n5" line="57"><term>丙</term>丙没有冒号。</note>
      <note id="n6" line="58" n="3"><num>3.</num>没有术语的注释。</note>
    </section>
  </body>
</report>
XML
# x-future: what this grammar does not allow: elements a later version may
# add, and shapes the stylesheets must still survive
cat >"$T/x-future.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<report xmlns="urn:gongwen:report:1" version="1" encoding="UTF-8">
  <front>
    <mark line="1">— 1 —</mark>
    <subtitle line="2">只有副标题</subtitle>
  </front>
  <cover line="3"><line line="3">封面一</line><line line="4">封面二</line></cover>
  <body>
    <section id="s1" line="6" family="cn" n="1">
      <title line="6"><num>一、</num>总则<mark>（修订）</mark></title>
      <p line="7">段落<mark line="8">批注</mark>接着写。</p>
      <figure line="9"><caption line="9">图1　示意图</caption><image line="10"/></figure>
      <table id="t1" line="11">
        <caption line="11">表</caption>
        <source line="12">来源：统计局</source>
        <thead><row line="13"><cell line="13" type="text">甲</cell><cell line="13" type="text">乙</cell><extra line="13">丙</extra></row></thead>
        <tbody><row line="14"><cell line="14" type="text">1</cell><span line="14">2</span></row><row line="15"/><rule line="16"/></tbody>
        <footnote line="17">注：示例。</footnote>
      </table>
      <table id="t2" line="18"><caption line="18">没有表头</caption></table>
      <table id="t3" line="19">
        <caption line="19">只有类别</caption>
        <tbody><group line="20"><category line="20">甲类</category></group></tbody>
      </table>
      <list type="dash" line="21"><item line="21"><num>——</num>条目。</item><aside line="22">旁注。</aside></list>
      <box id="b1" line="23"><title line="23"><num>专栏1</num>标题</title><remark line="24">备注。</remark></box>
      <section id="s1.1" line="25" family="cn-paren" n="1">
        <title line="25"><num>（一）</num>小节</title>
        <p line="26">正文。</p>
      </section>
      <p line="27">小节之后。</p>
      <section id="s1.2" line="28" family="notes">
        <title line="28">注释</title>
        <note id="n1" line="29"><num>1.</num>嵌套的注释。</note>
        <note id="n2" line="30">既无编号也无术语。</note>
      </section>
    </section>
    <section id="s2" line="31" family="cn" n="2">
      <title line="31"><num>二、</num>附则</title>
      <p line="32">本报告自印发之日起施行，见<ref target="n9">［9］</ref>。</p>
    </section>
    <mark line="33">— 4 —</mark>
  </body>
  <colophon line="34">某市人民政府办公室印发</colophon>
</report>
XML
if xmllint --noout --relaxng grammar/gongwen.rng "$T/x-edges.xml" 2>"$T/err"; then ok; else
    bad "x-edges.xml is not a valid report: $(head -c 300 "$T/err")"; fi
for name in x-edges x-future; do
    for fe in $FORMATS; do
        f=${fe%%:*} e=${fe#*:} x=${fe##*:}; e=${e%:*} out=$T/$name.$e
        if xsltproc "$XSL/$x" "$T/$name.xml" >"$out"; then ok; else bad "$name: xslt/$x failed"; fi
        golden "$name" "$f" "$e" "$out" optional
    done
    checks "$name" "$T/$name.xml" ""
done

# --- outline: a note's TITLE is its term without the quotes around the
# whole of it (CONVENTIONS.md 8); quotes inside a term stay ---
printf '一、工作\n推进“双碳”工作。\n名词解释\n［1］“双碳”：指碳达峰碳中和。\n［2］“两新”政策：指设备更新。\n［3］“A”与“B”：指两者。\n［4］「专精特新」：指中小企业。\n' >"$T/quoted-terms.txt"
"$GW" -t outline "$T/quoted-terms.txt" | grep '	note	' | cut -f 4 >"$T/quoted-terms.out"
printf '双碳\n“两新”政策\n“A”与“B”\n专精特新\n' >"$T/quoted-terms.want"
if cmp -s "$T/quoted-terms.out" "$T/quoted-terms.want"; then ok; else
    bad "outline note terms: $(tr '\n' '|' <"$T/quoted-terms.out")"; fi

# --- the Python checks (text, CSV, DocBook text), in one run ---
python3 tests/formats_check.py batch "$T/checks.list" >"$T/checks.out"
n=$(grep -c '^ok$' "$T/checks.out")
pass=$((pass + n))
if [ "$n" -ne "$(wc -l <"$T/checks.list")" ]; then
    m=$(grep -c '^FAIL: ' "$T/checks.out")
    fail=$((fail + $(wc -l <"$T/checks.list") - n))
    grep '^FAIL: ' "$T/checks.out" | cut -c 1-400
    [ "$m" -gt 0 ] || echo "FAIL: tests/formats_check.py batch stopped early"
fi

# --- every DocBook output against the schema, in one run of jing ---
# shellcheck disable=SC2046
jing "$DB_RNG" $(cat "$T/docbook.list") >"$T/jing.out" 2>"$T/jing.err"
rc=$?
while read -r f; do
    if grep -q "^$f:" "$T/jing.out"; then
        bad "$(basename "$f" .dbk.xml): DocBook not valid"; grep "^$f:" "$T/jing.out" | head -n 3 | cut -c 1-300
    elif [ "$rc" -ne 0 ] && [ ! -s "$T/jing.out" ]; then
        bad "$(basename "$f" .dbk.xml): jing failed: $(grep -v '^\[warning\]' "$T/jing.err" | head -c 300)"
    else ok; fi
done <"$T/docbook.list"

# DocBook: a 名词解释 before the annexes is a glossary of glossentries and
# the annex an appendix, in the report's order
printf '政府工作报告\n一、回顾\n正文一句。\n名词解释\n1.两重：国家重大战略实施。\n2.两新：设备更新。\n附件\n2025年十件实事\n一、稳定就业\n正文。\n' >"$T/glossary.txt"
"$GW" -t docbook "$T/glossary.txt" >"$T/glossary.dbk"
if grep -q '<glossary' "$T/glossary.dbk" && [ "$(grep -c '<glossentry' "$T/glossary.dbk")" -eq 2 ] &&
    [ "$(grep -n '<glossary' "$T/glossary.dbk" | cut -d: -f1)" -lt "$(grep -n '<appendix' "$T/glossary.dbk" | cut -d: -f1)" ]; then ok; else
    bad "docbook: 名词解释 before an annex is no glossary before the appendix"; fi
jing "$DB_RNG" "$T/glossary.dbk" >"$T/jing.out" 2>/dev/null && ok || bad "docbook: the glossary before an appendix is not valid: $(head -c 300 "$T/jing.out")"

# CSV: every record says its table (number, caption, unit); table=N picks
# one; bom=1 for Excel; a report without tables says so on stderr
"$GW" -t csv samples/haizhou-14th-plan.txt >"$T/h.csv"
printf '%s\n' 表序,表题,单位,分类,指标,2020年完成数,2025年目标,年均增长,指标属性 \
    1,海州区“十四五”经济社会发展主要指标,,经济强,地区生产总值（亿元）,653,1000,—,预期性 >"$T/h2.want"
if head -n 2 "$T/h.csv" | tr -d '\r' | cmp -s - "$T/h2.want"; then ok; else
    bad "csv: the records do not name their table: $(head -n 2 "$T/h.csv")"; fi
printf '政府工作报告\n一、指标\n表1　甲表\n单位：亿元\n项目\t2023年\t2024年\n收入\t5\t6\n表2　乙表\n项目\t2023年\t2024年\n支出\t3\t4\n' >"$T/two.txt"
"$GW" -t csv --param table=2 --param eol=lf "$T/two.txt" >"$T/two.csv"
printf '%s\n' 表序,表题,单位,项目,2023年,2024年 '2,表2 乙表,,支出,3,4' >"$T/two.want"
if cmp -s "$T/two.want" "$T/two.csv"; then ok; else bad "csv table=2: $(cat "$T/two.csv")"; fi
"$GW" -t csv --param eol=lf "$T/two.txt" | grep -q '^1,表1 甲表,单位：亿元,收入,5,6$' && ok || bad "csv: the unit is not kept"
expect 1 "csv table=3 of 2" -- "$GW" -t csv --param table=3 "$T/two.txt"
has "$T/err" 'no table 3' "csv table=3: says there is no such table"
"$GW" -t csv --param bom=1 "$T/two.txt" >"$T/bom.csv"
if [ "$(head -c 3 "$T/bom.csv" | od -An -tx1 | tr -d ' ')" = efbbbf ]; then ok; else bad "csv bom=1: no byte order mark"; fi
if [ "$(head -c 3 "$T/two.csv" | od -An -tx1 | tr -d ' ')" != efbbbf ]; then ok; else bad "csv: a byte order mark without bom=1"; fi
expect 0 "csv of a report without tables" -- "$GW" -t csv samples/xuzhou-2024.txt
has "$T/err" 'the report has no table' "csv: no table said on stderr"
if [ ! -s "$T/out" ]; then ok; else bad "csv: output for a report without tables"; fi

# Text: a blank line between paragraphs and around headings, none inside
# a table, one line end at the end
"$GW" -t text tests/corpus/guizhou-2018-notes.txt >"$T/g.txt"
if [ "$(sed -n '1p;2p;3p' "$T/g.txt")" = "$(printf '政府工作报告\n\n——2018年1月25日在贵州省第十三届人民代表大会第一次会议上')" ]; then ok; else
    bad "text: no blank line between the front matter's lines: $(head -n 3 "$T/g.txt")"; fi
if awk 'prev == "" && $0 == "" && NR > 1 { bad = 1 } { prev = $0 } END { exit bad }' "$T/g.txt" && [ -z "$(tail -c 1 "$T/g.txt")" ] \
    && [ "$(tail -c 2 "$T/g.txt" | od -An -c | tr -d ' ')" != '\n\n' ]; then ok; else
    bad "text: two blank lines in a row, or not one line end at the end"; fi
"$GW" -t text samples/haizhou-14th-plan.txt | grep -A2 '^分类' >"$T/rows.txt"
if [ "$(sed -n 2p "$T/rows.txt" | cut -f 1)" = 经济强 ]; then ok; else bad "text: a table's rows are not together: $(cat "$T/rows.txt")"; fi

# DocBook: ［1］ naming a note is an xref to it, and the note carries its
# printed number as the label the xref is rendered with
"$GW" -t docbook tests/corpus/shanghai-2024.txt >"$T/sh.dbk"
if grep -q '<xref linkend="n1"/>' "$T/sh.dbk" && grep -q 'xml:id="n1" xreflabel="［1］"' "$T/sh.dbk"; then ok; else
    bad "docbook: a note reference is not an xref to a labelled note"; fi

# A table thousands of columns wide: every format writes it (the
# stylesheets went one template call deep a column, and libxslt stops at
# 3,000), and the packaged formats too
python3 -c '
n = 3500
print("表1 宽表")
print("\t".join("列%d" % c for c in range(n)))
for r in range(3):
    print("\t".join(str(r * c) if c % 2 else "项%d" % c for c in range(n)))
' >"$T/wide.txt"
for f in $("$GW" --list-formats | cut -f 1); do
    if "$GW" -t "$f" -o "$T/wide.$f" "$T/wide.txt" 2>"$T/err" && [ -s "$T/wide.$f" ]; then ok; else
        bad "a table of 3,500 columns in $f: $(head -c 300 "$T/err")"; fi
done

echo "formats: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
