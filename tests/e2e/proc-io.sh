#!/bin/sh
# SPDX-License-Identifier: MIT
# stdin, stdout and stderr pass through hermetic untouched: a program that
# copies stdin to stdout returns every byte (all 256 byte values, a few MB
# of random data, an empty input; from a file and from a pipe, to a file
# and to a pipe), and the target's stderr arrives as written.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "$E2E/proc-helpers.inc"
require_python_

"$PYTHON3" -c 'import sys; sys.stdout.buffer.write(bytes(range(256)) * 64 + b"\0\r\n\x1b[0m\xff")' >"$T/bytes" ||
    framework_failure_ "cannot write the byte fixture"
head -c 4000000 /dev/urandom >"$T/big" || framework_failure_ "no /dev/urandom"
: >"$T/empty"

for f in bytes big empty; do
    size=$(wc -c <"$T/$f" | tr -d ' ')
    run_in_ "$T/$f" "$HERMETIC" --no-subprocess --no-network -- "$PYTHON3" "$PY/proc_echo.py"
    expect_rc 0 "exit status ($f)"
    cmp "$T/$f" "$T/out" || fail_ "stdout differs from stdin ($f, $size bytes)"
    expect_err_is "proc_echo: $size bytes"
    pass_ "$f: $size bytes through stdin and stdout, stderr exact"
done

# stdin and stdout as pipes
rm -f "$T/rc"
cat "$T/big" | {
    r=0
    timeout -k 5 "$TIMEOUT" "$HERMETIC" -- "$PYTHON3" "$PY/proc_echo.py" 2>"$T/err" || r=$?
    echo "$r" >"$T/rc"
} | cat >"$T/out"
rc=$(cat "$T/rc" 2>/dev/null)
expect_rc 0 "exit status (pipes)"
cmp "$T/big" "$T/out" || fail_ "stdout differs from stdin through pipes"
expect_err_is "proc_echo: $(wc -c <"$T/big" | tr -d ' ') bytes"
pass_ "through pipes"

# a target writing to both streams in turn
run_h -- "$PYTHON3" -c '
import sys
for i in range(3):
    print("out %d" % i, flush=True)
    print("err %d" % i, file=sys.stderr, flush=True)'
expect_rc 0
expect_out_is "out 0
out 1
out 2"
expect_err_is "err 0
err 1
err 2"
pass_ "stdout and stderr are kept apart"
