#!/bin/sh
# An archive too big for one machine, converted by several: GNU parallel
# (an existing tool, nothing home-made) cuts a list of input files into
# shares and runs one gongwen batch per share over ssh on the hosts it is
# given, as many at a time on each as the hosts file says; each batch
# writes its outputs and its own manifest, and the manifests are merged at
# the end into OUTDIR/manifest.jsonl.
#
#   bench/multihost.sh [-H HOSTS] [-n FILES] [-g GONGWEN] -O OUTDIR LIST [-- OPTION...]
#
#   LIST     input files, one path a line (`find /archive -name '*.txt' >list`)
#   -O       the output directory, on storage every host sees at the same
#            path (NFS, CephFS...), as the inputs must be: nothing is copied
#   -H       GNU parallel's --sshloginfile: one host a line, prefixed with
#            the number of batches it runs at once (`2/user@node1`; `:` is
#            this machine). Default: ./hosts
#   -n       files per share (default 250): small enough that every host
#            gets work, large enough that a batch compiles its stylesheets
#            once for many files
#   -g       the gongwen command on the hosts (default: gongwen)
#   OPTION   gongwen's, given to every batch (-t html,md, -j 1, --max-input=...)
#
# A file named alone in a batch is written as OUTDIR/NAME.EXT, so two
# inputs with one name would overwrite each other on different hosts: the
# list is refused if it has such names (convert those directories apart).
# Each share's manifest is OUTDIR/.manifests/part-N.jsonl; with
# --incremental the same LIST and -n give the same shares, so a re-run
# skips what its share already converted. Exit status: 0, or 1 when any
# file or batch failed (the merged manifest says which), 2 for usage.
# $GW_SSH replaces ssh (tests/multihost.sh runs it with a fake one).
set -u
usage() { echo "usage: $0 [-H HOSTS] [-n FILES] [-g GONGWEN] -O OUTDIR LIST [-- OPTION...]" >&2; exit 2; }
hosts=hosts n=250 gw=gongwen out=
while getopts H:n:g:O: opt; do
    case $opt in
    H) hosts=$OPTARG ;;
    n) n=$OPTARG ;;
    g) gw=$OPTARG ;;
    O) out=$OPTARG ;;
    *) usage ;;
    esac
done
shift $((OPTIND - 1))
[ $# -ge 1 ] && [ -n "$out" ] || usage
list=$1
shift
[ $# -gt 0 ] && { [ "$1" = -- ] || usage; shift; }
case $n in '' | *[!0-9]* | 0) echo "$0: -n wants a number of files" >&2; exit 2 ;; esac
[ -r "$list" ] || { echo "$0: $list: cannot read the list" >&2; exit 2; }
[ -r "$hosts" ] || { echo "$0: $hosts: cannot read the hosts file (-H)" >&2; exit 2; }
command -v parallel >/dev/null || { echo "$0: GNU parallel is not installed" >&2; exit 2; }
dups=$(sed 's|.*/||; s|\.[^.]*$||' "$list" | sort | uniq -d | head -5)
[ -z "$dups" ] || { echo "$0: several inputs named $(echo $dups): one output each would be lost" >&2; exit 2; }
mkdir -p "$out/.manifests" || exit 2
out=$(cd "$out" && pwd)
total=$(grep -c . "$list")
shares=$(((total + n - 1) / n))
# a previous run's manifests stay for --incremental; those of shares this
# run does not have would be merged with its own
for f in "$out"/.manifests/part-*.jsonl; do
    k=${f##*/part-}
    [ -e "$f" ] && [ "${k%.jsonl}" -gt $shares ] && rm -f "$f"
done
# the options, quoted for the remote shell
opts=
for a in "$@"; do opts="$opts '$(printf '%s' "$a" | sed "s/'/'\\\\''/g")'"; done
# {#}: the share's number. xargs -x: one gongwen per share, or a failure
# (never a share split in two batches that would write one manifest).
parallel --will-cite --pipe -N "$n" --sshloginfile "$hosts" ${GW_SSH:+--ssh "$GW_SSH"} \
    --joblog "$out/.manifests/joblog" \
    "xargs -d '\\n' -x -n $n $gw -O '$out' --manifest '$out/.manifests/part-{#}.jsonl' $opts --" <"$list"
rc=$?
# in the list's order: share 1, 2, ... (a share whose batch did not run
# has no manifest, and its files are missing from the count)
k=1
while [ $k -le $shares ]; do
    cat "$out/.manifests/part-$k.jsonl" 2>/dev/null ||
        echo "$0: share $k wrote no manifest: its batch did not run (see $out/.manifests/joblog)" >&2
    k=$((k + 1))
done >"$out/manifest.jsonl"
done=$(grep -c . "$out/manifest.jsonl")
failed=$(grep -c '"status":"failed"' "$out/manifest.jsonl")
echo "multihost: $done of $total inputs in $out/manifest.jsonl, $failed failed; $(($(wc -l <"$out/.manifests/joblog") - 1)) batches"
[ "$rc" = 0 ] && [ "$done" = "$total" ] || exit 1
