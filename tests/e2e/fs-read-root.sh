#!/bin/sh
# SPDX-License-Identifier: MIT
# --fs-readonly=ROOT and --allow-read: a script below ROOT reads its own
# files and imports its own package and the standard library, and runs
# its interpreter again; reading or running anything else is denied with
# EPERM and a trace line "reason=read-outside-root" naming the resolved
# path: a file outside, a symbolic link inside ROOT that points out, "..",
# a path relative to a directory descriptor, /proc/self/root and
# /proc/self/cwd. A missing file outside ROOT is ENOENT, as without
# hermetic. Without the root, every one of these reads works (the same
# steps, the guard off). --allow-read grants a file outside; a virtual
# environment outside ROOT is found from the interpreter's path. Each of
# the two walls is also run alone (HERMETIC_TEST_NO_LANDLOCK: the tracer;
# HERMETIC_TEST_LANDLOCK_ONLY: the kernel, which answers EACCES), and the
# basic case on every CPython found. Bad input exits 125 with a message.
#
# Every file read lives below $T; nothing is written outside it.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/e2e/net-lib.inc"
. "$E2E/py-lib.inc"
require_python_

TR=$(cd "$T" && pwd -P) || framework_failure_ "cannot resolve $T"
R="$TR/root"
O="$TR/outside"
mkdir -p "$R/pkg" "$R/sub" "$O" || framework_failure_ "mkdir"
cp "$PY/read_probe.py" "$R/probe.py" || framework_failure_ "cp"
printf 'def f():\n    return 1\n' >"$R/pkg/__init__.py"
printf 'inside\n' >"$R/sub/mine.txt"
printf 'secret\n' >"$O/secret"
printf 'granted\n' >"$O/granted"
printf '#!/bin/sh\nexit 3\n' >"$O/tool.sh" && chmod 755 "$O/tool.sh"
ln -s "$O/secret" "$R/link_out"
ln -s "$O" "$R/dir_out"
# a pid-independent way into the task's root and cwd
PROBE="$R/probe.py"
cd "$R" || framework_failure_ "cd $R"

# denials: trace lines with a reason (not the __pycache__ summary, which
# depends on PYTHONDONTWRITEBYTECODE)
denials_() { grep -c '^\[hermetic\] blocked .* reason=' "$T/err"; }

ESCAPES="read,$O/secret read,$R/link_out read,$R/dir_out/secret \
read,$R/../outside/secret read-at,$R,../outside/secret \
read,/proc/self/root$O/secret read,/proc/self/cwd/../outside/secret \
list,$O exec,$O/tool.sh"
INSIDE="read,$R/sub/mine.txt list,$R/sub import,pkg stdlib child-python"

# --- guard off: every escape works, so the denials below are hermetic's
run_h --fs-readonly -- "$PYTHON3" "$PROBE" $INSIDE $ESCAPES
expect_rc 0
expect_step "read,$O/secret" "ok secret"
expect_step "read,$R/link_out" "ok secret"
expect_step "read,$R/dir_out/secret" "ok secret"
expect_step "read,$R/../outside/secret" "ok secret"
expect_step "read-at,$R,../outside/secret" "ok secret"
expect_step "read,/proc/self/root$O/secret" "ok secret"
expect_step "read,/proc/self/cwd/../outside/secret" "ok secret"
expect_step "list,$O" "ok granted secret tool.sh"
expect_step "exec,$O/tool.sh" "ok status=3"
expect_no_trace

# --- guard on, both walls: inside works, every escape is denied
check_on_() { # $1: the errno the program sees
    expect_rc 0
    expect_step "read,$R/sub/mine.txt" "ok inside"
    expect_step "list,$R/sub" "ok mine.txt"
    expect_step "import,pkg" "ok __init__.py"
    expect_step_re stdlib "ok 2d711642 42 \"1.5\""
    expect_step child-python "ok status=0 child 1"
    for s in $ESCAPES; do
        case $s in
        exec,*) expect_step_re "$s" "$1|ok status=126" ;;
        *) expect_step "$s" "$1" ;;
        esac
    done
    expect_step "read,/nonexistent-$$/x" ENOENT
    expect_step "read,$O/missing" ENOENT
}
run_h --trace --fs-readonly="$R" -- "$PYTHON3" "$PROBE" $INSIDE $ESCAPES \
    "read,/nonexistent-$$/x" "read,$O/missing"
check_on_ EPERM
expect_step "exec,$O/tool.sh" EPERM
p=$(run_pid)
n=$(grep -c "^\[hermetic\] blocked openat path=$(re_ "$O/secret") reason=read-outside-root at probe\.py:[0-9]* in step pid=$p\$" "$T/err")
[ "$n" = 7 ] || fail_ "$n trace lines for $O/secret, expected 7 (one per escape)"
expect_err "^\[hermetic\] blocked openat path=$(re_ "$O") reason=read-outside-root pid=$p\$"
expect_err "^\[hermetic\] blocked execve path=$(re_ "$O/tool.sh") reason=read-outside-root pid=[0-9]+\$"
expect_no_err "missing|nonexistent"
[ "$(denials_)" = 9 ] || fail_ "$(denials_) denials, expected 9"

# --- the same, the separate-token form of the seed, ptrace alone
run_ env HERMETIC_TEST_NO_LANDLOCK=1 "$HERMETIC" --fs-readonly "$R" -- \
    "$PYTHON3" "$PROBE" $INSIDE $ESCAPES "read,/nonexistent-$$/x" "read,$O/missing"
check_on_ EPERM
expect_err '^hermetic: blocked 9 actions \(9 filesystem\); rerun with --trace'

# --- --allow-read: a file outside ROOT
run_h --fs-readonly="$R" --allow-read "$O/granted" -- "$PYTHON3" "$PROBE" \
    "read,$O/granted" "read,$O/secret"
expect_rc 0
expect_step "read,$O/granted" "ok granted"
expect_step "read,$O/secret" EPERM

# --- Landlock alone (where the kernel has ABI 3 or more)
abi=$("$PYTHON3" -c '
import ctypes
libc = ctypes.CDLL(None, use_errno=True)
r = libc.syscall(ctypes.c_long(444), None, ctypes.c_size_t(0), ctypes.c_uint(1))
print(max(r, 0))' 2>/dev/null) || abi=0
if [ "$(uname -m)" = x86_64 ] && [ "$abi" -ge 3 ]; then
    run_ env HERMETIC_TEST_LANDLOCK_ONLY=1 "$HERMETIC" --trace --fs-readonly="$R" -- \
        "$PYTHON3" "$PROBE" $INSIDE $ESCAPES
    expect_rc 0
    # the kernel refuses what the tracer would: with EACCES, and no
    # line, as the tracer did not look; /proc is open to Landlock (a
    # rule cannot name the /proc/PID of a later process), so the
    # /proc/self escapes lead to the same file and are refused there
    expect_step "read,$R/sub/mine.txt" "ok inside"
    expect_step "import,pkg" "ok __init__.py"
    expect_step_re stdlib "ok 2d711642 42 \"1.5\""
    expect_step child-python "ok status=0 child 1"
    for s in $ESCAPES; do expect_step "$s" EACCES; done
    expect_no_err '^\[hermetic\] blocked'
    run_h --show-policy --fs-readonly="$R" -- "$PYTHON3" -c pass
    expect_rc 0
    expect_err '^  Landlock: on \(Landlock\): changes, reading and running$'
else
    echo "SKIP part: Landlock ABI $abi here (needs 3 or more on x86_64): the kernel wall alone is not run"
fi
run_ env HERMETIC_TEST_NO_LANDLOCK=1 "$HERMETIC" --show-policy --fs-readonly="$R" -- "$PYTHON3" -c pass
expect_rc 0
expect_err "^    reading and running: only below $(re_ "$R"), "
expect_err '^  Landlock: off \(HERMETIC_TEST_NO_LANDLOCK\)$'

# --- a virtual environment outside ROOT: its site-packages is readable
if "$PYTHON3" -m venv --without-pip "$TR/venv" >/dev/null 2>&1; then
    sp=$(ls -d "$TR"/venv/lib/python3*/site-packages) || framework_failure_ "venv layout"
    printf 'X = 5\n' >"$sp/venvmod.py"
    run_h --fs-readonly="$R" -- "$TR/venv/bin/python" "$PROBE" import,venvmod "read,$O/secret"
    expect_rc 0
    expect_step import,venvmod "ok venvmod.py"
    expect_step "read,$O/secret" EPERM
else
    echo "SKIP part: $PYTHON3 -m venv does not work here (python3-venv missing?)"
fi

# --- bad input
run_h --fs-readonly="$TR/no-such-dir" -- "$PYTHON3" -c pass
expect_rc 125
expect_err "^hermetic: --fs-readonly=ROOT $(re_ "$TR/no-such-dir"): No such file or directory\$"
run_h --fs-readonly="$O/secret" -- "$PYTHON3" -c pass
expect_rc 125
expect_err "^hermetic: --fs-readonly=ROOT $(re_ "$O/secret"): not a directory"
run_h --fs-readonly --allow-read "$O" -- "$PYTHON3" -c pass
expect_rc 125
expect_err '^hermetic: --allow-read needs --fs-readonly=ROOT'
run_h --fs-readonly="$R" --allow-read "$O/none" -- "$PYTHON3" -c pass
expect_rc 125
expect_err "^hermetic: --allow-read $(re_ "$O/none"): No such file or directory\$"

# --- every CPython found: stdlib, own package, escape denied
find_pythons_ 8 13
for e in $pys; do
    label=${e%%:*}
    py=${e##*:}
    ncases=$((ncases + 1))
    run_h --trace --fs-readonly="$R" -- "$py" "$PROBE" stdlib import,pkg "read,$R/link_out" child-python
    [ "$rc" = 0 ] || { bad_ "exit status $rc"; continue; }
    grep -Eqx 'stdlib -> ok 2d711642 42 "1.5"' "$T/out" || { bad_ "stdlib"; continue; }
    grep -Fqx 'import,pkg -> ok __init__.py' "$T/out" || { bad_ "own package"; continue; }
    grep -Fqx "read,$R/link_out -> EPERM" "$T/out" || { bad_ "symlink escape"; continue; }
    grep -Fqx 'child-python -> ok status=0 child 1' "$T/out" || { bad_ "child"; continue; }
    [ "$(denials_)" = 1 ] || { bad_ "$(denials_) denials, expected 1"; continue; }
done
[ "$nbad" = 0 ] || fail_ "$nbad of $ncases interpreters failed"
pass_ "read root: $ncases interpreters"
