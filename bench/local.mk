# SPDX-License-Identifier: MIT
# make bench: the benchmark suite (bench/run), with the ptrace round-trip
# microbenchmark it measures against. Not part of make check: no time is
# a pass/fail criterion. BENCH_FLAGS passes options to bench/run
# ("make bench BENCH_FLAGS=--quick" for a smoke run).

EXTRA_PROGRAMS += bench/ptrace_rt
bench_ptrace_rt_SOURCES = bench/ptrace_rt.c
bench_ptrace_rt_CFLAGS = $(AM_CFLAGS) $(SECCOMP_CFLAGS)
bench_ptrace_rt_LDADD = $(SECCOMP_LIBS)
CLEANFILES += bench/ptrace_rt

EXTRA_DIST += bench/run bench/workloads/imports.py bench/workloads/connects.py \
	bench/workloads/denied.py bench/workloads/files.py \
	bench/workloads/procs.py bench/workloads/pytest_suite/test_many.py \
	bench/workloads/pytest_suite/pytest.ini \
	bench/workloads/lookups.py

bench: hermetic bench/ptrace_rt
	$(srcdir)/bench/run $(BENCH_FLAGS) --hermetic $(abs_top_builddir)/hermetic \
		--ptrace-rt $(abs_top_builddir)/bench/ptrace_rt \
		--json $(abs_top_builddir)/bench/results.json
.PHONY: bench
