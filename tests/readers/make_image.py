#!/usr/bin/env python3
"""make_image.py PNG PDF [LOCKED]: a small grey PNG, and a one-page PDF
holding only that picture (no text layer), as a scanner writes them; LOCKED:
the same PDF behind a user password (the standard security handler,
revision 2: /O and /U as PDF 1.7 §7.6.3 computes them; the stream is left
as it is, which no reader sees without the password)."""
import hashlib
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

def write(path, objs, trailer=b""):
    pdf = b"%PDF-1.4\n"
    offsets = []
    for i, o in enumerate(objs):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n" % (i + 1) + o + b"\nendobj\n"
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, trailer, xref)
    with open(path, "wb") as f:
        f.write(pdf)


def rc4(key, data):
    s, j = list(range(256)), 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) & 0xFF
        s[i], s[j] = s[j], s[i]
    out, i, j = bytearray(), 0, 0
    for c in data:
        i = (i + 1) & 0xFF
        j = (j + s[i]) & 0xFF
        s[i], s[j] = s[j], s[i]
        out.append(c ^ s[(s[i] + s[j]) & 0xFF])
    return bytes(out)


PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")
write(sys.argv[2], objs)
if len(sys.argv) > 3:
    user, owner, perms, doc_id = b"secret", b"owner", -4, b"0123456789abcdef"
    o = rc4(hashlib.md5((owner + PAD)[:32]).digest()[:5], (user + PAD)[:32])
    key = hashlib.md5((user + PAD)[:32] + o + struct.pack("<i", perms) + doc_id).digest()[:5]
    u = rc4(key, PAD)
    objs.append(b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P %d >>" % (o.hex().encode(), u.hex().encode(), perms))
    write(sys.argv[3], objs, b"/Encrypt %d 0 R /ID [<%s> <%s>] " % (len(objs), doc_id.hex().encode(), doc_id.hex().encode()))
