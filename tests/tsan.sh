#!/bin/sh
# A batch under ThreadSanitizer (make tsan-test builds the binary): every
# sample and corpus report, repeated, several formats, 2 workers plus this
# thread. Any report of a data race fails. Usage: sh tests/tsan.sh BINARY
set -u
GW=${1:?usage: tsan.sh BINARY}
case $GW in /*) ;; *) GW=$(pwd)/$GW ;; esac
ROOT=$(cd "$(dirname "$0")/.." && pwd)
nm "$GW" | grep -q __tsan_init || { echo "tsan: $GW is not built with -fsanitize=thread"; exit 1; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
for k in 1 2 3; do
    mkdir -p "$T/in/$k"
    cp "$ROOT"/samples/*.txt "$T/in/$k/"
    find "$ROOT/tests/corpus" -name '*.txt' -exec cp {} "$T/in/$k/" \; 2>/dev/null
done
n=$(find "$T/in" -type f | wc -l)
GONGWEN_XSLT_DIR=$ROOT/xslt TSAN_OPTIONS="halt_on_error=1 exitcode=66 second_deadlock_stack=1" \
    "$GW" -t xml,html,markdown,outline -j 2 -O "$T/out" --manifest "$T/m.jsonl" "$T/in" 2>"$T/err"
rc=$?
if grep -q 'ThreadSanitizer' "$T/err" || [ $rc = 66 ]; then
    head -60 "$T/err"; echo "tsan: data race reported"; exit 1
fi
# a corpus file may fail to convert; the run itself must have covered all
[ "$(wc -l <"$T/m.jsonl")" = "$n" ] || { cat "$T/err"; echo "tsan: manifest has not $n records"; exit 1; }
echo "tsan: $n files, 2 workers, no race reported (exit $rc)"
