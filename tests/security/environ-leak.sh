#!/bin/sh
# SPDX-License-Identifier: MIT
# --no-environment keeps a secret from the target even when the target can
# read hermetic's own /proc/PID/environ (a root target can: the kernel
# lets root read a non-dumpable process's environ), because hermetic blanks
# its copy once the target has started. Without the flag the same program
# finds the secret there, which shows the check can see it.
. "${top_srcdir:-.}/tests/e2e/lib.sh"
require_python_

prog='import os
try:
    data = open("/proc/%d/environ" % os.getppid(), "rb").read()
    print("parent-environ", b"SECRET_TOKEN=s3cr3t" in data)
except OSError as e:
    print("parent-environ unreadable", e.errno)
print("own", "SECRET_TOKEN" in os.environ)'

SECRET_TOKEN=s3cr3t run_h --no-environment -- "$PYTHON3" -c "$prog"
expect_rc 0
expect_out "^own False$"
expect_no_out "parent-environ True"
echo "with --no-environment: $(tr '\n' ' ' <"$T/out")"

SECRET_TOKEN=s3cr3t run_h -- "$PYTHON3" -c "$prog"
expect_rc 0
expect_out "^own True$"
if [ "$(id -u)" = 0 ]; then
    expect_out "^parent-environ True$"
else
    echo "note: as uid $(id -u) hermetic's environ is unreadable even without the flag (non-dumpable); only the target's own environment is compared"
fi
pass_ "the secret does not reach the target, through its environment or hermetic's"
