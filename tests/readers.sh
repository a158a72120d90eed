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
# a .docx line is a paragraph), white space removed from the titles (awk
# would cut UTF-8 apart)
shape() { "$GW" -t outline "$1" | perl -CSD -F'\t' -lane '$F[3] =~ s/[\s\x{2000}-\x{200a}\x{3000}]//g; print "$F[1]\t$F[2]\t$F[3]"'; }
# unranged FILE: FILE without the range attributes (grammar/README.md §3),
# so that the checks below can quote elements as the examples there do
unranged() { sed -E 's/ (column|end-line|end-column)="[0-9]+"//g; s/<num line="[0-9]+">/<num>/g' "$1"; }

# refused: exit 1, one line on standard error naming the file, nothing out
# (within 60 s: a reader that hangs fails the test instead of the suite)
refused() {
    what=$1 file=$2 pattern=$3
    expect 1 "$what" -- timeout 60 "$GW" "$file"
    if [ ! -s "$T/out" ] && [ "$(wc -l <"$T/err")" -eq 1 ]; then ok; else bad "$what: not one line: $(cat "$T/err")"; fi
    has "$T/err" "$pattern" "$what"
}

# ---- each fixture: converts, valid, its format recorded, lossless ---------
for f in xuzhou-2024.docx haizhou-14th-plan.docx word-saved.docx wps-saved.docx xuzhou-2024.html xuzhou-2024.pdf haizhou-table.pdf leads.pdf leads-plain.pdf \
    lianyungang-2024.pdf xuzhou-2024.md xuzhou-2024-web.md xuzhou-2024-web-pandoc.md \
    haizhou-14th-plan.md leads.md; do
    fmt=${f##*.}
    [ "$fmt" = md ] && fmt=markdown
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
for f in xuzhou-2024.docx xuzhou-2024.html xuzhou-2024.pdf xuzhou-2024.md xuzhou-2024-web.md \
    xuzhou-2024-web-pandoc.md; do
    shape "$D/$f" >"$T/got"
    if cmp -s "$T/want" "$T/got"; then ok; else bad "$f: outline differs from the text's: $(diff "$T/want" "$T/got" | head -5)"; fi
done
# a page that ended early (the next paragraph did not fit: orphan control)
# though its last line filled the measure: the paragraph atop the next
# page is a new one, its lead found (加快建设宜居宜业和美乡村)
shape samples/lianyungang-2024.txt >"$T/want"
shape "$D/lianyungang-2024.pdf" >"$T/got"
if cmp -s "$T/want" "$T/got"; then ok; else bad "lianyungang pdf: outline differs: $(diff "$T/want" "$T/got" | head -5)"; fi
# Chromium's print to PDF (Skia): a CFF-outline CJK font (Noto) as Type 3,
# which poppler sizes twice too large: digits and dashes in a TrueType font
# were cut from their lines, the title's 2025 and each —— set after them
# (pdf.c, deflate_boxes / relines); the same outline as the HTML printed
paras() { grep -c '<p \|<item ' "$1"; }
# like_html NAME: Chromium's print NAME.pdf converts, valid, to its
# HTML's outline and paragraphs ($T/NAME.xml is its XML)
like_html() {
    shape "$D/$1.html" >"$T/want"
    shape "$D/$1.pdf" >"$T/got"
    if cmp -s "$T/want" "$T/got"; then ok; else bad "$1: outline differs: $(diff "$T/want" "$T/got" | head -5)"; fi
    if "$GW" -o "$T/$1-h.xml" "$D/$1.html" && "$GW" -o "$T/$1.xml" "$D/$1.pdf" &&
        xmllint --noout --relaxng "$RNG" "$T/$1.xml" 2>/dev/null; then ok; else
        bad "$1: not converted or invalid"; fi
    [ "$(paras "$T/$1-h.xml")" = "$(paras "$T/$1.xml")" ] && ok ||
        bad "$1: $(paras "$T/$1.xml") paragraphs, the HTML has $(paras "$T/$1-h.xml")"
}
like_html chromium-type3
# Chromium draws the glyphs of the next page's first line that reach up
# into the page above at its foot (clipped, but in the text layer), at
# their x on the next page: 「“ 实 全市 实」 under page 1 of
# chromium-bleed.pdf were four paragraphs, three of them title-like.
# They are page furniture (kept, as <page>); the paragraphs are the HTML's
# (pdf.c, drop_bleed)
"$GW" -o "$T/bleed-h.xml" "$D/chromium-bleed.html" && "$GW" -o "$T/bleed.xml" "$D/chromium-bleed.pdf" && ok ||
    bad "chromium-bleed: not converted"
[ "$(paras "$T/bleed-h.xml")" = "$(paras "$T/bleed.xml")" ] && ok ||
    bad "chromium-bleed: $(paras "$T/bleed.xml") paragraphs, the HTML has $(paras "$T/bleed-h.xml")"
has "$T/bleed.xml" '">“ 实 全市 实</page>' "chromium-bleed: the next page's first line as page furniture"
xmllint --noout --relaxng "$RNG" "$T/bleed.xml" 2>/dev/null && ok || bad "chromium-bleed: invalid"
# Chromium with a TrueType text font whose glyph boxes are taller than the
# line pitch (lines' boxes overlap), its bold and the quotation marks it
# lacks in Type 3: a mark near enough to two lines joined them into one
# (glyphs interleaved), a space under the mark kept it from its own line,
# and a line whose mark poppler read before the line above came first.
# 35 paragraphs for the HTML's 18 (pdf.c, relines)
like_html chromium-tt
# The same font, two lines whose Type 3 quotation marks are as near the
# line above as their own (生态“颜值”蝶变富 over 民“产值”): the table
# finder grouped glyphs into rows by their own middles, so the lower
# line's marks sat in the upper row and the upper line's in the row above;
# the holes they leave looked like columns, a false table of 3 columns
# (pdf_table.c, lay_out: a glyph stands where its line does). The space
# glyph Chromium leaves under each mark came out as 生态 “颜值 ”蝶变
# (pdf.c, covered)
like_html chromium-tt-quote
has "$T/chromium-tt-quote.xml" '生态“颜值”蝶变富民“产值”，' "chromium-tt-quote: the marks in their lines, no space under them"
# The same font, a subtitle wrapped with 议上 alone on its second line,
# left of the indented first line, which poppler read first: a line read
# before the line above it was put back below it only when their x ranges
# overlapped, and only on a page whose lines relines cut or joined; the
# subtitle lost 议上 to a paragraph above it (pdf.c, belongs_above)
like_html chromium-tt-subtitle
# Where Chromium ends a page says little: paragraph spacing and lines made
# taller by a fallback font leave a full page's last line up to two
# pitches above the lowest. Page 2 of chromium-tt-cut.pdf ended, full,
# 0.93 of a pitch above page 1's last line, so the check meant for Word's
# orphan control (GW_PDF_CUT_SHORT) took it for a page ended early and
# parted 有效投资持续扩大… at 极变化 atop page 3, a flush-left line in a
# report whose paragraphs open indented (pdf.c, GW_PDF_INDENT_HABIT)
like_html chromium-tt-cut
shape samples/haizhou-14th-plan.txt >"$T/want"
shape "$D/haizhou-14th-plan.docx" >"$T/got"
if cmp -s "$T/want" "$T/got"; then ok; else bad "haizhou docx: outline differs: $(diff "$T/want" "$T/got" | head -5)"; fi

# ---- a site's page: the title above the article, outside it -----------------
# (gov.cn and most provincial sites: an <h1> beside the date and source
# line, over the element that holds the text)
python3 - "$T" <<'PY'
import sys
rest = [l for l in open("samples/nantong-2024.txt", encoding="utf-8").read().split("\n") if l.strip()]
title = "2024年南通市政府工作报告"
def page(opening, path):
    open(path, "w", encoding="utf-8").write(
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>' + title + '_南通市人民政府</title></head><body>'
        '<div class="header"><a href="/">首页</a> <a href="/zwgk">政务公开</a></div>'
        '<div class="main"><h1 class="title">' + title + '</h1>'
        '<div class="info"><span>发布时间：2024-01-25 09:30</span><span>来源：南通日报</span></div>'
        '<div class="pages_content">' + opening + "".join('<p style="text-indent:2em">%s</p>' % p for p in rest) +
        '</div><div class="share">分享到：<a>微信</a></div></div><div class="footer">主办：南通市人民政府办公室</div></body></html>')
page("", sys.argv[1] + "/site.html")
page('<p style="text-align:center"><strong>' + title + '</strong></p>', sys.argv[1] + "/site2.html")
PY
"$GW" -t outline "$T/site.html" >"$T/site.tsv"
has "$T/site.tsv" "^1	title	0	2024年南通市政府工作报告$" "html: the title above the article"
has "$T/site.tsv" "^2	salutation	0	各位代表：$" "html: the article after its title"
"$GW" -t text "$T/site.html" >"$T/site.txt"
hasnt "$T/site.txt" "发布时间" "html: not the date and source line beside the title"
"$GW" -t text "$T/site2.html" >"$T/site2.txt"
[ "$(grep -c '^2024年南通市政府工作报告$' "$T/site2.txt")" = 1 ] && ok || bad "html: a title the article repeats comes once"

# ---- Markdown (pandoc's, as scrapers and note tools write it) ---------------
# the same outline and indicator table as the text, line numbers the file's
# own; bold leads as in the .docx it was made from
shape "$D/haizhou-14th-plan.md" >"$T/got"
if cmp -s "$T/want" "$T/got"; then ok; else bad "haizhou md: outline differs: $(diff "$T/want" "$T/got" | head -5)"; fi
"$GW" -t csv samples/haizhou-14th-plan.txt >"$T/want.csv"
"$GW" -t csv "$D/haizhou-14th-plan.md" >"$T/got.csv"
if cmp -s "$T/want.csv" "$T/got.csv"; then ok; else bad "haizhou md: the pipe table's CSV differs"; fi
shape "$D/leads.docx" >"$T/want"
shape "$D/leads.md" >"$T/got"
if cmp -s "$T/want" "$T/got"; then ok; else bad "leads.md: outline differs from the .docx: $(diff "$T/want" "$T/got" | head -5)"; fi
"$GW" -t outline "$D/xuzhou-2024.md" >"$T/md.tsv"
has "$T/md.tsv" "^5	heading	1	2023年工作回顾$" "md: a block on its own source line"
# "**…。**正文": CommonMark leaves this bold unmatched (punctuation before
# the closing mark, a letter after); read as bold, the marks are no text
has "$T/md.tsv" "	dash	1	在现代化新征程上迈出坚实步伐$" "md: bold closed after 。"
"$GW" "$D/xuzhou-2024.md" >"$T/md.xml"
hasnt "$T/md.xml" "[*][*]" "md: no ** left in the text"
# a bold line alone is a lead when its body follows after the blank line
# that Markdown sets between blocks
printf '%s\n' '**一、总体要求**' '' '**持续抓链条强集群。**实施链长制。' '' \
    '**加快建设现代化产业体系。**培育集群。' '' '**全面深化改革开放**' '' \
    '推进重点领域改革，激发市场活力。' >"$T/alone.md"
"$GW" -t outline "$T/alone.md" >"$T/alone.tsv"
has "$T/alone.tsv" "^1	heading	1	总体要求$" "md: a bold heading"
has "$T/alone.tsv" "^3	lead	1	持续抓链条强集群$" "md: a bold lead"
has "$T/alone.tsv" "^7	lead	1	全面深化改革开放$" "md: a bold lead alone, its body after a blank line"
# a list's numbers are the file's: the checker sees a gap on its line
printf '%s\n' '**各项工作**' '' '1. 第一项工作' '2. 第二项工作' '4. 第四项工作' >"$T/gap.md"
"$GW" check "$T/gap.md" >"$T/gap.out" 2>&1
has "$T/gap.out" "gap.md:5:1: warning: expected 3., found 4. \[numbering-gap\]" "md: list numbers as written"
# a Markdown file in GB18030 is read as one, and says so
iconv -f UTF-8 -t GB18030 "$D/xuzhou-2024.md" >"$T/gb.md"
"$GW" -t outline "$T/gb.md" >"$T/gb.tsv"
if cmp -s "$T/md.tsv" "$T/gb.tsv"; then ok; else bad "md: GB18030 reads as UTF-8"; fi
"$GW" "$T/gb.md" | head -n 3 >"$T/gb.xml"
has "$T/gb.xml" 'encoding="GB18030"' "md: report/@encoding is the file's"
# plain text is not taken for Markdown: one "# " title line, ** nowhere
"$GW" tests/corpus/scrape-markdown-wrapper.txt >"$T/t.xml"
hasnt "$T/t.xml" "format=" "md: a scraped text with one # line stays text"
expect 0 "--from markdown" -- "$GW" --from markdown -t outline samples/xuzhou-2024.txt

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

# ---- .docx: bold and numbers set through styles -----------------------------
# styled.docx (LibreOffice, from styled.fodt): leads bold by a character
# style, by a paragraph style, one Lead run set back to normal; headings
# numbered through their styles (taiwaneseCountingThousand: 一、)
"$GW" -t outline "$D/styled.docx" >"$T/s.tsv"
expect 0 "styled.docx" -- "$GW" -o "$T/s.xml" "$D/styled.docx"
xmllint --noout --relaxng "$RNG" "$T/s.xml" 2>/dev/null && ok || bad "styled.docx: invalid"
unranged "$T/s.xml" >"$T/s.plain.xml"
has "$T/s.plain.xml" "<num>一、</num>2024年工作回顾" "docx: numbering of a heading style"
has "$T/s.plain.xml" "<num>（一）</num>重点任务" "docx: level 2 of a heading style"
has "$T/s.tsv" "^5	lead	1	人才是科技创新的根基$" "docx: lead bold by a character style"
has "$T/s.tsv" "^9	lead	2	深入推进长三角一体化发展，更好服务和融入国家发展战略$" "docx: lead bold by a paragraph style"
hasnt "$T/s.tsv" "^10	lead" "docx: a character style's bold turned off directly"
hasnt "$T/s.tsv" "^7	lead" "docx: no bold, no lead where the author bolds leads"
# the same in Word's own patterns (make_docx.py styles)
python3 "$D/make_docx.py" "$T/st.docx" styles
expect 0 "styles.docx" -- "$GW" -o "$T/st.xml" "$T/st.docx"
xmllint --noout --relaxng "$RNG" "$T/st.xml" 2>/dev/null && ok || bad "styles.docx: invalid"
unranged "$T/st.xml" >"$T/st.plain.xml"
"$GW" -t outline "$T/st.docx" >"$T/st.tsv"
has "$T/st.plain.xml" "<num>一、</num>总体要求" "docx: numbering of a paragraph style"
has "$T/st.plain.xml" "<num>（一）</num>重点任务" "docx: numbering of a style through w:basedOn"
has "$T/st.tsv" "^5	lead	1	人才是科技创新的根基$" "docx: bold of a character style through w:basedOn"
has "$T/st.tsv" "^6	lead	1	持续抓链条强集群$" "docx: a bold lead split by proofErr and a bookmark"
hasnt "$T/st.tsv" "^7	lead" "docx: a paragraph style's and a character style's bold cancel"
has "$T/st.tsv" "^9	lead	2	扎实推进科技创新$" "docx: w:numId 0 turns the style's list off"
has "$T/st.tsv" "^10	lead	2	着力保障改善民生$" "docx: w:b over a character style"
hasnt "$T/st.tsv" "^11	lead" "docx: w:b w:val=0 over a bold character style"
has "$T/st.plain.xml" "<num>二、</num>全面深化改革" "docx: lists of one abstract list count on"
has "$T/st.plain.xml" "<num>一、</num>政府自身建设" "docx: w:startOverride restarts the count"
has "$T/st.plain.xml" "<num>第一章</num>附则" "docx: a list defined by a list style (w:numStyleLink)"
hasnt "$T/st.tsv" "^15	lead" "docx: a heading style's bold makes no lead"
has "$T/st.xml" "现代化建设新征程" "docx: styles based on each other in a circle"

# ---- .pdf: poppler opened for a PDF only (start-up of every other run) ----
LD_DEBUG=libs "$GW" -t xml samples/xuzhou-2024.txt 2>"$T/ld" >/dev/null
if grep -q 'libpoppler' "$T/ld"; then bad "text: poppler loaded at start-up"; else ok; fi
LD_DEBUG=libs "$GW" -t xml "$D/xuzhou-2024.pdf" 2>"$T/ld" >/dev/null
if grep -q 'libpoppler-glib' "$T/ld"; then ok; else bad "pdf: poppler-glib not opened"; fi
# libzip (and the libcrypto it brings) likewise, for a ZIP package only
LD_DEBUG=libs "$GW" -t xml samples/xuzhou-2024.txt 2>"$T/ld" >/dev/null
if grep -q 'libzip\|libcrypto' "$T/ld"; then bad "text: libzip loaded at start-up"; else ok; fi
LD_DEBUG=libs "$GW" -t xml "$D/leads.docx" 2>"$T/ld" >/dev/null
if grep -q 'libzip' "$T/ld"; then ok; else bad "docx: libzip not opened"; fi

# ---- .pdf: page furniture --------------------------------------------------
"$GW" "$D/xuzhou-2024.pdf" | unranged /dev/stdin >"$T/p.xml"
test "$(grep -c '<page line="[0-9]*">— *[0-9]* *—</page>' "$T/p.xml")" -ge 10 && ok ||
    bad "pdf: page numbers as page furniture: $(grep -c '<page' "$T/p.xml")"

# ---- .pdf: a table from where its glyphs stand -------------------------------
# haizhou-table.pdf is chapter 2 of the haizhou plan with its indicator
# table: six columns, cells wrapped over lines, a merged category column,
# rows cut by three page breaks (README.md there says how it was made)
sed -n 29,304p samples/haizhou-14th-plan.txt >"$T/ht.txt"
shape "$T/ht.txt" >"$T/want"
shape "$D/haizhou-table.pdf" >"$T/got"
if cmp -s "$T/want" "$T/got"; then ok; else bad "haizhou-table.pdf: outline differs from the text's: $(diff "$T/want" "$T/got" | head -5)"; fi
"$GW" -t csv "$T/ht.txt" >"$T/want.csv"
"$GW" -t csv "$D/haizhou-table.pdf" >"$T/got.csv"
if cmp -s "$T/want.csv" "$T/got.csv"; then ok; else bad "haizhou-table.pdf: CSV differs from the text's: $(diff "$T/want.csv" "$T/got.csv" | head -5)"; fi
test "$(grep -c . "$T/got.csv")" -eq 33 && ok || bad "haizhou-table.pdf: 32 rows and a header, got $(grep -c . "$T/got.csv") lines"
"$GW" "$D/haizhou-table.pdf" | unranged /dev/stdin >"$T/ht.xml"
test "$(grep -c '<page line="[0-9]*">—[0-9]*—</page>' "$T/ht.xml")" -eq 5 && ok ||
    bad "haizhou-table.pdf: the page numbers, those between a table's rows too, as page: $(grep -c '<page' "$T/ht.xml")"

# ---- .pdf: paragraphs and leads as the page sets them -----------------------
# leads.txt: paragraphs of the samples whose printed lines wrap where a
# paragraph could end (a line ending in 。 at the right margin, the next
# opening with a short sentence) and two bold leads the text alone does not
# show; leads.pdf is printed from leads.docx, leads-plain.pdf from the same
# page without bold (README.md there says how)
# bold type says which lines open with a lead: the PDF reads as its .docx
shape "$D/leads.docx" >"$T/want"
shape "$D/leads.pdf" >"$T/got"
if cmp -s "$T/want" "$T/got"; then ok; else bad "leads.pdf: outline differs from its .docx's: $(diff "$T/want" "$T/got" | head -5)"; fi
has "$T/want" "^lead	1	就业是最大的民生，要多措并举推动产业与就业互促共进" "leads.docx: a bold lead too long to guess"
# guizhou-ragged: the first 17 paragraphs of a real report (guizhou-2025 in
# ../shared/corpus) as LibreOffice prints them, set ragged right: lines in a
# paragraph end up to a glyph and a half short of the margin (a number such
# as 3.7% does not break), one of them on a page's last line, and the next
# line opens with a sentence a lead could be; the PDF reads as its .docx
shape "$D/guizhou-ragged.docx" >"$T/want"
shape "$D/guizhou-ragged.pdf" >"$T/got"
if cmp -s "$T/want" "$T/got"; then ok; else bad "guizhou-ragged.pdf: outline differs from its .docx's: $(diff "$T/want" "$T/got" | head -5)"; fi
paras() { "$GW" -t xml "$1" | grep -c '<p[ >]'; }
test "$(paras "$D/guizhou-ragged.pdf")" -eq "$(paras "$D/guizhou-ragged.docx")" && ok ||
    bad "guizhou-ragged.pdf: $(paras "$D/guizhou-ragged.pdf") paragraphs, its .docx $(paras "$D/guizhou-ragged.docx")"
# without bold, a line that reached the right margin goes on: no line of a
# wrapped paragraph is taken for a new one opening with a lead
shape "$D/leads.txt" >"$T/want"
shape "$D/leads-plain.pdf" >"$T/got"
if cmp -s "$T/want" "$T/got"; then ok; else bad "leads-plain.pdf: outline differs from the text's: $(diff "$T/want" "$T/got" | head -5)"; fi
# below a table, a line of one cell is no row of it (the box 专栏1 and its
# items in tests/oom/report.pdf)
shape tests/oom/report.txt >"$T/want"
shape tests/oom/report.pdf >"$T/got"
if cmp -s "$T/want" "$T/got"; then ok; else bad "report.pdf: outline differs from the text's: $(diff "$T/want" "$T/got" | head -5)"; fi
"$GW" -t csv tests/oom/report.txt >"$T/want.csv"
"$GW" -t csv tests/oom/report.pdf >"$T/got.csv"
if cmp -s "$T/want.csv" "$T/got.csv"; then ok; else bad "report.pdf: CSV differs from the text's: $(diff "$T/want.csv" "$T/got.csv" | head -5)"; fi

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
# a page style's header and footer (LibreOffice: <div title="header">,
# <div title="footer"> holding the page number field; Word:
# mso-element:footer) are page furniture at the end, as the .docx reader
# keeps them, not paragraphs of the report (leads-lo.html: leads.docx saved
# as HTML by LibreOffice, its footer "— 1 —")
shape "$D/leads.docx" >"$T/want"
shape "$D/leads-lo.html" >"$T/got"
if cmp -s "$T/want" "$T/got"; then ok; else bad "leads-lo.html: outline differs from the .docx's: $(diff "$T/want" "$T/got" | head -5)"; fi
"$GW" -o "$T/lo.xml" "$D/leads-lo.html"
if xmllint --noout --relaxng "$RNG" "$T/lo.xml" 2>"$T/err"; then ok; else bad "leads-lo.html: invalid: $(head -c 300 "$T/err")"; fi
unranged "$T/lo.xml" >"$T/lo.plain.xml"
has "$T/lo.plain.xml" "<page line=\"15\">— 1 —</page>" "html: LibreOffice's footer is page furniture"
hasnt "$T/lo.plain.xml" "<p[^>]*>— 1 —</p>" "html: LibreOffice's footer is no paragraph"
printf '<!DOCTYPE html><html><body><div title="header"><p>2025年政府工作报告</p></div><p align="center"><b>2025年某省政府工作报告</b></p><p>各位代表：</p><p>现在，我代表省人民政府，向大会报告政府工作，请予审议。</p><div style="mso-element:footer" id="f1"><p class="MsoNormal" align="center">第 3 页</p></div><div title="footer"><p>2025年政府工作报告</p></div></body></html>' >"$T/hf.html"
"$GW" "$T/hf.html" | unranged /dev/stdin >"$T/hf.xml"
"$GW" -t outline "$T/hf.html" >"$T/hf.tsv"
has "$T/hf.tsv" "^1	title	0	2025年某省政府工作报告$" "html: a header above the title is no line of the report"
has "$T/hf.xml" "<page line=\"4\">2025年政府工作报告</page>" "html: the header at the end as furniture"
has "$T/hf.xml" "<page line=\"5\">第 3 页</page>" "html: Word's mso-element:footer is furniture"
[ "$(grep -c '2025年政府工作报告<' "$T/hf.xml")" = 1 ] && ok || bad "html: a footer saying what the header said comes once"
# bold set by a class of the page's style sheet (LibreOffice's XHTML export:
# <span class="T1"> and .T1 { font-weight:bold; }; Google Docs: .c3
# { font-weight:700 }) is bold as <strong> is: leads-lo.xhtml, leads.docx
# saved by LibreOffice as XHTML, reads as the .docx (its bold trusted, not
# guessed)
shape "$D/leads-lo.xhtml" >"$T/got"
if cmp -s "$T/want" "$T/got"; then ok; else bad "leads-lo.xhtml: outline differs from the .docx's: $(diff "$T/want" "$T/got" | head -5)"; fi
# weights.html: one way of setting (or not) a font-weight a line
"$GW" -t outline "$D/weights.html" >"$T/w.tsv"
has "$T/w.tsv" "^1	lead	0	持续抓链条强集群$" "html: a class's font-weight (in @media, numeric, upper case)"
has "$T/w.tsv" "^2	lead	0	扎实推进科技创新$" "html: FONT-WEIGHT: bold inline"
has "$T/w.tsv" "^3	lead	0	着力保障改善民生$" "html: font-weight:600 inline"
hasnt "$T/w.tsv" "^4	lead" "html: mso-bidi-font-weight is no font-weight"
hasnt "$T/w.tsv" "^5	lead" "html: font-weight:normal inside <strong>"
hasnt "$T/w.tsv" "^6	lead" "html: a descendant selector's weight is not read"
hasnt "$T/w.tsv" "^7	lead" "html: p.lead does not bold a span of class lead"
has "$T/w.tsv" "^8	lead	0	防范化解重大风险$" "html: <strong> before a span of a normal class"

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
python3 "$D/make_image.py" "$T/scan.png" "$T/scan.pdf" "$T/locked.pdf"
python3 "$D/make_docx.py" "$T/bomb.docx" bomb
python3 "$D/make_docx.py" "$T/climb.docx" climb
refused ".doc" "$D/legacy.doc" "save it as .docx"
refused "encrypted .docx" "$T/locked.docx" "encrypted"
refused "scanned PDF" "$T/scan.pdf" "without a text layer"
refused "encrypted PDF" "$T/locked.pdf" "encrypted (password-protected) PDF"
refused "PNG" "$T/scan.png" "PNG image"
refused "/bin/ls" /bin/ls "ELF"
refused "zip bomb" "$T/bomb.docx" "zip bomb"
refused "../ in a .docx" "$T/climb.docx" "unsafe"
printf 'PK\003\004garbage' >"$T/bad.docx"
refused "not a zip" "$T/bad.docx" "ZIP archive"
# gongwen check refuses them as the converter does: bad input, exit 1
expect 1 "check .doc" -- "$GW" check "$D/legacy.doc"
has "$T/err" "save it as .docx" "check .doc: says what to do"
expect 1 "check PNG" -- "$GW" check --format=json "$T/scan.png"
expect 2 "check a .doc and a missing file" -- "$GW" check "$D/legacy.doc" "$T/none.txt"

# ---- hostile originals: bounded, one line, exit 1 (limits in the README) ----
# made here, not committed: the gigabyte is a 2 MB zip, the rest under 12 MB
python3 "$D/make_hostile.py" "$T/giga.docx" docx-gigabyte
python3 "$D/make_hostile.py" "$T/deep.docx" docx-deep
python3 "$D/make_hostile.py" "$T/deep.html" html-deep
python3 "$D/make_hostile.py" "$T/pages.pdf" pdf-pages
python3 "$D/make_hostile.py" "$T/xref.pdf" pdf-xref
refused "1 GB document.xml" "$T/giga.docx" "document.xml would decompress to 1006633111 bytes"
refused "100,000 nested elements in a .docx" "$T/deep.docx" "not well-formed"
refused "100,000 nested divs" "$T/deep.html" "nest more than 200 deep"
refused "100,000 pages" "$T/pages.pdf" "a PDF of 100000 pages"
refused "broken xref, 100,000 pages claimed" "$T/xref.pdf" "PDF"
# nesting within the limit is read in linear time (each block's text was
# counted again for every block around it: 2^60 visits here)
{ printf '<html><body>'; for i in $(seq 60); do printf '<div>'; done
  printf '<p>持续抓链条强集群。实施制造业高质量发展三年行动。</p>'
  for i in $(seq 60); do printf '</div>'; done; printf '</body></html>'; } >"$T/d60.html"
expect 0 "60 nested divs" -- timeout 20 "$GW" -t text "$T/d60.html"
has "$T/out" "持续抓链条强集群" "60 nested divs: the text"

echo "readers: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
