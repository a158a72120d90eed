"""A report's source text as the tests compare it with gongwen's outputs:
decoded as gongwen detects the encoding, white space removed, characters
XML cannot hold mapped as grammar/README.md says (C0 control -> U+2400 +
code, U+FFFE/U+FFFF -> U+FFFD; controls Python counts as white space go
with the white space)."""


import os
import re

_PLAUSIBLE_C = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "plausible.c")


def _common():
    """The common Han characters src/plausible.c judges decodings by."""
    src = open(_PLAUSIBLE_C, encoding="utf-8").read()
    table = src[src.index("common[] = {"):]
    table = table[:table.index("};")]
    return {int(h, 16) for h in re.findall(r"0x([0-9A-F]{4})", table)}


def _plausible(text, common):
    """(reads as Chinese, common share) as plausible.c decides it, on the
    same sample (the first 65536 bytes of the UTF-8 text)."""
    sample = text.encode("utf-8")[:65536].decode("utf-8", "ignore")
    pua = sum(1 for c in sample if 0xE000 <= ord(c) <= 0xF8FF or ord(c) >= 0xF0000)
    han = [c for c in sample if 0x3400 <= ord(c) <= 0x9FFF or 0x20000 <= ord(c) <= 0x3FFFF
           or 0xF900 <= ord(c) <= 0xFAFF]
    hits = sum(1 for c in han if ord(c) in common)
    ok = pua == 0 and (len(han) < 40 or hits * 100 >= len(han) * 20)
    return ok, (hits / len(han) if han else 0.0)


def _gb_or_big5(raw):
    """GB18030, or Big5 when the GB18030 reading is no Chinese and Big5's is."""
    gb = raw.decode("gb18030")
    common = _common()
    gb_ok, gb_share = _plausible(gb, common)
    if gb_ok:
        return gb
    try:
        big5 = raw.decode("big5")
    except UnicodeDecodeError:
        return gb
    big5_ok, big5_share = _plausible(big5, common)
    return big5 if big5_ok and big5_share > gb_share else gb


def decode(raw):
    """A BOM decides, else UTF-8 if valid, else GB18030 (Big5 when only
    that reads as Chinese)."""
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"),
                       (b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe", "utf-16"),
                       (b"\xfe\xff", "utf-16")):
        if raw.startswith(bom):
            return raw.decode(codec)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return _gb_or_big5(raw)


def _mapped(c):
    o = ord(c)
    if o < 0x20 and c not in "\t\n\r":
        return chr(0x2400 + o)
    if o in (0xFFFE, 0xFFFF):
        return "\ufffd"
    return c


def mapped_source(path):
    """The file's text, white space removed, as the XML carries it."""
    src = decode(open(path, "rb").read())
    return "".join(_mapped(c) for c in "".join(src.split()))
