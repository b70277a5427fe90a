#!/bin/sh
# SPDX-License-Identifier: MIT
# DNS under --no-network, against a real resolver: a small responder
# (tests/e2e/py/dns_responder.py) on a loopback address, port 53, made the
# only nameserver of a private /etc/resolv.conf (unshare -m: root only).
# It answers example.com, www.example.com, evilexample.com and other.test
# with 127.0.0.42 to .45, where TCP listeners count connections.
# - Blocked lookups are reported as "dns query name=... type=A" with the
#   call site, and the responder gets no query.
# - --allow-domain example.com: the name and its subdomain resolve, through
#   Python's getaddrinfo, urllib.request and a C program using
#   getaddrinfo(3), and the connects to the answered addresses reach the
#   listeners; the look-alike evilexample.com is refused (never reaches the
#   responder); a connect to an address no allowed name resolved to is
#   denied with reason=not-allowed-domain; lines carry the name.
# - --allow-host example.com:PORT allows that port only.
# - An allowed name asked of a resolver that is not in resolv.conf is
#   refused (no query reaches it).
# - /etc/hosts names keep working under --no-network --allow-localhost.
# Without the guard the same lookups reach the responder.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/e2e/net-lib.inc"
require_python_

[ "$(id -u)" = 0 ] || skip_ "needs root: a resolver on port 53 and a private mount of /etc/resolv.conf"
command -v unshare >/dev/null 2>&1 &&
    unshare -m sh -c "mount --bind /dev/null /etc/resolv.conf" 2>/dev/null ||
    skip_ "cannot bind-mount /etc/resolv.conf in a private mount namespace (unshare -m)"
: "${CC:=cc}"
"$CC" -o "$T/dns_client" "$PY/dns_client.c" 2>"$T/cc.log" ||
    { cat "$T/cc.log"; framework_failure_ "cannot build the C client"; }

# the resolver's address and an unlisted one, from the pid
RES=127.53.$((($$ / 256) % 256)).$(($$ % 256))
RES2=127.54.$((($$ / 256) % 256)).$(($$ % 256))
"$PYTHON3" "$PY/dns_responder.py" "$T/queries" "$T/responder.ready" "$RES" "$RES2" \
    2>"$T/responder.log" &
NET_PIDS="$NET_PIDS $!"
i=0
while [ ! -s "$T/responder.ready" ]; do
    i=$((i + 1)); [ $i -gt 100 ] && { cat "$T/responder.log"; framework_failure_ "the responder did not start"; }
    sleep 0.05
done
: >"$T/queries"
printf 'nameserver %s\noptions timeout:1 attempts:1\n' "$RES" >"$T/resolv.conf"
start_net_listener l42 tcp "127.0.0.42,0" || framework_failure_ "listener .42"
P42=$NL_READY
start_net_listener l43 tcp "127.0.0.43,0" || framework_failure_ "listener .43"
P43=$NL_READY
start_net_listener l45 tcp "127.0.0.45,0" || framework_failure_ "listener .45"
P45=$NL_READY

# hermetic (or anything) with the private resolv.conf
in_ns_() {
    # shellcheck disable=SC2016
    run_ unshare -m sh -c 'mount --bind "$0" /etc/resolv.conf && exec "$@"' \
        "$T/resolv.conf" "$@"
}
asked_() { grep -c " $1 1\$" "$T/queries"; }

# --- the guard off: lookups reach the responder, connects the listeners
in_ns_ "$PYTHON3" "$NP" "tcp,example.com,$P42"
expect_rc 0
expect_step "tcp,example.com,$P42" ok
[ "$(asked_ example.com)" -ge 1 ] || fail_ "without the guard the responder got no query"
expect_count 1 l42

# --- --no-network: refused by the stub, reported by name, nothing sent
: >"$T/queries"
in_ns_ "$HERMETIC" --trace --no-network -- "$PYTHON3" "$NP" "gai,example.com,80"
expect_rc 0
expect_step_re "gai,example.com,80" 'gaierror EAI_[A-Z]+'
grep -Eq "^\[hermetic\] blocked dns query name=example\.com type=A reason=no-network at [^ ]*net_probe\.py:[0-9]+ in step pid=$(run_pid)\$" "$T/err" ||
    fail_ "no trace line for the query, with its call site"
[ ! -s "$T/queries" ] || { cat "$T/queries"; fail_ "a denied query reached the responder"; }
pass_ "blocked lookups are DNS queries with their name; nothing reaches the resolver"

# --- --allow-domain: name, subdomain, look-alike, unlearned address
: >"$T/queries"
in_ns_ "$HERMETIC" --trace=all --no-network --allow-domain example.com -- \
    "$PYTHON3" "$NP" "tcp,example.com,$P42" "tcp,www.example.com,$P43" \
    "gai,evilexample.com,80" "tcp,127.0.0.45,$P45"
expect_rc 0
p=$(run_pid)
expect_step "tcp,example.com,$P42" ok
expect_step "tcp,www.example.com,$P43" ok
expect_step_re "gai,evilexample.com,80" 'gaierror EAI_[A-Z]+'
expect_step "tcp,127.0.0.45,$P45" EPERM
expect_count 2 l42
expect_count 1 l43
expect_count 0 l45
expect_err "^\[hermetic\] allowed connect host=127\.0\.0\.42:$P42 \(example\.com\) pid=$p\$"
expect_err "^\[hermetic\] allowed connect host=127\.0\.0\.43:$P43 \(www\.example\.com\) pid=$p\$"
expect_err "^\[hermetic\] blocked dns query name=evilexample\.com type=A reason=not-allowed-domain pid=$p\$"
expect_err "^\[hermetic\] blocked connect host=127\.0\.0\.45:$P45 reason=not-allowed-domain pid=$p\$"
[ "$(asked_ evilexample.com)" = 0 ] || fail_ "the look-alike's query reached the responder"
[ "$(asked_ www.example.com)" -ge 1 ] || fail_ "the subdomain's query did not reach the responder"
pass_ "--allow-domain: the domain and its subdomain resolve and connect; the look-alike and an unlearned address are denied"

# --- urllib and the C client, under the same rule
in_ns_ "$HERMETIC" --no-network --allow-domain example.com -- "$PYTHON3" -c "
import urllib.request
try:
    urllib.request.urlopen('http://www.example.com:$P43/', timeout=3)
except Exception as e:
    print(type(e).__name__)
"
expect_rc 0
expect_count 2 l43
expect_no_err '^\[hermetic\]'
in_ns_ "$HERMETIC" --no-network --allow-domain example.com -- "$T/dns_client" example.com "$P42"
expect_rc 0
expect_out '^resolved 127\.0\.0\.42$'
expect_out '^connect ok$'
expect_count 3 l42
in_ns_ "$HERMETIC" --trace --no-network --allow-domain example.com -- "$T/dns_client" other.test "$P45"
expect_rc 0
expect_out '^gai EAI_AGAIN$'
expect_err "^\[hermetic\] blocked dns query name=other\.test type=A reason=not-allowed-domain pid=[0-9]+\$"
[ "$(asked_ other.test)" = 0 ] || fail_ "a query for another name went through the allowed resolver"
pass_ "urllib.request and a C getaddrinfo client resolve allowed names and only those"

# --- --allow-host NAME:PORT allows that port only
start_net_listener l42b tcp "127.0.0.42,0" || framework_failure_ "listener .42 (2)"
P42B=$NL_READY
in_ns_ "$HERMETIC" --trace --no-network --allow-host "example.com:$P42" -- \
    "$PYTHON3" "$NP" "tcp,example.com,$P42" "tcp,example.com,$P42B"
expect_rc 0
expect_step "tcp,example.com,$P42" ok
expect_step "tcp,example.com,$P42B" EPERM
expect_err "^\[hermetic\] blocked connect host=127\.0\.0\.42:$P42B \(example\.com\) reason=not-allowed-domain pid=$(run_pid)\$"
expect_count 0 l42b
pass_ "--allow-host HOST:PORT allows that port only"

# --- an allowed name asked of a resolver not in resolv.conf: refused
: >"$T/queries"
in_ns_ "$HERMETIC" --trace --no-network --allow-domain example.com -- "$PYTHON3" -c "
import socket, struct
q = struct.pack('>HHHHHH', 0x4242, 0x0100, 1, 0, 0, 0) + b'\x07example\x03com\x00' + struct.pack('>HH', 1, 1)
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.settimeout(2)
s.connect(('$RES2', 53))
s.send(q)
r = s.recv(512)
print('rcode', r[3] & 15)
"
expect_rc 0
expect_out '^rcode 5$'
expect_err "^\[hermetic\] blocked dns query name=example\.com type=A reason=not-allowed-domain pid=[0-9]+\$"
[ ! -s "$T/queries" ] || { cat "$T/queries"; fail_ "a query reached a resolver that resolv.conf does not list"; }
pass_ "only the resolvers of resolv.conf are asked"

# --- a query sent with sendto or sendmsg, without connecting: not through
# the stub, so denied, but reported as the query it is
: >"$T/queries"
in_ns_ "$HERMETIC" --trace --no-network -- "$PYTHON3" -c "
import socket, struct
q = struct.pack('>HHHHHH', 0x4343, 0x0100, 1, 0, 0, 0) + b'\x05other\x04test\x00' + struct.pack('>HH', 28, 1)
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
for send in (lambda: s.sendto(q, ('$RES', 53)), lambda: s.sendmsg([q], [], 0, ('$RES', 53))):
    try:
        send()
        print('sent')
    except PermissionError:
        print('EPERM')
"
expect_rc 0
[ "$(grep -c '^EPERM$' "$T/out")" = 2 ] || fail_ "sendto/sendmsg of a query were not both denied"
n=$(grep -c "^\[hermetic\] blocked dns query name=other\.test type=AAAA reason=no-network " "$T/err")
[ "$n" = 2 ] || fail_ "$n query lines for the sendto and sendmsg, expected 2"
[ ! -s "$T/queries" ] || fail_ "a query sent with sendto reached the responder"
pass_ "queries sent with sendto and sendmsg are denied and reported as queries"

# --- DNS over TCP (resolv.conf "options use-vc"): through the stub too
printf 'nameserver %s\noptions timeout:1 attempts:1 use-vc\n' "$RES" >"$T/resolv.conf"
: >"$T/queries"
in_ns_ "$HERMETIC" --trace --no-network --allow-domain example.com -- \
    "$PYTHON3" "$NP" "tcp,www.example.com,$P43" "gai,other.test,80"
expect_rc 0
expect_step "tcp,www.example.com,$P43" ok
expect_step_re "gai,other.test,80" 'gaierror EAI_[A-Z]+'
grep -Eq "^[^ ]+ www\.example\.com 1 tcp\$" "$T/queries" ||
    { cat "$T/queries"; fail_ "the allowed query did not reach the responder over TCP"; }
grep -q " other\.test " "$T/queries" && fail_ "a refused query reached the responder over TCP"
grep -Eq "^\[hermetic\] blocked dns query name=other\.test type=A reason=not-allowed-domain at [^ ]*net_probe\.py:[0-9]+ in step pid=$(run_pid)\$" "$T/err" ||
    fail_ "no line, with its call site, for the query over TCP"
printf 'nameserver %s\noptions timeout:1 attempts:1\n' "$RES" >"$T/resolv.conf"
pass_ "DNS over TCP goes through the stub: allowed names resolve, others are refused and reported"

# --- /etc/hosts names still resolve under --no-network --allow-localhost
in_ns_ "$HERMETIC" --trace --no-network --allow-localhost -- "$PYTHON3" "$NP" "gai,localhost,80"
expect_rc 0
expect_step_re "gai,localhost,80" 'ok (.* )?127\.0\.0\.1( .*)?'
expect_no_trace
pass_ "/etc/hosts names keep working"
