#!/bin/sh
# SPDX-License-Identifier: MIT
# --backtrace adds the stack of the denied call under its trace line
# (callsite.py, scenario method: Client.fetch called from scenario_method
# called from the module level):
# - python: one "    at FILE:LINE in QUALNAME" line per Python frame,
#   innermost first, the first the same as the line's " at" part, the
#   <module> frame last: here exactly those three frames;
# - native: "    #N 0xADDR SYMBOL+0xOFF (OBJECT)" lines, #0 in libc's
#   connect;
# - full: both, the Python frames first;
# - a bad value is exit 125 with a message naming the option, and the
#   target does not run.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/e2e/lib.sh"
. "$E2E/py-lib.inc"

require_python_
minor=$("$PYTHON3" -c 'import sys; print(sys.version_info[1] if sys.version_info[0] == 3 else 0)')
[ "$minor" -ge 8 ] || skip_ "$PYTHON3 is older than 3.8: no call sites"

cp "$PY/callsite.py" "$T/" || framework_failure_ "cannot copy the fixture"
cd "$T" || framework_failure_ "cd $T"

l_fetch=$(marker_line_ callsite.py MARK:method) || framework_failure_ "no one MARK:method line"
l_call=$(marker_line_ callsite.py CALL:method) || framework_failure_ "no one CALL:method line"
l_disp=$(marker_line_ callsite.py DISPATCH) || framework_failure_ "no one DISPATCH line"
if [ "$minor" -ge 11 ]; then q=Client.fetch; else q=fetch; fi

# The Python frames as --backtrace=python prints them.
cat >"$T/pyframes" <<EOF
    at callsite.py:$l_fetch in $q
    at callsite.py:$l_call in scenario_method
    at callsite.py:$l_disp in <module>
EOF
# native frame lines; #0 is where the system call was made, libc's connect
NATIVE='^    #[0-9]+ 0x[0-9a-fA-F]+ '
NATIVE0='^    #0 0x[0-9a-fA-F]+ [^ ]*connect[^ ]*\+0x[0-9a-fA-F]+ \([^)]*/libc[.-][^)]*\)$'

# run_bt_ MODE: the method scenario with --backtrace=MODE; its one trace
# line is checked whole and the lines under it are left in $T/bt.
run_bt_() {
    run_h --trace --no-network --backtrace="$1" -- "$PYTHON3" callsite.py method
    expect_rc 0 "exit status (--backtrace=$1)"
    expect_out '^denied method$'
    pid=$(sed -n 's/^pid=//p' "$T/out")
    n=$(grep -c '^\[hermetic\] blocked ' "$T/err")
    [ "$n" = 1 ] || fail_ "--backtrace=$1: $n trace lines, expected 1"
    want="[hermetic] blocked connect host=203.0.113.1:9 reason=no-network at callsite.py:$l_fetch in $q pid=$pid"
    got=$(grep '^\[hermetic\] blocked ' "$T/err")
    [ "$got" = "$want" ] || fail_ "--backtrace=$1: the trace line is '$got', expected '$want'"
    awk 'f && /^    / { print; next } f { exit } /^\[hermetic\] blocked / { f = 1 }' \
        "$T/err" >"$T/bt"
}

# python
run_bt_ python
cmp -s "$T/bt" "$T/pyframes" || {
    echo "--- expected under the trace line:"; cat "$T/pyframes"
    fail_ "--backtrace=python: the frames are not what was expected"
}
# the first frame is the trace line's " at" part
at=$(printf '%s\n' "$got" | sed -n 's/.* reason=[^ ]* \(at .*\) pid=[0-9].*/\1/p')
[ "$(sed -n 1p "$T/bt")" = "    $at" ] || fail_ "the first frame is not '    $at'"
pass_ "--backtrace=python: Client.fetch, scenario_method, <module>"

# native
run_bt_ native
[ -s "$T/bt" ] || fail_ "--backtrace=native printed no frames"
! grep -q '^    at ' "$T/bt" || fail_ "--backtrace=native printed Python frames"
grep -Evq "$NATIVE" "$T/bt" && fail_ "--backtrace=native: a line under the trace line is not a native frame"
grep -Eq "$NATIVE0" "$T/bt" || fail_ "--backtrace=native: no '#0 0x... *connect*+0x... (.../libc...)' frame"
sed -n 1p "$T/bt" | grep -Eq "$NATIVE0" || fail_ "--backtrace=native: the first frame is not #0 in libc's connect"
pass_ "--backtrace=native: #0 is libc's connect"

# full: the Python frames, then the native ones
run_bt_ full
head -n 3 "$T/bt" >"$T/bt.py"
cmp -s "$T/bt.py" "$T/pyframes" || {
    echo "--- expected first under the trace line:"; cat "$T/pyframes"
    fail_ "--backtrace=full: the Python frames do not come first"
}
tail -n +4 "$T/bt" >"$T/bt.native"
[ -s "$T/bt.native" ] || fail_ "--backtrace=full printed no native frames"
grep -Evq "$NATIVE" "$T/bt.native" && fail_ "--backtrace=full: a line after the Python frames is not a native frame"
sed -n 1p "$T/bt.native" | grep -Eq "$NATIVE0" || fail_ "--backtrace=full: the first native frame is not #0 in libc's connect"
pass_ "--backtrace=full: the Python frames, then the native ones"

# a bad value
run_h --trace --no-network --backtrace=bogus -- "$PYTHON3" callsite.py method
expect_rc 125 "exit status (--backtrace=bogus)"
expect_err '--backtrace'
[ ! -s "$T/out" ] || fail_ "the target ran with --backtrace=bogus"
pass_ "--backtrace=bogus: exit 125 naming the option"
