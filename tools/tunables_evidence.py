#!/usr/bin/env python3
"""The measurements quoted in src/tunables.h, taken from the hand-checked
outlines (tests/gold/*.tsv, tests/corpus/*.tsv) and from the trees gongwen
builds of their texts. Run from the top of the tree after `make`:

    python3 tools/tunables_evidence.py

Lengths are characters without white space, as the code counts them
(gw_count_nonspace), unless said otherwise."""
import glob
import os
import re
import subprocess
import xml.etree.ElementTree as ET

NS = "{urn:gongwen:report:1}"


def nonspace(s):
    return len(re.sub(r"\s", "", s))


def pairs():
    """(text file, gold outline) for every sample and corpus document."""
    for tsv in sorted(glob.glob("tests/gold/*.tsv")):
        txt = "samples/" + os.path.basename(tsv)[:-4] + ".txt"
        if os.path.exists(txt):
            yield txt, tsv
    for tsv in sorted(glob.glob("tests/corpus/*.tsv")):
        txt = tsv[:-4] + ".txt"
        if os.path.exists(txt):
            yield txt, tsv


def rows(tsv):
    for line in open(tsv, encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if len(f) >= 4:
            yield int(f[0]), f[1], f[3]


def decoded(txt):
    raw = open(txt, "rb").read()
    for enc in ("utf-8-sig", "utf-16", "gb18030"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
    return raw.decode("utf-8", "replace")


def tree(txt):
    out = subprocess.run(["./gongwen", txt], capture_output=True, check=True).stdout
    return ET.fromstring(out)


def text(e):
    return "".join(e.itertext())


def report(name, values, what):
    if values:
        v, where = max(values)
        print(f"{name}: longest {what} is {v} ({where}); {len(values)} measured")


def main():
    heads, alone, unnumbered, leads, titles, subs, authors, front = [], [], [], [], [], [], [], []
    pages, cells, terms, names, parts, captions = [], [], [], [], [], []
    digits, labels = [], []
    for txt, tsv in pairs():
        base = os.path.basename(txt)
        lines = re.split(r"\r\n|\r|\n", decoded(txt))
        for line, kind, title in rows(tsv):
            at = f"{base}:{line}"
            n = nonspace(title)
            if kind == "heading":
                heads.append((n, at))
                # a title alone on its line: the line is the marker and the title
                if nonspace(lines[line - 1]) - n <= 4:
                    alone.append((n, at))
            elif kind == "lead":
                leads.append((n, at))
            elif kind == "title":
                titles.append((len(title), at))
            elif kind == "subtitle":
                subs.append((len(title), at))
            elif kind == "author":
                authors.append((len(title), at))
            if kind in ("salutation", "author", "subtitle"):
                front.append((sum(1 for x in lines[:line] if x.strip()), at))
        root = tree(txt)
        for sec in root.iter(NS + "section"):
            t = sec.find(NS + "title")
            if t is not None and t.find(NS + "num") is None:
                unnumbered.append((nonspace(text(t)), f"{base}:{t.get('line')}"))
            if t is not None and sec.get("family") in ("zhang", "jie", "pian", "bian", "bufen"):
                num = t.find(NS + "num")
                parts.append((nonspace(text(t)) - nonspace(text(num) if num is not None else ""),
                              f"{base}:{t.get('line')}"))
        for c in root.iter(NS + "caption"):
            captions.append((nonspace(text(c)), f"{base}:{c.get('line')}"))
        for p in root.iter(NS + "page"):
            pages.append((len(text(p).strip()), f"{base}:{p.get('line')}"))
            number = re.fullmatch(r"[—－\-\s第]*(\d+)[—－\-\s页]*", text(p).strip())
            if number:
                digits.append((len(number.group(1)), f"{base}:{p.get('line')}"))
        for c in root.iter(NS + "category"):
            labels.append((nonspace(text(c)), f"{base}:{c.get('line')}"))
        for c in root.iter(NS + "cell"):
            cells.append((nonspace(text(c)), f"{base}:{c.get('line')}"))
        for t in root.iter(NS + "term"):
            terms.append((nonspace(text(t)), base))
        for n in root.iter(NS + "name"):
            names.append((nonspace(text(n)), base))
    report("headings (gold)", heads, "heading title")
    report("heading lines (gold)", alone, "heading title alone on its line")
    report("unnumbered headings (trees)", unnumbered, "unnumbered heading title")
    report("part titles (trees)", parts, "title of a 第X章/节/篇/编")
    report("captions (trees)", captions, "table caption")
    report("leads (gold)", leads, "lead")
    report("titles (gold)", titles, "document title, characters")
    report("subtitles (gold)", subs, "subtitle, characters")
    report("authors (gold)", authors, "speaker line, characters")
    report("front matter (gold)", front, "non-blank line count down to a subtitle, speaker or salutation")
    report("page lines (trees)", pages, "page number or running header, characters")
    report("page numbers (trees)", digits, "page number, digits")
    report("table cells (trees)", cells, "table cell")
    report("category labels (trees)", labels, "table category label")
    report("glossary terms (trees)", terms, "glossary term")
    report("item names (trees)", names, "box item name")


if __name__ == "__main__":
    main()
