#!/usr/bin/env python3
"""lossless.py SOURCE XML: exit 0 when the XML's text content, with white
space removed, equals the source's (decoded as gongwen detects it: a BOM
decides, else UTF-8 if valid, else GB18030), with characters XML cannot
hold mapped as grammar/README.md says."""
import sys
import xml.dom.minidom

from source import mapped_source


def text(node):
    if node.nodeType == node.TEXT_NODE:
        return node.data
    return "".join(text(c) for c in node.childNodes)


want = mapped_source(sys.argv[1])
got = "".join(text(xml.dom.minidom.parse(sys.argv[2])).split())
if got != want:
    i = next((k for k, (a, b) in enumerate(zip(got, want)) if a != b), min(len(got), len(want)))
    sys.stderr.write("lossless: differs at %d: xml %r / source %r\n" % (i, got[i:i + 20], want[i:i + 20]))
    sys.exit(1)
