#!/usr/bin/env python3
"""Checks the position attributes of a gongwen tree against its source.

    ranges.py SOURCE XML

For every element with a range (line, column, end-line, end-column; end
exclusive, columns in characters) it checks that the range lies inside the
source, that it does not end before it starts, and that a container's range
holds its children's. For the elements that hold text only (a paragraph, a
title, an item, a cell, a marker...) the source in the range, white space
removed, must be the element's text, white space removed: the range is where
the text stands. Exit 1 with a message per fault (the first 20)."""
import re
import sys
import xml.etree.ElementTree as ET

NS = '{urn:gongwen:report:1}'
# text elements whose whole string value comes from their range (a title
# below 第三章 or an item's description below it lies inside the range too)
LEAVES = {'p', 'title', 'subtitle', 'author', 'salutation', 'item', 'note', 'num',
          'caption', 'unit', 'category', 'cell', 'page', 'entry'}
CONTAINERS = {'section', 'list', 'box', 'table', 'group', 'toc', 'row'}
WS = re.compile(r'[\s\u001c-\u001f]+')


def lines_of(text):
    # lines.c: a line ends at LF, CRLF or a lone CR
    return re.split(r'\r\n|\r|\n', text)


def squeeze(s):
    return WS.sub('', s)


def text_of(el):
    # ctl stands for a character the source has: use its code point
    out = [el.text or '']
    for k in el:
        if k.tag == NS + 'ctl':
            out.append(chr(int(k.get('cp'), 16)))
        else:
            out.append(text_of(k))
        out.append(k.tail or '')
    return ''.join(out)


def main():
    root = ET.parse(sys.argv[2]).getroot()
    enc = root.get('encoding', 'UTF-8')
    raw = open(sys.argv[1], 'rb').read()
    src = raw.decode('utf-8-sig' if enc.upper() == 'UTF-8' else enc, errors='replace')
    if src.startswith('\ufeff'):
        src = src[1:]
    lines = lines_of(src)
    faults = []

    def rng(el):
        v = [el.get(a) for a in ('line', 'column', 'end-line', 'end-column')]
        return None if None in v else tuple(int(x) for x in v)

    def source(r):
        l, c, el_, ec = r
        if l == el_:
            return lines[l - 1][c - 1:ec - 1]
        parts = [lines[l - 1][c - 1:]] + lines[l:el_ - 1] + [lines[el_ - 1][:ec - 1]]
        return '\n'.join(parts)

    def walk(el, outer):
        name = el.tag[len(NS):]
        r = rng(el)
        where = '%s line %s' % (name, el.get('line'))
        if r:
            l, c, el_, ec = r
            if not (1 <= l <= el_ <= len(lines)) or c < 1 or ec < 1 or \
                    c > len(lines[l - 1]) + 1 or ec > len(lines[el_ - 1]) + 1 or \
                    (l, c) > (el_, ec):
                faults.append('%s: range %s outside the source or reversed' % (where, r))
                r = None
            elif outer and ((l, c) < outer[:2] or (el_, ec) > outer[2:]):
                faults.append('%s: range %s outside its parent\'s %s' % (where, r, outer))
        elif name in LEAVES | CONTAINERS and el.get('line'):
            faults.append('%s: no range' % where)
        if r and name in LEAVES:
            want, got = squeeze(text_of(el)), squeeze(source(r))
            # a run-in p keeps its heading's line: when the title runs onto
            # the next line, its range starts with the heading's
            if name == 'p' and outer and (r[0], r[1]) == outer[:2]:
                got = got[len(got) - len(want):]
            if want != got:
                faults.append('%s: range %s holds %r, the element %r' %
                              (where, r, got[:60], want[:60]))
        for k in el:
            walk(k, (r[0], r[1], r[2], r[3]) if r and name in CONTAINERS | {'title', 'p', 'item', 'note'} else outer)

    walk(root, None)
    for f in faults[:20]:
        print('%s: %s' % (sys.argv[2], f))
    return 1 if faults else 0


if __name__ == '__main__':
    sys.exit(main())
