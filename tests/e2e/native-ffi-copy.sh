#!/bin/sh
# SPDX-License-Identifier: MIT
# --block-native knows the ctypes back-end by what it is, not by its file
# name: an interpreter copied to a prefix of the test's own ($T/prefix/bin)
# may load native code from $T/prefix/lib (its own lib directory), but a
# copy of _ctypes renamed to renamed_ffi.so there is still denied (it
# exports PyInit__ctypes), while a copy of _bz2 beside it loads. Without
# the guard both load. Needs a python3 that runs from a copied executable
# (Debian's /usr/bin/python3 embeds libpython; a shared-library build
# would need its libpython next to it, so it is skipped).
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/e2e/lib.sh"

real=$(readlink -f "$PYTHON3")
ldd "$real" 2>/dev/null | grep -q libpython &&
    skip_ "$real links libpython: a copy of the executable alone does not run"
mkdir -p "$T/prefix/bin" "$T/prefix/lib" || framework_failure_ "mkdir"
cp "$real" "$T/prefix/bin/python3" || framework_failure_ "copy $real"
py="$T/prefix/bin/python3"
ctypes_so=$("$PYTHON3" -c 'import _ctypes; print(_ctypes.__file__)') ||
    skip_ "$PYTHON3 has no _ctypes"
bz2_so=$("$PYTHON3" -c 'import _bz2; print(_bz2.__file__)') ||
    skip_ "$PYTHON3 has no _bz2"
cp "$ctypes_so" "$T/prefix/lib/renamed_ffi.so" &&
    cp "$bz2_so" "$T/prefix/lib/${bz2_so##*/}" || framework_failure_ "copy modules"
"$py" -c pass 2>/dev/null || skip_ "the copied interpreter does not start"

args="$T/prefix/lib _bz2=${bz2_so##*/} _ctypes=renamed_ffi.so"
# shellcheck disable=SC2086 # $args is split on purpose
run_h --trace --block-native -- "$py" "$PY/native_load.py" $args
expect_rc 0
expect_out '^_bz2 loaded$'
expect_out '^_ctypes denied$'
expect_err "^\[hermetic\] blocked mmap path=$T/prefix/lib/renamed_ffi\.so reason=block-native "
expect_no_err "blocked mmap path=[^ ]*_bz2"

# shellcheck disable=SC2086
run_ "$py" "$PY/native_load.py" $args
expect_rc 0
expect_out '^_bz2 loaded$'
expect_out '^_ctypes loaded$'
pass_ "a renamed copy of _ctypes in the interpreter's own lib directory is denied; _bz2 loads"
