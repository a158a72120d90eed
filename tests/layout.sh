#!/bin/sh
# README.md's layout section names every source file, and names no file
# that is gone: run from the top of the tree.
fail=0
for f in src/*.c; do
    b=$(basename "$f")
    case $b in check_*.c) [ "$b" = check_rules.c ] || continue ;; esac
    grep -q "\`$b\`" README.md || { echo "layout: README.md does not name src/$b"; fail=1; }
done
for b in $(sed -n '/^## Layout/,/^## /p' README.md | grep -o '`[a-z_0-9]*\.[ch]`' | tr -d '`' | sort -u); do
    [ -f "src/$b" ] || { echo "layout: README.md names src/$b, which does not exist"; fail=1; }
done
# and every file at the top of the tree (hooks, style, ignores)
for f in $(git ls-files 2>/dev/null | grep -v /); do
    sed -n '/^## Layout/,$p' README.md | grep -q "\`$f\`" ||
        { echo "layout: README.md's layout does not name $f"; fail=1; }
done
[ $fail = 0 ] && echo "layout: README.md names every source file"
exit $fail
