#!/bin/sh
# SPDX-License-Identifier: MIT
# Eight threads of one program connect to the loopback listener at the
# same moment. With --no-network --allow-localhost all eight arrive and
# the program exits 0; under --no-network each gets EPERM, nothing
# arrives, each denial is one trace line naming its thread (tid=), and the
# summary counts 8. Without flags all eight arrive again. Repeated, since a
# race between threads is what this looks for.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/e2e/net-lib.inc"

require_python_
start_listener tcp 4

N=8
PROG="$PY/net_threads.py"
total=0
for round in 1 2 3; do
    run_h --trace --no-network --allow-localhost -- "$PYTHON3" "$PROG" 127.0.0.1 "$LPORT" $N
    expect_rc 0 "round $round, --allow-localhost: exit status"
    expect_out "^ok=$N EPERM=0 other=0\$"
    expect_no_trace
    total=$((total + N))
    expect_count $total

    run_h --trace --no-network -- "$PYTHON3" "$PROG" 127.0.0.1 "$LPORT" $N
    expect_rc 0 "round $round, --no-network: exit status"
    expect_out "^ok=0 EPERM=$N other=0\$"
    expect_count $total
    expect_trace_lines $N
    pid=$(run_pid)
    # one line per thread, each with its own tid (the threads' tids as the
    # program printed them)
    sed -n 's/^thread [0-9]* tid=\([0-9]*\) -> EPERM$/\1/p' "$T/out" | sort >"$T/tids"
    [ "$(wc -l <"$T/tids")" = $N ] || fail_ "the program did not print $N tids"
    while read -r tid; do
        if [ "$tid" = "$pid" ]; then tidpart=; else tidpart=" tid=$tid"; fi
        expect_err "^\[hermetic\] blocked connect host=127\.0\.0\.1:$LPORT reason=no-network pid=$pid$tidpart\$"
    done <"$T/tids"
    expect_summary "blocked $N actions ($N network)"

    run_h --trace -- "$PYTHON3" "$PROG" 127.0.0.1 "$LPORT" $N
    expect_rc 0 "round $round, no flags: exit status"
    expect_out "^ok=$N EPERM=0 other=0\$"
    expect_no_trace
    total=$((total + N))
    expect_count $total
done

pass_ "$N concurrent threads: all allowed with --allow-localhost, all denied and counted under --no-network"
