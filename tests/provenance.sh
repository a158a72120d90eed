#!/bin/sh
# Provenance on the root: generator, sha256 and size of the bytes read,
# line-end style, the source's file name without directories
# (--source-name), the conversion time only with --timestamp
# (SOURCE_DATE_EPOCH), Dublin Core from the front matter, the schema link;
# every variant valid against the grammar. Usage: sh tests/provenance.sh ./gongwen
set -u
GW=${1:-./gongwen}
. "$(dirname "$0")/lib.sh"
export LC_ALL=C.UTF-8
unset LANGUAGE SOURCE_DATE_EPOCH
root() { sed -n '/<report /p' "$1"; }
valid() { xmllint --noout --relaxng "$ROOT/grammar/gongwen.rng" "$1" 2>/dev/null && ok || bad "$2: not valid"; }

mkdir -p "$T/deep/dir"
cp "$ROOT/tests/corpus/beijing-2024.txt" "$T/deep/dir/bj.txt"
expect 0 "a file in directories" -- "$GW" "$T/deep/dir/bj.txt"
cp "$T/out" "$T/bj.xml"
r=$(root "$T/bj.xml")
sum=$(sha256sum "$T/deep/dir/bj.txt" | cut -d' ' -f1)
size=$(wc -c <"$T/deep/dir/bj.txt")
for want in 'source="bj.txt"' "generator=\"gongwen $("$GW" --version | cut -d' ' -f2)\"" \
    "sha256=\"$sum\"" "size=\"$size\"" 'line-end="lf"' 'dc:title="政府工作报告"' \
    'dc:date="2024-01-21"' 'dc:creator="北京市市长　殷勇"' 'xmlns:dc="http://purl.org/dc/elements/1.1/"'; do
    case $r in *"$want"*) ok ;; *) bad "root lacks $want: $r" ;; esac
done
case $r in *converted=*) bad "a conversion time without --timestamp" ;; *) ok ;; esac
grep -q '^<?xml-model href="gongwen.rng" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>$' \
    "$T/bj.xml" && ok || bad "no xml-model link"
valid "$T/bj.xml" "provenance"
# reproducible: the same bytes under another name and time give the same tree
sleep 1
cp "$T/deep/dir/bj.txt" "$T/bj.txt"
(cd "$T" && "$GW" bj.txt) | cmp -s - "$T/bj.xml" && ok || bad "output not reproducible"

expect 0 "--source-name" -- "$GW" --source-name 北京.txt "$T/bj.txt"
has "$T/out" 'source="北京.txt"' "--source-name recorded"
expect 2 "--source-name with a directory" -- "$GW" --source-name a/b.txt "$T/bj.txt"
expect 0 "standard input" -- sh -c "\"$GW\" <\"$T/bj.txt\""
hasnt "$T/out" 'source=' "no source for standard input"
has "$T/out" "sha256=\"$sum\"" "checksum of standard input"

SOURCE_DATE_EPOCH=86400 expect 0 "--timestamp, SOURCE_DATE_EPOCH" -- "$GW" --timestamp "$T/bj.txt"
has "$T/out" 'converted="1970-01-02T00:00:00Z"' "SOURCE_DATE_EPOCH respected"
cp "$T/out" "$T/ts.xml"
valid "$T/ts.xml" "--timestamp"
expect 0 "--timestamp, now" -- "$GW" --timestamp "$T/bj.txt"
has "$T/out" "converted=\"$(date -u +%Y-%m-%d)T" "--timestamp is now"
SOURCE_DATE_EPOCH=yesterday expect 2 "bad SOURCE_DATE_EPOCH" -- "$GW" --timestamp "$T/bj.txt"
has "$T/err" "SOURCE_DATE_EPOCH wants seconds" "bad SOURCE_DATE_EPOCH named"

# line ends: one style, another, mixed, none
for c in 'lf:一、总则\n正文。\n' 'crlf:一、总则\r\n正文。\r\n' 'cr:一、总则\r正文。\r' \
    'mixed:一、总则\r\n正文。\n' ':一、总则'; do
    style=${c%%:*}
    printf "${c#*:}" >"$T/le.txt"
    "$GW" "$T/le.txt" >"$T/le.xml" 2>"$T/err" || bad "line ends $style: failed"
    if [ -n "$style" ]; then has "$T/le.xml" "line-end=\"$style\"" "line-end $style"
    else hasnt "$T/le.xml" "line-end=" "no line end, no line-end"; fi
    valid "$T/le.xml" "line-end $style"
done

# a batch records the same provenance
expect 0 "a batch" -- "$GW" -O "$T/b" "$T/deep"
cmp -s "$T/b/dir/bj.xml" "$T/bj.xml" && ok || bad "a batch's tree differs from a single run's"

echo "provenance: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
