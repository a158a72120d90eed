#!/bin/sh
# Out of memory (issue #6): with tests/oom/failmalloc.so preloaded, the Nth
# allocation fails. Where the work is gongwen's (the XML, the checker, its
# JSON and SARIF, embedded diagnostics, GB18030 input, the .docx and .html
# readers) every allocation its own code asks for is failed in turn, and
# one in OOM_SHARE of those its libraries make on its behalf, drawn at
# random with a fixed seed (a fixed step could keep missing the same one of
# the few allocations a node makes); for the stylesheet formats, whose
# allocations are mostly libxslt's, OOM_RUNS evenly spaced N; for a PDF,
# whose are mostly poppler's, every allocation of gongwen's own code and
# OOM_RUNS evenly spaced others.
# Each run must either give the same output as a run without failures, or
# exit 2 with one line saying "out of memory" as the last it writes (gongwen
# check: before its summary line) and leave no output file; a signal
# (SIGSEGV, SIGABRT, ...) fails, unless the shim shows it is a library
# (libxml2, poppler, GLib) crashing on its own failed allocation (counted
# and listed as upstream). Then the
# same with the address space capped by `ulimit -v`.
# Usage: sh tests/oom.sh ./gongwen tests/oom/failmalloc.so
#   OOM_RUNS=N  failure points per stylesheet format and input (default 30;
#               0 tries every allocation: about 60 000 runs)
#   OOM_SHARE=N one in N of the libraries' allocations tried where the
#               work is gongwen's (default 3; 1: every one)
#   OOM_JOBS=N  parallel runs (default: the number of processors)
#   OOM_LIMIT=S a run still going after S seconds fails (default 60)
set -u
GW=${1:-./gongwen}
SHIM=${2:-tests/oom/failmalloc.so}
case $GW in /*) ;; *) GW=$(pwd)/$GW ;; esac
case $SHIM in /*) ;; *) SHIM=$(pwd)/$SHIM ;; esac
RUNS=${OOM_RUNS:-30}
SHARE=${OOM_SHARE:-3}
JOBS=${OOM_JOBS:-$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)}
LIMIT=${OOM_LIMIT:-60}
if [ "${GW_SANITIZED:-0}" = 1 ]; then
    # the sanitizers bring their own allocator, which the shim cannot replace
    echo "oom: skipped in a sanitizer build"
    exit 0
fi
# Messages in English: under another locale, glibc 2.36's gettext aborts
# when an allocation fails while it sets up the catalogue's conversion.
LC_ALL=C
export LC_ALL
. "$(dirname "$0")/lib.sh"
known=0 upstream=0 runs=0

# Small inputs rich in conventions: a slice of a plan (a chapter number
# above its title, sections, a box); a report with front matter, run-in
# headings, 一是, a lead, dash items, a table, a box and a note; faults for
# every rule of gongwen check that allocates (radicals: the recognizer's
# folded copy of the text); a GBK report (iconv).
sed -n 303,340p samples/haizhou-14th-plan.txt >"$T/slice.txt"
cp tests/oom/report.txt "$T/report.txt"
cat tests/check/numbering-gap.txt tests/check/numbering-restart.txt tests/check/marker-mixed.txt \
    tests/check/level-skip.txt tests/check/unnumbered-heading.txt tests/check/table-shape.txt \
    tests/check/box-unterminated.txt tests/check/radical.txt >"$T/faults.txt"
cp tests/corpus/national-2015-gbk.txt "$T/gbk.txt"
# the report as Word, LibreOffice and pandoc make it (tests/readers/README.md)
cp tests/oom/report.docx tests/oom/report.html tests/oom/report.pdf "$T/"
CASES="slice.txt:xml,outline,html,markdown,embed,check
report.txt:xml,outline,html,markdown,embed,check,json,sarif
faults.txt:check,embed
gbk.txt:xml
report.docx:xml
report.html:xml
report.pdf:xml"

# args MODE INPUT OUT: gongwen's arguments for a mode (OUT: the -o file).
args() {
    case $1 in
    check) echo "check $2" ;;
    json | sarif) echo "check --format=$1 $2" ;;
    embed) echo "--diagnostics=embed -o $3 $2" ;;
    *) echo "-t $1 -o $3 $2" ;;
    esac
}

# lines FILE: sets $lines (line count), $oom (lines saying out of memory),
# $oom_at (the last such line's number), $first and $crash (the shim's
# line naming where a crash was), without starting a process.
lines() {
    lines=0 oom=0 oom_at=0 first= crash=
    while IFS= read -r l || [ -n "$l" ]; do
        case $l in "failmalloc: crash in "*) crash=${l#failmalloc: } && continue ;; esac
        lines=$((lines + 1))
        [ $lines -eq 1 ] && first=$l
        case $l in *"out of memory"*) oom=$((oom + 1)) oom_at=$lines ;; esac
    done <"$1"
}

# Whether library file name $1 is libxml2's, libxslt's or libexslt's, or
# one poppler reads a PDF with (its C++ code throws std::bad_alloc, which
# nothing catches; GLib aborts when g_malloc fails, by design).
upstream_lib() {
    case $1 in
    libxml2.so* | libxslt.so* | libexslt.so*) true ;;
    libpoppler.so* | libpoppler-glib.so* | libstdc++.so* | libglib-2.0.so* | libgobject-2.0.so*) true ;;
    *) false ;;
    esac
}

# Whether $crash says libxml2 or libxslt crashed on a NULL they had been
# given by their own allocation: a bug of Debian 12's libxml2 2.9.14 and
# libxslt 1.1.35, whose failure paths upstream reworked in libxml2 2.11-2.13.
upstream_crash() {
    in=${crash#crash in } in=${in%% *} of=${crash##* }
    [ -n "$crash" ] && upstream_lib "$in" && upstream_lib "$of"
}

# Whether the out-of-memory line is where it belongs: last, or (gongwen
# check, when the file could not be checked) just before the summary. Lines
# before it are libxml2's and libxslt's own account of what failed (an I/O
# error, a stylesheet that did not load).
oom_last() {
    case $MODE in
    check | json | sarif) [ $oom_at -eq $lines ] || [ $oom_at -eq $((lines - 1)) ] ;;
    *) [ $oom_at -eq $lines ] ;;
    esac
}

# unlike N: a run with allocation N failing gave other output, exit 0.
# gongwen's own work must never; libxml2's XPath streaming must not either,
# but xmlPatternGetStreamCtxt returns NULL unreported and the select is then
# empty: with the failed allocation libxml2's and a stylesheet running, it
# is listed as upstream (libxml2 2.9.14), not passed in silence.
unlike() {
    case $MODE:$IN in
    outline:* | html:* | markdown:* | *.pdf)
        if upstream_lib "$lib"; then
            echo "upstream $1: $lib failed unreported, the stylesheet gave other output"
            return
        fi
        ;;
    esac
    echo "bad $1: exit $rc with output unlike a run without failures"
}

# one N: runs gongwen with allocation N failing, in directory $W, and
# prints "ok N", "known N", "upstream N: what" or "bad N: why".
one() {
    n=$1 o=$W/out.$n lib=-
    rm -f "$W/count"
    # shellcheck disable=SC2046
    timeout "$LIMIT" env GW_FAIL_COUNT="$W/count" GW_FAIL_AT="$n" LD_PRELOAD="$SHIM" "$GW" \
        $(args "$MODE" "$IN" "$o") >"$W/stdout" 2>"$W/stderr"
    rc=$?
    [ -s "$W/count" ] && read -r _ _ lib <"$W/count"
    lines "$W/stderr"
    set -- "$W"/.gongwen-*
    if [ $rc -eq 124 ]; then
        # stopped by timeout: a loop that a failed allocation sent round
        # for ever (libxml2 2.9's HTML parser did, until html.c ended its
        # input on the report)
        rm -f "$W"/.gongwen-* "$o"
        echo "bad $n: still running after $LIMIT s"
    elif [ $rc -ge 128 ] && upstream_crash; then
        # a process that libxml2 brings down runs no clean-up: its
        # temporary file (output is streamed into it) is removed here so
        # that the next run in $W is judged on its own
        rm -f "$W"/.gongwen-*
        echo "upstream $n: $crash"
    elif [ $rc -ge 128 ]; then
        echo "bad $n: killed by signal $((rc - 128)) ($first${crash:+; $crash})"
    elif [ -e "$1" ]; then
        echo "bad $n: temporary file left behind"
    elif [ $rc -eq 2 ] && [ $oom -eq 1 ]; then
        if [ -e "$o" ]; then
            echo "bad $n: exit 2 but $o written"
        elif ! oom_last; then
            echo "bad $n: out of memory on line $oom_at of $lines on stderr"
        else
            echo "ok $n"
        fi
    elif [ $rc -eq "$REF_RC" ]; then
        case $MODE in
        check | json | sarif) cmp -s "$W/stderr" "$REF.err" && cmp -s "$W/stdout" "$REF.out" ;;
        *) cmp -s "$o" "$REF.out" ;;
        esac && echo "ok $n" || unlike "$n"
        rm -f "$o"
    elif [ $rc -eq 2 ] && [ ! -e "$o" ] && case $first in *"unknown encoding"*) true ;;
        *) false ;; esac; then
        # glibc's iconv_open says EINVAL, not ENOMEM, when an allocation
        # fails while it loads a converter: not ours to tell apart
        echo "known $n"
    elif [ $rc -le 2 ] && [ $rc -ne "$REF_RC" ] && [ ! -e "$o" ] && [ $lines -gt 0 ] &&
        upstream_lib "$lib"; then
        # libxslt reports its own failed allocations as a stylesheet
        # error, with no code to tell them from one: the run still stops
        # with a message and without output
        echo "upstream $n: $lib failed, reported as: $first"
    else
        echo "bad $n: exit $rc ($first)"
    fi
}

# points COUNT: the failure points to try.
points() {
    case $MODE:$IN in
    outline:* | html:* | markdown:*) spaced "$1" ;;
    *.pdf) { spaced "$1" && cat "$REF.own"; } | sort -nu ;;
    *) { awk -v n="$1" -v share="$SHARE" \
        'BEGIN { srand(6); for (i = 1; i <= n; i++) if (rand() * share < 1 || i >= n - 1) print i }' &&
        cat "$REF.own"; } | sort -nu ;;
    esac
}

# spaced COUNT: OOM_RUNS evenly spaced failure points, and the end of a run
# (writing the output, freeing everything).
spaced() {
    step=1
    [ "$RUNS" -gt 0 ] && [ "$1" -gt "$RUNS" ] && step=$((($1 + RUNS - 1) / RUNS))
    i=1
    while [ $i -le "$1" ]; do
        echo $i
        i=$((i + step))
    done
    [ $step -gt 1 ] && echo $(($1 - 1)) && echo "$1"
    return 0
}

for case in $CASES; do
    IN=$T/${case%%:*}
    modes=${case#*:}
    while [ -n "$modes" ]; do
        MODE=${modes%%,*}
        case $modes in *,*) modes=${modes#*,} ;; *) modes= ;; esac
        what="${case%%:*} $MODE"
        REF=$T/ref
        rm -f "$REF".*
        # shellcheck disable=SC2046
        GW_FAIL_COUNT=$REF.count GW_FAIL_OWN=$REF.own LD_PRELOAD=$SHIM "$GW" \
            $(args "$MODE" "$IN" "$REF.out") >"$REF.stdout" 2>"$REF.err"
        REF_RC=$?
        case $MODE in check | json | sarif) mv "$REF.stdout" "$REF.out" ;; esac
        read -r count _ <"$REF.count" 2>/dev/null || count=0
        if [ "$count" -eq 0 ]; then
            bad "$what: $SHIM counted no allocations (a sanitizer build? GW_SANITIZED=1 skips)"
            continue
        fi
        if [ "$REF_RC" -gt 1 ]; then
            bad "$what: exit $REF_RC without a failing allocation"
            continue
        fi
        points "$count" >"$T/points"
        # JOBS workers, each taking every JOBS-th point
        k=0
        while [ $k -lt "$JOBS" ]; do
            W=$T/w$k
            mkdir -p "$W"
            (
                j=0
                while read -r n; do
                    [ $((j % JOBS)) -eq $k ] && one "$n"
                    j=$((j + 1))
                done <"$T/points"
            ) >"$T/result.$k" &
            k=$((k + 1))
        done
        wait
        cat "$T"/result.* >"$T/results"
        tried=$(grep -c . "$T/results")
        runs=$((runs + tried))
        pass=$((pass + $(grep -c '^ok' "$T/results")))
        known=$((known + $(grep -c '^known' "$T/results")))
        upstream=$((upstream + $(grep -c '^upstream' "$T/results")))
        grep '^upstream' "$T/results" | sed "s|^upstream [0-9]*:|$what:|" >>"$T/upstream"
        failed=$(grep -c '^bad' "$T/results")
        if [ "$failed" -gt 0 ]; then
            fail=$((fail + failed))
            sort -k2n "$T/results" | grep '^bad' | head -n 10 | sed "s|^bad|FAIL: $what: allocation|"
        fi
        echo "oom: $what: $tried of $count allocations failed in turn"
        rm -rf "$T"/w* "$T"/result*
    done
done

# Every allocation made inside one library function failed in turn (the
# shim's GW_FAIL_IN), with no failure of that library excused as upstream:
# each run is out of memory (exit 2, nothing written; the library may say
# so first) or gives the same output.
#   fail_inside FUNCTION FORMAT
fail_inside() {
    fn=$1 fmt=$2
    MODE=$fmt
    "$GW" -t "$fmt" -o "$T/in.ref" "$T/report.txt"
    rm -f "$T/in.count"
    GW_FAIL_IN=$fn GW_FAIL_COUNT=$T/in.count LD_PRELOAD=$SHIM \
        "$GW" -t "$fmt" -o "$T/in.out" "$T/report.txt" 2>/dev/null
    read -r count _ <"$T/in.count" 2>/dev/null || count=0
    [ "$count" -gt 0 ] || bad "$fn: the shim counted no allocations in it"
    n=1
    while [ $n -le "$count" ]; do
        rm -f "$T/in.out"
        GW_FAIL_IN=$fn GW_FAIL_AT=$n LD_PRELOAD=$SHIM \
            "$GW" -t "$fmt" -o "$T/in.out" "$T/report.txt" >/dev/null 2>"$T/err"
        rc=$?
        lines "$T/err"
        runs=$((runs + 1))
        if [ $rc -ge 128 ] && upstream_crash; then
            upstream=$((upstream + 1))
            echo "$fn: $crash" >>"$T/upstream"
        elif [ $rc -eq 2 ] && [ $oom -ge 1 ] && oom_last && [ ! -e "$T/in.out" ]; then
            ok
        elif [ $rc -eq 0 ] && cmp -s "$T/in.out" "$T/in.ref"; then
            ok
        else
            bad "$fn, its allocation $n failed ($fmt): exit $rc ($first)"
        fi
        n=$((n + 1))
    done
    echo "oom: $fmt: the $count allocations of $fn failed in turn"
}

# libxslt's transformation context: libxml2 only reports the failures of
# its XPath function table, and libxslt goes on without a dictionary, so
# the stylesheet used to run without them and "fail" (exit 1).
fail_inside xsltNewTransformContext html
# libxml2 reading a stylesheet file (its buffer, the gzip and xz readers it
# tries first): it reports "Not enough space" (XML_IO_ENOMEM) and goes on
# to parse an empty document, which read as a broken stylesheet (exit 1).
# The evenly spaced points of the runs above hit it only on some paths.
fail_inside xmlParserInputBufferGrow outline
# libzip, writing a .docx: a buffer source that could not be made freed the
# entry's bytes or not depending on where it failed (a double free when
# the caller freed them too).
fail_inside zip_source_buffer docx
fail_inside zip_close docx

# ulimit -v: the address space capped, so that from some point on every
# allocation fails, the C library's own included. The input is large
# enough for the cap to bite in the middle of the work; caps below what
# the program needs to be loaded at all are no concern of ours.
i=0
while [ $i -lt 4 ]; do cat samples/*.txt; i=$((i + 1)); done >"$T/big.txt"
for MODE in xml html check; do
    # the smallest cap (KiB) that works, by bisection
    lo=0 hi=1048576
    while [ $((hi - lo)) -gt 512 ]; do
        mid=$(((lo + hi) / 2))
        # shellcheck disable=SC2046
        if (ulimit -v $mid && exec "$GW" $(args "$MODE" "$T/big.txt" "$T/big.out")) \
            >/dev/null 2>&1; then hi=$mid; else lo=$mid; fi
        rm -f "$T/big.out"
    done
    # then down in steps of 2 MiB until the program cannot be loaded
    cap=$hi
    while [ $cap -gt 4096 ]; do
        cap=$((cap - 2048))
        # shellcheck disable=SC2046
        (ulimit -v $cap && exec "$GW" $(args "$MODE" "$T/big.txt" "$T/big.out")) \
            >/dev/null 2>"$T/err"
        rc=$?
        lines "$T/err"
        runs=$((runs + 1))
        case $first in *"error while loading shared libraries"*) break ;; esac
        if [ $rc -ge 128 ]; then
            bad "ulimit -v $cap $MODE: killed by signal $((rc - 128))"
        elif [ $rc -eq 2 ] && [ $oom -ge 1 ] && oom_last && [ ! -e "$T/big.out" ]; then
            ok # libxslt may say so first (xsltNewCompMatch : out of memory error)
        elif [ $rc -le 1 ] && [ $oom -eq 0 ]; then
            ok # enough after all: the cap is not exact
        else
            bad "ulimit -v $cap $MODE: exit $rc ($first)"
        fi
        rm -f "$T/big.out"
    done
    echo "oom: ulimit -v $MODE: works from $hi KiB on, fails cleanly down to $((cap + 2048)) KiB"
done
[ $known -gt 0 ] && echo "oom: $known runs failed in glibc's iconv_open, reported as an unknown encoding"
if [ $upstream -gt 0 ]; then
    echo "oom: $upstream runs met the failure handling of libxml2/libxslt themselves:"
    cut -d: -f2- "$T/upstream" | sort | uniq -c | sort -rn | sed 's/^/oom:   /'
fi
echo "oom: $pass passed, $fail failed ($runs runs)"
[ "$fail" -eq 0 ]
