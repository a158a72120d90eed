#!/bin/sh
# Report variants beyond the samples (tests/corpus/*.txt and *.md, each with a
# hand-made gold outline): every case converts, validates and is lossless;
# every case not listed in tests/corpus/PENDING scores 1.000 on every kind.
# Usage: sh tests/corpus.sh ./gongwen   (from the repository root)
set -u
GW=${1:-./gongwen}
. "$(dirname "$0")/lib.sh"
for src in tests/corpus/*.txt tests/corpus/*.md; do
    name=$(basename "${src%.*}")
    case $name in FINDINGS*) continue ;; esac # the notes on the cases
    if "$GW" -o "$T/$name.xml" "$src"; then ok; else bad "$name: gongwen failed"; continue; fi
    if xmllint --noout --relaxng grammar/gongwen.rng "$T/$name.xml" 2>"$T/err"; then ok; else
        bad "$name: not valid: $(head -c 300 "$T/err")"; fi
    case $src in
    *.md)
        # Markdown: its text is the document's, markup aside (grammar/README.md
        # §2); lines are the file's, columns those of the text without markup
        if python3 tests/readers/lossless.py markdown "$src" "$T/$name.xml"; then ok; else bad "$name: not lossless"; fi
        ;;
    *)
        if python3 tests/lossless.py "$src" "$T/$name.xml"; then ok; else bad "$name: not lossless"; fi
        if python3 tests/ranges.py "$src" "$T/$name.xml"; then ok; else bad "$name: ranges wrong"; fi
        ;;
    esac
    "$GW" -t outline -o "$T/$name.tsv" "$src" || bad "$name: outline failed"
    python3 tests/score_outline.py "tests/corpus/$name.tsv" "$T/$name.tsv" >"$T/score"
    if grep -q "^$name " tests/corpus/PENDING; then
        echo "pending $name: $(tail -n 1 "$T/score")"
    elif [ -s "$T/score" ] && ! grep -v 'F1 1\.000$' "$T/score" >/dev/null; then ok; else
        bad "$name: outline below 1.000"
        python3 tests/score_outline.py "tests/corpus/$name.tsv" "$T/$name.tsv" -v | grep -E '^  ' | head -n 10
    fi
done
echo "corpus: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
