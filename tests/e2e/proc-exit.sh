#!/bin/sh
# SPDX-License-Identifier: MIT
# Exit statuses and target resolution: the target's status; 128+N when a
# signal N killed it; 127 (not found) and 126 (cannot run) with a message;
# a missing module is Python's own error (status 1); module:attr returns
# its int as the status and sees exactly the ARGS; -m runs a module that
# reads stdin; a .py target sees exactly the ARGS, "--" included.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "$E2E/proc-helpers.inc"
require_python_

cd "$T" || framework_failure_ "cd $T"

# -- the target's own status
for n in 0 3 42 255; do
    run_h -- "$PYTHON3" "$PY/proc_exit.py" exit $n
    expect_rc $n "exit status (sys.exit($n))"
    expect_err_empty
done
pass_ "the target's exit status is hermetic's"

# -- killed by a signal: 128+N
run_h -- "$PYTHON3" "$PY/proc_exit.py" kill SIGKILL
expect_rc 137 "exit status (SIGKILL)"
run_h -- "$PYTHON3" "$PY/proc_exit.py" kill SIGTERM
expect_rc 143 "exit status (SIGTERM)"
pass_ "killed by SIGKILL: 137, by SIGTERM: 143"

# -- not found: 127, with a message
run_h -- ./missing.py
expect_rc 127 "exit status (./missing.py)"
expect_err_is "hermetic: cannot run ./missing.py: No such file or directory"
run_h -- /nonexistent/prog
expect_rc 127 "exit status (/nonexistent/prog)"
expect_err_is "hermetic: cannot run /nonexistent/prog: No such file or directory"
: >"$T/file.txt"
run_h -- "$T/file.txt/prog"
expect_rc 127 "exit status (a path through a file)"
expect_err_is "hermetic: cannot run $T/file.txt/prog: Not a directory"
run_h -- missing.py
expect_rc 127 "exit status (missing.py)"
expect_err_is "hermetic: cannot run missing.py: No such file or directory"
pass_ "a missing target exits 127 with a message"

# -- cannot run: 126
printf 'print("ran")\n' >"$T/plain"
chmod 644 "$T/plain"
run_h -- ./plain
expect_rc 126 "exit status (non-executable file)"
expect_err '^hermetic: cannot run \./plain: not an executable file'
expect_no_out ran
mkdir "$T/adir"
run_h -- ./adir
expect_rc 126 "exit status (a directory)"
expect_err_is "hermetic: cannot run ./adir: it is a directory"
pass_ "a target that cannot run exits 126 with a message"

# -- a module that does not exist: Python says so, status 1
run_h --python "$PYTHON3" -- no_such_module_xyz
expect_rc 1 "exit status (missing module)"
expect_err 'No module named no_such_module_xyz'
expect_no_err '^hermetic:'
# the same with the default interpreter (python3 on PATH), as typed
if command -v python3 >/dev/null 2>&1; then
    run_h -- no_such_module_xyz
    expect_rc 1 "exit status (missing module, default interpreter)"
    expect_err 'No module named no_such_module_xyz'
fi
pass_ "a missing module: Python's 'No module named' error, status 1"

# -- module:attr, the module found on PYTHONPATH (a copy: no __pycache__
# in the source tree)
mkdir "$T/mod" && cp "$FIX/proc_callable.py" "$T/mod/" || framework_failure_ "cannot copy the fixture"
PYTHONPATH="$T/mod" run_h --python "$PYTHON3" -- proc_callable:main a "b c" -- -x ""
expect_rc 7 "exit status (module:attr returning 7)"
expect_out_is '["a", "b c", "--", "-x", ""]'
expect_err_empty
PYTHONPATH="$T/mod" run_h --python "$PYTHON3" -- proc_callable:main
expect_rc 7
expect_out_is '[]'
# ... a dotted attribute returning None: status 0
PYTHONPATH="$T/mod" run_h --python "$PYTHON3" -- proc_callable:Cli.run --help
expect_rc 0
expect_out_is 'Cli.run ["--help"]'
# ... the module in the current directory
mkdir "$T/cwd" && cp "$FIX/proc_callable.py" "$T/cwd/"
cd "$T/cwd" || framework_failure_ "cd $T/cwd"
run_h --python "$PYTHON3" -- proc_callable:main x
cd "$T" || framework_failure_ "cd $T"
expect_rc 7 "exit status (module:attr from the current directory)"
expect_out_is '["x"]'
pass_ "module:attr: returns 7, receives exactly the ARGS"

# -- -m module: json.tool reading stdin
printf '{"b": [1, 2], "a": "\\u00e9"}\n' >"$T/in.json"
"$PYTHON3" -m json.tool <"$T/in.json" >"$T/want.json" || framework_failure_ "json.tool"
run_in_ "$T/in.json" "$HERMETIC" --python "$PYTHON3" -- json.tool
expect_rc 0
cmp -s "$T/want.json" "$T/out" || fail_ "json.tool under hermetic printed something else"
run_in_ "$T/in.json" "$HERMETIC" --python "$PYTHON3" -- json.tool --compact
expect_rc 0
expect_out_is '{"b":[1,2],"a":"\u00e9"}'
pass_ "-m json.tool reads stdin and formats it"

# -- a .py target sees exactly the ARGS, with "--" and hermetic's own
# option names passed through untouched
run_h --python "$PYTHON3" -- "$PY/proc_argv.py" -- --trace "two words" "" --no-network -
expect_rc 0
expect_out_is '["--", "--trace", "two words", "", "--no-network", "-"]'
expect_err_empty
run_h --python "$PYTHON3" -- "$PY/proc_argv.py"
expect_rc 0
expect_out_is '[]'
pass_ "a .py target sees exactly the ARGS"
