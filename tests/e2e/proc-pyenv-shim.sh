#!/bin/sh
# SPDX-License-Identifier: MIT
# The arming rule with the pyenv shim: `hermetic --no-subprocess -- python3
# script.py`, where python3 on PATH is a pyenv shim (a bash script that
# runs several processes before the real interpreter), runs the script (its
# exit status and output), and the subprocess the script starts is refused;
# a #!/usr/bin/env python3 script reaching the shim is the same. Without
# the flag the subprocess runs. Skipped where there is no readable shim.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "$E2E/proc-helpers.inc"

shim=$(command -v python3) || skip_ "no python3 on PATH"
case $shim in
*/shims/python3) ;;
*) skip_ "python3 on PATH ($shim) is not a pyenv shim" ;;
esac
[ -r "$shim" ] || skip_ "the pyenv shim $shim is not readable by $(id -un)"
grep -q 'pyenv' "$shim" || skip_ "$shim does not look like a pyenv shim"
# the shim must work at all here (a pyenv version must be installed)
"$shim" -c 'import sys' >/dev/null 2>&1 || skip_ "the pyenv shim $shim does not run python here"

m="$T/marker"
cd "$T" || framework_failure_ "cd $T"

# the script runs: exact output and status
run_h --trace --no-subprocess -- python3 "$PY/proc_argv.py" one "two words" --
expect_rc 0
expect_out_is '["one", "two words", "--"]'
expect_err_empty
pass_ "python3 (pyenv shim) runs the script under --no-subprocess"

# its subprocess is refused
run_h --trace --no-subprocess -- python3 "$PY/proc_run.py" touch "$m"
expect_rc 10 "exit status (subprocess under the shim)"
expect_out '^denied EPERM$'
expect_no_file "$m" "marker (shim, --no-subprocess)"
pid=$(out_pid_)
[ -n "$pid" ] || fail_ "the script did not run"
expect_blocked_sub "$pid"
pass_ "a subprocess.run inside the shim-started script is refused"

# control: without the flag it runs
run_h --trace -- python3 "$PY/proc_run.py" touch "$m"
expect_rc 0
expect_file "$m" "marker (shim, no guard)"
pass_ "without --no-subprocess the subprocess runs"

# a #!/usr/bin/env python3 script whose python3 is the shim
[ -x /usr/bin/env ] || skip_ "no /usr/bin/env"
cp "$PY/proc_run.py" "$T/runner"
chmod 755 "$T/runner"
rm -f "$m"
run_h --trace --no-subprocess -- "$T/runner" touch "$m"
expect_rc 10 "exit status (env -> shim script)"
expect_out '^denied EPERM$'
expect_no_file "$m"
expect_blocked_sub "$(out_pid_)"
pass_ "#!/usr/bin/env python3 -> pyenv shim -> python: the launcher chain runs, the subprocess is refused"
