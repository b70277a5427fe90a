#!/bin/sh
# SPDX-License-Identifier: MIT
# Under --fs-readonly what writes no file keeps working: print() to stdout
# and stderr (files and pipes), writing to /dev/null, open("/dev/stdout",
# "w") and open("/dev/stderr", "w") (on pipes, and on regular files, which
# the kernel truncates: they are the program's own output), /dev/tty (on a
# pseudo-terminal script(1) gives), a pipe as stdin and stdout, and
# writing to a descriptor the program inherited open for writing. No
# trace line, no summary. With the Landlock wall on (the default), off
# (HERMETIC_TEST_NO_LANDLOCK=1) and alone (HERMETIC_TEST_LANDLOCK_ONLY=1).
#
# Every file touched lives below $T.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/e2e/net-lib.inc"
require_python_

FP="$PY/fs_probe.py"
TR=$(cd "$T" && pwd -P) || framework_failure_ "cannot resolve $T"

# /dev/tty needs a controlling terminal, which make check does not give:
# script(1) runs the program on a pseudo-terminal of its own.
have_tty=no
if command -v script >/dev/null 2>&1 &&
    script -qec true /dev/null </dev/null >/dev/null 2>&1; then
    have_tty=yes
fi

for mode in landlock no-landlock landlock-only; do
    case $mode in
    landlock) set -- env ;;
    no-landlock) set -- env HERMETIC_TEST_NO_LANDLOCK=1 ;;
    landlock-only) set -- env HERMETIC_TEST_LANDLOCK_ONLY=1 ;;
    esac

    # --- stdout and stderr are files; an inherited read-write descriptor
    printf 'orig\n' >"$TR/held" || framework_failure_ "cannot write $TR/held"
    run_ "$@" "$HERMETIC" --trace --fs-readonly -- "$PYTHON3" "$FP" print devnull \
        write-fd,3 3<>"$TR/held"
    expect_rc 0 "exit status ($mode)"
    expect_step print ok
    expect_step devnull ok
    expect_step write-fd,3 ok
    expect_out '^printed to stdout$'
    expect_err '^printed to stderr$'
    [ "$(cat "$TR/held")" = Xrig ] || fail_ "$mode: the inherited descriptor was not written"
    expect_no_err '^\[hermetic\]'
    expect_no_err '^hermetic: blocked'

    # --- open("/dev/stdout", "w") on regular files: the kernel truncates
    # them, and the program's text is all there is
    run_ "$@" "$HERMETIC" --trace --fs-readonly -- "$PYTHON3" -c '
open("/dev/stdout", "w").write("hello stdout\n")
open("/dev/stderr", "w").write("hello stderr\n")'
    expect_rc 0 "exit status ($mode, /dev/stdout on files)"
    printf 'hello stdout\n' | cmp -s - "$T/out" ||
        fail_ "$mode: stdout is not exactly what was written to /dev/stdout"
    grep -aq '^hello stderr$' "$T/err" || fail_ "$mode: /dev/stderr was not written"
    grep -aq 'blocked' "$T/err" && fail_ "$mode: something was blocked"

    # --- pipes: stdin, stdout and stderr
    rm -f "$T/rc"
    printf 'piped data\n' | {
        r=0
        timeout -k 5 "$TIMEOUT" "$@" "$HERMETIC" --trace --fs-readonly -- \
            "$PYTHON3" "$FP" echo dev-stdout dev-stderr print 2>&1 || r=$?
        echo "$r" >"$T/rc"
    } | cat >"$T/out"
    : >"$T/err"
    rc=$(cat "$T/rc" 2>/dev/null)
    expect_rc 0 "exit status ($mode, pipes)"
    expect_step echo "ok 11 bytes"
    expect_out '^piped data$'
    expect_step dev-stdout ok
    expect_step dev-stderr ok
    expect_out '^written to /dev/stdout$'
    expect_out '^written to /dev/stderr$'
    expect_out '^printed to stderr$'
    expect_no_out '^\[hermetic\]'
    expect_no_out '^hermetic: blocked'

    # --- /dev/tty, on a pseudo-terminal (the X the probe writes to it
    # comes just before its line)
    if [ "$have_tty" = yes ]; then
        run_ "$@" script -qec "'$HERMETIC' --trace --fs-readonly -- '$PYTHON3' '$FP' open-w,/dev/tty" /dev/null
        tr -d '\r' <"$T/out" >"$T/out.tty"
        grep -q '^Xopen-w,/dev/tty -> ok$' "$T/out.tty" ||
            fail_ "$mode: writing to /dev/tty did not work"
        grep -q 'blocked' "$T/out.tty" && fail_ "$mode: something was blocked"
    fi

    pass_ "$mode: stdout, stderr, /dev/null, /dev/stdout, /dev/stderr,$([ "$have_tty" = yes ] && echo ' /dev/tty,') pipes and an inherited descriptor work"
done
[ "$have_tty" = yes ] || echo "note: /dev/tty not tried: no script(1) to give the program a terminal"
