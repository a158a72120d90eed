#!/bin/sh
# After an AFL++ run: for each saved crash, what the harness says when it
# replays the input alone, and the input as base64, so that a crash found on
# a CI machine can be copied from its log into tests/fuzz/regressions/.
# Exits 1 when there is any crash. Usage: afl-crashes.sh HARNESS CRASHDIR
set -u
harness=$1
dir=$2
n=0
for f in "$dir"/id:*; do
    [ -f "$f" ] || continue
    n=$((n + 1))
    echo "afl crash $n: $(basename "$f")"
    "$harness" "$f" 2>&1 | grep -m 3 -E 'invariant|ERROR|SUMMARY' | sed 's/^/    /'
    echo "    base64 (decode into tests/fuzz/regressions/NAME):"
    base64 -w 100 "$f" | head -n 40 | sed 's/^/    /'
done
echo "afl: $n crashes in $dir"
[ "$n" -eq 0 ]
