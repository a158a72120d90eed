#!/bin/sh
# The Debian packages (make deb; run from the top of the tree): the tree
# copied to a temporary directory (dpkg-buildpackage writes its .debs beside
# the source, and cleans it), built with `dpkg-buildpackage -us -uc -b`,
# then each package unpacked with dpkg-deb -x into one root (not installed
# into this machine) and used there:
#  - the packages hold what they should, and declare their dependencies;
#  - the packaged gongwen converts and checks a sample, finding its
#    stylesheets and catalogues under the root;
#  - tests/api/api_test.c built as C and C++ with pkg-config against
#    libgongwen-dev and run against libgongwen1;
#  - the Python binding's tests run against the packaged library.
# Keeps the .debs when DEB_OUT names a directory. Needs debhelper, dpkg-dev,
# fakeroot and the build dependencies in debian/control (make deb-deps).
set -u
fail=0
no() { echo "deb: $*"; fail=1; }
top=$(pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
version=$(dpkg-parsechangelog -SVersion) || { no "dpkg-parsechangelog failed (dpkg-dev)"; exit 1; }
arch=$(dpkg-architecture -qDEB_HOST_ARCH)
triplet=$(dpkg-architecture -qDEB_HOST_MULTIARCH)
src=$tmp/gongwen-$version
mkdir "$src"
# the files of the tree, tracked or new, without build products
if git rev-parse --git-dir >/dev/null 2>&1; then
    git ls-files -z -co --exclude-standard | xargs -0 -I{} cp --parents -P {} "$src/" 2>/dev/null
    git ls-files -z -co --exclude-standard | tr '\0' '\n' | while read -r f; do
        [ -e "$f" ] && [ ! -e "$src/$f" ] && echo "$f"; done >"$tmp/missing"
    [ -s "$tmp/missing" ] && no "not copied: $(head -3 "$tmp/missing")"
else
    tar -cf - --exclude=./build --exclude=./gongwen --exclude=./out . | tar -xf - -C "$src"
fi
(cd "$src" && dpkg-buildpackage -us -uc -b) >"$tmp/build.log" 2>&1 ||
    { tail -40 "$tmp/build.log"; no "dpkg-buildpackage -us -uc -b failed"; exit 1; }
for p in gongwen:$arch gongwen-data:all libgongwen1:$arch libgongwen-dev:$arch; do
    deb=$tmp/${p%%:*}_${version}_${p#*:}.deb
    [ -f "$deb" ] || { no "not built: $(basename "$deb")"; continue; }
    dpkg-deb -x "$deb" "$tmp/root" || no "dpkg-deb -x $(basename "$deb") failed"
    dpkg-deb -c "$deb" | awk '{print $6}' >"$tmp/${p%%:*}.list"
done
[ $fail = 0 ] || exit 1
has() { grep -q "$2" "$tmp/$1.list" || no "$1 lacks $2"; }
has gongwen ./usr/bin/gongwen
has gongwen ./usr/share/man/man1/gongwen-check.1
has gongwen ./usr/share/bash-completion/completions/gongwen
has gongwen-data ./usr/share/gongwen/xslt/html.xsl
has gongwen-data ./usr/share/gongwen/gongwen.rng
has gongwen-data ./usr/share/locale/zh_CN/LC_MESSAGES/gongwen.mo
has libgongwen1 "./usr/lib/$triplet/libgongwen.so.1"
has libgongwen-dev ./usr/include/gongwen.h
has libgongwen-dev "./usr/lib/$triplet/pkgconfig/gongwen.pc"
has libgongwen-dev "./usr/lib/$triplet/libgongwen.a"
dpkg-deb -f "$tmp/libgongwen1_${version}_$arch.deb" Depends | grep -q libxml2 ||
    no "libgongwen1 does not depend on libxml2"
dpkg-deb -f "$tmp/gongwen_${version}_$arch.deb" Depends | grep -q "gongwen-data (= $version)" ||
    no "gongwen does not depend on gongwen-data"
root=$tmp/root
libdir=$root/usr/lib/$triplet

# the packaged command, from elsewhere
cd "$tmp"
sample=$(ls "$top"/samples/*.txt | head -1)
env -u GONGWEN_XSLT_DIR -u GONGWEN_LOCALEDIR "$root/usr/bin/gongwen" -t html "$sample" >out.html 2>err ||
    no "packaged gongwen -t html failed: $(cat err)"
grep -q '<html' out.html || no "packaged gongwen wrote no HTML"
LANG=zh_CN.UTF-8 LANGUAGE=zh_CN env -u GONGWEN_LOCALEDIR "$root/usr/bin/gongwen" check --help |
    grep -q '用法' || no "packaged gongwen does not find its catalogues"

# the consumer through pkg-config (a copy of the .pc pointing into the root)
mkdir pc
sed "s|^prefix=.*|prefix=$root/usr|" "$libdir/pkgconfig/gongwen.pc" >pc/gongwen.pc
flags=$(PKG_CONFIG_PATH=$tmp/pc pkg-config --cflags --libs gongwen) || no "pkg-config does not know gongwen"
cc -std=c11 -Wall -Wextra -Werror -o api_c "$top/tests/api/api_test.c" $flags || no "the C consumer does not build"
c++ -x c++ -std=c++11 -Wall -Wextra -Werror -o api_cxx "$top/tests/api/api_test.c" $flags ||
    no "the C++ consumer does not build"
for t in api_c api_cxx; do
    [ -x "$t" ] || continue
    LD_LIBRARY_PATH=$libdir ./$t "$root/usr/share/gongwen/xslt" >/dev/null || no "$t failed"
done

# the Python binding against the packaged library (stylesheets found from it)
py=/usr/bin/python3
[ -x $py ] || py=$(command -v python3)
if $py -c 'import pytest' 2>/dev/null; then
    env -u GONGWEN_XSLT_DIR -u GONGWEN_LOCALEDIR -u GONGWEN_LIBRARY PYTHONDONTWRITEBYTECODE=1 LD_LIBRARY_PATH=$libdir \
        PYTHONPATH=$top/python $py -m pytest -q -p no:cacheprovider "$top/python/tests" >py.log 2>&1 ||
        no "python tests failed: $(tail -15 py.log)"
else
    no "pytest is not installed (python3-pytest)"
fi
cd "$top"
if [ -n "${DEB_OUT:-}" ]; then
    mkdir -p "$DEB_OUT" && cp "$tmp"/*.deb "$DEB_OUT"/ && echo "deb: packages in $DEB_OUT"
fi
[ $fail = 0 ] && echo "deb: built $(ls "$tmp"/*.deb | wc -l) packages, unpacked, ran gongwen, C/C++ consumers and the Python tests against them"
exit $fail
