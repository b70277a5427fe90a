# SPDX-License-Identifier: MIT
# Helpers for the end-to-end and security tests: each test is a shell
# script that sources this file, runs real python3 programs under the real
# hermetic, and asserts on what the kernel did. Exit codes follow Automake:
# 0 pass, 1 fail, 77 skip (with the reason printed), 99 framework failure.
#
# Environment (set by make check; set them by hand to run one test):
#   HERMETIC   the hermetic binary
#   PYTHON3    the system python3 (default /usr/bin/python3)
#   top_srcdir the source tree

set -u

: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${HERMETIC:=$top_srcdir/hermetic}"
if [ -z "${PYTHON3:-}" ]; then
    if [ -x /usr/bin/python3 ]; then PYTHON3=/usr/bin/python3; else PYTHON3=python3; fi
fi
E2E="$top_srcdir/tests/e2e"
PY="$E2E/py"
SECPY="$top_srcdir/tests/security/py"
export HERMETIC PYTHON3

# Every hermetic run is bounded, so that a hang fails instead of blocking.
: "${TIMEOUT:=60}"

T=$(mktemp -d "${TMPDIR:-/tmp}/hermetic-test.XXXXXX") || exit 99
chmod 755 "$T"
LISTENER_PID=
cleanup_() {
    if [ -n "$LISTENER_PID" ]; then kill "$LISTENER_PID" 2>/dev/null; wait "$LISTENER_PID" 2>/dev/null; fi
    rm -rf "$T"
}
trap cleanup_ EXIT

skip_() { echo "SKIP: $*"; exit 77; }
fail_() { echo "FAIL: $*"; show_; exit 1; }
framework_failure_() { echo "FRAMEWORK FAILURE: $*"; exit 99; }
pass_() { echo "PASS: $*"; }

# Print what the last run wrote, for a failing test's log.
show_() {
    [ -f "$T/out" ] && { echo "--- stdout:"; cat "$T/out"; }
    [ -f "$T/err" ] && { echo "--- stderr:"; cat "$T/err"; }
    return 0
}

# run_ CMD...: run a command, bounded; stdout in $T/out, stderr in $T/err,
# exit status in $rc.
run_() {
    rc=0
    timeout -k 5 "$TIMEOUT" "$@" >"$T/out" 2>"$T/err" </dev/null || rc=$?
    [ "$rc" != 124 ] || fail_ "timed out after ${TIMEOUT}s: $*"
    return 0
}

# run_h ARGS...: run hermetic with ARGS (options, --, target).
run_h() { run_ "$HERMETIC" "$@"; }

expect_rc() {
    [ "$rc" = "$1" ] || fail_ "${2:-exit status} is $rc, expected $1"
}
expect_out() { grep -Eq -- "$1" "$T/out" || fail_ "stdout lacks /$1/"; }
# stderr with the call site of trace lines (" at FILE:LINE in NAME") taken
# out, for the tests that are not about it; the py-* tests check it.
err_sans_site_() { sed -E 's/ at [^ ]+:([0-9]+|\?) in [^ ]+( pid=)/\2/' "$T/err"; }
expect_err() { err_sans_site_ | grep -Eq -- "$1" || fail_ "stderr lacks /$1/"; }
expect_no_err() { ! err_sans_site_ | grep -Eq -- "$1" || fail_ "stderr has /$1/"; }
expect_no_out() { ! grep -Eq -- "$1" "$T/out" || fail_ "stdout has /$1/"; }

# Skip when this machine cannot supervise at all (no ptrace: a container
# without CAP_SYS_PTRACE, Yama 3, an outer tracer).
require_supervision_() {
    out=$("$HERMETIC" -- /bin/true 2>&1); r=$?
    [ "$r" = 0 ] || skip_ "hermetic cannot supervise here: $out"
}

require_python_() {
    command -v "$PYTHON3" >/dev/null 2>&1 || skip_ "no python3 ($PYTHON3) on this machine"
}

# start_listener PROTO FAMILY: a loopback listener running outside hermetic
# that counts what reaches it. PROTO is tcp or udp, FAMILY 4 or 6. Sets
# LPORT. listener_count prints the number of connections (tcp) or
# datagrams (udp) received so far.
start_listener() {
    rm -f "$T/lport" "$T/lcount"
    if [ "$2" = 6 ]; then where="::1,0"; else where="127.0.0.1,0"; fi
    "$PYTHON3" "$PY/listener.py" "$1" "$where" "$T/lport" "$T/lcount" &
    LISTENER_PID=$!
    i=0
    while [ ! -s "$T/lport" ]; do
        i=$((i + 1)); [ $i -gt 100 ] && framework_failure_ "listener did not start"
        sleep 0.05
    done
    LPORT=$(cat "$T/lport")
}
listener_count() { cat "$T/lcount" 2>/dev/null || echo 0; }
stop_listener() {
    [ -n "$LISTENER_PID" ] && kill "$LISTENER_PID" 2>/dev/null
    wait "$LISTENER_PID" 2>/dev/null
    LISTENER_PID=
}

require_supervision_
