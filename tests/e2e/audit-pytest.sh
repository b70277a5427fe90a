#!/bin/sh
# SPDX-License-Identifier: MIT
# --audit, --report and --fail-on-violation on a pytest suite. The fixture
# tests/e2e/py/audit_suite has 8 tests that all pass whether what they do
# is denied or not: two connect out to 203.0.113.1:9 (test_ping and the [b]
# case of the parametrized test_fetch), one runs /bin/true, one writes a
# file below $AUDIT_SUITE_OUT (outside the one writable directory), one
# writes in pytest's tmp_path (allowed) and three do nothing forbidden.
# Under --audit --no-network --no-subprocess --fs-readonly, the JSON
# report's "tests" table names exactly the four offending tests, each with
# exactly its category (network, subprocess, filesystem); hermetic exits 0,
# and 2 with --fail-on-violation (the message on stderr) while pytest still
# reports 8 passed. Enforced with --fail-on-violation, the suite still
# passes but the run turns red (exit 2) and the outside file is not
# written; a selection of only the harmless tests stays green (exit 0).
# Audit mode never changes the target's behaviour: the same stdout (timings
# taken out) and exit status as a bare run without hermetic, and the
# outside file is written as in the bare run.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/e2e/lib.sh"

require_python_
"$PYTHON3" -c 'import pytest' >/dev/null 2>&1 ||
    skip_ "pytest is not installed for $PYTHON3 (python3-pytest)"

mkdir "$T/suite" "$T/outside" "$T/ptmp" &&
    cp "$PY"/audit_suite/*.py "$PY"/audit_suite/pytest.ini "$T/suite/" ||
    framework_failure_ "cannot copy the suite"
cd "$T/suite" || framework_failure_ "cd $T/suite"

# Everything the runs write stays under $T: pytest's capture files go to
# TMPDIR and its tmp_path below --basetemp, both in the writable $T/ptmp
# (a subdirectory, so that pytest may remove an old one); the outside
# write goes to $T/outside, which no --allow-write covers.
AUDIT_SUITE_OUT="$T/outside"
TMPDIR="$T/ptmp"
export AUDIT_SUITE_OUT TMPDIR
pytest_="$PYTHON3 -m pytest -q -p no:cacheprovider -o console_output_style=classic --basetemp=$T/ptmp/base"
guards_="--no-network --no-subprocess --fs-readonly --allow-write $T/ptmp"
written_="$T/outside/written.txt"

# stdout with pytest's timings ("in 0.12s", "in 61.20s (0:01:01)") out
norm_() { sed -E 's/ in [0-9]+(\.[0-9]+)?s( \([0-9:]+\))?/ in Ns/' "$T/out"; }
expect_passed_() {
    expect_out "(^| )$1 passed"
    expect_no_out 'failed|error'
}

# report_tests_ FILE: one line per row of FILE's "tests" table, sorted:
# the node id, then its categories sorted (each count a positive number)
report_tests_() {
    "$PYTHON3" - "$1" <<'EOF'
import json, sys
rows = json.load(open(sys.argv[1]))["tests"]
out = []
for r in rows:
    c = r["counts"]
    assert all(isinstance(n, int) and n > 0 for n in c.values()), r
    out.append("%s %s" % (r["id"], ",".join(sorted(c))))
assert len(out) == len(set(out)), "a test twice: %r" % out
print("\n".join(sorted(out)))
EOF
}
report_mode_() { "$PYTHON3" -c 'import json, sys; print(json.load(open(sys.argv[1]))["mode"])' "$1"; }
cat >"$T/want" <<'EOF'
test_io.py::test_run_program subprocess
test_io.py::test_write_outside filesystem
test_net.py::test_fetch[b] network
test_net.py::test_ping network
EOF
LC_ALL=C sort -o "$T/want" "$T/want"
expect_table_() {
    report_tests_ "$1" | LC_ALL=C sort >"$T/got" || fail_ "$2: cannot read the tests table of $1"
    cmp -s "$T/got" "$T/want" || {
        echo "--- tests table ($2):"; cat "$T/got"; echo "--- expected:"; cat "$T/want"
        fail_ "$2: the report's tests table is not exactly the four offending tests"
    }
}

# 1. bare run, no hermetic: the reference
run_ $pytest_ .
expect_rc 0 "pytest's exit status, bare"
expect_passed_ 8
[ -f "$written_" ] || fail_ "the bare run did not write $written_"
bare_rc=$rc; norm_ >"$T/bare.out"
rm -f "$written_"

# 2. audit: nothing denied, every offending test named, same behaviour
run_h --audit $guards_ --report "$T/audit.json" -- $pytest_ .
expect_rc "$bare_rc" "hermetic --audit's exit status (the bare run's)"
expect_passed_ 8
norm_ >"$T/audit.out"
cmp -s "$T/bare.out" "$T/audit.out" || {
    diff "$T/bare.out" "$T/audit.out"; fail_ "stdout under --audit differs from the bare run's"
}
[ -f "$written_" ] || fail_ "--audit stopped the outside write"
expect_err '^hermetic: audit: '
[ "$(report_mode_ "$T/audit.json")" = audit ] || fail_ "the audit report's mode is not audit"
expect_table_ "$T/audit.json" audit
grep -q 'test_tmp_path' "$T/got" && fail_ "test_tmp_path (writes only in tmp_path) is in the tests table"
rm -f "$written_"
pass_ "--audit: same stdout and exit status as the bare run; the tests table names exactly the 4 offending tests with their categories"

# 3. audit + --fail-on-violation: the green run turns red, pytest still passes
run_h --audit --fail-on-violation $guards_ --report "$T/audit2.json" -- $pytest_ .
expect_rc 2 "hermetic --audit --fail-on-violation's exit status"
expect_passed_ 8
expect_err '^hermetic: --fail-on-violation: exit status 2 \('
norm_ >"$T/audit2.out"
cmp -s "$T/bare.out" "$T/audit2.out" || fail_ "pytest's stdout under --audit --fail-on-violation differs from the bare run's"
expect_table_ "$T/audit2.json" "audit, --fail-on-violation"
rm -f "$written_"
pass_ "--audit --fail-on-violation: pytest passes all 8, hermetic exits 2 with its message"

# 4. enforced: the suite tolerates the denials and passes, the run is red
run_h --fail-on-violation $guards_ --report "$T/enforce.json" -- $pytest_ .
expect_rc 2 "hermetic --fail-on-violation's exit status, enforced"
expect_passed_ 8
expect_err '^hermetic: --fail-on-violation: exit status 2 \('
[ ! -e "$written_" ] || fail_ "enforced, the outside write happened"
[ "$(report_mode_ "$T/enforce.json")" = enforce ] || fail_ "the enforced report's mode is not enforce"
expect_table_ "$T/enforce.json" enforce
pass_ "enforced --fail-on-violation: the suite passes, the outside write is denied, hermetic exits 2"

# 5. only the harmless tests: nothing denied, the run stays green
run_h --fail-on-violation $guards_ --report "$T/clean.json" -- $pytest_ -k 'sum or json or tmp_path or fetch[a]' .
expect_rc 0 "hermetic --fail-on-violation's exit status, harmless tests only"
expect_out '(^| )4 passed, 4 deselected'
expect_no_out 'failed|error'
expect_no_err 'fail-on-violation'
[ -z "$(report_tests_ "$T/clean.json")" ] || fail_ "harmless tests only, the tests table is not empty"
pass_ "--fail-on-violation with only the harmless tests selected: exit 0, empty tests table"
