#!/bin/sh
# SPDX-License-Identifier: MIT
# The target inherits the signal state of whoever starts hermetic, as it
# would without hermetic (execve keeps ignored signals and the signal
# mask): `nohup hermetic -- x` must survive a hangup, a background job of a
# non-interactive shell ignores SIGINT and SIGQUIT, and a blocked SIGUSR1
# stays blocked. Each compared with the same program started without
# hermetic; then a real SIGHUP to the target under nohup.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "$E2E/proc-helpers.inc"
require_python_

# what the program reports when started directly, and under hermetic, with
# SIGHUP ignored by the starting shell (what nohup does)
sh -c 'trap "" HUP; exec "$@"' sh "$PYTHON3" "$PY/proc_sigdisp.py" >"$T/direct" 2>&1 ||
    framework_failure_ "proc_sigdisp.py failed"
grep -qx 'SIGHUP ignored' "$T/direct" || framework_failure_ "sh did not ignore SIGHUP"
run_ sh -c 'trap "" HUP; exec "$@"' sh "$HERMETIC" -- "$PYTHON3" "$PY/proc_sigdisp.py"
expect_rc 0
cmp -s "$T/direct" "$T/out" || { echo "--- without hermetic:"; cat "$T/direct"; fail_ "the target's ignored signals differ from a direct start"; }
pass_ "SIGHUP ignored at start stays ignored in the target"

sh -c 'trap "" INT QUIT; exec "$@"' sh "$PYTHON3" "$PY/proc_sigdisp.py" >"$T/direct" 2>&1
run_ sh -c 'trap "" INT QUIT; exec "$@"' sh "$HERMETIC" -- "$PYTHON3" "$PY/proc_sigdisp.py"
expect_rc 0
cmp -s "$T/direct" "$T/out" || { echo "--- without hermetic:"; cat "$T/direct"; fail_ "the target's ignored signals differ from a direct start"; }
pass_ "SIGINT and SIGQUIT ignored at start stay ignored in the target"

# a blocked signal (the mask survives execve)
block='import os, signal, sys; signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGUSR1}); os.execv(sys.argv[1], sys.argv[1:])'
"$PYTHON3" -c "$block" "$PYTHON3" "$PY/proc_sigdisp.py" >"$T/direct" 2>&1
grep -qx 'SIGUSR1 blocked' "$T/direct" || framework_failure_ "SIGUSR1 was not blocked"
run_ "$PYTHON3" -c "$block" "$HERMETIC" -- "$PYTHON3" "$PY/proc_sigdisp.py"
expect_rc 0
cmp -s "$T/direct" "$T/out" || { echo "--- without hermetic:"; cat "$T/direct"; fail_ "the target's signal mask differs from a direct start"; }
pass_ "a signal blocked at start stays blocked in the target"

# nohup, then a hangup delivered to the target (as a terminal hangup hits
# the whole foreground group): it survives and exits 0
command -v nohup >/dev/null 2>&1 || skip_ "no nohup"
rm -f "$T/pid" "$T/done"
nohup "$HERMETIC" -- "$PYTHON3" "$PY/proc_sigdisp.py" "$T/pid" "$T/done" >"$T/out" 2>"$T/err" </dev/null &
hpid=$!
# bounded: not with timeout(1), which would undo nohup for its child
(
    i=0
    while kill -0 $hpid 2>/dev/null; do
        i=$((i + 1))
        if [ $i -gt $((TIMEOUT * 10)) ]; then kill -KILL $hpid; exit 0; fi
        sleep 0.1
    done
) >/dev/null 2>&1 </dev/null &
wpid=$!
wait_file_ "$T/pid" || { kill -KILL $hpid; fail_ "the target did not start"; }
kill -HUP "$(cat "$T/pid")"
sleep 0.3
touch "$T/done"
rc=0; wait $hpid || rc=$?
wait $wpid
expect_rc 0 "exit status (SIGHUP to a target under nohup)"
pass_ "under nohup the target survives SIGHUP"
