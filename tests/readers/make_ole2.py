#!/usr/bin/env python3
"""make_ole2.py OUT [encrypted]: a minimal OLE2 compound file (CFB v3).

With "encrypted", it holds the two streams Office writes for a
password-protected .docx (EncryptionInfo, EncryptedPackage; their content
here is filler, not a real encryption); without, a WordDocument stream as a
legacy .doc has. Used by tests/readers.sh when no such file is at hand."""
import struct
import sys

FREE, END, FATSECT, NOSTREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
SECTOR = 512
out, encrypted = sys.argv[1], len(sys.argv) > 2 and sys.argv[2] == "encrypted"
names = ["EncryptionInfo", "EncryptedPackage"] if encrypted else ["WordDocument", "1Table"]
names.sort(key=lambda n: (len(n), n.upper()))
STREAM = 4096  # at the mini-stream cutoff: stored in regular sectors
per = STREAM // SECTOR

fat = [FATSECT, END]
starts = []
for _ in names:
    first = len(fat)
    starts.append(first)
    fat += [first + k + 1 for k in range(per - 1)] + [END]
fat += [FREE] * (SECTOR // 4 - len(fat))

header = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + bytes(16)
header += struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + bytes(6)
header += struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, END, 0, END, 0)
header += struct.pack("<I", 0) + struct.pack("<I", FREE) * 108
assert len(header) == SECTOR


def entry(name, kind, left, right, child, start, size):
    n = (name + "\0").encode("utf-16-le") if name else b""
    return (n.ljust(64, b"\0") + struct.pack("<HBB", len(n), kind, 1) +
            struct.pack("<III", left, right, child) + bytes(16 + 4 + 16) +
            struct.pack("<IQ", start, size))


dirs = entry("Root Entry", 5, NOSTREAM, NOSTREAM, 1, END, 0)
dirs += entry(names[0], 2, NOSTREAM, 2, NOSTREAM, starts[0], STREAM)
dirs += entry(names[1], 2, NOSTREAM, NOSTREAM, NOSTREAM, starts[1], STREAM)
dirs += entry("", 0, NOSTREAM, NOSTREAM, NOSTREAM, 0, 0)
body = struct.pack("<%dI" % len(fat), *fat) + dirs
for i, _ in enumerate(names):
    body += bytes([i + 1]) * STREAM
with open(out, "wb") as f:
    f.write(header + body)
