# SPDX-License-Identifier: MIT
# End-to-end tests of --deny-import: real CPython interpreters (every
# pyenv 3.8-3.13 found, and the system python3) are denied the files of a
# module, a package's submodule, the standard library's json package and
# an extension module, and import everything else (included from
# tests/e2e/local.mk). The script uses the helpers of tests/e2e/py-lib.inc.

IMPORT_E2E_TESTS = \
	tests/e2e/deny-import.sh

TESTS += $(IMPORT_E2E_TESTS)

EXTRA_DIST += $(IMPORT_E2E_TESTS)
