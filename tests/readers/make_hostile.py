#!/usr/bin/env python3
"""make_hostile.py OUT KIND: hostile originals for tests/readers.sh, made on
the fly (a few MB at most on disk, so nothing large is committed).

docx-gigabyte: word/document.xml inflates to 1 GiB of nested paragraphs
  (about 1 MB compressed: a deflate block repeated, the stored sizes and
  the CRC those of the whole gigabyte, a ZIP any unzip accepts).
docx-deep: word/document.xml of 100,000 nested elements, 700 KB, inside
  the size limits (below the size at which the ratio counts).
html-deep: a web page of 100,000 nested <div>s around one paragraph.
pdf-pages: a PDF of 100,000 empty pages (they share one content stream).
pdf-xref: a PDF whose cross-reference table points at the wrong offsets
  and whose trailer claims 100,000 objects."""
import struct
import sys
import zlib

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
TYPES = (b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
         b'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')
DEEP = 100000


def deflate_repeated(head, chunk, count, tail):
    """Raw deflate of head + chunk * count + tail, compressing chunk once:
    after a full flush the compressor starts afresh, so every later copy
    of chunk compresses to the same bytes."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = c.compress(head) + c.flush(zlib.Z_FULL_FLUSH)
    block = c.compress(chunk) + c.flush(zlib.Z_FULL_FLUSH)
    again = c.compress(chunk) + c.flush(zlib.Z_FULL_FLUSH)
    assert block == again, "the compressor kept state across a full flush"
    last = c.compress(tail) + c.flush()
    crc = zlib.crc32(head)
    for _ in range(count):
        crc = zlib.crc32(chunk, crc)
    crc = zlib.crc32(tail, crc)
    size = len(head) + len(chunk) * count + len(tail)
    return first + block * count + last, crc, size


def write_zip(out, entries):
    """entries: (name, deflated bytes, crc, size). A ZIP without ZIP64 (every size < 4 GiB)."""
    local, central = b"", b""
    for name, data, crc, size in entries:
        n = name.encode()
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, crc, len(data), size,
                               len(n), 0, 0, 0, 0, 0, len(local)) + n
        local += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(data), size, len(n), 0) + n + data
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central), len(local), 0)
    with open(out, "wb") as f:
        f.write(local + central + end)


def entry(name, raw):
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return name, c.compress(raw) + c.flush(), zlib.crc32(raw), len(raw)


def docx(out, document):
    write_zip(out, [entry("[Content_Types].xml", TYPES), document])


def docx_gigabyte(out):
    head = ('<?xml version="1.0" encoding="UTF-8"?><w:document %s><w:body>' % W).encode()
    chunk = b"<w:p><w:r><w:t>" * (1 << 16)  # 1 MiB a chunk
    data, crc, size = deflate_repeated(head, chunk, 1024, b"</w:body></w:document>")
    docx(out, ("word/document.xml", data, crc, size))


def docx_deep(out):
    xml = ('<?xml version="1.0" encoding="UTF-8"?><w:document %s><w:body>' % W
           + "<x>" * DEEP + "<w:p><w:r><w:t>一、总则</w:t></w:r></w:p>" + "</x>" * DEEP
           + "</w:body></w:document>")
    docx(out, entry("word/document.xml", xml.encode()))


def html_deep(out):
    page = "<!DOCTYPE html><html><body>" + "<div>" * DEEP + "<p>一、总则。正文。</p>" + "</div>" * DEEP + "</body></html>"
    with open(out, "w", encoding="utf-8") as f:
        f.write(page)


def pdf(objects, xref_shift=0, size=None):
    """A PDF of numbered objects; the xref's offsets shifted by xref_shift."""
    parts, offsets, at = [b"%PDF-1.4\n"], [], 9
    for i, o in enumerate(objects, 1):
        offsets.append(at)
        parts.append(b"%d 0 obj\n%s\nendobj\n" % (i, o))
        at += len(parts[-1])
    parts.append(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    parts += [b"%010d 00000 n \n" % (o + xref_shift) for o in offsets]
    parts.append(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size or len(objects) + 1, at))
    return b"".join(parts)


def pdf_pages(out):
    n = DEEP
    first = 4  # objects 1-3: catalog, page tree, the shared empty content
    kids = b" ".join(b"%d 0 R" % (first + i) for i in range(n))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, n),
               b"<< /Length 0 >>\nstream\n\nendstream"]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>"] * n
    with open(out, "wb") as f:
        f.write(pdf(objects))


def pdf_xref(out):
    text = b"BT /F1 12 Tf 72 720 Td (Report) Tj ET"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 100000 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
               b" /Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n%s\nendstream" % (len(text), text),
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    with open(out, "wb") as f:
        f.write(pdf(objects, xref_shift=7, size=DEEP))


KINDS = {"docx-gigabyte": docx_gigabyte, "docx-deep": docx_deep, "html-deep": html_deep,
         "pdf-pages": pdf_pages, "pdf-xref": pdf_xref}

KINDS[sys.argv[2]](sys.argv[1])
