# SPDX-License-Identifier: MIT
# End-to-end tests of --fs-readonly and --allow-write: real python3
# programs under the real hermetic change files below the test's own
# directory, and the tests check on disk what the kernel did (included
# from tests/e2e/local.mk). The scripts use the helpers of
# tests/e2e/net-lib.inc.

FS_E2E_TESTS = \
	tests/e2e/fs-mutations.sh \
	tests/e2e/fs-allow-write.sh \
	tests/e2e/fs-pycache.sh \
	tests/e2e/fs-landlock.sh \
	tests/e2e/fs-devices.sh \
	tests/e2e/fs-extra.sh \
	tests/e2e/fs-read-root.sh

TESTS += $(FS_E2E_TESTS)

EXTRA_DIST += $(FS_E2E_TESTS) \
	tests/e2e/py/fs_probe.py \
	tests/e2e/py/fs_snap.py \
	tests/e2e/py/read_probe.py
