#!/bin/sh
# SPDX-License-Identifier: MIT
# --allow-exec and the PATH search of libc (posix_spawnp, execvp): an
# entry before the allowed program that the kernel would refuse anyway
# (a "touch" that is not executable; a directory this user cannot search)
# must fail as the kernel fails it (EACCES), so that libc goes on to the
# next PATH entry and finds the allowed program. Denying it with EPERM
# stops libc's search (glibc goes on only after EACCES, ENOENT, ENOTDIR,
# ESTALE, ENODEV, ETIMEDOUT) and the allowed program never runs.
# Checked against the same run without --no-subprocess. Nothing is kept
# from happening there, so no trace line either (as for a PATH entry that
# does not exist).
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "$E2E/proc-helpers.inc"
require_python_

touch_path=$(command -v touch) || skip_ "no touch on PATH"
base=$(searchable_path_)
m="$T/marker"

# check_ DESCRIPTION: run posix_spawnp("touch") with PATH as set, without
# and with the guard; touch must run both times.
check_() {
    rm -f "$m"
    run_h --trace -- "$PYTHON3" "$PY/proc_spawn.py" posix_spawnp "$m"
    expect_rc 0 "exit status without --no-subprocess ($1)"
    expect_file "$m" "marker without --no-subprocess ($1)"
    rm -f "$m"
    run_h --trace --no-subprocess --allow-exec "$touch_path" -- "$PYTHON3" "$PY/proc_spawn.py" posix_spawnp "$m"
    expect_rc 0 "exit status with --allow-exec $touch_path ($1)"
    expect_file "$m" "marker with --allow-exec $touch_path ($1)"
    # nothing was kept from happening (the kernel refuses that entry by
    # itself), so, as for a PATH entry that does not exist, no line
    expect_no_err '^\[hermetic\] blocked'
    expect_no_err '^hermetic: blocked'
    pass_ "posix_spawnp finds the allowed touch past $1"
}

# a non-executable file named touch first on PATH
mkdir "$T/noexec"
printf 'not a program\n' >"$T/noexec/touch"
chmod 644 "$T/noexec/touch"
PATH="$T/noexec:$base"; export PATH
check_ "a non-executable touch on PATH"

# a directory this user cannot search first on PATH (root searches all)
if [ "$(id -u)" = 0 ]; then
    echo "NOTE: running as root, which can search any directory: the unsearchable-directory case is left out"
else
    mkdir "$T/locked"
    chmod 000 "$T/locked"
    PATH="$T/locked:$base"; export PATH
    check_ "an unsearchable directory on PATH"
    chmod 755 "$T/locked"
fi
