#!/bin/sh
# SPDX-License-Identifier: MIT
# --no-subprocess denies processes, not threads: eight threads do real
# work and agree with a single-threaded computation, nothing is blocked.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "$E2E/proc-helpers.inc"
require_python_

run_h --trace --no-subprocess -- "$PYTHON3" "$PY/proc_threads.py"
expect_rc 0
expect_out '^threads ok$'
[ "$(grep -c '^thread [0-7]: ok$' "$T/out")" = 8 ] || fail_ "not eight threads reported ok"
expect_err_empty
pass_ "eight threads work under --no-subprocess, nothing blocked"

# a thread pool from the standard library
run_h --trace --no-subprocess -- "$PYTHON3" -c '
import concurrent.futures as cf
with cf.ThreadPoolExecutor(8) as ex:
    print(sum(ex.map(lambda i: i * i, range(1000))))'
expect_rc 0
expect_out_is 332833500
expect_err_empty
pass_ "ThreadPoolExecutor works under --no-subprocess"
