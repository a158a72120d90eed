#!/bin/sh
# HTML output (xslt/html.xsl). For every sample: gongwen -t html succeeds,
# equals tests/golden/html/NAME.html, xsltproc on the XML gives the same
# bytes, tidy finds no errors, the page has no script and every internal
# link (table of contents, note references and back-links) has its target;
# the article holds all of the report's text (white space aside); headless
# Chromium loads the page and every table-of-contents target id is in the
# DOM it built. The corpus cases get all of that but the golden file
# and Chromium. tests/golden/html/edge.xml (hand-written: deep nesting,
# ctl, page, ref, 目录, elements html.xsl does not know) goes through
# xsltproc against edge.html. Then the parameters: standalone=0, css=…,
# toc-depth, heading-offset.
# Usage: sh tests/html.sh ./gongwen   (run from the repository root)
#        UPDATE=1 sh tests/html.sh ./gongwen   rewrites the golden files
#        (read the diff before committing them)
# Needs xsltproc, tidy, python3; Chromium (chromium or chromium-browser)
# if installed, else that part is skipped with a message.
set -u
GW=${1:-./gongwen}
XSL=xslt/html.xsl
G=tests/golden/html
. "$(dirname "$0")/lib.sh"

for tool in xsltproc tidy python3; do
    command -v "$tool" >/dev/null 2>&1 || { bad "$tool is not installed"; }
done
CHROMIUM=
for c in chromium chromium-browser; do
    if command -v "$c" >/dev/null 2>&1; then CHROMIUM=$c; break; fi
done
[ -n "$CHROMIUM" ] || echo "html: SKIP the Chromium checks: chromium is not installed (apt-get install chromium)"

# Internal links and ids of an HTML file (the page as written, or the DOM
# Chromium dumped). Prints problems; exits non-zero if there are any.
#   links.py FILE [all|toc [DEPTH]]   every internal link must resolve
#       (toc: only those of the table of contents); the table of contents
#       lists exactly the sections down to DEPTH (default 2), in order
#   links.py FILE text XML   the text of the <article> without the table
#       of contents and back-links, white space removed, is the text of XML
cat >"$T/links.py" <<'EOF'
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

class Text(HTMLParser):
    """The article's text, less the generated table of contents and
    back-links."""
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.skip, self.inside, self.parts = [], 0, 0, []
    def handle_starttag(self, tag, attrs):
        if tag in ("br", "meta", "link"):
            return
        cls = (dict(attrs).get("class") or "").split()
        skip = (tag == "nav" and "contents" in cls) or (tag == "a" and "backref" in cls)
        self.stack.append((tag, skip))
        self.skip += skip
        self.inside += tag == "article"
    def handle_endtag(self, tag):
        while self.stack:
            t, skip = self.stack.pop()
            self.skip -= skip
            self.inside -= t == "article"
            if t == tag:
                break
    def handle_data(self, data):
        if self.inside and not self.skip:
            self.parts.append(data)

if len(sys.argv) > 3 and sys.argv[2] == "text":
    t = Text()
    with open(sys.argv[1], encoding="utf-8") as f:
        t.feed(f.read())
    got = "".join("".join(t.parts).split())
    root = ET.parse(sys.argv[3]).getroot()
    # a group's category heads its first row on the page (rowspan), though
    # a PDF copy printed it on a middle row
    ns = "{urn:gongwen:report:1}"
    for g in root.iter(ns + "group"):
        cat = g.find(ns + "category")
        if cat is not None:
            g.remove(cat)
            g.insert(0, cat)
    want = "".join("".join(root.itertext()).split())
    if got != want:
        i = next((k for k in range(min(len(got), len(want))) if got[k] != want[k]), min(len(got), len(want)))
        print("text differs from the XML at character %d: page %r, XML %r" % (i, got[i:i + 20], want[i:i + 20]))
        sys.exit(1)
    sys.exit(0)

class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids, self.dups, self.links, self.toc, self.sections = set(), [], [], [], []
        self.script, self.in_nav = False, 0
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script":
            self.script = True
        if tag == "nav" and "contents" in (a.get("class") or "").split():
            self.in_nav += 1
        elif tag == "nav" and self.in_nav:
            self.in_nav += 1
        if a.get("id") is not None:
            if a["id"] in self.ids:
                self.dups.append(a["id"])
            self.ids.add(a["id"])
        href = a.get("href") or ""
        if tag == "a" and href.startswith("#"):
            self.links.append(href[1:])
            if self.in_nav:
                self.toc.append(href[1:])
        if tag == "section" and a.get("id"):
            depth = [c[6:] for c in (a.get("class") or "").split() if c.startswith("depth-")]
            self.sections.append((a["id"], int(depth[0]) if depth else 0))
    def handle_endtag(self, tag):
        if tag == "nav" and self.in_nav:
            self.in_nav -= 1

path, mode = sys.argv[1], (sys.argv[2] if len(sys.argv) > 2 else "all")
depth = int(sys.argv[3]) if len(sys.argv) > 3 else 2
p = Page()
with open(path, encoding="utf-8") as f:
    p.feed(f.read())
problems = []
if p.script:
    problems.append("has a <script>")
if p.dups:
    problems.append("duplicate ids: " + " ".join(p.dups[:5]))
for target in (p.toc if mode == "toc" else p.links):
    if target not in p.ids:
        problems.append("link #%s has no target" % target)
want = [i for i, d in p.sections if 0 < d <= depth]
if p.toc != want:
    missing = [i for i in want if i not in p.toc]
    problems.append("table of contents lists %d headings, not the %d down to depth %d%s"
                    % (len(p.toc), len(want), depth,
                       (" (missing " + " ".join(missing[:5]) + ")") if missing else ""))
for line in problems[:10]:
    print(line)
sys.exit(1 if problems else 0)
EOF
links() { python3 "$T/links.py" "$@"; }

# tidy: errors fail, warnings are shown.
tidy_check() { # NAME FILE
    tidy -q -e "$2" >"$T/tidy" 2>&1
    rc=$?
    if [ "$rc" -ge 2 ]; then bad "$1: tidy reports errors"; head -n 10 "$T/tidy"; return; fi
    ok
    [ "$rc" -eq 1 ] && { echo "note: $1: tidy warnings"; head -n 5 "$T/tidy"; }
    return 0
}

chromium_check() { # NAME FILE
    [ -n "$CHROMIUM" ] || return 0
    prof=$(mktemp -d)
    if timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-background-networking \
        --disable-component-update --disable-sync --no-first-run --user-data-dir="$prof" \
        --dump-dom "file://$(cd "$(dirname "$2")" && pwd)/$(basename "$2")" >"$T/dom.html" 2>"$T/chromium.err" && [ -s "$T/dom.html" ]; then
        ok
        if links "$T/dom.html" toc >"$T/problems"; then ok; else
            bad "$1: in Chromium's DOM: $(head -n 3 "$T/problems")"; fi
    else
        bad "$1: Chromium did not load the page"; grep -v 'dbus\|bus\.cc\|unexpected operator' "$T/chromium.err" | head -n 5
    fi
    rm -rf "$prof"
}

# The checks every generated page gets. NAME SRC
page_checks() {
    name=$1 src=$2
    if "$GW" -t html -o "$T/$name.html" "$src"; then ok; else bad "$name: gongwen -t html failed"; return 1; fi
    "$GW" "$src" >"$T/$name.xml" || { bad "$name: gongwen failed"; return 1; }
    if xsltproc "$XSL" "$T/$name.xml" >"$T/$name.x.html" && cmp -s "$T/$name.html" "$T/$name.x.html"; then ok; else
        bad "$name: xsltproc output differs from gongwen -t html"; fi
    tidy_check "$name" "$T/$name.html"
    if links "$T/$name.html" >"$T/problems"; then ok; else bad "$name: $(head -n 3 "$T/problems")"; fi
    if links "$T/$name.html" text "$T/$name.xml" >"$T/problems"; then ok; else bad "$name: $(cat "$T/problems")"; fi
    return 0
}

golden_check() { # NAME FILE
    if [ "${UPDATE:-}" = 1 ]; then cp "$2" "$G/$1.html"; echo "updated $G/$1.html"; fi
    if cmp -s "$G/$1.html" "$2"; then ok; else
        bad "$1: differs from $G/$1.html"; diff "$G/$1.html" "$2" | head -n 20; fi
}

for src in samples/*.txt; do
    name=$(basename "$src" .txt)
    page_checks "$name" "$src" || continue
    golden_check "$name" "$T/$name.html"
    chromium_check "$name" "$T/$name.html"
done

for src in tests/corpus/*.txt; do
    [ -e "$src" ] || continue
    name=corpus-$(basename "$src" .txt)
    page_checks "$name" "$src"
done

# The hand-written edge cases.
if xsltproc "$XSL" "$G/edge.xml" >"$T/edge.html"; then ok; else bad "edge: xsltproc failed"; fi
golden_check edge "$T/edge.html"
tidy_check edge "$T/edge.html"
if links "$T/edge.html" >"$T/problems"; then ok; else bad "edge: $(head -n 3 "$T/problems")"; fi
if links "$T/edge.html" text "$G/edge.xml" >"$T/problems"; then ok; else bad "edge: $(cat "$T/problems")"; fi
chromium_check edge "$T/edge.html"

# Parameters, on a sample with a table, boxes and a dash list.
src=samples/haizhou-14th-plan.txt
"$GW" "$src" >"$T/p.xml"
"$GW" -t html "$src" >"$T/full.html"
param() { # NAME VALUE OUT: gongwen and xsltproc must agree
    "$GW" -t html --param "$1=$2" "$src" >"$3" || { bad "param $1=$2: gongwen failed"; return 1; }
    xsltproc --stringparam "$1" "$2" "$XSL" "$T/p.xml" >"$T/x.html"
    if cmp -s "$3" "$T/x.html"; then ok; else bad "param $1=$2: xsltproc differs from gongwen"; fi
}

# standalone=0: the <article> of the whole page, and nothing else.
param standalone 0 "$T/frag.html"
sed -n '/^<article/,/^<\/article>/p' "$T/full.html" >"$T/article.html"
if [ -s "$T/frag.html" ] && cmp -s "$T/frag.html" "$T/article.html"; then ok; else
    bad "standalone=0 is not the page's <article> element"; fi
if grep -qi '<html\|<head\|<body\|<style\|<!DOCTYPE' "$T/frag.html"; then
    bad "standalone=0 has page shell or CSS"; else ok; fi

# css=URL: a link instead of the embedded CSS, and a valid page still.
param css "style/gongwen.css" "$T/css.html"
if grep -q '<link rel="stylesheet" href="style/gongwen.css">' "$T/css.html" && ! grep -q '<style' "$T/css.html"; then
    ok; else bad "css=…: no <link>, or <style> still embedded"; fi
tidy_check css "$T/css.html"

# toc-depth: 1 lists the top level only; 0 leaves the table of contents out.
param toc-depth 1 "$T/toc1.html"
if python3 "$T/links.py" "$T/toc1.html" toc 1 >"$T/problems"; then ok; else
    bad "toc-depth=1: $(head -n 2 "$T/problems")"; fi
param toc-depth 0 "$T/toc0.html"
if grep -q '<nav' "$T/toc0.html"; then bad "toc-depth=0 still has a table of contents"; else ok; fi
param toc-depth 3 "$T/toc3.html"
if python3 "$T/links.py" "$T/toc3.html" toc 3 >"$T/problems"; then ok; else
    bad "toc-depth=3: $(head -n 2 "$T/problems")"; fi

# Headings: the document's title is the one h1, the parts start at h2;
# heading-offset=1 moves everything one down, leaving no h1.
if ! grep -q '<h1' "$T/full.html" && grep -q '<h2><span class="num gap">第一章</span>' "$T/full.html"; then
    ok; else bad "haizhou (no title): a part is not h2, or there is an h1"; fi
"$GW" -t html tests/corpus/guowuyuan-2012.txt >"$T/title.html"
if [ "$(grep -o '<h1' "$T/title.html" | wc -l)" -eq 1 ] && grep -q '<h1 class="doc-title">政府工作报告</h1>' "$T/title.html" \
    && grep -q '<h2><span class="num">一、</span>' "$T/title.html"; then
    ok; else bad "guowuyuan-2012: the title is not the only h1, or 一、 is not h2"; fi
param heading-offset 1 "$T/off.html"
if ! grep -q '<h1' "$T/off.html" && grep -q '<h3><span class="num gap">第一章</span>' "$T/off.html"; then
    ok; else bad "heading-offset=1 did not shift the headings"; fi

# <title>: from the front matter, not the first heading; --param title.
title_is() { # SOURCE WANT [PARAM]
    "$GW" -t html ${3:+--param "$3"} "$1" >"$T/t.html"
    got=$(sed -n 's/^<title>\(.*\)<\/title>$/\1/p' "$T/t.html")
    if [ "$got" = "$2" ]; then ok; else bad "$1: <title> is '$got', want '$2'"; fi
}
title_is tests/corpus/national-2010-scrape.txt 2010年国务院政府工作报告
title_is tests/corpus/guowuyuan-2012.txt 政府工作报告——2012年3月5日在第十一届全国人民代表大会第五次会议上
title_is samples/lianyungang-2024.txt 政府工作报告
title_is samples/haizhou-14th-plan.txt 海州区“十四五”规划纲要 title=海州区“十四五”规划纲要
# a plan without a title line: the name its preface gives it
title_is samples/haizhou-14th-plan.txt 连云港市海州区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要
# a breadcrumb or a photo caption above the title is no page heading
title_is tests/corpus/shandong-2023.txt 政府工作报告——2023年1月12日在山东省第十四届人民代表大会第一次会议上
title_is tests/corpus/national-2024-web.txt 2024年政府工作报告（全文）
param title 海州区规划 "$T/ptitle.html"
if grep -q '<h1 class="doc-title">海州区规划</h1>' "$T/ptitle.html"; then ok; else
    bad "title=…: a report without a title does not get it as its h1"; fi

# The page: a <main>; print on A4 with the GB/T 9704 margins, without the
# back-links and, unless print-toc=1, the table of contents.
for tag in '<main>' '@page { size: A4; margin: 37mm 26mm 35mm 28mm; }' \
    'nav.contents, details.toc, a.backref { display: none; }' 'nav.contents.print { display: block; }'; do
    if grep -qF "$tag" "$T/full.html"; then ok; else bad "page lacks $tag"; fi
done
if grep -q '<nav aria-label="目录" class="contents">' "$T/full.html"; then ok; else bad "no plain table of contents"; fi
param print-toc 1 "$T/ptoc.html"
if grep -q '<nav aria-label="目录" class="contents print">' "$T/ptoc.html"; then ok; else bad "print-toc=1: the contents are not printed"; fi

# Phones: a table's cells carry their column's header, which the narrow
# screen CSS shows beside the value; header words do not break.
if grep -q '<td data-label="2020年完成数" class="number">653</td>' "$T/full.html" \
    && grep -qF 'word-break: keep-all' "$T/full.html" && grep -qF 'content: attr(data-label)' "$T/full.html"; then
    ok; else bad "table cells without their column's label for narrow screens"; fi
if [ -n "$CHROMIUM" ]; then
    # on a phone 390 px wide, the indicator table fits the screen (before,
    # it scrolled with its last column out of sight): a copy of the page
    # with a script that lays the page out 390 px wide (headless Chromium's
    # window is at least 500 px; the narrow-screen CSS applies to both)
    # and records the table's right edge in the DOM Chromium dumps
    sed 's|</body>|<script>document.documentElement.style.width = "390px"; var t = document.querySelector("table.indicators").getBoundingClientRect(); document.body.setAttribute("data-measure", Math.round(t.right) + " 390");</script></body>|' \
        "$T/full.html" >"$T/measure.html"
    prof=$(mktemp -d)
    timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
        --disable-component-update --disable-sync --user-data-dir="$prof" --window-size=390,800 \
        --dump-dom "file://$T/measure.html" 2>/dev/null >"$T/measure.dom"
    rm -rf "$prof"
    set -- $(sed -n 's/.*data-measure="\([0-9]*\) \([0-9]*\)".*/\1 \2/p' "$T/measure.dom")
    if [ $# -eq 2 ] && [ "$1" -le "$2" ]; then ok; else
        bad "narrow window: the indicator table's right edge ${1:-?} is beyond the window's width ${2:-?}"; fi
fi
# The page shell and the CSS the issue asks for: CJK fonts, a comfortable
# measure and line height, print styles that keep boxes and tables whole,
# dark mode.
for tag in '<!DOCTYPE html>' '<html lang="zh-CN">' '<meta charset="utf-8">' '<meta name="viewport"' \
    '"Noto Serif CJK SC"' '"Noto Sans CJK SC"' 'max-width: 38em' 'line-height: 1.9' '@media print' \
    'aside, table, tr { page-break-inside: avoid' '@media (prefers-color-scheme: dark)'; do
    if grep -qF "$tag" "$T/full.html"; then ok; else bad "page lacks $tag"; fi
done

echo "html: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
