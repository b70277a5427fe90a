#!/bin/sh
# SPDX-License-Identifier: MIT
# Unix sockets under --no-network. What the program makes itself works: a
# socketpair, and a socket it binds (absolute path, relative path, abstract
# name) connected to from the program, a forked child and an exec'd child.
# A socket bound by a process outside hermetic (path, abstract name,
# datagram; also reached through a symlink the program makes) is denied
# with EPERM and a "blocked connect|sendto unix=..." line, and the
# listener sees nothing; it is reached with --allow-unix, --allow-unix=PATH
# (or a directory above it), --allow-unix=@NAME, and without flags. Rules
# match whole names: a prefix that is not a path component or the whole
# abstract name does not allow. Binding where an outside socket is already
# bound fails and does not make it the program's own. A nonexistent path
# gives ENOENT, with no line.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/e2e/net-lib.inc"

require_python_

mkdir "$T/ext" "$T/own" || framework_failure_ "mkdir"
EXT="$T/ext/ext.sock"
EXTD="$T/ext/ext.dgram"
ABS="hermetic-net-$$-ext"
start_net_listener ext unix "$EXT" || framework_failure_ "unix listener $EXT"
start_net_listener extd unix-dgram "$EXTD" || framework_failure_ "unix datagram listener $EXTD"
start_net_listener exta unix "@$ABS" || framework_failure_ "abstract listener @$ABS"

# --- what the program binds itself
OWNABS="hermetic-net-$$-own"
OWN="socketpair unix-own,$T/own/own.sock unix-own,@$OWNABS chdir,$T/own unix-own,rel.sock"
# shellcheck disable=SC2086
run_h --trace --no-network -- "$PYTHON3" "$NP" $OWN
expect_rc 0
expect_step socketpair ok
for s in "unix-own,$T/own/own.sock" "unix-own,@$OWNABS" "unix-own,rel.sock"; do
    expect_step "$s" "ok self=ok fork=ok exec=ok accepted=3"
done
expect_no_trace

# --- sockets bound outside hermetic
C="unix,$EXT"
D="unix-dgram,$EXTD"
A="unix,@$ABS"
L="unix,$T/own/link.sock"	# a symlink to $EXT
MKLINK="symlink,$EXT,$T/own/link.sock"
# Runs: FLAGS|which of C D A L are allowed (letter), denied (-), or not
# tried (x: through a symlink, whether an allowed path's rule covers it is
# the implementation's choice; net-unix-allow.sh covers symlinks leaving
# an allowed directory)
runs_="--no-network|- - - -
--no-network --allow-unix|C D A L
--no-network --allow-unix=$EXT --allow-unix=$EXTD --allow-unix=@$ABS|C D A x
--no-network --allow-unix=$T/ext|C D - x
--no-network --allow-unix=$T/ext/ --allow-unix=@$ABS|C D A x
--no-network --allow-unix=$T/ex --allow-unix=$T/ext/ext.so --allow-unix=@hermetic-net-$$-ex --allow-unix=@$ABS-more|- - - -
--no-network --allow-unix=@$ABS --allow-unix=$EXTD|- D A -
|C D A L"
printf '%s\n' "$runs_" >"$T/runs"
ext_n=0 extd_n=0 exta_n=0	# what each listener has counted so far
while IFS='|' read -r flags allowed; do
    rm -f "$T/own/link.sock"
    steps=
    # shellcheck disable=SC2086
    set -- $allowed
    for which in C D A L; do
        [ "$1" = x ] || eval "steps=\"\$steps \$$which\""
        shift
    done
    # shellcheck disable=SC2086
    run_h --trace $flags -- "$PYTHON3" "$NP" "$MKLINK" $steps
    expect_rc 0 "exit status with flags '$flags'"
    expect_step "$MKLINK" ok
    ndenied=0
    # shellcheck disable=SC2086
    set -- $allowed
    for which in C D A L; do
        ok=$1; shift
        case $which in
        C) s=$C verb=connect detail="unix=$EXT" ;;
        D) s=$D verb=sendto detail="unix=$EXTD" ;;
        A) s=$A verb=connect detail="unix=@$ABS" ;;
        L) s=$L verb=connect detail="unix=$T/own/link.sock" ;;
        esac
        if [ "$ok" = x ]; then
            continue
        elif [ "$ok" = - ]; then
            expect_step "$s" EPERM
            expect_trace "$verb" "$detail" no-network
            ndenied=$((ndenied + 1))
        else
            expect_step "$s" ok
            case $which in
            C | L) ext_n=$((ext_n + 1)) ;;
            D) extd_n=$((extd_n + 1)) ;;
            A) exta_n=$((exta_n + 1)) ;;
            esac
        fi
    done
    expect_trace_lines $ndenied
    expect_count $ext_n ext
    expect_count $extd_n extd
    expect_count $exta_n exta
done <"$T/runs"

# --- binding over an outside socket fails, and does not make it ours
SQ="unix-squat,$EXT"
SQA="unix-squat,@$ABS"
run_h --trace --no-network -- "$PYTHON3" "$NP" "$SQ" "$SQA"
expect_rc 0
expect_step "$SQ" "bind=EADDRINUSE connect=EPERM"
expect_step "$SQA" "bind=EADDRINUSE connect=EPERM"
expect_trace connect "unix=$EXT" no-network
expect_trace connect "unix=@$ABS" no-network
expect_trace_lines 2
expect_count $ext_n ext
expect_count $exta_n exta

# --- nothing there: the kernel's ENOENT, not a denial
NOPE="unix,$T/own/nope.sock"
NOPED="unix-dgram,$T/own/nope.dgram"
run_h --trace --no-network -- "$PYTHON3" "$NP" "$NOPE" "$NOPED"
expect_rc 0
expect_step "$NOPE" ENOENT
expect_step "$NOPED" ENOENT
expect_no_trace

pass_ "unix sockets: own ones work, outside ones follow --allow-unix"
