# SPDX-License-Identifier: MIT
# libcheck unit tests: one binary per module, linked against libhermetic.a.
# tests/lib holds what more than one test could use (the BPF simulator of
# the filter tests). Without Check (configure says so) none of this is
# built, and the e2e and security tests still run.

if HAVE_CHECK
unit_tests = \
	tests/unit/check_cli \
	tests/unit/check_profile \
	tests/unit/check_policy \
	tests/unit/check_sockaddr \
	tests/unit/check_filter \
	tests/unit/check_sysent \
	tests/unit/check_pyimage \
	tests/unit/check_env \
	tests/unit/check_target \
	tests/unit/check_report

check_PROGRAMS += $(unit_tests)
TESTS += $(unit_tests)

unit_cflags = $(AM_CFLAGS) $(CHECK_CFLAGS) $(SECCOMP_CFLAGS)
unit_ldadd = libhermetic.a $(SECCOMP_LIBS) $(CHECK_LIBS)

tests_unit_check_cli_SOURCES = tests/unit/check_cli.c \
	tests/unit/check_common.h
tests_unit_check_cli_CFLAGS = $(unit_cflags)
tests_unit_check_cli_LDADD = $(unit_ldadd)

tests_unit_check_profile_SOURCES = tests/unit/check_profile.c \
	tests/unit/check_common.h
tests_unit_check_profile_CFLAGS = $(unit_cflags)
tests_unit_check_profile_LDADD = $(unit_ldadd)

tests_unit_check_policy_SOURCES = tests/unit/check_policy.c \
	tests/unit/check_common.h
tests_unit_check_policy_CFLAGS = $(unit_cflags)
tests_unit_check_policy_LDADD = $(unit_ldadd)

tests_unit_check_sockaddr_SOURCES = tests/unit/check_sockaddr.c \
	tests/unit/check_common.h
tests_unit_check_sockaddr_CFLAGS = $(unit_cflags)
tests_unit_check_sockaddr_LDADD = $(unit_ldadd)

tests_unit_check_filter_SOURCES = tests/unit/check_filter.c \
	tests/unit/check_common.h tests/lib/bpf_sim.c tests/lib/bpf_sim.h
tests_unit_check_filter_CPPFLAGS = $(AM_CPPFLAGS) -I$(srcdir)/tests/lib
tests_unit_check_filter_CFLAGS = $(unit_cflags)
tests_unit_check_filter_LDADD = $(unit_ldadd)

tests_unit_check_sysent_SOURCES = tests/unit/check_sysent.c \
	tests/unit/check_common.h
tests_unit_check_sysent_CFLAGS = $(unit_cflags)
tests_unit_check_sysent_LDADD = $(unit_ldadd)

tests_unit_check_pyimage_SOURCES = tests/unit/check_pyimage.c \
	tests/unit/check_common.h
tests_unit_check_pyimage_CFLAGS = $(unit_cflags)
tests_unit_check_pyimage_LDADD = $(unit_ldadd)

tests_unit_check_env_SOURCES = tests/unit/check_env.c \
	tests/unit/check_common.h
tests_unit_check_env_CFLAGS = $(unit_cflags)
tests_unit_check_env_LDADD = $(unit_ldadd)

tests_unit_check_target_SOURCES = tests/unit/check_target.c \
	tests/unit/check_common.h
tests_unit_check_target_CFLAGS = $(unit_cflags)
tests_unit_check_target_LDADD = $(unit_ldadd)

tests_unit_check_report_SOURCES = tests/unit/check_report.c \
	tests/unit/check_common.h
tests_unit_check_report_CFLAGS = $(unit_cflags)
tests_unit_check_report_LDADD = $(unit_ldadd)
endif
