#!/bin/sh
# The readers of structured sources (.docx, .html, .pdf) and the refusals:
# what no reader takes gets one line saying what it is, exit 1.
# Usage: sh tests/readers.sh ./gongwen
set -u
GW=${1:-./gongwen}
case $GW in /*) ;; *) GW=$(pwd)/$GW ;; esac
cd "$(dirname "$0")/.."
. tests/lib.sh
D=tests/readers
RNG=grammar/gongwen.rng

# KIND, DEPTH and TITLE of each outline row (lines differ between formats:
# a .docx line is a paragraph), white space removed from the titles
# unranged FILE: FILE without the range attributes (grammar/README.md §3),
# so that the checks below can quote elements as the examples there do
unranged() { sed -E 's/ (column|end-line|end-column)="[0-9]+"//g; s/<num line="[0-9]+">/<num>/g' "$1"; }
shape() { "$GW" -t outline "$1" | awk -F '\t' '{ gsub(/[ \t\342\200\200-\342\200\212\343\200\200]/, "", $4); print $2 "\t" $3 "\t" $4 }'; }

# refused: exit 1, one line on standard error naming the file, nothing out
refused() {
    what=$1 file=$2 pattern=$3
    expect 1 "$what" -- "$GW" "$file"
    if [ ! -s "$T/out" ] && [ "$(wc -l <"$T/err")" -eq 1 ]; then ok; else bad "$what: not one line: $(cat "$T/err")"; fi
    has "$T/err" "$pattern" "$what"
}

# ---- each fixture: converts, valid, its format recorded, lossless ---------
for f in xuzhou-2024.docx haizhou-14th-plan.docx word-saved.docx wps-saved.docx xuzhou-2024.html xuzhou-2024.pdf; do
    fmt=${f##*.}
    expect 0 "$f converts" -- "$GW" -o "$T/$f.xml" "$D/$f"
    if xmllint --noout --relaxng "$RNG" "$T/$f.xml" 2>"$T/err"; then ok; else bad "$f: invalid: $(head -c 300 "$T/err")"; fi
    has "$T/$f.xml" "format=\"$fmt\"" "$f: report/@format"
    if python3 "$D/lossless.py" "$fmt" "$D/$f" "$T/$f.xml" 2>"$T/err"; then ok; else bad "$f: $(cat "$T/err")"; fi
    for t in outline html markdown docbook csv text; do
        expect 0 "$f -t $t" -- "$GW" -t "$t" "$D/$f"
    done
done
# plain text has no format attribute (its goldens are unchanged)
"$GW" samples/xuzhou-2024.txt >"$T/t.xml"
hasnt "$T/t.xml" "format=" "text: no report/@format"

# ---- the same report in every format has the same outline -----------------
shape samples/xuzhou-2024.txt >"$T/want"
for f in xuzhou-2024.docx xuzhou-2024.html xuzhou-2024.pdf; do
    shape "$D/$f" >"$T/got"
    if cmp -s "$T/want" "$T/got"; then ok; else bad "$f: outline differs from the text's: $(diff "$T/want" "$T/got" | head -5)"; fi
done
shape samples/haizhou-14th-plan.txt >"$T/want"
shape "$D/haizhou-14th-plan.docx" >"$T/got"
if cmp -s "$T/want" "$T/got"; then ok; else bad "haizhou docx: outline differs: $(diff "$T/want" "$T/got" | head -5)"; fi

# ---- .docx: what Word carries -----------------------------------------------
python3 "$D/make_docx.py" "$T/f.docx" features
expect 0 "features.docx" -- "$GW" -o "$T/f.xml" "$T/f.docx"
xmllint --noout --relaxng "$RNG" "$T/f.xml" 2>/dev/null && ok || bad "features.docx: invalid"
unranged "$T/f.xml" >"$T/f.plain.xml"
"$GW" -t outline "$T/f.docx" >"$T/f.tsv"
has "$T/f.plain.xml" "<num>一、</num>2023年工作回顾" "docx: chineseCounting %1、 as 一、"
has "$T/f.plain.xml" "<num>（一）</num>经济运行稳中向好" "docx: level 2 （%2）"
has "$T/f.tsv" "	lead	2	持续抓链条强集群" "docx: bold lead"
has "$T/f.tsv" "	lead	2	全面深化改革开放" "docx: bold lead alone, its body below"
hasnt "$T/f.tsv" "	lead	.*加快建设现代化产业体系" "docx: bold heading is no lead"
has "$T/f.xml" '<ref target="n1">［1］</ref>' "docx: footnote reference"
has "$T/f.plain.xml" '<note id="n1" line="23" n="1"><num>［1］</num><term>高新技术企业</term>' "docx: footnote as note"
has "$T/f.plain.xml" '<page line="21">扬州市人民政府</page>' "docx: header as furniture"
has "$T/f.plain.xml" '<category line="16">经济</category>' "docx: vMerge as a category"
has "$T/f.plain.xml" '<p line="12">新建养老床位1000张。</p>' "docx: manual line break ends a line"
# a text copy of the same file guesses: the line alone is no lead there
grep -c "	lead	" "$T/f.tsv" | grep -qx 4 && ok || bad "docx: 4 leads, got $(grep -c '	lead	' "$T/f.tsv")"

# ---- .pdf: page furniture --------------------------------------------------
"$GW" "$D/xuzhou-2024.pdf" | unranged /dev/stdin >"$T/p.xml"
test "$(grep -c '<page line="[0-9]*">— *[0-9]* *—</page>' "$T/p.xml")" -ge 10 && ok ||
    bad "pdf: page numbers as page furniture: $(grep -c '<page' "$T/p.xml")"

# ---- .html ----------------------------------------------------------------
"$GW" "$D/xuzhou-2024.html" >"$T/h.xml"
hasnt "$T/h.xml" "首页" "html: navigation left out"
hasnt "$T/h.xml" "版权所有" "html: footer left out"
hasnt "$T/h.xml" "分享到" "html: share buttons left out"
iconv -f UTF-8 -t GB18030 "$D/xuzhou-2024.html" | sed 's/charset=utf-8/charset=gb2312/' >"$T/gb.html"
"$GW" -t outline "$T/gb.html" >"$T/gb.tsv"
"$GW" -t outline "$D/xuzhou-2024.html" >"$T/u.tsv"
if cmp -s "$T/gb.tsv" "$T/u.tsv"; then ok; else bad "html: a GB2312 page reads as its UTF-8 copy"; fi
printf '<!DOCTYPE html><html><body><div><p><b>持续抓链条强集群。</b>实施制造业高质量发展三年行动，新增规上工业企业300家。</p><p><b>扎实推进科技创新。</b>新增国家高新技术企业500家，研发投入增长12%%。</p><p><strong>着力保障改善民生。</strong>城镇新增就业6万人，新建养老床位1000张。</p><table><tr><th>类别</th><th>指标</th><th>目标</th></tr><tr><td rowspan="2">经济</td><td>地区生产总值</td><td>5.5%%</td></tr><tr><td>财政收入</td><td>3%%</td></tr></table></div></body></html>' >"$T/t.html"
"$GW" "$T/t.html" | unranged /dev/stdin >"$T/t.xml"
has "$T/t.xml" "<lead>着力保障改善民生。</lead>" "html: <strong> lead"
has "$T/t.xml" "<category line=\"5\">经济</category>" "html: rowspan as a category"

# furniture by class or id token (bdshare, sub-nav), not by any substring (canvas)
printf '<html><body><div class="canvas"><p>持续抓链条强集群。实施制造业高质量发展三年行动，新增规上工业企业三百家。</p><div class="bdshare-box">分享到微信朋友圈</div><ul class="sub-nav"><li>首页导航栏目</li></ul></div></body></html>' >"$T/f.html"
"$GW" "$T/f.html" >"$T/f.xml"
has "$T/f.xml" "持续抓链条强集群" "html: class canvas is no navigation"
hasnt "$T/f.xml" "分享到" "html: bdshare is furniture"
hasnt "$T/f.xml" "首页" "html: sub-nav is furniture"

# ---- --from overrides detection ----------------------------------------------
expect 0 "--from html" -- "$GW" --from html -t outline "$T/t.html"
expect 0 "--from text on html" -- "$GW" --from text "$T/t.html"
hasnt "$T/out" 'format="html"' "--from text reads the markup as text"
expect 2 "--from bogus" -- "$GW" --from bogus "$T/t.html"

# ---- gongwen check reads every format -------------------------------------
expect 0 "check .docx" -- "$GW" check "$D/word-saved.docx"
expect 0 "check .pdf" -- "$GW" check --format=json "$D/xuzhou-2024.pdf"

# ---- refusals ---------------------------------------------------------------------
python3 "$D/make_ole2.py" "$T/locked.docx" encrypted
python3 "$D/make_image.py" "$T/scan.png" "$T/scan.pdf"
python3 "$D/make_docx.py" "$T/bomb.docx" bomb
python3 "$D/make_docx.py" "$T/climb.docx" climb
refused ".doc" "$D/legacy.doc" "save it as .docx"
refused "encrypted .docx" "$T/locked.docx" "encrypted"
refused "scanned PDF" "$T/scan.pdf" "without a text layer"
refused "PNG" "$T/scan.png" "PNG image"
refused "/bin/ls" /bin/ls "ELF"
refused "zip bomb" "$T/bomb.docx" "zip bomb"
refused "../ in a .docx" "$T/climb.docx" "unsafe"
printf 'PK\003\004garbage' >"$T/bad.docx"
refused "not a zip" "$T/bad.docx" "ZIP archive"

echo "readers: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
