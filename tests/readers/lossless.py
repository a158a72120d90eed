#!/usr/bin/env python3
"""lossless.py FORMAT SOURCE XML: exit 0 when the XML's text content, white
space removed, equals the source's text as grammar/README.md §2 defines it
for FORMAT, white space removed:
  docx  every w:t of the body in order (no list numbers, notes or headers:
        use it on files without them)
  html  the text content of the element with class "article" (the
        fixtures' article; the reader finds it by itself)
  pdf   the text layer as pdftotext gives it (poppler, like the reader)"""
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


def pdf_text(path):
    return subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True, check=True).stdout


fmt, src, xml_path = sys.argv[1:4]
want = "".join({"docx": docx_text, "html": html_text, "pdf": pdf_text}[fmt](src).split())
got = "".join(xml_text(xml.dom.minidom.parse(xml_path)).split())
if got != want:
    i = next((k for k, (a, b) in enumerate(zip(got, want)) if a != b), min(len(got), len(want)))
    sys.stderr.write("lossless %s: differs at %d: xml %r / source %r\n" % (fmt, i, got[i:i + 20], want[i:i + 20]))
    sys.exit(1)
