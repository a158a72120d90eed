# gongwen — see README.md. `make deps` installs the Debian packages.
#
# How this Makefile is laid out (keep it so when merging):
#  1. Install directories: GNU names, all overridable at install time
#     (`make install PREFIX=/usr DESTDIR=/tmp/x`); nothing is rebuilt for them,
#     since the binary finds its data relative to itself (src/xform.c).
#  2. Flags: the project's own flags (GW_*) are kept apart from the user's
#     CFLAGS/CPPFLAGS/LDFLAGS, which come last and are never overwritten, so
#     `make CFLAGS="-O2 -fPIC"` works. pkg-config's flags live in GW_CPPFLAGS.
#  3. Build products: objects, libraries and gongwen.pc under build/ (never in
#     src/); the gongwen executable stays at the top so that a build tree runs
#     as it is (it finds xslt/ and po/ beside itself) and tests run ./gongwen.
PKGS     := libxml-2.0 libxslt libexslt json-c libzip poppler-glib
PREFIX   ?= /usr/local
BINDIR   ?= $(PREFIX)/bin
LIBDIR   ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
DATADIR  ?= $(PREFIX)/share
MANDIR   ?= $(DATADIR)/man
LOCALEDIR ?= $(DATADIR)/locale
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig
BASHCOMPDIR ?= $(DATADIR)/bash-completion/completions
# gongwen's own data (the stylesheets): $(DATADIR)/gongwen/xslt
GW_DATA  = $(DATADIR)/gongwen
.DEFAULT_GOAL := all
include po/po.mk

# The release version comes from the header; the soname's number is the ABI's,
# raised only when a change breaks callers built against the previous one.
VERSION  := $(shell sed -n 's/^\#define GW_VERSION "\(.*\)"/\1/p' src/gongwen.h)
SOVERSION := 1
B        := build

CC       ?= cc
CFLAGS   ?= -O2 -g
GW_CFLAGS   := -std=c11 -Wall -Wextra -Werror -pthread
GW_CPPFLAGS := -D_POSIX_C_SOURCE=200809L -Isrc \
               -DGW_DATADIR='"$(GW_DATA)"' -DGW_LOCALEDIR='"$(LOCALEDIR)"' \
               $(shell pkg-config --cflags $(PKGS))
# poppler-glib and libzip are compiled against but not linked: src/pdf.c
# and src/zip_api.c open them with dlopen when a PDF, or a ZIP package
# (.docx in, the packaged formats out), is read or written (poppler's fifty
# libraries, and the libcrypto libzip brings, were most of every run's
# start-up).
GW_LDLIBS   := $(shell pkg-config --libs $(filter-out poppler-glib libzip,$(PKGS))) -ldl -pthread
# The library's objects: position-independent (one set serves the static and
# the shared library) and with only what gongwen.h marks GW_API exported.
LIB_CFLAGS  := -fPIC -fvisibility=hidden
ifeq ($(SANITIZE),1)
SAN_FLAGS := -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
endif
ifeq ($(SANITIZE),thread)
SAN_FLAGS := -g -O1 -fno-omit-frame-pointer -fsanitize=thread
endif
COMPILE  = $(CC) $(GW_CFLAGS) $(GW_CPPFLAGS) $(CPPFLAGS) $(SAN_FLAGS) $(CFLAGS)
LINK     = $(CC) $(GW_CFLAGS) $(SAN_FLAGS) $(CFLAGS) $(LDFLAGS)
# kept for the targets below that link against the library's dependencies
LDLIBS   += $(GW_LDLIBS)

LIB_SRC  := src/status.c src/utf8.c src/unicode_tables.c src/input.c src/decode.c src/plausible.c src/lines.c src/layout.c src/numeral.c src/marker.c src/sentence.c \
            src/lead.c src/table.c src/table_web.c src/front.c src/blocks.c src/toc.c src/tree.c src/ranges.c src/xmlout.c src/xmlerr.c src/safeload.c src/formats.c src/params.c src/xform.c src/package.c src/output.c src/embed.c src/intl.c src/tree_read.c src/marker_text.c \
            src/sniff.c src/source.c src/markdown.c src/rlines.c src/docx.c src/docx_parts.c src/docx_num.c src/docx_style.c src/html.c src/pdf.c src/pdf_table.c src/dl.c src/zip_api.c \
            src/init.c src/sha256.c src/provenance.c src/api_check.c \
            $(wildcard src/check*.c src/diag*.c)
LIB_OBJ  := $(LIB_SRC:%.c=$(B)/%.o)
TEST_SRC := $(wildcard tests/unit/*.c) tests/invariants.c
TEST_OBJ := $(TEST_SRC:%.c=$(B)/%.o)

# apt-get needs root; use sudo when we are not.
SUDO     := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
DEB_PKGS := build-essential pkg-config libxml2-dev libxslt1-dev check libxml2-utils xsltproc \
            python3 cppcheck clang libclang-rt-14-dev valgrind cmark cmark-gfm unicode-data \
            jing docbook5-xml docbook-xsl-ns afl++ libjson-c-dev gettext locales tidy chromium fonts-noto-cjk neovim \
            libzip-dev libpoppler-glib-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libreoffice-writer-nogui poppler-utils unzip libjopendocument-java pandoc groff-base time \
            python3-venv python3-pip python3-pytest python3-setuptools python3-wheel parallel

.PHONY: bench-batch deb deb-deps python-test all lib check lsp-edits run bench fuzz fuzz-afl fuzz-campaign fuzz-coverage clean deps install format lint memcheck oom shots unicode uninstall api-test tsan-test
all: gongwen lib $(PO_MO)

LIBSO    := $(B)/libgongwen.so.$(VERSION)
lib: $(B)/libgongwen.a $(LIBSO) $(B)/gongwen.pc

$(B)/libgongwen.a: $(LIB_OBJ)
	$(AR) rcs $@ $^

# libgongwen.so.$(VERSION), its soname libgongwen.so.$(SOVERSION), and the
# libgongwen.so a linker looks for.
$(LIBSO): $(LIB_OBJ)
	$(LINK) -shared -Wl,-soname,libgongwen.so.$(SOVERSION) -o $@ $^ $(GW_LDLIBS)
	ln -sf libgongwen.so.$(VERSION) $(B)/libgongwen.so.$(SOVERSION)
	ln -sf libgongwen.so.$(SOVERSION) $(B)/libgongwen.so

# pkg-config's file; the directories are the install-time ones, written
# relative to ${prefix} when under it (so that --define-variable=prefix=...
# can move them, as tests/install.sh does for a DESTDIR).
PC_SED = sed -e 's|@PREFIX@|$(PREFIX)|' \
    -e 's|@LIBDIR@|$(patsubst $(PREFIX)/%,$${prefix}/%,$(LIBDIR))|' \
    -e 's|@INCLUDEDIR@|$(patsubst $(PREFIX)/%,$${prefix}/%,$(INCLUDEDIR))|' -e 's|@VERSION@|$(VERSION)|'
$(B)/gongwen.pc: src/gongwen.pc.in src/gongwen.h Makefile
	@mkdir -p $(@D)
	$(PC_SED) src/gongwen.pc.in > $@

# The command line links the static library: it uses internal functions too
# (hidden from the shared library, not from a static link).
GW_BIN   := gongwen
CLI_OBJ  := $(B)/src/main.o $(B)/src/cli_check.o $(B)/src/cli.o $(B)/src/batch.o \
            $(B)/src/batch_list.o $(B)/src/manifest.o $(B)/src/lsp.o $(B)/src/lsp_io.o \
            $(B)/src/lsp_doc.o $(B)/src/lsp_features.o $(B)/src/lsp_fix.o $(B)/src/fix.o \
            $(B)/src/cli_fix.o $(B)/src/udiff.o $(B)/src/config.o
$(GW_BIN): $(CLI_OBJ) $(B)/libgongwen.a
	$(LINK) -o $@ $(CLI_OBJ) $(B)/libgongwen.a $(GW_LDLIBS)

$(LIB_OBJ): $(B)/%.o: %.c
	@mkdir -p $(@D)
	$(COMPILE) $(LIB_CFLAGS) -MMD -MP -c -o $@ $<

$(CLI_OBJ): $(B)/%.o: %.c
	@mkdir -p $(@D)
	$(COMPILE) -MMD -MP -c -o $@ $<

$(TEST_OBJ): $(B)/%.o: %.c
	@mkdir -p $(@D)
	$(COMPILE) $(shell pkg-config --cflags check) -Itests -MMD -MP -c -o $@ $<
# the package tests read the archives back through libzip itself
tests/run_unit: $(TEST_OBJ) $(B)/libgongwen.a
	$(LINK) -o $@ $(TEST_OBJ) $(B)/libgongwen.a $(shell pkg-config --libs check libzip) $(GW_LDLIBS)

# The main job: every sample compiled into every format (gongwen
# --list-formats: its name and usual extension) under out/.
run: gongwen
	mkdir -p out
	fes=$$(./gongwen --list-formats | cut -f 1,3 | sed 's/,.*//' | tr '\t' :) && [ -n "$$fes" ] || exit 1; \
	for f in samples/*.txt; do n=$$(basename $$f .txt); exts=; \
	    for fe in $$fes; do fmt=$${fe%%:*}; ext=$${fe#*:}; \
	        ./gongwen -t $$fmt -o out/$$n.$$ext $$f || exit 1; exts=$$exts,$$ext; done; \
	    echo "out/$$n.{$${exts#,}}"; done

# One screenshot of each sample's HTML page (needs chromium, fonts-noto-cjk):
# look at them before changing xslt/html.xsl.
CHROMIUM_FLAGS := --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --hide-scrollbars --window-size=1280,2400
shots: gongwen
	mkdir -p out
	for f in samples/*.txt; do n=$$(basename $$f .txt); \
	    ./gongwen -t html -o out/$$n.html $$f && \
	    chromium $(CHROMIUM_FLAGS) --user-data-dir=$$(mktemp -d) --screenshot=out/$$n.png \
	        file://$$PWD/out/$$n.html 2>/dev/null && echo out/$$n.png; done

# Every test: static checks, unit suites (Check), command line, samples.
check: gongwen lib $(PO_MO) tests/run_unit lint
	cd tests && ./run_unit
	GW_SAN_FLAGS="$(SAN_FLAGS)" sh tests/install.sh
	$(PY_TEST)
	sh tests/cli.sh ./gongwen
	sh tests/batch.sh ./gongwen
	sh tests/multihost.sh ./gongwen
	sh tests/provenance.sh ./gongwen
	bash tests/completion.sh ./gongwen
	GW_SANITIZED=$(SANITIZE) sh tests/safety.sh ./gongwen
	sh tests/samples.sh ./gongwen
	sh tests/corpus.sh ./gongwen
	sh tests/markdown.sh ./gongwen
	sh tests/formats.sh ./gongwen
	sh tests/check.sh ./gongwen
	sh tests/fix.sh ./gongwen
	sh tests/config.sh ./gongwen
	python3 tests/bench.py ./gongwen check --assert
	# under a sanitizer time says nothing (ASan's realloc always copies, which
	# makes libxml2's growing buffers quadratic): small inputs, no timing assert
	$(if $(SANITIZE),GW_BENCH_N=1000 python3 tests/bench.py ./gongwen convert xml html csv check,python3 tests/bench.py ./gongwen convert --assert xml html csv check)
	sh tests/html.sh ./gongwen
	sh tests/readers.sh ./gongwen
	sh tests/office.sh ./gongwen
	python3 tests/lsp.py ./gongwen
	sh tests/nvim_lsp.sh ./gongwen
	sh tests/unicode.sh

# The language server through 1,000 random incremental edits (check does 150).
lsp-edits: gongwen $(PO_MO)
	python3 tests/lsp.py ./gongwen --edits 1000

# A batch under ThreadSanitizer: its own build in build/tsan (so that the
# ordinary build stays as it is), then tests/tsan.sh. `make SANITIZE=thread`
# alone builds the ordinary tree with TSan instead (after `make clean`).
tsan-test:
	$(MAKE) B=build/tsan GW_BIN=build/tsan/gongwen SANITIZE=thread build/tsan/gongwen
	sh tests/tsan.sh build/tsan/gongwen

# The character classes and widths in src/unicode_tables.c, made afresh
# from the Unicode data Debian's unicode-data installs.
UCD_DIR ?= /usr/share/unicode
unicode:
	python3 tools/gen_unicode.py $(UCD_DIR) > src/unicode_tables.c.tmp
	mv src/unicode_tables.c.tmp src/unicode_tables.c

# Speed and memory on growing inputs (not part of check: timings vary).
bench: gongwen
	python3 tests/bench_compare.py ./gongwen
	python3 tests/bench.py ./gongwen convert $$(./gongwen --list-formats | cut -f 1) check
	python3 tests/bench.py ./gongwen xml
	python3 tests/bench.py ./gongwen outline
	python3 tests/bench.py ./gongwen replace
	$(MAKE) bench-batch
	python3 tests/bench.py ./gongwen check
	python3 tests/lsp.py ./gongwen --bench

# A batch of 1,000 reports with -j 2, -j 1 and as 1,000 processes
# (bench/batch.sh; BENCH_FILES=N, BENCH_RUNS=N). Its own target so that
# make bench and it can change apart.
bench-batch: gongwen $(PO_MO)
	sh bench/batch.sh ./gongwen

# Conversions of every test input under valgrind.
memcheck: gongwen
	sh tests/memcheck.sh ./gongwen

# Allocations failed one at a time (an LD_PRELOAD shim), then under ulimit -v.
# OOM_RUNS=0 fails every allocation in turn instead of 80 spread points.
tests/oom/failmalloc.so: tests/oom/failmalloc.c
	$(CC) -O2 -Wall -Wextra -shared -fPIC -o $@ $< -ldl

oom: gongwen tests/oom/failmalloc.so
	sh tests/oom.sh ./gongwen tests/oom/failmalloc.so

# libFuzzer over the whole pipeline (clang); FUZZ_SECONDS=N bounds the run.
FUZZ_SECONDS ?= 60
FUZZ_CC      ?= clang
FUZZ_BASE    := -g -O1 -std=c11 -D_POSIX_C_SOURCE=200809L \
                -DGW_DATADIR='"$(GW_DATA)"' -DGW_LOCALEDIR='"$(LOCALEDIR)"' \
            $(shell pkg-config --cflags $(PKGS)) -Isrc -Itests
# UBSan's reports abort, so that libFuzzer records them as findings
FUZZ_FLAGS   := $(FUZZ_BASE) -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
# coverage and AFL++ builds want the harness without the sanitizers
FUZZ_NOSAN   := $(FUZZ_BASE) -fsanitize=fuzzer
FUZZ_COMMON  := tests/fuzz/fuzz_common.c tests/invariants.c
FUZZ_DEPS    := $(FUZZ_COMMON) $(LIB_SRC) src/*.h tests/fuzz/fuzz_common.h tests/invariants.h
tests/fuzz/fuzz_gongwen: tests/fuzz/fuzz_gongwen.c $(FUZZ_DEPS)
	$(FUZZ_CC) $(FUZZ_FLAGS) -o $@ $< $(FUZZ_COMMON) $(LIB_SRC) $(LDLIBS)

# The fast harness (parse and cheap invariants) without trace-cmp: its
# comparison hooks were a third of an execution, and the markers they
# would find are in the dictionary; the other harnesses keep them and
# share the corpus (tests/fuzz/README.md, "Speed").
tests/fuzz/fuzz_fast: tests/fuzz/fuzz_fast.c $(FUZZ_DEPS)
	$(FUZZ_CC) $(FUZZ_FLAGS) -fno-sanitize-coverage=trace-cmp -o $@ $< $(FUZZ_COMMON) $(LIB_SRC) \
	    $(LDLIBS)
# Its speed build for long campaigns (tests/fuzz/campaign.sh): -O2 and
# UBSan without ASan, three times the executions per CPU second; the
# campaign replays its corpus under fuzz_fast's ASan afterwards.
tests/fuzz/fuzz_fast_speed: tests/fuzz/fuzz_fast.c $(FUZZ_DEPS)
	$(FUZZ_CC) $(subst -O1,-O2,$(FUZZ_BASE)) -fsanitize=fuzzer,undefined -fno-sanitize-recover=undefined \
	    -fno-sanitize-coverage=trace-cmp -o $@ $< $(FUZZ_COMMON) $(LIB_SRC) $(LDLIBS)
# FUZZ_RUNS executions of the fast harness or FUZZ_SECONDS, whichever
# comes first, at nice 19 on one core; the log in FUZZ_DIR/campaign.log
FUZZ_RUNS ?= 10000000
FUZZ_DIR  ?= tests/fuzz/campaign
fuzz-campaign: tests/fuzz/fuzz_fast tests/fuzz/fuzz_fast_speed
	sh tests/fuzz/campaign.sh $(FUZZ_DIR) $(FUZZ_RUNS) $(FUZZ_SECONDS)
tests/fuzz/fuzz_check: tests/fuzz/fuzz_gongwen.c $(FUZZ_DEPS)
	$(FUZZ_CC) $(FUZZ_FLAGS) -DGW_FUZZ_CHECK_ONLY -o $@ $< $(FUZZ_COMMON) $(LIB_SRC) $(LDLIBS)
# every stylesheet, the format from the first byte
tests/fuzz/fuzz_xslt: tests/fuzz/fuzz_xslt.c $(FUZZ_DEPS)
	$(FUZZ_CC) $(FUZZ_FLAGS) -o $@ $< $(FUZZ_COMMON) $(LIB_SRC) $(LDLIBS)
# one harness per reader, each with its own seeds (tests/fuzz/corpus-*)
FUZZ_READERS := docx html pdf markdown
FUZZ_FROM_markdown := GW_FROM_MARKDOWN
FUZZ_FROM_docx := GW_FROM_DOCX
FUZZ_FROM_html := GW_FROM_HTML
FUZZ_FROM_pdf  := GW_FROM_PDF
$(FUZZ_READERS:%=tests/fuzz/fuzz_%): tests/fuzz/fuzz_%: tests/fuzz/fuzz_reader.c $(FUZZ_DEPS)
	$(FUZZ_CC) $(FUZZ_FLAGS) -DGW_FUZZ_FROM=$(FUZZ_FROM_$*) -o $@ $< $(FUZZ_COMMON) $(LIB_SRC) \
	    $(LDLIBS)

# FUZZ_SECONDS in all: 45% to the fast harness (without entropic
# scheduling, whose bookkeeping was 40% of its time), 15% to the full one,
# 10% each to the checker's and the stylesheets', 5% to each reader. The
# text harnesses share tests/fuzz/corpus; each reader keeps its own.
FUZZ_OPTS = -timeout=20 -rss_limit_mb=2048 -artifact_prefix=tests/fuzz/findings/ -print_final_stats=1
FUZZ_RUN  = $(FUZZ_OPTS) -dict=tests/fuzz/gongwen.dict tests/fuzz/corpus tests/fuzz/seeds
FUZZ_PART = $$(( ($(FUZZ_SECONDS) * $(1) + 99) / 100 ))
FUZZ_ALL  = fuzz_gongwen fuzz_fast fuzz_check fuzz_xslt $(FUZZ_READERS:%=fuzz_%)
fuzz: $(FUZZ_ALL:%=tests/fuzz/%)
	rm -rf tests/fuzz/seeds && sh tests/fuzz/seeds.sh tests/fuzz/seeds
	mkdir -p tests/fuzz/corpus tests/fuzz/findings $(FUZZ_READERS:%=tests/fuzz/found-%)
	tests/fuzz/fuzz_fast -max_total_time=$(call FUZZ_PART,45) -max_len=1024 -entropic=0 $(FUZZ_RUN)
	tests/fuzz/fuzz_gongwen -max_total_time=$(call FUZZ_PART,15) -max_len=32768 $(FUZZ_RUN)
	tests/fuzz/fuzz_check -max_total_time=$(call FUZZ_PART,10) -max_len=32768 $(FUZZ_RUN)
	tests/fuzz/fuzz_xslt -max_total_time=$(call FUZZ_PART,10) -max_len=4096 $(FUZZ_RUN)
	for r in $(FUZZ_READERS); do \
	    tests/fuzz/fuzz_$$r -max_total_time=$(call FUZZ_PART,5) -max_len=65536 $(FUZZ_OPTS) \
	        tests/fuzz/found-$$r tests/fuzz/corpus-$$r || exit 1; \
	done

# Line and branch coverage of src/ reached by the fuzz corpus (the fuzzer
# replays tests/fuzz/corpus and the seeds once, without mutating).
tests/fuzz/fuzz_cov: tests/fuzz/fuzz_gongwen.c $(FUZZ_DEPS)
	$(FUZZ_CC) $(FUZZ_NOSAN) \
	    -fprofile-instr-generate -fcoverage-mapping -o $@ \
	    tests/fuzz/fuzz_gongwen.c $(FUZZ_COMMON) $(LIB_SRC) $(LDLIBS)

fuzz-coverage: tests/fuzz/fuzz_cov
	rm -rf tests/fuzz/seeds && sh tests/fuzz/seeds.sh tests/fuzz/seeds
	mkdir -p tests/fuzz/corpus
	LLVM_PROFILE_FILE=tests/fuzz/cov.profraw tests/fuzz/fuzz_cov -runs=0 tests/fuzz/corpus tests/fuzz/seeds \
	    >/dev/null 2>&1
	llvm-profdata merge -o tests/fuzz/cov.profdata tests/fuzz/cov.profraw
	llvm-cov report tests/fuzz/fuzz_cov -instr-profile=tests/fuzz/cov.profdata $(LIB_SRC)

# The same harness under AFL++ (afl-clang-fast links its libFuzzer driver).
AFL_CC ?= afl-clang-fast
tests/fuzz/fuzz_afl: tests/fuzz/fuzz_gongwen.c $(FUZZ_DEPS)
	$(AFL_CC) $(FUZZ_NOSAN) -o $@ \
	    tests/fuzz/fuzz_gongwen.c $(FUZZ_COMMON) $(LIB_SRC) $(LDLIBS)

fuzz-afl: tests/fuzz/fuzz_afl
	rm -rf tests/fuzz/seeds && sh tests/fuzz/seeds.sh tests/fuzz/seeds
	mkdir -p tests/fuzz/afl
	AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 \
	    afl-fuzz -i tests/fuzz/seeds -o tests/fuzz/afl -V $(FUZZ_SECONDS) -t 20000 -- tests/fuzz/fuzz_afl
	sh tests/fuzz/afl-crashes.sh tests/fuzz/fuzz_afl tests/fuzz/afl/default/crashes

deps:
	$(SUDO) apt-get update
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y $(DEB_PKGS)
	# The tests run `gongwen check` under LANG=zh_CN.UTF-8.
	$(SUDO) localedef -i zh_CN -f UTF-8 zh_CN.UTF-8

# Every directory is read at install time: `make install PREFIX=/usr` after a
# plain `make` installs a working gongwen without rebuilding anything.
INSTALL  ?= install
install: gongwen lib $(PO_MO)
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(GW_DATA)/xslt $(DESTDIR)$(LIBDIR) \
	    $(DESTDIR)$(INCLUDEDIR) $(DESTDIR)$(PKGCONFIGDIR)
	$(INSTALL) -m 755 gongwen $(DESTDIR)$(BINDIR)/gongwen
	$(INSTALL) -m 644 xslt/*.xsl $(DESTDIR)$(GW_DATA)/xslt/
	$(INSTALL) -m 644 grammar/gongwen.rng $(DESTDIR)$(GW_DATA)/
	$(INSTALL) -d $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man7 $(DESTDIR)$(BASHCOMPDIR)
	$(INSTALL) -m 644 doc/gongwen.1 doc/gongwen-check.1 $(DESTDIR)$(MANDIR)/man1/
	$(INSTALL) -m 644 doc/gongwen.7 $(DESTDIR)$(MANDIR)/man7/
	$(INSTALL) -m 644 completion/gongwen.bash $(DESTDIR)$(BASHCOMPDIR)/gongwen
	$(INSTALL) -m 644 $(B)/libgongwen.a $(DESTDIR)$(LIBDIR)/
	$(INSTALL) -m 755 $(LIBSO) $(DESTDIR)$(LIBDIR)/
	ln -sf libgongwen.so.$(VERSION) $(DESTDIR)$(LIBDIR)/libgongwen.so.$(SOVERSION)
	ln -sf libgongwen.so.$(SOVERSION) $(DESTDIR)$(LIBDIR)/libgongwen.so
	$(INSTALL) -m 644 src/gongwen.h $(DESTDIR)$(INCLUDEDIR)/
	$(PC_SED) src/gongwen.pc.in > $(DESTDIR)$(PKGCONFIGDIR)/gongwen.pc
	$(MAKE) install-po LOCALEDIR=$(LOCALEDIR)

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/gongwen $(DESTDIR)$(INCLUDEDIR)/gongwen.h \
	    $(DESTDIR)$(PKGCONFIGDIR)/gongwen.pc $(DESTDIR)$(LIBDIR)/libgongwen.a \
	    $(DESTDIR)$(LIBDIR)/libgongwen.so $(DESTDIR)$(LIBDIR)/libgongwen.so.$(SOVERSION) \
	    $(DESTDIR)$(LIBDIR)/libgongwen.so.$(VERSION)
	rm -rf $(DESTDIR)$(GW_DATA)
	rm -f $(DESTDIR)$(MANDIR)/man1/gongwen.1 $(DESTDIR)$(MANDIR)/man1/gongwen-check.1 \
	    $(DESTDIR)$(MANDIR)/man7/gongwen.7 $(DESTDIR)$(BASHCOMPDIR)/gongwen
	for l in $(PO_LANGS); do rm -f $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/gongwen.mo; done

# The installed library as a consumer sees it: installed into a temporary
# DESTDIR, a C and a C++ program built with nothing but the installed header
# and `pkg-config --cflags --libs gongwen`, and the installed binary run from
# elsewhere (tests/install.sh).
api-test: gongwen lib
	GW_SAN_FLAGS="$(SAN_FLAGS)" sh tests/install.sh

# The Python binding (python/): pip install into a venv, its pytest suite
# against the library installed into a temporary DESTDIR. A sanitized
# library cannot be loaded into an unsanitized python, so SANITIZE builds
# say so and leave it out.
python-test: gongwen lib $(PO_MO)
	sh tests/python.sh
ifeq ($(SANITIZE),)
PY_TEST := sh tests/python.sh
else
PY_TEST := @echo "python: not run under SANITIZE=$(SANITIZE) (python3 cannot load a sanitized library); make python-test"
endif

# The Debian packages built from a copy of the tree (dpkg-buildpackage -us
# -uc -b), unpacked and used (tests/deb.sh; DEB_OUT=DIR keeps the .debs).
# Not in check (a whole second build): its tools are installed by deb-deps.
DEB_BUILD_PKGS := debhelper dpkg-dev fakeroot
deb:
	sh tests/deb.sh
deb-deps:
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y $(DEB_BUILD_PKGS) $(DEB_PKGS)

format:
	clang-format -i src/*.c src/*.h tests/unit/*.c tests/unit/*.h

lint:
	sh tests/layout.sh
	cppcheck --quiet --error-exitcode=1 --enable=warning,style,performance,portability \
	    --inline-suppr --suppress=missingIncludeSystem -Isrc src tests/unit

clean:
	rm -rf $(B)
	rm -f gongwen tests/run_unit
	rm -rf out $(FUZZ_ALL:%=tests/fuzz/%) tests/fuzz/fuzz_fast_speed tests/fuzz/fuzz_afl tests/fuzz/fuzz_cov tests/fuzz/cov.* tests/fuzz/afl tests/fuzz/seeds $(PO_LANGS:%=po/%)

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(TEST_OBJ:.o=.d)
