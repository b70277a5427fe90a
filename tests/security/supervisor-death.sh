#!/bin/sh
# SPDX-License-Identifier: MIT
# If the supervisor dies, the traced tree dies with it (PTRACE_O_EXITKILL):
# a target that would outlive a killed parent is gone once hermetic is
# killed with SIGKILL. Without hermetic, the same program survives the
# death of its parent, which shows the check can see a survivor.
. "${top_srcdir:-.}/tests/e2e/lib.sh"
require_python_

prog='import os, sys, time
open(sys.argv[1] + ".tmp", "w").write(str(os.getpid()))
os.rename(sys.argv[1] + ".tmp", sys.argv[1])
time.sleep(60)'

wait_file() {
    i=0
    while [ ! -s "$1" ]; do
        i=$((i + 1)); [ $i -gt 200 ] && framework_failure_ "no pid file $1"
        sleep 0.05
    done
}
gone() {
    i=0
    while kill -0 "$1" 2>/dev/null; do
        i=$((i + 1)); [ $i -gt 100 ] && return 1
        sleep 0.05
    done
    return 0
}

# under hermetic: kill the supervisor, the target must die
"$HERMETIC" -- "$PYTHON3" -c "$prog" "$T/pid1" &
hpid=$!
wait_file "$T/pid1"
target=$(cat "$T/pid1")
kill -KILL "$hpid"
wait "$hpid" 2>/dev/null
gone "$target" || { kill -KILL "$target"; fail_ "the target $target outlived its killed supervisor"; }
echo "ok: target $target died with its supervisor"

# without hermetic: the same program outlives its killed parent
sh -c '"$1" -c "$2" "$3" & wait' sh "$PYTHON3" "$prog" "$T/pid2" &
spid=$!
wait_file "$T/pid2"
orphan=$(cat "$T/pid2")
kill -KILL "$spid"
wait "$spid" 2>/dev/null
sleep 0.3
kill -0 "$orphan" 2>/dev/null || fail_ "without hermetic the program died with its parent: the check cannot see a survivor"
kill -KILL "$orphan"
pass_ "the tree dies with its supervisor (and survives a plain parent)"
