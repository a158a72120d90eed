#!/usr/bin/env python3
"""Check xslt/markdown.xsl output against the gongwen XML it came from, with
real CommonMark parsers.

Usage: md_compare.py REPORT.xml OUT.md [-v]

The Markdown is parsed by `cmark-gfm -e table -t xml` (CommonMark + GFM
tables) and by `cmark -t xml` (plain CommonMark, where a pipe table is one
paragraph). From each parse we take the sequence of blocks -- headings
(level, text), paragraphs, list items, tables (cell texts) -- with the
strong (bold) spans inside them, and whether they sit in a blockquote. The
same sequence is derived from the gongwen XML by the mapping documented at
the top of xslt/markdown.xsl. Both must agree:

- same headings (count, level, text), list items, tables and paragraphs;
- every block's text equals the XML's (white space ignored), so no markup
  character (* # \\ _ ` [ ] < | ~ &) is left visible and none of the
  report's text is lost; —— items and box items are paragraphs keeping
  their marker; a footnote reference [^N] stands for the reference's text
  (［1］) and a footnote definition's [^N]: is dropped (neither parser
  knows footnotes: pandoc's are checked by tests/markdown.sh);
- leads, box titles and item names, note terms and table captions come out
  as <strong>, covering the whole lead (punctuation at its ends may fall
  outside), and nothing else is emphasised, linked, coded or raw HTML;
- a paragraph or item is one line (no soft breaks).

Exit status 0 when both parsers agree with the XML, 1 otherwise (the first
differences are printed), 2 on usage errors or a parser missing.
"""
import difflib
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET

GW = "{urn:gongwen:report:1}"
CM = "{http://commonmark.org/xml/1.0}"
# XSLT normalize-space() white space: what makes an element "empty"
XML_WS = " \t\n\r"
MARKUP = "*#\\_`[]<>|~&"


def local(e):
    return e.tag.split("}", 1)[-1]


def text_of(e):
    return "".join(e.itertext())


def squash(s):
    """Text with all white space (Unicode, as Python sees it) removed."""
    return "".join(s.split())


def core(s):
    """s without the punctuation, symbols and spaces at its ends."""
    def edge(c):
        return c.isspace() or unicodedata.category(c)[0] in "PSZC"
    i, j = 0, len(s)
    while i < j and edge(s[i]):
        i += 1
    while j > i and edge(s[j - 1]):
        j -= 1
    return s[i:j]


class Block:
    def __init__(self, kind, text="", level=0, quote=False, strong=(), rows=None):
        self.kind = kind          # h p li table
        self.level = level
        self.quote = quote
        self.text = squash(text)
        # bold with no letter in it is not made bold
        self.strong = [squash(s) for s in strong if core(squash(s))]
        self.rows = rows          # tables: [[cell text]]
        self.problems = []        # markup that should not be there

    def key(self):
        rows = None
        if self.rows is not None:
            rows = tuple(tuple(squash(c) for c in r) for r in self.rows)
        return (self.kind, self.level, self.quote, self.text, rows,
                tuple(core(s) for s in self.strong))

    def __str__(self):
        what = self.kind + (str(self.level) if self.kind == "h" else "")
        if self.quote:
            what = ">" + what
        t = self.text if self.rows is None else \
            " / ".join("|".join(r) for r in self.rows[:3]) + (" ..." if len(self.rows) > 3 else "")
        s = "%s %s" % (what, t[:70] + ("..." if len(t) > 70 else ""))
        if self.strong:
            s += "  strong=" + ",".join(self.strong)
        return s


# ------------------------------------------------------------ gongwen side

def has_text(e):
    return text_of(e).strip(XML_WS) != ""


def own_text(e):
    return (e.text or "").strip(XML_WS) != "" or any(
        (c.tail or "").strip(XML_WS) != "" for c in e)


def child(e, name):
    c = e.find(GW + name)
    return text_of(c).strip(XML_WS) if c is not None else ""


def expect(root):
    out = []

    def para(e, quote=False, strong=()):
        out.append(Block("p", text_of(e), quote=quote, strong=strong))

    def walk(e, parent, depth):
        if not has_text(e):
            return
        tag = local(e) if e.tag.startswith(GW) else None
        kids = list(e)
        if tag in ("report", "front", "body"):
            for c in kids:
                walk(c, tag, depth)
        elif tag == "title" and parent == "front":
            out.append(Block("h", text_of(e), level=1))
        elif tag in ("subtitle", "author", "salutation") and parent == "front":
            para(e)
        elif tag == "section":
            title = e.find(GW + "title")
            out.append(Block("h", text_of(title) if title is not None else "",
                             level=min(depth + 2, 6)))
            for c in kids:
                if c is not title:
                    walk(c, tag, depth + 1)
        elif tag == "p":
            para(e, strong=[child(e, "lead")])
        elif tag == "note":
            para(e, strong=[child(e, "term")])
        elif tag == "list":
            for c in kids:
                if has_text(c):
                    para(c, strong=[child(c, "lead")])
        elif tag == "box":
            title = e.find(GW + "title")
            if title is not None and has_text(title):
                para(title, quote=True, strong=[text_of(title)])
            for c in kids:
                if c is title or not has_text(c) or c.tag == GW + "table":
                    continue
                if c.tag == GW + "page":  # a page break between items
                    out.append(Block("p", text_of(c), quote=True))
                else:
                    para(c, quote=True, strong=[child(c, "name")])
            for c in kids:  # a box set as a table: the table below the quote
                if c.tag == GW + "table":
                    walk(c, tag, depth)
        elif tag == "table":
            cap, unit = e.find(GW + "caption"), e.find(GW + "unit")
            if cap is not None and has_text(cap):
                para(cap, strong=[text_of(cap)])
            if unit is not None and has_text(unit):
                para(unit)
            head = e.find(GW + "thead")
            body = e.find(GW + "tbody")
            hrows = list(head) if head is not None else []
            rows = []
            for r in hrows[1:]:
                rows.append([text_of(c) for c in r])
            for r in (list(body) if body is not None else []):
                if r.tag == GW + "page":  # a page number across the table
                    continue
                if r.tag == GW + "group":
                    cat = child(r, "category")
                    for rr in r:
                        if rr.tag not in (GW + "category", GW + "page"):
                            rows.append([cat] + [text_of(c) for c in rr])
                else:
                    rows.append([text_of(c) for c in r])
            header = [text_of(c) for c in hrows[0]] if hrows else []
            width = max([len(header)] + [len(r) for r in rows])
            if width:
                header += [""] * (width - len(header))
                rows = [r + [""] * (width - len(r)) for r in rows]
                out.append(Block("table", rows=[header] + rows))
            for c in kids:
                if c.tag not in (GW + "caption", GW + "unit", GW + "thead", GW + "tbody"):
                    walk(c, tag, depth)
        elif own_text(e):
            # anything else: its text as a paragraph, or its children as blocks
            para(e)
        else:
            for c in kids:
                walk(c, tag, depth)

    walk(root, None, 0)
    return out


# ------------------------------------------------------------ cmark side

def inline(e, blk, strong, allow_breaks):
    """Text of an inline container; strong spans go to strong."""
    parts = []
    for c in e:
        t = local(c)
        if t == "text":
            parts.append(c.text or "")
        elif t == "strong":
            s = inline(c, blk, [], allow_breaks)
            strong.append(s)
            parts.append(s)
        elif t in ("softbreak", "linebreak"):
            if not allow_breaks:
                blk.problems.append("line break inside a block")
            parts.append("\n")
        else:
            blk.problems.append("unexpected <%s>: %s" % (t, squash(text_of(c))[:40]))
            parts.append(text_of(c))
    return "".join(parts)


def parse(md_path, gfm):
    cmd = ["cmark-gfm", "-e", "table", "-t", "xml", md_path] if gfm else \
          ["cmark", "-t", "xml", md_path]
    try:
        xml = subprocess.run(cmd, check=True, capture_output=True).stdout
    except FileNotFoundError:
        sys.exit("md_compare: %s not installed (apt-get install cmark cmark-gfm)" % cmd[0])
    doc = ET.fromstring(xml)
    out = []

    def block(e, quote):
        t = local(e)
        if t == "heading":
            b = Block("h", level=int(e.get("level")), quote=quote)
            st = []
            b.text = squash(inline(e, b, st, False))
            b.strong = [squash(s) for s in st]
            out.append(b)
        elif t == "paragraph":
            b = Block("p", quote=quote)
            st = []
            raw = inline(e, b, st, not gfm)
            b.text, b.strong = squash(raw), [squash(s) for s in st]
            out.append(b)
        elif t == "block_quote":
            for c in e:
                block(c, True)
        elif t == "list":
            for item in e:
                b = Block("li", quote=quote)
                st, texts = [], []
                for c in item:
                    if local(c) == "paragraph":
                        texts.append(inline(c, b, st, False))
                    else:
                        b.problems.append("<%s> inside a list item" % local(c))
                        texts.append(text_of(c))
                b.text, b.strong = squash("".join(texts)), [squash(s) for s in st]
                out.append(b)
        elif t == "table":
            b = Block("table", quote=quote, rows=[])
            for r in e:
                b.rows.append([inline(c, b, [], False) for c in r])
            out.append(b)
        else:
            b = Block(t, text_of(e), quote=quote)
            b.problems.append("unexpected block <%s>" % t)
            out.append(b)

    for c in doc:
        block(c, False)
    return out


def plain_view(blocks):
    """What plain CommonMark makes of the expected blocks: a table is one
    paragraph (its text is not compared)."""
    out = []
    for b in blocks:
        if b.kind == "table":
            nb = Block("p", quote=b.quote)
            nb.text = None
            out.append(nb)
        else:
            out.append(b)
    return out


def counts(blocks):
    c = {"heading": 0, "item": 0, "table": 0, "paragraph": 0}
    for b in blocks:
        c[{"h": "heading", "li": "item", "table": "table"}.get(b.kind, "paragraph")] += 1
    return c


def compare(name, want, got, verbose):
    errors = []
    cw, cg = counts(want), counts(got)
    if cw != cg:
        errors.append("%s: counts differ: xml %s, markdown %s" % (name, cw, cg))
    for b in got:
        for p in b.problems:
            errors.append("%s: %s in: %s" % (name, p, b))
    # text of a plain-CommonMark table paragraph is not compared
    gk = []
    for w, g in zip(want, got):
        if w.text is None and g.kind == "p":
            g = Block("p", quote=g.quote)
            g.text = None
        gk.append(g)
    gk += got[len(want):]
    ka, kb = [b.key() for b in want], [b.key() for b in gk]
    if ka != kb:
        sm = difflib.SequenceMatcher(None, ka, kb, autojunk=False)
        shown = 0
        for op, i1, i2, j1, j2 in sm.get_opcodes():
            if op == "equal":
                continue
            for b in want[i1:i2]:
                errors.append("%s: xml has      %s" % (name, b))
            for b in gk[j1:j2]:
                errors.append("%s: markdown has %s" % (name, b))
            shown += 1
            if shown >= 5:
                break
    # stray markup characters anywhere in the rendered text
    tw = "".join(b.text or "" for b in want if b.kind != "table") + "".join(
        "".join(c for r in b.rows for c in r) for b in want if b.kind == "table")
    tg = "".join(b.text or "" for b in gk if b.kind != "table") + "".join(
        "".join(c for r in b.rows for c in r) for b in gk if b.kind == "table")
    if all(b.text is not None for b in want):
        for ch in MARKUP:
            if tg.count(ch) != tw.count(ch):
                errors.append("%s: %r appears %d times in the rendered text, %d in the xml"
                              % (name, ch, tg.count(ch), tw.count(ch)))
    if verbose and not errors:
        print("%s: ok %s" % (name, cg))
    return errors


def footnote_labels(root):
    """Footnote label -> the text of the first reference to it: the notes
    that have a number and are referred to."""
    numbered = {n.get("id") for n in root.iter(GW + "note") if n.find(GW + "num") is not None}
    labels = {}
    for r in root.iter(GW + "ref"):
        t = r.get("target")
        if t in numbered and t[1:] not in labels:
            labels[t[1:]] = squash(text_of(r))
    return labels


def unfootnote(blocks, labels):
    """[^N] back to the reference's text, [^N]: at a paragraph's start gone."""
    import re
    for b in blocks:
        if b.text:
            b.text = re.sub(r"^\[\^(\w+)\]:", "", b.text)
            b.text = re.sub(r"\[\^(\w+)\]", lambda m: labels.get(m.group(1), m.group(0)), b.text)
    return blocks


def main(argv):
    args = [a for a in argv[1:] if a != "-v"]
    if len(args) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    xml_path, md_path = args
    root = ET.parse(xml_path).getroot()
    want = expect(root)
    labels = footnote_labels(root)
    errors = compare("cmark-gfm", want, unfootnote(parse(md_path, True), labels), "-v" in argv)
    errors += compare("cmark", plain_view(want), unfootnote(parse(md_path, False), labels), "-v" in argv)
    for e in errors[:30]:
        print(e)
    if len(errors) > 30:
        print("... %d more" % (len(errors) - 30))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
