#!/bin/sh
# SPDX-License-Identifier: MIT
# IPv6 and IPv4-mapped IPv6: TCP to [::1] and a UDP datagram to [::1], and
# TCP from an AF_INET6 socket to [::ffff:127.0.0.1] (the IPv4 listener), are
# denied under --no-network and never arrive; they arrive with
# --allow-localhost and with no flag. An outside address, mapped
# ([::ffff:203.0.113.9]) or native (2001:db8::9), is denied even with
# --allow-localhost and attempted by the kernel without the guard.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/e2e/net-lib.inc"

require_python_
have_ipv6_loopback_ || skip_ "IPv6 loopback ::1 is not configured here"

start_listener tcp 6
start_net_listener udp6 udp "::1,0" || framework_failure_ "UDP listener on ::1"
U6PORT=$NL_READY
start_net_listener tcp4 tcp "127.0.0.1,0" || framework_failure_ "TCP listener on 127.0.0.1"
V4PORT=$NL_READY

S6="tcp,::1,$LPORT"
U6="udp-sendto,::1,$U6PORT"
M4="tcp,::ffff:127.0.0.1,$V4PORT"

run_h --trace --no-network -- "$PYTHON3" "$NP" "$S6" "$U6" "$M4"
expect_rc 0
expect_step "$S6" EPERM
expect_step "$U6" EPERM
expect_step "$M4" EPERM
expect_trace connect "host=[::1]:$LPORT" no-network
expect_trace sendto "host=[::1]:$U6PORT" no-network
expect_trace connect "host=[::ffff:127.0.0.1]:$V4PORT" no-network
expect_trace_lines 3
expect_summary "blocked 3 actions (3 network)"
expect_count 0
expect_count 0 udp6
expect_count 0 tcp4

run_h --trace --no-network --allow-localhost -- "$PYTHON3" "$NP" "$S6" "$U6" "$M4"
expect_rc 0
expect_step "$S6" ok
expect_step "$U6" ok
expect_step "$M4" ok
expect_no_trace
expect_count 1
expect_count 1 udp6
expect_count 1 tcp4

# the guard off
run_h --trace -- "$PYTHON3" "$NP" "$S6" "$U6" "$M4"
expect_rc 0
expect_step "$S6" ok
expect_step "$U6" ok
expect_step "$M4" ok
expect_no_trace
expect_count 2
expect_count 2 udp6
expect_count 2 tcp4

# outside addresses (non-blocking: nothing can hang)
OM="tcp-nb,::ffff:203.0.113.9,80"
O6="tcp-nb,2001:db8::9,80"
run_h --trace --no-network --allow-localhost -- "$PYTHON3" "$NP" "$OM" "$O6"
expect_rc 0
expect_step "$OM" EPERM
expect_step "$O6" EPERM
expect_trace connect "host=[::ffff:203.0.113.9]:80" no-network
expect_trace connect "host=[2001:db8::9]:80" no-network
expect_summary "blocked 2 actions (2 network)"

# without the guard the kernel tries them (or finds no route)
run_h --trace -- "$PYTHON3" "$NP" "$OM" "$O6"
expect_rc 0
expect_step_re "$OM" 'EINPROGRESS|ENETUNREACH'
expect_step_re "$O6" 'EINPROGRESS|ENETUNREACH'
expect_no_trace

pass_ "IPv6 and IPv4-mapped destinations follow --no-network and --allow-localhost"
