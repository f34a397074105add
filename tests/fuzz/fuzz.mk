# make fuzz FUZZ_SECONDS=N: libFuzzer over load -> validate -> graph -> every
# exporter, seeded from sources/ and tests/, with the XML dictionary. The
# seeds include a source that is not UTF-8 (tests/cases/invalid-utf8.xml)
# and CDATA sections (tests/cases/epub-markup.xml, tests/fixtures/xn.xml).
# .ci/run ends with a 60-second run.
# Included by the top-level Makefile. The leak suppression is libxml2's own
# (tests/lsan.supp); it needs full malloc stacks, hence the slower unwinder.

FUZZ_SECONDS ?= 60
FUZZ_B := .build/fuzz
FUZZ_FLAGS := -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

.PHONY: fuzz deps-fuzz

deps-fuzz: deps-build
	$(call install_missing,clang)

# The library's objects, built by clang with the fuzzer's instrumentation
# into their own tree. The binary depends on files only (deps-fuzz is
# order-only: it installs clang first, and a later run does not relink);
# headers come in through the objects' .d files (the Makefile includes every
# .d under .build), the schema through schema_xsd.c.
FUZZ_OBJS := $(LIB_OBJS:$(B)/%=$(FUZZ_B)/%)
FUZZ_CC = clang $(WARN) $(PKG_CFLAGS) -O1 -g $(FUZZ_FLAGS)

$(FUZZ_B)/%.o: %.c | deps-fuzz
	@mkdir -p $(dir $@)
	@[ "$(V)" != 0 ] || echo "  CC      $@"
	$(Q)$(FUZZ_CC) -MMD -MP -c $< -o $@

$(FUZZ_B)/schema_xsd.o: $(B)/schema_xsd.c | deps-fuzz
	@mkdir -p $(dir $@)
	$(Q)$(FUZZ_CC) -Wno-overlength-strings -c $< -o $@

$(FUZZ_B)/fuzz_profile: tests/fuzz/fuzz_profile.c $(FUZZ_OBJS) | deps-fuzz
	@[ "$(V)" != 0 ] || echo "  LD      $@"
	$(Q)$(FUZZ_CC) -fsanitize=fuzzer -o $@ tests/fuzz/fuzz_profile.c $(FUZZ_OBJS) $(PKG_LIBS) -lm

# -max_len above the largest seed, sources/ro.xml (79,925 bytes): a shorter
# limit cuts the main seed before its laws and bibliography.
fuzz: $(FUZZ_B)/fuzz_profile
	$(Q)mkdir -p $(FUZZ_B)/corpus $(FUZZ_B)/crashes
	$(Q)cp sources/*.xml tests/fixtures/*.xml tests/cases/*.xml $(FUZZ_B)/corpus/
	$(Q)ASAN_OPTIONS=fast_unwind_on_malloc=0 \
		LSAN_OPTIONS=suppressions=$(abspath tests/lsan.supp):print_suppressions=0 \
		$(FUZZ_B)/fuzz_profile -max_total_time=$(FUZZ_SECONDS) -dict=tests/fuzz/xml.dict -max_len=131072 \
		-timeout=10 -rss_limit_mb=2048 -artifact_prefix=$(FUZZ_B)/crashes/ -print_final_stats=1 \
		$(FUZZ_B)/corpus
