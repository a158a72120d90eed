#!/bin/sh
# Command-line behaviour: exit codes, messages naming file:line:col, no
# half-written output. Usage: sh tests/cli.sh ./gongwen
set -u
GW=${1:-./gongwen}
. "$(dirname "$0")/lib.sh"
# messages follow the locale: the English ones are tested here
export LC_ALL=C.UTF-8
unset LANGUAGE

expect 0 "--help" -- "$GW" --help
has "$T/out" "usage: gongwen" "--help text"
expect 0 "--version" -- "$GW" --version
has "$T/out" "gongwen [0-9]" "--version text"
expect 2 "unknown option" -- "$GW" --bogus
has "$T/err" "unknown option --bogus" "unknown option message"
expect 2 "-o without value" -- "$GW" -o
expect 2 "two inputs" -- "$GW" a b
has "$T/err" "more than one input file (b): convert several with -O OUTDIR" "two inputs message"
expect 2 "missing file" -- "$GW" "$T/nope.txt"
has "$T/err" "nope.txt: No such file or directory" "missing file message"
expect 2 "directory as input" -- "$GW" "$T"
has "$T/err" "is a directory: convert its files with -O OUTDIR" "directory message"

printf '一、总则\n（一）第一项。正文。\n' >"$T/ok.txt"
expect 2 "unknown format" -- "$GW" -t nosuch "$T/ok.txt"
has "$T/err" "unknown output format 'nosuch'" "unknown format message"

# invalid UTF-8: file:line:col, exit 1, no output file, old file untouched
printf '一、总则\n正文\377内容\n' >"$T/bad.txt"
expect 1 "invalid UTF-8" -- "$GW" -o "$T/new.xml" "$T/bad.txt"
has "$T/err" "bad.txt:2:3: error: invalid UTF-8 byte 0xFF" "invalid UTF-8 message"
if [ -e "$T/new.xml" ]; then bad "output file left behind"; else ok; fi
echo keep >"$T/old.xml"
expect 1 "invalid UTF-8 over existing file" -- "$GW" -o "$T/old.xml" "$T/bad.txt"
if [ "$(cat "$T/old.xml")" = keep ]; then ok; else bad "existing output file changed"; fi
if ls -A "$T" | grep -q '^\.gongwen-'; then bad "temporary file left behind"; else ok; fi
expect 1 "invalid UTF-8 on stdin" -- sh -c "\"$GW\" - <\"$T/bad.txt\""
has "$T/err" "<stdin>:2:3: error" "stdin message"

# encodings: GB18030 detected and reported, --encoding, replacement mode
printf '\322\273\241\242\327\334\324\362\n' >"$T/gb.txt"
expect 0 "GB18030 input" -- "$GW" -v -t outline "$T/gb.txt"
has "$T/out" "总则" "GB18030 decoded"
has "$T/err" "encoding GB18030" "-v names the encoding"
expect 0 "report/@encoding" -- "$GW" "$T/gb.txt"
has "$T/out" 'encoding="GB18030"' "encoding attribute"
expect 0 "--encoding GBK" -- "$GW" --encoding GBK -t outline "$T/gb.txt"
has "$T/out" "总则" "--encoding decoded"
expect 2 "unknown encoding" -- "$GW" --encoding no-such "$T/gb.txt"
has "$T/err" "unknown encoding 'no-such'" "unknown encoding message"
expect 0 "--encoding-errors=replace" -- "$GW" --encoding UTF-8 --encoding-errors=replace "$T/bad.txt"
has "$T/err" "bad.txt:2:3: warning: invalid UTF-8 byte 0xFF replaced with U+FFFD" "replacement warning"
has "$T/out" "正文�内容" "replacement character"
expect 2 "--encoding-errors=bogus" -- "$GW" --encoding-errors=bogus "$T/bad.txt"

# output: -o and standard output agree; stdin works
expect 0 "xml to stdout" -- "$GW" "$T/ok.txt"
cp "$T/out" "$T/stdout.xml"
expect 0 "xml to file" -- "$GW" -o "$T/file.xml" "$T/ok.txt"
if cmp -s "$T/stdout.xml" "$T/file.xml"; then ok; else bad "-o differs from stdout"; fi
expect 0 "outline from stdin" -- sh -c "\"$GW\" -t outline - <\"$T/ok.txt\""
printf '1\theading\t1\t总则\n2\theading\t2\t第一项\n' >"$T/want.tsv"
if cmp -s "$T/out" "$T/want.tsv"; then ok; else bad "outline from stdin: $(cat "$T/out")"; fi
expect 2 "unwritable output" -- "$GW" -o "$T/no/such/dir/x.xml" "$T/ok.txt"

# user stylesheets: --xslt, --param (strings, quotes intact), no file writes
cat >"$T/p.xsl" <<'XSL'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:g="urn:gongwen:report:1">
  <xsl:output method="text"/>
  <xsl:param name="who" select="'nobody'"/>
  <xsl:template match="/"><xsl:value-of select="concat($who, ':', count(//g:section))"/></xsl:template>
</xsl:stylesheet>
XSL
expect 0 "--xslt" -- "$GW" --xslt "$T/p.xsl" "$T/ok.txt"
if [ "$(cat "$T/out")" = "nobody:2" ]; then ok; else bad "--xslt output: $(cat "$T/out")"; fi
expect 0 "--param" -- "$GW" --xslt "$T/p.xsl" --param "who=it's \"q\"" "$T/ok.txt"
if [ "$(cat "$T/out")" = "it's \"q\":2" ]; then ok; else bad "--param output: $(cat "$T/out")"; fi
expect 2 "--param without =" -- "$GW" --xslt "$T/p.xsl" --param who "$T/ok.txt"
expect 2 "missing --xslt file" -- "$GW" --xslt "$T/none.xsl" "$T/ok.txt"
has "$T/err" "none.xsl: No such file or directory" "missing stylesheet message"
cat >"$T/w.xsl" <<XSL
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:exsl="http://exslt.org/common" extension-element-prefixes="exsl">
  <xsl:template match="/"><exsl:document href="$T/written.txt" method="text">x</exsl:document></xsl:template>
</xsl:stylesheet>
XSL
expect 1 "stylesheet writing a file" -- "$GW" --xslt "$T/w.xsl" "$T/ok.txt"
has "$T/err" "refused" "file write refusal message"
if [ -e "$T/written.txt" ]; then bad "stylesheet wrote a file"; else ok; fi
expect 0 "--allow-xslt-io" -- "$GW" --allow-xslt-io --xslt "$T/w.xsl" "$T/ok.txt"
if [ -e "$T/written.txt" ]; then ok; else bad "--allow-xslt-io did not allow the write"; fi
GONGWEN_XSLT_DIR="$T/nodir" "$GW" -t outline "$T/ok.txt" >"$T/out" 2>"$T/err"
if [ $? -eq 2 ] && grep -q "nodir not found" "$T/err"; then ok; else bad "missing stylesheet dir: $(cat "$T/err")"; fi

# every line-end form numbers lines the same way
printf '一、总则\r\n\r\n（一）第一项。正文。\r\n' >"$T/crlf.txt"
printf '一、总则\r\r（一）第一项。正文。\r' >"$T/cr.txt"
printf '一、总则\r\r\n（一）第一项。正文。' >"$T/crcrlf.txt"
printf '\357\273\277一、总则\n\n（一）第一项。正文。\n' >"$T/bom.txt"
for f in crlf cr crcrlf bom; do
    expect 0 "$f" -- "$GW" -t outline "$T/$f.txt"
    if [ "$(cut -f1 "$T/out" | tr '\n' ' ')" = "1 3 " ]; then ok; else bad "$f line numbers: $(cat "$T/out")"; fi
done

# a line of many thousand characters, no final newline
python3 -c "print('一、总则'); print('推动发展，' * 20000, end='')" >"$T/long.txt"
expect 0 "very long line" -- "$GW" -t outline "$T/long.txt"
if [ "$(cat "$T/out")" = "$(printf '1\theading\t1\t总则')" ]; then ok; else bad "long line outline"; fi

# a file name XML cannot hold as it is still gives well-formed XML
cp "$T/ok.txt" "$T/$(printf 'a\001b')"
expect 0 "odd file name" -- "$GW" "$T/$(printf 'a\001b')"
if xmllint --noout "$T/out" 2>/dev/null; then ok; else bad "odd file name: XML not well-formed"; fi

# empty and white-space-only input are valid documents
: >"$T/empty.txt"
expect 0 "empty input" -- "$GW" "$T/empty.txt"
printf '  \n\t\n　\n' >"$T/blank.txt"
expect 0 "blank input" -- "$GW" "$T/blank.txt"

# One option parser for every command: --opt=value and --opt value,
# -tVALUE, -t VALUE and -t=VALUE, -- ending the options, - standard input.
"$GW" -t outline "$T/ok.txt" >"$T/want.out"
for args in "-toutline" "-t=outline" "--to=outline" "--to outline" "-t outline --" "--to outline -v --"; do
    # shellcheck disable=SC2086
    expect 0 "options as $args" -- "$GW" $args "$T/ok.txt"
    if cmp -s "$T/out" "$T/want.out"; then ok; else bad "options as $args: other output"; fi
done
cp "$T/ok.txt" "$T/-t"
expect 0 "-- then a file named -t" -- sh -c "cd \"$T\" && \"$GW\" -t outline -- -t"
if cmp -s "$T/out" "$T/want.out"; then ok; else bad "-- then -t: other output"; fi
expect 0 "-o=FILE" -- "$GW" -t outline -o="$T/eq.tsv" "$T/ok.txt"
if cmp -s "$T/eq.tsv" "$T/want.out"; then ok; else bad "-o=FILE did not write FILE"; fi
expect 0 "--encoding=GBK" -- "$GW" --encoding=GBK -t outline "$T/gb.txt"
has "$T/out" "总则" "--encoding=GBK decoded"
expect 2 "--to without a value" -- "$GW" --to
has "$T/err" "option --to needs a value" "--to without a value: message"
expect 2 "--help=x" -- "$GW" --help=x
has "$T/err" "option --help takes no value" "--help=x: message"
expect 0 "check -V" -- "$GW" check -V
has "$T/out" "^gongwen [0-9]" "check -V: version"
expect 0 "check -- -" -- sh -c "\"$GW\" check --no-caret -- - <\"$T/ok.txt\""
has "$T/err" "no problems in 1 file" "check -- -: standard input checked"

# The format registry: --list-formats, six tab-separated fields a line,
# names and aliases unique, each stylesheet present.
expect 0 "--list-formats" -- "$GW" --list-formats
cp "$T/out" "$T/formats.tsv"
if awk -F '\t' 'NF != 6 || $5 !~ /^(text|binary)$/ || $4 !~ /^[a-z]+\/[-a-z0-9.+]+$/ { exit 1 }' "$T/formats.tsv" &&
    [ "$(wc -l <"$T/formats.tsv")" -ge 7 ]; then ok; else bad "--list-formats: $(head -n 3 "$T/formats.tsv")"; fi
if [ -z "$( (cut -f 1 "$T/formats.tsv"; cut -f 6 "$T/formats.tsv" | tr , '\n' | grep -vx -- -) | sort | uniq -d)" ]; then ok; else
    bad "--list-formats: a name or alias twice"; fi
for x in $(cut -f 2 "$T/formats.tsv" | grep -vx -- -); do
    if [ -f "$ROOT/xslt/$x" ]; then ok; else bad "--list-formats names xslt/$x, which does not exist"; fi
done
grep -q "^xml	-	xml	application/xml	text	-$" "$T/formats.tsv" && ok || bad "--list-formats: the xml line"
grep -q "^markdown	markdown.xsl	md	text/markdown	text	md,gfm,commonmark$" "$T/formats.tsv" && ok ||
    bad "--list-formats: the markdown line"
# README's table of formats says what the registry says: name, aliases,
# stylesheet, extensions.
sed -n '/^### Output formats/,/^A new format/p' "$ROOT/README.md" | grep '^| `' |
    awk -F ' *[|] *' '{ n = $2; a = $3; x = $4; e = " " $5; gsub(/`/, "", n); gsub(/`/, "", a); gsub(/`/, "", e);
        gsub(/ \./, " ", e); sub(/^ /, "", e);
        gsub(/`|xslt\//, "", x); if (x == "(built in)") x = "-"; gsub(/ /, ",", a); gsub(/ /, ",", e);
        if (a == "") a = "-"; if (n != "-t") print n "\t" x "\t" e "\t" a }' >"$T/readme.tsv"
cut -f 1,2,3,6 "$T/formats.tsv" >"$T/registry.tsv"
# Every row the README has is the registry's line; a format the README
# does not list yet is only noted, so that adding a format stays one
# registry line and one stylesheet.
if [ -s "$T/readme.tsv" ] && [ -z "$(grep -vxFf "$T/registry.tsv" "$T/readme.tsv")" ]; then ok; else
    bad "README's format table and --list-formats differ"; grep -vxFf "$T/registry.tsv" "$T/readme.tsv" | head -n 6; fi
for n in $(cut -f 1 "$T/registry.tsv"); do
    cut -f 1 "$T/readme.tsv" | grep -qx -- "$n" || echo "note: README.md's format table does not list $n"
done

# The format from the output file's extension when -t is not given; -t wins.
for pair in html:html htm:html md:markdown xml:xml dbk:docbook dbk.xml:docbook csv:csv txt:text tsv:outline; do
    e=${pair%%:*} f=${pair#*:}
    "$GW" -t "$f" "$T/ok.txt" >"$T/want.$e"
    expect 0 "-o x.$e" -- "$GW" -o "$T/x.$e" "$T/ok.txt"
    if cmp -s "$T/x.$e" "$T/want.$e"; then ok; else bad "-o x.$e did not write $f"; fi
done
expect 0 "-t xml -o x.html" -- "$GW" -t xml -o "$T/y.html" "$T/ok.txt"
if cmp -s "$T/y.html" "$T/want.xml"; then ok; else bad "-t xml -o x.html: -t must win"; fi
expect 0 "-o x.unknown" -- "$GW" -o "$T/x.data" "$T/ok.txt"
if cmp -s "$T/x.data" "$T/want.xml"; then ok; else bad "-o x.data: the tree, as before"; fi
expect 0 "-o .html (no extension)" -- "$GW" -o "$T/.html" "$T/ok.txt"
if cmp -s "$T/.html" "$T/want.xml"; then ok; else bad "-o .html: a hidden file without extension"; fi

# Aliases, and an unknown format listing the formats and the nearest name.
for pair in md:markdown gfm:markdown commonmark:markdown txt:text db:docbook htm:html; do
    expect 0 "-t ${pair%%:*}" -- "$GW" -t "${pair%%:*}" "$T/ok.txt"
    "$GW" -t "${pair#*:}" "$T/ok.txt" >"$T/canon"
    if cmp -s "$T/out" "$T/canon"; then ok; else bad "-t ${pair%%:*} differs from -t ${pair#*:}"; fi
done
expect 2 "-t htlm" -- "$GW" -t htlm "$T/ok.txt"
has "$T/err" "unknown output format 'htlm'; did you mean html?" "-t htlm suggests html"
has "$T/err" "xml, outline, html, markdown" "-t htlm lists the formats"
expect 2 "-t markdwon" -- "$GW" -t markdwon "$T/ok.txt"
has "$T/err" "did you mean markdown?" "-t markdwon suggests markdown"
expect 2 "-t zzzzzz" -- "$GW" -t zzzzzz "$T/ok.txt"
hasnt "$T/err" "did you mean" "-t zzzzzz suggests nothing"
# a format is known before any input is read
expect 2 "-t htlm with no input" -- sh -c "\"$GW\" -t htlm </dev/null"

# Parameters: names from the stylesheet's xsl:param, values from gw:accept.
expect 2 "--param unknown name" -- "$GW" -t html --param nosuch=1 "$T/ok.txt"
has "$T/err" "unknown parameter 'nosuch': the stylesheet takes css, standalone, toc-depth, heading-offset" \
    "unknown parameter lists the stylesheet's"
expect 2 "--param heading-offset=x" -- "$GW" -t html --param heading-offset=x "$T/ok.txt"
has "$T/err" "parameter heading-offset wants an integer from 0 to 5, not 'x'" "bad heading-offset"
expect 2 "--param toc-depth=-1" -- "$GW" -t html --param toc-depth=-1 "$T/ok.txt"
has "$T/err" "toc-depth wants an integer from 0 up" "bad toc-depth"
expect 0 "--param toc-depth=12" -- "$GW" -t html --param toc-depth=12 "$T/ok.txt"
expect 2 "--param eol=cr" -- "$GW" -t csv --param eol=cr "$T/ok.txt"
has "$T/err" "parameter eol wants crlf or lf, not 'cr'" "bad eol"
expect 2 "--param standalone=maybe" -- "$GW" -t html --param standalone=maybe "$T/ok.txt"
has "$T/err" "1, 0, yes, no, true or false" "bad standalone"
expect 2 "--param for text" -- "$GW" -t text --param eol=lf "$T/ok.txt"
has "$T/err" "unknown parameter 'eol': the stylesheet takes none" "text takes no parameters"
expect 2 "--param for xml" -- "$GW" --param eol=lf "$T/ok.txt"
has "$T/err" "the xml format has no stylesheet" "xml takes no parameters"
expect 2 "--param unknown to a user stylesheet" -- "$GW" --xslt "$T/p.xsl" --param whom=x "$T/ok.txt"
has "$T/err" "unknown parameter 'whom': the stylesheet takes who" "a user stylesheet's parameters"

# Messages and help follow the locale.
if locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$'; then
    expect 0 "zh_CN --help" -- env LC_ALL=zh_CN.UTF-8 "$GW" --help
    has "$T/out" "用法：gongwen" "Chinese converter help"
    expect 2 "zh_CN unknown format" -- env LC_ALL=zh_CN.UTF-8 "$GW" -t htlm "$T/ok.txt"
    has "$T/err" "未知的输出格式“htlm”；是否想用 html？" "Chinese converter message"
    expect 2 "zh_CN bad value" -- env LC_ALL=zh_CN.UTF-8 "$GW" -t html --param heading-offset=x "$T/ok.txt"
    has "$T/err" "0 到 5 之间的整数" "Chinese parameter message"
else
    echo "cli: zh_CN.UTF-8 locale not installed; Chinese messages not tested"
fi

# Messages: an empty file name is said to be one; a stylesheet's failure to
# load is not the input's; control characters in names are escaped.
expect 2 "-o ''" -- "$GW" -o '' "$T/ok.txt"
has "$T/err" "^gongwen: empty output file name" "-o '' message"
hasnt "$T/err" "gongwen: :" "-o '': no empty name printed"
expect 2 "empty input name" -- "$GW" ''
has "$T/err" "^gongwen: empty input file name" "empty input name message"
expect 2 "check ''" -- "$GW" check ''
has "$T/err" "empty input file name" "check '' message"
expect 2 "missing --xslt, input named" -- "$GW" --xslt "$T/none.xsl" "$T/ok.txt"
hasnt "$T/err" "ok.txt" "a missing stylesheet is not the input's error"
GONGWEN_XSLT_DIR="$T/nodir" "$GW" -t outline "$T/ok.txt" >"$T/out" 2>"$T/err"
hasnt "$T/err" "ok.txt" "a missing stylesheet directory is not the input's error"
esc=$(printf 'a\033[31mb\001')
printf '一、总则\n正文\377内容\n' >"$T/$esc.txt"
expect 1 "control characters in a name" -- "$GW" "$T/$esc.txt"
has "$T/err" 'a\\x1B\[31mb\\x01.txt:2:3: error' "control characters escaped"
if grep -q "$(printf '\033')" "$T/err"; then bad "a raw ESC in a message"; else ok; fi
expect 2 "control characters in a missing name" -- "$GW" "$T/$esc.nope"
has "$T/err" 'a\\x1B\[31mb\\x01.nope: No such file' "control characters escaped (I/O error)"
expect 1 "check: control characters in a name" -- "$GW" check --no-caret "$T/$esc.txt"
has "$T/err" 'a\\x1B\[31mb\\x01.txt:2:3: error' "check: control characters escaped"
if grep -q "$(printf '\033')" "$T/err"; then bad "check: a raw ESC in a message"; else ok; fi
expect 1 "check --format=json keeps the name" -- "$GW" check --format=json "$T/$esc.txt"
has "$T/out" 'a\\u001b\[31mb\\u0001.txt' "JSON escapes the name its own way"
tab=$(printf 'c\td')
cp "$T/ok.txt" "$T/$tab.xsl"
expect 1 "a tab in a stylesheet name" -- "$GW" --xslt "$T/$tab.xsl" "$T/ok.txt"
has "$T/err" '^gongwen: cannot compile stylesheet .*c\\td.xsl$' "a tab in a stylesheet name escaped"
has "$T/err" '^.*c\\td.xsl:1: ' "a tab in libxml2's report on the stylesheet escaped"

echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
