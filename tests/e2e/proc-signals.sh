#!/bin/sh
# SPDX-License-Identifier: MIT
# Signals, as without hermetic:
# - SIGTERM, SIGINT and SIGHUP sent to the hermetic process reach the
#   target; its handler writes a marker and exits 5, and hermetic exits 5;
#   a target without a handler dies of it and hermetic exits 128+N;
# - SIGSTOP and SIGCONT sent to the target stop and continue it: the
#   program measures the pause and exits normally;
# - a target that exits while its children still run: hermetic kills them,
#   says so on stderr and exits with the target's status.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "$E2E/proc-helpers.inc"
require_python_

# start_bg_ ARGS...: hermetic in the background (HPID), with a watchdog.
start_bg_() {
    "$HERMETIC" "$@" >"$T/out" 2>"$T/err" </dev/null &
    HPID=$!
    (
        i=0
        while kill -0 "$HPID" 2>/dev/null; do
            i=$((i + 1))
            if [ $i -gt $((TIMEOUT * 10)) ]; then kill -KILL "$HPID"; exit 0; fi
            sleep 0.1
        done
    ) >/dev/null 2>&1 </dev/null &
    WPID=$!
}
# wait_bg_: wait for hermetic; its status in $rc.
wait_bg_() {
    rc=0
    wait "$HPID" || rc=$?
    wait "$WPID" 2>/dev/null
    [ "$rc" != 137 ] || [ "${1:-}" = 137 ] || fail_ "hermetic was killed (the watchdog after ${TIMEOUT}s?)"
}

# -- signals to hermetic reach a target that handles them
for sig in TERM INT HUP; do
    rm -f "$T/pid" "$T/marker"
    start_bg_ -- "$PYTHON3" "$PY/proc_signal.py" "$T/pid" "$T/marker"
    wait_file_ "$T/pid" || { kill -KILL "$HPID"; fail_ "the target did not start"; }
    tpid=$(cat "$T/pid")
    [ "$tpid" != "$HPID" ] || framework_failure_ "the target's pid is hermetic's"
    kill -$sig "$HPID"
    wait_bg_
    expect_rc 5 "exit status (SIG$sig to hermetic, handled)"
    expect_file "$T/marker" "the handler's marker (SIG$sig)"
    [ "$(cat "$T/marker")" = "SIG$sig" ] || fail_ "the handler saw $(cat "$T/marker"), not SIG$sig"
    pass_ "SIG$sig to hermetic reaches the target's handler; exit 5"
done

# -- a target without a handler dies of the forwarded signal
rm -f "$T/pid" "$T/done"
start_bg_ -- "$PYTHON3" "$PY/proc_stop.py" "$T/pid" "$T/done"
wait_file_ "$T/pid" || { kill -KILL "$HPID"; fail_ "the target did not start"; }
kill -TERM "$HPID"
wait_bg_
expect_rc 143 "exit status (SIGTERM, no handler)"
pass_ "SIGTERM to hermetic kills a target without a handler: 143"

# -- SIGKILL to the target itself
rm -f "$T/pid" "$T/done"
start_bg_ -- "$PYTHON3" "$PY/proc_stop.py" "$T/pid" "$T/done"
wait_file_ "$T/pid" || { kill -KILL "$HPID"; fail_ "the target did not start"; }
kill -KILL "$(cat "$T/pid")"
wait_bg_ 137
expect_rc 137 "exit status (target SIGKILLed)"
pass_ "SIGKILL to the target: 137"

# -- SIGSTOP / SIGCONT to the target
stop_cont_() {
    wait_file_ "$T/pid" || { kill -KILL "$HPID" 2>/dev/null; fail_ "the target did not start"; }
    tpid=$(cat "$T/pid")
    sleep 0.2
    kill -STOP "$tpid"
    sleep 0.3
    st=$(proc_state_ "$tpid")
    case $st in
    T | t) ;;
    *) kill -CONT "$tpid"; touch "$T/done"; fail_ "the target is not stopped (state $st)" ;;
    esac
    sleep 1
    kill -CONT "$tpid"
    sleep 0.2
    st=$(proc_state_ "$tpid")
    touch "$T/done"
    case $st in
    T | t) fail_ "the target is still stopped after SIGCONT (state $st)" ;;
    esac
}
rm -f "$T/pid" "$T/done"
start_bg_ -- "$PYTHON3" "$PY/proc_stop.py" "$T/pid" "$T/done"
stop_cont_
wait_bg_
expect_rc 0 "exit status (stopped and continued)"
expect_out '^longest pause [0-9.]+$'
expect_err_empty
pass_ "SIGSTOP/SIGCONT of the target: it was stopped ($(cat "$T/out")) and exited normally"

# the same without hermetic, so the measure is known to work
rm -f "$T/pid" "$T/done"
"$PYTHON3" "$PY/proc_stop.py" "$T/pid" "$T/done" >"$T/out" 2>"$T/err" </dev/null &
HPID=$!
WPID=
stop_cont_
rc=0; wait "$HPID" || rc=$?
expect_rc 0 "exit status (stopped and continued, no hermetic)"

# -- children left running when the target exits
rm -f "$T/pids"
run_h -- "$PYTHON3" "$PY/proc_leave.py" "$T/pids" 2
expect_rc 4 "exit status (the target's, with children left)"
expect_err_is "hermetic: the target exited; killed 2 processes it left running"
for p in $(cat "$T/pids"); do
    i=0
    while :; do
        st=$(proc_state_ "$p")
        case $st in '' | Z | X) break ;; esac
        i=$((i + 1)); [ $i -gt 100 ] && fail_ "child $p still runs (state $st)"
        sleep 0.05
    done
done
pass_ "children left running are killed, hermetic says so, exit 4"

# control: without hermetic those children keep running
rm -f "$T/pids"
rc=0; "$PYTHON3" "$PY/proc_leave.py" "$T/pids" 2 >/dev/null 2>&1 </dev/null || rc=$?
expect_rc 4
alive=0
for p in $(cat "$T/pids"); do
    case $(proc_state_ "$p") in S | R | D) alive=$((alive + 1)) ;; esac
    kill -KILL "$p" 2>/dev/null
done
[ "$alive" = 2 ] || fail_ "without hermetic the children were not running ($alive of 2)"
pass_ "without hermetic the same children keep running"
