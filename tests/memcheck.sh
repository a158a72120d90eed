#!/bin/sh
# The test inputs' conversions under valgrind: every sample and corpus case
# in every format whose stylesheet exists, and gongwen check. Usage: sh tests/memcheck.sh ./gongwen
set -u
GW=${1:-./gongwen}
pass=0 fail=0
for src in samples/*.txt tests/corpus/*.txt tests/fuzz/regressions/*; do
    [ -f "$src" ] || continue
    for fmt in xml outline html markdown docbook csv text; do
        [ "$fmt" = xml ] || [ -f "xslt/$fmt.xsl" ] || continue
        if valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
            "$GW" -t "$fmt" --encoding-errors=replace "$src" >/dev/null 2>/tmp/memcheck.$$; then
            pass=$((pass + 1))
        elif grep -q '==[0-9]*==' /tmp/memcheck.$$; then
            fail=$((fail + 1))
            echo "FAIL: $src -t $fmt"
            head -n 30 /tmp/memcheck.$$
        else
            pass=$((pass + 1)) # a clean error exit (bad input) is fine
        fi
    done
done
# gongwen check in each output format, over the samples, the corpus and the
# faulty reports, and the converter with the findings embedded.
for fmt in text json sarif; do
    if valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
        "$GW" check --format=$fmt samples/*.txt tests/corpus/*.txt tests/check/*.txt >/dev/null 2>/tmp/memcheck.$$; then
        pass=$((pass + 1))
    elif grep -q '==[0-9]*==' /tmp/memcheck.$$; then
        fail=$((fail + 1))
        echo "FAIL: check --format=$fmt"
        head -n 30 /tmp/memcheck.$$
    else
        pass=$((pass + 1)) # findings give exit 1
    fi
done
for src in samples/haizhou-14th-plan.txt tests/check/*.txt; do
    if valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
        "$GW" --diagnostics=embed --encoding-errors=replace "$src" >/dev/null 2>/tmp/memcheck.$$ ||
        ! grep -q '==[0-9]*==' /tmp/memcheck.$$; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL: --diagnostics=embed $src"
        head -n 30 /tmp/memcheck.$$
    fi
done
rm -f /tmp/memcheck.$$
echo "memcheck: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
