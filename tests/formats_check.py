#!/usr/bin/env python3
"""Checks of the output formats, for tests/formats.sh.

formats_check.py text SOURCE OUT
    OUT's non-white-space characters equal SOURCE's as tests/source.py reads
    it (decoded as gongwen does, characters XML cannot hold mapped).
formats_check.py text-xml REPORT.xml OUT
    OUT's non-white-space characters equal those of REPORT's text.
formats_check.py csv REPORT.xml OUT.csv [GOLD.csv]
    OUT parses with the csv module; tables are separated by one empty line
    and every record of a table has as many fields as the widest; every
    record starts with its table's number, caption and unit (表序,表题,单位
    on the header row); after them each table equals the report's table
    (header row, then body rows with the group's category first), padded
    with empty fields; the first table equals GOLD with white space removed
    in every cell.
formats_check.py batch LIST
    runs every check listed in LIST, one a line, its words separated by
    tabs ("text SOURCE OUT"); prints "ok" or "FAIL: <check>: <why>" for
    each, in order, and exits 0.
formats_check.py docbook REPORT.xml OUT.xml
    OUT holds every character of REPORT's text, as often, and no other
    (white space aside): the ：after a glossary term and a generated
    role="fallback" title excepted.
"""
import collections
import csv
import io
import sys
import xml.dom.minidom

from source import mapped_source

GW = "urn:gongwen:report:1"
DB = "http://docbook.org/ns/docbook"


class Failed(Exception):
    pass


def fail(msg):
    raise Failed(msg)


def text(node, skip=lambda n: False):
    if node.nodeType == node.TEXT_NODE:
        return node.data
    if node.nodeType == node.ELEMENT_NODE and skip(node):
        return ""
    return "".join(text(c, skip) for c in node.childNodes)


def squeeze(s):
    return "".join(s.split())


def first_diff(got, want, what):
    i = next((k for k, (a, b) in enumerate(zip(got, want)) if a != b), min(len(got), len(want)))
    fail("%s: differs at %d (of %d/%d): output %r / source %r"
         % (what, i, len(got), len(want), got[i:i + 20], want[i:i + 20]))


def check_text(source, out):
    got = squeeze(open(out, encoding="utf-8").read())
    want = mapped_source(source)
    if got != want:
        first_diff(got, want, "text")


def check_text_xml(report, out):
    got = squeeze(open(out, encoding="utf-8").read())
    want = squeeze(text(xml.dom.minidom.parse(report)))
    if got != want:
        first_diff(got, want, "text")


def kids(el, name=None):
    return [c for c in el.childNodes if c.nodeType == c.ELEMENT_NODE
            and (name is None or c.localName == name)]


def joined(rows, lead):
    """Rows of one parent as records: a row of wrapped pieces (@wrap)
    continues the cells of the row above it."""
    out = []
    for r in rows:
        cells = [text(c) for c in kids(r)]
        if r.getAttribute("wrap") == "true" and out:
            for i, c in enumerate(cells):
                k = len(lead) + i
                if k < len(out[-1]):
                    out[-1][k] += c
                else:
                    out[-1].append(c)
        else:
            out.append(lead + cells or [""])
    return out


def table_rows(t):
    """The rows of table t, as the CSV should give them."""
    rows = []
    for part in kids(t):
        if part.localName not in ("thead", "tbody"):
            continue
        # a page line across the table is no record
        plain = [r for r in kids(part) if r.localName not in ("group", "page")]
        rows += joined(plain, [])
        for r in kids(part, "group"):
            cat = kids(r, "category")
            cat = text(cat[0]) if cat else ""
            rows += joined([rr for rr in kids(r) if rr.localName not in ("category", "page")],
                           [cat])
    return rows


def report_tables(doc):
    """The rows of every table with rows, as the CSV should give them."""
    tables = []
    for t in doc.getElementsByTagNameNS(GW, "table"):
        rows = table_rows(t)
        if rows:
            width = max(len(r) for r in rows)
            tables.append([r + [""] * (width - len(r)) for r in rows])
    return tables


def report_table_names(doc):
    """[number, caption, unit] of every table with rows, in order."""
    names = []
    for n, t in enumerate(doc.getElementsByTagNameNS(GW, "table"), 1):
        if not table_rows(t):
            continue
        def one(name):
            if not kids(t, name):
                return ""
            e = kids(t, name)[0]
            num = text(kids(e, "num")[0]) if kids(e, "num") else ""
            # the marker (表1) set off by a space
            return " ".join((num + " " + text(e)[len(num):]).replace("\u3000", " ").split())
        tid = t.getAttribute("id")
        names.append([tid[1:] if tid else str(n), one("caption"), one("unit")])
    return names


def check_csv(report, out, gold=None):
    raw = open(out, "rb").read()
    data = raw.decode("utf-8")
    if data and not data.endswith("\n"):
        fail("csv: last record has no line end")
    records = list(csv.reader(io.StringIO(data, newline=""), strict=True))
    tables, cur = [], []
    for rec in records:
        if rec == []:
            if not cur:
                fail("csv: empty line that separates no tables")
            tables.append(cur)
            cur = []
        else:
            cur.append(rec)
    if cur:
        tables.append(cur)
    elif records:
        fail("csv: empty line at the end")
    for k, t in enumerate(tables):
        widths = sorted(set(len(r) for r in t))
        if len(widths) != 1:
            fail("csv: table %d has records of %s fields" % (k + 1, widths))
    doc = xml.dom.minidom.parse(report)
    which = report_table_names(doc)
    for k, t in enumerate(tables):
        if k >= len(which):
            break
        for i, r in enumerate(t):
            w = ["表序", "表题", "单位"] if i == 0 else which[k]
            if r[:3] != w:
                fail("csv: table %d record %d starts %r, want %r" % (k + 1, i + 1, r[:3], w))
    tables = [[r[3:] for r in t] for t in tables]
    want = report_tables(doc)
    if tables != want:
        for k, (a, b) in enumerate(zip(tables, want)):
            for i, (x, y) in enumerate(zip(a, b)):
                if x != y:
                    fail("csv: table %d record %d: %r, want %r" % (k + 1, i + 1, x, y))
        fail("csv: %d tables, want %d" % (len(tables), len(want)))
    if gold:
        g = list(csv.reader(open(gold, encoding="utf-8-sig", newline="")))
        norm = lambda rows: [[squeeze(c) for c in r] for r in rows if r]
        if not tables or norm(tables[0]) != norm(g):
            got = norm(tables[0]) if tables else []
            for i, (x, y) in enumerate(zip(got, norm(g))):
                if x != y:
                    fail("csv: record %d: %r, gold %r" % (i + 1, x, y))
            fail("csv: %d records, gold %d" % (len(got), len(norm(g))))


def check_docbook(report, out):
    rep = xml.dom.minidom.parse(report)
    db = xml.dom.minidom.parse(out)
    want = collections.Counter(squeeze(text(rep)))
    entries = {e.getAttribute("xml:id") for e in db.getElementsByTagNameNS(DB, "glossentry")}
    for note in rep.getElementsByTagNameNS(GW, "note"):
        term = kids(note, "term")
        if note.getAttribute("id") in entries and term:
            after = term[0].nextSibling
            rest = squeeze(after.data) if after is not None and after.nodeType == after.TEXT_NODE else ""
            if rest[:1] in ("：", ":"):
                want[rest[0]] -= 1
    # an xref's text is its target's xreflabel: DocBook renders it so
    labels = {}
    for e in db.getElementsByTagName("*"):
        if e.hasAttribute("xreflabel"):
            labels[e.getAttribute("xml:id")] = e.getAttribute("xreflabel")
    for x in db.getElementsByTagNameNS(DB, "xref"):
        if x.getAttribute("linkend") not in labels:
            fail("docbook: xref to %r, which has no xreflabel" % x.getAttribute("linkend"))
        x.appendChild(db.createTextNode(labels[x.getAttribute("linkend")]))
    got = collections.Counter(squeeze(text(db, lambda n: n.getAttribute("role") == "fallback")))
    if got != want:
        lost = want - got
        added = got - want
        fail("docbook: text lost %r, added %r" % ("".join(sorted(lost.elements()))[:60],
                                                  "".join(sorted(added.elements()))[:60]))


CHECKS = {"text": (check_text, (2,)), "text-xml": (check_text_xml, (2,)),
          "csv": (check_csv, (2, 3)), "docbook": (check_docbook, (2,))}


def run(words):
    fn, arity = CHECKS.get(words[0], (None, ())) if words else (None, ())
    if fn is None or len(words) - 1 not in arity:
        fail("usage:\n" + __doc__)
    fn(*words[1:])


if __name__ == "__main__":
    args = sys.argv[1:]
    if args[:1] == ["batch"] and len(args) == 2:
        for line in open(args[1], encoding="utf-8"):
            words = line.rstrip("\n").split("\t")
            try:
                run(words)
                print("ok")
            except Failed as e:
                print("FAIL: %s: %s" % (" ".join(words), e))
            except Exception as e:  # a broken output file, say
                print("FAIL: %s: %s: %s" % (" ".join(words), type(e).__name__, e))
        sys.exit(0)
    try:
        run(args)
    except Failed as e:
        sys.stderr.write("%s\n" % e)
        sys.exit(1)
