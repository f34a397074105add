# profilec: build the tool, compile sources/ into dist/, run the tests.
# Quiet by default; V=1 shows the commands.

V ?= 0
ifeq ($(V),0)
Q := @
MAKEFLAGS += --no-print-directory
else
Q :=
endif

CC ?= cc
CFLAGS ?= -O2 -g
PKGS := libxml-2.0 libzip xlsxwriter icu-uc icu-i18n libcrypto
# Recursive (=) on purpose: pkg-config runs when a recipe needs it, after
# the deps target installed it on a fresh machine.
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
PKG_LIBS = $(shell pkg-config --libs $(PKGS))
WARN := -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Wall -Wextra -Werror
ALL_CFLAGS = $(WARN) $(PKG_CFLAGS) $(TEST_CFLAGS) $(CFLAGS) $(EXTRA_CFLAGS)
LDLIBS_ALL = $(PKG_LIBS) -lm $(EXTRA_LDFLAGS)

B ?= .build
BIN ?= profilec
SRCS := $(wildcard compiler/*.c) $(wildcard exporters/*.c)
LIB_SRCS := $(filter-out compiler/main.c,$(SRCS))
OBJS := $(SRCS:%.c=$(B)/%.o) $(B)/schema_xsd.o
LIB_OBJS := $(LIB_SRCS:%.c=$(B)/%.o) $(B)/schema_xsd.o
TEST_SRCS := $(wildcard tests/check_*.c) tests/testutil.c
TEST_OBJS := $(TEST_SRCS:%.c=$(B)/%.o)
SUITES := $(patsubst tests/check_%.c,%,$(filter-out tests/check_main.c,$(wildcard tests/check_*.c)))

SOURCES := $(wildcard sources/*.xml)
DIST_OUT ?= dist

# Debian packages: what building needs, and what the tests add.
BUILD_DEBS := gcc make pkg-config libxml2-dev libzip-dev libxlsxwriter-dev libicu-dev libssl-dev
TEST_DEBS := check libsubunit-dev libxml2-utils python3 python3-jsonschema mandoc python3-pyld python3-rdflib python3-openpyxl \
	epubcheck default-jre-headless valgrind unzip util-linux strace chromium libreoffice-calc-nogui poppler-utils iso-codes

.PHONY: install uninstall all dist check asan valgrind coverage fuzz bench format clean deps-build deps-test test-run golden-products deps-clients screenshots rules-doc

all: $(BIN)

# Install what is missing, and nothing when everything is there.
define install_missing
	$(Q)missing=$$(for p in $(1); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null \
		| grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "  APT     $$missing"; \
		if [ "$$(id -u)" != 0 ]; then echo "profilec: run as root to install: $$missing" >&2; exit 1; fi; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi
endef

deps-build:
	$(call install_missing,$(BUILD_DEBS))

deps-test: deps-build
	$(call install_missing,$(TEST_DEBS))
	$(Q)$(MAKE) deps-clients

# The real clients make check runs on the products (Ace by DAISY, jsonld.js),
# from the npm registry at the versions tests/clients/package-lock.json pins, into
# .build/clients (never committed). Ace runs on Debian's chromium, so
# puppeteer downloads no browser. A failure here is not fatal: the tests
# that need a client then fail when CI is set (any value) and skip, saying so, locally.
CLIENTS := .build/clients
deps-clients:
	$(Q)if [ ! -f $(CLIENTS)/stamp ] || ! cmp -s tests/clients/package-lock.json $(CLIENTS)/package-lock.json; then \
		v=$$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0); \
		if [ "$$v" -lt 20 ] || ! command -v npm >/dev/null; then \
			echo "profilec: Ace by DAISY 1.4.6 needs Node.js >= 20 and npm (found: $$(node --version 2>/dev/null || echo none));" \
				"install them (e.g. from nodejs.org or NodeSource): Debian 12's nodejs is 18" >&2; \
		else \
			echo "  NPM     @daisy/ace-cli jsonld"; mkdir -p $(CLIENTS) && cp tests/clients/package.json tests/clients/package-lock.json $(CLIENTS)/ && \
			(cd $(CLIENTS) && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error >npm.log 2>&1) && \
			touch $(CLIENTS)/stamp || echo "profilec: npm install failed, see $(CLIENTS)/npm.log" >&2; \
		fi; \
	fi

$(B)/%.o: %.c | deps-build
	@mkdir -p $(dir $@)
	@[ "$(V)" != 0 ] || echo "  CC      $<"
	$(Q)$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

# The schema is compiled into the binary: validating never reads a file
# other than the source it was given.
$(B)/schema_xsd.c: schemas/profile.xsd
	@mkdir -p $(dir $@)
	@[ "$(V)" != 0 ] || echo "  EMBED   $<"
	$(Q){ echo '/* Generated from schemas/profile.xsd by the Makefile. */'; \
	  echo '#include <stddef.h>'; \
	  echo 'const char pc_schema_xsd[] ='; \
	  sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/"/' -e 's/$$/\\n"/' $<; \
	  echo ';'; \
	  echo 'const size_t pc_schema_xsd_len = sizeof pc_schema_xsd - 1;'; } > $@

$(B)/schema_xsd.o: $(B)/schema_xsd.c | deps-build
	$(Q)$(CC) $(ALL_CFLAGS) -Wno-overlength-strings -c $< -o $@

$(BIN): $(OBJS)
	@[ "$(V)" != 0 ] || echo "  LD      $@"
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $(OBJS) $(LDLIBS_ALL)

# ---- install ---------------------------------------------------------------

# make install [PREFIX=/usr/local] [DESTDIR=staging] [INSTALL=install]:
# the binary, the schema with its guide and the fictional template, and
# the manual pages profilec(1) and profilec-format(5).
PREFIX ?= /usr/local
INSTALL ?= install
BINDIR = $(PREFIX)/bin
DATADIR = $(PREFIX)/share/profilec
MANDIR = $(PREFIX)/share/man

install: $(BIN)
	$(Q)$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5
	$(Q)$(INSTALL) -m 755 $(BIN) $(DESTDIR)$(BINDIR)/profilec
	$(Q)$(INSTALL) -m 644 schemas/profile.xsd schemas/README.md tests/fixtures/xa.xml $(DESTDIR)$(DATADIR)/
	$(Q)$(INSTALL) -m 644 compiler/profilec.1 $(DESTDIR)$(MANDIR)/man1/profilec.1
	$(Q)$(INSTALL) -m 644 schemas/profilec-format.5 $(DESTDIR)$(MANDIR)/man5/profilec-format.5

uninstall:
	$(Q)rm -f $(DESTDIR)$(BINDIR)/profilec $(DESTDIR)$(DATADIR)/profile.xsd $(DESTDIR)$(DATADIR)/README.md \
		$(DESTDIR)$(DATADIR)/xa.xml $(DESTDIR)$(MANDIR)/man1/profilec.1 $(DESTDIR)$(MANDIR)/man5/profilec-format.5
	$(Q)rmdir $(DESTDIR)$(DATADIR) 2>/dev/null || true

# ---- dist ----------------------------------------------------------------

# `make -jN dist` builds N profiles at a time (profilec's worker processes):
# one build keeps dist/ atomic and its catalog whole.
DIST_JOBS = $(or $(patsubst -j%,%,$(filter -j%,$(MAKEFLAGS))),1)
# Where dist/ will be published and the data's licence, for the catalog a
# portal harvests: `make dist BASE_URL=https://data.example.org/profiles/ LICENSE=CC-BY-4.0`.
BASE_URL ?=
LICENSE ?=

dist: $(BIN)
	@[ "$(V)" != 0 ] || echo "  BUILD   $(DIST_OUT)/ from $(SOURCES)"
	$(Q)./$(BIN) build -o $(DIST_OUT) --jobs=$(DIST_JOBS) $(if $(BASE_URL),--base-url='$(BASE_URL)') \
		$(if $(LICENSE),--license='$(LICENSE)') $(SOURCES)

# ---- tests ---------------------------------------------------------------

$(B)/suites.h: $(wildcard tests/check_*.c)
	@mkdir -p $(dir $@)
	$(Q){ printf '#define PC_SUITES'; for s in $(SUITES); do printf ' PC_SUITE(%s)' $$s; done; echo; } > $@

$(B)/tests/check_main.o: $(B)/suites.h
$(B)/tests/%.o: TEST_CFLAGS = -I$(B) $(shell pkg-config --cflags check 2>/dev/null)

$(B)/check_profilec: $(TEST_OBJS) $(LIB_OBJS) | deps-test
	@[ "$(V)" != 0 ] || echo "  LD      $@"
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $(TEST_OBJS) $(LIB_OBJS) $$(pkg-config --libs check) $(LDLIBS_ALL)

# Check's default of 4 s per unit test is a measure of the machine's load,
# not of the code: a loaded CI machine timed out a 0.1 s test. Tests never
# fail on timing, so the default is generous; test cases that run clients
# set their own.
CK_DEFAULT_TIMEOUT ?= 120
export CK_DEFAULT_TIMEOUT

test-run: $(BIN) $(B)/check_profilec
	$(Q)PROFILEC=$(abspath $(BIN)) PROFILEC_CLIENTS=$(abspath $(CLIENTS)) $(B)/check_profilec

check: deps-test
	$(Q)$(MAKE) test-run
	$(Q)sh tests/sizes.sh

# The rule table of schemas/README.md, from the catalogue (compiler/rules.c);
# tests/check_rules.c fails when it is out of date.
rules-doc: $(BIN)
	$(Q)sh schemas/rules-section.sh ./$(BIN) schemas/README.md

# After a deliberate change of a product: record the new checksums, and say
# why in tests/golden/products.md (tests/check_format.c holds them).
golden-products: $(BIN)
	$(Q)tmp=$$(mktemp -d) && sh tests/golden/products.sh ./$(BIN) $$tmp/dist > tests/golden/products.sha256; \
		status=$$?; rm -rf $$tmp; exit $$status

# The same suite under AddressSanitizer and UBSan, in its own build tree.
asan: deps-test
	$(Q)PROFILEC_SANITIZED=1 ASAN_OPTIONS=fast_unwind_on_malloc=0 LSAN_OPTIONS=suppressions=$(abspath tests/lsan.supp):print_suppressions=0 $(MAKE) B=.build/asan BIN=.build/asan/profilec \
		EXTRA_CFLAGS="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
		EXTRA_LDFLAGS="-fsanitize=address,undefined" CFLAGS="-O1 -g" test-run

# The suite under valgrind, profilec included (PROFILEC_WRAPPER): one
# valgrind process per Check suite, so `make -j2 valgrind` runs two at a
# time. Only definite and indirect leaks are shown and counted: ICU keeps
# process-lifetime caches ("possibly lost") that would fill the stderr the
# tests compare. No vgdb: its files in /tmp break the full-disk tests.
VALGRIND = valgrind -q --error-exitcode=99 --vgdb=no --leak-check=full --show-leak-kinds=definite,indirect \
	--errors-for-leak-kinds=definite,indirect --suppressions=$(abspath tests/valgrind.supp)
valgrind: $(addprefix valgrind-,$(SUITES))
valgrind-%: deps-test $(BIN) $(B)/check_profilec
	$(Q)PROFILEC_WRAPPER="$(VALGRIND)" CK_RUN_SUITE=$* CK_FORK=no PROFILEC=$(abspath $(BIN)) \
		PROFILEC_CLIENTS=$(abspath $(CLIENTS)) $(VALGRIND) $(B)/check_profilec

# Line and branch coverage of the whole suite, per file (gcc's gcov, so
# nothing to install): its own build tree, counts from every process
# (worker processes dump theirs before _exit under PC_COVERAGE).
COV_B := .build/coverage
coverage: deps-test
	$(Q)rm -rf $(COV_B)
	$(Q)$(MAKE) B=$(COV_B) BIN=$(COV_B)/profilec CFLAGS="-O0 -g" \
		EXTRA_CFLAGS="--coverage -DPC_COVERAGE" EXTRA_LDFLAGS="--coverage" test-run
	$(Q)sh tests/coverage.sh $(COV_B)

# The products as people see them, as PNG files for a review by eye (not
# in CI): the handout's title page, timeline and laws page (headless
# Chromium, and the laws printed to PDF), the workbook's About and
# penalties sheets (LibreOffice Calc). SCREENSHOTS_SOURCE picks the profile.
SCREENSHOTS_SOURCE ?= sources/ro.xml
screenshots: $(BIN)
	$(call install_missing,chromium libreoffice-calc-nogui poppler-utils unzip)
	$(Q)sh tests/screenshots.sh ./$(BIN) $(SCREENSHOTS_SOURCE) $(B)/screenshots

# ---- bench ---------------------------------------------------------------

# What tests/bench/run.sh needs beside the build: xmllint and gzip are the
# floor it measures against, /usr/bin/time gives the peak memory, iso-codes the
# codes of the world corpora, perf the CPU time of a build's parent alone.
BENCH_DEBS := libxml2-utils gzip unzip time python3 iso-codes linux-perf

# A report, never a failure on timing: fictional corpora from 40 KB to
# 100 MB and 200 profiles, timed against libxml2 and zlib (tests/bench/).
bench: $(BIN)
	$(call install_missing,$(BENCH_DEBS))
	$(Q)PROFILEC=$(abspath $(BIN)) bash tests/bench/run.sh

format:
	$(Q)clang-format -i compiler/*.[ch] exporters/*.[ch] tests/*.[ch]

clean:
	$(Q)rm -rf .build $(BIN)

-include $(shell find $(B) -name '*.d' 2>/dev/null)

include tests/fuzz/fuzz.mk
