#!/bin/sh
# The test inputs' conversions under valgrind: every sample in every format,
# every corpus case as the tree and in one other format, and gongwen check. Usage: sh tests/memcheck.sh ./gongwen
set -u
GW=${1:-./gongwen}
LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT
pass=0 fail=0
# vg DESCRIPTION gongwen-args...: a non-zero exit without a valgrind report is
# a clean error exit (bad input, findings) and passes.
vg() {
    what=$1
    shift
    if valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
        "$GW" "$@" >/dev/null 2>"$LOG" || ! grep -q '==[0-9]*==' "$LOG"; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL: $what"
        head -n 30 "$LOG"
    fi
}
# NAME:STYLESHEET of every format (gongwen --list-formats; "-": built in)
FORMATS=$("$GW" --list-formats | cut -f 1,2 | tr '\t' :)
[ -n "$FORMATS" ] || { echo "FAIL: gongwen --list-formats"; exit 1; }
# The samples in every format. The C code a stylesheet format runs is the
# same for every format (transform, serialize, zip for docx/odt), so each
# corpus case and fuzz regression goes through the tree (xml: all of the
# recognizer) and one stylesheet format in turn: every format still meets
# about a tenth of the corpus, at a fifth of the runs of all of them on all.
STYLED=
for fx in $FORMATS; do
    fmt=${fx%%:*} xsl=${fx#*:}
    [ "$xsl" = - ] || [ -f "xslt/$xsl" ] || continue
    [ "$xsl" = - ] || STYLED="$STYLED $fmt"
done
set -- $STYLED
nstyled=$#
for src in samples/*.txt; do
    for fmt in xml $STYLED; do
        vg "$src -t $fmt" -t "$fmt" --encoding-errors=replace "$src"
    done
done
k=0
for src in tests/corpus/*.txt tests/fuzz/regressions/*; do
    [ -f "$src" ] || continue
    vg "$src -t xml" -t xml --encoding-errors=replace "$src"
    # the (k mod n)-th stylesheet format
    set -- $STYLED
    shift $((k % nstyled))
    vg "$src -t $1" -t "$1" --encoding-errors=replace "$src"
    k=$((k + 1))
done
# the readers: every fixture of tests/readers (Word, WPS, web page, PDF,
# Markdown)
for src in tests/readers/*.docx tests/readers/*.html tests/readers/*.pdf tests/readers/*.doc tests/readers/*.md; do
    [ -f "$src" ] || continue
    vg "$src" "$src"
    vg "$src -t outline" -t outline "$src"
done
# gongwen check in each output format, over the samples, the corpus and the
# faulty reports, and the converter with the findings embedded.
for fmt in text json sarif; do
    vg "check --format=$fmt" check --format=$fmt samples/*.txt tests/corpus/*.txt tests/check/*.txt
done
for src in samples/haizhou-14th-plan.txt tests/check/*.txt; do
    vg "--diagnostics=embed $src" --diagnostics=embed --encoding-errors=replace "$src"
done
echo "memcheck: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
