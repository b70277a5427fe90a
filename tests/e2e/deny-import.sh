#!/bin/sh
# SPDX-License-Identifier: MIT
# --deny-import NAME on every CPython 3.8-3.13 found (the pyenv versions,
# the real binaries, and $PYTHON3; a version that is missing is said and
# skipped), with a module file (mymod.py), a package with submodules
# (pkg/__init__.py, pkg/sub.py, pkg/other.py) and a module that exists
# only as bytecode (bconly.pyc) written below $T:
# (a) --deny-import mymod: "import mymod" raises PermissionError, the one
#     trace line names $T/mymod.py with reason=deny-import at the import's
#     line, and another module of $T and the standard library's csv
#     import afterwards; the program exits 0;
# (b) --deny-import pkg.sub: "import pkg" and "import pkg.other" work,
#     "import pkg.sub" raises PermissionError ($T/pkg/sub.py); and
#     --deny-import pkg denies the package itself ($T/pkg/__init__.py);
# (c) --deny-import bconly: the bytecode-only module raises PermissionError
#     ($T/bconly.pyc);
# (d) --deny-import json: the standard library's json package raises
#     PermissionError (the trace lines name its __pycache__ entry, when
#     that directory exists, then its __init__.py), "import csv" works;
# (e) --deny-import EXT, for the first of _bz2, _lzma, _json that is an
#     extension module file: "import EXT" raises ImportError (the dynamic
#     loader's open fails), the trace line names the .so;
# (f) reading a data file in a directory that cannot be a module name
#     ($T/my-data) works under the guard; one in a directory named as the
#     denied module is denied, as documented (the rule is about paths);
# (g) without the guard, and with --deny-import of a name that nothing
#     imports, everything imports and hermetic says nothing.
#
# What is denied is always a module the interpreter's start has not
# imported: modules imported at start-up (os, sys, codecs, encodings, ...)
# are built-in, frozen (3.11 and later) or already in sys.modules before
# the program runs, so importing them again opens no file and no path rule
# could stop it. The test checks sys.modules at start for the standard
# library modules it uses (a .pth file of a site-packages may import
# _bz2 or json, say) and picks or skips accordingly; it never denies os or
# sys. Everything the runs create is below $T.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/e2e/lib.sh"
. "$E2E/py-lib.inc"

# no bytecode caches written by the interpreters under test: $T has no
# __pycache__, so an import of a module of $T opens only its source
PYTHONDONTWRITEBYTECODE=1
export PYTHONDONTWRITEBYTECODE

# the resolved $T, as the trace lines show paths
RT=$(cd "$T" && pwd -P) || framework_failure_ "cannot resolve $T"

cat >"$T/probe.py" <<'EOF'
import importlib
import os
import sys

case = sys.argv[1]
print("pid=%d" % os.getpid())
sys.stdout.flush()


def denied(e):
    print("%s: %s" % (type(e).__name__, getattr(e, "filename", None) or e))


if case == "mymod":
    try:
        import mymod  # MARK:mymod
    except PermissionError as e:
        denied(e)
    else:
        print("mymod ok %d" % mymod.X)
    import othermod
    import csv
    print("othermod ok %d" % othermod.W)
    print("csv ok %s" % csv.QUOTE_ALL)
elif case == "pkg":
    import pkg
    print("pkg ok %d" % pkg.P)
    import pkg.other
    print("pkg.other ok %d" % pkg.other.Z)
    try:
        import pkg.sub  # MARK:pkg.sub
    except PermissionError as e:
        denied(e)
    else:
        print("pkg.sub ok %d" % pkg.sub.Y)
elif case == "pkg-itself":
    try:
        import pkg  # MARK:pkg
    except PermissionError as e:
        denied(e)
    else:
        print("pkg ok %d" % pkg.P)
elif case == "bconly":
    try:
        import bconly  # MARK:bconly
    except PermissionError as e:
        denied(e)
    else:
        print("bconly ok %d" % bconly.B)
elif case == "json":
    try:
        import json  # MARK:json
    except PermissionError as e:
        denied(e)
    else:
        print("json ok %s" % json.dumps([1]))
    import csv
    print("csv ok %s" % csv.QUOTE_ALL)
elif case == "ext":
    try:
        mod = importlib.import_module(sys.argv[2])  # MARK:ext
    except ImportError as e:
        print("%s: %s" % (type(e).__name__, e))
    else:
        print("ext ok %s" % mod.__name__)
    import csv
    print("csv ok %s" % csv.QUOTE_ALL)
elif case == "data":
    try:
        with open(sys.argv[2]) as f:  # MARK:data
            print("data %s" % f.read().strip())
    except PermissionError as e:
        denied(e)
elif case == "all":
    import mymod, othermod, pkg.sub, pkg.other, bconly, json, csv
    print("all ok %d %d %d %d %d %s" % (mymod.X, othermod.W, pkg.sub.Y,
                                        pkg.other.Z, bconly.B, json.dumps([1])))
    mod = importlib.import_module(sys.argv[2])
    print("ext ok %s" % mod.__name__)
    with open(sys.argv[3]) as f:
        print("data %s" % f.read().strip())
else:
    sys.exit("unknown case " + case)
EOF
printf 'X = 1\n' >"$T/mymod.py"
printf 'W = 4\n' >"$T/othermod.py"
mkdir "$T/pkg" "$T/src" "$T/my-data" "$T/assets" ||
    framework_failure_ "cannot make the directories under $T"
printf 'P = 7\n' >"$T/pkg/__init__.py"
printf 'Y = 2\n' >"$T/pkg/sub.py"
printf 'Z = 3\n' >"$T/pkg/other.py"
printf 'B = 5\n' >"$T/src/bconly.py"
printf 'hello\n' >"$T/my-data/x.txt"
printf 'hello\n' >"$T/assets/x.txt"
cd "$T" || framework_failure_ "cd $T"

find_pythons_ 8 13
[ -n "$pys" ] || skip_ "no CPython 3.8-3.13 (none under $PYENV_VERSIONS, $PYTHON3 is not one)"


# probe_ GUARDS CASE ARGS...: run probe.py under hermetic --trace with the
# options GUARDS (a word list, may be empty); sets $pid from the
# program's pid= line.
probe_() {
    g=$1
    shift
    label="$v $1${g:+ $g}"
    ncases=$((ncases + 1))
    # shellcheck disable=SC2086
    run_h --trace $g -- "$py" probe.py "$@"
    pid=$(sed -n 's/^pid=//p' "$T/out" | head -n 1)
}

# traces_ LINES: the trace lines on stderr are LINES (newline-separated),
# exactly and in order.
traces_() {
    got=$(grep '^\[hermetic\] ' "$T/err")
    [ "$got" = "$1" ] || { bad_ "trace lines are
$got
expected
$1"; return 1; }
}

# no_trace_: stderr holds no hermetic line at all.
no_trace_() {
    ! grep -q '^\(\[hermetic\]\|hermetic:\) ' "$T/err" ||
        { bad_ "hermetic said something: $(grep '^\(\[hermetic\]\|hermetic:\) ' "$T/err" | head -n 3)"; return 1; }
}

# summary_ N: the summary counts N import actions and nothing else.
summary_() {
    if [ "$1" = 1 ]; then s="1 action"; else s="$1 actions"; fi
    grep -qx "hermetic: blocked $s ($1 import)" "$T/err" ||
        { bad_ "no summary 'hermetic: blocked $s ($1 import)'"; return 1; }
}

# blocked_ PATH TAG: the trace line of a denied open of PATH at the line
# of probe.py marked TAG.
blocked_() {
    echo "[hermetic] blocked openat path=$1 reason=deny-import at probe.py:$(marker_line_ probe.py "MARK:$2") in <module> pid=$pid"
}

for p in $pys; do
    v=${p%%:*}; rest=${p#*:}; py=${rest#*:}

    # the bytecode-only module, in this interpreter's format
    rm -f "$T/bconly.pyc"
    "$py" -c 'import py_compile, sys; py_compile.compile(sys.argv[1], cfile=sys.argv[2], doraise=True)' \
        "$T/src/bconly.py" "$T/bconly.pyc" ||
        framework_failure_ "$v cannot compile $T/src/bconly.py"
    # the standard library's json package, not imported at start: its
    # __init__.py and the cache entry the import tries first (when its
    # __pycache__ directory exists)
    json_init=$("$py" -c 'import importlib.util as u, os, sys; s = u.find_spec("json"); print(os.path.realpath(s.origin) if "json" not in sys.modules and s.origin.endswith("/json/__init__.py") else "")' 2>/dev/null)
    json_pyc=$("$py" -c 'import importlib.util as u, os, sys; c = u.cache_from_source(sys.argv[1]); d = os.path.dirname(c); print(os.path.join(os.path.realpath(d), os.path.basename(c)) if os.path.isdir(d) else "")' "$json_init" 2>/dev/null)
    # an extension module file that the interpreter's start (a .pth file
    # of its site-packages, say) has not imported already
    ext=
    for name in _bz2 _lzma _json; do
        origin=$("$py" -c 'import importlib.util as u, os, sys; s = u.find_spec(sys.argv[1]); print(os.path.realpath(s.origin) if s and s.origin and sys.argv[1] not in sys.modules else "")' "$name" 2>/dev/null)
        case $origin in
        /*.so) ext=$name; break ;;
        esac
    done

    # (a) a module file
    probe_ "--deny-import mymod" mymod
    if [ "$rc" != 0 ]; then
        bad_ "exit status $rc, expected 0"
    elif ! grep -qx "PermissionError: $RT/mymod.py" "$T/out"; then
        bad_ "import mymod did not raise PermissionError for $T/mymod.py"
    elif ! grep -qx 'othermod ok 4' "$T/out" || ! grep -qx 'csv ok 1' "$T/out"; then
        bad_ "the other imports after the denied one failed"
    elif traces_ "$(blocked_ "$RT/mymod.py" mymod)" && summary_ 1; then
        echo "ok: $label"
    fi

    # (b) a submodule of a package, and the package itself
    probe_ "--deny-import pkg.sub" pkg
    if [ "$rc" != 0 ]; then
        bad_ "exit status $rc, expected 0"
    elif ! grep -qx 'pkg ok 7' "$T/out" || ! grep -qx 'pkg.other ok 3' "$T/out"; then
        bad_ "import pkg or pkg.other failed"
    elif ! grep -qx "PermissionError: $RT/pkg/sub.py" "$T/out"; then
        bad_ "import pkg.sub did not raise PermissionError for $T/pkg/sub.py"
    elif traces_ "$(blocked_ "$RT/pkg/sub.py" pkg.sub)" && summary_ 1; then
        echo "ok: $label"
    fi
    probe_ "--deny-import pkg" pkg-itself
    if [ "$rc" != 0 ]; then
        bad_ "exit status $rc, expected 0"
    elif ! grep -qx "PermissionError: $RT/pkg/__init__.py" "$T/out"; then
        bad_ "import pkg did not raise PermissionError for $T/pkg/__init__.py"
    elif traces_ "$(blocked_ "$RT/pkg/__init__.py" pkg)" && summary_ 1; then
        echo "ok: $label"
    fi

    # (c) a module that is bytecode only
    probe_ "--deny-import bconly" bconly
    if [ "$rc" != 0 ]; then
        bad_ "exit status $rc, expected 0"
    elif ! grep -qx "PermissionError: $RT/bconly.pyc" "$T/out"; then
        bad_ "import bconly did not raise PermissionError for $T/bconly.pyc"
    elif traces_ "$(blocked_ "$RT/bconly.pyc" bconly)" && summary_ 1; then
        echo "ok: $label"
    fi

    # (d) a package of the standard library
    if [ -z "$json_init" ]; then
        echo "SKIP $v json: imported at start, or not a package directory"
    else
        probe_ "--deny-import json" json
        want=$(blocked_ "$json_init" json)
        n=1
        if [ -n "$json_pyc" ]; then
            want="$(blocked_ "$json_pyc" json)
$want"
            n=2
        fi
        if [ "$rc" != 0 ]; then
            bad_ "exit status $rc, expected 0"
        elif ! grep -q '^PermissionError: .*/json/__init__\.py$' "$T/out"; then
            bad_ "import json did not raise PermissionError for its __init__.py"
        elif ! grep -qx 'csv ok 1' "$T/out"; then
            bad_ "import csv failed"
        elif traces_ "$want" && summary_ $n; then
            echo "ok: $label"
        fi
    fi

    # (e) an extension module
    if [ -z "$ext" ]; then
        echo "SKIP $v extension module: none of _bz2 _lzma _json is an extension module file not yet imported at start"
    else
        probe_ "--deny-import $ext" ext "$ext"
        if [ "$rc" != 0 ]; then
            bad_ "exit status $rc, expected 0"
        elif ! grep -q "^ImportError: .*Operation not permitted" "$T/out"; then
            bad_ "import $ext did not raise ImportError (Operation not permitted)"
        elif ! grep -qx 'csv ok 1' "$T/out"; then
            bad_ "import csv failed"
        elif traces_ "$(blocked_ "$origin" ext)" && summary_ 1; then
            echo "ok: $label"
        fi
    fi

    # (f) data files: in a directory that cannot be a module name, read;
    # in one named as the denied module, denied (path-based, documented)
    probe_ "--deny-import mymod --deny-import my" data "$T/my-data/x.txt"
    if [ "$rc" = 0 ] && grep -qx 'data hello' "$T/out" && no_trace_; then
        echo "ok: $label"
    else
        bad_ "exit status $rc, expected 0 and 'data hello'"
    fi
    probe_ "--deny-import assets" data "$T/assets/x.txt"
    if [ "$rc" != 0 ]; then
        bad_ "exit status $rc, expected 0"
    elif ! grep -qx "PermissionError: $T/assets/x.txt" "$T/out"; then
        bad_ "reading $T/assets/x.txt did not raise PermissionError"
    elif traces_ "$(blocked_ "$RT/assets/x.txt" data)" && summary_ 1; then
        echo "ok: $label"
    fi

    # (g) without the guard, or denying a name nothing imports
    for g in "" "--deny-import nothere --deny-import pkg.nothere --deny-import mymod.sub"; do
        probe_ "$g" all "${ext:-csv}" "$T/assets/x.txt"
        if [ "$rc" = 0 ] && grep -qx 'all ok 1 4 2 3 5 \[1\]' "$T/out" &&
            grep -qx "ext ok ${ext:-csv}" "$T/out" && grep -qx 'data hello' "$T/out" && no_trace_; then
            echo "ok: $label"
        else
            bad_ "exit status $rc, expected 0 and everything imported"
        fi
    done
done

[ "$nbad" = 0 ] || { echo "FAIL: $nbad of $ncases cases"; exit 1; }
pass_ "$ncases --deny-import cases on:$(for p in $pys; do printf ' %s' "${p%%:*}"; done)"
