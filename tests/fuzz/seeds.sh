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
