# SPDX-License-Identifier: MIT
# End-to-end tests of auditing: --audit, --trace=all, the event log, the
# report and --fail-on-violation, on real python3 programs, a pip install
# of a local package and a pytest suite (included from tests/e2e/local.mk).

AUDIT_E2E_TESTS = \
	tests/e2e/audit-log.sh \
	tests/e2e/audit-pytest.sh \
	tests/e2e/audit-pip.sh

TESTS += $(AUDIT_E2E_TESTS)

EXTRA_DIST += $(AUDIT_E2E_TESTS) \
	tests/e2e/py/audit_probe.py \
	tests/e2e/py/check_log.py \
	tests/e2e/py/audit_suite/pytest.ini \
	tests/e2e/py/audit_suite/test_net.py \
	tests/e2e/py/audit_suite/test_io.py \
	tests/e2e/fixtures/audit_pkg/setup.py \
	tests/e2e/fixtures/audit_pkg/auditpkg.py \
	tests/e2e/fixtures/audit_pkg/check_report.py
