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

$(FUZZ_B)/fuzz_profile: deps-fuzz $(SRCS) tests/fuzz/fuzz_profile.c
	$(Q)$(MAKE) B=$(FUZZ_B) CC=clang CFLAGS="-O1 -g" EXTRA_CFLAGS="$(FUZZ_FLAGS)" $(LIB_OBJS:$(B)/%=$(FUZZ_B)/%)
	@[ "$(V)" != 0 ] || echo "  LD      $@"
	$(Q)clang $(WARN) $(PKG_CFLAGS) -O1 -g $(FUZZ_FLAGS) -fsanitize=fuzzer -o $@ tests/fuzz/fuzz_profile.c \
		$(LIB_OBJS:$(B)/%=$(FUZZ_B)/%) $(PKG_LIBS) -lm

fuzz: $(FUZZ_B)/fuzz_profile
	$(Q)mkdir -p $(FUZZ_B)/corpus $(FUZZ_B)/crashes
	$(Q)cp sources/*.xml tests/fixtures/*.xml tests/cases/*.xml $(FUZZ_B)/corpus/
	$(Q)ASAN_OPTIONS=fast_unwind_on_malloc=0 \
		LSAN_OPTIONS=suppressions=$(abspath tests/lsan.supp):print_suppressions=0 \
		$(FUZZ_B)/fuzz_profile -max_total_time=$(FUZZ_SECONDS) -dict=tests/fuzz/xml.dict -max_len=65536 \
		-timeout=10 -rss_limit_mb=2048 -artifact_prefix=$(FUZZ_B)/crashes/ -print_final_stats=1 \
		$(FUZZ_B)/corpus
