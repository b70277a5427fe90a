#!/bin/sh
# SPDX-License-Identifier: MIT
# --allow-exec lets one program through --no-subprocess and nothing else:
# - --allow-exec $(command -v touch): touch runs (marker), ls is refused
#   with PermissionError and a "blocked execve path=.../ls" line;
# - --allow-exec touch (a name) is looked up on PATH;
# - --allow-exec nonexistent-prog: exit 125 with a message, nothing runs.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "$E2E/proc-helpers.inc"
require_python_
# PATH lookups here are about the policy, not about unreadable directories
# on PATH (proc-exec-path.sh is about those)
PATH=$(searchable_path_); export PATH

touch_path=$(command -v touch) || skip_ "no touch on PATH"
ls_path=$(command -v ls) || skip_ "no ls on PATH"
m="$T/marker"

run_h --trace --no-subprocess --allow-exec "$touch_path" -- "$PYTHON3" "$PY/proc_run.py" touch "$m"
expect_rc 0 "exit status (touch allowed)"
expect_file "$m" "marker (touch allowed by path)"
expect_out '^status 0$'
expect_no_err '^\[hermetic\] blocked'
pass_ "--allow-exec $touch_path: touch runs"

run_h --trace --no-subprocess --allow-exec "$touch_path" -- "$PYTHON3" "$PY/proc_run.py" ls "$T"
expect_rc 10 "exit status (ls refused)"
expect_out '^denied EPERM$'
expect_err '^\[hermetic\] blocked execve path=[^ ]*/ls reason=no-subprocess pid=[0-9]+$'
expect_no_out "$(basename "$m")"
pass_ "--allow-exec touch: ls is refused"

# the same ls runs without the guard (the refusal is the guard's)
run_h --trace -- "$PYTHON3" "$PY/proc_run.py" ls "$T"
expect_rc 0
expect_out "^$(basename "$m")\$"
pass_ "ls runs without --no-subprocess"

# a name, looked up on PATH
rm -f "$m"
run_h --trace --no-subprocess --allow-exec touch -- "$PYTHON3" "$PY/proc_run.py" touch "$m"
expect_rc 0 "exit status (--allow-exec touch)"
expect_file "$m" "marker (touch allowed by name)"
expect_no_err '^\[hermetic\] blocked'
pass_ "--allow-exec touch resolves on PATH"

# allowing touch does not allow ls by its full path either
run_h --trace --no-subprocess --allow-exec touch -- "$PYTHON3" "$PY/proc_run.py" "$ls_path" "$T"
expect_rc 10
expect_err "^\[hermetic\] blocked execve path=$ls_path reason=no-subprocess pid=[0-9]+\$"
pass_ "--allow-exec touch: $ls_path is refused"

# a program that does not exist: hermetic's own error, the target never runs
for name in nonexistent-prog /nonexistent/prog; do
    rm -f "$T/ran"
    run_h --no-subprocess --allow-exec "$name" -- "$PYTHON3" -c "open('$T/ran', 'w')"
    expect_rc 125 "exit status (--allow-exec $name)"
    expect_err "^hermetic: --allow-exec $name: "
    expect_no_file "$T/ran" "the target's marker"
done
expect_err_is "hermetic: --allow-exec /nonexistent/prog: No such file or directory"
run_h --no-subprocess --allow-exec nonexistent-prog -- "$PYTHON3" -c pass
expect_err_is "hermetic: --allow-exec nonexistent-prog: not found on PATH"
pass_ "--allow-exec of a missing program exits 125 with a message"
