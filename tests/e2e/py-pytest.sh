#!/bin/sh
# SPDX-License-Identifier: MIT
# Under pytest, each trace line names the test that made the denied call
# (" test=NODEID", the node id relative to the rootdir, last on the line)
# besides its call site. The fixture suite tests/e2e/py/pytest_suite has 8
# tests, of which exactly two connect to an outside address: the remote-2
# case of a parametrized test and a method of a test class, both
# expecting PermissionError. Under --no-network: pytest passes all 8
# (exit 0), there are exactly two trace lines, their test= values are
# exactly those two node ids, and each points at its marked line with
# " at test_x.py:LINE in QUALNAME" (co_qualname on 3.11+, co_name before).
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/e2e/lib.sh"
. "$E2E/py-lib.inc"

require_python_
"$PYTHON3" -c 'import pytest' >/dev/null 2>&1 ||
    skip_ "pytest is not installed for $PYTHON3 (python3-pytest)"
minor=$("$PYTHON3" -c 'import sys; print(sys.version_info[1] if sys.version_info[0] == 3 else 0)')
[ "$minor" -ge 8 ] || skip_ "$PYTHON3 is older than 3.8: no call sites"

mkdir "$T/suite" && cp "$PY"/pytest_suite/*.py "$PY"/pytest_suite/pytest.ini "$T/suite/" ||
    framework_failure_ "cannot copy the suite"
cd "$T/suite" || framework_failure_ "cd $T/suite"

fetch_line=$(marker_line_ test_a.py MARK:fetch) || framework_failure_ "no one MARK:fetch line in test_a.py"
get_line=$(marker_line_ test_b.py MARK:get) || framework_failure_ "no one MARK:get line in test_b.py"
if [ "$minor" -ge 11 ]; then get_q=TestApi.test_get; else get_q=test_get; fi

run_h --trace --no-network -- "$PYTHON3" -m pytest -q -p no:cacheprovider .
expect_rc 0 "pytest's exit status (both network tests expect PermissionError)"
expect_out '(^| )8 passed'
expect_no_out 'failed|error'

n=$(grep -c '^\[hermetic\] blocked ' "$T/err")
[ "$n" = 2 ] || fail_ "$n trace lines, expected 2"

# the set of test= values
sed -n 's/^\[hermetic\] blocked .* test=\([^ ]*\)$/\1/p' "$T/err" | sort >"$T/tests"
printf '%s\n' 'test_a.py::test_fetch[remote-2]' 'test_b.py::TestApi::test_get' | sort >"$T/want"
cmp -s "$T/tests" "$T/want" || {
    echo "--- test= values:"; cat "$T/tests"; echo "--- expected:"; cat "$T/want"
    fail_ "the test= values are not exactly the two network tests"
}

# each line whole (the pid is pytest's, not printed by the suite); grep on
# $T/err itself, since lib.sh's expect_err takes the call sites out
expect_line_() { grep -Eq -- "$1" "$T/err" || fail_ "stderr lacks /$1/"; }
expect_line_ "^\[hermetic\] blocked connect host=203\.0\.113\.1:9 reason=no-network at test_a\.py:$fetch_line in test_fetch pid=[0-9]+ test=test_a\.py::test_fetch\[remote-2\]\$"
expect_line_ "^\[hermetic\] blocked connect host=203\.0\.113\.1:9 reason=no-network at test_b\.py:$get_line in $(printf '%s' "$get_q" | sed 's/\./\\./g') pid=[0-9]+ test=test_b\.py::TestApi::test_get\$"

pass_ "pytest: the two network tests denied and named (test=), with their call sites; pytest exits 0"
