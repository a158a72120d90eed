#!/bin/sh
# The Markdown output (xslt/markdown.xsl), for every sample and corpus case:
# - samples: `gongwen -t markdown` equals tests/golden/markdown/NAME.md;
# - xsltproc on the XML gives the same bytes as `gongwen -t markdown`;
# - the layout is clean: no blank first line, no two blank lines in a row,
#   no trailing white space, one newline at the end;
# - tests/md_compare.py parses it with cmark-gfm (GFM tables) and cmark and
#   finds the XML's headings (level, text), list items, tables and
#   paragraphs, each block's text with no markup character left visible,
#   and the leads (and box names, terms, captions) rendered <strong>.
# Also a hand-made XML (tests/golden/markdown/edge.xml: markup characters,
# awkward leads, deep sections, adjacent lists, wide tables, unknown
# elements) against edge.md, and a small text report full of Markdown
# characters compiled by gongwen.
# Needs cmark, cmark-gfm, xsltproc and python3 (apt-get install cmark
# cmark-gfm xsltproc python3).
# Usage: sh tests/markdown.sh ./gongwen   (from the repository root)
# To refresh the goldens after a deliberate change (then read the diff):
#   for f in samples/*.txt; do ./gongwen -t markdown -o tests/golden/markdown/$(basename $f .txt).md $f; done
#   xsltproc xslt/markdown.xsl tests/golden/markdown/edge.xml >tests/golden/markdown/edge.md
set -u
GW=${1:-./gongwen}
G=tests/golden/markdown
. "$(dirname "$0")/lib.sh"

for tool in cmark cmark-gfm xsltproc python3; do
    if command -v "$tool" >/dev/null 2>&1; then ok; else
        bad "$tool not installed (apt-get install cmark cmark-gfm xsltproc python3)"; fi
done

# layout NAME FILE: blank lines and white space as the stylesheet promises
layout() {
    msg=$(awk -v name="$1" '
        /[ \t]$/            { print name ":" NR ": trailing white space"; exit }
        NR == 1 && /^$/     { print name ": starts with a blank line"; exit }
        /^$/ && prev == ""  { if (NR > 1) { print name ":" NR ": two blank lines"; exit } }
        { prev = $0 }' "$2")
    if [ -z "$msg" ] && [ -n "$(tail -c 1 "$2")" ]; then msg="$1: no newline at the end"; fi
    if [ -n "$msg" ]; then bad "$msg"; else ok; fi
}

# check NAME XML MD: xsltproc agrees, layout, parsed structure
check() {
    name=$1 xml=$2 md=$3
    if xsltproc xslt/markdown.xsl "$xml" >"$T/$name.xsltproc.md" 2>"$T/err" &&
        cmp -s "$md" "$T/$name.xsltproc.md"; then ok; else
        bad "$name: xsltproc output differs from gongwen -t markdown $(head -c 300 "$T/err")"
        diff "$md" "$T/$name.xsltproc.md" | head -n 10
    fi
    layout "$name" "$md"
    if python3 tests/md_compare.py "$xml" "$md" >"$T/cmp" 2>&1; then ok; else
        bad "$name: cmark structure differs from the XML"; head -n 20 "$T/cmp"; fi
}

for src in samples/*.txt tests/corpus/*.txt; do
    name=$(basename "$src" .txt)
    if "$GW" -o "$T/$name.xml" "$src" && "$GW" -t markdown -o "$T/$name.md" "$src"; then ok; else
        bad "$name: gongwen failed"; continue; fi
    case $src in
    samples/*)
        if diff -u "$G/$name.md" "$T/$name.md" >"$T/diff"; then ok; else
            bad "$name: markdown differs from $G/$name.md"; head -n 20 "$T/diff"; fi ;;
    esac
    check "$name" "$T/$name.xml" "$T/$name.md"
done

# hand-made XML with the cases the reports lack
if xsltproc xslt/markdown.xsl "$G/edge.xml" >"$T/edge.md"; then ok; else bad "edge: xsltproc failed"; fi
if diff -u "$G/edge.md" "$T/edge.md" >"$T/diff"; then ok; else
    bad "edge: markdown differs from $G/edge.md"; head -n 20 "$T/diff"; fi
layout edge "$T/edge.md"
if python3 tests/md_compare.py "$G/edge.xml" "$T/edge.md" >"$T/cmp" 2>&1; then ok; else
    bad "edge: cmark structure differs from the XML"; head -n 20 "$T/cmp"; fi

# a report full of Markdown characters, through the parser
cat >"$T/marks.txt" <<'EOF'
政府工作报告
各位代表：
# 不是标题 *星号* _下划线_ [方括号](链接) <b>标签</b> `代码` \反斜杠 ~删除~ &amp; a|b
一、总体要求
- 不是列表
1. 不是有序列表
> 不是引用
（一）以“两个毫不动摇”增活力。坚持和落实 *两个* 毫不动摇。
（二）主要任务
落实《条例（试行）》。实施细则，推进 **重点** 工作。
——坚持党的全面领导。坚持和完善 _制度_。
——坚持以人民为中心。坚持人民主体地位。
二、2024年.工作安排
2024. 全年目标
+ 加号开头
= 等号开头
EOF
if "$GW" -o "$T/marks.xml" "$T/marks.txt" && "$GW" -t markdown -o "$T/marks.md" "$T/marks.txt"; then
    ok; check marks "$T/marks.xml" "$T/marks.md"
else bad "marks: gongwen failed"; fi

# What a reader sees: —— items keep their dash (a bullet would replace
# it), a box item has one marker (its number), numeric columns are right-
# aligned, and a note that is referred to is a footnote that pandoc links.
"$GW" -t markdown tests/corpus/guizhou-2018-notes.txt >"$T/dash.md"
has "$T/dash.md" '^——\*\*经济实力大幅提升\*\*。' "—— item keeps its dash"
hasnt "$T/dash.md" '^- ' "no bullets for —— items"
"$GW" -t markdown samples/haizhou-14th-plan.txt >"$T/box.md"
has "$T/box.md" '^> 1\.\*\*生活性服务业提质工程\*\*：' "box item: its number the one marker"
hasnt "$T/box.md" '^> - ' "box item: no bullet before its number"
has "$T/box.md" '^| 分类 | 指标 | 2020年完成数 | 2025年目标 | 年均增长 | 指标属性 |$' "indicator table header"
has "$T/box.md" '^| --- | --- | ---: | --- | ---: | --- |$' "numeric columns right-aligned"
printf '政府工作报告\n一、工作回顾\n我们推进“放管服”改革［1］，深化“一网通办”［2］。\n名词解释\n［1］“放管服”：简政放权、放管结合、优化服务。\n［2］“一网通办”：政务服务一网办理。\n' >"$T/fn.txt"
"$GW" -t markdown "$T/fn.txt" >"$T/fn.md"
has "$T/fn.md" '^我们推进“放管服”改革\[^1\]，深化“一网通办”\[^2\]。$' "references become [^N]"
has "$T/fn.md" '^\[^1\]: ［1］ \*\*“放管服”\*\*：简政放权' "the note is the footnote [^1]:"
"$GW" -o "$T/fn.xml" "$T/fn.txt" && check footnotes "$T/fn.xml" "$T/fn.md"
if command -v pandoc >/dev/null 2>&1; then
    pandoc -f gfm -t html "$T/fn.md" >"$T/fn.html" 2>"$T/pandoc.err"
    if [ "$(grep -o 'class="footnote-ref"' "$T/fn.html" | wc -l)" -eq 2 ] && grep -q 'id="fn2"' "$T/fn.html" \
        && [ ! -s "$T/pandoc.err" ]; then ok; else
        bad "pandoc does not make two linked footnotes: $(head -c 300 "$T/pandoc.err")"; fi
else
    echo "markdown: SKIP the pandoc footnote check: pandoc not installed"
fi

echo "markdown: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
