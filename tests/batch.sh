#!/bin/sh
# Batches (gongwen -O OUTDIR FILE|DIR...): the tree of inputs mirrored per
# format, outputs the same as one file at a time, a failed file reported
# and the rest converted, the manifest, --incremental, --include and
# --exclude, and the usage errors. Usage: sh tests/batch.sh ./gongwen
set -u
GW=${1:-./gongwen}
. "$(dirname "$0")/lib.sh"
export LC_ALL=C.UTF-8
unset LANGUAGE

cd "$T"
mkdir -p in/sub in/.hidden in/skip
for f in "$ROOT"/samples/*.txt; do cp "$f" in/; done
cp "$ROOT/samples/nantong-2024.txt" in/sub/nested.txt
cp "$ROOT/samples/nantong-2024.txt" in/.hidden/h.txt
cp "$ROOT/samples/nantong-2024.txt" in/skip/s.txt
printf '一、总则\n正文\377内容\n' >in/sub/bad.txt
echo notes >in/sub/readme.md
nsamples=$(ls in/*.txt | wc -l)

expect 1 "a batch with one bad file" -- "$GW" -t html,md,xml -j 2 -O res --include '*.txt' \
    --exclude skip --manifest m.jsonl in
has "$T/err" "in/sub/bad.txt:2:3: error: invalid UTF-8 byte 0xFF" "the failed file's line"
has "$T/err" "converted, 0 unchanged, 1 failed" "the summary"
[ "$(grep -c error: "$T/err")" = 1 ] && ok || bad "one line per failed file, got: $(cat "$T/err")"
# not a terminal: no progress line
hasnt "$T/err" "files/s" "progress without a terminal"
for f in in/*.txt; do
    n=$(basename "$f" .txt)
    for e in html md xml; do [ -s "res/$n.$e" ] || bad "res/$n.$e missing"; done
    # the batch writes what a single run writes (same source name: run in in/)
    (cd in && "$GW" -t html "$n.txt") >single.html 2>/dev/null
    cmp -s single.html "res/$n.html" && ok || bad "res/$n.html differs from a single run's"
done
[ -s res/sub/nested.html ] && ok || bad "the tree under a directory not mirrored"
for x in res/sub/bad.html res/sub/readme.html res/s.html res/skip res/h.html res/.hidden; do
    [ -e "$x" ] && bad "$x should not exist (failed, excluded, hidden or not included)" || ok
done
find res -name '.gongwen-*' | grep -q . && bad "temporary files left in res/" || ok

# the manifest: one valid record per input, in input order
python3 - m.jsonl "$nsamples" <<'PY' && ok || bad "manifest"
import json, sys, hashlib
recs = [json.loads(l) for l in open(sys.argv[1])]
n = int(sys.argv[2])
assert len(recs) == n + 2, len(recs)
keys = {"path", "size", "sha256", "encoding", "format", "outputs", "headings", "tables",
        "notes", "diagnostics", "status", "ms"}
for r in recs:
    assert keys <= set(r), r.keys()
    data = open(r["path"], "rb").read()
    assert r["size"] == len(data) and r["sha256"] == hashlib.sha256(data).hexdigest(), r["path"]
ok = [r for r in recs if r["status"] == "ok"]
bad = [r for r in recs if r["status"] == "failed"]
assert len(ok) == n + 1 and len(bad) == 1 and bad[0]["path"] == "in/sub/bad.txt"
assert bad[0]["outputs"] == [] and "invalid UTF-8" in bad[0]["error"]
assert all(r["headings"] > 0 and len(r["outputs"]) == 3 for r in ok)
assert [r["path"] for r in recs] == sorted(r["path"] for r in recs)
PY

# --incremental: nothing changed, nothing converted; a changed input and a
# deleted output are converted again
sleep 1
touch -d '2000-01-01' res/*.html
expect 1 "incremental, nothing changed" -- "$GW" -t html,md,xml -O res --include '*.txt' \
    --exclude skip --manifest m.jsonl --incremental in
has "$T/err" "0 converted, $((nsamples + 1)) unchanged, 1 failed" "incremental summary"
[ -z "$(find res -name '*.html' -newer m.jsonl)" ] && ok || bad "incremental rewrote outputs"
printf '\n' >>in/sub/nested.txt
rm res/nantong-2024.md
expect 1 "incremental, two changed" -- "$GW" -t html,md,xml -O res --include '*.txt' \
    --exclude skip --manifest m.jsonl --incremental in
has "$T/err" "2 converted, $((nsamples - 1)) unchanged, 1 failed" "changed input and lost output reconverted"
[ -s res/nantong-2024.md ] && ok || bad "the deleted output not written again"

# a web page in the batch: read by content, its format in the manifest
mkdir -p web
printf '<!DOCTYPE html><html><body><p>一、总则</p><p>正文。</p></body></html>\n' >web/page.html
expect 0 "an HTML input" -- "$GW" -O resw --manifest w.jsonl web
grep -q '"format":"html"' w.jsonl && ok || bad "the manifest does not record the HTML format: $(cat w.jsonl)"
[ -s resw/page.xml ] && ok || bad "no output for the HTML input"

# files named one by one keep their own names; -j 1 writes the same
expect 0 "files, -j 1" -- "$GW" -j 1 -O out1 in/sub/nested.txt in/nantong-2024.txt
[ -s out1/nested.xml ] && [ -s out1/nantong-2024.xml ] && ok || bad "files named alone"
# the output directory inside an input directory is not an input
expect 0 "outdir inside the input" -- "$GW" -O in/sub/o in/sub/nested.txt
expect 0 "outdir inside the input, again" -- "$GW" -O in/sub/o --include '*.txt' --exclude bad.txt in/sub
[ -e in/sub/o/o ] && bad "converted its own outputs" || ok

expect 2 "two inputs, one name" -- "$GW" -O out2 in/nantong-2024.txt in/skip/../nantong-2024.txt
has "$T/err" "has the same output name" "collision message"
expect 2 "-O without inputs" -- "$GW" -O out2
expect 2 "--incremental without --manifest" -- "$GW" -O out2 --incremental in
expect 2 "-j 0" -- "$GW" -j 0 -O out2 in
expect 2 "several formats without -O" -- "$GW" -t html,md in/nantong-2024.txt
expect 2 "--manifest without -O" -- "$GW" --manifest m in/nantong-2024.txt
expect 2 "unknown format in a batch" -- "$GW" -t html,nosuch -O out2 in
has "$T/err" "unknown output format 'nosuch'" "unknown format named"
[ -e out2 ] && bad "a usage error wrote outputs" || ok

# on a terminal (script(1) gives one), a progress line: done/total, rate, ETA
if command -v script >/dev/null; then
    script -qec "\"$GW\" -j 2 -O tty in/nantong-2024.txt in/sub/nested.txt" /dev/null >tty.log 2>&1
    grep -q '2/2  [0-9.]* files/s  ETA 0:00' tty.log && ok || bad "no progress line on a terminal: $(cat -v tty.log)"
fi

echo "batch: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
