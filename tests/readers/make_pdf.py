#!/usr/bin/env python3
"""make_pdf.py OUT TEXTFILE [LINES_PER_PAGE]: a small PDF of the lines of
TEXTFILE (UTF-8), one text line a PDF line, for fuzz seeds
(tests/fuzz/corpus-pdf). The font is not embedded: a Type0 font with
Identity-H codes equal to the code points and a ToUnicode CMap mapping
them back, so that poppler reads the text as it was, in a file of a few
KB (a PDF from an office suite embeds a font subset: 80 KB for 12 lines)."""
import sys

TOUNICODE = b"""/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def /CMapType 2 def
1 begincodespacerange <0000> <FFFF> endcodespacerange
1 beginbfrange <0000> <FFFF> <0000> endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end"""


def stream(data):
    return b"<< /Length %d >>\nstream\n%s\nendstream" % (len(data), data)


def page_content(lines):
    ops = [b"BT /F1 12 Tf 14 TL 56 780 Td"]
    for line in lines:
        codes = b"".join(b"%04X" % ord(c) for c in line if ord(c) <= 0xFFFF)
        ops.append(b"<%s> Tj T*" % codes)
    ops.append(b"ET")
    return b"\n".join(ops)


def main():
    out, src = sys.argv[1], sys.argv[2]
    per_page = int(sys.argv[3]) if len(sys.argv) > 3 else 50
    lines = open(src, encoding="utf-8").read().splitlines()
    pages = [lines[i:i + per_page] for i in range(0, len(lines), per_page)] or [[]]
    # 1 catalog, 2 page tree, 3 font, 4 descendant font, 5 ToUnicode, then page and content pairs
    n = len(pages)
    kids = b" ".join(b"%d 0 R" % (6 + 2 * i) for i in range(n))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, n),
               b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /Identity-H"
               b" /DescendantFonts [4 0 R] /ToUnicode 5 0 R >>",
               b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /STSong-Light /DW 1000"
               b" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>"
               b" /FontDescriptor << /Type /FontDescriptor /FontName /STSong-Light /Flags 4"
               b" /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120"
               b" /CapHeight 700 /StemV 80 >> >>",
               stream(TOUNICODE)]
    for i, p in enumerate(pages):
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R"
                       b" /Resources << /Font << /F1 3 0 R >> >> >>" % (7 + 2 * i))
        objects.append(stream(page_content(p)))
    parts, offsets, at = [b"%PDF-1.4\n"], [], 9
    for i, o in enumerate(objects, 1):
        offsets.append(at)
        parts.append(b"%d 0 obj\n%s\nendobj\n" % (i, o))
        at += len(parts[-1])
    parts.append(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    parts += [b"%010d 00000 n \n" % o for o in offsets]
    parts.append(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, at))
    with open(out, "wb") as f:
        f.write(b"".join(parts))


main()
