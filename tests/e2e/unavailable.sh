#!/bin/sh
# SPDX-License-Identifier: MIT
# When hermetic cannot trace the target, it exits 125 and says why and what
# to do: here, because hermetic itself runs under a tracer that follows its
# children (strace -f, or an outer hermetic), so the target already has a
# tracer. (Yama and container restrictions cannot be set up by a test; the
# messages for them are in src/spawn.c:explain_seize.)
. "${top_srcdir:-.}/tests/e2e/lib.sh"
require_python_

# an outer hermetic traces the inner one and its children
run_h -- "$HERMETIC" -- "$PYTHON3" -c 'print("ran")'
expect_rc 125
expect_err "cannot trace the target: it is already traced by pid [0-9]+"
expect_err "run hermetic outside it"
expect_no_out "ran"

if command -v strace >/dev/null 2>&1; then
    run_ strace -f -o /dev/null "$HERMETIC" -- "$PYTHON3" -c 'print("ran")'
    expect_rc 125
    expect_err "already traced by pid [0-9]+"
    expect_no_out "ran"
    # strace without -f does not follow hermetic's child: that works
    run_ strace -o /dev/null "$HERMETIC" -- "$PYTHON3" -c 'print("ran")'
    expect_rc 0
    expect_out "^ran$"
else
    echo "note: strace not installed: only the nested-hermetic case was checked"
fi
pass_ "a target that cannot be traced gives exit 125 and the reason"
