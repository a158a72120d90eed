#!/bin/sh
# Word (-t docx) and OpenDocument (-t odt) output: xslt/docx.xsl and
# xslt/odt.xsl describe the package, src/package.c zips it.
#   - both, on every sample and on a report with notes, an annex and a
#     table (made up here): the archive tests clean (unzip -t), every XML
#     file in it is well-formed, and the same input gives the same bytes;
#   - docx: the parts Word needs are there with their content types; A4,
#     margins 37/26/35/28 mm, headings as Heading1.. styles with outline
#     levels, markers kept as text, table header rows repeated, boxes
#     framed, odd and even page numbers — 1 —; layout=plain is neutral;
#   - odt: mimetype is the first entry, stored, so that the media type
#     reads at offset 38; the manifest lists the files; content.xml,
#     styles.xml and meta.xml are valid against the OpenDocument 1.1 RELAX
#     NG schema (Debian ships it inside libjopendocument-java; jing);
#   - LibreOffice (soffice, if installed) opens one .docx and one .odt and
#     converts them to PDF: A4 pages, the text inside the official
#     margins, the headings in the PDF's outline, the indicator table's
#     header on each of its pages, the boxes. One conversion of each: it
#     is slow.
# Usage: sh tests/office.sh ./gongwen   (from the repository root)
# Needs: unzip xmllint python3 jing libjopendocument-java; soffice and
# poppler-utils for the conversion (skipped with a message without them).
set -u
GW=${1:-./gongwen}
. "$(dirname "$0")/lib.sh"

for tool in unzip xmllint python3 jing; do
    command -v "$tool" >/dev/null 2>&1 || bad "$tool not installed"
done
ODF_JAR=$(ls /usr/share/java/jOpenDocument-*.jar 2>/dev/null | head -n 1)
ODF_RNG=$T/OpenDocument-schema-v1.1.rng
if [ -n "$ODF_JAR" ] && unzip -p "$ODF_JAR" org/jopendocument/dom/oofficeDTDs/OpenDocument-schema-v1.1.rng >"$ODF_RNG" 2>/dev/null; then
    :
else
    bad "the OpenDocument schema is missing (apt-get install libjopendocument-java)"
    ODF_RNG=
fi

# a report with front matter, a table long enough for two pages, a box, a
# note reference, an annex and notes
S=$T/x-office.txt
{
    printf '政府工作报告\n——2024年1月10日在某市第一届人民代表大会第一次会议上\n市长　张三\n各位代表：\n'
    printf '一、过去一年工作回顾\n'
    printf '过去一年，我们推进“放管服”改革［1］，经济运行稳中有进。\n'
    printf '——经济实力大幅提升。全市生产总值增长5%%。\n'
    printf '（一）产业发展\n全年工业增加值增长6%%。\n'
    printf '表1　主要指标\n类别\t指标\t2023年\t2024年\t属性\n'
    i=1
    while [ $i -le 40 ]; do
        printf '经济\t指标第%s项（亿元）\t%s\t%s.5\t预期性\n' $i $((i * 10)) $((i * 11))
        i=$((i + 1))
    done
    printf '专栏1　重点工程\n01　新一代人工智能：建设算力中心。\n02　生物医药：建设产业园。\n'
    printf '二、今年工作安排\n各位代表！让我们团结奋斗。\n'
    printf '附件1\n有关说明\n这是附件的正文。\n'
    printf '名词解释\n［1］“放管服”：简政放权、放管结合、优化服务。\n'
} >"$S"

# well-formed NAME FILE.zip: unzip -t, every .xml/.rels entry parses
well_formed() {
    if unzip -tq "$2" >"$T/unzip.out" 2>&1; then ok; else bad "$1: unzip -t: $(head -c 300 "$T/unzip.out")"; fi
    rm -rf "$T/x" && mkdir "$T/x" && (cd "$T/x" && unzip -q "$2")
    for f in $(cd "$T/x" && find . -name '*.xml' -o -name '*.rels'); do
        if xmllint --noout "$T/x/$f" 2>"$T/xmllint.err"; then ok; else bad "$1: $f: $(head -c 300 "$T/xmllint.err")"; fi
    done
}

for src in samples/*.txt "$S"; do
    n=$(basename "$src" .txt)
    for fmt in docx odt; do
        expect 0 "$n: -t $fmt" -- "$GW" -t "$fmt" -o "$T/$n.$fmt" "$src"
        well_formed "$n.$fmt" "$T/$n.$fmt"
        "$GW" -t "$fmt" -o "$T/$n.again.$fmt" "$src"
        if cmp -s "$T/$n.$fmt" "$T/$n.again.$fmt"; then ok; else bad "$n.$fmt: not the same bytes twice"; fi
    done
    # odt: content, styles and meta, checked against the schema at the end
    mkdir "$T/odf-$n" && (cd "$T/odf-$n" && unzip -q "$T/$n.odt" content.xml styles.xml meta.xml)
done

# one jing run (a Java start) for every file; -i: the 1.1 schema's form:id
# clashes with ID checking
if [ -n "$ODF_RNG" ]; then
    if jing -i "$ODF_RNG" "$T"/odf-*/*.xml >"$T/jing.out" 2>&1; then ok; else
        bad "odt: not valid OpenDocument: $(grep -v '^\[warning\]' "$T/jing.out" | head -n 5)"
    fi
fi

# --- docx: the parts and the layout ---
D=$T/docx && mkdir "$D" && (cd "$D" && unzip -q "$T/x-office.docx")
for part in '[Content_Types].xml' _rels/.rels word/document.xml word/styles.xml word/settings.xml \
    word/fontTable.xml word/footer1.xml word/footer2.xml word/_rels/document.xml.rels docProps/core.xml; do
    if [ -f "$D/$part" ]; then ok; else bad "docx: no $part"; fi
done
has "$D/[Content_Types].xml" 'PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"' "docx: main part's content type"
has "$D/word/document.xml" '<w:pgSz w:w="11906" w:h="16838"/>' "docx: A4"
has "$D/word/document.xml" '<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"' "docx: GB/T 9704 margins"
has "$D/word/document.xml" '<w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t xml:space="preserve">一、</w:t>' "docx: 一、 a Heading 1 with its marker as text"
has "$D/word/document.xml" '<w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t xml:space="preserve">（一）</w:t>' "docx: （一） a Heading 2"
has "$D/word/document.xml" '<w:tblHeader/>' "docx: table header repeated"
has "$D/word/document.xml" '<w:pStyle w:val="BoxItem"/>' "docx: box items"
has "$D/word/document.xml" '<w:hyperlink w:anchor="n1">' "docx: a note reference links to the note"
has "$D/word/document.xml" '<w:bookmarkStart w:id="1" w:name="n1"/>' "docx: the note is the link's target"
has "$D/word/document.xml" '<w:pageBreakBefore/>' "docx: the annex starts a page"
has "$D/word/document.xml" '<w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">经济实力大幅提升。' "docx: leads bold"
python3 - "$D/word/styles.xml" >"$T/styles.out" 2>&1 <<'EOF' || bad "docx styles: $(cat "$T/styles.out")"
import sys, xml.etree.ElementTree as ET
W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
root = ET.parse(sys.argv[1]).getroot()
styles = {s.get(W + 'styleId'): s for s in root.iter(W + 'style')}
def prop(sid, path, attr='val'):
    e = styles[sid].find(path)
    return None if e is None else e.get(W + attr)
want = {('Heading1', 'w:pPr/w:outlineLvl', 'val'): '0', ('Heading2', 'w:pPr/w:outlineLvl', 'val'): '1',
        ('Heading1', 'w:rPr/w:rFonts', 'eastAsia'): '黑体', ('Heading2', 'w:rPr/w:rFonts', 'eastAsia'): '楷体_GB2312',
        ('Title', 'w:rPr/w:rFonts', 'eastAsia'): '方正小标宋简体', ('Title', 'w:rPr/w:sz', 'val'): '44',
        ('Title', 'w:pPr/w:jc', 'val'): 'center', ('Footer', 'w:rPr/w:sz', 'val'): '28',
        ('Footer', 'w:rPr/w:rFonts', 'eastAsia'): '宋体', ('BoxItem', 'w:pPr/w:pBdr/w:left', 'val'): 'single'}
bad = []
for (sid, path, attr), v in want.items():
    got = prop(sid, path.replace('w:', W), attr)
    if got != v:
        bad.append(f'{sid} {path}@{attr} = {got}, want {v}')
d = root.find(W + 'docDefaults')
if d.find(f'{W}rPrDefault/{W}rPr/{W}rFonts').get(W + 'eastAsia') != '仿宋_GB2312' or \
   d.find(f'{W}rPrDefault/{W}rPr/{W}sz').get(W + 'val') != '32':
    bad.append('body is not 3号 仿宋_GB2312')
if d.find(f'{W}pPrDefault/{W}pPr/{W}ind').get(W + 'firstLineChars') != '200':
    bad.append('no two-character first-line indent')
print('\n'.join(bad))
sys.exit(1 if bad else 0)
EOF
ok
has "$D/word/footer1.xml" '<w:jc w:val="right"/>' "docx: odd pages' number on the right"
has "$D/word/footer2.xml" '<w:jc w:val="left"/>' "docx: even pages' number on the left"
has "$D/word/footer1.xml" '— </w:t></w:r><w:fldSimple w:instr=" PAGE ">' "docx: — 1 —"
has "$D/word/settings.xml" '<w:evenAndOddHeaders/>' "docx: odd and even footers"
has "$D/docProps/core.xml" '<dc:title>政府工作报告</dc:title>' "docx: title in the properties"
expect 0 "docx: layout=plain" -- "$GW" -t docx --param layout=plain -o "$T/plain.docx" "$S"
unzip -p "$T/plain.docx" word/styles.xml >"$T/plain.styles"
unzip -p "$T/plain.docx" word/document.xml >"$T/plain.doc"
hasnt "$T/plain.styles" '仿宋_GB2312' "docx plain: no official fonts"
has "$T/plain.doc" '<w:pgMar w:top="1440"' "docx plain: ordinary margins"
has "$T/plain.styles" '<w:outlineLvl w:val="0"/>' "docx plain: still real headings"

# --- odt: the package ---
O=$T/x-office.odt
if [ "$(dd if="$O" bs=1 skip=30 count=47 2>/dev/null)" = "mimetypeapplication/vnd.oasis.opendocument.text" ]; then ok; else
    bad "odt: mimetype is not first and stored"
fi
unzip -p "$O" META-INF/manifest.xml >"$T/manifest.xml"
for f in / content.xml styles.xml meta.xml; do
    has "$T/manifest.xml" "manifest:full-path=\"$f\"" "odt: manifest lists $f"
done
unzip -p "$O" content.xml >"$T/content.xml"
unzip -p "$O" styles.xml >"$T/styles.xml"
has "$T/content.xml" '<text:h text:outline-level="1" text:style-name="Heading_20_1">一、' "odt: headings with outline levels, marker as text"
has "$T/content.xml" '<table:table-header-rows>' "odt: table header repeated"
has "$T/content.xml" '<text:a xlink:type="simple" xlink:href="#n1">' "odt: a note reference links to the note"
has "$T/styles.xml" 'fo:margin-top="37mm" fo:margin-bottom="20mm" fo:margin-left="28mm" fo:margin-right="26mm"' "odt: margins"
has "$T/styles.xml" '<style:footer-left>' "odt: even pages' own footer"

# --- LibreOffice: one conversion of each ---
if ! command -v soffice >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1; then
    echo "office: SKIP the LibreOffice conversion: soffice or poppler-utils not installed"
else
    P=$T/pdf && mkdir "$P"
    cp "$T/haizhou-14th-plan.docx" "$T/x-office.odt" "$P/"
    # a profile of its own: a user's running LibreOffice is left alone
    for f in haizhou-14th-plan.docx x-office.odt; do
        (cd "$P" && HOME=$P soffice -env:UserInstallation=file://$P/profile --headless \
            --convert-to pdf "$f" >"$P/soffice.out" 2>&1)
        if [ -s "$P/${f%.*}.pdf" ]; then ok; else bad "soffice did not convert $f: $(head -c 300 "$P/soffice.out")"; fi
    done
    for pdf in haizhou-14th-plan x-office; do
        [ -s "$P/$pdf.pdf" ] || continue
        pdftotext -bbox "$P/$pdf.pdf" "$P/$pdf.bbox.html"
        pdftohtml -xml -i -q -stdout "$P/$pdf.pdf" >"$P/$pdf.pdf.xml" 2>/dev/null
        python3 - "$P/$pdf.bbox.html" "$P/$pdf.pdf.xml" "$pdf" >"$T/pdf.out" 2>&1 <<'EOF' && ok || bad "$pdf.pdf: $(cat "$T/pdf.out")"
import re, sys
html, outline, name = sys.argv[1], open(sys.argv[2], encoding='utf-8').read(), sys.argv[3]
MM = 72 / 25.4
pages = re.findall(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', open(html, encoding='utf-8').read(), re.S)
bad = []
for i, (w, h, body) in enumerate(pages, 1):
    if abs(float(w) - 595.3) > 1 or abs(float(h) - 841.9) > 1:
        bad.append(f'page {i} is {w} x {h} pt, not A4')
    words = [(float(a), float(b), float(c), float(d), t) for a, b, c, d, t in
             re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', body)]
    # the text area: 28 mm from the left, 26 from the right, 37 from the
    # top, 35 from the bottom (the page number lies below it)
    text = [x for x in words if x[3] < float(h) - 35 * MM + 2]
    if not text:
        continue
    left = min(x[0] for x in text)
    top = min(x[1] for x in text)
    if left < 28 * MM - 1.5: bad.append(f'page {i}: text at {left / MM:.1f} mm from the left')
    # a full stop or comma at the end of a line may hang into the margin
    right = max(x[2] - (16 if x[4][-1:] in '，。、；：！？”）》' else 0) for x in text)
    if right > float(w) - 26 * MM + 1.5: bad.append(f'page {i}: text to {(float(w) - right) / MM:.1f} mm from the right')
    if top < 37 * MM - 1.5: bad.append(f'page {i}: text at {top / MM:.1f} mm from the top')
    foot = [x for x in words if x[3] >= float(h) - 35 * MM + 2]
    if i > 1 and not any(t.strip('—') == str(i) for *_, t in foot):
        bad.append(f'page {i}: no page number {i} below the text: {[t for *_, t in foot]}')
if not pages:
    bad.append('no pages')
# the outline (bookmarks) has the headings
items = re.findall(r'<item page="\d+">([^<]*)</item>', outline)
want = {'haizhou-14th-plan': ['第一章\u3000发展基础与形势', '第一节\u3000发展基础', '序  言'],
        'x-office': ['一、过去一年工作回顾', '（一）产业发展', '附件1']}[name]
for t in want:
    if not any(x.replace(' ', '') .startswith(t.replace(' ', '')) for x in items):
        bad.append(f'{t} not in the PDF outline {items[:8]}')
alltext = ''.join(re.findall(r'<word[^>]*>([^<]*)<', ''.join(b for *_, b in pages)))
for t in {'haizhou-14th-plan': ['海州区“十四五”经济社会发展主要指标', '专栏：服务业重点工程、重点项目'],
          'x-office': ['主要指标', '专栏1', '重点工程']}[name]:
    if t not in alltext:
        bad.append(f'{t} not in the PDF')
# the table's header on each page it spans
heads = [i for i, (_, _, b) in enumerate(pages, 1) if '属性' in b]
if len(heads) < 2:
    bad.append(f'the table header is on pages {heads} only')
print('\n'.join(bad[:10]))
sys.exit(1 if bad else 0)
EOF
    done
fi

echo "office: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
