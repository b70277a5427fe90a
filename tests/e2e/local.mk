# SPDX-License-Identifier: MIT
# End-to-end tests: real python3 programs under the real supervisor.

TESTS += tests/e2e/unavailable.sh tests/e2e/proc-thread-exec.sh \
	tests/e2e/proc-ctrl-c.sh
EXTRA_DIST += tests/e2e/unprivileged.sh \
	tests/e2e/unavailable.sh tests/e2e/proc-thread-exec.sh \
	tests/e2e/proc-ctrl-c.sh tests/e2e/py/proc_tty.py \
	tests/e2e/net.mk tests/e2e/proc.mk tests/e2e/py.mk tests/e2e/fs.mk \
	tests/e2e/native.mk tests/e2e/import.mk tests/e2e/audit.mk

include tests/e2e/net.mk
include tests/e2e/proc.mk
include tests/e2e/py.mk
include tests/e2e/fs.mk
include tests/e2e/native.mk
include tests/e2e/import.mk
include tests/e2e/audit.mk

# Last: the whole e2e and security suites again as an unprivileged user
# (when make check runs as root), since that is how most people run it.
TESTS += tests/e2e/unprivileged.sh
