#!/bin/sh
# SPDX-License-Identifier: MIT
# The summary and the exit status. Without --trace, a denied connect that
# the program swallows still leaves exactly one line on stderr,
# "hermetic: blocked 1 action (1 network); rerun with --trace for details"
# (plural for two), and no trace line; with --trace the summary has no
# hint. Nothing denied: no summary. The program's own exit status passes
# through (0 after catching the PermissionError, 3 when it exits 3, 1 with
# a PermissionError traceback when it does not catch it); the same program
# without flags connects, and the listener counts it.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/e2e/net-lib.inc"

require_python_
start_listener tcp 4
S="tcp,127.0.0.1,$LPORT"
HINT="; rerun with --trace for details"

# one denial, swallowed: exit 0, stderr is exactly the summary
run_h --no-network -- "$PYTHON3" "$NP" "$S"
expect_rc 0
expect_step "$S" EPERM
[ "$(cat "$T/err")" = "hermetic: blocked 1 action (1 network)$HINT" ] ||
    fail_ "stderr is not exactly the one-line summary"
expect_count 0

# two denials
run_h --no-network -- "$PYTHON3" "$NP" "$S" "udp-sendto,127.0.0.1,$LPORT"
expect_rc 0
[ "$(cat "$T/err")" = "hermetic: blocked 2 actions (2 network)$HINT" ] ||
    fail_ "stderr is not exactly the two-action summary"

# with --trace: the lines, then the summary without the hint
run_h --trace --no-network -- "$PYTHON3" "$NP" "$S"
expect_rc 0
expect_trace connect "host=127.0.0.1:$LPORT" no-network
expect_summary "blocked 1 action (1 network)"
expect_no_err 'rerun with --trace'

# the program's exit status passes through
run_h --no-network -- "$PYTHON3" "$NP" "$S" exit,3
expect_rc 3
expect_step "$S" EPERM
expect_summary "blocked 1 action (1 network)$HINT"

run_h --no-network -- "$PYTHON3" "$NP" "uncaught,127.0.0.1,$LPORT"
expect_rc 1
expect_err '^PermissionError: \[Errno 1\] Operation not permitted$'
expect_summary "blocked 1 action (1 network)$HINT"
expect_count 0

# nothing denied: no summary, the same exit statuses
run_h --no-network --allow-localhost -- "$PYTHON3" "$NP" "$S" exit,3
expect_rc 3
expect_step "$S" ok
[ ! -s "$T/err" ] || fail_ "stderr is not empty though nothing was denied"
expect_count 1

# the guard off: the same programs connect
run_h -- "$PYTHON3" "$NP" "$S"
expect_rc 0
expect_step "$S" ok
[ ! -s "$T/err" ] || fail_ "stderr is not empty without a guard"
expect_count 2

run_h -- "$PYTHON3" "$NP" "uncaught,127.0.0.1,$LPORT"
expect_rc 0
expect_step "uncaught,127.0.0.1,$LPORT" ok
[ ! -s "$T/err" ] || fail_ "stderr is not empty without a guard"
expect_count 3

pass_ "the summary is printed without --trace and the exit status passes through"
