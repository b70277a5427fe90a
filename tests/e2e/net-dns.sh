#!/bin/sh
# SPDX-License-Identifier: MIT
# Port 53 is DNS whatever the address: with --no-network --allow-localhost
# a UDP sendto of a non-query to 127.0.0.1:53 (and to another loopback
# address, port 53) is denied (a loopback stub resolver would forward
# it), and a TCP connect there goes to hermetic's own stub resolver, so a
# listener there sees nothing; without the guard they reach it (as root).
# getaddrinfo("localhost") still works under --no-network (/etc/hosts); a
# real lookup fails, and every DNS query it tried is reported as "dns
# query name=... type=..." with its call site and counted in the summary. As root, a resolver
# configured on a loopback address, port 53 (a private mount of
# /etc/resolv.conf), sees no query from a lookup under --no-network
# --allow-localhost, and sees it without the guard.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/e2e/net-lib.inc"

require_python_

U53="udp-sendto,127.0.0.1,53"
T53="tcp,127.0.0.1,53"

# Listeners on port 53 count what arrives. They use an address of their
# own in 127/8 (from the pid), so that parallel runs and a local resolver
# on 127.0.0.1:53 do not meet; binding port 53 needs root.
R=127.53.$((($$ / 256) % 256)).$(($$ % 256))
UR="udp-sendto,$R,53"
TR="tcp,$R,53"
have53=yes
start_net_listener u53 udp "$R,53" || have53=no
[ $have53 = yes ] && { start_net_listener t53 tcp "$R,53" || have53=no; }
[ $have53 = yes ] ||
    echo "note: cannot listen on $R:53 here (not root?): the port 53" \
        "runs cannot count what arrives"

# (a TCP connect to port 53 is let through to hermetic's stub resolver,
# which the listener there never sees; the UDP datagrams, not queries,
# are denied)
run_h --trace --no-network --allow-localhost -- "$PYTHON3" "$NP" "$U53" "$T53" "$UR" "$TR"
expect_rc 0
for s in "$U53" "$UR"; do expect_step "$s" EPERM; done
for s in "$T53" "$TR"; do expect_step "$s" ok; done
expect_trace sendto "host=127.0.0.1:53" no-network
expect_trace sendto "host=$R:53" no-network
expect_trace_lines 2
expect_summary "blocked 2 actions (2 network)"
if [ $have53 = yes ]; then
    expect_count 0 u53
    expect_count 0 t53
fi

# the guard off: the kernel delivers them (or refuses the TCP connect when
# nothing listens: ECONNREFUSED, not EPERM)
run_h --trace -- "$PYTHON3" "$NP" "$UR" "$TR"
expect_rc 0
expect_step "$UR" ok
expect_no_trace
if [ $have53 = yes ]; then
    expect_step "$TR" ok
    expect_count 1 u53
    expect_count 1 t53
else
    expect_step "$TR" ECONNREFUSED
fi

# localhost comes from /etc/hosts, no DNS: it resolves under --no-network
LH="gai,localhost,80"
run_h --trace --no-network -- "$PYTHON3" "$NP" "$LH"
expect_rc 0
expect_step_re "$LH" 'ok (.* )?127\.0\.0\.1( .*)?'
expect_no_trace

# a real lookup goes to the configured resolver over port 53, through
# hermetic's stub, which refuses it: it fails, each query is a trace line
# naming the name and type (with the call site), and the summary counts
# them all
NX="gai,example.invalid,80"
run_h --trace --no-network -- "$PYTHON3" "$NP" "$NX"
expect_rc 0
expect_step_re "$NX" 'gaierror EAI_[A-Z]+'
expect_err "^\[hermetic\] blocked dns query name=example\.invalid type=A reason=no-network pid=$(run_pid)\$"
ntrace=$(grep -c '^\[hermetic\] blocked ' "$T/err")
nport53=$(grep -Ec '^\[hermetic\] blocked dns query name=example\.invalid type=(A|AAAA) reason=no-network at [^ ]*net_probe\.py:[0-9]+ in step ' "$T/err")
[ "$ntrace" = "$nport53" ] || fail_ "a lookup was denied something other than its DNS queries"
if [ "$ntrace" = 1 ]; then
    expect_summary "blocked 1 action (1 network)"
else
    expect_summary "blocked $ntrace actions ($ntrace network)"
fi

# the same without --trace: no lines, the summary still reports the denial
run_h --no-network -- "$PYTHON3" "$NP" "$NX"
expect_rc 0
expect_no_err '^\[hermetic\]'
expect_err "^hermetic: blocked [1-9][0-9]* actions? \([1-9][0-9]* network\); rerun with --trace for details\$"

# A resolver on $R:53, as the only nameserver of a private
# /etc/resolv.conf: under --allow-localhost the lookup sends it nothing;
# without the guard the query arrives.
if [ $have53 != yes ]; then
    echo "note: skipping the resolver run: no listener on $R:53"
elif ! command -v unshare >/dev/null 2>&1 ||
    ! unshare -m sh -c "mount --bind /dev/null /etc/resolv.conf" 2>/dev/null; then
    echo "note: skipping the resolver run: cannot bind-mount /etc/resolv.conf" \
        "in a private mount namespace (unshare -m; needs root)"
else
    printf 'nameserver %s\noptions timeout:1 attempts:1\n' "$R" >"$T/resolv.conf"
    # shellcheck disable=SC2016
    with_resolver='mount --bind "$0" /etc/resolv.conf && exec "$@"'
    base=$(count_of u53)
    run_ unshare -m sh -c "$with_resolver" "$T/resolv.conf" \
        "$HERMETIC" --trace --no-network --allow-localhost -- "$PYTHON3" "$NP" "$NX"
    expect_rc 0
    expect_step_re "$NX" 'gaierror EAI_[A-Z]+'
    expect_err "^\[hermetic\] blocked dns query name=example\.invalid type=A reason=no-network pid=$(run_pid)\$"
    expect_count "$base" u53

    run_ unshare -m sh -c "$with_resolver" "$T/resolv.conf" \
        "$HERMETIC" --trace -- "$PYTHON3" "$NP" "$NX"
    expect_rc 0
    expect_step_re "$NX" 'gaierror EAI_[A-Z]+'
    expect_no_trace
    sleep 0.2
    [ "$(count_of u53)" -gt "$base" ] ||
        fail_ "without the guard, the lookup did not reach the resolver on $R:53"
fi

pass_ "port 53 denied even on loopback; localhost resolves; lookups are denied and reported"
