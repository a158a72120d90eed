#!/bin/sh
# src/unicode_tables.c is what tools/gen_unicode.py makes of the installed
# Unicode data (Debian's unicode-data); run from the top of the tree.
ucd=${UCD_DIR:-/usr/share/unicode}
if [ ! -f "$ucd/EastAsianWidth.txt" ]; then
    echo "unicode: skipped ($ucd not installed)"
    exit 0
fi
fresh=$(mktemp)
trap 'rm -f "$fresh"' EXIT
python3 tools/gen_unicode.py "$ucd" > "$fresh" || { echo "unicode: tools/gen_unicode.py failed"; exit 1; }
if cmp -s "$fresh" src/unicode_tables.c; then
    echo "unicode: src/unicode_tables.c is what tools/gen_unicode.py makes"
else
    echo "unicode: src/unicode_tables.c differs from a fresh generation (make unicode):"
    diff "$fresh" src/unicode_tables.c | head -20
    exit 1
fi
