#!/bin/sh
# SPDX-License-Identifier: MIT
# --no-subprocess denies every way a Python program starts a process:
# subprocess, os.system, os.posix_spawn, fork + exec, multiprocessing
# (fork) and libc system() called through ctypes (native code). For each:
# with the guard, nothing ran (no marker), the exact status and a trace
# line naming the program's pid; without it, the same program runs the
# child (the marker exists), so the test cannot pass by accident.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "$E2E/proc-helpers.inc"
require_python_

for how in subprocess system posix_spawn fork_exec multiprocessing ctypes; do
    m="$T/marker-$how"

    # guard off: the child really runs
    rm -f "$m"
    run_h --trace -- "$PYTHON3" "$PY/proc_spawn.py" "$how" "$m"
    expect_rc 0 "$how without --no-subprocess: exit status"
    expect_file "$m" "$how without --no-subprocess: marker"
    expect_no_err '^\[hermetic\] blocked'

    # guard on: nothing runs
    rm -f "$m"
    run_h --trace --no-subprocess -- "$PYTHON3" "$PY/proc_spawn.py" "$how" "$m"
    case $how in
    system | ctypes) want=11 ;;  # system() returns 127 << 8: no shell
    *) want=10 ;;                # PermissionError, errno EPERM
    esac
    expect_rc $want "$how with --no-subprocess: exit status"
    expect_no_file "$m" "$how with --no-subprocess: marker"
    pid=$(out_pid_)
    [ -n "$pid" ] || fail_ "$how: the program did not print its pid"
    expect_blocked_sub "$pid"
    expect_err '^hermetic: blocked [0-9]+ actions? \([0-9]+ subprocess\)$'
    # only the program itself tried: no other pid was involved
    ! err_sans_site_ | grep '^\[hermetic\] blocked' | grep -qv " pid=$pid\$" ||
        fail_ "$how: a trace line names another pid"
    pass_ "$how: denied with --no-subprocess, runs without"
done

# without --trace: no trace line, but the summary says what was blocked
m="$T/marker-quiet"
run_h --no-subprocess -- "$PYTHON3" "$PY/proc_spawn.py" subprocess "$m"
expect_rc 10
expect_no_file "$m"
expect_no_err '^\[hermetic\] blocked'
expect_err '^hermetic: blocked [0-9]+ actions? \([0-9]+ subprocess\); rerun with --trace for details$'
pass_ "without --trace: one summary line, no trace lines"
