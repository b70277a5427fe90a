#!/bin/sh
# SPDX-License-Identifier: MIT
# An interpreter hermetic cannot read call sites from (3.7 and older, from
# pyenv): the connects are still denied (the program gets EPERM) and
# reported, the trace lines have no " at FILE:LINE in ..." part, and
# hermetic says once per run, not once per event,
#   hermetic: python version 3.N not supported: no Python call sites
# Skipped when no such interpreter is installed.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/e2e/lib.sh"

: "${PYENV_VERSIONS:=/root/.pyenv/versions}"

cp "$PY/callsite.py" "$T/" || framework_failure_ "cannot copy the fixture"
cd "$T" || framework_failure_ "cd $T"

ran=
for minor in 7 6; do
    for d in "$PYENV_VERSIONS"/3."$minor".*; do
        py="$d/bin/python3.$minor"
        [ -x "$py" ] || continue
        "$py" -c pass >/dev/null 2>&1 || { echo "SKIP version ${d##*/}: $py does not run"; continue; }
        v=3.$minor

        # two denied connects (one line, run twice) in one run
        run_h --trace --no-network -- "$py" callsite.py twice
        expect_rc 0 "exit status ($v)"
        n=$(grep -cx 'denied twice' "$T/out")
        [ "$n" = 2 ] || fail_ "$v: the program got EPERM $n times, expected 2"
        pid=$(sed -n 's/^pid=//p' "$T/out")
        [ -n "$pid" ] || fail_ "$v: the program printed no pid"
        n=$(grep -c '^\[hermetic\] blocked ' "$T/err")
        [ "$n" = 2 ] || fail_ "$v: $n trace lines, expected 2"
        n=$(grep -cFx "[hermetic] blocked connect host=203.0.113.1:9 reason=no-network pid=$pid" "$T/err")
        [ "$n" = 2 ] || fail_ "$v: $n trace lines are exactly '[hermetic] blocked connect host=203.0.113.1:9 reason=no-network pid=$pid' (no ' at' part), expected 2"
        n=$(grep -cFx "hermetic: python version $v not supported: no Python call sites" "$T/err")
        [ "$n" = 1 ] || fail_ "$v: the 'not supported' line appears $n times, expected once"
        n=$(grep -c 'not supported' "$T/err")
        [ "$n" = 1 ] || fail_ "$v: $n lines say 'not supported', expected 1"
        # on $T/err itself: lib.sh's expect_no_err takes call sites out
        ! grep -Eq ' at [^ ]+:([0-9]+|\?) in ' "$T/err" || fail_ "$v: a line has a call site"
        pass_ "${d##*/}: denied, reported without a call site, 'not supported' said once"
        ran=1
    done
done
[ -n "$ran" ] || skip_ "no Python 3.7 or 3.6 under $PYENV_VERSIONS (or not readable by $(id -un))"
