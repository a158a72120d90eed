#!/bin/sh
# Seed corpus for the fuzzer: the samples, the test inputs, and small
# slices of them, each behind an options byte. Usage: seeds.sh DIR
set -eu
out=$1
mkdir -p "$out"
n=0
for f in samples/*.txt tests/corpus/*.txt tests/fuzz/regressions/*; do
    [ -f "$f" ] || continue
    n=$((n + 1))
    { printf '\000'; cat "$f"; } >"$out/whole-$n"
    # slices of 40 lines, so the fuzzer starts from small structured inputs
    lines=$(wc -l <"$f")
    start=1
    while [ "$start" -le "$lines" ]; do
        { printf '\004'; sed -n "${start},$((start + 39))p" "$f"; } >"$out/slice-$n-$start"
        start=$((start + 40))
    done
done
# the readers: Word files, web pages and PDFs, whole (small ones) behind a
# zero options byte, so the fuzzer starts from zip-, HTML- and PDF-shaped input
tmp=$(mktemp -d)
python3 tests/readers/make_docx.py "$tmp/features.docx" features
python3 tests/readers/make_docx.py "$tmp/styles.docx" styles
python3 tests/readers/make_image.py "$tmp/scan.png" "$tmp/scan.pdf"
for f in tests/readers/*.docx tests/readers/*.html "$tmp/features.docx" "$tmp/styles.docx" "$tmp/scan.pdf"; do
    [ -f "$f" ] || continue
    n=$((n + 1))
    { printf '\000'; cat "$f"; } >"$out/reader-$n"
done
rm -rf "$tmp"
