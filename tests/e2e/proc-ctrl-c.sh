#!/bin/sh
# SPDX-License-Identifier: MIT
# Ctrl-C at a terminal reaches the target, once: the terminal sends SIGINT
# to the whole foreground process group (hermetic and the target), and
# hermetic does not send a second one. The target counts the SIGINTs it
# gets and exits 3; hermetic exits 3. The same run without hermetic gives
# the same output.
. "${top_srcdir:-.}/tests/e2e/lib.sh"
require_python_

prog='import signal, sys, time
count = 0
def on_int(sig, frame):
    global count
    count += 1
signal.signal(signal.SIGINT, on_int)
print("ready", flush=True)
end = time.monotonic() + 20
while count == 0 and time.monotonic() < end:
    time.sleep(0.05)
time.sleep(0.5)         # a second SIGINT would arrive in this time
print("sigints", count, flush=True)
sys.exit(3)'

run_ "$PYTHON3" "$PY/proc_tty.py" ready "$PYTHON3" -c "$prog"
expect_out "sigints 1$"
expect_out "^status 3$"
cp "$T/out" "$T/direct"

run_ "$PYTHON3" "$PY/proc_tty.py" ready "$HERMETIC" -- "$PYTHON3" -c "$prog"
expect_rc 0
expect_out "sigints 1$"
expect_out "^status 3$"
pass_ "Ctrl-C reaches the target once and its exit status comes through"
