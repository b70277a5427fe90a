#!/bin/sh
# SPDX-License-Identifier: MIT
# exec from a thread that is not the leader: the kernel gives the execing
# thread the leader's pid and the old leader vanishes without an exit of
# its own. The new program must run under the same supervision (its
# connect is denied with --no-network and reported with the leader's pid),
# and its exit status must come through; without the guard its connect is
# attempted by the kernel (EINPROGRESS).
. "${top_srcdir:-.}/tests/e2e/lib.sh"
require_python_

prog='import os, sys, threading, time
child = ("import errno, os, socket, sys\n"
         "s = socket.socket(); s.setblocking(False)\n"
         "e = s.connect_ex((\"203.0.113.3\", 80))\n"
         "print(\"pid\", os.getpid(), \"connect\", errno.errorcode.get(e, e))\n"
         "sys.exit(7)\n")
print("leader", os.getpid(), flush=True)
threading.Thread(target=os.execv,
                 args=(sys.executable, [sys.executable, "-c", child])).start()
time.sleep(30)
sys.exit(1)'

run_h --trace --no-network -- "$PYTHON3" -c "$prog"
expect_rc 7
leader=$(sed -n 's/^leader //p' "$T/out")
[ -n "$leader" ] || fail_ "no leader pid"
expect_out "^pid $leader connect EPERM$"
expect_err "^\[hermetic\] blocked connect host=203\.0\.113\.3:80 reason=no-network pid=$leader\$"

run_h -- "$PYTHON3" -c "$prog"
expect_rc 7
expect_out "connect EINPROGRESS$"
pass_ "a program exec'd from a thread keeps the leader's pid, its supervision and its exit status"
