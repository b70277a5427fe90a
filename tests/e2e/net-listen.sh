#!/bin/sh
# SPDX-License-Identifier: MIT
# listen() on a TCP socket that was never bound makes the kernel bind it to
# the wildcard address (0.0.0.0 or ::) on an ephemeral port. Under
# --no-network that must not give the program what the bind rule denies: a
# server reachable from the network. The test connects, from outside
# hermetic, to the machine's own non-loopback address and the program's
# port: without the guard the program accepts that connection; under
# --no-network (with or without --allow-localhost) it must not (listen()
# denied, or the connection not accepted).
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/e2e/net-lib.inc"

require_python_

# outward_addr FAM: the address this machine sends from toward an outside
# address (a UDP connect: nothing is sent); empty if there is no route
outward_addr() {
    "$PYTHON3" -c '
import socket, sys
fam, dst = (socket.AF_INET6, "2001:db8::9") if sys.argv[1] == "6" \
    else (socket.AF_INET, "203.0.113.9")
s = socket.socket(fam, socket.SOCK_DGRAM)
s.connect((dst, 9))
print(s.getsockname()[0])' "$1" 2>/dev/null
}

# try_listen FAM ADDR SECS [HERMETIC OPTIONS...]: run listen-accept under
# hermetic, in the background; once its port is published, connect to
# ADDR:port from outside. Sets $rc (hermetic's exit status), $reached
# (yes if the outside connect succeeded) and the step's result in $T/out.
try_listen() {
    fam=$1 addr=$2 secs=$3; shift 3
    LA="listen-accept,$fam,$T/lport.$fam,$secs"
    rm -f "$T/lport.$fam"
    timeout -k 5 "$TIMEOUT" "$HERMETIC" --trace "$@" -- "$PYTHON3" "$NP" "$LA" \
        >"$T/out" 2>"$T/err" </dev/null &
    hp=$!
    NET_PIDS="$NET_PIDS $hp"
    while [ ! -s "$T/lport.$fam" ] && kill -0 "$hp" 2>/dev/null; do
        sleep 0.05
    done
    reached=no
    if [ -s "$T/lport.$fam" ]; then
        p=$(cat "$T/lport.$fam")
        "$PYTHON3" "$NP" "tcp,$addr,$p" >"$T/outside" 2>&1
        grep -Fxq "tcp,$addr,$p -> ok" "$T/outside" && reached=yes
    fi
    rc=0
    wait "$hp" || rc=$?
    [ "$rc" != 124 ] || fail_ "timed out: hermetic $* -- $LA"
}

tested=0
for fam in 4 6; do
    addr=$(outward_addr $fam)
    if [ -z "$addr" ]; then
        echo "note: no non-loopback IPv$fam address with a route: skipping IPv$fam"
        continue
    fi

    # the guard off: the unbound listener is reachable from the network
    try_listen $fam "$addr" 10
    expect_rc 0
    [ $reached = yes ] || fail_ "IPv$fam: without the guard, $addr did not reach the listener"
    expect_step "$LA" "ok from=$addr"
    expect_no_trace

    for flags in "--no-network" "--no-network --allow-localhost"; do
        # shellcheck disable=SC2086
        try_listen $fam "$addr" 2 $flags
        expect_rc 0
        [ $reached = no ] ||
            fail_ "IPv$fam, $flags: listen() on an unbound socket exposed the program on $addr (a connection from the network was accepted: $(grep -F ' -> ' "$T/out"))"
        expect_step_re "$LA" 'EPERM|TIMEOUT'
    done
    tested=$((tested + 1))
done
[ $tested -gt 0 ] || skip_ "no non-loopback address to connect to"

pass_ "listen() on an unbound socket does not expose the program to the network under --no-network"
