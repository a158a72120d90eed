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

# ---- limits ---------------------------------------------------------------
# per batch: refused whole before anything is converted (exit 2, no output)
mkdir lim
printf '一、总则\n\n正文。\n' >lim/small.txt
cp "$ROOT/samples/nantong-2024.txt" "$ROOT/samples/xuzhou-2024.txt" lim/
big=$(wc -c <lim/nantong-2024.txt)
expect 2 "--max-files" -- "$GW" -O limout --max-files=2 lim
has "$T/err" "3 inputs, more than --max-files=2" "--max-files message"
expect 2 "--max-total" -- "$GW" -O limout --max-total=1K lim
has "$T/err" "the inputs add up to [0-9]* bytes, more than --max-total=1024" "--max-total message"
[ -e limout ] && bad "a batch over a limit wrote outputs" || ok
expect 0 "within --max-files and --max-total" -- "$GW" -O limout --max-files=3 --max-total=10M lim
# per file, as a single run: a larger input fails unread, the rest goes on
rm -rf limout
expect 1 "--max-input" -- "$GW" -t html -O limout --max-input=1K --manifest lim.jsonl lim
has "$T/err" "lim/nantong-2024.txt: the input is larger than 1024 bytes (--max-input)" "--max-input message"
has "$T/err" "1 converted, 0 unchanged, 2 failed" "--max-input summary"
[ -s limout/small.html ] && ok || bad "the small input was not converted beside the large ones"
[ -e limout/nantong-2024.html ] && bad "an input over --max-input was converted" || ok
grep 'nantong-2024.txt"' lim.jsonl | grep -q "\"size\":$big" && ok || bad "the manifest lacks the refused input's size: $(cat lim.jsonl)"
expect 0 "--max-input=0 is no limit" -- "$GW" -t html -O limout --max-input=0 lim
# --max-output applies to each output of a batch
rm -rf limout
expect 1 "--max-output in a batch" -- "$GW" -t md,xml -O limout --max-output=4K lim
has "$T/err" "would be larger than 4096 bytes (--max-output)" "--max-output message in a batch"
[ -s limout/small.md ] && [ -s limout/small.xml ] && ok || bad "small outputs under --max-output not written"
[ -e limout/xuzhou-2024.md ] && bad "an output over --max-output was written" || ok
find limout -name '.gongwen-*' | grep -q . && bad "temporary files left by --max-output" || ok
# --xslt-timeout and --xslt-read apply to a batch's stylesheets (-t NAME:
# NAME.xsl in the stylesheet directory)
mkdir xs
python3 -c "print('一、总则'); print('（一）项目。正文。\n' * 300)" >lim/mid.txt
sheet() {
    printf '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"><xsl:template match="/">%s</xsl:template></xsl:stylesheet>\n' "$2" >"xs/$1.xsl"
}
sheet slow '<xsl:for-each select="//node()"><xsl:for-each select="//node()"><xsl:for-each select="//node()"><xsl:value-of select="name()"/></xsl:for-each></xsl:for-each></xsl:for-each>'
echo '<d>in-dir</d>' >xs/near.xml
sheet readnear "<xsl:value-of select=\"document('$T/xs/near.xml')/d\"/>"
expect 1 "--xslt-timeout in a batch" -- timeout 60 env GONGWEN_XSLT_DIR="$T/xs" "$GW" -t slow -O slowout \
    --xslt-timeout=1 lim/mid.txt lim/small.txt
has "$T/err" "ran longer than 1 seconds" "--xslt-timeout message in a batch"
[ -e slowout/mid.slow ] && bad "a stopped stylesheet left an output" || ok
expect 0 "document() in a batch" -- env GONGWEN_XSLT_DIR="$T/xs" "$GW" -t readnear -O readout lim/small.txt
has readout/small.readnear "in-dir" "document() read in a batch"
expect 1 "--xslt-read=none in a batch" -- env GONGWEN_XSLT_DIR="$T/xs" "$GW" -t readnear -O readout2 \
    --xslt-read=none lim/small.txt
has "$T/err" "refused" "--xslt-read=none in a batch"
# usage
expect 2 "--max-files without -O" -- "$GW" --max-files=3 lim/small.txt
has "$T/err" "go with -O OUTDIR" "--max-files needs -O"
expect 2 "--max-input=lots" -- "$GW" -O limout --max-input=lots lim
expect 2 "--max-files=-1" -- "$GW" -O limout --max-files=-1 lim

# on a terminal (script(1) gives one), a progress line: done/total, rate, ETA
if command -v script >/dev/null; then
    script -qec "\"$GW\" -j 2 -O tty in/nantong-2024.txt in/sub/nested.txt" /dev/null >tty.log 2>&1
    grep -q '2/2  [0-9.]* files/s  ETA 0:00' tty.log && ok || bad "no progress line on a terminal: $(cat -v tty.log)"
fi

echo "batch: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
