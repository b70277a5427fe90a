# SPDX-License-Identifier: MIT
# End-to-end tests of Python call sites in the trace lines (" at
# FILE:LINE in QUALNAME", test= under pytest, --backtrace), on every
# CPython found (included from tests/e2e/local.mk).

PY_E2E_TESTS = \
	tests/e2e/py-callsite.sh \
	tests/e2e/py-callsite-unsupported.sh \
	tests/e2e/py-pytest.sh \
	tests/e2e/py-backtrace.sh \
	tests/e2e/py-garbage.sh

TESTS += $(PY_E2E_TESTS)

EXTRA_DIST += $(PY_E2E_TESTS) \
	tests/e2e/py-lib.inc \
	tests/e2e/py/callsite.py \
	tests/e2e/py/callsite_mod.py \
	tests/e2e/py/callsite_uni.py \
	tests/e2e/py/garbage.py \
	tests/e2e/py/pytest_suite/pytest.ini \
	tests/e2e/py/pytest_suite/conftest.py \
	tests/e2e/py/pytest_suite/test_a.py \
	tests/e2e/py/pytest_suite/test_b.py
