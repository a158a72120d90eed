#!/usr/bin/env python3
"""lossless.py SOURCE XML: exit 0 when the XML's text content, with white
space removed, equals the source's (decoded as gongwen detects it: a BOM
decides, else UTF-8 if valid, else GB18030), with characters XML cannot
hold mapped as grammar/README.md says."""
import sys
import xml.dom.minidom


def text(node):
    if node.nodeType == node.TEXT_NODE:
        return node.data
    return "".join(text(c) for c in node.childNodes)


def xml_forbidden(c):
    o = ord(c)
    return (o < 0x20 and c not in "\t\n\r") or o in (0xFFFE, 0xFFFF)


def mapped(c):
    return chr(0x2400 + ord(c)) if ord(c) < 0x20 else "\ufffd"


def decode(raw):
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"),
                       (b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe", "utf-16"),
                       (b"\xfe\xff", "utf-16")):
        if raw.startswith(bom):
            return raw.decode(codec)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("gb18030")


src = decode(open(sys.argv[1], "rb").read())
want = "".join(mapped(c) if xml_forbidden(c) else c for c in "".join(src.split()))
got = "".join(text(xml.dom.minidom.parse(sys.argv[2])).split())
if got != want:
    i = next((k for k, (a, b) in enumerate(zip(got, want)) if a != b), min(len(got), len(want)))
    sys.stderr.write("lossless: differs at %d: xml %r / source %r\n" % (i, got[i:i + 20], want[i:i + 20]))
    sys.exit(1)
