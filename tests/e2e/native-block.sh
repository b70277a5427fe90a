#!/bin/sh
# SPDX-License-Identifier: MIT
# --block-native on every CPython 3.8-3.13 found (the pyenv versions, the
# real binaries, and $PYTHON3; a version that is missing is said and
# skipped):
# (a) the standard library's extension modules load (hashlib, decimal,
#     sqlite3, json, ssl, _bz2, and the system libraries they link), and
#     "import ctypes" fails with ImportError, the trace line naming the
#     interpreter's _ctypes .so with reason=block-native at the import's
#     line; without the guard ctypes imports;
# (b) a copy of one of the interpreter's own extension modules (_bz2,
#     _json, ...: the first one its start has not imported) in the test's
#     directory, loaded with spec_from_file_location, is denied
#     (ImportError, the trace line names the copy); without the guard it
#     loads;
# (c) the same copy in a venv-like .../lib/python3.N/site-packages put
#     first on sys.path and imported by name is denied; without the guard
#     the copy is what loads;
# (d) a child the program starts (sys.executable -c "import ctypes") is
#     checked as well: its import fails and the trace line carries its own
#     pid; /bin/true started the same way runs (system libraries); without
#     the guard the child's import works;
# (e) Python's mmap module mapping a file executable: a file of the test's
#     directory is EPERM (the trace line names it), one of the
#     interpreter's own lib directories maps, and anonymous executable
#     memory is not looked at; all three map without the guard;
# and, once, a target that is not Python (/bin/sh -c 'exit 0') runs with
# its system libraries under --block-native.
# Everything the runs create is below $T.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/e2e/lib.sh"
. "$E2E/py-lib.inc"

# no bytecode caches written by the interpreters under test
PYTHONDONTWRITEBYTECODE=1
export PYTHONDONTWRITEBYTECODE

# the resolved $T, as the trace lines show paths
RT=$(cd "$T" && pwd -P) || framework_failure_ "cannot resolve $T"

cat >"$T/probe.py" <<'EOF'
import errno
import importlib
import importlib.util
import os
import subprocess
import sys

case = sys.argv[1]
print("pid=%d" % os.getpid())
sys.stdout.flush()
if case == "stdlib":
    import hashlib, decimal, sqlite3, json, ssl, _bz2  # MARK:stdlib
    print(hashlib.sha256(b"x").hexdigest()[:8])
    print(decimal.Decimal("1.10") + 1)
    print(sqlite3.connect(":memory:").execute("select 40 + 2").fetchone()[0])
    print(json.dumps({"a": [1]}))
    print(ssl.create_default_context().protocol > 0)
    print(len(_bz2.BZ2Compressor().compress(b"x" * 100)) >= 0)
    print("stdlib ok")
elif case == "ctypes":
    try:
        import ctypes  # MARK:ctypes
    except ImportError as e:
        print("ImportError: %s" % e)
    else:
        print("ctypes ok %d" % (ctypes.CDLL(None).getpid() == os.getpid()))
elif case == "ext":
    path, name = sys.argv[2], sys.argv[3]
    spec = importlib.util.spec_from_file_location(name, path)
    try:
        mod = importlib.util.module_from_spec(spec)  # MARK:ext
        spec.loader.exec_module(mod)
    except ImportError as e:
        print("ImportError: %s" % e)
    else:
        print("loaded %s" % mod.__file__)
elif case == "site":
    sys.path.insert(0, sys.argv[2])
    try:
        mod = importlib.import_module(sys.argv[3])  # MARK:site
    except ImportError as e:
        print("ImportError: %s" % e)
    else:
        print("loaded %s" % mod.__file__)
elif case == "sub":
    code = ("import os, sys; print('child pid=%d' % os.getpid()); "
            "sys.stdout.flush(); import ctypes; print('child ctypes ok')")
    r = subprocess.run([sys.executable, "-c", code], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE)
    sys.stdout.write(r.stdout.decode())
    lines = r.stderr.decode().strip().splitlines()
    print("child status %d" % r.returncode)
    print("child last stderr: %s" % (lines[-1] if lines else ""))
    r = subprocess.run(["/bin/true"])
    print("true status %d" % r.returncode)
elif case == "mmap":
    import mmap
    prot = mmap.PROT_READ | mmap.PROT_EXEC
    for path in sys.argv[2:]:
        with open(path, "rb") as f:
            try:
                m = mmap.mmap(f.fileno(), 0, flags=mmap.MAP_PRIVATE, prot=prot)  # MARK:mmap
            except OSError as e:
                print("mmap %s %s" % (path, errno.errorcode.get(e.errno, e.errno)))
            else:
                m.close()
                print("mmap %s ok" % path)
    m = mmap.mmap(-1, 4096, flags=mmap.MAP_PRIVATE, prot=prot | mmap.PROT_WRITE)
    m.close()
    print("anonymous ok")
else:
    sys.exit("unknown case " + case)
EOF
printf 'not code, only bytes\n' >"$T/blob"
cd "$T" || framework_failure_ "cd $T"

find_pythons_ 8 13
[ -n "$pys" ] || skip_ "no CPython 3.8-3.13 (none under $PYENV_VERSIONS, $PYTHON3 is not one)"


# probe_ GUARD CASE ARGS...: run probe.py under hermetic --trace, with
# --block-native when GUARD is 1; sets $pid from the program's pid= line.
probe_() {
    if [ "$1" = 1 ]; then g=--block-native; else g=; fi
    shift
    label="$v $1${g:+ $g}"
    ncases=$((ncases + 1))
    # shellcheck disable=SC2086
    run_h --trace $g -- "$py" probe.py "$@"
    pid=$(sed -n 's/^pid=//p' "$T/out" | head -n 1)
}

# only_trace_ LINE: the one trace line on stderr is LINE exactly.
only_trace_() {
    n=$(grep -c '^\[hermetic\] ' "$T/err")
    [ "$n" = 1 ] || { bad_ "$n trace lines, expected 1: $1"; return 1; }
    got=$(grep '^\[hermetic\] ' "$T/err")
    [ "$got" = "$1" ] || { bad_ "trace line is
    '$got', expected
    '$1'"; return 1; }
}

# no_trace_: stderr holds no hermetic line at all.
no_trace_() {
    ! grep -q '^\(\[hermetic\]\|hermetic:\) ' "$T/err" ||
        { bad_ "hermetic said something: $(grep '^\(\[hermetic\]\|hermetic:\) ' "$T/err" | head -n 3)"; return 1; }
}

# summary_ N: the summary counts N native-code actions and nothing else.
summary_() {
    if [ "$1" = 1 ]; then s="1 action"; else s="$1 actions"; fi
    grep -qx "hermetic: blocked $s ($1 native-code)" "$T/err" ||
        { bad_ "no summary 'hermetic: blocked $s ($1 native-code)'"; return 1; }
}

# map_denied_ CASE MARK PATH LOADED WHAT [ARGS...]: with --block-native
# the probe's CASE fails with ImportError "failed to map segment" and the
# one trace line names PATH at the MARK line; without it the probe prints
# LOADED and nothing is traced. WHAT names the load in failure messages.
map_denied_() {
    md_case=$1 md_mark=$2 md_path=$3 md_loaded=$4 md_what=$5
    shift 5
    md_line=$(marker_line_ probe.py "$md_mark") || framework_failure_ "no $md_mark marker"
    probe_ 1 "$md_case" "$@"
    if [ "$rc" != 0 ]; then
        bad_ "exit status $rc, expected 0"
    elif ! grep -q '^ImportError: .*failed to map segment' "$T/out"; then
        bad_ "$md_what did not fail with ImportError 'failed to map segment'"
    elif only_trace_ "[hermetic] blocked mmap path=$md_path reason=block-native at probe.py:$md_line in <module> pid=$pid" &&
        summary_ 1; then
        echo "ok: $label"
    fi
    probe_ 0 "$md_case" "$@"
    if [ "$rc" = 0 ] && grep -qx "$md_loaded" "$T/out" && no_trace_; then
        echo "ok: $label"
    else
        bad_ "exit status $rc, expected 0 and '$md_loaded'"
    fi
}

for p in $pys; do
    v=${p%%:*}; rest=${p#*:}; minor=${rest%%:*}; py=${rest#*:}

    # the interpreter's own files, found without loading them
    ctypes_so=$("$py" -c 'import importlib.util as u, os; print(os.path.realpath(u.find_spec("_ctypes").origin))' 2>/dev/null)
    case $ctypes_so in
    /*.so) ;;
    *) echo "SKIP $v: _ctypes is not an extension module file ($ctypes_so)"; continue ;;
    esac
    # one that is a file and that the interpreter's start (a .pth file of
    # its site-packages, say) has not imported already
    ext=
    for name in _bz2 _json _csv array _statistics; do
        origin=$("$py" -c 'import importlib.util as u, os, sys; s = u.find_spec(sys.argv[1]); print(os.path.realpath(s.origin) if s and s.origin and sys.argv[1] not in sys.modules else "")' "$name" 2>/dev/null)
        case $origin in
        /*.so) ext=$name; break ;;
        esac
    done
    [ -n "$ext" ] || { echo "SKIP $v: none of _bz2 _json _csv array _statistics is an extension module file not yet imported at start"; continue; }
    base=${origin##*/}
    rm -rf "$T/ext" "$T/venv"
    mkdir -p "$T/ext" "$T/venv/lib/python3.$minor/site-packages" ||
        framework_failure_ "cannot make the directories under $T"
    { cp "$origin" "$T/ext/$base" && cp "$origin" "$T/venv/lib/python3.$minor/site-packages/$base"; } ||
        framework_failure_ "cannot copy $origin"
    site="$RT/venv/lib/python3.$minor/site-packages"

    # (a) the standard library loads, ctypes does not
    probe_ 1 stdlib
    if [ "$rc" != 0 ] || ! grep -qx 'stdlib ok' "$T/out" || ! grep -qx 42 "$T/out"; then
        bad_ "exit status $rc, expected 0 and 'stdlib ok'"
    elif no_trace_; then
        echo "ok: $label"
    fi
    map_denied_ ctypes MARK:ctypes "$ctypes_so" 'ctypes ok 1' "import ctypes"

    # (b) a copy of an extension module outside the allowed directories
    map_denied_ ext MARK:ext "$RT/ext/$base" "loaded $T/ext/$base" \
        "loading $T/ext/$base" "$T/ext/$base" "$ext"

    # (c) the copy in a site-packages directory, imported by name
    map_denied_ site MARK:site "$site/$base" "loaded $site/$base" \
        "importing $ext from $site" "$site" "$ext"

    # (d) a child of the program is checked too; /bin/true runs
    probe_ 1 sub
    child=$(sed -n 's/^child pid=//p' "$T/out" | head -n 1)
    if [ "$rc" != 0 ]; then
        bad_ "exit status $rc, expected 0"
    elif [ -z "$child" ] || [ "$child" = "$pid" ]; then
        bad_ "the child printed no pid of its own"
    elif ! grep -qx 'child status 1' "$T/out" ||
        ! grep -q '^child last stderr: ImportError: .*failed to map segment' "$T/out"; then
        bad_ "the child's import ctypes did not fail with ImportError"
    elif grep -q '^child ctypes ok' "$T/out"; then
        bad_ "the child imported ctypes"
    elif ! grep -qx 'true status 0' "$T/out"; then
        bad_ "/bin/true did not run (its system libraries were denied?)"
    elif only_trace_ "[hermetic] blocked mmap path=$ctypes_so reason=block-native at <string>:1 in <module> pid=$child" &&
        summary_ 1; then
        echo "ok: $label"
    fi
    probe_ 0 sub
    if [ "$rc" = 0 ] && grep -qx 'child status 0' "$T/out" &&
        grep -qx 'child ctypes ok' "$T/out" && grep -qx 'true status 0' "$T/out" && no_trace_; then
        echo "ok: $label"
    else
        bad_ "exit status $rc, expected 0, the child's ctypes and /bin/true working"
    fi

    # (e) Python's mmap module: a file of $T denied, the interpreter's
    # own allowed, anonymous memory not looked at
    line=$(marker_line_ probe.py MARK:mmap) || framework_failure_ "no mmap marker"
    probe_ 1 mmap "$RT/blob" "$origin"
    if [ "$rc" != 0 ]; then
        bad_ "exit status $rc, expected 0"
    elif ! grep -qx "mmap $RT/blob EPERM" "$T/out"; then
        bad_ "mapping $RT/blob executable was not EPERM"
    elif ! grep -qx "mmap $origin ok" "$T/out"; then
        bad_ "mapping $origin executable failed"
    elif ! grep -qx 'anonymous ok' "$T/out"; then
        bad_ "anonymous executable memory failed"
    elif only_trace_ "[hermetic] blocked mmap path=$RT/blob reason=block-native at probe.py:$line in <module> pid=$pid" &&
        summary_ 1; then
        echo "ok: $label"
    fi
    probe_ 0 mmap "$RT/blob" "$origin"
    if [ "$rc" = 0 ] && grep -qx "mmap $RT/blob ok" "$T/out" &&
        grep -qx "mmap $origin ok" "$T/out" && grep -qx 'anonymous ok' "$T/out" && no_trace_; then
        echo "ok: $label"
    else
        bad_ "exit status $rc, expected 0 and every mapping ok"
    fi
done

# a target that is not Python: armed at its exec, its system libraries
# (and those of what it starts) pass
label="/bin/sh --block-native"
ncases=$((ncases + 1))
run_h --trace --block-native -- /bin/sh -c 'exit 0'
if [ "$rc" = 0 ] && no_trace_; then echo "ok: $label"; else bad_ "exit status $rc, expected 0"; fi
label="/bin/sh -c /bin/true --block-native"
ncases=$((ncases + 1))
run_h --trace --block-native -- /bin/sh -c '/bin/true && exit 3'
if [ "$rc" = 3 ] && no_trace_; then echo "ok: $label"; else bad_ "exit status $rc, expected 3"; fi

[ "$nbad" = 0 ] || { echo "FAIL: $nbad of $ncases cases"; exit 1; }
pass_ "$ncases --block-native cases on:$(for p in $pys; do printf ' %s' "${p%%:*}"; done)"
