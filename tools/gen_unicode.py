#!/usr/bin/env python3
"""Generates src/unicode_tables.c, the character classes and display widths
utf8.c looks up, from the Unicode Character Database as Debian's
unicode-data package installs it (/usr/share/unicode), as md4c generates
its tables. `make unicode` runs it; tests/unicode.sh checks that the
committed file is what it makes.

    python3 tools/gen_unicode.py [UCD_DIR] > src/unicode_tables.c

The tables are sorted, non-overlapping, merged ranges of code points:
- han: Han ideographs, Script=Han that are also Ideographic (CJK unified
  ideographs and their extensions A to H, compatibility ideographs, 〇 and
  the Hangzhou numerals); the radicals and 々 are Han script but no
  ideographs;
- space: white space as Python's str.split() sees it (category Zs, or bidi
  class B, S or WS), which the lossless check uses;
- radical folds: each CJK or Kangxi radical (U+2E80..U+2FDF) with the
  unified ideograph it stands for (EquivalentUnifiedIdeograph.txt), where
  that ideograph is in the Basic Multilingual Plane: a PDF whose fonts map
  glyphs to the radicals gives ⼀、⼯作 for 一、工作 when its text is copied,
  and the recognizer reads the ideograph in its place (the same three
  UTF-8 bytes, so offsets and columns stay);
- wide: characters two columns wide in fixed-width text: East Asian Width
  W or F, and A (ambiguous) too, because this text is Chinese and a
  Chinese font sets “ ” — … · at full width (UAX #11: ambiguous characters
  are wide in an East Asian context). Combining marks stay narrow: the
  width model has no zero-width characters, and a mark is never a column
  of its own.
"""
import os
import sys


def ranges_of(path, keep):
    """Code point ranges of a UCD property file whose value passes keep."""
    out = []
    for line in open(path, encoding="utf-8"):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        cps, value = (f.strip() for f in line.split(";")[:2])
        if not keep(value):
            continue
        first, _, last = cps.partition("..")
        out.append((int(first, 16), int(last or first, 16)))
    return out


def categories(path):
    """Code point -> (general category, bidi class), ranges expanded."""
    cat = {}
    start = None
    for line in open(path, encoding="utf-8"):
        f = line.rstrip("\n").split(";")
        cp = int(f[0], 16)
        if f[1].endswith(", First>"):
            start = cp
            continue
        lo = start if f[1].endswith(", Last>") else cp
        start = None
        for c in range(lo, cp + 1):
            cat[c] = (f[2], f[4])
    return cat


def as_set(ranges):
    s = set()
    for lo, hi in ranges:
        s.update(range(lo, hi + 1))
    return s


def merge(cps):
    out = []
    for cp in sorted(cps):
        if out and out[-1][1] + 1 == cp:
            out[-1][1] = cp
        else:
            out.append([cp, cp])
    return out


def table(name, what, ranges):
    lines = [f"/* {what} */", f"const gw_range {name}[] = {{"]
    lines += [f"    {{0x{lo:04X}, 0x{hi:04X}}}," for lo, hi in ranges]
    lines += ["};", f"const size_t {name}_count = sizeof {name} / sizeof {name}[0];", ""]
    return lines


def radical_folds(path):
    """(radical, ideograph) pairs of the radical blocks, sorted."""
    out = []
    for line in open(path, encoding="utf-8"):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        cps, value = (f.strip() for f in line.split(";")[:2])
        first, _, last = cps.partition("..")
        to = int(value, 16)
        for cp in range(int(first, 16), int(last or first, 16) + 1):
            if 0x2E80 <= cp <= 0x2FDF and to <= 0xFFFF:
                out.append((cp, to))
    return sorted(out)


def folds(name, what, pairs):
    lines = [f"/* {what} */", f"const gw_fold {name}[] = {{"]
    lines += [f"    {{0x{a:04X}, 0x{b:04X}}}," for a, b in pairs]
    lines += ["};", f"const size_t {name}_count = sizeof {name} / sizeof {name}[0];", ""]
    return lines


def main():
    ucd = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/unicode"
    version = open(os.path.join(ucd, "EastAsianWidth.txt"), encoding="utf-8").readline()
    version = version.strip("# \n").replace("EastAsianWidth-", "").replace(".txt", "")
    cat = categories(os.path.join(ucd, "UnicodeData.txt"))

    han = as_set(ranges_of(os.path.join(ucd, "Scripts.txt"), lambda v: v == "Han"))
    han &= as_set(ranges_of(os.path.join(ucd, "PropList.txt"), lambda v: v == "Ideographic"))

    space = {cp for cp, (gc, bidi) in cat.items() if gc == "Zs" or bidi in ("B", "S", "WS")}

    wide = as_set(ranges_of(os.path.join(ucd, "EastAsianWidth.txt"), lambda v: v in ("W", "F", "A")))
    # unlisted code points of these blocks and planes default to W (the file's header)
    for lo, hi in ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2FFFD),
                   (0x30000, 0x3FFFD)):
        wide.update(cp for cp in range(lo, hi + 1) if cp not in cat)
    wide -= {cp for cp, (gc, _) in cat.items() if gc in ("Mn", "Me", "Mc")}

    out = [
        "/* Generated by tools/gen_unicode.py from the Unicode Character Database",
        f" * {version} (Debian's unicode-data): do not edit, run `make unicode`. */",
        '#include "unicode_tables.h"',
        "",
        "// clang-format off",
    ]
    out += table("gw_han_ranges", "Script=Han and Ideographic", merge(han))
    out += table("gw_space_ranges", "Zs, or bidi class B, S or WS (Python's str.isspace)",
                 merge(space))
    out += table("gw_wide_ranges", "East_Asian_Width W, F or A, less combining marks",
                 merge(wide))
    out += folds("gw_radical_folds", "radicals and the BMP ideographs they stand for",
                 radical_folds(os.path.join(ucd, "EquivalentUnifiedIdeograph.txt")))
    out += ["// clang-format on"]
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
