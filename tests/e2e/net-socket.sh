#!/bin/sh
# SPDX-License-Identifier: MIT
# socket() under --no-network follows an allowlist: packet sockets (also
# through the legacy AF_INET/SOCK_PACKET spelling), raw IP sockets (with
# SOCK_NONBLOCK|SOCK_CLOEXEC too), NETLINK_AUDIT, SCTP and vsock are denied
# with EPERM and a "blocked socket family=... type=... protocol=..." line;
# unix sockets, TCP, UDP, NETLINK_ROUTE and ICMP datagram ("ping") sockets
# are left to the kernel: the same result as without hermetic, no line.
# Without flags hermetic changes nothing, and with CAP_NET_RAW (root) the
# denied packet and raw kinds are then created (checked only then).
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/e2e/net-lib.inc"

require_python_

# STEP#TRACE DETAIL of the kinds denied under --no-network; the first six
# need CAP_NET_RAW
denied="socket,AF_PACKET,SOCK_RAW,768#family=AF_PACKET type=SOCK_RAW protocol=768
socket,AF_PACKET,SOCK_DGRAM,768#family=AF_PACKET type=SOCK_DGRAM protocol=768
socket,AF_INET,10,768#family=AF_INET type=SOCK_PACKET protocol=768
socket,AF_INET,SOCK_RAW,IPPROTO_ICMP#family=AF_INET type=SOCK_RAW protocol=1
socket,AF_INET,SOCK_RAW|SOCK_NONBLOCK|SOCK_CLOEXEC,IPPROTO_ICMP#family=AF_INET type=SOCK_RAW protocol=1
socket,AF_INET6,SOCK_RAW,IPPROTO_ICMPV6#family=AF_INET6 type=SOCK_RAW protocol=58
socket,AF_NETLINK,SOCK_RAW,9#family=AF_NETLINK type=SOCK_RAW protocol=9
socket,AF_INET,SOCK_STREAM,IPPROTO_SCTP#family=AF_INET type=SOCK_STREAM protocol=132
socket,AF_VSOCK,SOCK_STREAM,0#family=AF_VSOCK type=SOCK_STREAM protocol=0"
needs_raw=6
denied_steps=$(printf '%s\n' "$denied" | cut -d'#' -f1)
ndenied=$(printf '%s\n' "$denied" | wc -l)

# kinds allowed under --no-network; the ICMP ones succeed only where
# net.ipv4.ping_group_range admits the group (else EACCES, from the kernel)
allowed_ok="socket,AF_UNIX,SOCK_STREAM,0 socket,AF_UNIX,SOCK_DGRAM,0
socket,AF_UNIX,SOCK_SEQPACKET,0 socket,AF_INET,SOCK_STREAM,0
socket,AF_INET,SOCK_STREAM,IPPROTO_TCP socket,AF_INET,SOCK_DGRAM,0
socket,AF_INET,SOCK_DGRAM,IPPROTO_UDP
socket,AF_INET,SOCK_STREAM|SOCK_NONBLOCK|SOCK_CLOEXEC,0
socket,AF_NETLINK,SOCK_RAW,0 socket,AF_NETLINK,SOCK_DGRAM,0"
allowed_kernel="socket,AF_INET6,SOCK_STREAM,0 socket,AF_INET6,SOCK_DGRAM,IPPROTO_UDP
socket,AF_INET,SOCK_DGRAM,IPPROTO_ICMP socket,AF_INET6,SOCK_DGRAM,IPPROTO_ICMPV6"

# What the kernel says without hermetic: the reference for the rest.
# shellcheck disable=SC2086
run_ "$PYTHON3" "$NP" $denied_steps $allowed_ok $allowed_kernel
expect_rc 0 "the plain python3 run's exit status"
cp "$T/out" "$T/base"
base_of() {
    grep -F -- "$1 -> " "$T/base" | head -n 1 | sed 's/^.* -> //'
}

# --no-network
# shellcheck disable=SC2086
run_h --trace --no-network -- "$PYTHON3" "$NP" $denied_steps $allowed_ok $allowed_kernel
expect_rc 0
printf '%s\n' "$denied" >"$T/denied"
while IFS='#' read -r s detail; do
    expect_step "$s" EPERM
    expect_trace socket "$detail" no-network
done <"$T/denied"
for s in $allowed_ok; do
    expect_step "$s" ok
done
for s in $allowed_kernel; do
    expect_step "$s" "$(base_of "$s")"
done
expect_trace_lines "$ndenied"
expect_summary "blocked $ndenied actions ($ndenied network)"

# the guard off: exactly what the kernel says without hermetic
# shellcheck disable=SC2086
run_h --trace -- "$PYTHON3" "$NP" $denied_steps $allowed_ok $allowed_kernel
expect_rc 0
for s in $denied_steps $allowed_ok $allowed_kernel; do
    expect_step "$s" "$(base_of "$s")"
done
expect_no_trace

# with CAP_NET_RAW (root, usually) the raw kinds really are created when
# the guard is off, so the EPERM above is hermetic's doing
capeff=$(sed -n 's/^CapEff:[[:space:]]*//p' /proc/self/status)
if [ -n "$capeff" ] && [ $(((0x$capeff >> 13) & 1)) = 1 ]; then
    for s in $(printf '%s\n' "$denied_steps" | head -n $needs_raw); do
        expect_step "$s" ok
    done
else
    echo "note: no CAP_NET_RAW (not root): skipping the check that packet" \
        "and raw sockets are created when the guard is off"
fi

pass_ "socket() allowlist under --no-network"
