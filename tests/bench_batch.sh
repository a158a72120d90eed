#!/bin/sh
# Batch speed (make bench): 1,000 reports (the samples and the corpus,
# repeated) to HTML and XML three ways: one batch with -j 2, one with -j 1,
# and 1,000 separate gongwen processes (two runs each). Prints one line per
# way with the wall time and files/s. Usage: sh tests/bench_batch.sh ./gongwen
set -u
GW=${1:-./gongwen}
case $GW in /*) ;; *) GW=$(pwd)/$GW ;; esac
ROOT=$(cd "$(dirname "$0")/.." && pwd)
N=${BENCH_FILES:-1000}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
mkdir "$T/in"
set -- "$ROOT"/samples/*.txt "$ROOT"/tests/corpus/*.txt
i=0
while [ $i -lt "$N" ]; do
    for f in "$@"; do
        [ $i -lt "$N" ] || break
        cp "$f" "$T/in/$i-$(basename "$f")"
        i=$((i + 1))
    done
done
now() { date +%s.%N; }
line() { awk -v w="$1" -v a="$2" -v b="$3" -v n="$N" \
    'BEGIN { t = b - a; printf "bench batch: %-22s %7.2f s  %7.1f files/s\n", w, t, n / t }'; }
for run in 1 2; do
    for j in 2 1; do
        rm -rf "$T/out"
        a=$(now)
        "$GW" -t html,xml -j $j -O "$T/out" "$T/in" 2>/dev/null
        line "-j $j (run $run)" "$a" "$(now)"
    done
    rm -rf "$T/out" && mkdir "$T/out"
    a=$(now)
    for f in "$T"/in/*.txt; do
        b=$(basename "$f" .txt)
        "$GW" -t html -o "$T/out/$b.html" "$f" 2>/dev/null
        "$GW" -t xml -o "$T/out/$b.xml" "$f" 2>/dev/null
    done
    line "processes (run $run)" "$a" "$(now)"
done
echo "bench batch: $(nproc) CPUs; each file to html and xml"
