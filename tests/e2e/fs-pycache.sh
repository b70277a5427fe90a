#!/bin/sh
# SPDX-License-Identifier: MIT
# Python's bytecode cache under --fs-readonly: a package below $T (not
# writable through the guard) imports, with bytecode writing on
# (PYTHONDONTWRITEBYTECODE unset), and the program exits 0. The denied
# writes into __pycache__ (the directory, or the .pyc temporary file when
# the directory exists) get no line each: under --trace one line at the
# end, "[hermetic] blocked N writes into __pycache__ (not counted: ...)",
# and no "hermetic: blocked" summary when nothing else was denied (another
# denial is counted alone); without --trace nothing at all. No .pyc
# appears on disk. Without --fs-readonly the same run writes the .pyc
# files, which shows that the test makes Python try.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/e2e/net-lib.inc"
require_python_

TR=$(cd "$T" && pwd -P) || framework_failure_ "cannot resolve $T"
mkdir "$TR/app" "$TR/app/pkg" "$TR/outside" || framework_failure_ "mkdir"
printf '' >"$TR/app/pkg/__init__.py"
printf 'VALUE = 42\n' >"$TR/app/pkg/mod.py"
printf 'orig\n' >"$TR/outside/f"
# main.py [PATH]: import the package (the main script itself is never
# cached), then, with PATH, try to write PATH and report the error.
cat >"$TR/app/main.py" <<'EOF'
import os
import sys

import pkg.mod

print("value", pkg.mod.VALUE)
if len(sys.argv) > 1:
    try:
        os.open(sys.argv[1], os.O_WRONLY)
        print("write ok")
    except OSError as e:
        print("write", e.errno)
EOF
PYC_RE='^\[hermetic\] blocked ([0-9]+) writes? into __pycache__ \(not counted: Python runs without its bytecode cache\)$'

# run_py_ ARGS...: hermetic ARGS, then main.py, bytecode writing on
run_py_() { run_ env -u PYTHONDONTWRITEBYTECODE "$HERMETIC" "$@" "$PYTHON3" "$TR/app/main.py"; }
run_py_arg_() { _a=$1; shift; run_ env -u PYTHONDONTWRITEBYTECODE "$HERMETIC" "$@" "$PYTHON3" "$TR/app/main.py" "$_a"; }

no_pyc_() {
    [ -z "$(find "$TR/app" -name '*.pyc*')" ] ||
        fail_ "$1: a .pyc was written: $(find "$TR/app" -name '*.pyc*' | head -n 3)"
}
# pyc_count_ WHAT: n= the N of the __pycache__ line (which must be there,
# once)
pyc_count_() {
    [ "$(grep -Ec "$PYC_RE" "$T/err")" = 1 ] || fail_ "$1: not one __pycache__ line"
    n=$(sed -nE "s/$PYC_RE/\\1/p" "$T/err")
}

# --- no __pycache__ yet: the mkdir of each is denied
run_py_ --trace --fs-readonly --
expect_rc 0
expect_out '^value 42'
pyc_count_ "--trace, no __pycache__"
# one try per module at least (pkg and pkg.mod)
[ "$n" -ge 2 ] || fail_ "the __pycache__ line counts $n writes, expected 2 or more"
expect_no_err '^\[hermetic\] blocked [a-z][a-z0-9_]* '
expect_no_err '__pycache__.*reason='
expect_no_err '^hermetic: blocked'
[ ! -e "$TR/app/pkg/__pycache__" ] || fail_ "__pycache__ was made"
no_pyc_ "no __pycache__"
pass_ "imports; $n denied __pycache__ writes, one line, no summary, nothing on disk"

# --- without --trace: not a word
run_py_ --fs-readonly --
expect_rc 0
expect_out '^value 42'
expect_no_err '__pycache__'
expect_no_err '^(\[hermetic\]|hermetic:) '
no_pyc_ "without --trace"
pass_ "without --trace: no __pycache__ line, no summary"

# --- another denial is counted, the __pycache__ writes are not
run_py_arg_ "$TR/outside/f" --trace --fs-readonly --
expect_rc 0
expect_out '^write 1$'
pyc_count_ "with another denial"
expect_err "^\[hermetic\] blocked openat path=$(re_ "$TR/outside/f") reason=fs-readonly pid=[0-9]+\$"
expect_trace_lines 2	# that one and the __pycache__ line
expect_summary "blocked 1 action (1 filesystem)"
[ "$(cat "$TR/outside/f")" = orig ] || fail_ "$TR/outside/f changed"
no_pyc_ "with another denial"
pass_ "another denial: counted alone in the summary"

# --- an existing, empty __pycache__: the .pyc (its temporary file) is denied
mkdir "$TR/app/pkg/__pycache__" || framework_failure_ "mkdir __pycache__"
run_py_ --trace --fs-readonly --
expect_rc 0
expect_out '^value 42'
pyc_count_ "existing __pycache__"
[ "$n" -ge 2 ] || fail_ "the __pycache__ line counts $n writes, expected 2 or more"
expect_no_err '^\[hermetic\] blocked [a-z][a-z0-9_]* '
expect_no_err '^hermetic: blocked'
[ -z "$(ls -A "$TR/app/pkg/__pycache__")" ] ||
    fail_ "something was written into __pycache__: $(ls -A "$TR/app/pkg/__pycache__")"
pass_ "existing __pycache__: $n .pyc writes denied quietly, nothing written"
rmdir "$TR/app/pkg/__pycache__"

# --- without --fs-readonly Python writes the cache
run_py_ --trace --
expect_rc 0
expect_out '^value 42'
expect_no_err '__pycache__'
[ -f "$TR/app/pkg/__pycache__/mod.$("$PYTHON3" -c 'import sys; print(sys.implementation.cache_tag)').pyc" ] ||
    fail_ "without --fs-readonly no .pyc was written: the test does not make Python try"
pass_ "without --fs-readonly the .pyc files are written"
