#!/bin/sh
# The Python binding as a user meets it (make python-test, in make check; run
# from the top of the tree after `make`): the library installed into a
# temporary DESTDIR, `pip install ./python` into a fresh virtual environment
# (no network: --no-index, the system's setuptools), then its pytest suite
# run from another directory against the installed library only.
# Needs python3-venv, python3-pip, python3-pytest, python3-setuptools and
# python3-wheel (DEB_PKGS); a missing one fails the test, never skips it.
set -u
fail=0
no() { echo "python: $*"; fail=1; }
top=$(pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Debian's python3 (where python3-pytest is) over another one first in PATH
py=/usr/bin/python3
[ -x $py ] || py=$(command -v python3)
prefix=/opt/gw-python-test
make -s install DESTDIR="$tmp/dest" PREFIX=$prefix >"$tmp/log" 2>&1 || { cat "$tmp/log"; no "make install failed"; exit 1; }
root=$tmp/dest$prefix
$py -m venv --system-site-packages "$tmp/venv" >"$tmp/log" 2>&1 || { cat "$tmp/log"; no "python3 -m venv failed (python3-venv)"; exit 1; }
"$tmp/venv/bin/python" -c 'import pytest' 2>/dev/null || { no "pytest is not installed (python3-pytest)"; exit 1; }
# pip builds in the source directory: a copy keeps the tree clean
cp -r python "$tmp/src"
"$tmp/venv/bin/python" -m pip install --no-index --no-build-isolation "$tmp/src" >"$tmp/log" 2>&1 ||
    { cat "$tmp/log"; no "pip install ./python failed"; exit 1; }
cd "$tmp"
where=$(LD_LIBRARY_PATH="$root/lib" "$tmp/venv/bin/python" -c 'import gongwen; print(gongwen.__file__)' 2>&1)
case $where in "$tmp/venv/"*) ;; *) no "import gongwen did not use the installed package: $where" ;; esac
# the tests find the samples through the tree they came from
mkdir "$tmp/python"
cp -r "$top/python/tests" "$tmp/python/tests"
ln -s "$top/samples" "$tmp/samples"
mkdir "$tmp/tests"
ln -s "$top/tests/readers" "$tmp/tests/readers"
env -u GONGWEN_LIBRARY -u GONGWEN_XSLT_DIR -u GONGWEN_LOCALEDIR LD_LIBRARY_PATH="$root/lib" \
    "$tmp/venv/bin/python" -m pytest -q -p no:cacheprovider "$tmp/python/tests" >"$tmp/log" 2>&1 ||
    no "pytest failed: $(cat "$tmp/log")"
tail -1 "$tmp/log" | grep -q ' passed' || no "pytest ran no test: $(tail -3 "$tmp/log")"
grep -q 'skipped' "$tmp/log" && no "pytest skipped tests: $(tail -1 "$tmp/log")"
# without the library the import says what to do
LD_LIBRARY_PATH= "$tmp/venv/bin/python" -c 'import gongwen' 2>&1 | grep -q 'install the C library' ||
    no "import without the library does not say what is missing"
cd "$top"
[ $fail = 0 ] && echo "python: pip install ./python into a venv, $(tail -1 "$tmp/log" | tr -d =)"
exit $fail
