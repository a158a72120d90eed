#!/bin/sh
# gongwen check --fix and --diff: the sure fixes applied in place (the
# same ones the language server offers), shown as a diff patch(1) applies,
# the file's encoding, BOM and line ends kept, and what is not fixed left
# alone. Usage (from the repository root): sh tests/fix.sh ./gongwen
set -u
GW=${1:-./gongwen}
. "$(dirname "$0")/lib.sh"
export LC_ALL=C.UTF-8 LANG=C.UTF-8
unset LANGUAGE NO_COLOR
cd "$T" || exit 2

# A sample with a numbering gap (二、 and 三、 written 三、 and 四、) and
# ASCII parentheses between Chinese characters: --fix gives the sample back.
S=$ROOT/samples/yangzhou-2024.txt
sed -e '53s/^二、/三、/' -e '145s/^三、/四、/' -e '15s/县（市、区）营商/县(市、区)营商/' \
    "$S" >broken.txt
cmp -s broken.txt "$S" && bad "the broken copy differs from the sample"
cp broken.txt y.txt
expect 1 "before: warnings found" -- "$GW" check --fail-on warning --no-caret y.txt
has "$T/err" "y.txt:53:1: warning: expected 二、, found 三、 \[numbering-gap\]" "the gap"
has "$T/err" "y.txt:15:37: warning: ASCII ( between" "the ASCII ("
expect 0 "--fix: nothing remains" -- "$GW" check --fix --fail-on warning --no-caret y.txt
has "$T/err" "no problems in 1 file" "--fix reports what remains (nothing)"
if cmp -s y.txt "$S"; then ok; else bad "--fix did not give the sample back"; diff "$S" y.txt | head; fi
cp y.txt once.txt
expect 0 "--fix again" -- "$GW" check --fix --fail-on warning y.txt
if cmp -s y.txt once.txt; then ok; else bad "a second --fix changed the file"; fi
expect 0 "--diff of a fixed file" -- "$GW" check --diff y.txt
[ -s "$T/out" ] && bad "--diff of a fixed file printed $(head -c 200 "$T/out")" || ok

# --diff: the file unchanged, the hunks those of diff -u, and patch(1)
# applies them to give what --fix writes.
cp broken.txt d.txt
expect 0 "--diff" -- "$GW" check --diff d.txt
cp "$T/out" d.diff
if cmp -s d.txt broken.txt; then ok; else bad "--diff changed the file"; fi
head -2 d.diff >head.got
printf -- '--- d.txt\n+++ d.txt\n' >head.want
cmp -s head.got head.want && ok || bad "--diff headers: $(cat head.got)"
diff -u broken.txt "$S" | tail -n +3 >hunks.want
tail -n +3 d.diff >hunks.got
if cmp -s hunks.want hunks.got; then ok; else bad "--diff hunks differ from diff -u"; diff hunks.want hunks.got | head; fi
if patch -s -p0 <d.diff && cmp -s d.txt "$S"; then ok; else bad "patch(1) did not apply --diff"; fi
has "$T/err" "no problems in 1 file" "--diff reports what would remain"

# Several changed lines close together share a hunk; a last line without
# a line end is marked as diff -u marks it.
printf '一、甲\n\n三、乙\n\n四、丙\n说明(一)事项   \n末行有空格 ' >near.txt
printf '一、甲\n\n二、乙\n\n三、丙\n说明（一）事项\n末行有空格' >near.want
expect 0 "--diff near" -- "$GW" check --diff near.txt
diff -u near.txt near.want | tail -n +3 >hunks.want
tail -n +3 "$T/out" >hunks.got
if cmp -s hunks.want hunks.got; then ok; else bad "near: --diff hunks differ from diff -u"; diff hunks.want hunks.got; fi
has hunks.got '^\\ No newline at end of file' "near: the last line's missing line end"
cp "$T/out" near.diff
if patch -s -p0 <near.diff && cmp -s near.txt near.want; then ok; else bad "near: patch(1)"; fi

# Encodings and line ends are kept: GBK with CRLF, UTF-16LE and UTF-8 with
# a BOM, each fixed to the sample in the same form.
crlf() { sed 's/$/\r/' "$1"; }
crlf broken.txt | iconv -f UTF-8 -t GBK >gbk.txt
crlf "$S" | iconv -f UTF-8 -t GBK >gbk.want
expect 0 "GBK CRLF" -- "$GW" check --fix gbk.txt
cmp -s gbk.txt gbk.want && ok || bad "GBK with CRLF not kept"
{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE broken.txt; } >u16.txt
{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE "$S"; } >u16.want
expect 0 "UTF-16LE" -- "$GW" check --fix u16.txt
cmp -s u16.txt u16.want && ok || bad "UTF-16LE with its BOM not kept"
{ printf '\357\273\277'; crlf broken.txt; } >bom.txt
{ printf '\357\273\277'; crlf "$S"; } >bom.want
expect 0 "UTF-8 BOM" -- "$GW" check --fix bom.txt
cmp -s bom.txt bom.want && ok || bad "UTF-8 BOM and CRLF not kept"
expect 0 "--encoding GBK --fix" -- "$GW" check --encoding GBK --fix gbk.txt
cmp -s gbk.txt gbk.want && ok || bad "--encoding GBK: a fixed file changed"

# The file's permissions are kept, a symbolic link stays one and the file
# it names is fixed.
cp broken.txt perm.txt
chmod 640 perm.txt
ln -s perm.txt link.txt
expect 0 "--fix through a link" -- "$GW" check --fix link.txt
[ -L link.txt ] && ok || bad "the symbolic link was replaced"
cmp -s perm.txt "$S" && ok || bad "the file behind the link not fixed"
[ "$(stat -c %a perm.txt)" = 640 ] && ok || bad "permissions not kept: $(stat -c %a perm.txt)"
ls -a | grep -q '^\.gongwen-fix-' && bad "a temporary file was left" || ok

# What is not sure is left alone: 三是 inside a sentence, a mark beside
# Latin text, a file with bytes that are not in its encoding.
printf '一是稳增长。\n\n这里说的三是一个数。\n\n按GDP(亿元)计\n' >unsure.txt
cp unsure.txt unsure.orig
expect 0 "unsure" -- "$GW" check --fix unsure.txt
cmp -s unsure.txt unsure.orig && ok || bad "an unsure fix was made: $(cat unsure.txt)"
printf '第一章　总则\n\n第三章　附\377则(一)\n' >invalid.txt
cp invalid.txt invalid.orig
expect 1 "invalid bytes" -- "$GW" check --fix --no-caret invalid.txt
cmp -s invalid.txt invalid.orig && ok || bad "a file with invalid bytes was rewritten"
has "$T/err" "invalid.txt: not fixed: it is not valid in its encoding" "invalid: why not"
has "$T/err" "\[encoding\]" "invalid: the encoding fault still reported"

# Exit status: what remains decides it.
printf '一、甲\n\n正文。\n\n三、乙\n\n正文(说明)事项。\n' >rest.txt
expect 1 "--fail-on note before" -- "$GW" check --fail-on note rest.txt
expect 0 "--fail-on note after --fix" -- "$GW" check --fix --fail-on note rest.txt
printf '一、甲\n\n三、乙\n\n第一章　总则\n' >mixed.txt
expect 1 "something remains" -- "$GW" check --fix --fail-on warning --no-caret mixed.txt
has mixed.txt '^二、乙' "mixed: the gap fixed"
hasnt "$T/err" "numbering-gap" "mixed: the fixed gap not reported"

# Refused: what is not a text file, standard input, --diff with a format
# that writes to standard output.
cp "$ROOT/tests/readers/word-saved.docx" w.docx
cp w.docx w.orig
expect 2 "--fix on a .docx" -- "$GW" check --fix w.docx
cmp -s w.docx w.orig && ok || bad "the .docx was changed"
[ "$(wc -l <"$T/err")" -eq 2 ] && ok || bad "docx: one line and the summary, got $(cat "$T/err")"
has "$T/err" "w.docx: cannot fix a docx file: --fix and --diff change text files only" "docx: why"
expect 2 "--fix on stdin" -- "$GW" check --fix - </dev/null
has "$T/err" "use --diff for standard input" "stdin: what to do"
expect 0 "--diff on stdin" -- sh -c "\"$GW\" check --diff <broken.txt"
has "$T/out" '^--- <stdin>' "stdin: --diff names it"
expect 2 "--diff --format=json" -- "$GW" check --diff --format=json y.txt
has "$T/err" "use the text format" "--diff with json: why"

# Text copied from a PDF whose fonts map glyphs to the radicals (⼯ for 工,
# ⺠ for 民): --fix writes the ideographs, and gives the sample back.
S=$ROOT/samples/yangzhou-2024.txt
python3 -c 'import sys; t=open(sys.argv[1],encoding="utf-8").read(); sys.stdout.write(t.replace("工","\u2f2f").replace("民","\u2ea0").replace("一","\u2f00"))' "$S" >rad.txt
cmp -s rad.txt "$S" && bad "the radical copy differs from the sample"
expect 1 "radicals: found" -- "$GW" check --fail-on warning --no-caret rad.txt
has "$T/err" "warning: ⼯ is the radical U+2F2F; write 工 (U+5DE5) \[radical\]" "a radical"
expect 0 "radicals: --fix" -- "$GW" check --fix --fail-on warning --no-caret rad.txt
if cmp -s rad.txt "$S"; then ok; else bad "--fix did not write the ideographs"; diff "$S" rad.txt | head -5; fi

echo "fix: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
