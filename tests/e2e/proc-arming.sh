#!/bin/sh
# SPDX-License-Identifier: MIT
# When --no-subprocess arms (tracer.c on_exec):
# - a target that is not a Python program (a #!/bin/sh script) is armed at
#   its own exec: the touch it starts is refused (no marker), and the same
#   script without the flag creates the marker;
# - a Python script with a "#!/usr/bin/env python3" line run directly as
#   TARGET: env may exec python (the launcher chain is allowed), the script
#   runs, and the subprocess it starts is refused; without the flag it runs.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "$E2E/proc-helpers.inc"
require_python_

m="$T/marker"

# -- a shell script target
printf '#!/bin/sh\necho "pid $$"\ntouch "$1"\necho "touch status $?"\n' >"$T/script.sh"
chmod 755 "$T/script.sh"
run_h --trace --no-subprocess -- "$T/script.sh" "$m"
expect_no_file "$m" "marker (shell script under --no-subprocess)"
pid=$(out_pid_)
[ -n "$pid" ] || fail_ "the script did not run"
expect_blocked_sub "$pid"
case $(readlink -f /bin/sh) in
*/dash)
    # dash: "Cannot fork" is fatal in a script, status 2
    expect_rc 2 "exit status (dash cannot fork)"
    expect_no_out '^touch status' ;;
*)
    [ "$rc" != 0 ] || expect_out '^touch status [1-9]' ;;
esac
pass_ "a #!/bin/sh target is armed at its own exec: its child is refused"

run_h --trace -- "$T/script.sh" "$m"
expect_rc 0
expect_file "$m" "marker (shell script without --no-subprocess)"
expect_out '^touch status 0$'
pass_ "the same script without --no-subprocess creates the marker"

# -- a #!/usr/bin/env python3 script run directly; python3 on PATH is the
# system interpreter (a link in a directory put first)
[ -x /usr/bin/env ] || skip_ "no /usr/bin/env"
mkdir "$T/bin"
ln -s "$PYTHON3" "$T/bin/python3"
cp "$PY/proc_run.py" "$T/runner"
chmod 755 "$T/runner"
head -n 1 "$T/runner" | grep -qx '#!/usr/bin/env python3' ||
    framework_failure_ "proc_run.py lost its #!/usr/bin/env python3 line"
rm -f "$m"
PATH="$T/bin:$PATH" run_h --trace --no-subprocess -- "$T/runner" touch "$m"
expect_rc 10 "exit status (env script under --no-subprocess)"
expect_out '^denied EPERM$'
expect_no_file "$m" "marker (env script under --no-subprocess)"
pid=$(out_pid_)
[ -n "$pid" ] || fail_ "the script did not run"
expect_blocked_sub "$pid"
! grep -q '^\[hermetic\] blocked execve path=[^ ]*python' "$T/err" ||
    fail_ "env's exec of python was refused"
pass_ "a #!/usr/bin/env python3 target runs, its subprocess is refused"

PATH="$T/bin:$PATH" run_h --trace -- "$T/runner" touch "$m"
expect_rc 0
expect_out '^status 0$'
expect_file "$m" "marker (env script without --no-subprocess)"
pass_ "the same script without --no-subprocess runs touch"

