#!/bin/sh
# SPDX-License-Identifier: MIT
# UDP over IPv4, every way of naming a destination: sendto, connect+send,
# sendmsg with an address, and sendmmsg (libc through ctypes, two
# datagrams). Each is denied with EPERM under --no-network and no datagram
# reaches the loopback listener; each arrives with --allow-localhost and
# with no flag. A sendmmsg whose second datagram goes outside is denied as
# a whole (the first is not sent either). Outside addresses are denied with
# --allow-localhost; without flags the kernel accepts a UDP connect to them
# (sends nothing).
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/e2e/net-lib.inc"

require_python_
start_listener udp 4

total=0
for op in sendto connect sendmsg sendmmsg; do
    S="udp-$op,127.0.0.1,$LPORT"
    # the trace names the syscall that carried the destination
    case $op in
    sendmmsg) n=2; ok="ok n=2" ;;
    *) n=1; ok=ok ;;
    esac

    run_h --trace --no-network -- "$PYTHON3" "$NP" "$S"
    expect_rc 0
    expect_step "$S" EPERM
    expect_trace "$op" "host=127.0.0.1:$LPORT" no-network
    expect_trace_lines 1
    expect_summary "blocked 1 action (1 network)"
    expect_count $total

    run_h --trace --no-network --allow-localhost -- "$PYTHON3" "$NP" "$S"
    expect_rc 0
    expect_step "$S" "$ok"
    expect_no_trace
    total=$((total + n))
    expect_count $total

    run_h --trace -- "$PYTHON3" "$NP" "$S"
    expect_rc 0
    expect_step "$S" "$ok"
    expect_no_trace
    total=$((total + n))
    expect_count $total
done

# sendmmsg checks every destination: one outside address denies the call,
# so the loopback datagram before it is not sent either
MIX="udp-sendmmsg,127.0.0.1,$LPORT,203.0.113.9,9"
run_h --trace --no-network --allow-localhost -- "$PYTHON3" "$NP" "$MIX"
expect_rc 0
expect_step "$MIX" EPERM
expect_trace sendmmsg "host=203.0.113.9:9" no-network
expect_trace_lines 1
expect_count $total

# outside addresses with --allow-localhost
OS="udp-sendto,203.0.113.9,9"
OP="udp-peer,203.0.113.9,9"
run_h --trace --no-network --allow-localhost -- "$PYTHON3" "$NP" "$OS" "$OP"
expect_rc 0
expect_step "$OS" EPERM
expect_step "$OP" EPERM
expect_trace sendto "host=203.0.113.9:9" no-network
expect_trace connect "host=203.0.113.9:9" no-network
expect_summary "blocked 2 actions (2 network)"

# the guard off: the kernel associates the socket with the outside peer
# (a UDP connect sends nothing)
run_h --trace -- "$PYTHON3" "$NP" "$OP"
expect_rc 0
expect_step "$OP" "ok peer=203.0.113.9"
expect_no_trace

pass_ "UDP sendto/connect/sendmsg/sendmmsg denied under --no-network, delivered with --allow-localhost and without flags"
