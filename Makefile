# cdgrules — build, test and demo.  See README.md.
CC      ?= cc
PREFIX  ?= /usr/local
DESTDIR ?=
BUILD   ?= build
CSTD    := -std=c17
WARN    := -Wall -Wextra -Wpedantic
CFLAGS  ?= -O2 -g -Werror
ALL_CFLAGS := $(CSTD) $(WARN) $(CFLAGS) -D_XOPEN_SOURCE=700 -fPIC -Isrc -I$(BUILD)/gen -Iinclude -I$(BUILD)/include
LDFLAGS ?=
FLEX    ?= flex
BISON   ?= bison

SRCS    := $(wildcard src/*.c)
LIBSRCS := $(filter-out src/cli_%.c src/lsp_%.c,$(SRCS))
CLISRCS := $(filter src/cli_%.c,$(SRCS))
# The language server (cdgrules lsp) is part of the command line only: it
# reads JSON with jansson (libjansson-dev), which the library never needs.
# Without jansson's header the rest builds, and `cdgrules lsp` says what
# to install (lsp_absent.c); `make test` installs it (tools/deps.sh).
HAVE_JANSSON ?= $(shell printf '\#include <jansson.h>\n' | $(CC) -E -x c - >/dev/null 2>&1 && echo yes)
ifeq ($(HAVE_JANSSON),yes)
CLISRCS += $(filter-out src/lsp_absent.c,$(filter src/lsp_%.c,$(SRCS)))
JSON_LIBS ?= -ljansson
else
CLISRCS += src/lsp_absent.c
endif
GEN_C   := $(BUILD)/gen/parser.c $(BUILD)/gen/lexer.c
LIBOBJS := $(LIBSRCS:src/%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/parser.o $(BUILD)/obj/lexer.o
CLIOBJS := $(CLISRCS:src/%.c=$(BUILD)/obj/%.o)
BIN     := $(BUILD)/cdgrules
LIB     := $(BUILD)/libcdgrules.a

# The library's public headers are the "cdgrules/…" includes of the umbrella
# header; they are staged under $(BUILD)/include/cdgrules/ as installed.
VERSION     := $(shell sed -n 's/^\#define CDGRULES_VERSION "\(.*\)"/\1/p' include/cdgrules.h)
# The soname's version: the major number, or "0.MINOR" before 1.0, where a
# minor release may change the ABI (0.3 hid every internal function; 0.4 changed the model).
SOMAJOR     := $(if $(filter 0,$(firstword $(subst ., ,$(VERSION)))),0.$(word 2,$(subst ., ,$(VERSION))),$(firstword $(subst ., ,$(VERSION))))
SHLIB       := $(BUILD)/libcdgrules.so.$(VERSION)
PUBLIC_HDRS := $(shell sed -n 's|^\#include "cdgrules/\(.*\)"|\1|p' include/cdgrules.h)
STAGED_HDRS := $(PUBLIC_HDRS:%=$(BUILD)/include/cdgrules/%)

# The test targets need more tools than the build (Criterion, jq, gettext,
# man-db, groff, time, the fr_FR.UTF-8 locale...): tools/deps.sh checks
# them before any rule runs, installs them when root, else names them and
# the run stops. Plain `make` (all) never runs it.
TEST_GOALS := test unit golden golden-update valgrind test-valgrind test-asan \
    coverage bench test-huge html-screenshot
ifneq ($(filter $(TEST_GOALS),$(MAKECMDGOALS)),)
DEPS_EXTRA := $(if $(filter valgrind test-valgrind,$(MAKECMDGOALS)),valgrind) \
    $(if $(filter coverage,$(MAKECMDGOALS)),gcovr)
ifneq ($(shell ./tools/deps.sh $(DEPS_EXTRA) >&2; echo $$?),0)
$(error the tests need the tools named above)
endif
endif

# Message catalogues (po/*.po, README "Languages"): compiled into
# $(BUILD)/locale/LANG/LC_MESSAGES/cdgrules.mo, beside the binary, where
# it finds them when run uninstalled; installed under $(LOCALEDIR).
# Without gettext's msgfmt the build goes on in English (a note says so);
# the tests need the catalogues and tools/deps.sh asks for gettext.
LOCALEDIR ?= $(PREFIX)/share/locale
LINGUAS   := fr en
MOS       := $(LINGUAS:%=$(BUILD)/locale/%/LC_MESSAGES/cdgrules.mo)
MSGFMT    ?= msgfmt
HAVE_MSGFMT := $(shell command -v $(MSGFMT) 2>/dev/null)

.PHONY: all deps demo test unit golden golden-update clean install uninstall valgrind
# Building needs flex, bison and a C compiler only (gettext's msgfmt for
# the catalogues, skipped with a note when it is missing); the test tools
# are checked by `deps`, which every test target runs first.
all: $(BIN) $(SHLIB) $(if $(HAVE_MSGFMT),$(MOS),nls-note)

.PHONY: nls-note
nls-note:
	@echo "note: $(MSGFMT) (gettext) not found: no message catalogues, messages in English only" >&2

# Missing test tools are installed when we are root (fresh Debian machine),
# or named precisely otherwise (and the target stops).
deps:
	@./tools/deps.sh

# One run of each generator writes both of its files (grouped targets):
# `make -j` never runs bison or flex twice nor compiles a half-written file.
$(BUILD)/gen/parser.c $(BUILD)/gen/parser.h &: grammar/parser.y
	@command -v $(BISON) >/dev/null 2>&1 || { echo "building needs bison (apt-get install bison)" >&2; exit 2; }
	@mkdir -p $(BUILD)/gen
	$(BISON) -Wall -Werror --defines=$(BUILD)/gen/parser.h -o $(BUILD)/gen/parser.c $<

$(BUILD)/gen/lexer.c $(BUILD)/gen/lexer.h &: grammar/lexer.l $(BUILD)/gen/parser.h
	@command -v $(FLEX) >/dev/null 2>&1 || { echo "building needs flex (apt-get install flex)" >&2; exit 2; }
	@mkdir -p $(BUILD)/gen
	$(FLEX) --header-file=$(BUILD)/gen/lexer.h -o $(BUILD)/gen/lexer.c $<

# Generated code is not ours to lint; it gets the same standard without -Wpedantic noise.
$(BUILD)/obj/parser.o: $(BUILD)/gen/parser.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -MMD -MP -Wno-unused-function -c -o $@ $<
$(BUILD)/obj/lexer.o: $(BUILD)/gen/lexer.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -MMD -MP -Wno-unused-function -Wno-sign-compare -c -o $@ $<

$(BUILD)/obj/%.o: src/%.c $(BUILD)/gen/parser.h $(BUILD)/gen/lexer.h | $(STAGED_HDRS)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

-include $(wildcard $(BUILD)/obj/*.d)

# The simulator's evaluator, script and stylesheet (src/sim/), compiled
# into the dumpers that write them (dump_js.c, dump_sim.c).
SIM_ASSETS := src/sim/evaluateur.js src/sim/page.js src/sim/page.css
$(BUILD)/gen/sim_assets.h: $(SIM_ASSETS) tools/embed.sh
	@mkdir -p $(@D)
	tools/embed.sh $@ $(SIM_ASSETS)
$(BUILD)/obj/dump_js.o $(BUILD)/obj/dump_sim.o: $(BUILD)/gen/sim_assets.h

# The library exports only what its public headers mark CDG_API (api.h).
$(LIBOBJS): ALL_CFLAGS += -fvisibility=hidden

# Where the installed binary finds its catalogues; recompiled when
# LOCALEDIR changes (a PREFIX given only to `make install`).
$(BUILD)/obj/i18n.o: ALL_CFLAGS += -DCDG_LOCALEDIR='"$(LOCALEDIR)"'
$(BUILD)/obj/i18n.o: $(BUILD)/localedir.stamp
.PHONY: localedir-force
$(BUILD)/localedir.stamp: localedir-force
	@mkdir -p $(@D)
	@echo '$(LOCALEDIR)' | cmp -s - $@ || echo '$(LOCALEDIR)' >$@

$(BUILD)/locale/%/LC_MESSAGES/cdgrules.mo: po/%.po
	@mkdir -p $(@D)
	$(MSGFMT) --check -o $@ $<

# Regenerates po/cdgrules.pot from the marked strings and merges it into
# each catalogue (tests/scripts/i18n_catalogues.sh checks they are complete).
XGETTEXT_FLAGS := --from-code=UTF-8 --language=C --no-wrap --add-comments=TRANSLATORS: \
    --keyword=_ --keyword=N_ --keyword=cdg_ngettext:1,2 --keyword=w_:2 \
    --keyword=cli_usage_error:1 --flag=cli_usage_error:1:c-format \
    --keyword=cdg_diag_add:5 --flag=cdg_diag_add:5:c-format \
    --keyword=cdg_diag_note:5 --flag=cdg_diag_note:5:c-format \
    --keyword=ERR:3 --flag=ERR:3:c-format --keyword=WARN:3 --flag=WARN:3:c-format \
    --keyword=NOTE:4 --flag=NOTE:4:c-format \
    --keyword=cdg_parse_error:3 --flag=cdg_parse_error:3:c-format \
    --keyword=row_error:3 --flag=row_error:3:c-format \
    --keyword=fail:2 --flag=fail:2:c-format --keyword=fail:3 --flag=fail:3:c-format \
    --keyword=err_missing:3,4 --flag=err_missing:3:c-format --flag=err_missing:4:c-format \
    --package-name=cdgrules --msgid-bugs-address=cdgrules --sort-by-file
PO_SRCS := $(sort $(wildcard src/*.c)) grammar/parser.y grammar/lexer.l
.PHONY: po
po:
	xgettext $(XGETTEXT_FLAGS) -o po/cdgrules.pot $(PO_SRCS)
	for l in $(LINGUAS); do msgmerge --quiet --update --backup=none --no-wrap po/$$l.po po/cdgrules.pot; done

$(LIB): $(LIBOBJS)
	rm -f $@
	ar rcs $@ $^

$(BUILD)/include/cdgrules/%.h: src/%.h
	@mkdir -p $(@D)
	cp $< $@
.SECONDARY: $(STAGED_HDRS)

# The shared library, with its soname and the usual symbolic links.
$(SHLIB): $(LIBOBJS)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -shared -Wl,-soname,libcdgrules.so.$(SOMAJOR) -o $@ $^
	ln -sf libcdgrules.so.$(VERSION) $(BUILD)/libcdgrules.so.$(SOMAJOR)
	ln -sf libcdgrules.so.$(SOMAJOR) $(BUILD)/libcdgrules.so

$(BIN): $(CLIOBJS) $(LIB)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $(CLIOBJS) $(LIB) $(JSON_LIBS)

# The main job on the bundled offer: check it, run its examples, show what
# a commune of 1 200 inhabitants gets at Forfait Technologie, and print the
# published tables.
demo: all
	$(BIN) check --summary rules/cdg47.cdg
	$(BIN) test rules/cdg47.cdg
	$(BIN) query rules/cdg47.cdg --forfait Technologie --profil commune=1200
	$(BIN) dump rules/cdg47.cdg --format md

# ---- tests ----------------------------------------------------------------
# The fuzz targets (tests/fuzz/fuzz_*.c), linked with a plain main() so that
# `make test` replays the regression corpus and the seeds through them.
FUZZ_SRCS   := $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_REPLAY := $(FUZZ_SRCS:tests/fuzz/%.c=$(BUILD)/replay/%)

$(BUILD)/replay/%: tests/fuzz/%.c tests/fuzz/standalone.c $(LIB)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $< tests/fuzz/standalone.c $(LIB)

TEST_SRCS := $(wildcard tests/unit/test_*.c)
TEST_BIN  := $(BUILD)/unit-tests
CRITERION_LIBS ?= -lcriterion

$(TEST_BIN): $(TEST_SRCS) $(wildcard tests/unit/*.h) $(LIB)
	$(CC) $(ALL_CFLAGS) -Itests/unit -o $@ $(TEST_SRCS) $(LIB) $(CRITERION_LIBS)

unit: all $(TEST_BIN)
	$(TEST_BIN) --jobs 2

golden: all
	@tests/golden/run.sh $(BIN)

golden-update: all
	@UPDATE=1 tests/golden/run.sh $(BIN)

# The published HTML page rendered by headless Chromium:
# $(BUILD)/screenshot/offre.{html,png,pdf}, checked to hold the three
# painted tables; then the browser tests of `make test`
# (tests/scripts/browser_simulator.sh), which write the phone and desktop
# screenshots $(BUILD)/screenshot/{simulateur,offre}-{390,1280}.png.
.PHONY: html-screenshot
html-screenshot: all
	@tools/html-screenshot.sh $(BIN) rules/cdg47.cdg $(BUILD)/screenshot
	@sh tests/scripts/browser_simulator.sh $(BIN)

# ---- performance (docs/PERFORMANCE.md) -----------------------------------
# The deterministic input generator (every shape of offer: `bench-gen
# shapes`) and timer of the benchmark; `make bench` prints check by shape,
# then cdgrules side by side with jq, wc, awk and diff (BENCH_MAX_MB,
# BENCH_JQ_MAX_MB, BENCH_MAX_ROWS, BENCH_RUNS, BENCH_SHAPES, BENCH_SHAPE_MB:
# see tests/bench/bench.sh).
BENCH_GEN := $(BUILD)/bench-gen
$(BENCH_GEN): tests/bench/gen.c
	@mkdir -p $(@D)
	$(CC) $(CSTD) $(WARN) $(CFLAGS) -D_XOPEN_SOURCE=700 -o $@ $<

.PHONY: bench
bench: all $(BENCH_GEN)
	@tests/bench/bench.sh $(BIN) $(BENCH_GEN)

# The whole suite; its last line is Criterion-independent: "N passed, N failed".
test: all $(TEST_BIN) $(FUZZ_REPLAY) $(BENCH_GEN)
	@tests/run-all.sh $(BIN) $(TEST_BIN)

valgrind: all $(TEST_BIN) $(FUZZ_REPLAY) $(BENCH_GEN)
	@VALGRIND=1 tests/run-all.sh $(BIN) $(TEST_BIN)

# ---- hardening (docs/HARDENING.md) ---------------------------------------
# Each variant builds in its own subdirectory of $(BUILD) and runs the whole
# suite there; a sanitizer or valgrind report fails the run.
SAN_CC       ?= $(CC)
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 60
SAN_FLAGS    := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_FLAGS   := -O1 -g -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
SAN_ENV      := ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:halt_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 CDG_SANITIZER=asan

.PHONY: test-asan test-valgrind test-huge fuzz fuzz-build coverage
test-asan:
	$(SAN_ENV) $(MAKE) BUILD=$(BUILD)/asan CC=$(SAN_CC) CFLAGS="$(SAN_FLAGS) -Werror" test

test-valgrind: valgrind

# 100 MB inputs of every absurd kind, with their time and peak memory.
test-huge: all
	tests/hard/huge.sh $(BIN) 100

# libFuzzer targets: every tests/fuzz/fuzz_*.c, run FUZZ_SECONDS each.
fuzz-build: $(FUZZ_SRCS:tests/fuzz/%.c=$(BUILD)/fuzz-bin/%)
$(BUILD)/fuzz-bin/%: tests/fuzz/%.c $(LIB)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer,address,undefined -o $@ $< $(LIB)

fuzz:
	$(MAKE) BUILD=$(BUILD)/fuzz CC=$(FUZZ_CC) CFLAGS="$(FUZZ_FLAGS) -Werror" fuzz-build
	tests/fuzz/run.sh $(BUILD)/fuzz/fuzz-bin $(FUZZ_SECONDS)

# Line and branch coverage of the hand-written code (src/; the generated
# scanner and parser are left out), after the whole suite. Everything,
# gcov's own files included, is written under $(BUILD)/cov: gcov runs in
# the object directory and gcovr deletes what it read.
COV_DIR := $(abspath $(BUILD))/cov
GCOVR   := gcovr -r $(CURDIR) $(COV_DIR)/obj --object-directory $(COV_DIR)/obj \
    --filter '$(CURDIR)/src/' --exclude-unreachable-branches --exclude-throw-branches
.PHONY: coverage-report
coverage:
	rm -rf $(BUILD)/cov
	-$(MAKE) BUILD=$(BUILD)/cov CFLAGS="-O0 -g --coverage -Werror" LDFLAGS=--coverage test
	$(MAKE) --no-print-directory coverage-report

coverage-report:
	cd $(COV_DIR) && $(GCOVR) --txt $(COV_DIR)/coverage.txt --print-summary
	cd $(COV_DIR) && $(GCOVR) --branches --txt $(COV_DIR)/branches.txt
	@echo "per-file reports: $(BUILD)/cov/coverage.txt (lines), $(BUILD)/cov/branches.txt (branches)"

# ---- install (docs/INSTALL.md) -------------------------------------------
BINDIR      ?= $(PREFIX)/bin
LIBDIR      ?= $(PREFIX)/lib
INCLUDEDIR  ?= $(PREFIX)/include
MANDIR      ?= $(PREFIX)/share/man
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
VIMDIR      ?= $(PREFIX)/share/vim/vimfiles
D := $(DESTDIR)

install: all
	install -d $(D)$(BINDIR) $(D)$(LIBDIR) $(D)$(PKGCONFIGDIR) $(D)$(INCLUDEDIR)/cdgrules \
	    $(D)$(MANDIR)/man1 $(D)$(MANDIR)/man5 $(D)$(BASHCOMPDIR) \
	    $(D)$(VIMDIR)/syntax $(D)$(VIMDIR)/ftdetect
	install -m 755 $(BIN) $(D)$(BINDIR)/cdgrules
	install -m 644 $(LIB) $(D)$(LIBDIR)/libcdgrules.a
	install -m 755 $(SHLIB) $(D)$(LIBDIR)/libcdgrules.so.$(VERSION)
	ln -sf libcdgrules.so.$(VERSION) $(D)$(LIBDIR)/libcdgrules.so.$(SOMAJOR)
	ln -sf libcdgrules.so.$(SOMAJOR) $(D)$(LIBDIR)/libcdgrules.so
	install -m 644 include/cdgrules.h $(D)$(INCLUDEDIR)/cdgrules.h
	install -m 644 $(STAGED_HDRS) $(D)$(INCLUDEDIR)/cdgrules/
	printf '%s\n' 'prefix=$(PREFIX)' 'libdir=$(LIBDIR)' 'includedir=$(INCLUDEDIR)' '' \
	    'Name: cdgrules' 'Description: compiler of the cdgrules offer rules language' \
	    'Version: $(VERSION)' 'Libs: -L$${libdir} -lcdgrules' 'Cflags: -I$${includedir}' \
	    >$(D)$(PKGCONFIGDIR)/cdgrules.pc
	chmod 644 $(D)$(PKGCONFIGDIR)/cdgrules.pc
	install -m 644 docs/man/cdgrules.1 $(D)$(MANDIR)/man1/cdgrules.1
	install -m 644 docs/man/cdgrules.5 $(D)$(MANDIR)/man5/cdgrules.5
	install -m 644 completion/cdgrules.bash $(D)$(BASHCOMPDIR)/cdgrules
	install -m 644 editors/vim/syntax/cdgrules.vim $(D)$(VIMDIR)/syntax/cdgrules.vim
	install -m 644 editors/vim/ftdetect/cdgrules.vim $(D)$(VIMDIR)/ftdetect/cdgrules.vim
	$(if $(HAVE_MSGFMT),for l in $(LINGUAS); do install -d $(D)$(LOCALEDIR)/$$l/LC_MESSAGES && \
	    install -m 644 $(BUILD)/locale/$$l/LC_MESSAGES/cdgrules.mo $(D)$(LOCALEDIR)/$$l/LC_MESSAGES/cdgrules.mo; done, \
	    @echo "note: no message catalogues to install (no msgfmt)" >&2)

# Removes exactly what install put there (and the header directory).
uninstall:
	rm -f $(D)$(BINDIR)/cdgrules $(D)$(LIBDIR)/libcdgrules.a \
	    $(D)$(LIBDIR)/libcdgrules.so $(D)$(LIBDIR)/libcdgrules.so.$(SOMAJOR) \
	    $(D)$(LIBDIR)/libcdgrules.so.$(VERSION) $(D)$(PKGCONFIGDIR)/cdgrules.pc \
	    $(D)$(INCLUDEDIR)/cdgrules.h $(PUBLIC_HDRS:%=$(D)$(INCLUDEDIR)/cdgrules/%) \
	    $(D)$(MANDIR)/man1/cdgrules.1 $(D)$(MANDIR)/man5/cdgrules.5 \
	    $(D)$(BASHCOMPDIR)/cdgrules $(D)$(VIMDIR)/syntax/cdgrules.vim \
	    $(D)$(VIMDIR)/ftdetect/cdgrules.vim \
	    $(LINGUAS:%=$(D)$(LOCALEDIR)/%/LC_MESSAGES/cdgrules.mo)
	rmdir $(D)$(INCLUDEDIR)/cdgrules 2>/dev/null || true

clean:
	rm -rf $(BUILD)
