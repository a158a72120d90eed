#!/bin/sh
# Batch speed (make bench-batch, part of make bench): 1,000 reports (the
# samples and the corpus, repeated) to HTML three ways: one batch with -j 2,
# one with -j 1, and 1,000 separate gongwen processes. Each way runs
# BENCH_RUNS times (default 2) and its best time is kept; the outputs of
# every way are counted and compared, so that a way that failed fast does
# not pass for a fast one. Then the -j 2 batch once more on a terminal
# (script(1)), to show the progress line it draws there.
# Usage: sh bench/batch.sh ./gongwen   (BENCH_FILES=N for another count)
set -u
GW=${1:-./gongwen}
case $GW in /*) ;; *) GW=$(pwd)/$GW ;; esac
ROOT=$(cd "$(dirname "$0")/.." && pwd)
N=${BENCH_FILES:-1000}
RUNS=${BENCH_RUNS:-2}
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
bytes=$(cat "$T"/in/*.txt | wc -c)
now() { date +%s.%N; }
fail() { echo "bench batch: $*" >&2; exit 1; }
# checks a way's outputs: N files, the same bytes as the first way's
outputs() {
    [ "$(ls "$T/out" | wc -l)" = "$N" ] || fail "$1 wrote $(ls "$T/out" | wc -l) outputs, not $N"
    if [ -d "$T/ref" ]; then
        diff -rq "$T/ref" "$T/out" >/dev/null || fail "$1 wrote other outputs than the -j 2 batch"
    else
        cp -r "$T/out" "$T/ref"
    fi
}
way() { # NAME: runs it RUNS times, prints the best
    best=
    r=0
    while [ $r -lt "$RUNS" ]; do
        rm -rf "$T/out" && mkdir "$T/out"
        a=$(now)
        case $1 in
        j*) "$GW" -t html -j "${1#j}" -O "$T/out" "$T/in" 2>"$T/err" || fail "-j ${1#j}: $(tail -3 "$T/err")" ;;
        processes)
            for f in "$T"/in/*.txt; do
                b=$(basename "$f" .txt)
                "$GW" -t html -o "$T/out/$b.html" "$f" 2>>"$T/err" || fail "$f: $(tail -3 "$T/err")"
            done
            ;;
        esac
        t=$(awk -v a="$a" -v b="$(now)" 'BEGIN { print b - a }')
        outputs "$1"
        best=$(echo "$t $best" | awk '{ print ($2 == "" || $1 < $2) ? $1 : $2 }')
        r=$((r + 1))
    done
    eval "best_$1=$best"
    awk -v w="$2" -v t="$best" -v n="$N" \
        'BEGIN { printf "bench batch: %-26s %7.2f s  %7.1f files/s\n", w, t, n / t }'
}
echo "bench batch: $N reports ($bytes bytes) to HTML, $(nproc) CPUs, best of $RUNS runs"
way j2 "one batch, -j 2"
way j1 "one batch, -j 1"
way processes "$N processes, one per file"
# shellcheck disable=SC2154 # set by way()
awk -v a="$best_j2" -v b="$best_j1" -v c="$best_processes" 'BEGIN {
    printf "bench batch: -j 2 is %.2fx the speed of -j 1 and %.2fx that of separate processes\n", b / a, c / a }'
# on a terminal: the progress line (done/total, rate, ETA), its last frame
if command -v script >/dev/null; then
    rm -rf "$T/out"
    script -qec "\"$GW\" -t html -j 2 -O \"$T/out\" \"$T/in\"" /dev/null >"$T/tty" 2>&1
    last=$(tr '\r' '\n' <"$T/tty" | sed 's/\x1b\[K//g' | grep "^$N/$N " | tail -1)
    [ -n "$last" ] || fail "no progress line on a terminal: $(tail -c 300 "$T/tty" | cat -v)"
    frames=$(tr '\r' '\n' <"$T/tty" | grep -c "files/s")
    echo "bench batch: on a terminal, $frames progress frames, the last: $last"
fi
