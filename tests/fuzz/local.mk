# SPDX-License-Identifier: MIT
# Fuzzing the parsers of untrusted input (DNS messages, --allow-host
# rules) with libFuzzer: "make fuzz-smoke" builds tests/fuzz/fuzz_dns with
# clang under ASan and UBSan and runs it for FUZZ_SECONDS (default 60)
# from the corpus kept in tests/fuzz/corpus/dns (read only: new inputs go
# to a scratch directory). A finding stops it with a non-zero status and
# the input in tests/fuzz/.

FUZZ_CC = clang
FUZZ_SECONDS = 60
FUZZ_FLAGS = -g -O1 -fsanitize=fuzzer,address,undefined \
	-fno-sanitize-recover=undefined

EXTRA_DIST += tests/fuzz/fuzz_dns.c tests/fuzz/corpus/dns

tests/fuzz/fuzz_dns: $(srcdir)/tests/fuzz/fuzz_dns.c $(srcdir)/src/dns.c \
		$(srcdir)/src/hostrule.c $(srcdir)/src/dns.h \
		$(srcdir)/src/hostrule.h
	@$(MKDIR_P) tests/fuzz
	$(FUZZ_CC) $(FUZZ_FLAGS) -I$(builddir) -I$(srcdir)/src -o $@ \
		$(srcdir)/tests/fuzz/fuzz_dns.c $(srcdir)/src/dns.c \
		$(srcdir)/src/hostrule.c

fuzz-smoke: tests/fuzz/fuzz_dns
	rm -rf tests/fuzz/scratch && $(MKDIR_P) tests/fuzz/scratch
	tests/fuzz/fuzz_dns -max_total_time=$(FUZZ_SECONDS) -max_len=1024 \
		-artifact_prefix=tests/fuzz/ -print_final_stats=1 \
		tests/fuzz/scratch $(srcdir)/tests/fuzz/corpus/dns
	rm -rf tests/fuzz/scratch

CLEANFILES += tests/fuzz/fuzz_dns
.PHONY: fuzz-smoke
