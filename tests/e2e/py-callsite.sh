#!/bin/sh
# SPDX-License-Identifier: MIT
# Python call sites: each trace line says where in the Python program the
# denied call was made, " at FILE:LINE in QUALNAME" right after reason=.
# tests/e2e/py/callsite.py makes one denied call per scenario (the line
# ends with "# MARK:SCENARIO"); for each scenario, on every CPython 3.8 or
# later installed under pyenv (the real binaries, not the shim) and on
# $PYTHON3, this checks the whole trace line: FILE (relative, since the
# run is in the fixture's directory), the marker's LINE, QUALNAME
# (co_qualname on 3.11+, co_name before), pid= and tid=, and that the
# program really got EPERM. Scenarios: module level, a nested function, a
# method, a thread, a thread making the call while the main thread holds
# the GIL, an import, libc's connect through ctypes, a forked child, the
# exec of subprocess.run (denied in the child that C code forked), a file
# and a function with non-ASCII names, and 250 frames deep, where
# --backtrace=python stops at 64 frames and says there were more.
# A version of 3.8-3.14 that is not installed is reported and skipped.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/e2e/lib.sh"
. "$E2E/py-lib.inc"

SCENARIOS="module nested method thread nogil import ctypes fork exec unicode deep"
# the non-ASCII names of the unicode scenario (precomposed ü and é)
UFILE='modülé_函数.py'
UFUNC='fünf_函数'

cp "$PY/callsite.py" "$PY/callsite_mod.py" "$T/" || framework_failure_ "cannot copy the fixture"
cp "$PY/callsite_uni.py" "$T/$UFILE" || framework_failure_ "cannot copy callsite_uni.py to $UFILE"
cd "$T" || framework_failure_ "cd $T"

find_pythons_ 8 14
[ -n "$pys" ] || skip_ "no CPython 3.8 or later (none under $PYENV_VERSIONS, $PYTHON3 is not one)"


# case_ MINOR PYTHON SCENARIO: one run, its trace line checked whole.
case_() {
    minor=$1 py=$2 sc=$3
    opts="--trace --no-network"
    what="connect host=203.0.113.1:9 reason=no-network"
    file=callsite.py
    q_old=
    case $sc in
    module) q='<module>' ;;
    nested) q='outer.<locals>.inner' q_old=inner ;;
    method) q=Client.fetch q_old=fetch ;;
    thread) q=thread_worker ;;
    nogil) q=nogil_worker ;;
    import) q='<module>' file=callsite_mod.py ;;
    ctypes) q=via_ctypes ;;
    fork) q=fork_child ;;
    exec)
        q=spawn
        opts="--trace --no-subprocess --allow-exec /bin/true"
        what="execve path=/bin/false reason=no-subprocess" ;;
    unicode) q=$UFUNC file=$UFILE ;;
    deep) q=dive opts="$opts --backtrace=python" ;;
    *) framework_failure_ "unknown scenario $sc" ;;
    esac
    [ "$minor" -ge 11 ] || [ -z "$q_old" ] || q=$q_old
    line=$(marker_line_ "$file" "MARK:$sc") || framework_failure_ "no marker for $sc"
    ncases=$((ncases + 1))

    # shellcheck disable=SC2086
    run_h $opts -- "$py" callsite.py "$sc"
    [ "$rc" = 0 ] || { bad_ "exit status $rc, expected 0"; return; }
    grep -qx "denied $sc" "$T/out" || { bad_ "the program did not get EPERM (no 'denied $sc')"; return; }
    pid=$(sed -n 's/^pid=//p' "$T/out" | head -n 1)
    [ -n "$pid" ] || { bad_ "the program printed no pid"; return; }
    n=$(grep -c '^\[hermetic\] blocked ' "$T/err")
    [ "$n" = 1 ] || { bad_ "$n trace lines, expected 1"; return; }
    got=$(grep '^\[hermetic\] blocked ' "$T/err")
    ! grep -q 'not supported' "$T/err" || { bad_ "hermetic says the version is not supported"; return; }

    tidpart=
    case $sc in
    thread | nogil)
        tid=$(sed -n 's/^tid=//p' "$T/out")
        [ -n "$tid" ] && [ "$tid" != "$pid" ] || { bad_ "the worker printed no tid of its own"; return; }
        tidpart=" tid=$tid" ;;
    fork)
        child=$(sed -n 's/^child pid=//p' "$T/out")
        [ -n "$child" ] && [ "$child" != "$pid" ] || { bad_ "the child printed no pid of its own"; return; }
        pid=$child ;;
    exec)
        # the child forked by _posixsubprocess: its pid is not printed
        child=$(printf '%s\n' "$got" | sed -n 's/.* pid=\([0-9][0-9]*\)$/\1/p')
        [ -n "$child" ] && [ "$child" != "$pid" ] || { bad_ "the exec is not reported from a child (pid $pid is the parent): $got"; return; }
        pid=$child ;;
    esac
    want="[hermetic] blocked $what at $file:$line in $q pid=$pid$tidpart"
    [ "$got" = "$want" ] || { bad_ "trace line is
    '$got', expected
    '$want'"; return; }

    if [ "$sc" = deep ]; then
        # the python backtrace: the 64 innermost frames (all dive()), then
        # one line saying that there were more
        rec=$(marker_line_ callsite.py RECURSE:deep) || framework_failure_ "no RECURSE marker"
        awk 'f && /^    / { print; next } f { exit } /^\[hermetic\] blocked / { f = 1 }' \
            "$T/err" >"$T/bt"
        n=$(wc -l <"$T/bt")
        [ "$n" = 65 ] || { bad_ "--backtrace=python printed $n lines after the trace line, expected 64 frames and one '... more' line"; return; }
        [ "$(sed -n 1p "$T/bt")" = "    at callsite.py:$line in dive" ] ||
            { bad_ "first frame is '$(sed -n 1p "$T/bt")', expected '    at callsite.py:$line in dive'"; return; }
        [ "$(sed -n '2,64p' "$T/bt" | sort -u)" = "    at callsite.py:$rec in dive" ] ||
            { bad_ "frames 2-64 are not all '    at callsite.py:$rec in dive'"; return; }
        [ "$(sed -n 65p "$T/bt")" = "    ... more frames not shown" ] ||
            { bad_ "the 65th line is '$(sed -n 65p "$T/bt")', expected '    ... more frames not shown'"; return; }
    fi
    echo "ok: $label"
}

for p in $pys; do
    v=${p%%:*}; rest=${p#*:}; minor=${rest%%:*}; py=${rest#*:}
    for sc in $SCENARIOS; do
        label="$v $sc"
        case_ "$minor" "$py" "$sc"
    done
done

[ "$nbad" = 0 ] || { echo "FAIL: $nbad of $ncases cases"; exit 1; }
pass_ "$ncases call sites exact on:$(for p in $pys; do printf ' %s' "${p%%:*}"; done)"
