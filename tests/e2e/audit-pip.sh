#!/bin/sh
# SPDX-License-Identifier: MIT
# --audit on a "third-party tool": pip installing a local package built
# into an sdist whose setup.py (tests/e2e/fixtures/audit_pkg) connects out
# to 203.0.113.1:9 (TEST-NET-3: a connect attempt, nothing sent), runs
# /bin/true and writes a file outside its build directory, each on a line
# marked "# MARK:connect", "# MARK:run", "# MARK:write".
#   hermetic --audit --report r.json --log l.jsonl --log-format=json --
#       VENV/bin/python -m pip install --no-index --no-build-isolation SDIST
# completes with pip's status 0, and the report (mode "audit", nothing
# denied) has the three actions, each first made at its setup.py line in
# the copy pip unpacked, alongside pip's own (the module written into
# site-packages, the build interpreter run, at pip's frames); the log has
# an audited event per action whose site is that line. Audit mode does
# not change the target's behaviour: the same install without hermetic in
# a second fresh venv has the same status and output, installs the
# package, and setup.py's outside file is written by as many runs in both.
#
# pip and venv come from apt (python3-pip, python3-venv, setuptools from
# python3-setuptools, seen through --system-site-packages); no network is
# needed. Every run gets a clean environment with TMPDIR, HOME and the
# bytecode cache in $T, so nothing is written outside $T (checked).
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/e2e/lib.sh"
. "$E2E/py-lib.inc"
require_python_

FX="$E2E/fixtures/audit_pkg"
TR=$(cd "$T" && pwd -P) || framework_failure_ "cannot resolve $T"
mkdir -p "$TR/src" "$TR/outside" "$TR/tmp" "$TR/home" || framework_failure_ "mkdir"
cp "$FX/setup.py" "$FX/auditpkg.py" "$TR/src/" || framework_failure_ "cannot copy the fixture"
connect_line=$(marker_line_ "$FX/setup.py" MARK:connect) || framework_failure_ "no one MARK:connect line"
run_line=$(marker_line_ "$FX/setup.py" MARK:run) || framework_failure_ "no one MARK:run line"
write_line=$(marker_line_ "$FX/setup.py" MARK:write) || framework_failure_ "no one MARK:write line"

# runc_ CMD...: run_ CMD in a clean environment pointing into $TR, pip
# kept off the network and from any configuration; PYTHONDONTWRITEBYTECODE
# is passed on when set (bytecode goes to $TR/pycache either way)
runc_() {
    run_ env -i PATH=/usr/bin:/bin HOME="$TR/home" TMPDIR="$TR/tmp" LC_ALL=C.UTF-8 \
        PYTHONPYCACHEPREFIX="$TR/pycache" \
        ${PYTHONDONTWRITEBYTECODE:+PYTHONDONTWRITEBYTECODE=$PYTHONDONTWRITEBYTECODE} \
        PIP_NO_INDEX=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_CONFIG_FILE=/dev/null \
        PIP_NO_CACHE_DIR=1 PIP_NO_INPUT=1 "$@"
}

# pip's stdout without what differs from run to run: its temporary
# directories' random names and the wheel's hash
norm_() { sed 's/sha256=[0-9a-f]*//; s/pip-[a-z-]*-[a-z0-9_]*/pip-X/g' "$T/out"; }

# two fresh venvs with apt's pip (ensurepip) and setuptools visible
for v in venv venv2; do
    runc_ "$PYTHON3" -m venv --system-site-packages "$TR/$v"
    [ "$rc" = 0 ] || skip_ "$PYTHON3 -m venv does not work here (python3-venv): $(tail -n 1 "$T/err")"
    runc_ "$TR/$v/bin/python" -m pip --version
    [ "$rc" = 0 ] || skip_ "no pip in a venv of $PYTHON3 (python3-pip): $(tail -n 1 "$T/err")"
done
runc_ "$TR/venv/bin/python" -c 'import setuptools, wheel'
[ "$rc" = 0 ] || skip_ "setuptools or wheel missing for $PYTHON3 (python3-setuptools, python3-wheel)"

# the sdist, built outside hermetic and without AUDIT_PKG_OUT: setup.py
# makes none of its three actions then
cd "$TR/src" || framework_failure_ "cd $TR/src"
runc_ "$TR/venv/bin/python" setup.py -q sdist -d "$TR/dist"
expect_rc 0 "setup.py sdist"
SDIST="$TR/dist/auditpkg-0.1.tar.gz"
[ -f "$SDIST" ] || fail_ "no $SDIST"
[ -z "$(ls "$TR/outside")" ] || fail_ "setup.py sdist wrote outside: $(ls "$TR/outside")"

purelib_='import sysconfig; print(sysconfig.get_paths()["purelib"])'
sp=$("$TR/venv/bin/python" -c "$purelib_") && sp2=$("$TR/venv2/bin/python" -c "$purelib_") ||
    framework_failure_ "no site-packages"
[ "${sp#"$TR"/venv/}" != "$sp" ] || framework_failure_ "site-packages $sp is not in the venv"

# --- under hermetic --audit (from $TR: pip's frames are named relative)
cd "$TR" || framework_failure_ "cd $TR"
runc_ AUDIT_PKG_OUT="$TR/outside/audited" "$HERMETIC" --audit \
    --report "$TR/r.json" --log "$TR/l.jsonl" --log-format=json -- \
    "$TR/venv/bin/python" -m pip install --no-index --no-build-isolation "$SDIST"
expect_rc 0 "hermetic's exit status (pip's)"
expect_out '^Successfully installed auditpkg-0\.1$'
expect_err '^hermetic: audit: [0-9]+ actions would have been blocked'
expect_no_err '^\[hermetic\] blocked'
norm_ >"$T/out.audit"
[ -s "$TR/outside/audited" ] || fail_ "setup.py did not write $TR/outside/audited under --audit"
runc_ "$TR/venv/bin/python" -c 'import auditpkg; print(auditpkg.VALUE, auditpkg.__file__)'
expect_rc 0 "importing auditpkg installed under --audit"
expect_out "^42 $sp/auditpkg\\.py\$"

runc_ "$PYTHON3" "$FX/check_report.py" "$TR/r.json" "$TR/l.jsonl" "$TR" "$sp" \
    "$TR/outside/audited" "$connect_line" "$run_line" "$write_line"
[ "$rc" = 0 ] || fail_ "the report or the log: $(grep '^FAIL' "$T/out")"
sed 's/^/  /' "$T/out"

# --- the same install without hermetic, in the second venv
runc_ AUDIT_PKG_OUT="$TR/outside/plain" \
    "$TR/venv2/bin/python" -m pip install --no-index --no-build-isolation "$SDIST"
expect_rc 0 "pip's exit status without hermetic"
norm_ >"$T/out.plain"
cmp -s "$T/out.audit" "$T/out.plain" || {
    diff "$T/out.audit" "$T/out.plain"; fail_ "pip's output differs under --audit"
}
runc_ "$TR/venv2/bin/python" -c 'import auditpkg; print(auditpkg.VALUE, auditpkg.__file__)'
expect_rc 0 "importing auditpkg installed without hermetic"
expect_out "^42 $sp2/auditpkg\\.py\$"
[ -s "$TR/outside/plain" ] || fail_ "setup.py did not write $TR/outside/plain without hermetic"
cmp -s "$TR/outside/audited" "$TR/outside/plain" ||
    fail_ "setup.py's outside file differs: $(wc -l <"$TR/outside/audited") vs $(wc -l <"$TR/outside/plain") runs"

pass_ "pip install of an sdist under --audit: exit 0 as without hermetic, package installed both times"
pass_ "setup.py's connect (line $connect_line), run (line $run_line) and write (line $write_line) reported at their lines, in the report and the log, with pip's own actions at pip's frames"
