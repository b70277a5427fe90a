#!/bin/sh
# SPDX-License-Identifier: MIT
# bind under --no-network: a loopback address (127.0.0.1, ::1) binds even
# without --allow-localhost; the wildcard addresses (0.0.0.0, ::) and the
# machine's own outward address are denied with a "blocked bind" line, and
# bind without the guard. A test server inside the program on 127.0.0.1
# (or ::1) accepting a connection from the same program (the usual pytest
# fixture) works with --allow-localhost; under plain --no-network its
# connect is denied.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/e2e/net-lib.inc"

require_python_

v6=no
have_ipv6_loopback_ && v6=yes
[ $v6 = yes ] || echo "note: ::1 is not configured: skipping the IPv6 binds"

# The address this machine sends from toward an outside address (a UDP
# connect: nothing is sent), if it has a route.
ext=$("$PYTHON3" -c '
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.connect(("203.0.113.9", 9))
print(s.getsockname()[0])' 2>/dev/null) || ext=
[ -n "$ext" ] || echo "note: no route outside: skipping the bind to the outward address"

LO="bind-tcp,127.0.0.1,0 bind-udp,127.0.0.1,0"
WILD="bind-tcp,0.0.0.0,0 bind-udp,0.0.0.0,0"
[ $v6 = yes ] && { LO="$LO bind-tcp,::1,0 bind-udp,::1,0"; WILD="$WILD bind-tcp,::,0"; }
[ -n "$ext" ] && WILD="$WILD bind-tcp,$ext,0"
nwild=$(echo "$WILD" | wc -w)

# shellcheck disable=SC2086
run_h --trace --no-network -- "$PYTHON3" "$NP" $LO $WILD
expect_rc 0
for s in $LO; do expect_step_re "$s" 'ok port=[1-9][0-9]*'; done
for s in $WILD; do expect_step "$s" EPERM; done
expect_trace bind "host=0.0.0.0:0" no-network
[ $v6 = yes ] && expect_trace bind "host=[::]:0" no-network
[ -n "$ext" ] && expect_trace bind "host=$ext:0" no-network
expect_trace_lines "$nwild"
expect_summary "blocked $nwild actions ($nwild network)"

# the guard off: all bind
# shellcheck disable=SC2086
run_h --trace -- "$PYTHON3" "$NP" $LO $WILD
expect_rc 0
for s in $LO $WILD; do expect_step_re "$s" 'ok port=[1-9][0-9]*'; done
expect_no_trace

# a server in the program, and a client in the same program
SRV="self-server,127.0.0.1"
[ $v6 = yes ] && SRV="$SRV self-server,::1"

# shellcheck disable=SC2086
run_h --trace --no-network --allow-localhost -- "$PYTHON3" "$NP" $SRV
expect_rc 0
for s in $SRV; do expect_step "$s" "ok got=ping"; done
expect_no_trace

# loopback is not allowed: the bind works, the client's connect does not
# shellcheck disable=SC2086
run_h --trace --no-network -- "$PYTHON3" "$NP" $SRV
expect_rc 0
for s in $SRV; do expect_step "$s" EPERM; done
expect_err "^\[hermetic\] blocked connect host=127\.0\.0\.1:[1-9][0-9]* reason=no-network pid=$(run_pid)\$"
[ $v6 = yes ] &&
    expect_err "^\[hermetic\] blocked connect host=\[::1\]:[1-9][0-9]* reason=no-network pid=$(run_pid)\$"
expect_no_err 'blocked bind'

# shellcheck disable=SC2086
run_h --trace -- "$PYTHON3" "$NP" $SRV
expect_rc 0
for s in $SRV; do expect_step "$s" "ok got=ping"; done
expect_no_trace

pass_ "bind: loopback allowed, wildcard and outward addresses denied under --no-network; in-program servers work with --allow-localhost"
