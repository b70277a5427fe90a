#!/bin/sh
# SPDX-License-Identifier: MIT
# --no-environment / --no-env: the target sees only PATH, HOME, LANG, LC_*,
# TERM and TMPDIR, with their values; SECRET_TOKEN (and near-miss names
# such as LANGUAGE, PATHEXT, HOMEDIR) is gone; --keep-env SECRET_TOKEN
# keeps it; without the flag the whole environment is there.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "$E2E/proc-helpers.inc"
require_python_

# a known environment: env -i, then exactly these
set -- PATH="$PATH" HOME=/home/nobody-here LANG=C.UTF-8 LC_TIME=C \
    LC_ALL=C.UTF-8 TERM=dumb TMPDIR=/var/tmp SECRET_TOKEN=s3cr3t \
    LANGUAGE=fr HOMEDIR=/x PATHEXT=.py TERMINFO=/y LC=no OTHER="a b=c"

kept='HOME=/home/nobody-here
LANG=C.UTF-8
LC_ALL=C.UTF-8
LC_TIME=C
PATH='"$PATH"'
TERM=dumb
TMPDIR=/var/tmp'

for flag in --no-environment --no-env; do
    run_ env -i "$@" "$HERMETIC" $flag -- "$PYTHON3" "$PY/proc_env.py"
    expect_rc 0
    expect_out_is "$kept"
    expect_no_out s3cr3t
    pass_ "$flag: only PATH, HOME, LANG, LC_*, TERM, TMPDIR"
done

run_ env -i "$@" "$HERMETIC" --no-env --keep-env SECRET_TOKEN --keep-env OTHER -- "$PYTHON3" "$PY/proc_env.py"
expect_rc 0
expect_out_is "HOME=/home/nobody-here
LANG=C.UTF-8
LC_ALL=C.UTF-8
LC_TIME=C
OTHER=a b=c
PATH=$PATH
SECRET_TOKEN=s3cr3t
TERM=dumb
TMPDIR=/var/tmp"
pass_ "--keep-env SECRET_TOKEN --keep-env OTHER keeps them"

# a --keep-env name that is not set adds nothing
run_ env -i "$@" "$HERMETIC" --no-env --keep-env NOT_SET_ANYWHERE -- "$PYTHON3" "$PY/proc_env.py"
expect_rc 0
expect_out_is "$kept"
pass_ "--keep-env of an unset name adds nothing"

# children see the filtered environment too
run_ env -i "$@" "$HERMETIC" --no-env -- "$PYTHON3" -c '
import subprocess, sys
subprocess.run([sys.executable, sys.argv[1]], check=True)' "$PY/proc_env.py"
expect_rc 0
expect_out_is "$kept"
pass_ "a child of the target gets the filtered environment"

# --keep-env with a value is refused
run_h --no-env --keep-env SECRET_TOKEN=x -- "$PYTHON3" -c pass
expect_rc 125
expect_err_is "hermetic: --keep-env SECRET_TOKEN=x: give a variable name, without '='"

# without the flag: everything
run_ env -i "$@" "$HERMETIC" -- "$PYTHON3" "$PY/proc_env.py"
expect_rc 0
expect_out '^SECRET_TOKEN=s3cr3t$'
expect_out '^LANGUAGE=fr$'
expect_out '^OTHER=a b=c$'
[ "$(wc -l <"$T/out" | tr -d ' ')" = $# ] || fail_ "expected all $# variables without --no-env"
pass_ "without --no-env the target sees the whole environment"
