#!/bin/sh
# SPDX-License-Identifier: MIT
# The whole process tree is supervised, not only the target:
# - under --no-network (no --no-subprocess) a grandchild's TCP connect is
#   denied with EPERM and the trace line names the grandchild's pid; the
#   same tree reaches a loopback listener without --no-network;
# - under --no-subprocess, a Python target's bash child is refused first;
#   with bash let through by --allow-exec, the program bash starts (the
#   target's grandchild) is refused, and its pid is in the trace line;
#   without the guard the grandchild runs.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "$E2E/proc-helpers.inc"
require_python_
# PATH lookups here are about the policy, not about unreadable directories
# on PATH (proc-exec-path.sh is about those)
PATH=$(searchable_path_); export PATH

depth_pid_() { sed -n "s/^depth $1 pid \([0-9]*\) .*/\1/p" "$T/out"; }

# -- a grandchild's connect to an outside address
run_h --trace --no-network -- "$PYTHON3" "$PY/proc_tree.py" 2 203.0.113.7 80
expect_rc 20 "exit status (the grandchild's, passed up)"
expect_out '^connect EPERM$'
tpid=$(depth_pid_ 2); cpid=$(depth_pid_ 1); gpid=$(depth_pid_ 0)
[ -n "$tpid" ] && [ -n "$cpid" ] && [ -n "$gpid" ] || fail_ "the tree did not report three levels"
[ "$gpid" != "$tpid" ] && [ "$gpid" != "$cpid" ] || fail_ "the grandchild's pid is not its own"
expect_out "^depth 0 pid $gpid ppid $cpid\$"
expect_out "^depth 1 pid $cpid ppid $tpid\$"
expect_err "^\[hermetic\] blocked connect host=203\.0\.113\.7:80 reason=no-network pid=$gpid\$"
[ "$(grep -c '^\[hermetic\] blocked' "$T/err")" = 1 ] || fail_ "expected exactly one trace line"
pass_ "a grandchild's connect is denied, the trace names pid $gpid (target $tpid)"

# -- the same tree, loopback listener: denied with the guard, reached without
start_listener tcp 4
run_h --trace --no-network -- "$PYTHON3" "$PY/proc_tree.py" 2 127.0.0.1 "$LPORT"
expect_rc 20
expect_out '^connect EPERM$'
gpid=$(depth_pid_ 0)
expect_err "^\[hermetic\] blocked connect host=127\.0\.0\.1:$LPORT reason=no-network pid=$gpid\$"
sleep 0.2
[ "$(listener_count)" = 0 ] || fail_ "the listener saw a connection under --no-network"
run_h --trace -- "$PYTHON3" "$PY/proc_tree.py" 2 127.0.0.1 "$LPORT"
expect_rc 0
expect_out '^connect ok$'
i=0
while [ "$(listener_count)" != 1 ]; do
    i=$((i + 1)); [ $i -gt 100 ] && fail_ "the listener did not see the grandchild's connection"
    sleep 0.05
done
stop_listener
pass_ "the grandchild reaches a listener without --no-network, not with it"

# -- a bash child under --no-subprocess: refused first
m="$T/marker-bash"
cmd="echo bash \$\$; touch '$m'; echo touch \$?"
run_h --trace --no-subprocess -- "$PYTHON3" "$PY/proc_run.py" bash -c "$cmd"
expect_rc 10
expect_no_file "$m"
tpid=$(out_pid_)
expect_no_out '^bash '
first=$(err_sans_site_ | grep '^\[hermetic\] blocked' | head -n 1)
echo "$first" | grep -Eq "^\[hermetic\] blocked (fork|vfork|clone|clone3)( [^ ]+)* reason=no-subprocess pid=$tpid\$" ||
    fail_ "the first refusal is not the target's own process start: $first"
! err_sans_site_ | grep '^\[hermetic\] blocked' | grep -qv " pid=$tpid\$" ||
    fail_ "a trace line names another pid: the bash child existed"
pass_ "the bash child is refused first (pid $tpid)"

# -- bash let through: its own child (the grandchild) is refused
bash=$(command -v bash) || skip_ "no bash on this machine"
run_h --trace --no-subprocess --allow-exec "$bash" -- "$PYTHON3" "$PY/proc_run.py" bash -c "$cmd"
expect_rc 0 "exit status (bash exits 0 after the failed touch)"
expect_no_file "$m"
tpid=$(out_pid_)
bpid=$(sed -n 's/^bash \([0-9]*\)$/\1/p' "$T/out")
[ -n "$bpid" ] || fail_ "bash did not run"
expect_out '^touch 126$'
line=$(err_sans_site_ | grep '^\[hermetic\] blocked')
[ "$(echo "$line" | wc -l)" = 1 ] || fail_ "expected one trace line"
gpid=$(echo "$line" | sed -n 's/^\[hermetic\] blocked execve path=[^ ]*\/touch reason=no-subprocess pid=\([0-9]*\)$/\1/p')
[ -n "$gpid" ] || fail_ "the trace line is not a denied execve of touch: $line"
[ "$gpid" != "$tpid" ] && [ "$gpid" != "$bpid" ] ||
    fail_ "the denied exec was not the grandchild's (target $tpid, bash $bpid, line $gpid)"
pass_ "the grandchild bash starts is refused (pid $gpid; bash $bpid; target $tpid)"

# -- control: without the guard the grandchild runs
run_h --trace -- "$PYTHON3" "$PY/proc_run.py" bash -c "$cmd"
expect_rc 0
expect_file "$m" "marker (grandchild without --no-subprocess)"
expect_out '^touch 0$'
expect_no_err '^\[hermetic\] blocked'
pass_ "without --no-subprocess the grandchild runs"
