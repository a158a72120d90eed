#!/bin/sh
# A long run of the fast harness, for the 10^7-execution record.
# Usage: campaign.sh DIR RUNS SECONDS   (from the repository's root, after
# make tests/fuzz/fuzz_fast tests/fuzz/fuzz_fast_speed)
#
# Runs the speed build (tests/fuzz/fuzz_fast_speed: -O2, UBSan, no ASan) at
# nice 19 in one process (one core) until RUNS executions or SECONDS have
# passed, then replays every input it kept under the ASan+UBSan build, so
# what ASan would have caught is caught on the corpus that coverage led to.
# The binaries, dictionary and corpus are copied into DIR first, so the
# worktree can be rebuilt meanwhile. DIR/campaign.log gets one line per
# session of libFuzzer (executions, seconds, exit status) and the totals;
# libFuzzer's own output goes to DIR/fuzz.log, crashes to DIR/findings/.
# A crash ends the session; the campaign starts another on the grown corpus
# (at most 5 crashes), so one finding does not end the record.
set -u
dir=$1
runs=$2
seconds=$3
mkdir -p "$dir/corpus" "$dir/findings"
cp tests/fuzz/fuzz_fast_speed "$dir/fast_speed"
cp tests/fuzz/fuzz_fast "$dir/fast_asan"
cp tests/fuzz/gongwen.dict "$dir/"
[ -d tests/fuzz/seeds ] || sh tests/fuzz/seeds.sh tests/fuzz/seeds
cp tests/fuzz/seeds/* "$dir/corpus/"
[ -d tests/fuzz/corpus ] && cp tests/fuzz/corpus/* "$dir/corpus/" 2>/dev/null
# absolute: the loop below runs inside $dir
log=$(cd "$dir" && pwd)/campaign.log
end=$(($(date +%s) + seconds))
done_runs=0
crashes=0
{
    echo "start $(date -u +%FT%TZ) commit $(git rev-parse --short HEAD 2>/dev/null)" \
        "runs $runs seconds $seconds load $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "command: nice -n 19 fast_speed -runs=N -max_total_time=T -max_len=1024 -entropic=0" \
        "-timeout=20 -rss_limit_mb=2048 -print_final_stats=1 -dict=gongwen.dict corpus"
} >>"$log"
cd "$dir" || exit 1
while [ "$done_runs" -lt "$runs" ] && [ "$(date +%s)" -lt "$end" ] && [ "$crashes" -lt 5 ]; do
    left=$((end - $(date +%s)))
    t0=$(date +%s)
    nice -n 19 ./fast_speed -runs=$((runs - done_runs)) -max_total_time="$left" -max_len=1024 \
        -entropic=0 -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 -dict=gongwen.dict \
        -artifact_prefix=findings/ corpus >session.log 2>&1
    rc=$?
    cat session.log >>fuzz.log
    n=$(sed -n 's/^stat::number_of_executed_units: *//p' session.log | tail -1)
    if [ -z "$n" ]; then # a crash prints no final stats: the last status line
        n=$(grep -o '^#[0-9]*' session.log | tail -1 | tr -d '#')
    fi
    n=${n:-0}
    done_runs=$((done_runs + n))
    [ "$rc" -ne 0 ] && crashes=$((crashes + 1))
    echo "session $(date -u +%FT%TZ) executions $n seconds $(($(date +%s) - t0)) exit $rc" \
        "total $done_runs load $(cut -d' ' -f1 /proc/loadavg)" >>"$log"
done
nice -n 19 ./fast_asan -runs=0 -max_len=1024 -rss_limit_mb=2048 -artifact_prefix=findings/asan- \
    corpus >replay.log 2>&1
rc=$?
{
    echo "replay under ASan+UBSan of $(ls corpus | wc -l) inputs: exit $rc"
    echo "end $(date -u +%FT%TZ) executions $done_runs crashes $crashes" \
        "findings $(ls findings | wc -l)"
} >>"$log"
