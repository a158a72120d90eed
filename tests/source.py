"""A report's source text as the tests compare it with gongwen's outputs:
decoded as gongwen detects the encoding, white space removed, characters
XML cannot hold mapped as grammar/README.md says (C0 control -> U+2400 +
code, U+FFFE/U+FFFF -> U+FFFD; controls Python counts as white space go
with the white space)."""


def decode(raw):
    """A BOM decides, else UTF-8 if valid, else GB18030."""
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"),
                       (b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe", "utf-16"),
                       (b"\xfe\xff", "utf-16")):
        if raw.startswith(bom):
            return raw.decode(codec)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("gb18030")


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
