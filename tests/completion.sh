#!/bin/bash
# The bash completion (completion/gongwen.bash) against this gongwen: the
# formats and rule ids it offers come from the program. bash-completion's
# helpers are stubbed (_init_completion splits the words as it would; no
# files are completed here). Usage: bash tests/completion.sh ./gongwen
set -u
GW=${1:-./gongwen}
case $GW in /*) ;; *) GW=$(pwd)/$GW ;; esac
ROOT=$(cd "$(dirname "$0")/.." && pwd)
pass=0 fail=0
_init_completion() { words=("${COMP_WORDS[@]}"); cword=$COMP_CWORD; cur=${words[cword]}; prev=${words[cword-1]}; }
_filedir() { :; }
compopt() { :; }
. "$ROOT/completion/gongwen.bash"
# complete WORDS... : COMPREPLY for the last word, sorted, one line
complete_words() {
    COMP_WORDS=("$GW" "$@"); COMP_CWORD=$#; COMPREPLY=()
    _gongwen
    printf "%s\n" "${COMPREPLY[@]}" | LC_ALL=C sort | tr '\n' ' '
}
want() {
    local got; got=$(complete_words "${@:2}")
    if [[ $got == "$1" ]]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: '${*:2}': got '$got', want '$1'"; fi
}
want "htm html " -t h
want "html,markdown html,md " -t html,m
want "markdown md " --to m
want "numbering-duplicate numbering-gap numbering-order numbering-restart " check --disable numbering
want "json " check --format j
want "github " check --format g
want "--diff --disable " check --di
want "--fix " check --fi
want "--config " check --conf
want "--no-caret --no-config " check --no-c
want "--include --incremental " --inc
want "check " ch
want "markdown " --from m
want "--from " --fr
# every format --list-formats names is offered
n=$("$GW" --list-formats | wc -l)
got=$(complete_words -t "" | wc -w)
if [ "$got" -ge "$n" ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $got formats offered, $n exist"; fi
echo "completion: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
