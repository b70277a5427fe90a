# SPDX-License-Identifier: MIT
# End-to-end tests of --block-native: real CPython interpreters (every
# pyenv 3.8-3.13 found, and the system python3) load their standard
# library's extension modules, and are denied ctypes, copies of extension
# modules outside their lib directories, and executable mappings of other
# files (included from tests/e2e/local.mk). The scripts use the helpers
# of tests/e2e/py-lib.inc.

NATIVE_E2E_TESTS = \
	tests/e2e/native-block.sh \
	tests/e2e/native-ffi-copy.sh

TESTS += $(NATIVE_E2E_TESTS)

EXTRA_DIST += $(NATIVE_E2E_TESTS) tests/e2e/py/native_load.py
