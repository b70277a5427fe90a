#!/bin/sh
# SPDX-License-Identifier: MIT
# Profiles (found through HERMETIC_PROFILE_PATH, the source profiles/ in
# make check):
# - pytest denies an outside connect and lets a loopback listener be
#   reached; exec-deny denies subprocesses; block-all denies network and
#   subprocesses and scrubs the environment (each checked against a run
#   without the profile where the action works);
# - fs-readonly denies a write (which works without it) and lets a read
#   through; block-native runs the target, denies import ctypes (which
#   works without it) and lets hashlib's extension module load;
# - an unknown name is 125 "hermetic: unknown profile: nope";
# - a profile given as a path works, and may include another profile;
# - a malformed profile is 125 with FILE:LINE: in the message;
# - --list-profiles lists the six shipped ones; --show-profile prints one.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "$E2E/proc-helpers.inc"
require_python_

SRCPROF="$top_srcdir/profiles"
[ -f "$SRCPROF/pytest.profile" ] || framework_failure_ "no $SRCPROF/pytest.profile"
# only the source profiles: no user or installed ones interfere
HERMETIC_PROFILE_PATH="$SRCPROF"
HOME="$T/home"
XDG_CONFIG_HOME="$T/config"
export HERMETIC_PROFILE_PATH HOME XDG_CONFIG_HOME
m="$T/marker"

# -- pytest: outside connect denied, loopback listener reached
run_h --trace --profile pytest -- "$PYTHON3" "$PY/proc_tree.py" 0 203.0.113.7 80
expect_rc 20 "exit status (pytest profile, outside connect)"
expect_out '^connect EPERM$'
expect_err '^\[hermetic\] blocked connect host=203\.0\.113\.7:80 reason=no-network pid=[0-9]+$'
start_listener tcp 4
run_h --trace --profile pytest -- "$PYTHON3" "$PY/proc_tree.py" 0 127.0.0.1 "$LPORT"
expect_rc 0 "exit status (pytest profile, loopback)"
expect_out '^connect ok$'
i=0
while [ "$(listener_count)" != 1 ]; do
    i=$((i + 1)); [ $i -gt 100 ] && fail_ "the loopback listener saw no connection"
    sleep 0.05
done
stop_listener
pass_ "--profile pytest: outside connect denied, loopback allowed"

# -- exec-deny
rm -f "$m"
run_h --trace --profile exec-deny -- "$PYTHON3" "$PY/proc_spawn.py" subprocess "$m"
expect_rc 10 "exit status (exec-deny)"
expect_no_file "$m" "marker (exec-deny)"
expect_blocked_sub "$(out_pid_)"
run_h --trace -- "$PYTHON3" "$PY/proc_spawn.py" subprocess "$m"
expect_rc 0
expect_file "$m" "marker (no profile)"
pass_ "--profile exec-deny denies a subprocess (which runs without it)"

# -- block-all: network, subprocess, environment
rm -f "$m"
SECRET_TOKEN=s3cr3t run_h --trace --profile block-all -- "$PYTHON3" "$PY/proc_spawn.py" subprocess "$m"
expect_rc 10 "exit status (block-all, subprocess)"
expect_no_file "$m" "marker (block-all)"
SECRET_TOKEN=s3cr3t run_h --trace --profile block-all -- "$PYTHON3" "$PY/proc_tree.py" 0 203.0.113.7 80
expect_rc 20 "exit status (block-all, connect)"
expect_err '^\[hermetic\] blocked connect host=203\.0\.113\.7:80 reason=no-network'
SECRET_TOKEN=s3cr3t run_h --profile block-all -- "$PYTHON3" "$PY/proc_env.py"
expect_rc 0
expect_no_out '^SECRET_TOKEN='
expect_out '^PATH='
! grep -v -E '^(PATH|HOME|LANG|LC_[A-Za-z_]*|TERM|TMPDIR)=' "$T/out" | grep -q . ||
    fail_ "block-all left other variables: $(grep -v -E '^(PATH|HOME|LANG|LC_[A-Za-z_]*|TERM|TMPDIR)=' "$T/out" | cut -d= -f1 | tr '\n' ' ')"
SECRET_TOKEN=s3cr3t run_h -- "$PYTHON3" "$PY/proc_env.py"
expect_out '^SECRET_TOKEN=s3cr3t$'
# loopback is not allowed by block-all
start_listener tcp 4
run_h --profile block-all -- "$PYTHON3" "$PY/proc_tree.py" 0 127.0.0.1 "$LPORT"
expect_rc 20 "exit status (block-all, loopback)"
sleep 0.2
[ "$(listener_count)" = 0 ] || fail_ "block-all let a loopback connection through"
stop_listener
pass_ "--profile block-all denies network and subprocess, scrubs the environment"

# -- fs-readonly: a write denied, a read through
rm -f "$T/ran"
run_h --trace --profile fs-readonly -- "$PYTHON3" -c "open('$T/ran', 'w')"
expect_rc 1 "exit status (fs-readonly, write)"
expect_no_file "$T/ran" "the file written (fs-readonly)"
expect_err '^\[hermetic\] blocked open(at)? path=[^ ]*/ran reason=fs-readonly pid=[0-9]+$'
expect_err 'PermissionError'
run_h --profile fs-readonly -- "$PYTHON3" -c "print(open('$SRCPROF/fs-readonly.profile').read(), end='')"
expect_rc 0 "exit status (fs-readonly, read)"
cmp -s "$T/out" "$SRCPROF/fs-readonly.profile" || fail_ "fs-readonly: the file read differs"
expect_err_empty
run_h -- "$PYTHON3" -c "open('$T/ran', 'w')"
expect_rc 0 "exit status (no profile, write)"
expect_file "$T/ran" "the file written (no profile)"
pass_ "--profile fs-readonly denies a write (which works without it), lets a read through"

# -- block-native: the target runs, ctypes is denied, hashlib loads
rm -f "$T/ran"
run_h --profile block-native -- "$PYTHON3" -c "import hashlib; open('$T/ran', 'w')"
expect_rc 0 "exit status (--profile block-native)"
expect_err_empty
expect_file "$T/ran" "the target's marker (block-native)"
run_h --trace --profile block-native -- "$PYTHON3" -c "
try:
    import ctypes
except ImportError:
    print('ctypes ImportError')
"
expect_rc 0 "exit status (block-native, import ctypes)"
expect_out_is "ctypes ImportError"
expect_err '^\[hermetic\] blocked mmap path=/[^ ]*/_ctypes\.[^ /]*so reason=block-native pid=[0-9]+$'
run_h -- "$PYTHON3" -c "import ctypes; print('ctypes ok')"
expect_rc 0 "exit status (no profile, import ctypes)"
expect_out_is "ctypes ok"
pass_ "--profile block-native runs the target and denies ctypes (which imports without it)"

# -- unknown
run_h --profile nope -- "$PYTHON3" -c pass
expect_rc 125
expect_err_is "hermetic: unknown profile: nope"
run_h --profile "$T/no-such.profile" -- "$PYTHON3" -c pass
expect_rc 125
expect_err_is "hermetic: unknown profile: $T/no-such.profile"
pass_ "an unknown profile is 125 with its name"

# -- a profile given as a path, and one including another
printf '# mine\nno-subprocess   # a comment\n\ntrace\n' >"$T/mine.profile"
rm -f "$m"
run_h --profile "$T/mine.profile" -- "$PYTHON3" "$PY/proc_spawn.py" subprocess "$m"
expect_rc 10 "exit status (profile by path)"
expect_no_file "$m"
expect_blocked_sub "$(out_pid_)"
cd "$T" || framework_failure_ "cd $T"
run_h --profile ./mine.profile -- "$PYTHON3" "$PY/proc_spawn.py" subprocess "$m"
expect_rc 10 "exit status (profile by relative path)"
printf 'profile = exec-deny\n' >"$T/outer.profile"
run_h --profile "$T/outer.profile" -- "$PYTHON3" "$PY/proc_spawn.py" subprocess "$m"
expect_rc 10 "exit status (profile including exec-deny)"
expect_no_file "$m"
pass_ "a profile by path works, and can include another"

# -- malformed: FILE:LINE:
printf '# bad\nno-network\nbogus-option\n' >"$T/bad.profile"
run_h --profile "$T/bad.profile" -- "$PYTHON3" -c pass
expect_rc 125 "exit status (malformed profile)"
expect_err_is "hermetic: $T/bad.profile:3: unknown option 'bogus-option'"
printf 'no-network\nallow-exec =\n' >"$T/bad2.profile"
run_h --profile "$T/bad2.profile" -- "$PYTHON3" -c pass
expect_rc 125
expect_err "^hermetic: $T/bad2.profile:2: "
printf 'no network\n' >"$T/bad3.profile"
run_h --profile "$T/bad3.profile" -- "$PYTHON3" -c pass
expect_rc 125
expect_err "^hermetic: $T/bad3.profile:1: "
printf '\n\nversion\n' >"$T/bad4.profile"
run_h --profile "$T/bad4.profile" -- "$PYTHON3" -c pass
expect_rc 125
expect_err "^hermetic: $T/bad4.profile:3: "
pass_ "a malformed profile is 125 with FILE:LINE:"

# -- --list-profiles
run_h --list-profiles
expect_rc 0
expect_err_empty
for p in block-all block-native exec-deny fs-readonly net-hermetic pytest; do
    expect_out "^$p +[^ ].* \($SRCPROF/$p\.profile\)\$"
done
[ "$(wc -l <"$T/out" | tr -d ' ')" -ge 6 ] || fail_ "fewer than six profiles listed"
pass_ "--list-profiles lists the six shipped profiles"

# -- --show-profile
run_h --show-profile pytest
expect_rc 0
{ echo "# $SRCPROF/pytest.profile"; cat "$SRCPROF/pytest.profile"; } >"$T/want"
cmp -s "$T/want" "$T/out" || fail_ "--show-profile pytest is not the file's content"
run_h --show-profile nope
expect_rc 125
expect_err_is "hermetic: unknown profile: nope"
pass_ "--show-profile prints a profile"
