#!/bin/sh
# The sample reports: golden XML, schema validity through xmllint, the
# elements' source ranges (tests/ranges.py), and the
# outline scored against the hand-checked gold (every kind must be 1.000).
# Usage: sh tests/samples.sh ./gongwen   (run from the repository root)
set -u
GW=${1:-./gongwen}
. "$(dirname "$0")/lib.sh"
for src in samples/*.txt; do
    name=$(basename "$src" .txt)
    if "$GW" "$src" >"$T/$name.xml"; then ok; else bad "$name: gongwen failed"; continue; fi
    if diff -u "tests/golden/$name.xml" "$T/$name.xml" >"$T/diff"; then ok; else
        bad "$name: XML differs from tests/golden/$name.xml"; head -n 20 "$T/diff"; fi
    if xmllint --noout --relaxng grammar/gongwen.rng "$T/$name.xml" 2>"$T/err"; then ok; else
        bad "$name: not valid: $(head -c 400 "$T/err")"; fi
    if python3 tests/ranges.py "$src" "$T/$name.xml"; then ok; else bad "$name: ranges wrong"; fi
    "$GW" -t outline "$src" >"$T/$name.tsv" || bad "$name: outline failed"
    if xsltproc xslt/outline.xsl "$T/$name.xml" | cmp -s - "$T/$name.tsv"; then ok; else
        bad "$name: xsltproc xslt/outline.xsl differs from gongwen -t outline"; fi
    python3 tests/score_outline.py "tests/gold/$name.tsv" "$T/$name.tsv" >"$T/score"
    if [ -s "$T/score" ] && ! grep -v 'F1 1\.000$' "$T/score" >/dev/null; then ok; else
        bad "$name: outline below 1.000"; cat "$T/score"
        python3 tests/score_outline.py "tests/gold/$name.tsv" "$T/$name.tsv" -v | grep -E '^  ' | head -n 20
    fi
done
echo "samples: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
