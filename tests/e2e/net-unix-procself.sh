#!/bin/sh
# SPDX-License-Identifier: MIT
# A unix socket path through /proc/self is the program's own /proc/self,
# not hermetic's: under --no-network a program in another directory than
# hermetic binds a socket in its cwd and connects to it as
# /proc/self/cwd/NAME (its own socket: allowed). Read in hermetic's view,
# the path would lead to hermetic's cwd, where no socket is, and the
# connect would fail. Without the guard it works too.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/e2e/lib.sh"

mkdir "$T/work" || framework_failure_ "mkdir"
prog='
import os, socket, sys
os.chdir(sys.argv[1])
srv = socket.socket(socket.AF_UNIX)
srv.bind("s.sock")
srv.listen(1)
c = socket.socket(socket.AF_UNIX)
try:
    c.connect("/proc/self/cwd/s.sock")
    print("connected")
except OSError as e:
    print("error", e.errno)
'
run_h --trace --no-network -- "$PYTHON3" -c "$prog" "$T/work"
expect_rc 0
expect_out '^connected$'
expect_no_err '^\[hermetic\] blocked'

mkdir "$T/work2" || framework_failure_ "mkdir"
run_ "$PYTHON3" -c "$prog" "$T/work2"
expect_rc 0
expect_out '^connected$'
pass_ "/proc/self/cwd/NAME is the program's cwd, under the guard and without it"
