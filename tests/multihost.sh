#!/bin/sh
# bench/multihost.sh (a list of files cut into shares, one gongwen batch per
# share over ssh, by GNU parallel) run with a fake ssh that runs each
# command here and logs the host it was meant for: every input converted
# once, both hosts used, the manifests merged, a failed file reported, a
# re-run with --incremental skipping every share's files, and the lists
# refused. Usage: sh tests/multihost.sh ./gongwen
set -u
GW=${1:-./gongwen}
. "$(dirname "$0")/lib.sh"
export LC_ALL=C.UTF-8
unset LANGUAGE
MH=$ROOT/bench/multihost.sh
command -v parallel >/dev/null || { echo "FAIL: GNU parallel is not installed (make deps)"; exit 1; }

cd "$T"
cat >fakessh <<'EOS'
#!/bin/sh
# ssh as GNU parallel calls it: options skipped, the host logged, the
# command run here
while [ $# -gt 0 ]; do
    case $1 in
    -l | -p | -o | -i | -F | -S | -c | -e | -m | -O) shift 2 ;;
    --) shift; break ;;
    -*) shift ;;
    *) break ;;
    esac
done
host=$1
shift
[ "${1:-}" = -- ] && shift
echo "$host" >>"$FAKE_SSH_LOG"
# sshd gives the remote command the user's login shell in $SHELL, and
# parallel's remote wrapper execs it: a CI job without SHELL would run no
# batch at all
export SHELL=${SHELL:-/bin/sh}
exec sh -c "$*"
EOS
chmod +x fakessh
export GW_SSH="$T/fakessh" FAKE_SSH_LOG="$T/ssh.log"
printf '2/alpha\n1/beta\n' >hosts
mkdir "in" "in/with space"
i=0
for f in "$ROOT"/samples/*.txt "$ROOT"/tests/corpus/*.txt; do
    i=$((i + 1))
    [ $i -le 12 ] || break
    cp "$f" "in/r$i.txt"
done
cp "$ROOT/samples/nantong-2024.txt" "in/with space/it's.txt"
printf '一、总则\n正文\377内容\n' >in/bad.txt
find "$T/in" -name '*.txt' | sort >list
n=$(grep -c . list)

expect 1 "a list with one bad file" -- "$MH" -H hosts -n 4 -g "$GW" -O res list -- -t html,xml -j 1
has "$T/out" "$n of $n inputs in .*manifest.jsonl, 1 failed; 4 batches" "the summary"
has "$T/err" "bad.txt:2:3: error: invalid UTF-8 byte 0xFF" "the failed file reported"
for f in $(sed 's|.*/||; s|\.txt$||; /bad/d; / /d' list) "it's"; do
    [ -s "res/$f.html" ] && [ -s "res/$f.xml" ] && ok || bad "res/$f.{html,xml} missing"
done
[ "$(grep -c . res/manifest.jsonl)" = "$n" ] && ok || bad "the merged manifest has not $n records"
[ "$(sed 's/.*"path":"\([^"]*\)".*/\1/' res/manifest.jsonl | sort -u | wc -l)" = "$n" ] && ok ||
    bad "an input converted twice or not at all"
grep -q alpha ssh.log && grep -q beta ssh.log && ok || bad "both hosts not used: $(sort ssh.log | uniq -c)"
[ "$(grep -c . ssh.log)" = 4 ] && ok || bad "not one ssh per share: $(cat ssh.log)"
(cd in && "$GW" -t html r1.txt) >single.html
cmp -s res/r1.html single.html && ok || bad "a share's output differs from a single run's"

# the same list and share size: the same shares, so each batch finds its
# own manifest and skips what it converted
expect 1 "a re-run with --incremental" -- "$MH" -H hosts -n 4 -g "$GW" -O res list -- -t html,xml -j 1 \
    --incremental
[ "$(grep -c '"status":"unchanged"' res/manifest.jsonl)" = $((n - 1)) ] && ok ||
    bad "a re-run converted again: $(grep -c '"status":"unchanged"' res/manifest.jsonl) unchanged"

# refused before anything runs
cp in/r1.txt "in/with space/r1.txt"
find "$T/in" -name '*.txt' >dups
expect 2 "two inputs with one name" -- "$MH" -H hosts -g "$GW" -O out2 dups
has "$T/err" "several inputs named r1" "the duplicate named"
expect 2 "no hosts file" -- "$MH" -H nohosts -g "$GW" -O out2 list
expect 2 "-n 0" -- "$MH" -H hosts -n 0 -g "$GW" -O out2 list
[ -e out2 ] && bad "a refused list made its output directory" || ok

echo "multihost: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
