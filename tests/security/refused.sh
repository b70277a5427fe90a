#!/bin/sh
# SPDX-License-Identifier: MIT
# The always-refused list: each technique that would let the tree escape or
# blind its supervisor is refused under hermetic (EPERM, a trace line with
# reason=sandbox-escape) and shown to work without hermetic, so that the
# test cannot pass by accident. The two exceptions are said where they
# occur: x32 (this kernel has no x32, so the kernel itself answers ENOSYS
# without hermetic) and techniques that need privileges the current user
# lacks (their "works without hermetic" half is skipped with a note).
. "${top_srcdir:-.}/tests/e2e/lib.sh"
require_python_

P="$SECPY/refused.py"
uid=$(id -u)
failures=0

# check TECHNIQUE ON_WANT TRACE_PATTERN OFF_WANT [OFF_NOTE]
#   ON_WANT: the verdict under hermetic; TRACE_PATTERN: what its trace line
#   must say ("-" when the kernel, not hermetic, refuses it); OFF_WANT: the
#   verdict without hermetic (a shell pattern); OFF_NOTE: why there is no
#   run without hermetic, when there is none.
check() {
    tech=$1 on_want=$2 trace=$3 off_want=$4 off_note=${5:-}
    run_h --trace -- "$PYTHON3" "$P" "$tech"
    got=$(tail -n 1 "$T/out")
    if [ "$got" != "$on_want" ]; then
        echo "FAIL: $tech under hermetic: got '$got', want '$on_want'"; show_
        failures=$((failures + 1)); return
    fi
    if [ "$trace" != - ] && ! err_sans_site_ | grep -Eq "$trace"; then
        echo "FAIL: $tech: no trace line matching /$trace/"; show_
        failures=$((failures + 1)); return
    fi
    if [ -n "$off_note" ]; then
        echo "note: $tech: not run without hermetic: $off_note"
    else
        run_ "$PYTHON3" "$P" "$tech"
        got=$(tail -n 1 "$T/out")
        case $got in
        $off_want) ;;
        *) echo "FAIL: $tech without hermetic: got '$got', want '$off_want'"
           show_; failures=$((failures + 1)); return ;;
        esac
    fi
    echo "ok: $tech: '$on_want' under hermetic, '$off_want' without"
}

root_only() { [ "$uid" = 0 ] || echo "needs root, and this run is uid $uid"; }
# works_here TECHNIQUE WHY: empty when the technique works without hermetic
# on this system; else why not (a system setting refuses it to this user,
# as Ubuntu's AppArmor does with user namespaces); the trace line still
# shows that hermetic itself refused it
works_here() {
    got=$("$PYTHON3" "$P" "$1" 2>/dev/null | tail -n 1)
    case $got in
    ok*) ;;
    *) echo "$2 ($got without hermetic, as uid $uid)" ;;
    esac
}

E='.*reason=sandbox-escape'
check ptrace            "errno 1" "blocked ptrace $E" "ok 0"
check io_uring_setup    "errno 1" "blocked io_uring_setup $E" "ok *" \
    "$(works_here io_uring_setup "io_uring is disabled here (kernel.io_uring_disabled)")"
check process_vm_writev "errno 1" "blocked process_vm_writev $E" "ok 8"
check process_vm_readv  "errno 1" "blocked process_vm_readv $E" "ok 8"
check int80             "errno 1" "blocked syscall abi=i386 nr=20 $E" "ok *"
check bpf               "errno 1" "blocked bpf $E" "ok *" "$(root_only)"
check userfaultfd       "errno 1" "blocked userfaultfd $E" "ok *" "$(root_only)"
check unshare           "errno 1" "blocked unshare $E" "ok 0" \
    "$(works_here unshare "user namespaces are not available here")"
check setns             "errno 1" "blocked setns $E" "ok 0" "$(root_only)"
check pidfd_getfd       "errno 1" "blocked pidfd_getfd $E" "ok *"
check open_by_handle_at "errno 1" "blocked open_by_handle_at $E" "ok *" "$(root_only)"
check seccomp_listener  "errno 1" "blocked seccomp .*NEW_LISTENER $E" "ok *"
check dumpable          "errno 1" "blocked prctl option=PR_SET_DUMPABLE $E" "ok 0"
check personality       "errno 1" "blocked personality $E" "ok *"
check clone_untraced    "errno 1" "blocked clone flags=0x8[0-9a-f]{5} $E" "ok *"
check clone_newuser     "errno 1" "blocked clone flags=0x1[0-9a-f]{7} $E" "ok *" \
    "$(works_here clone_newuser "user namespaces are not available here")"
# x32: this kernel has no x32 ABI, so without hermetic the kernel answers
# ENOSYS (38) and there is no "works" case; what is checked is hermetic's
# verdict: EPERM and a sandbox-escape line naming the x32 ABI
check x32               "errno 1" "blocked syscall abi=x32 nr=0x40000027 $E" "errno 38"

# The supervisor itself: the kernel refuses the tree access to its memory
# (Landlock's ptrace scope, and hermetic is non-dumpable) and, with Landlock
# ABI 6, signals to it; a plain parent process can be read and signalled.
check supervisor_mem    "errno 13" - "ok 16"
abi=$("$PYTHON3" "$P" landlock_abi | sed -n 's/^abi //p')
if [ "${abi:-0}" -ge 6 ]; then
    check supervisor_signal "errno 1" - "ok 0"
else
    echo "note: supervisor_signal: Landlock ABI ${abi:-0} < 6 cannot scope signals; a target of the same user can signal hermetic (which then takes the tree down with it)"
fi

[ "$failures" = 0 ] || fail_ "$failures techniques not refused as they should be"
pass_ "every technique refused"
