#!/usr/bin/env python3
"""lossless.py FORMAT SOURCE XML: exit 0 when the XML's text content, white
space removed, equals the source's text as grammar/README.md §2 defines it
for FORMAT, white space removed:
  docx  every w:t of the body in order (no list numbers, notes or headers:
        use it on files without them)
  html  the text content of the element with class "article" (the
        fixtures' article; the reader finds it by itself)
  markdown  the text of the CommonMark (GitHub tables) document as the
        cmark-gfm program parses it: inlines, code, the numbers of ordered
        list items as the file writes them, HTML blocks less their tags; "**" that cmark left
        unmatched pair up within their block as bold marks (not text); a
        YAML front matter block is text, line by line; pandoc's fenced
        div lines (::: article) are not
  pdf   the text layer as pdftotext gives it (poppler, like the reader):
        the same characters, and outside tables in the same order (the
        reader reads a table row by row, poppler column by column)"""
import collections
import subprocess
import sys
import xml.dom.minidom
import zipfile
from html.parser import HTMLParser


def xml_text(node):
    if node.nodeType == node.TEXT_NODE:
        return node.data
    return "".join(xml_text(c) for c in node.childNodes)


def docx_text(path):
    doc = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    dom = xml.dom.minidom.parseString(doc)
    return "".join(xml_text(t) for t in dom.getElementsByTagName("w:t"))


class Article(HTMLParser):
    def __init__(self):
        super().__init__()
        self.depth, self.text = 0, []

    def handle_starttag(self, tag, attrs):
        if self.depth or (tag == "div" and ("class", "article") in attrs):
            self.depth += 1

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.text.append(data)


def html_text(path):
    p = Article()
    p.feed(open(path, encoding="utf-8").read())
    return "".join(p.text)


def front_matter(src):
    lines = src.split("\n")
    if lines[0].rstrip("\r") != "---":
        return 0
    for i, l in enumerate(lines[1:100], 1):
        if l.rstrip("\r") in ("---", "..."):
            return i + 1
    return 0


def markdown_text(path):
    import re
    import xml.etree.ElementTree as ET
    src = open(path, encoding="utf-8").read()
    k = front_matter(src)
    lines = src.split("\n")
    # pandoc's fenced divs (::: article) are markup, each an empty line
    fence = re.compile(r":::(:*|[ {].*)?\r?$")
    rest = "\n" * k + "\n".join("" if fence.match(l) else l for l in lines[k:])
    ast = subprocess.run(["cmark-gfm", "--unsafe", "--sourcepos", "-e", "table", "-t", "xml"], input=rest,
                         capture_output=True, text=True, check=True).stdout
    ast = re.sub(r"<!DOCTYPE[^>]*>", "", ast)
    root = ET.fromstring(ast)
    out = ["".join(lines[:k])]

    def walk(n, parent_list=None, index=0):
        tag = n.tag.split("}")[-1]
        if tag in ("paragraph", "heading", "table_cell"):
            texts = [t for t in n.iter() if t.tag.split("}")[-1] == "text"]
            strays = sum((t.text or "").count("**") for t in texts) // 2 * 2
            for t in n.iter():
                name = t.tag.split("}")[-1]
                if name in ("text", "code"):
                    v = t.text or ""
                    if name == "text":
                        while strays and "**" in v:
                            v = v.replace("**", "", 1)
                            strays -= 1
                    out.append(v)
            return
        if tag in ("code_block",):
            out.append(n.text or "")
            return
        if tag == "html_block":
            out.append(re.sub(r"<[^>]*>", "", n.text or ""))
            return
        if tag == "item" and parent_list is not None and parent_list.get("type") == "ordered":
            # the number as the file has it, where cmark says the item starts
            line, col = (int(x) for x in n.get("sourcepos").split("-")[0].split(":"))
            m = re.match(rb"[0-9]{1,10}[.)]", lines[line - 1].encode("utf-8")[col - 1:])
            out.append(m.group(0).decode())
        children = list(n)
        for i, c in enumerate(children):
            walk(c, n if tag == "list" else None, i)

    walk(root)
    return "".join(out)


def pdf_text(path):
    return subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True, check=True).stdout


def outside_tables(node):
    if node.nodeType == node.ELEMENT_NODE and node.localName == "table":
        return ""
    if node.nodeType == node.TEXT_NODE:
        return node.data
    return "".join(outside_tables(c) for c in node.childNodes)


def in_order(part, whole):
    """Whether part's characters stand in whole in the same order."""
    it = iter(whole)
    return all(c in it for c in part)


fmt, src, xml_path = sys.argv[1:4]
want = "".join({"docx": docx_text, "html": html_text, "pdf": pdf_text,
                 "markdown": markdown_text}[fmt](src).split())
dom = xml.dom.minidom.parse(xml_path)
got = "".join(xml_text(dom).split())
if fmt == "pdf":
    prose = "".join(outside_tables(dom).split())
    extra = collections.Counter(got) - collections.Counter(want)
    lost = collections.Counter(want) - collections.Counter(got)
    if extra or lost:
        sys.stderr.write("lossless pdf: added %r, lost %r\n" % (
            "".join(extra.elements())[:40], "".join(lost.elements())[:40]))
        sys.exit(1)
    if not in_order(prose, want):
        sys.stderr.write("lossless pdf: the text outside tables is out of order\n")
        sys.exit(1)
    sys.exit(0)
if got != want:
    i = next((k for k, (a, b) in enumerate(zip(got, want)) if a != b), min(len(got), len(want)))
    sys.stderr.write("lossless %s: differs at %d: xml %r / source %r\n" % (fmt, i, got[i:i + 20], want[i:i + 20]))
    sys.exit(1)
