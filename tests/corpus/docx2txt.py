#!/usr/bin/env python3
"""Flatten a .docx the way Word's "save as plain text" does: one paragraph per
line, text only (tabs dropped), UTF-8, LF line ends.  This is exactly the
flattening of /work/shared/tools/docx_leads.py (`paragraphs()`), so the line
numbers of a corpus case made from a Word file agree with the lead scorer's.

Usage: python3 tests/corpus/docx2txt.py FILE.docx > tests/corpus/NAME.txt"""
import re
import sys
import zipfile

ENTITIES = (("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&apos;", "'"))


def paragraphs(path):
    x = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    for p in re.findall(r"<w:p[ >].*?</w:p>|<w:p/>", x, flags=re.S):
        text = ""
        for r in re.findall(r"<w:r[ >].*?</w:r>", p, flags=re.S):
            t = "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>|<w:tab/>", r))
            for a, b in ENTITIES:
                t = t.replace(a, b)
            text += t
        yield text


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.stdout.reconfigure(newline="\n")
    sys.stdout.write("\n".join(paragraphs(sys.argv[1])) + "\n")


if __name__ == "__main__":
    main()
