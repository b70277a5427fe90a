#!/bin/sh
# SPDX-License-Identifier: MIT
# A program that corrupts the interpreter structures hermetic reads for the
# call site cannot crash hermetic, hang it, or make it print a frame that
# is not there. tests/e2e/py/garbage.py overwrites the word the frame walk
# starts from (tstate->frame on 3.8-3.10, tstate->cframe->current_frame on
# 3.11/3.12, tstate->current_frame on 3.13) with a bad value, makes a
# denied connect() (libc's, through ctypes) while it is bad, and puts it
# back. Modes (see garbage.py): control (the real frame, unchanged), null,
# self (a fake frame that is its own caller), cycle (two fake frames, each
# the other's caller), unmapped, partial (a frame cut short by an unmapped
# page), misaligned (the real frame + 3), fakecode (a fake frame, its
# caller the real one, whose code is a copy of a real code object naming
# "evil.py" but whose type is not PyCode_Type).
#
# For each mode, on every CPython 3.8-3.13 installed under pyenv and on
# $PYTHON3, once with --trace and once with --trace --backtrace=full
# (libunwind on the corrupted process), each run bounded by lib.sh's
# timeout:
# - hermetic exits with the program's status, 0, and the program got
#   EPERM ("denied MODE");
# - stderr has exactly one trace line, for the connect, with the right
#   pid, and nothing else but the summary (and, with --backtrace, the
#   frame lines under the trace line): no warning, no error;
# - the " at" part names only a frame that is there: for control exactly
#   corrupt_and_connect() at the connect line; for fakecode either none
#   or that same real frame (never evil.py); for the other modes none,
#   since no real frame can be reached from the bad word;
# - with --backtrace=full, the Python frames under the line are the real
#   ones (or none, as above) and native frame #0 is libc's connect.
# A version that is not installed, or a mode the fixture cannot do safely
# on a version, is reported and skipped.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/e2e/lib.sh"
. "$E2E/py-lib.inc"

MODES="control null self cycle unmapped partial misaligned fakecode"

cp "$PY/garbage.py" "$T/" || framework_failure_ "cannot copy the fixture"
cd "$T" || framework_failure_ "cd $T"

l_connect=$(marker_line_ garbage.py MARK:connect) || framework_failure_ "no one MARK:connect line"
l_call=$(marker_line_ garbage.py MARK:call) || framework_failure_ "no one MARK:call line"
REAL_AT="at garbage.py:$l_connect in corrupt_and_connect"
WHAT="[hermetic] blocked connect host=203.0.113.1:9 reason=no-network"
NATIVE='^    #[0-9]+ 0x[0-9a-fA-F]+ '
NATIVE0='^    #0 0x[0-9a-fA-F]+ [^ ]*connect[^ ]*\+0x[0-9a-fA-F]+ \([^)]*/libc[.-][^)]*\)$'

find_pythons_ 8 13 # the fixture knows the layouts of 3.8-3.13
[ -n "$pys" ] || skip_ "no CPython 3.8-3.13 (none under $PYENV_VERSIONS, $PYTHON3 is not one)"

nskip=0

# case_ PYTHON MODE BACKTRACE: one run (BACKTRACE empty or full), checked.
case_() {
    py=$1 mode=$2 bt=$3
    opts="--trace --no-network"
    [ -z "$bt" ] || opts="$opts --backtrace=$bt"
    # shellcheck disable=SC2086
    run_h $opts -- "$py" garbage.py "$mode"
    if grep -q "^skip $mode: " "$T/out" && [ "$rc" = 0 ]; then
        echo "SKIP $label: $(sed -n "s/^skip $mode: //p" "$T/out")"
        nskip=$((nskip + 1))
        return
    fi
    ncases=$((ncases + 1))
    [ "$rc" = 0 ] || { bad_ "exit status $rc, expected 0 (the program's)"; return; }
    grep -qx "denied $mode" "$T/out" || { bad_ "the program did not get EPERM (no 'denied $mode')"; return; }
    grep -qx "alive $mode" "$T/out" || { bad_ "the program did not go on after the connect (no 'alive $mode')"; return; }
    pid=$(sed -n 's/^pid=//p' "$T/out" | head -n 1)
    [ -n "$pid" ] || { bad_ "the program printed no pid"; return; }

    # stderr: the trace line, the frame lines under it, the summary
    n=$(grep -c '^\[hermetic\] blocked ' "$T/err")
    [ "$n" = 1 ] || { bad_ "$n trace lines, expected 1"; return; }
    got=$(grep '^\[hermetic\] blocked ' "$T/err")
    other=$(grep -Ev '^(\[hermetic\] blocked |    |hermetic: blocked 1 action \(1 network\)$)' "$T/err")
    [ -z "$other" ] || { bad_ "stderr has other lines than the trace line and the summary:
$other"; return; }
    n=$(grep -c '^hermetic: blocked ' "$T/err")
    [ "$n" = 1 ] || { bad_ "$n summary lines, expected 1"; return; }
    if [ -z "$bt" ] && grep -q '^    ' "$T/err"; then
        bad_ "frame lines without --backtrace"; return
    fi

    # the trace line: " at" the real frame, or no " at" part
    case $got in
    *" at evil.py"* | *evil_func*) bad_ "hermetic took the fake code object for a real one: $got"; return ;;
    esac
    at_real="$WHAT $REAL_AT pid=$pid"
    no_at="$WHAT pid=$pid"
    case $mode in
    control) allowed="$at_real" ;;
    fakecode) allowed="$at_real|$no_at" ;;
    *) allowed="$no_at" ;;
    esac
    ok=
    old_ifs=$IFS; IFS='|'
    for a in $allowed; do [ "$got" = "$a" ] && ok=1; done
    IFS=$old_ifs
    [ -n "$ok" ] || { bad_ "trace line is
    '$got', expected one of
    '$(printf '%s' "$allowed" | sed "s/|/', '/g")'"; return; }

    if [ -n "$bt" ]; then
        awk 'f && /^    / { print; next } f { exit } /^\[hermetic\] blocked / { f = 1 }' \
            "$T/err" >"$T/bt"
        grep '^    at ' "$T/bt" >"$T/bt.py"
        if [ "$got" = "$at_real" ]; then
            printf '    %s\n    at garbage.py:%s in <module>\n' "$REAL_AT" "$l_call" >"$T/bt.want"
        else
            : >"$T/bt.want"
        fi
        cmp -s "$T/bt.py" "$T/bt.want" || {
            echo "--- Python frames expected under the trace line:"; cat "$T/bt.want"
            bad_ "--backtrace=$bt: the Python frames are not the real ones"; return; }
        # after the Python frames, only native ones, #0 in libc's connect
        n=$(wc -l <"$T/bt.py")
        tail -n "+$((n + 1))" "$T/bt" >"$T/bt.native"
        [ -s "$T/bt.native" ] || { bad_ "--backtrace=$bt printed no native frames"; return; }
        ! grep -Ev "$NATIVE" "$T/bt.native" | grep -vqx '    ... more frames not shown' ||
            { bad_ "--backtrace=$bt: a line under the Python frames is not a native frame"; return; }
        sed -n 1p "$T/bt.native" | grep -Eq "$NATIVE0" ||
            { bad_ "--backtrace=$bt: the first native frame is not #0 in libc's connect"; return; }
    fi
    echo "ok: $label:${got#"$WHAT"}"
}

for p in $pys; do
    v=${p%%:*}; py=${p#*:*:}
    for mode in $MODES; do
        for bt in "" full; do
            label="$v $mode${bt:+ --backtrace=$bt}"
            case_ "$py" "$mode" "$bt"
        done
    done
done

[ "$nbad" = 0 ] || { echo "FAIL: $nbad of $ncases runs"; exit 1; }
[ "$ncases" -gt 0 ] || skip_ "the fixture skipped every mode on every interpreter"
pass_ "$ncases runs ($nskip skipped), hermetic neither crashed, nor hung, nor named a frame that is not there, on:$(for p in $pys; do printf ' %s' "${p%%:*}"; done)"
