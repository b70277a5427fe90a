#!/bin/sh
# SPDX-License-Identifier: MIT
# asyncio under --no-network: the event loop (its self-pipe is a unix
# socketpair) runs a coroutine and exits 0 with nothing denied. An asyncio
# TCP server and client on 127.0.0.1 in one program work with
# --allow-localhost and without flags; under plain --no-network the server
# binds but the client's connect is denied with EPERM.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/e2e/net-lib.inc"

require_python_
PROG="$PY/net_asyncio.py"

run_h --trace --no-network -- "$PYTHON3" "$PROG" sleep
expect_rc 0
expect_out '^sleep -> ok$'
expect_no_trace
[ ! -s "$T/err" ] || fail_ "hermetic or the program wrote to stderr"

run_h --trace --no-network --allow-localhost -- "$PYTHON3" "$PROG" echo 127.0.0.1
expect_rc 0
expect_out '^echo -> ok got=ping$'
expect_no_trace

run_h --trace --no-network -- "$PYTHON3" "$PROG" echo 127.0.0.1
expect_rc 0
expect_out '^echo -> EPERM$'
expect_err '^\[hermetic\] blocked connect host=127\.0\.0\.1:[1-9][0-9]* reason=no-network pid=[0-9]+$'
expect_no_err 'blocked bind'
expect_summary "blocked 1 action (1 network)"

run_h --trace -- "$PYTHON3" "$PROG" echo 127.0.0.1
expect_rc 0
expect_out '^echo -> ok got=ping$'
expect_no_trace

pass_ "asyncio runs under --no-network; its loopback server and client work with --allow-localhost"
