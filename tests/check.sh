#!/bin/sh
# gongwen check: the faulty-report corpus (tests/check/NAME.txt against
# NAME.expected), the recorded findings on every sample and corpus report
# (tests/check/samples/), output formats, options, exit codes and the
# Chinese catalogue. Usage (from the repository root):
#     sh tests/check.sh ./gongwen
# UPDATE=1 rewrites the .expected files from the current output instead of
# comparing: review the diff before committing it.
set -u
GW=${1:-./gongwen}
case $GW in /*) ;; *) GW=$(pwd)/$GW ;; esac
ROOT=$(pwd)
. "$(dirname "$0")/lib.sh"
# same EXPECTED_FILE ACTUAL_FILE DESCRIPTION
same() {
    if [ "${UPDATE:-}" = 1 ]; then cp "$2" "$1"; ok; return; fi
    if cmp -s "$1" "$2"; then ok; else bad "$3"; diff "$1" "$2" | head -20; fi
}
export LC_ALL=C.UTF-8 LANG=C.UTF-8
unset LANGUAGE NO_COLOR

# The faulty-report corpus: each rule's triggering and clean cases.
cd "$ROOT/tests/check" || exit 2
for f in *.txt; do
    n=${f%.txt}
    "$GW" check --no-caret "$f" >"$T/out" 2>"$T/err"; got=$?
    want=0
    grep -q ': error: ' "$n.expected" 2>/dev/null && want=1
    [ "$got" -eq "$want" ] && ok || bad "$f: exit $got, want $want"
    same "$n.expected" "$T/err" "$f: diagnostics differ from $n.expected"
    # every diagnostic as JSON, parsed and checked
    "$GW" check --format=json "$f" >"$T/json" 2>/dev/null
    count=$(grep -c ' \[[a-z-]*\]$' "$n.expected")
    if python3 -m json.tool "$T/json" >/dev/null && python3 validate.py json "$T/json" "$count"; then
        ok
    else
        bad "$f: --format=json"
    fi
done
# Source lines and carets, as GCC prints them.
"$GW" check numbering-gap.txt whitespace.txt encoding.txt 2>"$T/err"
same carets.expected "$T/err" "source lines and carets differ from carets.expected"

# The samples and the realistic corpus: their findings, recorded and
# reviewed in tests/check/samples/REVIEW.md.
cd "$ROOT" || exit 2
for f in samples/*.txt tests/corpus/*.txt; do
    n=$(basename "$f" .txt)
    "$GW" check --no-caret "$f" 2>"$T/err"
    same "tests/check/samples/$n.expected" "$T/err" "$f: findings differ from tests/check/samples/$n.expected"
done
expect 0 "haizhou: warnings only" -- "$GW" check samples/haizhou-14th-plan.txt
has "$T/err" "haizhou-14th-plan.txt:706:1: warning: missing 第一节" "the missing 第一节 at line 706"

# JSON and SARIF over several files at once.
cd "$ROOT/tests/check" || exit 2
expect 1 "json over all" -- "$GW" check --format=json ./*.txt
cp "$T/out" "$T/all.json"
total=0
for f in ./*.txt; do total=$((total + $(grep -c ' \[[a-z-]*\]$' "${f%.txt}.expected"))); done
if python3 -m json.tool "$T/all.json" >/dev/null && python3 validate.py json "$T/all.json" "$total"; then ok; else bad "json over all files"; fi
expect 1 "sarif over all" -- "$GW" check --format=sarif ./*.txt
cp "$T/out" "$T/all.sarif"
if python3 validate.py sarif "$T/all.sarif" "$total"; then ok; else bad "sarif over all files"; fi
has "$T/all.sarif" '"uri": "./numbering-gap.txt"' "sarif artifact uri"
expect 0 "sarif of a clean file" -- "$GW" check --format=sarif numbering-gap-ok.txt
if python3 validate.py sarif "$T/out" 0; then ok; else bad "sarif with no results"; fi
has "$T/err" "no problems in 1 file" "summary of a clean file"

# Summary line and exit status.
expect 1 "summary" -- "$GW" check --no-caret numbering-gap.txt encoding.txt
has "$T/err" "^5 warnings, 4 errors in 2 files$" "summary line"
expect 0 "warnings pass by default" -- "$GW" check numbering-gap.txt
expect 1 "--fail-on warning" -- "$GW" check --fail-on warning numbering-gap.txt
expect 0 "--fail-on warning, notes only" -- "$GW" check --fail-on=warning whitespace.txt
expect 1 "--fail-on note" -- "$GW" check --fail-on note whitespace.txt
expect 2 "--fail-on bogus" -- "$GW" check --fail-on bogus whitespace.txt
expect 2 "missing file" -- "$GW" check "$T/nope.txt"
has "$T/err" "nope.txt: No such file or directory" "missing file message"
hasnt "$T/err" "no problems in 0 files" "a file that could not be read is no file without problems"
has "$T/err" "^1 file could not be checked$" "the summary says a file could not be checked"
expect 2 "missing file among good ones" -- "$GW" check --no-caret "$T/nope.txt" numbering-gap.txt
has "$T/err" "numbering-gap.txt:21:1: warning" "the good file is still checked"
has "$T/err" "^5 warnings in 1 file; 1 file could not be checked$" "summary with a file not checked"
expect 2 "missing file and a clean one" -- "$GW" check "$T/nope.txt" numbering-gap-ok.txt
has "$T/err" "^no problems in 1 file; 1 file could not be checked$" "clean summary with a file not checked"
expect 2 "a missing directory" -- "$GW" check "$T/no-such-dir/"
expect 2 "unknown option" -- "$GW" check --bogus numbering-gap.txt
has "$T/err" "unknown option --bogus" "unknown option message"
expect 2 "unknown rule" -- "$GW" check --disable no-such-rule numbering-gap.txt
expect 2 "bad format" -- "$GW" check --format=xml numbering-gap.txt
expect 2 "option without value" -- "$GW" check --format
expect 0 "--help" -- "$GW" check --help
has "$T/out" "usage: gongwen check" "--help text"
expect 0 "--list-rules" -- "$GW" check --list-rules
if [ "$(wc -l <"$T/out")" -eq 16 ]; then ok; else bad "--list-rules lists 16 rules"; fi
has "$T/out" "^encoding  *error " "encoding is an error"
has "$T/out" "^whitespace  *note " "whitespace is a note"

# --max-diagnostics: the first N findings by position, then a note at the
# first one left out; the summary and the exit status count them all.
expect 1 "--max-diagnostics=2" -- "$GW" check --no-caret --max-diagnostics=2 numbering-gap.txt encoding.txt
if [ "$(grep -c ' \[[a-z-]*\]$' "$T/err")" -eq 4 ]; then ok; else bad "--max-diagnostics=2: two findings a file"; fi
has "$T/err" "^numbering-gap.txt:[0-9]*:[0-9]*: note: 3 more findings from here on are not shown (--max-diagnostics=0 shows them all)$" "the note of the 3 left out"
has "$T/err" "^5 warnings, 4 errors in 2 files$" "the summary counts what was left out"
first=$(grep -n "" numbering-gap.expected | sed -n 3p | sed 's/^3:numbering-gap.txt:\([0-9]*:[0-9]*\):.*/\1/')
has "$T/err" "^numbering-gap.txt:$first: note: 3 more" "the note stands at the third finding ($first)"
printf '推进工作(重点)落实。\n地区生产总值增长\3776%%。\n' >"$T/late-error.txt"
expect 1 "an error left out still fails" -- "$GW" check --no-caret --max-diagnostics=1 "$T/late-error.txt"
if grep -q ': warning: .*punct-halfwidth\]$' "$T/err" && ! grep -q ': error: ' "$T/err"; then ok; else bad "a warning shown, the error left out"; fi
has "$T/err" "^2 warnings, 1 error in 1 file$" "the error left out is counted"
printf '一、总则\n%s\n' "$(python3 -c 'print("“" * 1500)')" >"$T/quotes.txt"
expect 0 "1,500 findings" -- "$GW" check --no-caret "$T/quotes.txt"
if [ "$(grep -c 'quote-unbalanced\]$' "$T/err")" -eq 1000 ]; then ok; else bad "1,000 findings by default"; fi
has "$T/err" "quotes.txt:2:1001: note: 500 more findings from here on" "the note at the 1,001st"
has "$T/err" "^1500 warnings in 1 file$" "all 1,500 counted"
expect 0 "--max-diagnostics=0" -- "$GW" check --no-caret --max-diagnostics=0 "$T/quotes.txt"
if [ "$(grep -c 'quote-unbalanced\]$' "$T/err")" -eq 1500 ] && ! grep -q "not shown" "$T/err"; then ok; else bad "--max-diagnostics=0 shows all"; fi
for fmt in json sarif; do
    expect 0 "--format=$fmt, findings left out" -- "$GW" check --format=$fmt "$T/quotes.txt"
    if python3 validate.py $fmt "$T/out" 1001; then ok; else bad "--format=$fmt: 1,000 findings and the note"; fi
    has "$T/out" '"max-diagnostics"' "--format=$fmt: the note's rule"
done
expect 0 "--format=github, findings left out" -- "$GW" check --format=github "$T/quotes.txt"
has "$T/out" "^::notice file=.*quotes.txt,line=2,col=1001,.*title=max-diagnostics::500 more findings" "--format=github: the note"
expect 2 "--max-diagnostics=many" -- "$GW" check --max-diagnostics=many whitespace.txt
has "$T/err" "max-diagnostics wants a number of findings, not 'many'" "--max-diagnostics usage error"

# Rule selection and options.
expect 0 "--disable" -- "$GW" check --no-caret --disable numbering-gap numbering-gap.txt
hasnt "$T/err" "numbering-gap" "--disable numbering-gap"
expect 0 "--disable all --enable" -- "$GW" check --no-caret --disable all --enable=level-skip level-skip.txt numbering-gap.txt
if [ "$(grep -c ': warning: ' "$T/err")" -eq 3 ] && ! grep -q 'numbering-gap\]' "$T/err"; then ok; else bad "--disable all --enable level-skip"; fi
expect 0 "--allow-level-skip" -- "$GW" check --no-caret --allow-level-skip level-skip.txt
if [ "$(grep -c 'level-skip\]' "$T/err")" -eq 1 ]; then ok; else bad "--allow-level-skip keeps only two-level skips"; fi
expect 0 "--disable encoding still decodes" -- "$GW" check --no-caret --disable encoding encoding.txt
hasnt "$T/err" "encoding\]" "--disable encoding"

# Standard input, other encodings.
expect 0 "stdin" -- sh -c "\"$GW\" check --no-caret - <numbering-gap.txt"
has "$T/err" "^<stdin>:21:1: warning: expected 第三节, found 第四节" "stdin is named <stdin>"
printf '\322\273\241\242\327\334\324\362\n\n\243\250\322\273\243\251\265\332\322\273\317\356\241\243\n' >"$T/gb.txt"
expect 0 "GB18030 input" -- "$GW" check --no-caret "$T/gb.txt"
has "$T/err" "no problems in 1 file" "GB18030 decoded and checked"
printf '\322\273\241\242\327\334\324\362\n\n\243\250\322\273\243\251\265\332\322\273\377\356\241\243\n' >"$T/gbbad.txt"
expect 1 "bad GB18030" -- "$GW" check --no-caret --encoding GB18030 "$T/gbbad.txt"
has "$T/err" "gbbad.txt:3:6: error: invalid GB18030 byte 0xFF" "GB18030 error position"

# Colour: never when not a terminal unless asked.
expect 0 "no colour into a file" -- "$GW" check numbering-gap.txt
if grep -q "$(printf '\033')" "$T/err"; then bad "colour without a terminal"; else ok; fi
expect 0 "--color=always" -- "$GW" check --color=always numbering-gap.txt
if grep -q "$(printf '\033')\[01;35mwarning:" "$T/err"; then ok; else bad "--color=always colours warnings"; fi
expect 2 "--color=bogus" -- "$GW" check --color=bogus numbering-gap.txt

# Chinese messages from the zh_CN catalogue.
if locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$'; then
    expect 0 "zh_CN" -- env LC_ALL= LANG=zh_CN.UTF-8 "$GW" check --no-caret numbering-gap.txt
    has "$T/err" "numbering-gap.txt:21:1: warning: 此处应为第三节，实为第四节 \[numbering-gap\]" "Chinese message"
    has "$T/err" "1 个文件中共有 5 个警告" "Chinese summary"
    expect 0 "zh_CN help" -- env LC_ALL= LANG=zh_CN.UTF-8 "$GW" check --help
    has "$T/out" "用法：gongwen check" "Chinese help"
elif [ "${CI:-}" = true ]; then
    bad "the zh_CN.UTF-8 locale is not installed (locale-gen it first)"
else
    echo "check: zh_CN.UTF-8 locale not installed; Chinese messages not tested"
fi

# gongwen -t xml --diagnostics=embed: the converter keeps compiling faulty
# input and puts the checker's findings, the same as --format=json gives,
# into a valid tree whose text is unchanged; stylesheets ignore them.
cd "$ROOT" || exit 2
cat >"$T/embed.py" <<'EOF'
import json, sys
import xml.etree.ElementTree as ET
NS = "{urn:gongwen:report:1}"
tree, plain, findings = ET.parse(sys.argv[1]), ET.parse(sys.argv[2]), json.load(open(sys.argv[3]))
root = tree.getroot()
d = root.find(NS + "diagnostics")
assert d is not None and root[-1] is d, "no <diagnostics> at the end of report"
got = [(e.get("rule"), e.get("severity"), int(e.get("line")), int(e.get("column")),
        int(e.get("end-line")), int(e.get("end-column")), e.get("message")) for e in d]
want = [(f["rule"], f["severity"], f["line"], f["column"], f["endLine"], f["endColumn"],
         f["message"]) for f in findings]
assert got == want, "embedded %r\nchecker  %r" % (got[:3], want[:3])
root.remove(d)
text = lambda r: "".join("".join(r.itertext()).split())  # the lossless rule's view
assert text(root) == text(plain.getroot()), "text changed"
EOF
# every format with a stylesheet (gongwen --list-formats)
STYLESHEET_FORMATS=$("$GW" --list-formats | awk -F '\t' '$2 != "-" { print $1 }')
[ -n "$STYLESHEET_FORMATS" ] && ok || bad "gongwen --list-formats lists no stylesheet formats"
for f in tests/check/numbering-gap.txt tests/check/bracket-unbalanced.txt samples/haizhou-14th-plan.txt; do
    expect 0 "embed $f" -- "$GW" --diagnostics=embed "$f"
    cp "$T/out" "$T/embed.xml"
    "$GW" "$f" >"$T/plain.xml"
    "$GW" check --format=json --fail-on=note "$f" >"$T/find.json" 2>/dev/null
    if xmllint --noout --relaxng grammar/gongwen.rng "$T/embed.xml" 2>/dev/null; then ok; else
        bad "embed $f: not valid against the grammar"; fi
    if python3 "$T/embed.py" "$T/embed.xml" "$T/plain.xml" "$T/find.json" >"$T/why" 2>&1; then ok; else
        bad "embed $f: $(tail -n 2 "$T/why")"; fi
    for t in $STYLESHEET_FORMATS; do
        "$GW" -t "$t" "$f" >"$T/a" && "$GW" -t "$t" --diagnostics=embed "$f" >"$T/b"
        if cmp -s "$T/a" "$T/b"; then ok; else bad "embed $f: -t $t output changed"; fi
    done
done
expect 0 "embed on a clean file" -- "$GW" --diagnostics=embed tests/check/numbering-gap-ok.txt
has "$T/out" "<diagnostics/>" "embed on a clean file: an empty list"
expect 2 "--diagnostics with a bad value" -- "$GW" --diagnostics=show tests/check/numbering-gap.txt
has "$T/err" "embed or none" "--diagnostics usage message"
expect 0 "--diagnostics=none" -- "$GW" --diagnostics=none tests/check/numbering-gap.txt
hasnt "$T/out" "<diagnostics" "--diagnostics=none embeds nothing"
# A message quoting a character XML cannot carry stays well-formed.
printf '一、总则\n\001（二）甲\n（四）乙\n' >"$T/ctl.txt"
expect 0 "embed with a control character" -- "$GW" --diagnostics=embed "$T/ctl.txt"
if xmllint --noout "$T/out" 2>/dev/null; then ok; else bad "embed with a control character: not well-formed"; fi

# A directory stands for the files under it, in name order, filtered by
# --include/--exclude: the same findings as the files named one by one.
cd "$ROOT/tests/check" || exit 2
mkdir -p "$T/dir/sub"
cp numbering-gap.txt "$T/dir/a.txt"
cp encoding.txt "$T/dir/sub/b.txt"
cp whitespace.txt "$T/dir/sub/c.log"
cp whitespace.txt "$T/dir/.hidden.txt"
"$GW" check --no-caret "$T/dir/a.txt" "$T/dir/sub/b.txt" 2>"$T/want"
expect 1 "a directory" -- "$GW" check --no-caret --include '*.txt' "$T/dir"
same "$T/want" "$T/err" "check of a directory differs from its files named"
has "$T/err" "in 2 files" "a directory's files counted"
expect 0 "a directory, excluded (warnings only)" -- "$GW" check --no-caret --exclude sub "$T/dir"
has "$T/err" "in 1 file" "--exclude drops a directory"
hasnt "$T/err" "b.txt" "--exclude drops its files"
# A huge heading: the message and the excerpt are capped, the place kept.
python3 -c "print('一、总则'); print('正文。'); print('二、' + '长' * 1000000); print('三、项')" >"$T/huge.txt"
expect 0 "huge heading" -- "$GW" check "$T/huge.txt"
size=$(wc -c <"$T/err")
if [ "$size" -lt 8000 ]; then ok; else bad "huge heading: $size bytes of diagnostics"; fi
has "$T/err" "huge.txt:3:1: warning: .*长…长.*\[empty-section\]" "huge heading: message cut in the middle"
has "$T/err" "^    3 | 二、长长.*长\.\.\.$" "huge heading: excerpt cut at its end"
# a finding far along a long line: the excerpt starts shortly before it
python3 -c "print('一、总则'); print('长' * 100000 + '）。')" >"$T/far.txt"
expect 0 "closer far along a line" -- "$GW" check "$T/far.txt"
has "$T/err" "^    2 | \.\.\.长*）。$" "far finding: excerpt cut at its start"
has "$T/err" "^      |    [ ]*^~$" "far finding: caret in the window"

echo "check: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
