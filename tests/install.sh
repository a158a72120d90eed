#!/bin/sh
# The install as a user meets it (make api-test; run from the top of the
# tree after `make`):
#  - `make install` into a DESTDIR with a PREFIX that differs from the one
#    compiled in, then the installed gongwen run from another directory
#    (it must find its stylesheets relative to itself);
#  - tests/api/api_test.c compiled as C and as C++ against the installed
#    header and `pkg-config --cflags --libs gongwen` only, and run against
#    the installed shared library;
#  - the shared library exports the API and nothing else;
#  - `make uninstall` leaves nothing behind.
set -u
fail=0
no() { echo "install: $*"; fail=1; }
top=$(pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
prefix=/opt/gw-test-prefix
dest=$tmp/dest
make -s install DESTDIR="$dest" PREFIX=$prefix >"$tmp/log" 2>&1 || { cat "$tmp/log"; no "make install failed"; exit 1; }
root=$dest$prefix
for f in bin/gongwen include/gongwen.h lib/libgongwen.a lib/libgongwen.so lib/libgongwen.so.1 \
    lib/pkgconfig/gongwen.pc share/gongwen/xslt/html.xsl share/gongwen/gongwen.rng \
    share/man/man1/gongwen.1 share/man/man1/gongwen-check.1 share/man/man7/gongwen.7 \
    share/bash-completion/completions/gongwen share/locale/zh_CN/LC_MESSAGES/gongwen.mo; do
    [ -e "$root/$f" ] || no "not installed: $prefix/$f"
done

# the manual pages render without a warning (UTF-8 through preconv)
for m in man1/gongwen.1 man1/gongwen-check.1 man7/gongwen.7; do
    w=$(groff -k -man -Tutf8 -ww -z "$root/share/man/$m" 2>&1)
    [ -z "$w" ] || no "$m: $w"
done

# the binary from elsewhere, no environment telling it where its data is
cd "$tmp"
cp "$top/samples/$(ls "$top/samples" | grep '\.txt$' | head -1)" in.txt
if env -u GONGWEN_XSLT_DIR "$root/bin/gongwen" -t html in.txt >out.html 2>err; then
    grep -q '<html' out.html || no "installed gongwen -t html wrote no HTML"
else
    no "installed gongwen -t html failed: $(cat err)"
fi
LANG=zh_CN.UTF-8 LANGUAGE=zh_CN env -u GONGWEN_LOCALEDIR "$root/bin/gongwen" --help | grep -q '用法\|格式' ||
    no "installed gongwen does not find its translations"
cd "$top"

# the consumer, C and C++, through pkg-config only. The .pc names the
# final prefix, so a copy whose prefix= line points into DESTDIR stands in
# (the other directories are relative to it; --define-variable would move
# libxml2's prefix too).
mkdir "$tmp/pc"
sed "s|^prefix=.*|prefix=$root|" "$root/lib/pkgconfig/gongwen.pc" >"$tmp/pc/gongwen.pc"
grep -q "^prefix=$prefix\$" "$root/lib/pkgconfig/gongwen.pc" || no "gongwen.pc does not name prefix $prefix"
export PKG_CONFIG_PATH="$tmp/pc"
flags=$(pkg-config --cflags --libs gongwen) || no "pkg-config does not know gongwen"
case $flags in *"$dest$prefix/include"*) ;; *) no "pkg-config --cflags lacks the include directory: $flags" ;; esac
# a library built with sanitizers (make SANITIZE=...) needs a program built
# with them: the Makefile passes its flags in GW_SAN_FLAGS
san=${GW_SAN_FLAGS:-}
cc -std=c11 -Wall -Wextra -Werror $san -o "$tmp/api_c" tests/api/api_test.c $flags ||
    no "the C consumer does not build"
c++ -x c++ -std=c++11 -Wall -Wextra -Werror $san -o "$tmp/api_cxx" tests/api/api_test.c $flags ||
    no "the C++ consumer does not build"
for t in api_c api_cxx; do
    [ -x "$tmp/$t" ] || continue
    LD_LIBRARY_PATH="$root/lib" ldd "$tmp/$t" | grep -q "$root/lib/libgongwen.so.1" ||
        no "$t is not linked against the installed libgongwen.so.1"
    LD_LIBRARY_PATH="$root/lib" "$tmp/$t" "$root/share/gongwen/xslt" || no "$t failed"
done

# only the API is exported: every exported function is declared GW_API
nm -D --defined-only "$root/lib/libgongwen.so" | awk '$2 == "T" {print $3}' | sort >"$tmp/exported"
sed -n 's/^GW_API [^(]*[ *]\(gw_[a-z_]*\)(.*/\1/p' "$root/include/gongwen.h" | sort >"$tmp/declared"
[ -s "$tmp/exported" ] && cmp -s "$tmp/exported" "$tmp/declared" ||
    no "exported symbols differ from the GW_API declarations: $(diff "$tmp/declared" "$tmp/exported" | grep '^[<>]' | tr '\n' ' ')"
readelf -d "$root/lib/libgongwen.so" | grep -q 'SONAME.*libgongwen\.so\.1' || no "no soname libgongwen.so.1"

make -s uninstall DESTDIR="$dest" PREFIX=$prefix >/dev/null 2>&1 || no "make uninstall failed"
left=$(find "$dest" -type f -o -type l)
[ -z "$left" ] || no "make uninstall left $left"
[ $fail = 0 ] && echo "install: installed, ran from elsewhere, C and C++ consumers built and ran, uninstalled"
exit $fail
