# SPDX-License-Identifier: MIT
# make check runs three kinds of tests through Automake's parallel harness:
# libcheck unit tests (tests/unit), end-to-end tests of real python3 under
# the real supervisor (tests/e2e), and the security catalogue
# (tests/security). Exit 77 is a skip with its reason printed, 99 a
# framework failure.

TEST_EXTENSIONS = .sh
SH_LOG_COMPILER = $(SHELL)
AM_TESTS_ENVIRONMENT = \
	HERMETIC='$(abs_top_builddir)/hermetic'; export HERMETIC; \
	PYTHON3='$(PYTHON3)'; export PYTHON3; \
	top_srcdir='$(abs_top_srcdir)'; export top_srcdir; \
	top_builddir='$(abs_top_builddir)'; export top_builddir; \
	HERMETIC_PROFILE_PATH='$(abs_top_srcdir)/profiles'; \
	export HERMETIC_PROFILE_PATH; \
	CK_DEFAULT_TIMEOUT=30; export CK_DEFAULT_TIMEOUT; \
	CC='$(CC)'; export CC;

EXTRA_DIST += tests/e2e/lib.sh

include tests/unit/local.mk
include tests/e2e/local.mk
include tests/security/local.mk
include tests/build/local.mk
include tests/fuzz/local.mk
