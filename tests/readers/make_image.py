#!/usr/bin/env python3
"""make_image.py PNG PDF: a small grey PNG, and a one-page PDF holding only
that picture (no text layer), as a scanner writes them."""
import struct
import sys
import zlib

W = H = 16
raw = b"".join(b"\0" + bytes([(x * 16 + y) & 0xFF for x in range(W)]) for y in range(H))


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", W, H, 8, 0, 0, 0, 0)) +
       chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
with open(sys.argv[1], "wb") as f:
    f.write(png)

pixels = zlib.compress(bytes((x * 16 + y) & 0xFF for y in range(H) for x in range(W)))
content = b"q 500 0 0 700 50 70 cm /Im0 Do Q"
objs = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
    b"/Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>",
    b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
    b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n" % (W, H, len(pixels)) +
    pixels + b"\nendstream",
    b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
]
pdf = b"%PDF-1.4\n"
offsets = []
for i, o in enumerate(objs):
    offsets.append(len(pdf))
    pdf += b"%d 0 obj\n" % (i + 1) + o + b"\nendobj\n"
xref = len(pdf)
pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
pdf += b"".join(b"%010d 00000 n \n" % off for off in offsets)
pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
with open(sys.argv[2], "wb") as f:
    f.write(pdf)
