#!/bin/sh
# Command-line behaviour: exit codes, messages naming file:line:col, no
# half-written output. Usage: sh tests/cli.sh ./gongwen
set -u
GW=${1:-./gongwen}
case $GW in /*) ;; *) GW=$(pwd)/$GW ;; esac
. "$(dirname "$0")/lib.sh"

expect 0 "--help" -- "$GW" --help
has "$T/out" "usage: gongwen" "--help text"
expect 0 "--version" -- "$GW" --version
has "$T/out" "gongwen [0-9]" "--version text"
expect 2 "unknown option" -- "$GW" --bogus
has "$T/err" "unknown option --bogus" "unknown option message"
expect 2 "-o without value" -- "$GW" -o
expect 2 "two inputs" -- "$GW" a b
expect 2 "missing file" -- "$GW" "$T/nope.txt"
has "$T/err" "nope.txt: No such file or directory" "missing file message"
expect 2 "directory as input" -- "$GW" "$T"
has "$T/err" "Is a directory" "directory message"

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

echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
