#!/bin/sh
# SPDX-License-Identifier: MIT
# --show-argv: the trace line of a denied execve carries argv=["ls","-l"]
# with the flag and never without it (argv may hold secrets): for an exec
# by the target itself (os.execvp) and by a child let through by
# --allow-exec. Without --no-subprocess the same exec really runs ls.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "$E2E/proc-helpers.inc"
require_python_
# PATH lookups here are about the policy, not about unreadable directories
# on PATH (proc-exec-path.sh is about those)
PATH=$(searchable_path_); export PATH

mkdir "$T/empty"
cd "$T/empty" || framework_failure_ "cd $T/empty"

# -- the target's own exec
run_h --trace --show-argv --no-subprocess -- "$PYTHON3" "$PY/proc_exec.py" ls -l
expect_rc 10 "exit status (execvp refused)"
expect_out '^denied EPERM$'
pid=$(out_pid_)
expect_err "^\[hermetic\] blocked execve path=[^ ]*/ls argv=\[\"ls\",\"-l\"\] reason=no-subprocess pid=$pid\$"
pass_ "--show-argv: argv=[\"ls\",\"-l\"] in the line"

run_h --trace --no-subprocess -- "$PYTHON3" "$PY/proc_exec.py" ls -l
expect_rc 10
expect_err "^\[hermetic\] blocked execve path=[^ ]*/ls reason=no-subprocess pid=$(out_pid_)\$"
expect_no_err 'argv='
pass_ "without --show-argv: no argv"

# a secret in argv stays out of stderr unless asked for
run_h --trace --no-subprocess -- "$PYTHON3" "$PY/proc_exec.py" ls --hide=s3cr3t-t0ken
expect_rc 10
expect_err '^\[hermetic\] blocked execve path=[^ ]*/ls reason=no-subprocess'
expect_no_err 's3cr3t-t0ken'
run_h --trace --show-argv --no-subprocess -- "$PYTHON3" "$PY/proc_exec.py" ls --hide=s3cr3t-t0ken
expect_err 'argv=\["ls","--hide=s3cr3t-t0ken"\]'
pass_ "argv (a secret) is shown only with --show-argv"

# --show-argv without --trace: no lines at all, only the summary
run_h --show-argv --no-subprocess -- "$PYTHON3" "$PY/proc_exec.py" ls -l
expect_rc 10
expect_no_err 'argv='
expect_no_err '^\[hermetic\]'
expect_err '^hermetic: blocked [0-9]+ actions? \([0-9]+ subprocess\); rerun with --trace for details$'
pass_ "--show-argv without --trace prints no line"

# control: without the guard the exec runs ls -l (empty directory)
run_h --trace --show-argv -- "$PYTHON3" "$PY/proc_exec.py" ls -l
expect_rc 0
expect_out '^total 0$'
expect_no_err '^\[hermetic\] blocked'
pass_ "without --no-subprocess, execvp runs ls -l"

# -- a child's exec, with --allow-exec letting a process be started
run_h --trace --show-argv --no-subprocess --allow-exec touch -- "$PYTHON3" "$PY/proc_run.py" ls -l
expect_rc 10
expect_err '^\[hermetic\] blocked execve path=[^ ]*/ls argv=\["ls","-l"\] reason=no-subprocess pid=[0-9]+$'
run_h --trace --no-subprocess --allow-exec touch -- "$PYTHON3" "$PY/proc_run.py" ls -l
expect_rc 10
expect_err '^\[hermetic\] blocked execve path=[^ ]*/ls reason=no-subprocess pid=[0-9]+$'
expect_no_err 'argv='
pass_ "a child's denied exec: argv only with --show-argv"
