#!/bin/sh
# gongwen check with a project configuration (.gongwen.json found upward
# from the checked file, --config, --no-config, the command line over the
# file) and --format=github. Usage (from the repository root):
#     sh tests/config.sh ./gongwen
set -u
GW=${1:-./gongwen}
. "$(dirname "$0")/lib.sh"
export LC_ALL=C.UTF-8 LANG=C.UTF-8
unset LANGUAGE NO_COLOR
cd "$T" || exit 2

mkdir -p proj/docs/2024 other
W=proj/docs/2024/w.txt
cp "$ROOT/tests/check/whitespace.txt" "$W"
cp "$ROOT/tests/check/level-skip.txt" proj/docs/2024/skip.txt
cp "$ROOT/tests/check/whitespace.txt" other/w.txt
count() { grep -c "$1" "$T/err"; }

expect 0 "no config: notes" -- "$GW" check --no-caret "$W"
[ "$(count ': note: .*\[whitespace\]')" -eq 5 ] && ok || bad "no config: 5 whitespace notes"
# found two directories up; a severity turns the rule on at that level
printf '{"rules": {"whitespace": "error"}, "fail-on": "warning"}\n' >proj/.gongwen.json
expect 1 "config: whitespace an error" -- "$GW" check --no-caret "$W"
[ "$(count ': error: .*\[whitespace\]')" -eq 5 ] && ok || bad "config: 5 whitespace errors"
expect 0 "config: not above other/" -- "$GW" check --no-caret other/w.txt
# the nearest file wins
printf '{"rules": {"all": "off", "level-skip": "on"}, "allow-level-skip": false}\n' \
    >proj/docs/.gongwen.json
expect 0 "nearer config: all off" -- "$GW" check --no-caret "$W"
has "$T/err" "no problems in 1 file" "nearer config: whitespace off"
expect 0 "nearer config: level-skip on" -- "$GW" check --no-caret proj/docs/2024/skip.txt
has "$T/err" "skip.txt:3:1: warning: .*\[level-skip\]" "level-skip on under all off"
hasnt "$T/err" "\[empty-section\]\|\[numbering" "all off but level-skip"
printf '{"allow-level-skip": true}\n' >proj/docs/.gongwen.json
expect 0 "allow-level-skip from the file" -- "$GW" check --no-caret proj/docs/2024/skip.txt
hasnt "$T/err" "skip.txt:3:1: .*\[level-skip\]" "allow-level-skip from the file"
# the command line over the file
printf '{"rules": {"whitespace": "off"}, "fail-on": "note"}\n' >proj/docs/.gongwen.json
expect 0 "the file turns whitespace off" -- "$GW" check --no-caret "$W"
has "$T/err" "no problems in 1 file" "whitespace off in the file"
expect 1 "--enable over the file, with its fail-on" -- "$GW" check --no-caret --enable whitespace "$W"
[ "$(count ': note: .*\[whitespace\]')" -eq 5 ] && ok || bad "--enable over the file"
expect 0 "--fail-on over the file" -- "$GW" check --no-caret --enable whitespace --fail-on error "$W"
# --no-config, --config
expect 0 "--no-config" -- "$GW" check --no-config --no-caret "$W"
[ "$(count ': note: .*\[whitespace\]')" -eq 5 ] && ok || bad "--no-config: the defaults"
expect 1 "--config" -- "$GW" check --config proj/.gongwen.json --no-caret other/w.txt
[ "$(count ': error: .*\[whitespace\]')" -eq 5 ] && ok || bad "--config: its severities"
expect 2 "--config and --no-config" -- "$GW" check --config proj/.gongwen.json --no-config "$W"
expect 2 "--config missing" -- "$GW" check --config nowhere.json "$W"
has "$T/err" "nowhere.json: No such file" "--config missing: the name"
# standard input: looked up from the working directory
expect 1 "stdin in proj/" -- sh -c "cd proj && \"$GW\" check --no-caret <docs/2024/w.txt"
has "$T/err" "<stdin>:5:11: error: trailing white space" "stdin: the config of the working directory"
# the config also decides what --fix fixes
cp "$W" proj/docs/2024/f.txt
expect 0 "--fix with whitespace off" -- "$GW" check --fix proj/docs/2024/f.txt
cmp -s proj/docs/2024/f.txt "$W" && ok || bad "--fix fixed a rule the config turns off"

# a severity reaches the rules that report at a tree node too
mkdir -p sev
cp "$ROOT/tests/check/numbering-gap.txt" sev/
printf '{"rules": {"numbering-gap": "error"}}\n' >sev/.gongwen.json
expect 1 "config: numbering-gap an error" -- "$GW" check --no-caret sev/numbering-gap.txt
[ "$(count ': error: .*\[numbering-gap\]')" -eq 5 ] && [ "$(count ': warning: .*\[numbering-gap\]')" -eq 0 ] && ok || bad "config: numbering-gap findings are errors"

# max-diagnostics: the file's, and --max-diagnostics over it
printf '{"max-diagnostics": 2}\n' >proj/docs/.gongwen.json
expect 0 "config: max-diagnostics 2" -- "$GW" check --no-caret "$W"
[ "$(count ' \[whitespace\]$')" -eq 2 ] && ok || bad "config: 2 findings shown"
has "$T/err" "note: 3 more findings from here on are not shown" "config: the note of 3 more"
expect 0 "--max-diagnostics over the file" -- "$GW" check --no-caret --max-diagnostics=0 "$W"
[ "$(count ' \[whitespace\]$')" -eq 5 ] && ! grep -q "not shown" "$T/err" && ok || bad "--max-diagnostics=0 over the file"

# Bad files: one line naming the file (and the place of a syntax error).
bad_config() { # CONTENT PATTERN
    printf '%s' "$1" >proj/docs/.gongwen.json
    expect 2 "bad config $1" -- "$GW" check "$W"
    has "$T/err" "$2" "bad config $1"
}
bad_config '{"rules": {"whitespace": "of"}}' ".gongwen.json: rule 'whitespace' is not off, on or a severity"
bad_config '{"rules": {"no-such-rule": true}}' "unknown rule 'no-such-rule'"
bad_config '{"fail_on": "note"}' "unknown setting 'fail_on'"
bad_config '{"allow-level-skip": 1}' "'allow-level-skip' is not true or false"
bad_config '{"fail-on": "fatal"}' "'fail-on' is not error, warning or note"
bad_config '{"encoding": ""}' "'encoding' is not an encoding name"
bad_config '{"max-diagnostics": -1}' "'max-diagnostics' is not a number of findings (0: all)"
bad_config '{"max-diagnostics": "10"}' "'max-diagnostics' is not a number of findings (0: all)"
bad_config '[]' ".gongwen.json: not a JSON object"
bad_config '{
  "rules": {"whitespace" "off"}
}' ".gongwen.json:2:26: not JSON"
has "$T/err" "1 file could not be checked" "bad config: the file not checked"
# comments, as json-c reads them, and an encoding
printf '/* GBK reports */ {"encoding": "GBK", // the old office\n "rules": {"whitespace": false}}' \
    >proj/docs/.gongwen.json
iconv -f UTF-8 -t GBK "$ROOT/tests/check/numbering-gap.txt" >proj/docs/2024/gbk.txt
expect 0 "config: comments and encoding" -- "$GW" check --no-caret proj/docs/2024/gbk.txt
has "$T/err" "expected 第三节, found 第四节" "config encoding: GBK read"
rm proj/docs/.gongwen.json

# --format=github: workflow commands on standard output, notes as
# notices, end columns inclusive, % CR LF escaped in the message and
# also : and , in the properties.
cd "$ROOT/tests/check" || exit 2
expect 0 "github" -- "$GW" check --format=github --no-config whitespace.txt numbering-gap.txt
has "$T/out" '^::notice file=whitespace.txt,line=5,col=11,endLine=5,endColumn=11,title=whitespace::trailing white space$' "github: a note"
has "$T/out" '^::warning file=numbering-gap.txt,line=21,col=1,endLine=21,endColumn=3,title=numbering-gap::expected 第三节, found 第四节$' "github: a warning"
[ "$(wc -l <"$T/out")" -eq "$(grep -c ' \[[a-z-]*\]$' whitespace.expected numbering-gap.expected | awk -F: '{s += $2} END {print s}')" ] \
    && ok || bad "github: one line per diagnostic"
cd "$T" || exit 2
printf '一、甲\n\n二、乙\n\n四、丙（%%5,a:b\n' >'we,ird:100%.txt'
expect 0 "github escaping" -- "$GW" check --format=github --no-config 'we,ird:100%.txt'
has "$T/out" '^::warning file=we%2Cird%3A100%25.txt,line=5,' "github: property escaping"
printf '一、甲\n\n三、乙\n' >e.txt
expect 1 "github error" -- "$GW" check --format=github --no-config --fail-on warning e.txt
has "$T/out" '^::warning ' "github: warning"

echo "config: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
