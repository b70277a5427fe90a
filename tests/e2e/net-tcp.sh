#!/bin/sh
# SPDX-License-Identifier: MIT
# TCP over IPv4: a connect to the loopback listener (outside hermetic) is
# denied with EPERM under --no-network and never reaches it; it arrives
# with --no-network --allow-localhost and with no flag at all. The same for
# a TCP Fast Open sendto (which connects) and for 0.0.0.0 (the kernel's
# "this host"). An outside address is denied even with --allow-localhost,
# and the kernel tries it (EINPROGRESS) when nothing is set.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/e2e/net-lib.inc"

require_python_
start_listener tcp 4

S="tcp,127.0.0.1,$LPORT"
TFO="tcp-fastopen,127.0.0.1,$LPORT"
ANY="tcp,0.0.0.0,$LPORT"

# --no-network: each is denied, the listener sees nothing
run_h --trace --no-network -- "$PYTHON3" "$NP" "$S" "$TFO" "$ANY"
expect_rc 0
expect_step "$S" EPERM
expect_step "$TFO" EPERM
expect_step "$ANY" EPERM
expect_trace connect "host=127.0.0.1:$LPORT" no-network
expect_trace sendto "host=127.0.0.1:$LPORT" no-network
expect_trace connect "host=0.0.0.0:$LPORT" no-network
expect_trace_lines 3
expect_summary "blocked 3 actions (3 network)"
expect_count 0

# --allow-localhost: all three connect
run_h --trace --no-network --allow-localhost -- "$PYTHON3" "$NP" "$S" "$TFO" "$ANY"
expect_rc 0
expect_step "$S" ok
expect_step "$TFO" ok
expect_step "$ANY" ok
expect_no_trace
expect_count 3

# the guard off: the same program connects
run_h --trace -- "$PYTHON3" "$NP" "$S" "$TFO" "$ANY"
expect_rc 0
expect_step "$S" ok
expect_step "$TFO" ok
expect_step "$ANY" ok
expect_no_trace
expect_count 6

# An outside address (TEST-NET-3), non-blocking so that nothing hangs:
# denied even with --allow-localhost ...
OUT="tcp-nb,203.0.113.9,80"
run_h --trace --no-network --allow-localhost -- "$PYTHON3" "$NP" "$OUT"
expect_rc 0
expect_step "$OUT" EPERM
expect_trace connect "host=203.0.113.9:80" no-network
expect_summary "blocked 1 action (1 network)"

# ... and attempted by the kernel without the guard: EINPROGRESS (a SYN
# went out), or ENETUNREACH on a machine without a route to it.
run_h --trace -- "$PYTHON3" "$NP" "$OUT"
expect_rc 0
expect_step_re "$OUT" 'EINPROGRESS|ENETUNREACH'
expect_no_trace

pass_ "TCP/IPv4 connects denied under --no-network, allowed to loopback with --allow-localhost and without flags"
