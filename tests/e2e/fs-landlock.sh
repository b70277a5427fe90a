#!/bin/sh
# SPDX-License-Identifier: MIT
# The two walls of --fs-readonly, each on its own. HERMETIC_DEBUG=1 says
# the Landlock wall is on by default (where the kernel's Landlock ABI is 3
# or more; the test skips otherwise) and off under
# HERMETIC_TEST_NO_LANDLOCK=1. With HERMETIC_TEST_LANDLOCK_ONLY=1 (the
# tracer does not look) the kernel alone refuses the changes outside
# --allow-write with EACCES (opens for writing, O_CREAT, O_TRUNC, unlink,
# rmdir, mkdir, rename, link, symlink, mkfifo, truncate), with no trace
# line, and the files are unchanged; below --allow-write and on /dev/null
# writing works. With both knobs there is no wall and the same changes
# are made. An --allow-write directory missing at start turns Landlock off
# (the debug line says so), and the ptrace checks still deny the writes
# outside it, while the directory, once made, can be written.
#
# Every file touched lives below $T.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/e2e/net-lib.inc"
require_python_

FP="$PY/fs_probe.py"
SNAP="$PY/fs_snap.py"
TR=$(cd "$T" && pwd -P) || framework_failure_ "cannot resolve $T"
A="$TR/allowed"
O="$TR/outside"
WALLS='^hermetic: debug: filesystem walls: ptrace checks; Landlock'

# (444 is landlock_create_ruleset in the common syscall table)
case $(uname -m) in
x86_64 | aarch64 | riscv64 | ppc64le | s390x) ;;
*) skip_ "the Landlock ABI probe uses syscall 444, not checked on $(uname -m)" ;;
esac
# The kernel's Landlock ABI, as landlock_create_ruleset(NULL, 0,
# LANDLOCK_CREATE_RULESET_VERSION) gives it (0: none, or disabled).
abi=$("$PYTHON3" -c '
import ctypes
libc = ctypes.CDLL(None, use_errno=True)
r = libc.syscall(ctypes.c_long(444), None, ctypes.c_size_t(0), ctypes.c_uint(1))
print(max(r, 0))') || framework_failure_ "cannot ask for the Landlock ABI"
[ "$abi" -ge 3 ] ||
    skip_ "this kernel's Landlock ABI is $abi (0: no Landlock, or not enabled in lsm=): the wall needs 3 or more"

setup_() {
    rm -rf "$A" "$O" && mkdir "$A" "$O" "$O/sub" &&
        for f in f g h i j k; do printf 'orig\n' >"$O/$f" || framework_failure_ "$O/$f"; done &&
        printf 'orig\n' >"$A/gone" || framework_failure_ "cannot set up $T"
    "$PYTHON3" "$SNAP" "$O" >"$T/outside.before" || framework_failure_ "snapshot"
}
outside_same_() {
    "$PYTHON3" "$SNAP" "$O" >"$T/outside.after" || framework_failure_ "snapshot"
    cmp -s "$T/outside.before" "$T/outside.after" ||
        { diff "$T/outside.before" "$T/outside.after"; fail_ "$1: $O changed"; }
}

# --- the debug line: on by default, off with the knob
run_ env HERMETIC_DEBUG=1 "$HERMETIC" --fs-readonly -- "$PYTHON3" -c pass
expect_rc 0
expect_err "$WALLS on \\(Landlock\\): changes\$"
run_ env HERMETIC_DEBUG=1 "$HERMETIC" --fs-readonly --allow-write "$TR" -- "$PYTHON3" -c pass
expect_rc 0
expect_err "$WALLS on \\(Landlock\\): changes\$"
run_ env HERMETIC_DEBUG=1 HERMETIC_TEST_NO_LANDLOCK=1 "$HERMETIC" --fs-readonly -- "$PYTHON3" -c pass
expect_rc 0
expect_err "$WALLS off \\(HERMETIC_TEST_NO_LANDLOCK\\)\$"
pass_ "Landlock ABI $abi: the wall is on by default, off with HERMETIC_TEST_NO_LANDLOCK"

# Changes outside the allowed directory that Landlock handles, and what
# works.
OUT="open-w,$O/f
open-creat-w,$O/new
open-trunc,$O/g
open-append,$O/h
unlink,$O/i
rmdir,$O/sub
mkdir,$O/dir
rename,$O/j,$O/j2
link,$O/k,$O/k2
symlink,f,$O/sym
mkfifo,$O/fifo
truncate,$O/f"
IN="open-creat-w,$A/new
unlink,$A/gone
mkdir,$A/dir
devnull
print"
# shellcheck disable=SC2086
set -- $OUT $IN

# --- Landlock alone: EACCES from the kernel, no trace line
setup_
run_ env HERMETIC_DEBUG=1 HERMETIC_TEST_LANDLOCK_ONLY=1 "$HERMETIC" --trace \
    --fs-readonly --allow-write "$A" -- "$PYTHON3" "$FP" "$@"
expect_rc 0
expect_err "$WALLS on \\(Landlock\\): changes\$"
expect_err '^hermetic: .*HERMETIC_TEST_LANDLOCK_ONLY is set'
for s in $OUT; do
    expect_step "$s" EACCES
done
for s in $IN; do
    expect_step "$s" ok
done
[ "$(cat "$A/new")" = X ] && [ ! -e "$A/gone" ] && [ -d "$A/dir" ] ||
    fail_ "Landlock alone: the changes below $A were not made"
expect_out '^printed to stdout$'
expect_err '^printed to stderr$'
expect_no_err '^\[hermetic\] blocked'
expect_no_err '^hermetic: blocked'
outside_same_ "Landlock alone"
pass_ "Landlock alone: $(echo "$OUT" | wc -l | tr -d ' ') changes outside refused with EACCES, below --allow-write and /dev/null work"

# --- both knobs: no wall at all, the same changes are made
setup_
run_ env HERMETIC_DEBUG=1 HERMETIC_TEST_LANDLOCK_ONLY=1 HERMETIC_TEST_NO_LANDLOCK=1 \
    "$HERMETIC" --trace --fs-readonly --allow-write "$A" -- "$PYTHON3" "$FP" "$@"
expect_rc 0
expect_err "$WALLS off \\(HERMETIC_TEST_NO_LANDLOCK\\)\$"
for s in $OUT $IN; do
    expect_step "$s" ok
done
expect_no_err '^\[hermetic\] blocked'
[ "$(cat "$O/new")" = X ] && [ ! -e "$O/i" ] && [ -p "$O/fifo" ] && [ ! -s "$O/f" ] ||
    fail_ "no wall: the changes outside were not made"
pass_ "no wall (both knobs): every change outside is made"

# --- an --allow-write directory missing at start: Landlock off, ptrace on
setup_
L="$TR/later"
run_ env HERMETIC_DEBUG=1 "$HERMETIC" --trace --fs-readonly --allow-write "$L" -- \
    "$PYTHON3" "$FP" "open-w,$O/f" "mkdir,$O/dir" "mkdir,$L" "open-creat-w,$L/new"
expect_rc 0
expect_err "$WALLS off \\(an --allow-write directory does not exist yet\\)\$"
expect_step "open-w,$O/f" EPERM
expect_step "mkdir,$O/dir" EPERM
expect_err "^\[hermetic\] blocked openat path=$(re_ "$O/f") reason=fs-readonly pid=$(run_pid)\$"
expect_err "^\[hermetic\] blocked mkdir path=$(re_ "$O/dir") reason=fs-readonly pid=$(run_pid)\$"
expect_trace_lines 2
outside_same_ "missing --allow-write"
expect_step "mkdir,$L" ok
expect_step "open-creat-w,$L/new" ok
[ "$(cat "$L/new")" = X ] || fail_ "$L/new was not written"
pass_ "missing --allow-write directory: Landlock off, the ptrace checks deny outside it, it can be made and written"
