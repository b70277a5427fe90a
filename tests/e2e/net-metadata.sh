#!/bin/sh
# SPDX-License-Identifier: MIT
# Cloud metadata endpoints are denied with reason=cloud-metadata under
# --no-network, with or without --allow-localhost: 169.254.169.254,
# 100.100.100.200, [fd00:ec2::254], [fe80::a9fe:a9fe] and the IPv4-mapped
# [::ffff:169.254.169.254], for TCP connect, UDP sendto and bind.
#
# There is deliberately no run with the guard off: 169.254.169.254 answers
# on the test machines, and a test must not talk to it. That the same
# program reaches what it is allowed to reach is shown by the loopback
# tests (net-tcp.sh, net-udp.sh, net-ipv6.sh); here a denied connect sends
# nothing, and the steps are non-blocking so that nothing can hang.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/e2e/net-lib.inc"

require_python_

steps="tcp-nb,169.254.169.254,80 tcp-nb,100.100.100.200,80
tcp-nb,fd00:ec2::254,80 tcp-nb,::ffff:169.254.169.254,80
tcp-nb,fe80::a9fe:a9fe,80 udp-sendto,169.254.169.254,80
bind-tcp,169.254.169.254,0"

for flags in "--no-network --allow-localhost" "--no-network"; do
    # shellcheck disable=SC2086
    run_h --trace $flags -- "$PYTHON3" "$NP" $steps
    expect_rc 0
    for s in $steps; do
        expect_step "$s" EPERM
    done
    expect_trace connect "host=169.254.169.254:80" cloud-metadata
    expect_trace connect "host=100.100.100.200:80" cloud-metadata
    expect_trace connect "host=[fd00:ec2::254]:80" cloud-metadata
    expect_trace connect "host=[::ffff:169.254.169.254]:80" cloud-metadata
    expect_trace connect "host=[fe80::a9fe:a9fe]:80" cloud-metadata
    expect_trace sendto "host=169.254.169.254:80" cloud-metadata
    expect_trace bind "host=169.254.169.254:0" cloud-metadata
    expect_trace_lines 7
    expect_summary "blocked 7 actions (7 network)"
done

pass_ "cloud metadata endpoints denied with reason=cloud-metadata"
