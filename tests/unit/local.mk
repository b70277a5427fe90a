# SPDX-License-Identifier: MIT
# libcheck unit tests: one binary per module, linked against libhermetic.a.
# tests/lib holds what more than one test could use (the BPF simulator of
# the filter tests, the ELF file builder of the elfread and pyimage tests).
# Without Check (configure says so) none of this is built, and the e2e and
# security tests still run.

if HAVE_CHECK
unit_tests = \
	tests/unit/check_cli \
	tests/unit/check_profile \
	tests/unit/check_policy \
	tests/unit/check_sockaddr \
	tests/unit/check_filter \
	tests/unit/check_sysent \
	tests/unit/check_maps \
	tests/unit/check_fsop \
	tests/unit/check_readroot \
	tests/unit/check_audit \
	tests/unit/check_dns \
	tests/unit/check_pyimage \
	tests/unit/check_env \
	tests/unit/check_target \
	tests/unit/check_report \
	tests/unit/check_linetable \
	tests/unit/check_pystr \
	tests/unit/check_callsite \
	tests/unit/check_offsets \
	tests/unit/check_elfread

check_PROGRAMS += $(unit_tests)
TESTS += $(unit_tests)

# Every unit test links the same way: the libcheck and libseccomp flags go
# to all of them (AM_CFLAGS, LDADD), and each program only names its sources.
AM_CFLAGS += $(CHECK_CFLAGS) $(SECCOMP_CFLAGS)
LDADD = libhermetic.a $(SECCOMP_LIBS) $(LIBUNWIND_LIBS) $(CHECK_LIBS)

tests_unit_check_cli_SOURCES = tests/unit/check_cli.c tests/unit/check_common.h
tests_unit_check_profile_SOURCES = tests/unit/check_profile.c \
	tests/unit/check_common.h
tests_unit_check_policy_SOURCES = tests/unit/check_policy.c \
	tests/unit/check_common.h
tests_unit_check_sockaddr_SOURCES = tests/unit/check_sockaddr.c \
	tests/unit/check_common.h
tests_unit_check_filter_SOURCES = tests/unit/check_filter.c \
	tests/unit/check_common.h tests/lib/bpf_sim.c tests/lib/bpf_sim.h
tests_unit_check_filter_CPPFLAGS = $(AM_CPPFLAGS) -I$(srcdir)/tests/lib
tests_unit_check_sysent_SOURCES = tests/unit/check_sysent.c \
	tests/unit/check_common.h
tests_unit_check_maps_SOURCES = tests/unit/check_maps.c tests/unit/check_common.h
tests_unit_check_fsop_SOURCES = tests/unit/check_fsop.c \
	tests/unit/check_common.h
tests_unit_check_readroot_SOURCES = tests/unit/check_readroot.c \
	tests/unit/check_common.h
tests_unit_check_audit_SOURCES = tests/unit/check_audit.c \
	tests/unit/check_common.h
tests_unit_check_dns_SOURCES = tests/unit/check_dns.c \
	tests/unit/check_common.h
tests_unit_check_pyimage_SOURCES = tests/unit/check_pyimage.c \
	tests/unit/check_common.h tests/lib/elf_build.c tests/lib/elf_build.h
tests_unit_check_pyimage_CPPFLAGS = $(AM_CPPFLAGS) -I$(srcdir)/tests/lib
tests_unit_check_env_SOURCES = tests/unit/check_env.c tests/unit/check_common.h
tests_unit_check_target_SOURCES = tests/unit/check_target.c \
	tests/unit/check_common.h
tests_unit_check_report_SOURCES = tests/unit/check_report.c \
	tests/unit/check_common.h
tests_unit_check_linetable_SOURCES = tests/unit/check_linetable.c \
	tests/unit/check_common.h
tests_unit_check_pystr_SOURCES = tests/unit/check_pystr.c \
	tests/unit/check_common.h
tests_unit_check_callsite_SOURCES = tests/unit/check_callsite.c \
	tests/unit/check_common.h
tests_unit_check_offsets_SOURCES = tests/unit/check_offsets.c \
	tests/unit/check_common.h
tests_unit_check_elfread_SOURCES = tests/unit/check_elfread.c \
	tests/unit/check_common.h tests/lib/elf_build.c tests/lib/elf_build.h
tests_unit_check_elfread_CPPFLAGS = $(AM_CPPFLAGS) -I$(srcdir)/tests/lib
endif

# check_linetable replays the line tables of real interpreters; the
# generator remakes them: python3.X gen_linetables.py > linetable-3.X.txt
EXTRA_DIST += tests/unit/fixtures/gen_linetables.py \
	tests/unit/fixtures/linetable-3.8.txt \
	tests/unit/fixtures/linetable-3.9.txt \
	tests/unit/fixtures/linetable-3.10.txt \
	tests/unit/fixtures/linetable-3.11.txt \
	tests/unit/fixtures/linetable-3.12.txt \
	tests/unit/fixtures/linetable-3.13.txt

# check_offsets parses the _Py_DebugOffsets of a real 3.13.0; the generator
# remakes it: python3.13 gen_debug_offsets.py > debug-offsets-3.13.txt
EXTRA_DIST += tests/unit/fixtures/gen_debug_offsets.py \
	tests/unit/fixtures/debug-offsets-3.13.txt
