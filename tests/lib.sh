# Shared by the shell test suites (sourced after GW is set): a scratch
# directory $T removed on exit, pass/fail counters, and assertions.
# GW made absolute, so a suite may cd into $T; ROOT is the source tree.
case ${GW:-} in /* | "") ;; *) GW=$(pwd)/$GW ;; esac
ROOT=$(cd "$(dirname "$0")/.." && pwd)
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
# expect STATUS DESCRIPTION -- command...: the command's output in $T/out
# and $T/err.
expect() {
    want=$1 what=$2; shift 3
    "$@" >"$T/out" 2>"$T/err"; got=$?
    if [ "$got" -eq "$want" ]; then ok; else bad "$what: exit $got, want $want ($(head -c 300 "$T/err"))"; fi
}
# has FILE PATTERN DESCRIPTION, hasnt FILE PATTERN DESCRIPTION: grep.
has() { if grep -q -- "$2" "$1"; then ok; else bad "$3: '$2' not in $(head -c 300 "$1")"; fi; }
hasnt() { if grep -q -- "$2" "$1"; then bad "$3: '$2' in $(head -c 300 "$1")"; else ok; fi; }
