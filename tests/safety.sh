#!/bin/sh
# What a document or a stylesheet must not reach, and output that is written
# whole or not at all: hostile stylesheets, atomic output, I/O errors.
# Usage: sh tests/safety.sh ./gongwen
set -u
GW=${1:-./gongwen}
case $GW in /*) ;; *) GW=$(pwd)/$GW ;; esac
. "$(dirname "$0")/lib.sh"
chmod 755 "$T" # the permission tests run as another user
trap 'chmod -R u+rwx "$T"; rm -rf "$T"' EXIT
no_temp() { if ls -A "$1" | grep -q '^\.gongwen-'; then bad "$2: temporary file left in $1"; else ok; fi; }
# xsl NAME BODY: a stylesheet with text output whose root template is BODY
xsl() {
    cat >"$T/$1.xsl" <<XSL
${3:-}<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:exsl="http://exslt.org/common" extension-element-prefixes="exsl">
  <xsl:output method="text"/>
  <xsl:template match="/">$2</xsl:template>
  <xsl:template name="loop"><xsl:call-template name="loop"/></xsl:template>
</xsl:stylesheet>
XSL
}

printf '一、总则\n（一）第一项。正文。\n' >"$T/ok.txt"
echo secret-7f3a >"$T/secret.txt"

# ---- hostile stylesheets ------------------------------------------------

# writing a file with exsl:document, also into a directory it would create
xsl write '<exsl:document href="'"$T"'/sub/written.txt" method="text">x</exsl:document>'
expect 1 "exsl:document" -- "$GW" --xslt "$T/write.xsl" "$T/ok.txt"
has "$T/err" "refused" "exsl:document refusal message"
if [ -e "$T/sub" ]; then bad "stylesheet created a directory or file"; else ok; fi
expect 0 "--allow-xslt-io lets it write" -- "$GW" --allow-xslt-io --xslt "$T/write.xsl" "$T/ok.txt"
if [ -f "$T/sub/written.txt" ]; then ok; else bad "--allow-xslt-io: no file written"; fi

# reading over the network with document(), and importing over the network
xsl net "<xsl:value-of select=\"count(document('http://127.0.0.1:9/x.xml'))\"/>"
expect 1 "document(http://)" -- "$GW" --xslt "$T/net.xsl" "$T/ok.txt"
has "$T/err" "Network file read for http://127.0.0.1:9/x.xml refused" "network read refusal message"
cat >"$T/import.xsl" <<'XSL'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="http://127.0.0.1:9/evil.xsl"/>
  <xsl:template match="/">x</xsl:template>
</xsl:stylesheet>
XSL
expect 1 "xsl:import over http" -- "$GW" --xslt "$T/import.xsl" "$T/ok.txt"
has "$T/err" "Attempt to load network entity http://127.0.0.1:9/evil.xsl" "no network in parsing"
has "$T/err" "cannot compile stylesheet" "import failure message"

# document() of a local file is allowed
echo '<d>local-ok</d>' >"$T/d.xml"
xsl local "<xsl:value-of select=\"document('$T/d.xml')/d\"/>"
expect 0 "document() of a local file" -- "$GW" --xslt "$T/local.xsl" "$T/ok.txt"
if [ "$(cat "$T/out")" = local-ok ]; then ok; else bad "local document(): $(cat "$T/out")"; fi

# external entities (XXE) are not expanded: not in the stylesheet, not in a
# file document() reads, not as parameter entities; internal ones still are
xsl xxe '[&x;]' "<!DOCTYPE xsl:stylesheet [<!ENTITY x SYSTEM \"file://$T/secret.txt\">]>"
expect 1 "external entity in the stylesheet" -- "$GW" --xslt "$T/xxe.xsl" "$T/ok.txt"
has "$T/err" "external entity 'x' (file://$T/secret.txt) refused" "XXE refusal message"
hasnt "$T/out" "secret-7f3a" "XXE in the stylesheet"
printf '<!DOCTYPE d [<!ENTITY x SYSTEM "file://%s/secret.txt">]>\n<d>[&x;]</d>\n' "$T" >"$T/xxe.xml"
xsl xxedoc "<xsl:value-of select=\"document('$T/xxe.xml')/d\"/>"
"$GW" --xslt "$T/xxedoc.xsl" "$T/ok.txt" >"$T/out" 2>"$T/err"
hasnt "$T/out" "secret-7f3a" "XXE through document()"
has "$T/err" "external entity 'x'" "XXE through document() message"
xsl pe '[x]' "<!DOCTYPE xsl:stylesheet [<!ENTITY % p SYSTEM \"file://$T/secret.txt\"> %p;]>"
expect 1 "external parameter entity" -- "$GW" --xslt "$T/pe.xsl" "$T/ok.txt"
has "$T/err" "external entity 'p'" "parameter entity refusal message"
xsl internal '[&nb;]' '<!DOCTYPE xsl:stylesheet [<!ENTITY nb "&#x4E2D;">]>'
expect 0 "internal entity" -- "$GW" --xslt "$T/internal.xsl" "$T/ok.txt"
if [ "$(cat "$T/out")" = "[中]" ]; then ok; else bad "internal entity: $(cat "$T/out")"; fi

# an entity expansion bomb (billion laughs) in the stylesheet
{
    echo '<!DOCTYPE xsl:stylesheet [<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">'
    prev=a
    for e in b c d e f g h i j; do
        printf '<!ENTITY %s "&%s;&%s;&%s;&%s;&%s;&%s;&%s;&%s;&%s;&%s;">\n' $e $prev $prev $prev $prev $prev $prev $prev $prev $prev $prev
        prev=$e
    done
    echo ']>'
} >"$T/lol.dtd"
xsl lol '&j;' "$(cat "$T/lol.dtd")"
expect 1 "entity bomb" -- "$GW" --xslt "$T/lol.xsl" "$T/ok.txt"
has "$T/err" "cannot compile stylesheet" "entity bomb message"

# an instruction libxslt cannot compile is dropped with only a warning:
# the stylesheet is refused rather than run without it
xsl resdoc '<xsl:result-document href="x.txt">x</xsl:result-document>done'
expect 1 "stylesheet with a compile error" -- "$GW" --xslt "$T/resdoc.xsl" "$T/ok.txt"
has "$T/err" "cannot compile stylesheet" "compile error message"
hasnt "$T/out" "done" "no output from a stylesheet with a compile error"

# a stylesheet's own message about memory is only a message
xsl saysmem '<xsl:message>out of memory, malloc failed</xsl:message>fine'
expect 0 "xsl:message naming memory" -- "$GW" --xslt "$T/saysmem.xsl" "$T/ok.txt"

# unbounded recursion is stopped by libxslt's depth limit
xsl loop '<xsl:call-template name="loop"/>'
expect 1 "recursion bomb" -- "$GW" --xslt "$T/loop.xsl" "$T/ok.txt"
has "$T/err" "infinite template recursion" "recursion bomb message"
has "$T/err" "the stylesheet failed" "recursion bomb summary"

# a size bomb (a string doubled 60 times) ends with an error, not with
# wrong output; ASan reserves more address space than the limit allows
if [ "${GW_SANITIZED:-0}" != 1 ]; then
    cat >"$T/double.xsl" <<'XSL'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="text"/>
  <xsl:template match="/"><xsl:call-template name="d"><xsl:with-param name="s" select="'xxxxxxxx'"/>
    <xsl:with-param name="n" select="60"/></xsl:call-template></xsl:template>
  <xsl:template name="d"><xsl:param name="s"/><xsl:param name="n"/>
    <xsl:choose><xsl:when test="$n = 0"><xsl:value-of select="string-length($s)"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="d"><xsl:with-param name="s" select="concat($s, $s)"/>
        <xsl:with-param name="n" select="$n - 1"/></xsl:call-template></xsl:otherwise></xsl:choose>
  </xsl:template>
</xsl:stylesheet>
XSL
    expect 2 "size bomb" -- sh -c "ulimit -v 1000000; exec \"$GW\" -o \"$T/bomb.txt\" --xslt \"$T/double.xsl\" \"$T/ok.txt\""
    has "$T/err" "out of memory in the stylesheet" "size bomb message"
    if [ -e "$T/bomb.txt" ]; then bad "size bomb left an output file"; else ok; fi
fi

# ---- hostile input aimed at an output -----------------------------------

# CSV: a cell a spreadsheet would run as a formula gets a ' (OWASP), a
# plain negative number does not; formulas=keep writes them as they are
printf '报告\n一、指标\n表1　指标\n类别\t指标\t值\t备注\n经济\t=HYPERLINK("http://x","y")\t-1.5\t@SUM(A1)\n创新\t-cmd\t+7\t—\n' >"$T/formula.txt"
expect 0 "CSV with formulas" -- "$GW" -t csv "$T/formula.txt"
has "$T/out" ",,经济,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-1.5,'@SUM(A1)" "CSV formula neutralised"
has "$T/out" ",,创新,'-cmd,'+7,—" "CSV - and + neutralised"
expect 0 "CSV formulas=keep" -- "$GW" -t csv --param formulas=keep "$T/formula.txt"
has "$T/out" ",,经济,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-1.5,@SUM(A1)" "CSV formulas kept"

# ---- limits: time, output size, what document() reads, memory -----------

# three nested for-each over every node: stopped by --xslt-timeout
python3 -c "print('一、总则'); print('（一）项目。正文。\n' * 300)" >"$T/mid.txt"
xsl slow '<xsl:for-each select="//node()"><xsl:for-each select="//node()"><xsl:for-each select="//node()"><xsl:value-of select="name()"/></xsl:for-each></xsl:for-each></xsl:for-each>'
expect 1 "--xslt-timeout" -- "$GW" --xslt-timeout=1 -o "$T/slow.out" --xslt "$T/slow.xsl" "$T/mid.txt"
has "$T/err" "ran longer than 1 seconds" "timeout message"
if [ -e "$T/slow.out" ]; then bad "timeout left an output file"; else ok; fi
no_temp "$T" "timeout"
expect 2 "--xslt-timeout=x" -- "$GW" --xslt-timeout=x "$T/ok.txt"

# the output cap: a clear error, no output file, no temporary file
mkdir "$T/cap"
expect 1 "--max-output" -- "$GW" --max-output=1K -o "$T/cap/big.xml" "$T/mid.txt"
has "$T/err" "larger than 1024 bytes (--max-output)" "--max-output message"
# one line: libxml2's own bare "write error" must not run into it
if [ "$(wc -l <"$T/err")" -eq 1 ] && ! grep -q "^write error" "$T/err"; then ok; else bad "--max-output: more than its one line: $(cat "$T/err")"; fi
if [ -e "$T/cap/big.xml" ]; then bad "--max-output left an output file"; else ok; fi
no_temp "$T/cap" "--max-output"
expect 1 "--max-output with a stylesheet" -- "$GW" --max-output=100 -t html "$T/mid.txt"
expect 0 "--max-output=0: no limit" -- "$GW" --max-output=0 -t html "$T/mid.txt"
expect 2 "--max-output=1T" -- "$GW" --max-output=1T "$T/ok.txt"

# a signal while -o is being written removes the temporary file and still
# ends the process by that signal (python, so that SIGINT is not ignored)
for sig in INT TERM HUP XFSZ; do
    mkdir "$T/sig$sig"
    echo keep >"$T/sig$sig/old.txt"
    python3 - "$GW" "$T" "$sig" <<'PY' >"$T/out" 2>&1
import os, signal, subprocess, sys, time
gw, t, sig = sys.argv[1:]
d = "%s/sig%s" % (t, sig)
p = subprocess.Popen([gw, "-o", d + "/old.txt", "--xslt", t + "/slow.xsl", t + "/mid.txt"],
                     stderr=subprocess.DEVNULL)
for _ in range(100):  # until the temporary file exists
    if any(n.startswith(".gongwen-") for n in os.listdir(d)):
        break
    time.sleep(0.05)
time.sleep(0.3)
signum = getattr(signal, "SIG" + sig)
p.send_signal(signum)
print("killed by the signal" if p.wait() == -signum else "status %d" % p.returncode)
PY
    has "$T/out" "killed by the signal" "SIG$sig ends the process by the signal"
    no_temp "$T/sig$sig" "SIG$sig"
    if [ "$(cat "$T/sig$sig/old.txt")" = keep ]; then ok; else bad "SIG$sig: existing file changed"; fi
done

# document(): --xslt-read=none refuses every file, =dir those outside the
# stylesheet's directory; a refused or unparsable file is named, never quoted
mkdir "$T/sheets"
echo '<d>in-dir</d>' >"$T/sheets/near.xml"
printf '<secret-tag>\nsecret-7f3a line\n' >"$T/notxml.xml"
xsl readnear "<xsl:value-of select=\"document('$T/sheets/near.xml')/d\"/>"
xsl readfar "<xsl:value-of select=\"document('$T/d.xml')/d\"/>"
mv "$T/readnear.xsl" "$T/readfar.xsl" "$T/sheets/"
expect 0 "--xslt-read=dir inside" -- "$GW" --xslt-read=dir --xslt "$T/sheets/readnear.xsl" "$T/ok.txt"
has "$T/out" "in-dir" "--xslt-read=dir reads beside the stylesheet"
expect 1 "--xslt-read=dir outside" -- "$GW" --xslt-read=dir --xslt "$T/sheets/readfar.xsl" "$T/ok.txt"
has "$T/err" "outside the stylesheet's directory" "--xslt-read=dir message"
expect 1 "--xslt-read=none" -- "$GW" --xslt-read=none --xslt "$T/sheets/readnear.xsl" "$T/ok.txt"
has "$T/err" "read for $T/sheets/near.xml refused" "--xslt-read=none message"
expect 2 "--xslt-read=bogus" -- "$GW" --xslt-read=bogus "$T/ok.txt"
xsl leak "<xsl:value-of select=\"count(document('$T/notxml.xml'))\"/>"
"$GW" --xslt "$T/leak.xsl" "$T/ok.txt" >"$T/out" 2>"$T/err"
has "$T/err" "notxml.xml is not well-formed XML" "unparsable document() file named"
hasnt "$T/err" "secret" "unparsable document() file not quoted"

# libxml2's attribute length limit is the stylesheet's fault (exit 1), not
# a lack of memory (exit 2)
python3 -c "
print('<!DOCTYPE xsl:stylesheet [<!ENTITY A \"' + 'a' * 4000000 + '\">]>')
print('<xsl:stylesheet version=\"1.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\">'
      '<xsl:template match=\"/\"><xsl:value-of select=\"string-length(\'&A;&A;&A;\')\"/>'
      '</xsl:template></xsl:stylesheet>')" >"$T/attlen.xsl"
expect 1 "AttValue length too long" -- "$GW" --xslt "$T/attlen.xsl" "$T/ok.txt"
hasnt "$T/err" "out of memory" "AttValue limit is not out of memory"

# ---- decoding limits ----------------------------------------------------

# glibc's UCS-4 decoders pass 0x110000 and beyond on: an error with its place
printf 'A\000\000\000\n\000\000\000B\000\000\000\000\000\021\000' >"$T/u4.txt"
expect 1 "code point above U+10FFFF" -- "$GW" --encoding UCS-4LE "$T/u4.txt"
has "$T/err" "u4.txt:2:2: error: character outside Unicode" "above U+10FFFF message"
expect 0 "above U+10FFFF replaced" -- "$GW" --encoding WCHAR_T --encoding-errors=replace "$T/u4.txt"
has "$T/out" "B�</p>" "above U+10FFFF replaced with U+FFFD"
has "$T/err" "u4.txt:2:2: warning: character outside Unicode" "above U+10FFFF warning"
# an empty encoding name is a mistake; a long one is kept whole
expect 2 "--encoding ''" -- "$GW" --encoding '' "$T/ok.txt"
has "$T/err" "empty encoding name" "empty encoding message"
printf 'Caf\351\n' >"$T/l1.txt"
expect 0 "long encoding name" -- "$GW" --encoding ISO_8859-1:1987//TRANSLIT//IGNORE "$T/l1.txt"
has "$T/out" 'encoding="ISO_8859-1:1987//TRANSLIT//IGNORE"' "long encoding name kept whole"

# ---- atomic output ------------------------------------------------------

mkdir "$T/o"
echo keep >"$T/o/old.xml"
# a full disk: the file size limit makes the write fail part-way
# (SIGXFSZ is ignored so write() returns EFBIG, as on a full disk)
python3 -c "print('一、总则'); print('推动发展，' * 40000)" >"$T/big.txt"
expect 2 "disk full while writing" -- sh -c "trap '' XFSZ; ulimit -f 8; exec \"$GW\" -o \"$T/o/old.xml\" \"$T/big.txt\""
has "$T/err" "old.xml: write error: File too large" "disk full message"
if [ "$(cat "$T/o/old.xml")" = keep ]; then ok; else bad "disk full: existing file changed"; fi
no_temp "$T/o" "disk full"
expect 2 "disk full, new file" -- sh -c "trap '' XFSZ; ulimit -f 8; exec \"$GW\" -o \"$T/o/new.xml\" \"$T/big.txt\""
if [ -e "$T/o/new.xml" ]; then bad "disk full: partial file left"; else ok; fi
no_temp "$T/o" "disk full, new file"

# /dev/full as the output file and as standard output
expect 2 "-o /dev/full" -- "$GW" -o /dev/full "$T/ok.txt"
has "$T/err" "/dev/full: write error: No space left on device" "-o /dev/full message"
if [ -c /dev/full ]; then ok; else bad "/dev/full is no longer a device"; fi
expect 2 "stdout is /dev/full" -- sh -c "exec \"$GW\" \"$T/big.txt\" >/dev/full"
has "$T/err" "<stdout>: write error: No space left on device" "stdout /dev/full message"
# a device written in place: /dev/null stays a device
expect 0 "-o /dev/null" -- "$GW" -o /dev/null "$T/ok.txt"
if [ -c /dev/null ]; then ok; else bad "/dev/null is no longer a device"; fi

# a directory, or a path through a file, as the output
expect 2 "output is a directory" -- "$GW" -o "$T/o" "$T/ok.txt"
has "$T/err" "Is a directory" "output directory message"
expect 2 "output path through a file" -- "$GW" -o "$T/ok.txt/x.xml" "$T/ok.txt"
has "$T/err" "Not a directory" "ENOTDIR message"
expect 2 "output in a missing directory" -- "$GW" -o "$T/none/x.xml" "$T/ok.txt"
has "$T/err" "No such file or directory" "missing directory message"

# success: the file has the umask's mode, a symlink stays a link
expect 0 "umask 027" -- sh -c "umask 027; exec \"$GW\" -o \"$T/o/mode.xml\" \"$T/ok.txt\""
mode=$(stat -c %a "$T/o/mode.xml")
if [ "$mode" = 640 ]; then ok; else bad "output mode $mode, want 640 under umask 027"; fi
ln -s old.xml "$T/o/link.xml"
expect 0 "output through a symlink" -- "$GW" -o "$T/o/link.xml" "$T/ok.txt"
if [ -L "$T/o/link.xml" ] && grep -q '总则' "$T/o/old.xml"; then ok; else bad "symlink replaced or target not written"; fi
no_temp "$T/o" "successful writes"

# ---- I/O errors on input, and permissions -------------------------------

expect 2 "missing input" -- "$GW" "$T/nope.txt"
has "$T/err" "nope.txt: No such file or directory" "missing input message"
if [ "$(wc -l <"$T/err")" -eq 1 ]; then ok; else bad "I/O error message is not one line: $(cat "$T/err")"; fi
# a directory is a batch's input (-O); alone it is a usage error saying so
expect 2 "directory as input" -- "$GW" "$T/o"
has "$T/err" "/o is a directory: convert its files with -O OUTDIR" "directory input message"

# permission denied needs a user the permissions apply to: root runs the
# tests as nobody
as_user=""
if [ "$(id -u)" -eq 0 ]; then
    command -v setpriv >/dev/null && as_user="setpriv --reuid=65534 --regid=65534 --clear-groups"
fi
if [ "$(id -u)" -ne 0 ] || [ -n "$as_user" ]; then
    mkdir "$T/p" "$T/ro"
    cp "$T/ok.txt" "$T/p/ok.txt"
    cp "$T/ok.txt" "$T/p/secret.txt" && chmod 000 "$T/p/secret.txt"
    echo keep >"$T/ro/old.xml"
    chmod 755 "$T/p" && chmod 555 "$T/ro" && chmod 644 "$T/ro/old.xml"
    expect 2 "unreadable input" -- $as_user "$GW" "$T/p/secret.txt"
    has "$T/err" "secret.txt: Permission denied" "unreadable input message"
    expect 2 "unwritable directory" -- $as_user "$GW" -o "$T/ro/old.xml" "$T/p/ok.txt"
    has "$T/err" "old.xml: cannot create output file: Permission denied" "unwritable directory message"
    if [ "$(cat "$T/ro/old.xml")" = keep ]; then ok; else bad "unwritable directory: file changed"; fi
    no_temp "$T/ro" "unwritable directory"
else
    echo "safety: permission tests skipped (root without setpriv)"
fi

echo "safety: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
